/**
 * Matching primitives of alignment: a claim token in a passage (stems, en↔nl concepts,
 * spelling variants, agent nouns, long shared prefixes), figures compared as intervals
 * for a counted noun, dates compared field by field, names by key or most of their
 * words. Pure functions of two prepared texts; memoized where they are hot.
 */
import type { DateMention, NumberMention } from '../analysis/types';
import { TIME_UNIT_DAYS } from '../analysis/numwords';
import { getLexicon } from '../analysis/lexicon';
import { agentStem, isNameHead, push, sameBase, spellKey, synsetIds, verbGroupOf, type Compound, type CToken, type Prepared } from './nlp';

export function commonPrefix(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  let i = 0;
  while (i < n && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}

/**
 * Passage token indexes that match a claim token (same stem/norm, shared concept, or a
 * long shared prefix), ascending. Memoized per (claim, passage, claim token): the result
 * is shared, callers must not modify it.
 */
export function findToken(t: CToken, c: Prepared, p: Prepared): number[] {
  if (c.tokens[t.i] !== t) return computeFindToken(t, c, p);
  let perPassage = findCache.get(c);
  if (!perPassage) findCache.set(c, (perPassage = new WeakMap()));
  let row = perPassage.get(p);
  if (!row) perPassage.set(p, (row = new Array<number[] | undefined>(c.tokens.length)));
  return (row[t.i] ??= computeFindToken(t, c, p));
}

const findCache = new WeakMap<Prepared, WeakMap<Prepared, Array<number[] | undefined>>>();

/** The agent nouns of a passage with their base stems, computed once per passage. */
const agentCache = new WeakMap<Prepared, Array<[number, string]>>();
function passageAgents(p: Prepared): Array<[number, string]> {
  let list = agentCache.get(p);
  if (!list) {
    list = [];
    for (const k of p.content) {
      const a = agentStem(p.tokens[k].norm);
      if (a) list.push([k, a]);
    }
    agentCache.set(p, list);
  }
  return list;
}
const DIGIT = /\d/;

/**
 * The verb-group neighbours of a passage's content words (WordNet "$", nlp.ts verbGroupOf)
 * -> their tokens, computed once per passage on first use (only where a text is Dutch, so
 * English-only checks never pay for it). The relation is symmetric: the passage side suffices.
 */
const groupCache = new WeakMap<Prepared, Map<string, number[]>>();
function passageGroups(p: Prepared): Map<string, number[]> {
  let m = groupCache.get(p);
  if (!m) {
    m = new Map();
    for (const k of p.content) for (const x of verbGroupOf(p.tokens[k].concepts)) push(m, x, k);
    groupCache.set(p, m);
  }
  return m;
}

/**
 * A word's translations through its first senses: the first lemma, in language `to`, of
 * each of its synsets (WordNet lists a synset's most frequent lemma first), one word each.
 * Open Dutch WordNet often links a Dutch word to a neighbouring sense of the English word
 * ("bal" to ball as a plaything, "ball" first to the game ball); the lemma is shared where
 * the sense is not.
 */
function headLemmas(concepts: readonly string[], to: 'en' | 'nl'): string[] {
  const lex = getLexicon();
  if (!lex) return [];
  const out: string[] = [];
  for (const id of synsetIds(concepts)) {
    const head = lex.synset(id)[to][0];
    if (head && /^\p{L}+$/u.test(head) && !out.includes(head)) out.push(head);
  }
  return out;
}

/**
 * The passage's content words by their lemmas and by their translations into the other
 * language (headLemmas) -> their tokens, computed once per passage on first use
 * (cross-language pairs only; English and Dutch).
 */
const lemmaCache = new WeakMap<Prepared, { own: Map<string, number[]>; translated: Map<string, number[]> }>();
function passageLemmas(p: Prepared & { lang: 'en' | 'nl' }): { own: Map<string, number[]>; translated: Map<string, number[]> } {
  let m = lemmaCache.get(p);
  if (!m) {
    const lex = getLexicon();
    const to = p.lang === 'en' ? 'nl' : 'en';
    m = { own: new Map(), translated: new Map() };
    // (Each token once per key: a word's lemmas, and its head lemmas, are distinct.)
    for (const k of p.content) {
      const q = p.tokens[k];
      if (q.name !== undefined || q.num !== undefined || q.date !== undefined) continue;
      for (const l of lex ? lex.lemmas(q.norm, p.lang) : []) push(m.own, l, k);
      for (const l of headLemmas(q.concepts, to)) push(m.translated, l, k);
    }
    lemmaCache.set(p, m);
  }
  return m;
}

const isEnNl = (q: Prepared): q is Prepared & { lang: 'en' | 'nl' } => q.lang === 'en' || q.lang === 'nl';

function computeFindToken(t: CToken, c: Prepared, p: Prepared): number[] {
  const out = new Set<number>();
  for (const k of p.norms.get(t.norm) ?? []) out.add(k);
  const digits = DIGIT.test(t.norm);
  if (c.lang === p.lang || digits) for (const k of p.stems.get(t.stem) ?? []) out.add(k);
  for (const concept of t.concepts) for (const k of p.concepts.get(concept) ?? []) out.add(k);
  // Dutch words the lexicon lacks, read through their parts or as a verb stem: across
  // languages only ("vliegtuigcrash" / "plane crash", "zit" / "sits"); within Dutch they
  // added verdicts less precise than the rest (docs/EVAL.md).
  if (out.size === 0 && c.lang !== p.lang && !digits) {
    if (t.compound) for (const k of compoundHits(t.compound, p)) out.add(k);
    // A bare Dutch verb stem ("zit", "eet") by the senses of its infinitive, either side.
    for (const x of t.stemConcepts ?? []) for (const k of p.concepts.get(x) ?? []) out.add(k);
    // The passage's compound heads and verb stems.
    for (const key of [t.norm, ...t.concepts]) for (const k of p.crossConcepts.get(key) ?? []) out.add(k);
    if (p.modifiers.size > 0) for (const k of modifierHits(t, c, p)) out.add(k);
  }
  // A verb WordNet groups with the other's senses, where either text is Dutch: Open Dutch
  // WordNet links a Dutch verb to one sense, often a neighbour of the English verb's.
  if (out.size === 0 && !digits && (c.lang === 'nl' || p.lang === 'nl')) {
    const groups = passageGroups(p);
    for (const x of t.concepts) for (const k of groups.get(x) ?? []) out.add(k);
  }
  // Across languages, a word whose translation through its first senses is the other's
  // lemma, either way ("bal" / "ball", "ui" / "onion").
  if (out.size === 0 && !digits && t.name === undefined && isEnNl(c) && isEnNl(p) && c.lang !== p.lang) {
    const lex = getLexicon();
    const { own, translated } = passageLemmas(p);
    for (const l of lex ? lex.lemmas(t.norm, c.lang) : []) for (const k of translated.get(l) ?? []) out.add(k);
    for (const l of headLemmas(t.concepts, p.lang)) for (const k of own.get(l) ?? []) out.add(k);
  }
  if (out.size === 0 && t.norm.length >= 4 && !digits && c.lang === 'en' && p.lang === 'en') {
    // spellKey rewrites only a word's ending (first letter kept, length changed by at
    // most one): a token with another first letter or length cannot share the key.
    const key = spellKey(t.norm);
    const first = t.norm.charCodeAt(0);
    const len = t.norm.length;
    for (const k of p.content) {
      const qn = p.tokens[k].norm;
      if (qn.charCodeAt(0) !== first || Math.abs(qn.length - len) > 2 || qn === t.norm) continue;
      if (spellKey(qn) === key) out.add(k);
    }
  }
  // An agent noun and the word it is made from ("drummer" / "drums", "politician" / "politics").
  if (out.size === 0 && !digits && c.lang === 'en' && p.lang === 'en' && !t.stop) {
    const ta = agentStem(t.norm);
    if (ta) {
      for (const k of p.content) if (sameBase(ta, p.tokens[k].stem)) out.add(k);
    } else {
      for (const [k, qa] of passageAgents(p)) if (sameBase(qa, t.stem)) out.add(k);
    }
  }
  if (out.size === 0 && t.norm.length >= 5 && !digits) {
    for (const k of p.content) {
      const q = p.tokens[k];
      if (q.norm.length < 5 || Math.abs(t.norm.length - q.norm.length) > 4 || DIGIT.test(q.norm)) continue;
      const cp = commonPrefix(t.norm, q.norm);
      const minLen = Math.min(t.norm.length, q.norm.length);
      if (cp >= 5 && cp >= 0.75 * minLen) out.add(k);
    }
  }
  // A word under a negated condition ("if the men were not released") states no fact, so
  // it backs only a claim word under such a condition too.
  if (!t.hypothetical) for (const k of out) if (p.tokens[k].hypothetical) out.delete(k);
  if (out.size === 0) return [];
  return [...out].sort((a, b) => a - b);
}

/** Tokens between a compound's head and its modifier in a passage ("plane crash", "crash of a plane"). */
const COMPOUND_WINDOW = 3;

/**
 * Where a passage says what a claim's Dutch compound says: its head (by word or synset)
 * with its modifier in the same token or within a few tokens of the same clause. The head
 * alone is not enough: "grondoffensief" is not backed by "luchtoffensief" nor by
 * "offensief", nor "vliegtuigcrash" by "treincrash".
 */
function compoundHits(cp: Compound, p: Prepared): number[] {
  const at = (norm: string, concepts: string[]): Set<number> => {
    const s = new Set<number>(p.norms.get(norm) ?? []);
    for (const x of concepts) for (const k of p.concepts.get(x) ?? []) s.add(k);
    return s;
  };
  const heads = at(cp.head, cp.headConcepts);
  if (heads.size === 0) return [];
  const mods = at(cp.modifier, cp.modifierConcepts);
  const out: number[] = [];
  for (const h of heads) {
    for (const m of mods) {
      if (Math.abs(m - h) > COMPOUND_WINDOW) continue;
      let broken = false;
      for (let k = Math.min(m, h); k < Math.max(m, h); k++) if (p.tokens[k].breakAfter) broken = true;
      if (!broken) {
        out.push(h);
        break;
      }
    }
  }
  return out;
}

/**
 * Passage compounds whose modifier is the claim token, where a claim word next to it (same
 * clause, within COMPOUND_WINDOW) is the compound's head: "plane" of "plane crash" in
 * "vliegtuigcrash", but not "gras" of "zit op het gras" in "grashoed".
 */
function modifierHits(t: CToken, c: Prepared, p: Prepared): number[] {
  const cand = new Set<number>(p.modifiers.get(t.norm) ?? []);
  for (const x of t.concepts) for (const k of p.modifiers.get(x) ?? []) cand.add(k);
  if (cand.size === 0) return [];
  const out: number[] = [];
  for (const k of cand) {
    const cp = p.tokens[k].compound;
    if (!cp) continue;
    const heads = new Set(cp.headConcepts);
    const isHead = (u: CToken) => u.norm === cp.head || u.concepts.some((x) => heads.has(x)) || (u.compound?.headConcepts.some((x) => heads.has(x)) ?? false);
    let found = false;
    for (let d = 1; d <= COMPOUND_WINDOW && !found; d++) {
      for (const j of [t.i + d, t.i - d]) {
        if (j < 0 || j >= c.tokens.length) continue;
        let broken = false;
        for (let q = Math.min(j, t.i); q < Math.max(j, t.i); q++) if (c.tokens[q].breakAfter) broken = true;
        if (!broken && !c.tokens[j].stop && isHead(c.tokens[j])) found = true;
      }
    }
    if (found) out.push(k);
  }
  return out;
}

// ---------------------------------------------------------------- numbers

/** Counted nouns that only say "persons". */
export const GENERIC_PEOPLE = new Set(['people', 'persons', 'person', 'individuals', 'mensen', 'personen', 'lieden']);
/** Counted nouns for groups of people (a generic "people" may stand for them). */
export const PEOPLE_NOUNS = new Set([
  'passengers', 'victims', 'dead', 'civilians', 'residents', 'soldiers', 'children', 'members', 'fighters', 'militants',
  'workers', 'students', 'patients', 'refugees', 'prisoners', 'hostages', 'protesters', 'supporters', 'inhabitants', 'adults', 'men', 'women',
  'passagiers', 'slachtoffers', 'doden', 'burgers', 'inwoners', 'soldaten', 'kinderen', 'leden', 'strijders', 'militanten',
  'arbeiders', 'studenten', 'patiënten', 'vluchtelingen', 'gevangenen', 'gijzelaars', 'betogers', 'aanhangers', 'volwassenen', 'mannen', 'vrouwen',
]);
export const isPeople = (text: string) => PEOPLE_NOUNS.has(text) || GENERIC_PEOPLE.has(text) || /^\p{Lu}\p{Ll}+(?:ians|ans|is|ers|ese|ens)$/u.test(text);
/** The dead: "killing 300 people" counts them as "300 doden" does. */
export const DEAD = new Set(['dead', 'deaths', 'fatalities', 'victims', 'doden', 'slachtoffers']);

/**
 * Whether two lengths of time are one: exactly, or within 2% where a month or a year (no
 * exact number of days) is involved ("three months" / "90 days"; not "15 years" / "188
 * months", nor "59 minutes" / "1 hour").
 */
function sameLength(a: number, da: number, b: number, db: number): boolean {
  const tol = da >= 28 || db >= 28 ? 1.02 : 1 + 1e-9;
  return Math.max(a * da, b * db) / Math.max(1e-12, Math.min(a * da, b * db)) <= tol;
}
/** The length of a unit of time the figure counts, in days ("two weeks": 7). */
function daysPer(n: NumberMention): number | undefined {
  return n.unitText === undefined ? undefined : TIME_UNIT_DAYS[n.unitText.toLowerCase()];
}

/** Nouns that count occasions. */
const OCCASIONS = new Set(['times', 'time', 'occasions', 'keer', 'keren', 'maal', 'malen']);
/** Whether the counted noun `t` of text `q` is a word of text `other` too (by form or concept). */
function eventNamed(t: CToken, q: Prepared, other: Prepared): boolean {
  return other.tokens.some((o) => !o.stop && o.num === undefined && findToken(o, other, q).includes(t.i));
}

export function unitsMatch(a: NumberMention, b: NumberMention, c: Prepared, p: Prepared): 'same' | 'none' | 'differ' {
  if (!a.unit || !b.unit) return 'none';
  if (a.unit === b.unit) return 'same';
  // Two lengths of time are one slot when the figure is the same in another unit ("two
  // weeks ago" / "two months ago") or the length is ("14 days" / "two weeks"); other
  // lengths count other things ("8000 hours of observations over 18 years").
  const da = daysPer(a);
  const db = daysPer(b);
  if (da !== undefined && db !== undefined) {
    return a.value === b.value || sameLength(a.value, da, b.value, db) ? 'same' : 'differ';
  }
  const an = (a.unitText ?? '').toLowerCase();
  const bn = (b.unitText ?? '').toLowerCase();
  // "300 people" for "300 doden" (the dead) counts the same; for "224 passengers" it is
  // not the same noun, nor another one.
  const ga = GENERIC_PEOPLE.has(an);
  const gb = GENERIC_PEOPLE.has(bn);
  if ((ga && DEAD.has(bn)) || (gb && DEAD.has(an))) return 'same';
  if ((ga && isPeople(b.unitText ?? '')) || (gb && isPeople(a.unitText ?? ''))) return 'none';
  if (an && an === bn) return 'same';
  if (an && spellKey(an) === spellKey(bn)) return 'same';
  const cp = commonPrefix(a.unit, b.unit);
  if (cp >= 4 && cp >= 0.75 * Math.min(a.unit.length, b.unit.length)) return 'same';
  // Concepts of the unit nouns (cross-language "doden" / "dead").
  const ta = c.tokens.find((t) => t.start >= a.end && t.norm === an) ?? c.tokens.find((t) => t.stem === a.unit);
  const tb = p.tokens.find((t) => t.start >= b.end && t.norm === bn) ?? p.tokens.find((t) => t.stem === b.unit);
  if (ta && tb && ta.concepts.some((x) => tb.concepts.includes(x))) return 'same';
  // A count of occasions ("three times", "drie keer") counts the events its sentence names:
  // the same count as one of a noun that the other text has among its own words ("has gone
  // to war with Israel three times" / "has fought three wars with Israel").
  if (OCCASIONS.has(an) && tb && eventNamed(tb, p, c)) return 'same';
  if (OCCASIONS.has(bn) && ta && eventNamed(ta, c, p)) return 'same';
  // The same count of persons named otherwise ("four senior terrorists" / "four senior
  // members"): the figure is backed and its noun left to the words; never a contradiction,
  // since the two may count different people.
  if (a.kind === 'count' && b.kind === 'count' && isExact(a) && isExact(b) && a.value === b.value && personNoun(an, c.lang) && personNoun(bn, p.lang)) return 'none';
  return 'differ';
}

const underCache = new Map<string, boolean>();
/**
 * A noun one of whose first `senses` senses lies under WordNet's first noun sense of `root`
 * ("person", "group", "location"), or with `orRoot` is that sense; English or Dutch through
 * its links.
 */
export function nounUnder(word: string, lang: string, root: string, senses = 1, orRoot = false): boolean {
  return senseUnder(word, lang, 'n', [root], senses, orRoot);
}
/**
 * Whether one of the first `senses` senses of `word` in part of speech `pos` lies under (or,
 * with `orRoot`, is) the first sense of one of `roots` in that part of speech; English, or
 * Dutch through its links. Cached per question.
 */
function senseUnder(word: string, lang: string, pos: 'n' | 'v', roots: readonly string[], senses: number, orRoot: boolean): boolean {
  if (!word || (lang !== 'en' && lang !== 'nl')) return false;
  const key = `${pos}:${lang}:${roots.join(',')}:${senses}:${orRoot}:${word}`;
  let r = underCache.get(key);
  if (r === undefined) {
    const lex = getLexicon();
    const tops = lex ? roots.map((w) => lex.synsets(w, 'en', pos, 1)[0]).filter((x) => x !== undefined) : [];
    r = !!lex && tops.length > 0 && lex.synsets(word, lang, pos, senses).some((x) => (orRoot && tops.includes(x)) || lex.hypernyms(x, 12).some((h) => tops.includes(h)));
    if (underCache.size > 10_000) underCache.clear();
    underCache.set(key, r);
  }
  return r;
}
/** Whether one of a verb's first two senses is, or lies under, the first verb sense of one of `roots` (English, or Dutch through its links). */
export function verbUnder(word: string, lang: string, roots: readonly string[]): boolean {
  return senseUnder(word, lang, 'v', roots, 2, true);
}
/** A noun for persons: a first noun sense under WordNet's person (English, or Dutch through its links). */
const personNoun = (word: string, lang: string): boolean => nounUnder(word, lang, 'person');

export function isExact(n: NumberMention): boolean {
  return n.comparator === 'eq' && !n.vague;
}

/** How a claim amount relates to a source amount. */
export function compareNumbers(c: NumberMention, s: NumberMention): 'match' | 'loose' | 'conflict' {
  // Lengths of time in other units: the same length is a match ("14 days" / "two weeks";
  // sameLength), the same figure in another unit a conflict ("two months ago" / "two weeks
  // ago"). Other pairs count other things (unitsMatch) and compare as figures.
  const dc = daysPer(c);
  const ds = daysPer(s);
  if (dc !== undefined && ds !== undefined && dc !== ds && isExact(c) && isExact(s)) {
    if (sameLength(c.value, dc, s.value, ds)) return 'match';
    if (c.value === s.value) return 'conflict';
  }
  const eps = 1e-9;
  const cv = c.value;
  const sv = s.value;
  // Two ranges ("between 1.1 and 1.5 million" / "between 1.1 and 2.0 million") report their
  // ends: the same ends match, ends within 2% are loose, other ends are another figure.
  if (c.range && s.range) {
    const near = (a: number, b: number, tol: number) => Math.abs(a - b) <= tol * Math.max(1, Math.abs(a), Math.abs(b));
    if (near(c.min, s.min, eps) && near(c.max, s.max, eps)) return 'match';
    if (near(c.min, s.min, 0.02) && near(c.max, s.max, 0.02)) return 'loose';
    return 'conflict';
  }
  if (isExact(c) && isExact(s)) return Math.abs(cv - sv) <= eps * Math.max(1, Math.abs(sv)) ? 'match' : 'conflict';
  const open = (n: NumberMention) => n.comparator === 'gt' || n.comparator === 'gte' || n.comparator === 'lt' || n.comparator === 'lte';
  const sameDir = (a: NumberMention, b: NumberMention) =>
    (a.comparator === 'gt' || a.comparator === 'gte') === (b.comparator === 'gt' || b.comparator === 'gte');
  // Two bounds in the same direction ("more than 900" vs "more than 300"): the bound is
  // the figure being reported; bounds further apart than a factor 1.5 disagree.
  if (open(c) && open(s) && sameDir(c, s)) {
    const r = Math.max(cv, sv) / Math.max(eps, Math.min(cv, sv));
    return r <= 1.1 ? 'match' : r <= 1.5 ? 'loose' : 'conflict';
  }
  const cmin = Number.isFinite(c.min) ? c.min : cv;
  const cmax = Number.isFinite(c.max) ? c.max : Infinity;
  const smin = Number.isFinite(s.min) ? s.min : sv;
  const smax = Number.isFinite(s.max) ? s.max : Infinity;
  const overlap = cmin <= smax * (1 + eps) && smin <= cmax * (1 + eps);
  if (!overlap) {
    // Outside the source's interval; a boundary value ("300" vs "more than 300") is not a contradiction.
    const gap = Math.min(Math.abs(cmin - smax), Math.abs(smin - cmax));
    // The same figure as a bound and as a count ("more than 300" / "300 people") is the same report.
    if (open(c) !== open(s) && Math.abs(cv - sv) <= eps * Math.max(1, Math.abs(sv))) return 'match';
    if (gap <= Math.max(1, 0.02 * Math.max(Math.abs(cv), Math.abs(sv)))) return 'loose';
    return 'conflict';
  }
  // Overlapping: the claim is backed when it is no more precise than the source.
  if (isExact(c) && !isExact(s)) {
    // An exact figure inside a bound: close to the bound reads as the same report.
    if (open(s) && Number.isFinite(sv) && sv > 0 && cv / sv <= 1.5 && cv / sv >= 1 / 1.5) return 'match';
    return 'loose';
  }
  // Claim vague or bounded and the source's figure lies inside it.
  if (smin >= cmin - eps && smax <= cmax + eps) return 'match';
  if (c.vague && s.vague) return 'match';
  return 'loose';
}

// ---------------------------------------------------------------- dates

export function weekdayOf(d: DateMention): number | undefined {
  if (d.weekday !== undefined) return d.weekday;
  if (d.year !== undefined && d.month !== undefined && d.day !== undefined) {
    return new Date(Date.UTC(d.year, d.month - 1, d.day)).getUTCDay();
  }
  return undefined;
}

/** match: every field the claim gives agrees; loose: agrees but the claim is more specific; conflict: a shared field differs; none: nothing shared. */
export function compareDates(c: DateMention, s: DateMention): 'match' | 'loose' | 'conflict' | 'none' {
  // A claim's relative date ("late last year") against a source date read from the
  // source's own date: the claim says what the source wrote, so the wording is compared
  // (as two relative dates are, never as a conflict).
  if (c.relative && s.anchored && s.literal) return compareDates(c, s.literal);
  if (c.relative || s.relative) {
    // "last January" vs "January": compare the month only. A year the claim adds to it
    // ("January 2015" for an undated "last January") is not backed, as with "in January".
    // Another month is another date whatever year either side is read in.
    if (c.month !== undefined && s.month !== undefined) {
      if (c.month !== s.month) return 'conflict';
      if (c.year !== undefined && s.year === undefined) return 'loose';
      if (c.year !== undefined && s.year !== undefined && c.year !== s.year) return 'none';
      return 'match';
    }
    // "this year" vs "this year", "last week" vs "vorige week" ("last January" is no "last month").
    if (c.relative === s.relative && c.granularity === s.granularity && c.weekday === s.weekday && c.month === s.month) return 'match';
    return 'none';
  }
  if (c.granularity === 'decade' || s.granularity === 'decade') {
    if (c.year === undefined || s.year === undefined) return 'none';
    const cy = Math.floor(c.year / 10);
    const sy = Math.floor(s.year / 10);
    // "the 1970s" / "1973": the decade holds the year (a decade in the source backs a
    // year in the claim only loosely); another decade differs.
    if (cy !== sy) return 'conflict';
    return c.granularity === 'decade' ? 'match' : 'loose';
  }
  if (c.granularity === 'season' || s.granularity === 'season') {
    // The same season of the same year (or both without a year); other pairs are not compared.
    if (c.granularity === 'season' && s.granularity === 'season' && c.season === s.season && c.year === s.year) return 'match';
    if (c.year !== undefined && s.year !== undefined && c.year !== s.year) return 'conflict';
    return 'none';
  }
  let shared = 0;
  let extra = 0;
  const fields: Array<[number | undefined, number | undefined]> = [
    [c.year, s.year],
    [c.month, s.month],
  ];
  // A day of the month is only comparable within the same month.
  if (c.day !== undefined) fields.push([c.day, c.month === undefined || s.month === undefined || c.month === s.month ? s.day : undefined]);
  const cw = weekdayOf(c);
  const sw = weekdayOf(s);
  if (c.weekday !== undefined) fields.push([cw, sw]);
  else if (s.weekday !== undefined && cw !== undefined) fields.push([cw, sw]);
  for (const [a, b] of fields) {
    if (a === undefined) continue;
    if (b === undefined) {
      extra++;
      continue;
    }
    shared++;
    if (a !== b) return 'conflict';
  }
  if (shared === 0) return 'none';
  return extra > 0 ? 'loose' : 'match';
}

/** A month-and-day date without a year, read in the document's year. */
export function withYear(d: DateMention, year: number | undefined): DateMention {
  if (year === undefined || d.year !== undefined || d.month === undefined || d.relative) return d;
  return { ...d, year };
}

/**
 * Whether a claim name is in a passage: by key, or most of its words (or, for a person,
 * the last name). `partial`: a word of it is there that is not a generic head ("School"
 * alone does not make "Berklee School of Music" half-backed by "Illustrators School").
 */
export function nameMatched(c: Prepared, nameIdx: number, p: Prepared): { hit: boolean; partial: boolean; pos: number[] } {
  const n = c.names[nameIdx];
  for (const key of n.keys) {
    const k = p.nameKeys.get(key);
    if (k !== undefined) return { hit: true, partial: false, pos: p.names[k].tokens };
  }
  const pos: number[] = [];
  let hits = 0;
  let distinctive = 0;
  const toks = n.tokens.filter((i) => !c.tokens[i].stop);
  for (const i of toks) {
    const f = findToken(c.tokens[i], c, p);
    if (f.length) {
      hits++;
      if (!isNameHead(c.tokens[i].norm) && f.some((k) => (asNamePart(p, k) || p.tokens[k].stem === c.tokens[i].stem) && !inOtherName(c, toks, p, k))) distinctive++;
      pos.push(f[0]);
    }
  }
  if (toks.length === 0) return { hit: false, partial: false, pos };
  // Most of a multiword name (or its last word, the usual head) present; a person's
  // last name only as a name ("Books" of "Harbor Books" is not the word "books").
  // The last name by its form: a concept of the word ("Communication" for a headline's
  // "Videos") is no one's name.
  const last = c.tokens[toks[toks.length - 1]];
  const lastAt = findToken(last, c, p).filter((k) => asNamePart(p, k) && (p.tokens[k].norm === last.norm || p.tokens[k].stem === last.stem));
  const lastHit = lastAt.length > 0 && !otherGivenName(c, toks, p, lastAt);
  const hit =
    (hits / toks.length >= 0.6 || (lastHit && toks.length >= 2 && hits >= 1 && c.names[nameIdx].kind === 'person')) &&
    (hits === toks.length || !wordReplaced(c, toks, p));
  return { hit, partial: distinctive > 0, pos };
}

/**
 * Whether a passage name that holds the claim name's found words has a word of its own
 * where the claim name has one the passage lacks: "Omar Yusuf Haddad" for "Omar Saleh
 * Haddad", "the Northbury Sailing Club" for "the Northbury Rowing Club".
 * Names that share most words but differ in one place are other names; a word merely
 * missing ("Omar Haddad" for "Omar Saleh Haddad") is no replacement.
 */
function wordReplaced(c: Prepared, toks: number[], p: Prepared): boolean {
  const at = toks.map((i) => findToken(c.tokens[i], c, p).filter((k) => p.tokens[k].name !== undefined));
  const counts = new Map<number, number>();
  for (const ks of at) for (const ni of new Set(ks.map((k) => p.tokens[k].name!))) counts.set(ni, (counts.get(ni) ?? 0) + 1);
  for (const [ni, n] of counts) {
    if (n < 2) continue;
    const name = p.names[ni].tokens;
    const posIn = at.map((ks) => ks.find((k) => p.tokens[k].name === ni));
    const matched = new Set(posIn.filter((k): k is number => k !== undefined));
    for (let x = 0; x < toks.length; x++) {
      if (posIn[x] !== undefined) continue;
      // Words before the first found one are often titles ("Chief Inspector Omar Haddad"
      // for "Superintendent Omar Haddad"): only a word after a found one is compared.
      let lo = -1;
      let hi = name[name.length - 1] + 1;
      for (let y = x - 1; y >= 0; y--) if (posIn[y] !== undefined) { lo = posIn[y]!; break; }
      if (lo < 0) continue;
      for (let y = x + 1; y < toks.length; y++) if (posIn[y] !== undefined) { hi = posIn[y]!; break; }
      if (name.some((j) => j > lo && j < hi && !matched.has(j) && !p.tokens[j].stop)) return true;
    }
  }
  return false;
}

/**
 * Whether the passage gives the claim person's last name only with another given name:
 * "Ivan Dorn" is not backed by "Pavel Dorn" (another person of the family, or another
 * name in the same place). A passage name counts as another when a word of it before the
 * last name matches no word of the claim name (titles are not part of names); a passage
 * that also has the claim's own given name with it, or the last name alone while no full
 * form gives another given name, still backs it.
 */
function otherGivenName(c: Prepared, toks: number[], p: Prepared, lastAt: number[]): boolean {
  let other = false;
  for (const k of lastAt) {
    const ni = p.tokens[k].name;
    if (ni === undefined) continue;
    const before = p.names[ni].tokens.filter((j) => j < k && !p.tokens[j].stop);
    if (before.length === 0) continue;
    const known = before.some((j) => toks.some((i) => i !== toks[toks.length - 1] && sameGiven(c.tokens[i].norm, p.tokens[j].norm)));
    if (known) return false;
    other = true;
  }
  return other;
}

/** A passage token that can stand for a word of a name: part of a name, or capitalized. */
function asNamePart(p: Prepared, k: number): boolean {
  return p.tokens[k].name !== undefined || /^\p{Lu}/u.test(p.tokens[k].text);
}

/**
 * Whether passage token `k` lies in a name with a word of its own that the claim name
 * (tokens `toks`) lacks: "Pictures" of "Kessel Pictures" is no part of "Harlow Pictures"
 * backed, as the two names share a word but each has one the other lacks.
 */
function inOtherName(c: Prepared, toks: number[], p: Prepared, k: number): boolean {
  const ni = p.tokens[k].name;
  if (ni === undefined) return false;
  const initials = toks.map((i) => c.tokens[i].norm[0]).join('');
  return p.names[ni].tokens.some((j) => {
    const t = p.tokens[j];
    if (t.stop || toks.some((i) => findToken(c.tokens[i], c, p).includes(j))) return false;
    // An acronym of words of the claim name is no word of its own ("Coastal RTB" for "Coastal Regional Transit Board").
    return !(t.norm.length >= 2 && /^\p{Lu}+$/u.test(t.text) && initials.includes(t.norm));
  });
}

/** The same given name, or one a short form of the other ("Chris", "Christopher"). */
function sameGiven(a: string, b: string): boolean {
  if (a === b) return true;
  const [s, l] = a.length < b.length ? [a, b] : [b, a];
  return s.length >= 3 && l.startsWith(s);
}

export function withUnit(n: NumberMention): string {
  return n.unitText && !n.text.toLowerCase().includes(n.unitText.toLowerCase()) ? `${n.text} ${n.unitText}` : n.text;
}

