/**
 * Perturbed news claims: a large claim set of the news kind that nobody tuned on, made
 * from real articles (../shared/corpora) by changing one fact of one article sentence.
 * It measures the engine's worst error, a wrong "supported" on a near-miss claim, and its
 * recall floor (the sentence verbatim).
 *
 * Each article yields at most one claim per kind, chosen with a PRNG seeded by the
 * article id (adding or removing articles changes no other article's claims):
 *
 *   original          supported    the sentence verbatim
 *   number-novel      conflict     one figure replaced by one the article never uses
 *   date-novel        conflict     a year, month or weekday replaced by one the article never uses
 *   number-elsewhere  unsupported  one figure replaced by a figure of another sentence of the article
 *   date-elsewhere    unsupported  a year, month or weekday replaced by one of another sentence
 *   name-elsewhere    unsupported  a multiword name replaced by a name of another sentence
 *   roles-swapped     unsupported  two names on either side of a verb swapped
 *   negated           conflict     "not" after the first auxiliary of a sentence without negation
 *
 * Gold labels are by construction (see docs/EVAL.md, "Perturbed news sets", for where they
 * can be wrong). The articles are never copied into the repository: bench/eval.ts writes
 * the corpus and the claims into a folder under os.tmpdir() (perturbedSets below).
 *
 * Pure functions except loadNewsArticles and perturbedSets (file I/O).
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { splitSentences } from '../../src/core/text/sentences';
import { posTags, type TaggedToken } from '../../src/core/analysis/pos';
import { analyze } from '../../src/core/analysis';
import { parseCsv, rng, shuffle } from './corpora';

/** Bump when the generator's output changes: it names the cached folder. */
export const PERTURB_VERSION = 6;

export interface Article {
  id: string;
  title: string;
  date?: string;
  text: string;
}

export type PerturbKind =
  | 'original'
  | 'number-novel'
  | 'date-novel'
  | 'number-elsewhere'
  | 'date-elsewhere'
  | 'name-elsewhere'
  | 'roles-swapped'
  | 'negated';

export const KINDS: PerturbKind[] = ['original', 'number-novel', 'date-novel', 'number-elsewhere', 'date-elsewhere', 'name-elsewhere', 'roles-swapped', 'negated'];

export const GOLD: Record<PerturbKind, 'supported' | 'conflict' | 'unsupported'> = {
  original: 'supported',
  'number-novel': 'conflict',
  'date-novel': 'conflict',
  'number-elsewhere': 'unsupported',
  'date-elsewhere': 'unsupported',
  'name-elsewhere': 'unsupported',
  'roles-swapped': 'unsupported',
  negated: 'conflict',
};

export interface PerturbedClaim {
  id: string;
  text: string;
  label: 'supported' | 'conflict' | 'unsupported';
  /** Always empty: the claims are checked against the whole corpus, like seed and WiCE. */
  sources: string[];
  kind: PerturbKind;
  /** What was changed ("old → new"), or "verbatim". */
  note: string;
  /** The article the sentence comes from (its corpus file is `<article>.txt`). */
  article: string;
}

export type Tagger = (text: string) => TaggedToken[] | undefined;

export interface PerturbOptions {
  seed?: number;
  /** English POS tags for roles-swapped and negated; default: the engine's tagger (posTags). */
  tagger?: Tagger;
}

// ---------------------------------------------------------------- slots

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const MONTH_RE = new RegExp(`\\b(${MONTHS.join('|')})\\b`, 'g');
const WEEKDAY_RE = new RegExp(`\\b(${WEEKDAYS.join('|')})\\b`, 'g');
const MONTH_OR_DAY_WORD = new RegExp(`^(${[...MONTHS, ...WEEKDAYS].join('|')})$`);
/** Month names that are also common words or names ("May", "March"): dates only next to a number. */
const AMBIGUOUS_MONTHS = new Set(['May', 'March']);

const NUMBER_WORDS: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18,
  nineteen: 19, twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
  hundred: 100, thousand: 1000, dozen: 12,
};

export interface NumberSlot {
  start: number;
  end: number;
  /** The digits as written ("1,000", "1.13"). */
  core: string;
  value: number;
  prefix: string;
  suffix: string;
  decimals: number;
  commas: boolean;
  /** The next word, lowercased (the counted noun, often). */
  next: string;
}

export interface DateSlot {
  start: number;
  end: number;
  type: 'year' | 'month' | 'weekday';
  value: string;
}

/**
 * A figure: digits with an optional currency sign and unit suffix, not inside a word,
 * a code (F-16, G20), a score or range (2-1), a URL or path, a time of day (6:30, 6am, 6 pm)
 * a footnote mark ([3]) or a date (a year 1900–2099, a day next to a month name); not right after a capitalized
 * word that is not the sentence's first (Route 66, Boeing 747) nor right before one (10 Downing Street).
 */
const NUM_RE = /(?<![\p{L}\p{N}_.,/:#@~$£€[\-–])([$£€]?)(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(%|bn|tn|m|k)?(?![\p{L}\p{N}_/:@\]]|[.,]\d|[-–]\d|[-–]to[-–]\d)/gu;

/**
 * A figure after a comparator or an approximation ("at least 25", "around 50") is left
 * alone: "at least 20" is implied by "at least 25", and how far "about 70" may be from
 * "about 50" is a matter of degree, so neither makes a clean gold label.
 */
const HEDGED = /\b(at least|at most|more than|less than|fewer than|over|under|up to|nearly|almost|about|around|roughly|approximately|approx|some|as many as|as much as|as high as|as low as|as few as|below|above|exceeding|upwards of|in excess of|close to|estimated|an estimated|circa|ca|~)\s*[$£€]?$/i;

export function numberSlots(s: string): NumberSlot[] {
  const out: NumberSlot[] = [];
  for (const m of s.matchAll(NUM_RE)) {
    const start = m.index!;
    const prefix = m[1] ?? '';
    const intPart = m[2];
    const frac = m[3] ?? '';
    const suffix = m[4] ?? '';
    const core = intPart + frac;
    const coreStart = start + prefix.length;
    const coreEnd = coreStart + core.length;
    const end = coreEnd + suffix.length;
    const value = Number(core.replace(/,/g, ''));
    const before = s.slice(0, start);
    const after = s.slice(end);
    if (!prefix && !suffix && !frac && !intPart.includes(',') && /^(19|20)\d\d$/.test(intPart)) continue; // a year
    if (/^\s*(a\.?m\b|p\.?m\b|GMT|BST|UTC|CET|EST|EDT|PST|o['’]clock|hrs\b|h\b)/i.test(after)) continue; // time of day
    if (new RegExp(`(${MONTHS.join('|')})\\.?\\s*$`).test(before) || new RegExp(`^\\s*(${MONTHS.join('|')})\\b`).test(after)) continue; // day of a date
    if (/(https?:|www\.)\S*$/.test(before)) continue;
    if (HEDGED.test(before)) continue;
    const prevWord = /(\S+)\s+$/.exec(before)?.[1];
    if (prevWord && /^\p{Lu}/u.test(prevWord) && !/^(About|Over|Some|Nearly|Almost|Around|Only|Just|In|On|By|At|Of|To|With|From|After|Since|Until|More|Less|Fewer|All|The|A|An|Up|Another|At|Of|For)$/.test(prevWord)) continue;
    if (/^\s+\p{Lu}/u.test(after) && !/^\s+(per|percent)\b/i.test(after)) continue;
    const next = /^\s*([\p{L}]+)/u.exec(after)?.[1]?.toLowerCase() ?? '';
    out.push({ start: coreStart, end: coreEnd, core, value, prefix, suffix, decimals: frac ? frac.length - 1 : 0, commas: intPart.includes(','), next });
  }
  return out;
}

export function dateSlots(s: string): DateSlot[] {
  const out: DateSlot[] = [];
  for (const m of s.matchAll(/(?<![\p{L}\p{N}_.,/:#@\-–$£€])((?:19|20)\d\d)(?![\p{L}\p{N}_/:@%]|[.,]\d|[-–]\d)/gu)) {
    out.push({ start: m.index!, end: m.index! + m[1].length, type: 'year', value: m[1] });
  }
  for (const m of s.matchAll(MONTH_RE)) {
    const at = m.index!;
    if (AMBIGUOUS_MONTHS.has(m[1]) && !/\d\S*\s*$/.test(s.slice(0, at)) && !/^\s*\d/.test(s.slice(at + m[1].length))) continue;
    out.push({ start: at, end: at + m[1].length, type: 'month', value: m[1] });
  }
  for (const m of s.matchAll(WEEKDAY_RE)) out.push({ start: m.index!, end: m.index! + m[1].length, type: 'weekday', value: m[1] });
  return out.sort((a, b) => a.start - b.start);
}

/** Every numeric value a text states, in digits or (simple) words. */
export function numericValues(text: string): Set<number> {
  const out = new Set<number>();
  for (const m of text.matchAll(/\d[\d,]*(?:\.\d+)?/g)) {
    const v = Number(m[0].replace(/,/g, '').replace(/\.$/, ''));
    if (Number.isFinite(v)) out.add(v);
  }
  for (const m of text.toLowerCase().matchAll(/\b[a-z]+\b/g)) if (m[0] in NUMBER_WORDS) out.add(NUMBER_WORDS[m[0]]);
  return out;
}

/** The months and weekdays a text names (full or abbreviated), and its years. */
function dateValues(text: string): Set<string> {
  const out = new Set<string>();
  for (const name of [...MONTHS, ...WEEKDAYS]) {
    if (new RegExp(`\\b${name}\\b`).test(text) || new RegExp(`\\b${name.slice(0, 3)}\\b`).test(text)) out.add(name);
  }
  for (const m of text.matchAll(/(?<!\d)(?:19|20)\d\d(?!\d)/g)) out.add(m[0]);
  return out;
}

export interface NameSpan {
  start: number;
  end: number;
  text: string;
  words: number;
}

const LEAD_STOP = new Set([
  'the', 'a', 'an', 'in', 'on', 'at', 'but', 'and', 'or', 'for', 'this', 'that', 'these', 'those', 'he', 'she', 'it', 'they', 'we', 'i', 'you',
  'his', 'her', 'its', 'their', 'our', 'my', 'after', 'before', 'when', 'while', 'as', 'according', 'since', 'so', 'yet', 'to', 'from', 'with',
  'by', 'however', 'meanwhile', 'there', 'also', 'some', 'many', 'most', 'all', 'one', 'last', 'next', 'if', 'what', 'who', 'of', 'both', 'each',
  'former', 'new', 'other', 'during', 'under', 'over', 'about', 'despite', 'although', 'though', 'until', 'because', 'then', 'now', 'later', 'earlier',
  'its', 'several', 'two', 'three', 'four', 'five', 'mr', 'mrs', 'ms', 'dr', 'prof', 'sir', 'lord',
]);
const CONNECTORS = new Set(['of', 'de', 'van', 'der', 'von', 'bin', 'al', 'la', 'le', 'du', 'di', 'da', 'del', 'den']);

interface Word {
  start: number;
  end: number;
  text: string;
}

function words(s: string): Word[] {
  const out: Word[] = [];
  for (const m of s.matchAll(/\p{L}[\p{L}\p{M}\p{N}'’-]*[\p{L}\p{M}\p{N}]|\p{L}/gu)) {
    let t = m[0];
    // A possessive ends the word: "Putin's" -> "Putin".
    const poss = /['’]s$/.exec(t);
    if (poss) t = t.slice(0, poss.index);
    out.push({ start: m.index!, end: m.index! + t.length, text: t });
  }
  return out;
}

const isCap = (w: string) => /^\p{Lu}/u.test(w) && !/^\p{Lu}$/u.test(w) && !MONTH_OR_DAY_WORD.test(w);
/** An initial ("W." in "George W. Bush"). */
const isInitial = (s: string, w: Word) => /^\p{Lu}$/u.test(w.text) && s[w.end] === '.';

/**
 * Capitalized runs of words ("Vladimir Putin", "University of Oxford") joined by single
 * spaces, leading function words dropped ("The", "In"); none holds a month or weekday.
 * With `single`, one-word names too, except the sentence's first word.
 */
export function nameSpans(s: string, single = false): NameSpan[] {
  const ws = words(s);
  const out: NameSpan[] = [];
  let i = 0;
  while (i < ws.length) {
    if (!isCap(ws[i].text)) {
      i++;
      continue;
    }
    let j = i;
    // extend while the next word is capitalized (or a connector followed by one) and only a space separates them
    for (;;) {
      const gap = (a: Word, b: Word) => s.slice(a.end, b.start) === ' ' || (isInitial(s, a) && s.slice(a.end, b.start) === '. ');
      const n = ws[j + 1];
      if (n && gap(ws[j], n) && (isCap(n.text) || (isInitial(s, n) && ws[j + 2] && gap(n, ws[j + 2]) && isCap(ws[j + 2].text)))) {
        j++;
        continue;
      }
      const c = ws[j + 1];
      const d = ws[j + 2];
      if (c && d && CONNECTORS.has(c.text.toLowerCase()) && gap(ws[j], c) && gap(c, d) && isCap(d.text)) {
        j += 2;
        continue;
      }
      break;
    }
    let a = i;
    while (a <= j && LEAD_STOP.has(ws[a].text.toLowerCase())) a++;
    if (a <= j) {
      const count = j - a + 1;
      const first = a === 0 || s.slice(0, ws[a].start).trim() === '';
      // a name followed or preceded by a figure ("Falcon 9", "Area 51") is only part of one
      const figure = /^\s?\d/.test(s.slice(ws[j].end)) || /\d\s?$/.test(s.slice(0, ws[a].start));
      if (!figure && (count >= 2 || (single && !first && count === 1))) {
        out.push({ start: ws[a].start, end: ws[j].end, text: s.slice(ws[a].start, ws[j].end), words: count });
      }
    }
    i = j + 1;
  }
  return out;
}

// ---------------------------------------------------------------- sentences

const NEGATION = /\b(not|no|never|none|nobody|nothing|neither|nor|without|cannot|nowhere)\b|n['’]t\b/i;
const QUOTES = /["“”„«»]/;

export interface Sentence {
  index: number;
  text: string;
}

/**
 * The sentences claims may be made of: 8–40 words, a capital first letter, a final period
 * (not a question or an exclamation), no URL, no picture caption ("Image: ..."), and not
 * someone's words: no quotation marks, not inside a quotation of several sentences, no
 * first-person word (a quote is a fragment of someone's words, not the article's claim).
 */
export function usableSentences(text: string): Sentence[] {
  return splitSentences(text, 'en')
    .map((s, index) => ({ index, text: s.text.replace(/\s+/g, ' '), start: s.start }))
    .filter((s) => {
      const n = s.text.split(' ').filter(Boolean).length;
      return (
        n >= 8 &&
        n <= 40 &&
        /^\p{Lu}/u.test(s.text) &&
        /\.$/.test(s.text) &&
        !/\?/.test(s.text) &&
        !QUOTES.test(s.text) &&
        !/https?:|www\.|\bImage:/.test(s.text) &&
        !FIRST_PERSON.test(s.text) &&
        !insideQuote(text, s.start)
      );
    })
    .map(({ index, text: t }) => ({ index, text: t }));
}

/** First-person words: in news, a sentence that has them is someone's words, not the article's claim. */
const FIRST_PERSON = /\b(I|I['’](m|ve|d|ll)|we|We|we['’](ve|re|d|ll)|We['’](ve|re|d|ll)|us|our|Our|my|My|me)\b/;

/** The offset lies inside a quotation opened earlier in its paragraph (a quote of several sentences). */
export function insideQuote(text: string, at: number): boolean {
  const para = Math.max(text.lastIndexOf('\n\n', at), text.lastIndexOf('\n \n', at), 0);
  const before = text.slice(para, at);
  const straight = (before.match(/"/g) ?? []).length;
  const open = (before.match(/[“«]/g) ?? []).length;
  const close = (before.match(/[”»]/g) ?? []).length;
  return straight % 2 === 1 || open > close;
}

// ---------------------------------------------------------------- helpers

function hashSeed(s: string, seed: number): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

function pick<T>(r: () => number, xs: T[]): T | undefined {
  return xs.length ? xs[Math.floor(r() * xs.length)] : undefined;
}

function splice(s: string, start: number, end: number, text: string): string {
  return s.slice(0, start) + text + s.slice(end);
}

function formatNumber(v: number, decimals: number, commas: boolean): string {
  const fixed = v.toFixed(decimals);
  if (!commas) return fixed;
  const [int, frac] = fixed.split('.');
  return int.replace(/\B(?=(\d{3})+(?!\d))/g, ',') + (frac ? '.' + frac : '');
}

/** A different value in the same format, absent from `used`; undefined after 20 tries. */
function novelNumber(slot: NumberSlot, used: Set<number>, r: () => number): string | undefined {
  const scale = 10 ** slot.decimals;
  const units = Math.round(slot.value * scale);
  const zeros = units === 0 ? 0 : (/0*$/.exec(String(units))?.[0].length ?? 0);
  const step = 10 ** Math.min(zeros, Math.max(0, String(units).length - 1));
  for (let t = 0; t < 20; t++) {
    let delta: number;
    if (units < 10) delta = 1 + Math.floor(r() * 5);
    else delta = Math.max(step, Math.round((units * (0.1 + 0.4 * r())) / step) * step);
    const down = units - delta > 0 && r() < 0.3;
    const nu = down ? units - delta : units + delta;
    const v = nu / scale;
    if (nu === units || used.has(v)) continue;
    return formatNumber(v, slot.decimals, slot.commas);
  }
  return undefined;
}

const SYMMETRIC = /\b(and|or|with|against|between|versus|vs|met|meet|meets|meeting|faced|face|faces|played|plays|drew|draw|beat|tied|married|marry|joined|merged|merge|merges|agreed|signed|talks|both|as)\b/i;

/**
 * The words between two names read "subject verb object": auxiliaries or adverbs, one
 * verb, then at most two determiners, prepositions, adjectives or particles
 * ("Trump has nominated Barrett", "Sanders endorsed the Biden").
 */
export function rolePattern(tags: string[]): boolean {
  let i = 0;
  while (i < tags.length && (tags[i] === 'AUX' || tags[i] === 'ADV' || tags[i] === 'PART')) i++;
  if (tags[i] !== 'VERB') return false;
  const rest = tags.slice(i + 1);
  return rest.length <= 2 && rest.every((t) => t === 'DET' || t === 'ADP' || t === 'ADJ' || t === 'PART');
}

/** Words that make a name an organization's, a body's or an office's: such a name is replaced only by another one. */
const ORG_WORDS = /\b(Board|Service|Services|Union|Committee|Council|Party|Ministry|Department|Agency|University|College|School|Company|Corporation|Corp|Inc|Ltd|Association|Organization|Organisation|Bank|Court|House|Senate|Parliament|Congress|Assembly|Office|Commission|Institute|Federation|League|Club|Group|Times|News|Post|Network|Airlines|Airways|Army|Force|Forces|Police|Guard|Navy|Foundation|Fund|Society|Center|Centre|Hospital|Museum|Church|Bureau|Authority|Government|Administration|Republic|Kingdom|States|Nations|Secretary|Minister|Ministers|Cup|Championship|Games|Festival|Awards|Prize|Act|Bill|Agreement|Treaty|Prison|Stadium|Airport|Station|Street|Road|Avenue|Square|Park|Bridge|Island|Islands|River|Lake|Mountain|Mountains|County|City|Province|District|Region|Valley|Coast|Sea|Ocean|Gulf|Strait|Cathedral|Palace|Hall|Tower|Building|Hotel|Marathon|Reserve|Council|Movement|Front|Alliance|Coalition|Unit|Project|Program|Programme|Mission|Station|Center|Centre|Laboratory|Observatory)\b/;

const TITLE = /^(President|Governor|Mayor|Judge|Justice|Senator|Sen|Rep|Representative|Congressman|Congresswoman|Minister|Prime Minister|Chancellor|King|Queen|Prince|Princess|Pope|Cardinal|Bishop|Archbishop|General|Gen|Colonel|Captain|Chief|Dr|Mr|Mrs|Ms|Sir|Lord|Lady|Secretary|Ambassador|Commissioner|Sheriff|Detective|Officer|Coach|Deputy|Vice President|Chairman|Chairwoman|Director|Professor|Prof)\s/;

/**
 * A name's class, so that a name is replaced by one of its kind: `person` when it opens with
 * a title ("Governor John Edwards") or its last word stands alone elsewhere in the article (news
 * call a person by the surname: "Edwards said"), `org` for an organization's, body's, office's or
 * place's name ("National Weather Service", "Baton Rouge Airport"), `other` for the rest
 * (places and names met once).
 */
export function nameClass(name: string, article: string): 'person' | 'org' | 'other' {
  const title = TITLE.exec(name);
  if (title && !ORG_WORDS.test(name.slice(title[0].length))) return 'person'; // not 'Justice Party'
  if (ORG_WORDS.test(name)) return 'org';
  const last = name.split(' ').pop()!;
  const re = new RegExp(`(^|[^\\p{L}])${last.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}])`, 'gu');
  for (const m of article.matchAll(re)) {
    const at = m.index! + m[1].length;
    const prev = /(\S+)\s+$/.exec(article.slice(Math.max(0, at - 40), at))?.[1] ?? '';
    const next = /^(['’]s?)?\s+(\S+)/u.exec(article.slice(at + last.length, at + last.length + 40))?.[2] ?? '';
    const capPrev = /^\p{Lu}/u.test(prev) && !/[.!?:;,"”]$/.test(prev) && !LEAD_STOP.has(prev.toLowerCase());
    const capNext = /^\p{Lu}/u.test(next);
    if (!capPrev && !capNext) return 'person';
  }
  return 'other';
}

// ---------------------------------------------------------------- one article

interface Made {
  kind: PerturbKind;
  sentence: Sentence;
  text: string;
  note: string;
}

/** At most one claim per kind for one article (seeded by its id); kinds that are impossible are left out. */
export function perturbArticle(article: Article, options: PerturbOptions = {}): PerturbedClaim[] {
  const seed = options.seed ?? 20261206;
  const tagger: Tagger = options.tagger ?? ((t) => posTags(t, 'en'));
  const whole = `${article.title}\n${article.date ?? ''}\n${article.text}`;
  const sentences = usableSentences(article.text);
  if (sentences.length === 0) return [];
  const allSentences = splitSentences(article.text, 'en').map((s) => s.text.replace(/\s+/g, ' '));
  const usedNumbers = numericValues(whole);
  const usedDates = dateValues(whole);
  const made: Made[] = [];
  const rFor = (kind: string) => rng(hashSeed(`${article.id}\u0000${kind}`, seed));

  // original
  {
    const r = rFor('original');
    const s = pick(r, sentences)!;
    made.push({ kind: 'original', sentence: s, text: s.text, note: 'verbatim' });
  }

  // numbers
  const numberCands = sentences.flatMap((s) => numberSlots(s.text).map((slot) => ({ s, slot })));
  {
    const r = rFor('number-novel');
    const cands = [...numberCands];
    while (cands.length) {
      const [c] = cands.splice(Math.floor(r() * cands.length), 1);
      const nv = novelNumber(c.slot, usedNumbers, r);
      if (!nv) continue;
      made.push({ kind: 'number-novel', sentence: c.s, text: splice(c.s.text, c.slot.start, c.slot.end, nv), note: `${c.slot.prefix}${c.slot.core}${c.slot.suffix} → ${c.slot.prefix}${nv}${c.slot.suffix}` });
      break;
    }
  }
  {
    const r = rFor('number-elsewhere');
    // figures of other sentences (any sentence of the article, not only usable ones)
    const elsewhere = allSentences.flatMap((t, index) => numberSlots(t).map((slot) => ({ index, slot })));
    const options2: Array<{ s: Sentence; slot: NumberSlot; other: NumberSlot }> = [];
    for (const c of numberCands) {
      const here = numericValues(c.s.text);
      for (const o of elsewhere) {
        if (o.index === c.s.index) continue;
        if (o.slot.prefix !== c.slot.prefix || o.slot.suffix !== c.slot.suffix || o.slot.decimals !== c.slot.decimals) continue;
        if (o.slot.value === c.slot.value || here.has(o.slot.value)) continue;
        // the same counted noun may be the same quantity updated ("36 people" ... "39 people"): skip
        if (o.slot.next && o.slot.next === c.slot.next) continue;
        options2.push({ s: c.s, slot: c.slot, other: o.slot });
      }
    }
    const c = pick(r, options2);
    if (c) made.push({ kind: 'number-elsewhere', sentence: c.s, text: splice(c.s.text, c.slot.start, c.slot.end, c.other.core), note: `${c.slot.prefix}${c.slot.core}${c.slot.suffix} → ${c.other.prefix}${c.other.core}${c.other.suffix}` });
  }

  // dates
  const dateCands = sentences.flatMap((s) => dateSlots(s.text).map((slot) => ({ s, slot })));
  {
    const r = rFor('date-novel');
    const opts: Array<{ s: Sentence; slot: DateSlot; value: string }> = [];
    for (const c of dateCands) {
      const pool =
        c.slot.type === 'month' ? MONTHS : c.slot.type === 'weekday' ? WEEKDAYS : [1, 2, 3, 4, 5, 6].flatMap((d) => [String(Number(c.slot.value) - d), String(Number(c.slot.value) + d)]);
      let values = pool.filter((v) => v !== c.slot.value && !usedDates.has(v) && !(c.slot.type === 'year' && usedNumbers.has(Number(v))));
      if (c.slot.type === 'month') {
        // "January 31" must not become "February 31"
        const day = Number(/^\s*(\d{1,2})\b/.exec(c.s.text.slice(c.slot.end))?.[1] ?? /(\d{1,2})\s*$/.exec(c.s.text.slice(0, c.slot.start))?.[1] ?? 0);
        if (day > 28) values = values.filter((v) => !['February', 'April', 'June', 'September', 'November'].includes(v));
      }
      if (c.slot.type === 'year') values = values.filter((v) => Number(v) >= 1900 && Number(v) <= 2099);
      const v = pick(r, values);
      if (v) opts.push({ ...c, value: v });
    }
    const c = pick(r, opts);
    if (c) made.push({ kind: 'date-novel', sentence: c.s, text: splice(c.s.text, c.slot.start, c.slot.end, c.value), note: `${c.slot.value} → ${c.value}` });
  }
  {
    const r = rFor('date-elsewhere');
    const elsewhere = allSentences.flatMap((t, index) => dateSlots(t).map((slot) => ({ index, slot })));
    const opts: Array<{ s: Sentence; slot: DateSlot; value: string }> = [];
    for (const c of dateCands) {
      const here = new Set(dateSlots(c.s.text).map((d) => d.value));
      const seen = new Set<string>();
      for (const o of elsewhere) {
        if (o.index === c.s.index || o.slot.type !== c.slot.type || here.has(o.slot.value) || seen.has(o.slot.value)) continue;
        seen.add(o.slot.value);
        opts.push({ s: c.s, slot: c.slot, value: o.slot.value });
      }
    }
    const c = pick(r, opts);
    if (c) made.push({ kind: 'date-elsewhere', sentence: c.s, text: splice(c.s.text, c.slot.start, c.slot.end, c.value), note: `${c.slot.value} → ${c.value}` });
  }

  // names
  {
    const r = rFor('name-elsewhere');
    const squash = (x: string) => x.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
    const elsewhere = allSentences.flatMap((t, index) => nameSpans(t).map((span) => ({ index, span })));
    // a name's class: a person by our cues (title, surname alone elsewhere; the engine's person
    // shape also takes "Hurricane Delta"), a place or body by ours or the engine's entity kind
    const kinds = new Map<number, ReturnType<typeof analyze>['entities']>();
    const classOf = (index: number, span: NameSpan): 'person' | 'named' | 'other' => {
      const mine = nameClass(span.text, article.text);
      if (mine === 'person') return 'person';
      if (!kinds.has(index)) kinds.set(index, analyze(allSentences[index], 'en').entities);
      const kind = kinds.get(index)!.find((e) => e.start < span.end && e.end > span.start && e.kind !== 'other')?.kind;
      return mine === 'org' || kind === 'place' || kind === 'org' ? 'named' : 'other';
    };
    const opts: Array<{ s: Sentence; span: NameSpan; other: string }> = [];
    for (const s of sentences) {
      const spans = nameSpans(s.text);
      const hereWords = new Set(spans.flatMap((sp) => sp.text.toLowerCase().split(/\s+/)));
      const hereSquashed = squash(s.text);
      const seen = new Set<string>();
      for (const span of spans) {
        for (const o of elsewhere) {
          if (o.index === s.index || seen.has(span.text + '\u0000' + o.span.text)) continue;
          seen.add(span.text + '\u0000' + o.span.text);
          // another name: none of its words in the sentence's names, and not inside the sentence at all
          if (o.span.text.toLowerCase().split(/\s+/).some((w) => hereWords.has(w) && !CONNECTORS.has(w))) continue;
          if (hereSquashed.includes(squash(o.span.text))) continue;
          if (classOf(o.index, o.span) !== classOf(s.index, span)) continue;
          opts.push({ s, span, other: o.span.text });
        }
      }
    }
    const c = pick(r, opts);
    if (c) made.push({ kind: 'name-elsewhere', sentence: c.s, text: splice(c.s.text, c.span.start, c.span.end, c.other), note: `${c.span.text} → ${c.other}` });
  }
  {
    const r = rFor('roles-swapped');
    const opts: Array<{ s: Sentence; a: NameSpan; b: NameSpan }> = [];
    for (const s of sentences) {
      const spans = nameSpans(s.text, true);
      if (spans.length < 2) continue;
      let tags: TaggedToken[] | undefined;
      for (let i = 0; i < spans.length; i++) {
        for (let j = i + 1; j < spans.length; j++) {
          const a = spans[i];
          const b = spans[j];
          const la = a.text.toLowerCase();
          const lb = b.text.toLowerCase();
          if (la === lb || la.includes(lb) || lb.includes(la)) continue;
          const gap = s.text.slice(a.end, b.start);
          if (!/^\s/.test(gap) || /[,;:()\u2013\u2014]|\s-\s/.test(gap) || SYMMETRIC.test(gap)) continue;
          const gapWords = gap.trim().split(/\s+/).filter(Boolean).length;
          if (gapWords < 1 || gapWords > 5) continue;
          tags ??= tagger(s.text) ?? [];
          if (!rolePattern(tags.filter((t) => t.start >= a.end && t.end <= b.start).map((t) => t.pos))) continue;
          // single-word names must be proper nouns to the tagger ("Police" opening a sentence is not)
          const proper = (sp: NameSpan) => sp.words > 1 || tags!.some((t) => t.start === sp.start && t.pos === 'PROPN');
          if (proper(a) && proper(b)) opts.push({ s, a, b });
        }
      }
    }
    const c = pick(r, opts);
    if (c) {
      const t = c.s.text;
      const text = t.slice(0, c.a.start) + c.b.text + t.slice(c.a.end, c.b.start) + c.a.text + t.slice(c.b.end);
      made.push({ kind: 'roles-swapped', sentence: c.s, text, note: `${c.a.text} ↔ ${c.b.text}` });
    }
  }

  // negation
  {
    const r = rFor('negated');
    const AUX = /^(is|are|was|were|has|have|had|will|would|can|could|did|does)$/i;
    const SUB = /^(which|who|whom|whose|if|when|whether|although|though|because|unless|while|where)$/i;
    const opts: Array<{ s: Sentence; at: number; aux: string }> = [];
    for (const s of sentences) {
      if (NEGATION.test(s.text)) continue;
      const ws = words(s.text);
      const k = ws.findIndex((w) => AUX.test(w.text));
      if (k < 0 || k + 1 >= ws.length) continue;
      if (ws.slice(0, k).some((w) => SUB.test(w.text))) continue; // inside a subordinate clause
      if (s.text.slice(ws[k].end, ws[k + 1].start) !== ' ') continue;
      // "has not only", "were not at least", "is not about": not a plain negation of the statement
      if (/^(only|just|also|even|at|about|around|over|more|less|nearly|almost|roughly|some|approximately|unable|un\w+able)$/i.test(ws[k + 1].text)) continue;
      const tags = tagger(s.text);
      if (tags && !tags.some((t) => t.start === ws[k].start && t.pos === 'AUX')) continue; // "has" as the main verb
      opts.push({ s, at: ws[k].end, aux: ws[k].text });
    }
    const c = pick(r, opts);
    if (c) made.push({ kind: 'negated', sentence: c.s, text: splice(c.s.text, c.at, c.at, ' not'), note: `${c.aux} → ${c.aux} not` });
  }

  const order = new Map(KINDS.map((k, i) => [k, i]));
  return made
    .sort((a, b) => order.get(a.kind)! - order.get(b.kind)!)
    .map((m) => ({ id: `${article.id}:${m.kind}`, text: m.text, label: GOLD[m.kind], sources: [], kind: m.kind, note: m.note, article: article.id }));
}

/** Claims of all articles, in article order. */
export function generateClaims(articles: Article[], options: PerturbOptions = {}): PerturbedClaim[] {
  return articles.flatMap((a) => perturbArticle(a, options));
}

// ---------------------------------------------------------------- corpora and sets (I/O)

/** Wikinews (both CSVs, in file order) or BBC News articles from a corpora folder. */
export function loadNewsArticles(corpora: string, which: 'wikinews' | 'bbc'): Article[] {
  const out: Article[] = [];
  if (which === 'bbc') {
    for (const line of fs.readFileSync(path.join(corpora, 'bbc-news', 'bbc_news.jsonl'), 'utf8').split('\n')) {
      if (!line.trim()) continue;
      const o = JSON.parse(line) as { id: string; title: string; text: string };
      out.push({ id: `bbc-${o.id.replace(/[^\w-]/g, '-')}`, title: o.title, text: o.text });
    }
    return out;
  }
  const dir = path.join(corpora, 'wikinews-en');
  for (const f of fs.readdirSync(dir).filter((x) => x.endsWith('.csv')).sort()) {
    const rows = parseCsv(fs.readFileSync(path.join(dir, f), 'utf8'));
    const header = rows[0].map((h) => h.trim().toLowerCase());
    const [cd, ct, cx] = ['date', 'title', 'text'].map((n) => header.indexOf(n));
    rows.slice(1).forEach((r, i) => {
      if (r.length < header.length || !r[cx]?.trim()) return;
      out.push({ id: `${f.replace(/\.csv$/, '').replace(/[^\w-]/g, '-')}-${String(i).padStart(3, '0')}`, title: r[ct], date: r[cd], text: r[cx] });
    });
  }
  return out;
}

export interface PerturbedSetSpec {
  name: string;
  claims: string;
  corpus: string;
  kindTable: true;
}

/** The two sets, generated once into os.tmpdir() (a folder named by a hash of the generator version and its input). */
export function perturbedSets(corpora: string | undefined, log: (msg: string) => void = console.log): PerturbedSetSpec[] {
  if (!corpora || !fs.existsSync(path.join(corpora, 'wikinews-en')) || !fs.existsSync(path.join(corpora, 'bbc-news'))) {
    log(`perturbed-wikinews, perturbed-bbc: skipped (missing ${corpora ?? 'corpora folder'}; set GROUNDWORK_CORPORA)`);
    return [];
  }
  const specs: PerturbedSetSpec[] = [];
  const wikinews = loadNewsArticles(corpora, 'wikinews');
  const bbc = shuffle(loadNewsArticles(corpora, 'bbc'), BBC_SAMPLE_SEED).slice(0, BBC_SAMPLE);
  for (const [name, articles] of [['perturbed-wikinews', wikinews], ['perturbed-bbc', bbc]] as const) {
    specs.push(writeSet(name, articles, undefined, log));
  }
  return specs;
}

export const BBC_SAMPLE = 300;
const BBC_SAMPLE_SEED = 20261206;

/** Writes `<tmp>/groundwork-<name>-<hash>/{claims.jsonl,corpus/*.txt}` unless it is there. */
export function writeSet(name: string, articles: Article[], seed?: number, log?: (msg: string) => void): PerturbedSetSpec {
  const h = createHash('sha256');
  h.update(`perturb v${PERTURB_VERSION} seed ${seed ?? 'default'}\n`);
  for (const a of articles) h.update(`${a.id}\u0000${a.title}\u0000${a.date ?? ''}\u0000${a.text}\u0001`);
  const dir = path.join(os.tmpdir(), `groundwork-${name}-${h.digest('hex').slice(0, 16)}`);
  const spec: PerturbedSetSpec = { name, claims: path.join(dir, 'claims.jsonl'), corpus: path.join(dir, 'corpus'), kindTable: true };
  if (fs.existsSync(spec.claims)) return spec;
  const t0 = Date.now();
  const work = `${dir}.tmp-${process.pid}`;
  fs.rmSync(work, { recursive: true, force: true });
  fs.mkdirSync(path.join(work, 'corpus'), { recursive: true });
  for (const a of articles) fs.writeFileSync(path.join(work, 'corpus', `${a.id}.txt`), `${a.title.replace(/\s+/g, ' ').trim()}\n\n${a.text.trim()}\n`);
  const claims = generateClaims(articles, seed === undefined ? {} : { seed });
  fs.writeFileSync(path.join(work, 'claims.jsonl'), claims.map((c) => JSON.stringify(c)).join('\n') + '\n');
  try {
    fs.renameSync(work, dir);
  } catch {
    fs.rmSync(work, { recursive: true, force: true }); // another run made it first
  }
  log?.(`${name}: generated ${claims.length} claims from ${articles.length} articles into ${dir} (${((Date.now() - t0) / 1000).toFixed(1)}s; reused by later runs)`);
  return spec;
}
