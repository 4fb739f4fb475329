/**
 * The one place where verification meets the analysis module: analyze a text once,
 * then derive what alignment needs (content tokens, concepts, name spans, negation
 * scopes). Passage analyses are cached per Passage object.
 */
import type { LanguageCode, Passage } from '../types';
import type { DateMention, EntityMention, NumberMention, TextAnalysis, Token } from '../analysis/types';
import { analyze, areAntonyms as analysisAntonyms, conceptIds, conceptOf as analysisConcept, isNameHead, stemWord } from '../analysis';
import { getLexicon } from '../analysis/lexicon';
import { STOP_EN, STOP_NL } from '../analysis/stopwords';
import { lemma } from '../analysis/lemmas';
import { NEG_INDEFINITE } from '../analysis/negation';

export { isNameHead };

export interface CToken {
  /** Index in Prepared.tokens. */
  i: number;
  start: number;
  end: number;
  text: string;
  norm: string;
  stem: string;
  stop: boolean;
  /** Concept ids (en↔nl, synonyms) of the token, possibly empty. */
  concepts: string[];
  /** Index into Prepared.names when the token belongs to a name. */
  name?: number;
  /** Index into analysis.numbers / analysis.dates when the token belongs to one. */
  num?: number;
  date?: number;
  /** Punctuation (clause break) directly after the token. */
  breakAfter: boolean;
  /** Inside the scope of a negation cue. */
  negated: boolean;
  /** The token is itself a negation cue. */
  cue: boolean;
  /** The first content word a negation cue governs ("has not *aligned*"). */
  negHead?: boolean;
  /** A negation head after a negated name or figure that modifies it: that token's index. */
  negModifier?: number;
  /**
   * Governed by a negation inside a condition ("if the men were not *released*"). Still a
   * content word: in a claim it must be backed (the condition is part of what the claim
   * says), and in a passage it backs only a claim word under such a condition (match.ts).
   */
  hypothetical?: boolean;
  /** A Dutch compound the lexicon lacks, split into known words (see `splitCompound`). */
  compound?: Compound;
  /** Verb senses of a Dutch form the lexicon reads only as a bare verb stem ("zit", "eet"; Lexicon.stemSynsets); matched across languages only. */
  stemConcepts?: string[];
  /** A negative indefinite ("niemand", "nothing"): the indefinite it denies ("iemand", "something"). The token is a cue and, negated, stands for that word. */
  indefinite?: string;
}

/** A Dutch compound read through its parts: the head (what it is a kind of) and the modifier. */
export interface Compound {
  head: string;
  modifier: string;
  /** Synset concepts (`w…`) of the head and of the modifier, first senses. */
  headConcepts: string[];
  modifierConcepts: string[];
}

export interface NameSpan {
  start: number;
  end: number;
  text: string;
  /** Keys under which the name is matched (norm and loose forms). */
  keys: string[];
  kind: EntityMention['kind'];
  /** Token indexes (content tokens) of the name. */
  tokens: number[];
}

export interface Prepared {
  text: string;
  lang: LanguageCode;
  /** Year of the document's date: dates written without a year ("April 9") fall in it. */
  defaultYear?: number;
  analysis: TextAnalysis;
  tokens: CToken[];
  /** Indexes of content tokens (not stop words, not punctuation), in order. */
  content: number[];
  names: NameSpan[];
  numbers: NumberMention[];
  dates: DateMention[];
  stems: Map<string, number[]>;
  norms: Map<string, number[]>;
  concepts: Map<string, number[]>;
  nameKeys: Map<string, number>;
  /** Modifiers of the passage's Dutch compounds (norm and synset concepts) -> compound tokens. */
  modifiers: Map<string, number[]>;
  /**
   * Read across languages only: the heads of the passage's Dutch compounds (norm, synset
   * concepts and their hypernyms) and the verb senses (and hypernyms) of its bare Dutch verb
   * stems -> their tokens.
   */
  crossConcepts: Map<string, number[]>;
}

const cache = new WeakMap<object, Prepared>();

export function preparePassage(passage: Passage, lang: LanguageCode, docDate?: string): Prepared {
  let p = cache.get(passage);
  if (!p || p.lang !== lang) {
    p = prepare(passage.text, lang);
    const y = docDate ? /^(\d{4})/.exec(docDate) : null;
    if (y) p.defaultYear = Number(y[1]);
    if (docDate) p.dates = p.dates.map((d) => anchorDate(d, docDate));
    cache.set(passage, p);
  }
  return p;
}

/**
 * British and American spellings fold together: "metres"/"meters", "colour"/"color",
 * "organise"/"organize", "travelled"/"traveled".
 */
export function spellKey(norm: string): string {
  let k = spellCache.get(norm);
  if (k === undefined) {
    k = computeSpellKey(norm);
    // Bounded: a long session over many sources must not grow it without limit.
    if (spellCache.size >= SPELL_CACHE_MAX) spellCache.clear();
    spellCache.set(norm, k);
  }
  return k;
}

const SPELL_CACHE_MAX = 50_000;
const spellCache = new Map<string, string>();

function computeSpellKey(norm: string): string {
  return norm
    .replace(/([^aeiou])re(s?)$/, '$1er$2')
    .replace(/our(s|ed|ing)?$/, 'or$1')
    .replace(/is(e|es|ed|ing|ation|ations)$/, 'iz$1')
    .replace(/ys(e|es|ed|ing)$/, 'yz$1')
    .replace(/ll(ed|ing|er|ers)$/, 'l$1');
}

/**
 * The stem of the word an English agent noun is made from: "drummer" → drum,
 * "director" → direct, "politician" → politic, "novelist" → novel. Undefined
 * for other words. Bases shorter than four letters (three for -or) are not trusted
 * ("water", "paper").
 */
export function agentStem(norm: string): string | undefined {
  let k = agentCache.get(norm);
  if (k === undefined) {
    k = computeAgentStem(norm) ?? '';
    if (agentCache.size >= SPELL_CACHE_MAX) agentCache.clear();
    agentCache.set(norm, k);
  }
  return k || undefined;
}

const agentCache = new Map<string, string>();
const AGENT = /^([a-z]+?)(er|or|ist|ian)s?$/;

function computeAgentStem(norm: string): string | undefined {
  const m = AGENT.exec(norm);
  if (!m) return undefined;
  let base = m[1];
  if (base.length < (m[2] === 'or' ? 3 : 4)) return undefined;
  // "drummer" → "drum", "producer" → "produc(e)".
  if (/([bdgmnprt])\1$/.test(base)) base = base.slice(0, -1);
  return stemWord(base, 'en');
}

/** WordNet senses a word is read in (the first few of each part of speech: rarer senses make everything a synonym of everything). */
export const LEXICON_SENSES = 3;
/** Hypernym levels by which a passage word backs a more general claim word ("car" backs "vehicle"). */
export const LEXICON_DEPTH = 2;

/** A word the lexicon is asked about: a content word of letters, not a name, figure or date. */
function lexical(tok: Token): boolean {
  return !tok.stop && tok.norm.length >= 3 && /^\p{L}[\p{L}'-]*$/u.test(tok.norm);
}

/**
 * A word's WordNet synsets as concept ids (English WordNet 3.0; Dutch through Open Dutch
 * WordNet's links to it), its first LEXICON_SENSES senses of each part of speech: two words
 * that share one back each other, in either language.
 */
function wordnetConcepts(word: string, lang: LanguageCode): string[] {
  const lex = lang === 'en' || lang === 'nl' ? getLexicon() : undefined;
  return lex ? lex.synsets(word, lang as 'en' | 'nl', undefined, LEXICON_SENSES).map((s) => `w${s}`) : [];
}

function conceptsOf(tok: Token, lang: LanguageCode): string[] {
  const out = [...conceptIds(tok.stem, lang)];
  if (tok.norm !== tok.stem) for (const b of conceptIds(tok.norm, lang)) if (!out.includes(b)) out.push(b);
  if (lexical(tok)) out.push(...wordnetConcepts(tok.norm, lang));
  return out;
}

/** The token belongs to a name, a figure or a date: no word of the lexicon. */
export function isValue(t: CToken): boolean {
  return t.name !== undefined || t.num !== undefined || t.date !== undefined;
}

/**
 * The noun a privative adjective denies ("shirtless": shirt, "kinderloos": kind), when the
 * lexicon knows the rest as a noun and the word is no adverb ("regardless", "nevertheless").
 */
function privativeBase(norm: string, lang: LanguageCode): string | undefined {
  const lex = getLexicon();
  if (!lex || (lang !== 'en' && lang !== 'nl')) return undefined;
  const m = lang === 'en' ? /^(\p{L}{3,})less$/u.exec(norm) : /^(\p{L}{3,}?)e?lo(?:os|ze)$/u.exec(norm);
  if (!m || lex.synsets(norm, lang, 'r', 1).length > 0) return undefined;
  for (const base of lang === 'nl' ? [m[1], ...lex.lemmas(m[1], 'nl')] : [m[1]]) {
    if (lex.synsets(base, lang, 'n', 1).length > 0) return base;
  }
  return undefined;
}

/** Parts of a Dutch compound: the head at least this long, the modifier at least MIN_MODIFIER (a 3-letter modifier only as a noun). */
const MIN_HEAD = 4;
const MIN_MODIFIER = 3;
const MIN_COMPOUND = 7;
const compoundCache = new Map<string, Compound | null>();

/**
 * A Dutch compound that is no lemma of the lexicon ("vliegtuigcrash", "raketaanval",
 * "grondoffensief") read as modifier + head, both lemmas the lexicon knows: the longest
 * head that leaves a known modifier, with the linking -s-, -e- or -en- dropped from the
 * modifier ("oorlogsschip", "pannenkoek"). A compound is a kind of its head. General Dutch
 * morphology: no word list.
 */
export function splitCompound(norm: string): Compound | undefined {
  let r = compoundCache.get(norm);
  if (r === undefined) {
    r = computeSplit(norm) ?? null;
    if (compoundCache.size >= SPELL_CACHE_MAX) compoundCache.clear();
    compoundCache.set(norm, r);
  }
  return r ?? undefined;
}

function computeSplit(norm: string): Compound | undefined {
  const lex = getLexicon();
  if (!lex || norm.length < MIN_COMPOUND || !/^\p{L}+$/u.test(norm)) return undefined;
  if (lex.lemmas(norm, 'nl').length > 0) return undefined;
  for (let at = MIN_MODIFIER; at <= norm.length - MIN_HEAD; at++) {
    const head = norm.slice(at);
    // The head names a thing or a quality (a noun or an adjective, as Dutch compound heads
    // do): a verb form after a short prefix is a participle, not a compound ("gekleurde").
    const headConcepts = [...lex.synsets(head, 'nl', 'n', LEXICON_SENSES), ...lex.synsets(head, 'nl', 'a', LEXICON_SENSES)];
    if (headConcepts.length === 0) continue;
    const left = norm.slice(0, at);
    const mods = [left];
    if (left.endsWith('en')) mods.push(left.slice(0, -2));
    if (left.endsWith('s') || left.endsWith('e')) mods.push(left.slice(0, -1));
    for (const m of mods) {
      if (m.length < MIN_MODIFIER) continue;
      // The modifier as written: its lemma itself, not an inflection ("vliegtuigen" is no modifier form).
      if (!lex.lemmas(m, 'nl').includes(m)) continue;
      const modifierConcepts = lex.synsets(m, 'nl', m.length > MIN_MODIFIER ? undefined : 'n', LEXICON_SENSES);
      if (modifierConcepts.length === 0) continue;
      return { head, modifier: m, headConcepts: headConcepts.map((x) => `w${x}`), modifierConcepts: modifierConcepts.map((x) => `w${x}`) };
    }
  }
  return undefined;
}

/** The lexicon's synset ids among a token's concepts (the `w…` ones; the others are hand concepts). */
export function synsetIds(concepts: readonly string[]): number[] {
  const out: number[] = [];
  for (const c of concepts) if (c.charCodeAt(0) === 119 /* w */) out.push(Number(c.slice(1)));
  return out;
}

/** The verb-group neighbours of a token's synsets (lexicon.ts verbGroup). */
export function verbGroupOf(concepts: string[]): string[] {
  const lex = getLexicon();
  return lex ? synsetIds(concepts).flatMap((id) => lex.verbGroup(id).map((g) => `w${g}`)) : [];
}

/** The hypernyms of a token's synsets: a passage word backs a claim word that names its kind. */
export function broaderOf(concepts: string[], depth = LEXICON_DEPTH): string[] {
  const lex = getLexicon();
  return lex ? synsetIds(concepts).flatMap((id) => lex.hypernyms(id, depth).map((h) => `w${h}`)) : [];
}

/**
 * Dutch separable verbs: the particle of a finite verb stands at the end of its clause
 * ("ISIS bracht een video uit", "eiste de verantwoordelijkheid op voor ..."; "omver te
 * werpen"). Where a verb of the clause and the particle form a verb Open Dutch WordNet
 * knows (uitbrengen, opeisen, omverwerpen), the verb token also carries that verb's
 * synsets, and the particle, part of the verb, is no content word of its own. A particle
 * followed by an article, a noun or a figure is a preposition ("op doelen"), not
 * considered. General Dutch morphology: no word list beyond the particles themselves.
 * Another lower-case word at the clause end may be a verb's first part too ("raakte ...
 * kwijt": kwijtraken), where ODWN lists the whole as a verb; it stays a content word
 * unless ODWN has no sense for it alone.
 */
const PARTICLES = new Set(['aan', 'af', 'bij', 'door', 'in', 'mee', 'na', 'neer', 'om', 'omver', 'op', 'over', 'terug', 'toe', 'uit', 'weg', 'vast', 'los', 'voort', 'tegen', 'samen', 'vrij']);
/** Words after which a particle still ends the verb's clause: prepositions and conjunctions, not articles or nouns. */
const AFTER_PARTICLE = new Set(['voor', 'in', 'met', 'aan', 'naar', 'bij', 'op', 'om', 'uit', 'van', 'tot', 'tegen', 'door', 'na', 'zonder', 'sinds', 'tijdens', 'dat', 'en', 'maar', 'of', 'omdat', 'toen', 'nadat', 'waarna', 'wegens', 'vanwege', 'via',
  'als', 'zoals', 'terwijl', 'hoewel', 'want', 'zodat', 'waardoor', 'waarbij', 'tussen', 'onder', 'boven', 'achter', 'naast', 'binnen', 'rond']);
const SEPARABLE_WINDOW = 12;
/** The verb senses of a word that is a particle and a verb form ODWN knows ("opgegeten": gegeten, eten), when ODWN lacks the whole. */
function particleVerb(norm: string): number[] {
  const lex = getLexicon();
  if (!lex || lex.lemmas(norm, 'nl').length > 0) return [];
  for (const part of PARTICLES) {
    if (!norm.startsWith(part) || norm.length - part.length < 4) continue;
    const syn = lex.synsets(norm.slice(part.length), 'nl', 'v', LEXICON_SENSES);
    if (syn.length) return syn;
  }
  return [];
}
function joinSeparableVerbs(tokens: CToken[]): void {
  const lex = getLexicon();
  if (!lex) return;
  for (let i = 1; i < tokens.length; i++) {
    const tok = tokens[i];
    const part = tok.norm;
    // Besides the particles, any lower-case word may be the first part of a separable
    // verb ODWN knows: "raakte ... kwijt" (kwijtraken), "vond ... plaats" (plaatsvinden),
    // "nam ... deel" (deelnemen).
    const particle = PARTICLES.has(part);
    if (!particle && (part.length < 3 || tok.stop || isValue(tok) || !/^\p{Ll}+$/u.test(tok.text))) continue;
    const next = tokens[i + 1];
    let verbs: number[];
    if (next && next.norm === 'te' && !next.breakAfter && i + 2 < tokens.length) verbs = [i + 2]; // "omver te werpen"
    else if (!next || tokens[i].breakAfter || AFTER_PARTICLE.has(next.norm)) {
      verbs = [];
      for (let k = i - 1; k >= 0 && k >= i - SEPARABLE_WINDOW && !tokens[k].breakAfter; k--) verbs.push(k);
      verbs.reverse(); // the finite verb stands early in its clause
    } else continue;
    for (const k of verbs) {
      const v = tokens[k];
      if (v.norm.length < 2 || !/^\p{L}+$/u.test(v.norm) || PARTICLES.has(v.norm)) continue;
      let base = lemma(v.norm, 'nl');
      if (!particle) {
        // A word that is no particle joins only a verb's base form into a verb ODWN lists
        // ("raakte" raken: kwijtraken; "vond" vinden: plaatsvinden), never a form ODWN
        // reads back into the word itself ("verwijten" + "de").
        const joined = [base, ...lex.lemmas(v.norm, 'nl')].find((r) => r.length >= 3 && lex.synsets(r, 'nl', 'v', 1).length > 0 && lex.lemmas(part + r, 'nl').includes(part + r));
        if (joined === undefined) continue;
        base = joined;
      }
      const syn = lex.synsets(part + base, 'nl', 'v', LEXICON_SENSES);
      if (syn.length === 0) continue;
      for (const s of syn) if (!v.concepts.includes(`w${s}`)) v.concepts.push(`w${s}`);
      // A word that is no particle stays a content word of its own where ODWN knows it
      // ("vond ... plaats": the place; "maakt ... schoon" is not "maakt ... vuil"); only one
      // ODWN has no sense for ("kwijt") is read as part of the verb alone.
      if (particle || lex.synsets(part, 'nl', undefined, 1).length === 0) tok.stop = true;
      break;
    }
  }
}

/**
 * English phrasal verbs: a verb and the particle right after it ("stepped down", "carried
 * out", "called off") mean what WordNet's multiword verb means (step down: resign), so the
 * verb token also carries those senses, as a Dutch separable verb does ("trad ... af":
 * aftreden). Only where WordNet knows the pair as a verb; the particle is a stop word already.
 */
const PARTICLES_EN = new Set(['up', 'down', 'out', 'off', 'over', 'away', 'back', 'on', 'in', 'along', 'through', 'forward', 'around', 'aside']);
function joinPhrasalVerbs(tokens: CToken[]): void {
  const lex = getLexicon();
  if (!lex) return;
  for (let i = 0; i + 1 < tokens.length; i++) {
    const v = tokens[i];
    const part = tokens[i + 1].norm;
    if (!PARTICLES_EN.has(part) || v.breakAfter || v.stop || v.name !== undefined || v.num !== undefined || v.date !== undefined) continue;
    for (const base of lex.lemmas(v.norm, 'en')) {
      const syn = lex.synsets(`${base} ${part}`, 'en', 'v', LEXICON_SENSES);
      for (const x of syn) if (!v.concepts.includes(`w${x}`)) v.concepts.push(`w${x}`);
      if (syn.length) break;
    }
  }
}

export function areAntonyms(a: CToken, b: CToken): boolean {
  return analysisAntonyms(a.stem, b.stem) || analysisAntonyms(a.norm, b.norm);
}

/** Add `v` to the list at `k` (an index from keys to token positions). */
export function push<K>(m: Map<K, number[]>, k: K, v: number): void {
  const a = m.get(k);
  if (a) a.push(v);
  else m.set(k, [v]);
}

const NEG_SCOPE_CONTENT = 2;
/** Verbs that take their meaning from the noun after them (English and Dutch). */
/** Words that only strengthen a negation ("no single", "geen enkele"): the negation governs the word after them. */
const NEG_INTENSIFIER = new Set(['single', 'enkele', 'enkel']);
const LIGHT_VERB = new Set([
  'get', 'gets', 'got', 'gotten', 'getting', 'have', 'has', 'had', 'having', 'make', 'makes', 'made', 'take', 'takes', 'took', 'taken', 'give', 'gives', 'gave', 'given',
  'receive', 'receives', 'received', 'obtain', 'obtained', 'krijgen', 'krijgt', 'kreeg', 'kregen', 'gekregen', 'hebben', 'heeft', 'hadden', 'maken', 'maakt', 'maakte',
  'nemen', 'neemt', 'nam', 'namen', 'genomen', 'geven', 'geeft', 'gaf', 'gaven', 'gegeven', 'ontvangen', 'ontvangt', 'ontving',
]);
/** Words that open a condition (English and Dutch): what follows states no fact. */
export const CONDITIONAL = /^(?:if|unless|whether|als|indien|tenzij|mits)$/;
/** Verbs of demanding, whose "that"-clause states what is demanded, not what happened. */
const DEMAND = new Set(['demand', 'demands', 'demanded', 'demanding', 'request', 'requests', 'requested', 'eist', 'eiste', 'eisten', 'eisen', 'verlangt', 'verlangde', 'verlangden']);
const NEG_SKIP = /^(?:only|just|merely|simply|least)$/; // "not only", "not just", "at least": no negation

/**
 * Character ranges of quoted stretches ("...", “...”, '...', ‘...’): a title or a quotation,
 * often in the other language ("De film met de titel 'Lights over the harbour, for all of
 * us'").
 */
function quotedRanges(text: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  const re = /(?:^|[\s(\[])(["“‘']|'')(?=\S)([^"“”‘’'\n]{2,200}?)(["”’']|'')(?=$|[\s.,;:!?)\]])/gu;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const start = m.index + m[0].indexOf(m[1]) + m[1].length;
    out.push([start, start + m[2].length]);
  }
  return out;
}

export function prepare(text: string, lang: LanguageCode): Prepared {
  const analysis = analyze(text, lang);
  // In a quoted stretch the other language's function words are function words too (the
  // stop lists never hold negations).
  const quoted = quotedRanges(text);
  const other = lang === 'nl' ? STOP_EN : lang === 'en' ? STOP_NL : undefined;
  const inQuote = (t: Token) => quoted.some(([a, b]) => t.start >= a && t.end <= b);
  const tokens: CToken[] = analysis.tokens.map((t, i) => ({
    i,
    start: t.start,
    end: t.end,
    text: t.text,
    norm: t.norm,
    stem: t.stem,
    stop: t.stop || (other !== undefined && quoted.length > 0 && other.has(t.norm) && inQuote(t)),
    concepts: conceptsOf(t, lang),
    // Every field present from the start: one object shape for all tokens.
    name: undefined,
    num: undefined,
    date: undefined,
    breakAfter: false,
    negated: false,
    cue: false,
    negHead: undefined,
    negModifier: undefined,
    hypothetical: undefined,
    compound: undefined,
    stemConcepts: undefined,
    indefinite: undefined,
  }));
  if (lang === 'nl') {
    const lex = getLexicon();
    for (const t of tokens) {
      if (t.stop || t.concepts.length > 0) continue;
      // A verb with its particle written on ("opgegeten", "uitgeduwd") that ODWN lacks means
      // what its verb means, as the separated form ("at ... op") already reads.
      const word = lex && !isValue(t);
      const verb = word ? particleVerb(t.norm) : [];
      if (verb.length) {
        t.concepts = verb.map((x) => `w${x}`);
        continue;
      }
      const stem = word ? lex.stemSynsets(t.norm, LEXICON_SENSES) : [];
      if (stem.length) t.stemConcepts = stem.map((x) => `w${x}`);
      else t.compound = splitCompound(t.norm);
    }
  }
  // Clause breaks: punctuation between a token and the next.
  for (let i = 0; i < tokens.length; i++) {
    const next = i + 1 < tokens.length ? tokens[i + 1].start : text.length;
    const end = tokens[i].end;
    // A single space (the usual gap) holds no break.
    if (next === end || (next === end + 1 && text.charCodeAt(end) === 32)) continue;
    const between = text.slice(end, next);
    if (/[,;:.!?()\u2013\u2014"“”]/.test(between) || /\s-\s/.test(between)) tokens[i].breakAfter = true;
  }
  if (lang === 'nl') joinSeparableVerbs(tokens);
  else if (lang === 'en') joinPhrasalVerbs(tokens);
  const tokenAt = (start: number, end: number): number[] => {
    // First token ending after `start` (tokens are ordered and disjoint).
    let lo = 0;
    let hi = tokens.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (tokens[mid].end <= start) lo = mid + 1;
      else hi = mid;
    }
    const out: number[] = [];
    for (let k = lo; k < tokens.length && tokens[k].start < end; k++) out.push(k);
    return out;
  };
  // Names: the analysis' entities, plus runs of capitalized non-initial words it missed.
  const names: NameSpan[] = [];
  const entities = [...analysis.entities].sort((a, b) => a.start - b.start || b.end - a.end);
  for (const e of entities) {
    // A lone capitalized sentence-initial word that is no known name ("Police said"):
    // an ordinary word.
    if ((e as { initial?: boolean }).initial) continue;
    // Capitalized words of a name are content even when they spell a stop word ("IS").
    for (const i of tokenAt(e.start, e.end)) if (/\p{Lu}/u.test(tokens[i].text)) tokens[i].stop = false;
    const idx = tokenAt(e.start, e.end).filter((i) => !tokens[i].stop);
    if (idx.length === 0) continue;
    if (idx.some((i) => tokens[i].name !== undefined)) continue;
    const keys = new Set<string>([e.norm]);
    const loose = (e as { loose?: string }).loose;
    if (loose) keys.add(loose);
    names.push({ start: e.start, end: e.end, text: e.text, keys: [...keys], kind: e.kind, tokens: idx });
    for (const i of idx) tokens[i].name = names.length - 1;
  }
  // Numbers and dates take precedence over names for their own tokens.
  analysis.dates.forEach((d, k) => {
    for (const i of tokenAt(d.start, d.end)) tokens[i].date = k;
  });
  analysis.numbers.forEach((n, k) => {
    for (const i of tokenAt(n.start, n.end)) if (tokens[i].date === undefined) tokens[i].num = k;
  });
  // Capitalized runs not at the sentence start.
  const isCapCandidate = (k: number): boolean => {
    const t = tokens[k];
    return t.name === undefined && t.date === undefined && t.num === undefined && !t.stop && /^\p{Lu}/u.test(t.text);
  };
  // In a Title Case line (a headline) capitals mark no names.
  const words = tokens.filter((t) => /^\p{L}/u.test(t.text) && !t.stop);
  const titleCase = words.length >= 3 && words.filter((t) => /^\p{Lu}/u.test(t.text)).length >= 0.7 * words.length;
  let i = titleCase ? tokens.length : 0;
  while (i < tokens.length) {
    if (isCapCandidate(i) && !(i === 0 || /[.!?:"“]\s*$/.test(text.slice(tokens[i - 1].end, tokens[i].start)) || /[.!?]$/.test(tokens[i - 1].text))) {
      let j = i;
      while (j + 1 < tokens.length && !tokens[j].breakAfter && isCapCandidate(j + 1)) j++;
      const idx: number[] = [];
      for (let k = i; k <= j; k++) idx.push(k);
      const start = tokens[i].start;
      const end = tokens[j].end;
      const norm = idx.map((k) => tokens[k].norm).join(' ');
      names.push({ start, end, text: text.slice(start, end), keys: [norm], kind: 'other', tokens: idx });
      for (const k of idx) tokens[k].name = names.length - 1;
      i = j + 1;
    } else i++;
  }
  names.sort((a, b) => a.start - b.start);
  names.forEach((n, k) => n.tokens.forEach((ti) => (tokens[ti].name = k)));
  // What someone demands ("demanded that the men be released by Friday", "eiste dat ...")
  // states no fact either: its words back, and are backed by, only words of a demand or
  // condition ("if the men were not released by Thursday").
  for (let k = 0; k + 1 < tokens.length; k++) {
    if (!DEMAND.has(tokens[k].norm) || !/^(?:that|dat)$/.test(tokens[k + 1].norm)) continue;
    for (let j = k + 2; j < tokens.length; j++) {
      if (!tokens[j].stop) tokens[j].hypothetical = true;
      if (tokens[j].breakAfter) break;
    }
  }
  // Negation cues and their scope: the next few content tokens of the same clause
  // (and for Dutch "niet"/"nooit", which follow the verb, the previous ones too).
  // (Negative implicatives such as "refused to" and absences such as "te weinig" are
  // cues of analysis/negation.ts too: their complement did not happen.)
  const cues: Array<{ start: number; end: number }> = [...analysis.negations];
  cues.sort((a, b) => a.start - b.start || b.end - a.end);
  let lastCueEnd = -1;
  for (const cue of cues) {
    if (cue.start < lastCueEnd) continue;
    lastCueEnd = cue.end;
    const idx = tokenAt(cue.start, cue.end);
    if (idx.length === 0) continue;
    const first = idx[0];
    const last = idx[idx.length - 1];
    if (last + 1 < tokens.length && NEG_SKIP.test(tokens[last + 1].norm)) continue;
    // In a condition ("if the men were not released") the negation states no fact.
    let conditional = false;
    for (let k = first - 1; k >= 0 && k >= first - 8; k--) {
      if (tokens[k].breakAfter) break;
      if (CONDITIONAL.test(tokens[k].norm)) {
        conditional = true;
        break;
      }
    }
    if (conditional) {
      // ...nor backs one: the governed words back only words of a condition (findToken).
      let seen = 0;
      for (let k = last + 1; k < tokens.length && seen < NEG_SCOPE_CONTENT; k++) {
        if (!tokens[k].stop) {
          tokens[k].hypothetical = true;
          seen++;
        }
        if (tokens[k].breakAfter) break;
      }
      continue;
    }
    for (const k of idx) tokens[k].cue = true;
    // A negative indefinite is a negation and the indefinite it denies ("niemand" is "geen
    // iemand", "nothing" is "not something"): the token stands, negated, for that word too.
    const positive = idx.length === 1 ? NEG_INDEFINITE[tokens[first].norm] : undefined;
    if (positive) {
      const t = tokens[first];
      t.negated = true;
      t.negHead = true;
      t.indefinite = positive;
      t.concepts = wordnetConcepts(positive, lang);
    }
    let seen = 0;
    let valueHead = -1;
    let light = false;
    for (let k = last + 1; k < tokens.length && seen < NEG_SCOPE_CONTENT; k++) {
      if (!tokens[k].stop) {
        tokens[k].negated = true;
        const value = isValue(tokens[k]);
        // "geen enkele voetballer", "not a single player": the word that only strengthens
        // the negation passes it on to the word it modifies.
        if (seen === 0 && NEG_INTENSIFIER.has(tokens[k].norm) && k + 1 < tokens.length && !tokens[k].breakAfter) continue;
        if (seen === 0) {
          tokens[k].negHead = true;
          if (value) valueHead = k;
          // A light verb carries no meaning of its own: "did not get an invite" denies the
          // invitation, "kreeg geen uitnodiging" too, so the noun it takes is governed as well.
          light = LIGHT_VERB.has(tokens[k].norm);
        } else if (light) {
          tokens[k].negHead = true;
          light = false;
        } else if (valueHead >= 0 && !value) {
          // "is not an American series", "was not the first woman": the negated name or
          // figure modifies the word after it, which the negation governs as well (as long
          // as the modifier itself lines up: "not the first" is no denial of "the second").
          tokens[k].negHead = true;
          tokens[k].negModifier = valueHead;
          valueHead = -1;
        }
        seen++;
      }
      if (tokens[k].breakAfter) break;
    }
    if (lang === 'nl' && /^(?:niet|nooit)$/.test(tokens[first].norm)) {
      seen = 0;
      for (let k = first - 1; k >= 0 && seen < NEG_SCOPE_CONTENT; k--) {
        if (tokens[k].breakAfter) break;
        if (!tokens[k].stop) {
          tokens[k].negated = true;
          if (seen === 0) tokens[k].negHead = true;
          seen++;
        }
      }
    }
  }
  // A privative adjective is its noun, negated ("a shirtless man" says what "a man without a
  // shirt" says; "kinderloos": zonder kinderen): it carries the noun's senses and the negation.
  // Under a negation the two cancel ("not bloodless": with blood).
  for (const t of tokens) {
    if (t.stop || t.cue || isValue(t)) continue;
    const base = privativeBase(t.norm, lang);
    if (!base) continue;
    t.negated = !t.negated;
    t.negHead = t.negated ? true : undefined;
    t.concepts = wordnetConcepts(base, lang);
  }
  lifeDates(text, tokens, analysis.dates, tokenAt);
  const content: number[] = [];
  const stems = new Map<string, number[]>();
  const norms = new Map<string, number[]>();
  const concepts = new Map<string, number[]>();
  const modifiers = new Map<string, number[]>();
  const crossConcepts = new Map<string, number[]>();
  for (const t of tokens) {
    if (t.indefinite) {
      // Looked up as the indefinite it denies; not a content word of its own.
      push(norms, t.indefinite, t.i);
      for (const c of t.concepts) push(concepts, c, t.i);
      continue;
    }
    if (t.stop || t.cue) continue;
    if (!/[\p{L}\p{N}]/u.test(t.text)) continue;
    content.push(t.i);
    push(stems, t.stem, t.i);
    push(norms, t.norm, t.i);
    for (const c of t.concepts) push(concepts, c, t.i);
    // Only the passage side is looked up by concept: its hypernyms let it back a more
    // general claim word, never the other way round (the claim's tokens keep their own).
    if (!isValue(t)) for (const c of broaderOf(t.concepts)) push(concepts, c, t.i);
    // A bare Dutch verb stem backs what its infinitive's senses (and their hypernyms) do.
    if (t.stemConcepts) {
      for (const x of t.stemConcepts) push(crossConcepts, x, t.i);
      for (const x of broaderOf(t.stemConcepts)) push(crossConcepts, x, t.i);
    }
    // A Dutch compound backs its head (it is a kind of it, and so of the head's hypernyms):
    // "vliegtuigcrash" backs "crash". Its modifier backs a claim word only next to the head
    // (match.ts: "plane crash"), not alone: a "grashoed" says nothing of grass.
    if (t.compound && t.name === undefined) {
      const cp = t.compound;
      push(crossConcepts, cp.head, t.i);
      for (const x of cp.headConcepts) push(crossConcepts, x, t.i);
      for (const x of broaderOf(cp.headConcepts)) push(crossConcepts, x, t.i);
      push(modifiers, cp.modifier, t.i);
      for (const x of cp.modifierConcepts) push(modifiers, x, t.i);
    }
    // Parts of hyphenated compounds ("ISIS-strijder", "pro-ISIS") back their words too.
    if (t.norm.includes('-')) {
      for (const part of t.norm.split('-')) {
        if (part.length < 3) continue;
        push(norms, part, t.i);
        const pc = analysisConcept(part, lang);
        if (pc) push(concepts, pc, t.i);
        // The part's WordNet senses, as a word of its own has them ("strijder": fighter).
        if (/^\p{L}+$/u.test(part)) for (const x of wordnetConcepts(part, lang)) push(concepts, x, t.i);
      }
    }
  }
  const nameKeys = new Map<string, number>();
  names.forEach((n, k) => {
    for (const key of n.keys) if (!nameKeys.has(key)) nameKeys.set(key, k);
  });
  return {
    text,
    lang,
    analysis,
    tokens,
    content,
    names,
    numbers: analysis.numbers,
    dates: analysis.dates,
    stems,
    norms,
    concepts,
    nameKeys,
    modifiers,
    crossConcepts,
  };
}

const DAY_MS = 86_400_000;

/**
 * A date the passage gives relative to when it was written ("this year", "last month",
 * "yesterday", "on Monday"), placed by the document's date as far as that is certain: a
 * weekday keeps its month only away from the month's edges (it may be the one before or
 * after), a week its year only away from the year's edges. The result is marked
 * `anchored`: it backs a claim's date but is never the source value of a conflict.
 */
export function anchorDate(d: DateMention, docDate: string): DateMention {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(docDate);
  if (!m) return d;
  const year = Number(m[1]);
  const month = m[2] ? Number(m[2]) : undefined;
  const day = m[3] ? Number(m[3]) : undefined;
  const shift = d.relative === 'last' ? -1 : d.relative === 'next' ? 1 : 0;
  const out = (fields: Partial<DateMention>): DateMention => {
    const r: DateMention = { ...d, ...fields, anchored: true, literal: d };
    delete r.relative;
    return r;
  };
  if (d.year !== undefined || d.month !== undefined || d.season !== undefined) return d;
  switch (d.granularity) {
    case 'year':
      return d.relative ? out({ year: year + shift }) : d;
    case 'month': {
      if (!d.relative || month === undefined) return d;
      const k = year * 12 + (month - 1) + shift;
      return out({ year: Math.floor(k / 12), month: (k % 12) + 1 });
    }
    case 'day': {
      if (!d.relative || month === undefined || day === undefined) return d;
      const t = new Date(Date.UTC(year, month - 1, day) + shift * DAY_MS);
      return out({ year: t.getUTCFullYear(), month: t.getUTCMonth() + 1, day: t.getUTCDate() });
    }
    case 'week':
    case 'weekday': {
      if (month === undefined || day === undefined) return d;
      // Within a week of the document's date, either way.
      const fields: Partial<DateMention> = {};
      const doy = (Date.UTC(year, month - 1, day) - Date.UTC(year, 0, 1)) / DAY_MS;
      if (doy >= 14 && doy <= 350) fields.year = year;
      if (d.granularity === 'weekday' && day >= 14 && day <= 21) fields.month = month;
      if (fields.year === undefined) return d;
      const r = out(fields);
      if (d.granularity === 'week') r.granularity = fields.month ? 'month' : 'year';
      return r;
    }
    default:
      return d;
  }
}

/** Whether an agent noun's base stem and a word's stem are the same word ("politic" / "polit"). */
export function sameBase(agent: string, stem: string): boolean {
  if (agent === stem) return true;
  const [a, b] = agent.length <= stem.length ? [agent, stem] : [stem, agent];
  return a.length >= 5 && b.length - a.length <= 2 && b.startsWith(a);
}

/** A dash between two dates, alone: "1974 − 2014", "6 July 1927 -- 3 October 2004". */
const DATE_DASH = /^\s*(?:--|[-\u2010-\u2015\u2212])\s*$/;

/**
 * Life dates, as encyclopedias and obituaries give them after a name: "Christopher Kyle
 * (April 8, 1974 − February 2, 2013)". The first date is the birth, the second the
 * death: their tokens carry the concepts of "born" and "died", so a claim's "born
 * in April 1974" or "died on February 2, 2013" lines up with them.
 */
function lifeDates(text: string, tokens: CToken[], dates: DateMention[], tokenAt: (start: number, end: number) => number[]): void {
  for (let k = 0; k + 1 < dates.length; k++) {
    const d1 = dates[k];
    const d2 = dates[k + 1];
    if (d1.year === undefined || d2.year === undefined || d2.year <= d1.year) continue;
    if (!DATE_DASH.test(text.slice(d1.end, d2.start))) continue;
    if (!/^\s*\)/.test(text.slice(d2.end, d2.end + 3))) continue;
    const open = text.lastIndexOf('(', d1.start);
    if (open < 0 || d1.start - open > 80 || text.slice(open, d1.start).includes(')')) continue;
    // Right after a name ("Kyle (", "Earl of Stockton, ("): the last token before "(".
    let j = tokenAt(d1.start, d1.end)[0] - 1;
    while (j >= 0 && tokens[j].end > open) j--;
    if (j < 0 || tokens[j].name === undefined) continue;
    for (const i of tokenAt(d1.start, d1.end)) if (!tokens[i].concepts.includes('birth')) tokens[i].concepts.push('birth');
    for (const i of tokenAt(d2.start, d2.end)) if (!tokens[i].concepts.includes('kill')) tokens[i].concepts.push('kill');
  }
}
