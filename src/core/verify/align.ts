/**
 * Alignment of a claim with a candidate passage (optionally extended by an adjacent
 * passage of the same document).
 *
 * The claim is cut into units: names, numbers, dates and the remaining content words.
 * Each unit is looked up in the passage (stems, en↔nl concepts, name keys, compatible
 * numbers and dates). Coverage is the weighted share of units the passage backs.
 *
 * Conflicts are only raised for a slot the passage fills differently while the rest of
 * the claim lines up: a number for the same counted noun, a date of the same kind, a
 * different name in the same role (same place between aligned words, or same governing
 * word next to the aligned context; see pickRival), the opposite polarity of an aligned
 * predicate, or an antonym at the same place. A name or date the passage has only in
 * another role, while a different one fills the claim's place, does not back the claim
 * (roleRival, dateRoleRival).
 */
import type { ReasonKind } from '../types';
import type { DateMention, NumberMention } from '../analysis/types';
import { agentStem, areAntonyms, isNameHead, sameBase, spellKey, type CToken, type Prepared } from './nlp';

export type UnitKind = 'word' | 'name' | 'number' | 'date';

export interface Unit {
  kind: UnitKind;
  text: string;
  start: number;
  end: number;
  weight: number;
  /** Claim token indexes of the unit. */
  tokens: number[];
  /** Index into the claim's names / numbers / dates. */
  ref: number;
}

export interface Conflict {
  kind: ReasonKind;
  unit: Unit;
  claimValue: string;
  sourceValue: string;
  /** true when the slot is tied by a shared counted noun / same field, not by position only. */
  strong: boolean;
  /** Further claim units that belong to the differing slot (e.g. the modifiers of a predicate noun). */
  also?: Unit[];
  /** For negation: the claim is the negated side. */
  claimNegated?: boolean;
}

export interface Alignment {
  coverage: number;
  /** Coverage of the claim without the units in conflict. */
  restCoverage: number;
  matched: Unit[];
  unmatched: Unit[];
  /** Units that are compatible but not backed exactly (e.g. "900" vs "more than 300"). */
  loose: Unit[];
  conflicts: Conflict[];
  /**
   * The passage text that backs each backed claim unit (words, names, numbers, dates),
   * as written in the passage (exact substrings of a passage's text, in claim order),
   * for emphasis.
   */
  terms: string[];
  /** Units all matched (names, numbers, dates) */
  keyMissing: number;
  /** Names backed only by the preceding passages (by reference, "Its members"). */
  contextNames: number;
  /** An added passage negates a word of the claim (or affirms one it negates). */
  polarityClash: boolean;
}

const W = { word: 1, name: 1.5, number: 1.5, date: 1.5 } as const;

export function claimUnits(c: Prepared): Unit[] {
  const units: Unit[] = [];
  const seenName = new Set<number>();
  const seenNum = new Set<number>();
  const seenDate = new Set<number>();
  for (const i of c.content) {
    const t = c.tokens[i];
    if (t.date !== undefined) {
      if (seenDate.has(t.date)) continue;
      seenDate.add(t.date);
      const d = c.dates[t.date];
      const toks = c.content.filter((k) => c.tokens[k].date === t.date);
      units.push({ kind: 'date', text: d.text, start: d.start, end: d.end, weight: W.date, tokens: toks, ref: t.date });
    } else if (t.num !== undefined) {
      if (seenNum.has(t.num)) continue;
      seenNum.add(t.num);
      const n = c.numbers[t.num];
      // "one" / "een" as a word is mostly an article or pronoun ("one of the videos").
      if (n.value === 1 && !/\d/.test(n.text)) continue;
      const toks = c.content.filter((k) => c.tokens[k].num === t.num);
      units.push({ kind: 'number', text: n.text, start: n.start, end: n.end, weight: W.number, tokens: toks, ref: t.num });
    } else if (t.name !== undefined) {
      if (seenName.has(t.name)) continue;
      seenName.add(t.name);
      const n = c.names[t.name];
      const toks = c.content.filter((k) => c.tokens[k].name === t.name);
      units.push({ kind: 'name', text: n.text, start: n.start, end: n.end, weight: W.name, tokens: toks, ref: t.name });
    } else {
      if (t.norm.length < 2) continue;
      units.push({ kind: 'word', text: t.text, start: t.start, end: t.end, weight: W.word, tokens: [i], ref: i });
    }
  }
  return units;
}

function commonPrefix(a: string, b: string): number {
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

function computeFindToken(t: CToken, c: Prepared, p: Prepared): number[] {
  const out = new Set<number>();
  for (const k of p.norms.get(t.norm) ?? []) out.add(k);
  const digits = DIGIT.test(t.norm);
  if (c.lang === p.lang || digits) for (const k of p.stems.get(t.stem) ?? []) out.add(k);
  for (const concept of t.concepts) for (const k of p.concepts.get(concept) ?? []) out.add(k);
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
  if (out.size === 0) return [];
  return [...out].sort((a, b) => a - b);
}

// ---------------------------------------------------------------- numbers

/** Counted nouns that only say "persons". */
const GENERIC_PEOPLE = new Set(['people', 'persons', 'person', 'individuals', 'mensen', 'personen', 'lieden']);
/** Counted nouns for groups of people (a generic "people" may stand for them). */
const PEOPLE_NOUNS = new Set([
  'passengers', 'victims', 'dead', 'civilians', 'residents', 'soldiers', 'children', 'members', 'fighters', 'militants',
  'workers', 'students', 'patients', 'refugees', 'prisoners', 'hostages', 'protesters', 'supporters', 'inhabitants', 'adults', 'men', 'women',
  'passagiers', 'slachtoffers', 'doden', 'burgers', 'inwoners', 'soldaten', 'kinderen', 'leden', 'strijders', 'militanten',
  'arbeiders', 'studenten', 'patiënten', 'vluchtelingen', 'gevangenen', 'gijzelaars', 'betogers', 'aanhangers', 'volwassenen', 'mannen', 'vrouwen',
]);
const isPeople = (text: string) => PEOPLE_NOUNS.has(text) || GENERIC_PEOPLE.has(text) || /^\p{Lu}\p{Ll}+(?:ians|ans|is|ers|ese|ens)$/u.test(text);
/** The dead: "killing 300 people" counts them as "300 doden" does. */
const DEAD = new Set(['dead', 'deaths', 'fatalities', 'victims', 'doden', 'slachtoffers']);

function unitsMatch(a: NumberMention, b: NumberMention, c: Prepared, p: Prepared): 'same' | 'none' | 'differ' {
  if (!a.unit || !b.unit) return 'none';
  if (a.unit === b.unit) return 'same';
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
  return 'differ';
}

function isExact(n: NumberMention): boolean {
  return n.comparator === 'eq' && !n.vague;
}

/** How a claim amount relates to a source amount. */
export function compareNumbers(c: NumberMention, s: NumberMention): 'match' | 'loose' | 'conflict' {
  const eps = 1e-9;
  const cv = c.value;
  const sv = s.value;
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

function weekdayOf(d: DateMention): number | undefined {
  if (d.weekday !== undefined) return d.weekday;
  if (d.year !== undefined && d.month !== undefined && d.day !== undefined) {
    return new Date(Date.UTC(d.year, d.month - 1, d.day)).getUTCDay();
  }
  return undefined;
}

/** match: every field the claim gives agrees; loose: agrees but the claim is more specific; conflict: a shared field differs; none: nothing shared. */
export function compareDates(c: DateMention, s: DateMention): 'match' | 'loose' | 'conflict' | 'none' {
  if (c.relative || s.relative) {
    // "last January" vs "January": compare the month only.
    if (c.month !== undefined && s.month !== undefined) return c.month === s.month ? 'match' : 'none';
    // "this year" vs "this year", "last week" vs "vorige week".
    if (c.relative === s.relative && c.granularity === s.granularity && c.weekday === s.weekday) return 'match';
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
function withYear(d: DateMention, year: number | undefined): DateMention {
  if (year === undefined || d.year !== undefined || d.month === undefined || d.relative) return d;
  return { ...d, year };
}

// ---------------------------------------------------------------- alignment

/**
 * Whether a claim name is in a passage: by key, or most of its words (or, for a person,
 * the last name). `partial`: a word of it is there that is not a generic head ("School"
 * alone does not make "Berklee School of Music" half-backed by "Illustrators School").
 */
function nameMatched(c: Prepared, nameIdx: number, p: Prepared): { hit: boolean; partial: boolean; pos: number[] } {
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
      if (!isNameHead(c.tokens[i].norm)) distinctive++;
      pos.push(f[0]);
    }
  }
  if (toks.length === 0) return { hit: false, partial: false, pos };
  // Most of a multiword name (or its last word, the usual head) present; a person's
  // last name only as a name ("Books" of "Harbor Books" is not the word "books").
  const lastHit = findToken(c.tokens[toks[toks.length - 1]], c, p).some((k) => p.tokens[k].name !== undefined || /^\p{Lu}/u.test(p.tokens[k].text));
  const hit = hits / toks.length >= 0.6 || (lastHit && toks.length >= 2 && hits >= 1 && c.names[nameIdx].kind === 'person');
  return { hit, partial: distinctive > 0, pos };
}

interface Window {
  lo: number;
  hi: number;
  /** Aligned words on both sides. */
  both?: boolean;
  /** Claim token indexes of the anchors (the slot lies strictly between them). */
  claimLeft?: number;
  claimRight?: number;
}

/**
 * The passage token range where the counterpart of a claim span should sit: between
 * the passage positions of the nearest aligned claim words on either side.
 */
function anchoredWindow(c: Prepared, span: number[], pos: Map<number, number>): Window | undefined {
  const first = Math.min(...span);
  const last = Math.max(...span);
  let left: number | undefined;
  let right: number | undefined;
  let leftDist = 0;
  let rightDist = 0;
  let claimLeft: number | undefined;
  let claimRight: number | undefined;
  for (let k = c.content.indexOf(first) - 1, d = 1; k >= 0; k--, d++) {
    const ti = c.content[k];
    if (pos.has(ti)) {
      left = pos.get(ti);
      leftDist = d;
      claimLeft = ti;
      break;
    }
    if (d >= 3) break;
  }
  for (let k = c.content.indexOf(last) + 1, d = 1; k < c.content.length && k > 0; k++, d++) {
    const ti = c.content[k];
    if (pos.has(ti)) {
      right = pos.get(ti);
      rightDist = d;
      claimRight = ti;
      break;
    }
    if (d >= 3) break;
  }
  const width = span.length + 5;
  if (left !== undefined && right !== undefined && left < right && right - left <= width + leftDist + rightDist + 3) {
    return { lo: left + 1, hi: right - 1, both: true, claimLeft, claimRight };
  }
  // Anchors in the opposite order in the passage ("an attack on a ___ mosque" against
  // "a Sufi mosque ... the deadliest attack"): one of them aligned to another mention, so
  // neither tells where the counterpart sits.
  if (left !== undefined && right !== undefined && left >= right) return undefined;
  // One-sided: the counterpart must follow (precede) the aligned word closely.
  const near = span.length + 2;
  if (left !== undefined && right === undefined) return { lo: left + 1, hi: left + near };
  if (right !== undefined) return { lo: Math.max(0, right - near), hi: right - 1 };
  return undefined;
}

/** Words skipped when looking for the word that governs a name ("on the BBC"). */
const GOV_SKIP = new Set(['a', 'an', 'the', 'een', 'de', 'het', 'his', 'her', 'its', 'their', 'our', 'my', 'your', 'zijn', 'haar', 'hun', 'ons', 'onze', 'mijn']);
const POSSESSIVE_NAME = /['’]s?$/;

/** A passage name as a candidate for a claim name's slot ("Jerusalem's Al Aqsa Mosque" is one, headed by its last name). */
interface NameCandidate {
  text: string;
  kind: string;
  tokens: number[];
}

function nameCandidates(p: Prepared): NameCandidate[] {
  const out: NameCandidate[] = [];
  for (let k = 0; k < p.names.length; k++) {
    let n = p.names[k];
    const start = n.start;
    let tokens = [...n.tokens];
    // A possessive name right before another name modifies it.
    while (k + 1 < p.names.length && POSSESSIVE_NAME.test(n.text) && p.names[k + 1].tokens[0] === n.tokens[n.tokens.length - 1] + 1) {
      k++;
      n = p.names[k];
      tokens = tokens.concat(n.tokens);
    }
    out.push({ text: p.text.slice(start, n.end), kind: n.kind, tokens });
  }
  return out;
}

/** The word governing a name: the token before it, skipping articles, possessives and a possessive name; none across a clause break. */
function governor(q: Prepared, first: number): CToken | undefined {
  let k = first - 1;
  while (k >= 0) {
    const t = q.tokens[k];
    if (t.breakAfter) return undefined;
    if (GOV_SKIP.has(t.norm)) {
      k--;
      continue;
    }
    if (t.name !== undefined && POSSESSIVE_NAME.test(q.names[t.name].text)) {
      k = q.names[t.name].tokens[0] - 1;
      continue;
    }
    return /[\p{L}\p{N}]/u.test(t.text) ? t : undefined;
  }
  return undefined;
}

function sameGovernor(c: Prepared, ct: CToken | undefined, p: Prepared, pt: CToken | undefined): boolean {
  if (!ct || !pt) return false;
  if (ct.norm === pt.norm) return true;
  if (ct.stop || pt.stop) return false;
  return findToken(ct, c, p).includes(pt.i);
}

/** Claim content tokens this close to a name (in content words) count as its aligned context. */
const ROLE_CONTEXT = 3;
/** A passage name this close (in content words) to the aligned context is next to it. */
const ROLE_NEAR = 3;

/** Distance between two passage tokens in content words (the later one counted, stop words not). */
function contentDistance(p: Prepared, a: number, b: number): number {
  const lo = Math.min(a, b);
  const hi = Math.max(a, b);
  let d = 0;
  for (let k = lo + 1; k <= hi; k++) if (!p.tokens[k].stop && /[\p{L}\p{N}]/u.test(p.tokens[k].text)) d++;
  return d;
}

/**
 * The passage name that fills the role of a claim name the passage lacks. Each
 * candidate (a name the claim does not use) scores: the same governing word (2), the
 * same entity kind (1; a different known kind -1), inside the anchored window (1), next
 * to the aligned context (1). Only candidates inside the window, or with the same
 * governing word next to the aligned context, qualify. A tie for the best score is
 * ambiguous: no rival.
 */
function pickRival(
  c: Prepared,
  span: number[],
  kinds: string[],
  p: Prepared,
  win: Window | undefined,
  pos: Map<number, number>,
  usedPassage: Set<number>,
): (NameCandidate & { inWin: boolean }) | undefined {
  const first = Math.min(...span);
  const last = Math.max(...span);
  const cGov = governor(c, first);
  // Passage positions of the aligned claim words around the name.
  const ci = c.content.indexOf(first);
  const cj = c.content.indexOf(last);
  const ctxPos: number[] = [];
  for (let k = Math.max(0, ci - ROLE_CONTEXT); k <= Math.min(c.content.length - 1, cj + ROLE_CONTEXT); k++) {
    if (k >= ci && k <= cj) continue;
    const pk = pos.get(c.content[k]);
    if (pk !== undefined) ctxPos.push(pk);
  }
  const known = (k: string) => k !== 'other';
  const scored: Array<{ cand: NameCandidate; inWin: boolean; score: number }> = [];
  for (const cand of nameCandidates(p)) {
    if (cand.tokens.some((k) => usedPassage.has(k))) continue;
    const inWin = !!win && cand.tokens.every((k) => k >= win.lo && k <= win.hi);
    const pGov = governor(p, cand.tokens[0]);
    const gov = sameGovernor(c, cGov, p, pGov);
    const near = ctxPos.some((pk) => cand.tokens.some((k) => contentDistance(p, k, pk) <= ROLE_NEAR));
    if (!inWin && !(gov && near)) continue;
    let score = (gov ? 2 : 0) + (inWin ? 1 : 0) + (near ? 1 : 0);
    if (known(cand.kind) && kinds.some(known)) score += kinds.includes(cand.kind) ? 1 : -1;
    scored.push({ cand, inWin, score });
  }
  if (scored.length === 0) return undefined;
  scored.sort((a, b) => b.score - a.score);
  if (scored.length > 1 && scored[1].score === scored[0].score) return undefined;
  return { ...scored[0].cand, inWin: scored[0].inWin };
}

/**
 * A claim name the passage backs only outside the claim's aligned place (between the
 * passage positions of the aligned claim words on both sides), while a different
 * passage name of the same kind (unused by the claim) fills that place, a slot at most
 * two tokens longer than the claim's. `tight`: the aligned words are the name's direct
 * neighbours in the claim (then the names differ; otherwise the name is merely unbacked).
 */
function roleRival(
  c: Prepared,
  u: Unit,
  p: Prepared,
  at: number[],
  pos: Map<number, number>,
  usedPassage: Set<number>,
): { text: string; tight: boolean } | undefined {
  const win = anchoredWindow(c, u.tokens, pos);
  // Only a place between aligned words on both sides is a place at all.
  if (!win || !win.both || win.claimLeft === undefined || win.claimRight === undefined || win.hi < win.lo) return undefined;
  const inside = (k: number) => k >= win.lo && k <= win.hi;
  if (at.some(inside)) return undefined;
  // Another mention of the claim's name at the place: backed there.
  if (u.tokens.some((ti) => findToken(c.tokens[ti], c, p).some(inside))) return undefined;
  const cn = c.names[u.ref];
  const rivals = nameCandidates(p).filter((n) => n.kind === cn.kind && n.tokens.every(inside) && !n.tokens.some((k) => usedPassage.has(k) && !at.includes(k)));
  if (rivals.length !== 1) return undefined;
  const rival = rivals[0];
  // The passage's slot at most two tokens longer than the claim's: the same place.
  const claimGap = win.claimRight - win.claimLeft - 1;
  const passageGap = win.hi - win.lo + 1;
  if (passageGap > claimGap + 2) return undefined;
  // Strong when the aligned words are the name's direct neighbours in the claim.
  const ci = c.content.indexOf(Math.min(...u.tokens));
  const cj = c.content.indexOf(Math.max(...u.tokens));
  const tight = c.content[ci - 1] === win.claimLeft && c.content[cj + 1] === win.claimRight;
  return { text: rival.text, tight };
}

/**
 * A claim date the primary passage matches only outside the claim's aligned place,
 * while exactly one differing date of the passage sits there (and nothing compatible
 * does). `tight`: the anchoring aligned word is the date's direct neighbour in the claim
 * and the passage's date starts (or ends) within two tokens of its counterpart.
 */
function dateRoleRival(c: Prepared, u: Unit, p: Prepared, pos: Map<number, number>): { text: string; tight: boolean } | undefined {
  const win = anchoredWindow(c, u.tokens, pos);
  if (!win || win.hi < win.lo) return undefined;
  const cd = c.dates[u.ref];
  // A neighbouring claim word aligned to a matching date itself ("born" to the first of
  // a person's life dates): the date is at its place.
  for (const k of neighbourPositions(c, u, pos)) {
    const at = p.dates.find((sd) => within(p, k, sd));
    if (at && compareDates(cd, withYear(at, p.defaultYear)) === 'match') return undefined;
  }
  const first = (sd: DateMention) => p.tokens.findIndex((t) => t.end > sd.start);
  const lastTok = (sd: DateMention) => {
    let k = -1;
    for (let j = 0; j < p.tokens.length && p.tokens[j].start < sd.end; j++) k = j;
    return k;
  };
  const inWin = (sd: DateMention) => first(sd) >= win.lo && lastTok(sd) <= win.hi;
  const dates = p.dates.map((sd0) => ({ sd0, rel: compareDates(cd, withYear(sd0, p.defaultYear)) }));
  if (dates.some((x) => inWin(x.sd0) && x.rel !== 'conflict' && x.rel !== 'none')) return undefined;
  if (!dates.some((x) => !inWin(x.sd0) && x.rel === 'match')) return undefined;
  const rivals = dates.filter((x) => inWin(x.sd0) && x.rel === 'conflict' && !x.sd0.anchored);
  if (rivals.length !== 1) return undefined;
  const rival = rivals[0].sd0;
  // A date another date of the claim matches is no rival.
  if (c.dates.some((d) => d !== cd && compareDates(d, withYear(rival, p.defaultYear)) === 'match')) return undefined;
  const ci = c.content.indexOf(Math.min(...u.tokens));
  const cj = c.content.indexOf(Math.max(...u.tokens));
  const leftN = c.content[ci - 1];
  const rightN = c.content[cj + 1];
  const leftTie = leftN !== undefined && pos.has(leftN) && first(rival) - pos.get(leftN)! > 0 && first(rival) - pos.get(leftN)! <= 2;
  const rightTie = rightN !== undefined && pos.has(rightN) && pos.get(rightN)! - lastTok(rival) > 0 && pos.get(rightN)! - lastTok(rival) <= 2;
  return { text: rival.text, tight: leftTie || rightTie };
}

/** Passage positions of the claim's content words right before and after a unit, where aligned. */
function neighbourPositions(c: Prepared, u: Unit, pos: Map<number, number>): number[] {
  const out: number[] = [];
  for (const ti of [c.content[c.content.indexOf(Math.min(...u.tokens)) - 1], c.content[c.content.indexOf(Math.max(...u.tokens)) + 1]]) {
    const k = ti === undefined ? undefined : pos.get(ti);
    if (k !== undefined) out.push(k);
  }
  return out;
}

/** Passage token `k` lies inside the date mention. */
function within(p: Prepared, k: number, sd: DateMention): boolean {
  return p.tokens[k].start >= sd.start && p.tokens[k].end <= sd.end;
}

/** Preceding passages, nearest first, prepared only when asked for; undefined past the last. */
export interface LazyContext {
  at(j: number): Prepared | undefined;
  /**
   * The passage opens a document the sentence cites. When it refers by pronoun or
   * description to something it never names ("It was established in 1992"), the
   * citation names the referent, so the claim's subject may be it (1a in align).
   */
  citedTopic?: boolean;
}

/** Pronouns that refer back to a named referent (English and Dutch), by the referents they fit. */
const PERSON_ANAPHORS = new Set(['he', 'she', 'his', 'her', 'him', 'hij', 'zij', 'hem', 'haar', 'diens']);
const THING_ANAPHORS = new Set(['it', 'its']);
const ANY_ANAPHORS = new Set(['they', 'their', 'them', 'ze', 'hun']);
const DEFINITE = new Set(['the', 'this', 'de', 'het', 'deze', 'dit']);

type AnaphorKind = 'person' | 'thing' | 'any';

/**
 * References to an unnamed referent in a passage, in order: pronouns, and definite
 * descriptions at the start of a clause ("The film was released...", "Distributed by
 * Columbia, the film...").
 */
function anaphors(p: Prepared): Array<{ k: number; kind: AnaphorKind }> {
  const out: Array<{ k: number; kind: AnaphorKind }> = [];
  for (let k = 0; k < p.tokens.length; k++) {
    const t = p.tokens[k];
    if (PERSON_ANAPHORS.has(t.norm)) out.push({ k, kind: 'person' });
    else if (THING_ANAPHORS.has(t.norm)) out.push({ k, kind: 'thing' });
    else if (ANY_ANAPHORS.has(t.norm)) out.push({ k, kind: 'any' });
    else if ((k === 0 || p.tokens[k - 1].breakAfter) && DEFINITE.has(t.norm)) {
      const next = p.tokens[k + 1];
      if (next && next.name === undefined && /^\p{Ll}/u.test(next.text)) out.push({ k, kind: 'any' });
    }
  }
  return out;
}

/**
 * The claim's subject: the unit the claim opens with (after an article at most), a name
 * or a capitalized word ("Ingushetia was established..."); or the first name after
 * words the passage backs ("The series finale of Make It or Break It" for "The series
 * finale aired...": the passage's description stands for the name).
 */
function subjectUnit(c: Prepared, units: Unit[], backed: (u: Unit) => boolean): Unit | undefined {
  const ordered = [...units].sort((a, b) => Math.min(...a.tokens) - Math.min(...b.tokens));
  const first = ordered[0];
  if (!first || first.kind === 'number' || first.kind === 'date') return undefined;
  const at = Math.min(...first.tokens);
  for (let k = 0; k < at; k++) if (!DEFINITE.has(c.tokens[k].norm) && /[\p{L}\p{N}]/u.test(c.tokens[k].text)) return undefined;
  if (first.kind === 'name' || /^\p{Lu}/u.test(c.tokens[first.tokens[0]].text)) return first;
  for (let i = 1; i < ordered.length && i <= 3; i++) {
    if (!backed(ordered[i - 1]) || ordered[i - 1].kind !== 'word') return undefined;
    if (ordered[i].kind === 'name') return ordered[i];
  }
  return undefined;
}

/**
 * Whether an anaphor can refer to the subject: a place or organization is no "he"; a
 * person is "it" only in a passage that names no other person (person names are told
 * from capitalized phrases by shape, too loosely to reject on that alone).
 */
function agrees(kind: AnaphorKind, c: Prepared, subject: Unit, p: Prepared, usedPassage: Set<number>): boolean {
  if (kind === 'any' || subject.kind !== 'name') return true;
  const k = c.names[subject.ref].kind;
  if (k === 'place' || k === 'org') return kind === 'thing';
  if (k === 'person' && kind === 'thing') return !p.names.some((n) => n.kind === 'person' && !n.tokens.some((t) => usedPassage.has(t)));
  return true;
}

/**
 * @param context preceding passages of the same document: names the passage refers to
 *   by pronoun or description ("Its members...", "the movement") are backed there.
 */
export function align(c: Prepared, units: Unit[], passages: Prepared[], context: Prepared[] | (() => Prepared[]) | LazyContext = []): Alignment {
  // Whether some context passage satisfies `pred`, preparing them one at a time, nearest first.
  const contextSome = (pred: (cp: Prepared) => boolean): boolean => {
    if (Array.isArray(context)) return context.some(pred);
    if (typeof context === 'function') return context().some(pred);
    for (let j = 0; ; j++) {
      const cp = context.at(j);
      if (!cp) return false;
      if (pred(cp)) return true;
    }
  };
  const p = passages[0];
  const pos = new Map<number, number>(); // claim token -> passage token (primary passage)
  const usedPassage = new Set<number>(); // primary passage tokens matched by the claim
  const matched: Unit[] = [];
  const unmatched: Unit[] = [];
  const loose: Unit[] = [];
  const conflicts: Conflict[] = [];
  const roleConflicts: Conflict[] = [];
  /** Passage text backing each unit, as written in the passage. */
  const unitTerms = new Map<Unit, string[]>();
  const addTerm = (u: Unit, q: Prepared, from: number, to: number) => {
    const list = unitTerms.get(u) ?? [];
    const t = q.text.slice(from, to);
    if (t && !list.includes(t)) list.push(t);
    unitTerms.set(u, list);
  };
  // 1. Words and names, monotone where possible.
  let last = -1;
  let polarityClash = false;
  const wordHit = (u: Unit, i: number): boolean => {
    let hit = false;
    for (let pi = 0; pi < passages.length; pi++) {
      let f = findToken(c.tokens[i], c, passages[pi]);
      // In an added passage only same-polarity occurrences back the word (the primary
      // passage reports a polarity difference as a negation conflict); an added passage
      // that says the opposite of the claim's word spoils the combination.
      if (pi > 0) {
        const same = f.filter((k) => passages[pi].tokens[k].negated === c.tokens[i].negated);
        if (same.length === 0 && f.some((k) => passages[pi].tokens[k].negHead || c.tokens[i].negHead)) polarityClash = true;
        f = same;
      }
      if (f.length === 0) continue;
      hit = true;
      if (pi === 0) {
        const next = f.find((k) => k > last) ?? f[0];
        pos.set(i, next);
        last = Math.max(last, next);
        for (const k of f) usedPassage.add(k);
        addTerm(u, p, p.tokens[next].start, p.tokens[next].end);
      } else addTerm(u, passages[pi], passages[pi].tokens[f[0]].start, passages[pi].tokens[f[0]].end);
    }
    return hit;
  };
  const unitState = new Map<Unit, 'match' | 'loose' | 'miss'>();
  /** Passage tokens backing each name found in the primary passage. */
  const namePos = new Map<Unit, number[]>();
  let contextNames = 0;
  for (const u of units) {
    if (u.kind === 'word') {
      unitState.set(u, wordHit(u, u.tokens[0]) ? 'match' : 'miss');
    } else if (u.kind === 'name') {
      let hit = false;
      for (let pi = 0; pi < passages.length; pi++) {
        const r = nameMatched(c, u.ref, passages[pi]);
        if (r.hit) {
          hit = true;
          if (pi === 0) {
            namePos.set(u, r.pos);
            for (const k of r.pos) usedPassage.add(k);
            const ordered = [...r.pos].sort((a, b) => a - b);
            u.tokens.forEach((ti, j) => {
              const k = ordered[Math.min(j, ordered.length - 1)];
              if (k !== undefined) pos.set(ti, k);
            });
            if (ordered.length) last = Math.max(last, ordered[ordered.length - 1]);
          }
          const pp = passages[pi];
          if (r.pos.length) addTerm(u, pp, pp.tokens[Math.min(...r.pos)].start, pp.tokens[Math.max(...r.pos)].end);
          break;
        }
      }
      // Named only in the preceding sentences ("Its members", "the movement"): backed
      // (such support counts as indirect in decide()). Part of a longer name ("United
      // States Supreme Court" / "Supreme Court"): loosely backed.
      let viaContext = false;
      if (!hit) {
        viaContext = contextSome((cp) => nameMatched(c, u.ref, cp).hit);
        if (viaContext) contextNames++;
      }
      const partial = !hit && u.tokens.length >= 2 && passages.some((pp) => nameMatched(c, u.ref, pp).partial);
      unitState.set(u, hit || viaContext ? 'match' : partial ? 'loose' : 'miss');
    }
  }
  // 1a. The cited document's unnamed referent is the claim's subject (see
  // LazyContext.citedTopic): backed by the first anaphor that fits it, which stands in
  // for it in the passage.
  if (!Array.isArray(context) && typeof context !== 'function' && context.citedTopic) {
    const subject = subjectUnit(c, units, (u) => unitState.get(u) === 'match');
    if (subject && unitState.get(subject) !== 'match' && !subject.tokens.some((ti) => findToken(c.tokens[ti], c, p).length > 0)) {
      const ref = anaphors(p).find((a) => !usedPassage.has(a.k) && agrees(a.kind, c, subject, p, usedPassage));
      if (ref) {
        unitState.set(subject, 'match');
        contextNames++;
        for (const ti of subject.tokens) pos.set(ti, ref.k);
        usedPassage.add(ref.k);
        if (subject.kind === 'name') namePos.set(subject, [ref.k]);
        addTerm(subject, p, p.tokens[ref.k].start, p.tokens[ref.k].end);
      }
    }
  }
  // 1b. A name the passage has only in another role ("Israeli Jews"), while another
  // name of the same kind sits exactly at the claim's place ("on Palestinian
  // television" for "on Israeli television"), does not back the claim: with aligned
  // words on both sides and a slot of the same length it differs (a conflict),
  // otherwise it is merely unbacked.
  for (const u of units) {
    if (u.kind !== 'name' || unitState.get(u) !== 'match') continue;
    const at = namePos.get(u);
    if (!at || at.length === 0) continue;
    const rival = roleRival(c, u, p, at, pos, usedPassage);
    if (!rival) continue;
    unitState.set(u, 'miss');
    for (const k of at) usedPassage.delete(k);
    unitTerms.delete(u);
    if (rival.tight) roleConflicts.push({ kind: 'entity', unit: u, claimValue: c.names[u.ref].text, sourceValue: rival.text, strong: true });
  }
  // 2. Numbers and dates.
  for (const u of units) {
    if (u.kind === 'number') {
      const cn = c.numbers[u.ref];
      let state: 'match' | 'loose' | 'miss' = 'miss';
      for (const pp of passages) {
        // A figure for the same counted noun that differs outweighs one for a noun that
        // is merely compatible ("324 passengers" / "224 passengers ... over 300 people").
        const sameNounDiffers = pp.numbers.some((sn) => sn.kind === cn.kind && unitsMatch(cn, sn, c, pp) === 'same' && compareNumbers(cn, sn) === 'conflict');
        for (const sn of pp.numbers) {
          if (sn.kind !== cn.kind && !(sn.kind === 'count' || cn.kind === 'count')) continue;
          const rel = compareNumbers(cn, sn);
          const um = unitsMatch(cn, sn, c, pp);
          if (um === 'none' && cn.unit && sn.unit && sameNounDiffers) continue;
          const before: string = state;
          if (rel === 'match' && um !== 'differ') state = 'match';
          else if (rel === 'match' && isExact(cn) && state !== 'match') state = 'loose';
          else if (rel === 'loose' && um !== 'differ' && state === 'miss') state = 'loose';
          if (state !== before) addTerm(u, pp, sn.start, sn.end);
        }
        if (state === 'match') break;
      }
      unitState.set(u, state);
    } else if (u.kind === 'date') {
      const cd = c.dates[u.ref];
      let state: 'match' | 'loose' | 'miss' = 'miss';
      for (const pp of passages) {
        for (const sd0 of pp.dates) {
          const sd = withYear(sd0, pp.defaultYear);
          const rel = compareDates(cd, sd);
          const before: string = state;
          if (rel === 'match') state = 'match';
          else if (rel === 'loose' && state === 'miss') state = 'loose';
          if (state !== before) addTerm(u, pp, sd0.start, sd0.end);
        }
        // A bare year may also appear as a plain number in the passage.
        if (state === 'miss' && cd.year !== undefined && cd.month === undefined && cd.weekday === undefined) {
          const n = pp.numbers.find((n) => isExact(n) && n.value === cd.year);
          if (n) {
            state = 'match';
            addTerm(u, pp, n.start, n.end);
          }
        }
        if (state === 'match') break;
      }
      unitState.set(u, state);
    }
  }
  // 2b. A date the passage gives only elsewhere, while another date sits at the
  // claim's place ("born 22 November 1948 ... on November 22, 1968" for "born on
  // November 22, 1968"), does not back the claim: tied to a directly neighbouring
  // aligned word it differs (a conflict), otherwise it is merely unbacked.
  for (const u of units) {
    if (u.kind !== 'date' || unitState.get(u) !== 'match') continue;
    const rival = dateRoleRival(c, u, p, pos);
    if (!rival) continue;
    unitState.set(u, 'miss');
    unitTerms.delete(u);
    if (rival.tight) roleConflicts.push({ kind: 'date', unit: u, claimValue: c.dates[u.ref].text, sourceValue: rival.text, strong: true });
  }
  for (const u of units) {
    const s = unitState.get(u);
    if (s === 'match') matched.push(u);
    else if (s === 'loose') loose.push(u);
    else unmatched.push(u);
  }
  // 3. Conflicts, against the primary passage only.
  conflicts.push(...roleConflicts);
  // 3a. Numbers: same counted noun (strong) or same place between aligned words.
  for (const u of units) {
    if (u.kind !== 'number' || unitState.get(u) === 'match') continue;
    const cn = c.numbers[u.ref];
    // The passage gives the claim's figure (for a noun worded otherwise: "224 people" /
    // "224 passengers"): another figure there is no contradiction of it.
    if (isExact(cn) && p.numbers.some((sn) => sn.kind === cn.kind && compareNumbers(cn, sn) === 'match')) continue;
    const win = anchoredWindow(c, u.tokens, pos);
    // A figure for the same counted noun first, then the others in passage order.
    const byNoun = [...p.numbers.filter((sn) => unitsMatch(cn, sn, c, p) === 'same'), ...p.numbers.filter((sn) => unitsMatch(cn, sn, c, p) !== 'same')];
    for (const sn of byNoun) {
      if (sn.kind !== cn.kind) continue;
      if (compareNumbers(cn, sn) !== 'conflict') continue;
      // The source value must not be a figure the claim itself repeats.
      if (c.numbers.some((x) => compareNumbers(x, sn) === 'match' && x !== cn)) continue;
      const um = unitsMatch(cn, sn, c, p);
      // The numeral's token (the last token of the mention that is content).
      let sTok = -1;
      for (let k = 0; k < p.tokens.length; k++) {
        const t = p.tokens[k];
        if (t.start >= sn.start && t.end <= sn.end + 1 && p.content.includes(k)) sTok = k;
      }
      const inWin = win !== undefined && sTok >= win.lo && sTok <= win.hi;
      // Neighbouring words tie the slot; when the counted nouns differ in wording
      // ("people" / "doden"), only a tie on a counted noun itself does.
      const local = sTok >= 0 && localTie(c, u.tokens, p, sTok, um === 'differ' ? { c: cn.unit, p: sn.unit } : undefined);
      // With two figures for the same noun in the claim, the shared noun does not say which is which.
      const twin = c.numbers.some((x) => x !== cn && x.unit && x.unit === cn.unit);
      if ((um === 'same' && (!twin || inWin || local)) || (um === 'none' && inWin) || local) {
        conflicts.push({
          kind: cn.vague || sn.vague ? 'quantity' : 'number',
          unit: u,
          claimValue: withUnit(cn),
          sourceValue: withUnit(sn),
          strong: um === 'same' && !twin,
        });
        break;
      }
    }
  }
  // 3b. Dates: a shared field (year, month, day, weekday) that differs.
  for (const u of units) {
    if (u.kind !== 'date' || unitState.get(u) !== 'miss') continue;
    const cd = c.dates[u.ref];
    const otherClaimDates = c.dates.filter((d) => d !== cd);
    // A passage date another date of the claim matches is no rival ("aired March 4 ... launched March 6").
    const rivals = p.dates.filter((sd) => !sd.anchored && compareDates(cd, sd) === 'conflict' && !otherClaimDates.some((d) => compareDates(d, sd) === 'match'));
    if (rivals.length === 0) continue;
    // A relative date of the same kind ("this year") may be the claim's date.
    if (p.dates.some((sd) => sd.relative && sd.granularity === cd.granularity)) continue;
    const comparable = p.dates.filter((sd) => compareDates(cd, sd) !== 'none');
    const win = anchoredWindow(c, u.tokens, pos);
    // A claim word aligned to the date itself ("born" to the first of a person's life
    // dates) ties it too.
    const neighbours = neighbourPositions(c, u, pos);
    const inWin = (sd: DateMention) => {
      if (neighbours.some((k) => within(p, k, sd))) return true;
      if (!win) return false;
      const k = p.tokens.findIndex((t) => t.start >= sd.start);
      return k >= win.lo && k <= win.hi;
    };
    const anchored = rivals.find(inWin);
    // Otherwise the only comparable date, or the only one of the same year that differs
    // in month or day (a misdated event rather than another event).
    const sameYear = cd.year !== undefined && (cd.month !== undefined || cd.day !== undefined) ? rivals.filter((sd) => sd.year === cd.year) : [];
    // Unanchored, the source's date must be as precise as the claim's (a bare year is no
    // rival for a full date: it is more likely another event).
    const asPrecise = (sd: DateMention) =>
      (cd.year === undefined || sd.year !== undefined) && (cd.month === undefined || sd.month !== undefined) && (cd.day === undefined || sd.day !== undefined);
    const loosePick = comparable.length === 1 ? rivals[0] : sameYear.length === 1 ? sameYear[0] : undefined;
    const pick = anchored ?? (loosePick && asPrecise(loosePick) ? loosePick : undefined);
    if (pick) {
      // Strong when the passage's date sits at the same aligned place and is its only comparable date.
      conflicts.push({ kind: 'date', unit: u, claimValue: cd.text, sourceValue: pick.text, strong: !!anchored && comparable.length === 1 });
    }
  }
  // 3c. Names: a claim name the passage lacks, where the passage has another name
  // (unused by the claim) in the same role: at the same place between aligned words,
  // or after the same governing word ("on Twitter" / "on Facebook") next to the
  // aligned context. When several passage names fit equally well, no conflict.
  // Adjacent names the passage lacks ("an Indian Tamil film") form one slot.
  const slots: Unit[][] = [];
  for (const u of units) {
    if (u.kind !== 'name' || unitState.get(u) !== 'miss') continue;
    // No token of the name may appear in the passage at all.
    if (u.tokens.some((ti) => findToken(c.tokens[ti], c, p).length > 0)) continue;
    const prev = slots[slots.length - 1]?.at(-1);
    const lastTok = prev ? Math.max(...prev.tokens) : -1;
    if (prev && Math.min(...u.tokens) === lastTok + 1 && !c.tokens[lastTok].breakAfter) {
      slots[slots.length - 1].push(u);
    } else slots.push([u]);
  }
  for (const slot of slots) {
    const span = slot.flatMap((u) => u.tokens);
    const win = anchoredWindow(c, span, pos);
    const rival = pickRival(c, span, slot.map((u) => c.names[u.ref].kind), p, win, pos, usedPassage);
    if (!rival) continue;
    // Enclosed by aligned words on both sides, with everything of the claim outside
    // the slot backed: the slot is tied by structure.
    const outsideBacked =
      !!win?.both &&
      rival.inWin &&
      units.every((v) => slot.includes(v) || unitState.get(v) === 'match' || v.tokens.every((t) => t > win.claimLeft! && t < win.claimRight!));
    const [u, ...rest] = slot;
    const claimValue = c.text.slice(u.start, slot[slot.length - 1].end);
    conflicts.push({ kind: 'entity', unit: u, claimValue, sourceValue: rival.text, strong: outsideBacked, ...(rest.length ? { also: rest } : {}) });
  }
  // 3d. Negation: an aligned content word whose polarity differs in every occurrence.
  for (const u of units) {
    if (u.kind !== 'word' || unitState.get(u) !== 'match') continue;
    const ti = u.tokens[0];
    const ct = c.tokens[ti];
    const occ = findToken(ct, c, p);
    if (occ.length === 0) continue;
    // The differing polarity must be on the word the cue negates directly (or, after a
    // negated modifier, on the word it modifies, when the modifier lines up too).
    const modifierOk = (t: CToken, backed: (i: number) => boolean) => t.negModifier === undefined || backed(t.negModifier);
    const claimModBacked = (i: number) => {
      const v = units.find((x) => x.tokens.includes(i));
      return v ? unitState.get(v) === 'match' : findToken(c.tokens[i], c, p).length > 0;
    };
    const headOk = (k: number) =>
      ct.negated ? !!ct.negHead && modifierOk(ct, claimModBacked) : !!p.tokens[k].negHead && modifierOk(p.tokens[k], (i) => usedPassage.has(i) || [...pos.values()].includes(i));
    // ... and sit in the same stretch of the passage as the rest of the aligned claim.
    const others = [...pos.entries()].filter(([ci]) => ci !== ti).map(([, pk]) => pk);
    const nearOthers = (k: number) => others.some((pk) => Math.abs(pk - k) <= NEG_LOCALITY);
    // With occurrences of both polarities ("has modelled for Mango, but declined to
    // model for L'Oréal"), the one tied to the claim's neighbouring aligned word decides.
    const tied = occ.length > 1 && !occ.every((k) => p.tokens[k].negated === p.tokens[occ[0]].negated) ? tiedOccurrence(c, ti, occ, pos) : undefined;
    const differs =
      tied !== undefined
        ? p.tokens[tied].negated !== ct.negated && headOk(tied)
        : occ.every((k) => p.tokens[k].negated !== ct.negated) && occ.some((k) => headOk(k) && nearOthers(k));
    if (differs) {
      const k = tied ?? pos.get(ti) ?? occ[0];
      const negSide = ct.negated ? c : p;
      const tok = ct.negated ? ct : p.tokens[k];
      const phrase = negationPhrase(negSide, tok.i);
      conflicts.push({
        kind: 'negation',
        unit: u,
        claimValue: ct.negated ? phrase : ct.text,
        sourceValue: ct.negated ? p.tokens[k].text : phrase,
        strong: false,
        claimNegated: ct.negated,
      });
      break;
    }
  }
  // 3d'. A negation in the passage that governs the aligned part of the claim (its cue
  // sits between aligned words, with aligned words right after it in the same clause),
  // on a predicate the claim does not share ("has not aligned itself with the aim" for
  // "supports the aim"): the passage cannot back the claim. Same predicate: 3d above.
  if (!conflicts.some((x) => x.kind === 'negation') && !c.tokens.some((t) => t.cue || t.negated)) {
    const aligned = [...new Set([...pos.values(), ...[...namePos.values()].flat()])].sort((a, b) => a - b);
    for (const t of p.tokens) {
      if (!t.negHead || usedPassage.has(t.i) || t.hypothetical) continue;
      let cue = -1;
      for (let k = t.i - 1; k >= Math.max(0, t.i - 4); k--) if (p.tokens[k].cue) { cue = k; break; }
      if (cue < 0) continue;
      const before = aligned.some((k) => k < cue && cue - k <= NEG_GOVERN_WINDOW && !p.tokens.slice(k, cue).some((x) => x.breakAfter));
      let after = false;
      for (let k = t.i + 1; k < p.tokens.length && k <= t.i + NEG_GOVERN_WINDOW; k++) {
        if (aligned.includes(k)) {
          after = true;
          break;
        }
        if (p.tokens[k].breakAfter) break;
      }
      if (before && after) {
        polarityClash = true;
        break;
      }
    }
  }
  // 3d''. The mirror of 3d': a negation in the claim whose scope covers aligned claim
  // content that the passage states without negation ("was not opened by the mayor" for
  // "was formally opened by the mayor"): the passage cannot back the claim. Same
  // predicate: the negation conflict of 3d above; otherwise not supported.
  if (!conflicts.some((x) => x.kind === 'negation')) {
    const at = new Map<number, number[]>();
    for (const [ci, pk] of pos) at.set(ci, [pk]);
    for (const [u, ks] of namePos) for (const ci of u.tokens) at.set(ci, [...(at.get(ci) ?? []), ...ks]);
    for (const ct of c.tokens) {
      if (!ct.negated || ct.hypothetical) continue;
      const ks = at.get(ct.i);
      // "No negation there": the passage word is outside any negation scope, no cue
      // precedes it in its clause (scopes differ in length: "without need of a weapon"),
      // and none follows it closely (a cue after the verb: "om aan te vallen, heeft hij
      // te weinig macht").
      const plain = (k: number) => {
        if (p.tokens[k].negated || p.tokens[k].hypothetical) return false;
        for (let j = k - 1; j >= 0 && k - j <= NEG_GOVERN_WINDOW && !p.tokens[j].breakAfter; j--) if (p.tokens[j].cue) return false;
        for (let j = k + 1; j < p.tokens.length && j - k <= NEG_GOVERN_WINDOW; j++) if (p.tokens[j].cue) return false;
        return true;
      };
      if (ks && ks.some(plain)) {
        polarityClash = true;
        break;
      }
    }
  }
  // 3e. Antonyms at the same place.
  for (const u of units) {
    if (u.kind !== 'word' || unitState.get(u) !== 'miss') continue;
    const ct = c.tokens[u.tokens[0]];
    const win = anchoredWindow(c, u.tokens, pos);
    for (const k of p.content) {
      if (usedPassage.has(k)) continue;
      const pt = p.tokens[k];
      if (pt.negated !== ct.negated) continue; // "not small" is no antonym of "big"
      if (win && (k < win.lo || k > win.hi)) continue;
      if (areAntonyms(ct, pt)) {
        conflicts.push({ kind: 'antonym', unit: u, claimValue: ct.text, sourceValue: pt.text, strong: !!win });
        break;
      }
    }
  }
  // 3g. Another member of a closed class (a colour, the other sex) at the same aligned
  // place: "an orange jumpsuit" / "a black jumpsuit", "shot a man" / "shot a woman".
  for (const u of units) {
    if (u.kind !== 'word' || unitState.get(u) !== 'miss') continue;
    const ct = c.tokens[u.tokens[0]];
    const cls = CLOSED_CLASS.get(ct.norm);
    if (!cls) continue;
    const win = anchoredWindow(c, u.tokens, pos);
    if (!win) continue;
    for (let k = win.lo; k <= win.hi && k < p.tokens.length; k++) {
      const pt = p.tokens[k];
      if (usedPassage.has(k) || pt.negated !== ct.negated) continue;
      const pc = CLOSED_CLASS.get(pt.norm);
      if (pc && pc.cls === cls.cls && pc.id !== cls.id) {
        conflicts.push({ kind: 'entity', unit: u, claimValue: ct.text, sourceValue: pt.text, strong: false });
        break;
      }
    }
  }
  // A claim that denies a value ("is not an American series") is no contradiction of a
  // source that gives another value.
  for (let k = conflicts.length - 1; k >= 0; k--) {
    const x = conflicts[k];
    if (x.kind === 'negation' || x.kind === 'antonym') continue;
    if (x.unit.tokens.some((t) => c.tokens[t].negated)) conflicts.splice(k, 1);
  }
  // 3f. Category: "X is a Y" where the passage says "X is a Z" (Y absent from the passage).
  if (conflicts.length === 0) {
    const cat = categoryConflict(c, units, unitState, p, pos);
    if (cat) conflicts.push(cat);
  }
  const total = units.reduce((s, u) => s + u.weight, 0) || 1;
  const got = matched.reduce((s, u) => s + u.weight, 0) + loose.reduce((s, u) => s + 0.5 * u.weight, 0);
  const inConflict = new Set(conflicts.flatMap((x) => [x.unit, ...(x.also ?? [])]));
  const restTotal = units.filter((u) => !inConflict.has(u)).reduce((s, u) => s + u.weight, 0) || 1;
  const restGot =
    matched.filter((u) => !inConflict.has(u)).reduce((s, u) => s + u.weight, 0) +
    loose.filter((u) => !inConflict.has(u)).reduce((s, u) => s + 0.5 * u.weight, 0);
  const keyMissing = unmatched.filter((u) => u.kind !== 'word').length + loose.filter((u) => u.kind !== 'name').length;
  return {
    coverage: got / total,
    restCoverage: restGot / restTotal,
    matched,
    unmatched,
    loose,
    conflicts,
    terms: [...new Set(units.filter((u) => unitState.get(u) !== 'miss').flatMap((u) => unitTerms.get(u) ?? []))],
    keyMissing,
    contextNames,
    polarityClash,
  };
}

/**
 * Of several passage occurrences of a claim word, the one next to the passage position of
 * the claim's nearest aligned neighbour (the next aligned content word within two, else
 * the previous one; at most four tokens away in the passage); undefined when none is, or
 * two are equally near.
 */
function tiedOccurrence(c: Prepared, ti: number, occ: number[], pos: Map<number, number>): number | undefined {
  const ci = c.content.indexOf(ti);
  // The word after it first (its object: "modelled for L'Oréal"), else the one before.
  let anchor: number | undefined;
  for (const d of [1, 2, -1, -2]) {
    const cj = c.content[ci + d];
    if (cj !== undefined && pos.has(cj)) {
      anchor = pos.get(cj)!;
      break;
    }
  }
  if (anchor === undefined) return undefined;
  let best: number | undefined;
  let bestD = Infinity;
  let tie = false;
  for (const k of occ) {
    const d = Math.abs(anchor - k);
    if (d < bestD) {
      bestD = d;
      best = k;
      tie = false;
    } else if (d === bestD) tie = true;
  }
  return best !== undefined && !tie && bestD <= 4 ? best : undefined;
}

/** Closed word classes whose members exclude each other (English and Dutch colours, the sexes in one relation). */
const CLOSED_CLASS = new Map<string, { cls: string; id: string }>();
for (const [id, words] of Object.entries({
  red: 'red rood rode', orange: 'orange oranje', yellow: 'yellow geel gele', green: 'green groen groene',
  blue: 'blue blauw blauwe', purple: 'purple paars paarse', black: 'black zwart zwarte', white: 'white wit witte',
  grey: 'grey gray grijs grijze', brown: 'brown bruin bruine', pink: 'pink roze',
})) {
  for (const w of words.split(' ')) CLOSED_CLASS.set(w, { cls: 'colour', id });
}
// Words for the two sexes in one relation (man/woman, son/daughter, en and nl): another
// at the claim's place is another person.
for (const [cls, pair] of Object.entries({
  adult: ['man men mannen', 'woman women vrouw vrouwen'],
  child: ['boy boys jongen jongens', 'girl girls meisje meisjes'],
  spouse: ['husband husbands echtgenoot', 'wife wives echtgenote'],
  parent: ['father fathers vader vaders', 'mother mothers moeder moeders'],
  offspring: ['son sons zoon zonen', 'daughter daughters dochter dochters'],
  sibling: ['brother brothers broer broers', 'sister sisters zus zussen zuster'],
  monarch: ['king kings koning', 'queen queens koningin'],
})) {
  pair.forEach((words, i) => {
    for (const w of words.split(' ')) CLOSED_CLASS.set(w, { cls, id: `${cls}${i}` });
  });
}

/** Tokens between a negated word and the other aligned words of the claim. */
const NEG_LOCALITY = 12;
/** Tokens between a negation and the aligned words it governs (subject before, object after). */
const NEG_GOVERN_WINDOW = 7;

const COPULA = new Set(['is', 'are', 'was', 'were', 'zijn', 'waren', 'wordt', 'werd']);
const DETERMINER = new Set(['a', 'an', 'the', 'een', 'de', 'het']);
const NP_BOUNDARY = new Set([
  'of', 'in', 'on', 'at', 'for', 'from', 'by', 'with', 'to', 'that', 'who', 'which', 'whose', 'where', 'when', 'and', 'or', 'but', 'as', 'than', 'since', 'after', 'before', 'during', 'born',
  'van', 'op', 'voor', 'met', 'die', 'dat', 'door', 'en', 'of', 'uit', 'bij', 'naar', 'sinds', 'na', 'tijdens',
]);

/** The noun phrase after "is a/an/the" starting at token `k` (the copula): its content tokens, up to a boundary. */
function predicateAfter(p: Prepared, k: number): number[] | undefined {
  if (p.tokens[k].breakAfter) return undefined;
  let j = k + 1;
  if (j >= p.tokens.length || !DETERMINER.has(p.tokens[j].norm)) return undefined;
  if (p.tokens[j].breakAfter) return undefined;
  j++;
  const out: number[] = [];
  for (; j < p.tokens.length; j++) {
    const t = p.tokens[j];
    if (NP_BOUNDARY.has(t.norm) || t.cue) break;
    if (out.length > 0 && /(?:ed|ing)$/.test(t.norm) && t.norm.length > 5) break;
    if (!t.stop) out.push(j);
    if (t.breakAfter || out.length >= 6) break;
  }
  return out.length ? out : undefined;
}

/**
 * "Lost is a political party" against "Lost is an American television drama series":
 * the subject lines up, both say "is a ...", and the head nouns differ (the claim's
 * head appears nowhere in the passage, the passage's head nowhere in the claim).
 */
function categoryConflict(
  c: Prepared,
  units: Unit[],
  state: Map<Unit, 'match' | 'loose' | 'miss'>,
  p: Prepared,
  pos: Map<number, number>,
): Conflict | undefined {
  const ck = c.tokens.findIndex((t) => COPULA.has(t.norm));
  if (ck <= 0 || c.tokens.some((t) => t.cue)) return undefined;
  const cNp = predicateAfter(c, ck);
  if (!cNp) return undefined;
  // Subject: every content unit before the copula is backed.
  const subj = units.filter((u) => u.end <= c.tokens[ck].start);
  if (subj.length === 0 || subj.some((u) => state.get(u) !== 'match')) return undefined;
  const head = cNp[cNp.length - 1];
  const ht = c.tokens[head];
  if (ht.name !== undefined || ht.num !== undefined || ht.date !== undefined) return undefined;
  if (findToken(ht, c, p).length > 0) return undefined;
  // The passage's own "is a ..." after the subject.
  const subjPos = subj.flatMap((u) => u.tokens.map((t) => pos.get(t))).filter((x): x is number => x !== undefined);
  if (subjPos.length === 0) return undefined;
  const from = Math.max(...subjPos);
  let pk = -1;
  for (let k = from + 1; k < p.tokens.length && k <= from + 25; k++) {
    if (COPULA.has(p.tokens[k].norm)) {
      pk = k;
      break;
    }
  }
  if (pk < 0 || p.tokens.slice(from, pk + 3).some((t) => t.cue)) return undefined;
  const pNp = predicateAfter(p, pk);
  if (!pNp) return undefined;
  const pHead = p.tokens[pNp[pNp.length - 1]];
  if (pHead.name !== undefined || pHead.num !== undefined || pHead.date !== undefined) return undefined;
  if (cNp.some((i) => findToken(c.tokens[i], c, p).includes(pHead.i))) return undefined;
  // Phrases sharing a word ("American movie" / "American film", "recording space" /
  // "recording facility") more likely name the same thing in other words.
  if (cNp.some((i) => findToken(c.tokens[i], c, p).some((k) => pNp.includes(k)))) return undefined;
  const npUnits = units.filter((u) => u.tokens.some((t) => cNp.includes(t)));
  const headUnit = npUnits.find((u) => u.tokens.includes(head));
  if (!headUnit) return undefined;
  const span = (q: Prepared, idx: number[]) => q.text.slice(q.tokens[idx[0]].start, q.tokens[idx[idx.length - 1]].end);
  return {
    kind: 'entity',
    unit: headUnit,
    claimValue: span(c, cNp),
    sourceValue: span(p, pNp),
    strong: false,
    also: npUnits.filter((u) => u !== headUnit),
  };
}

/** Content tokens within `radius` content positions of a span (excluding the span). */
function around(p: Prepared, span: number[], radius: number): number[] {
  const first = p.content.indexOf(Math.min(...span));
  const last = p.content.indexOf(Math.max(...span));
  const out: number[] = [];
  if (first < 0 || last < 0) return out;
  for (let k = Math.max(0, first - radius); k <= Math.min(p.content.length - 1, last + radius); k++) {
    if (k >= first && k <= last) continue;
    out.push(p.content[k]);
  }
  return out;
}

/**
 * The claim's number and the passage's number share a neighbouring word (the counted
 * noun or the verb, possibly through an en↔nl concept): "killing more than 900 people"
 * and "meer dan 300 doden vielen".
 */
function localTie(c: Prepared, span: number[], p: Prepared, pTok: number, onUnit?: { c?: string; p?: string }): boolean {
  const pSpan = [pTok];
  if (!p.content.includes(pTok)) return false;
  const near = new Set(around(p, pSpan, 2));
  for (const ci of around(c, span, 2)) {
    const t = c.tokens[ci];
    if (t.name !== undefined || t.num !== undefined || t.date !== undefined) continue;
    for (const k of findToken(t, c, p)) {
      if (!near.has(k)) continue;
      if (!onUnit || t.stem === onUnit.c || p.tokens[k].stem === onUnit.p) return true;
    }
  }
  return false;
}

function withUnit(n: NumberMention): string {
  return n.unitText && !n.text.toLowerCase().includes(n.unitText.toLowerCase()) ? `${n.text} ${n.unitText}` : n.text;
}

/** The negation cue and the negated word, as written ("has not aligned"). */
function negationPhrase(p: Prepared, tokenIdx: number): string {
  let cue = -1;
  for (let k = tokenIdx; k >= Math.max(0, tokenIdx - 4); k--) if (p.tokens[k].cue) { cue = k; break; }
  if (cue < 0) for (let k = tokenIdx; k < Math.min(p.tokens.length, tokenIdx + 4); k++) if (p.tokens[k].cue) { cue = k; break; }
  if (cue < 0) return p.tokens[tokenIdx].text;
  const from = Math.max(0, Math.min(cue, tokenIdx) - (cue < tokenIdx ? 1 : 0));
  const to = Math.max(cue, tokenIdx);
  return p.text.slice(p.tokens[from].start, p.tokens[to].end);
}
