/**
 * Number mentions: digits ("224", "2,000", Dutch "2.000", "3,5 miljoen", "1.2bn"),
 * words ("four", "vier", "twenty-two", "tweeentwintig", "three thousand"), hyphen
 * compounds ("22-minute", "22-minuten", "22-year-old"), ordinals ("third", "derde",
 * "3rd"), percentages, money ("$5m", "EUR 3 million"), vague amounts ("dozens",
 * "tientallen"), ranges ("between 200 and 300", "10-15") and fractions ("half of", "two-thirds",
 * "de helft", "een derde van": kind 'fraction', value as a ratio).
 *
 * Comparators before the number set `comparator` and the [min, max] interval:
 *   gt/gte ("more than", "over", "at least", "ruim", "minstens", "zeker"): [v, +inf]
 *   lt/lte ("fewer than", "up to", "minder dan", "hooguit"):                  [0, v]
 *   lt near ("nearly", "almost", "bijna", "een kleine"):                     [0.8v, v]
 *   about ("about", "some", "an estimated", "ongeveer", "zo'n"):             [0.8v, 1.2v]
 * Vague amounts carry their conventional interval ("dozens" [24, 99],
 * "hundreds" [200, 999]) with value = min and vague = true.
 *
 * The counted noun (`unit`, stemmed) is the first noun-like token after the
 * number within a window of four tokens, skipping "of"/"the"/"van"/"de" and
 * adjective-like words (by suffix) that precede another word.
 * Years and day numbers are claimed by dates.ts first (see `used`).
 */
import type { LanguageCode } from '../types';
import type { Comparator, NumberMention, Token } from './types';
import {
  COMPARATORS, COMPARATOR_MAX_WORDS, DIGIT_SUFFIX_MULT, DIGIT_SUFFIX_ORD, MULTIPLIERS, VAGUE,
  TIME_UNIT_DAYS, VAGUE_FIRST, applyComparator, enCardinal, enOrdinal, nlCardinal, nlOrdinal, parseDigits,
} from './numwords';
import { stopSet } from './stopwords';
import { stemWord } from './stem';
import { dict } from './dict';

const DIGIT_TOKEN = /^(\d+(?:[.,]\d+)*)([a-z]*)(?:-(.+))?$/;
const PURE_DIGITS = /^\d+(?:[.,]\d+)*$/;
const HAS_DIGIT = /\d/;
const UPPER_START = /^\p{Lu}/u;
const EN_SCALE: Record<string, number> = dict({ hundred: 100, thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12 });
const NL_SCALE_AFTER: Record<string, number> = dict({ honderd: 100, duizend: 1e3, miljoen: 1e6, miljard: 1e9 });
/** Scale words, singular or plural, after a small vague amount ("a few hundred", "several thousands", "enkele honderden"). */
const SCALE_WORDS: Record<string, number> = dict(
  Object.fromEntries([
    ...Object.entries(EN_SCALE).flatMap(([w, v]) => [[w, v], [`${w}s`, v]]),
    ...Object.entries(NL_SCALE_AFTER).flatMap(([w, v]) => [[w, v], [`${w}en`, v]]),
  ]),
);
const PERCENT_WORDS = new Set(['percent', 'procent', 'pct', 'percentage', 'procentpunt', 'procentpunten']);
const CURRENCY_WORDS: Record<string, string> = dict({
  dollar: 'dollar', dollars: 'dollar', usd: 'dollar', euro: 'euro', euros: 'euro', eur: 'euro',
  pound: 'pound', pounds: 'pound', ponden: 'pound', pond: 'pound', gbp: 'pound', sterling: 'pound',
  shekel: 'shekel', shekels: 'shekel', sjekel: 'shekel', nis: 'shekel', ils: 'shekel', yen: 'yen', yuan: 'yuan',
  franc: 'franc', francs: 'frank', frank: 'franc', roebel: 'rouble', rouble: 'rouble', roubles: 'rouble', ruble: 'rouble', rubles: 'rouble',
});
const CURRENCY_CODES = new Set(['EUR', 'USD', 'GBP', 'NIS', 'ILS']);
const TIME_SUFFIX = new Set(['am', 'pm', 'a.m.', 'p.m.', 'uur', 'gmt', 'utc', 'cet']);
const AMPM = new Set(['am', 'pm', 'a.m.', 'p.m.']);
/** "om 3 uur" is a time, "3 uur" a duration. */
const CLOCK_PREP = new Set(['om', 'at', 'tegen', 'rond', 'omstreeks', 'vanaf', 'until', 'tot', 'by', 'before', 'after']);
const CURRENCY_SYMBOLS: Record<string, string> = dict({ $: 'dollar', '€': 'euro', '£': 'pound', '¥': 'yen', '₪': 'shekel' });
const TIME_UNITS: ReadonlySet<string> = new Set(Object.keys(TIME_UNIT_DAYS));
const AGE_UNITS = new Set(['year-old', 'years-old', 'jarige', 'jarig', 'jarigen']);
const UNIT_SKIP = new Set(['of', 'the', 'van', 'de', 'het', 'der', 'more', 'other', 'additional', 'extra', 'meer', 'andere', 'overige', 'new', 'nieuwe', 'own', 'eigen']);
const SINGLE_BEFORE = new Set(['geen', 'een', 'elke', 'ieder', 'iedere', 'geen']);
const MEASURE_UNITS = new Set(['km', 'kg', 'cm', 'mm', 'mi', 'ft', 'lb', 'lbs', 'ha', 'mph', 'kph', 'kmh', 'gb', 'mb', 'tb', 'kw', 'mw', 'gw', 'kwh', 'ml', 'nm', 'sq']);
const ONE_PRONOUN_BEFORE = new Set(['the', 'this', 'that', 'no', 'any', 'every', 'each', 'which', 'such', 'another', 'last', 'only']);
const ONE_PRONOUN_AFTER = new Set(['who', 'that', 'which', 'another', 'whose']);
const RANGE_START = new Set(['between', 'tussen']);
const RANGE_MID = new Set(['and', 'en', 'to', 'tot']);
const ADJ_EN = /(?:al|ous|ive|ic|ful|less|able|ible|ian|ese|ish|ed|ing|ary|ern|ent|ant)$/;
const ADJ_EN_CAP = /(?:an|i)$/; // nationality adjectives: American, Israeli
const ADJ_EN_WORDS = new Set(['young', 'old', 'small', 'large', 'big', 'new', 'other', 'former', 'total', 'major', 'minor', 'top', 'high', 'low', 'long', 'short', 'full', 'few', 'many', 'dutch', 'french', 'british', 'greek', 'thai', 'swiss', 'key', 'main', 'senior', 'junior', 'fellow', 'civil', 'military', 'elderly', 'unarmed', 'armed']);
const NEG_WORDS = new Set(['not', 'no', 'never', 'none', 'niet', 'geen', 'nooit']);

function isSpaceGap(text: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) {
    const c = text.charCodeAt(k);
    if (c !== 32 && c !== 9 && c !== 160 && c !== 10 && c !== 13) return false;
  }
  return true;
}

interface Core {
  value: number;
  /** exclusive token index after the number words */
  end: number;
  ordinal?: boolean;
  fraction?: boolean;
  vague?: [number, number];
  range?: [number, number];
  /** measurement unit glued to the digits ("5km", "20kg") */
  glued?: string;
  /** unit glued with a hyphen ("22-minute") */
  hyphenUnit?: { text: string; norm: string };
}

function parseCore(text: string, tokens: Token[], i: number, lang: LanguageCode, used: Uint8Array): Core | undefined {
  const t = tokens[i];
  const n = t.norm;
  // Vague amounts, longest first.
  if (VAGUE_FIRST.has(n)) {
    for (let k = 3; k >= 1; k--) {
      if (i + k > tokens.length) continue;
      let key = n;
      let ok = true;
      for (let j = i + 1; j < i + k; j++) {
        if (used[j] || !isSpaceGap(text, tokens[j - 1].end, tokens[j].start)) { ok = false; break; }
        key += ' ' + tokens[j].norm;
      }
      if (!ok) continue;
      const v = VAGUE[key];
      // "geen enkele passagier" / "een enkele" = not one / a single: not a vague plural.
      if (v && key === 'enkele' && i > 0 && SINGLE_BEFORE.has(tokens[i - 1].norm)) return undefined;
      // "scores of people" is an amount; "the team scores" is not.
      if (v && key === 'scores' && tokens[i + 1]?.norm !== 'of') return undefined;
      if (!v) continue;
      // A few of a scale word: "a few hundred" [200, 600], "several thousand", "enkele honderden".
      const nx = tokens[i + k];
      const scale = nx && !used[i + k] && isSpaceGap(text, tokens[i + k - 1].end, nx.start) && v[1] <= 10 ? SCALE_WORDS[nx.norm] : undefined;
      if (scale !== undefined) return { value: v[0] * scale, end: i + k + 1, vague: [v[0] * scale, v[1] * scale] };
      return { value: key.endsWith('dozen') || key.endsWith('dozijn') ? 12 : v[0], end: i + k, vague: v };
    }
  }
  const c0 = n.charCodeAt(0);
  if (c0 >= 48 && c0 <= 57) {
    const m = DIGIT_TOKEN.exec(n);
    if (!m) return undefined;
    let value = parseDigits(m[1]);
    if (value === undefined) return undefined;
    let ordinal = false;
    if (m[2]) {
      if (m[2] in DIGIT_SUFFIX_MULT) value *= DIGIT_SUFFIX_MULT[m[2]];
      else if (DIGIT_SUFFIX_ORD.has(m[2])) ordinal = true;
      else if (MEASURE_UNITS.has(m[2]) && m[3] === undefined) return { value, end: i + 1, glued: m[2] };
      else return undefined; // identifiers like "f16", "5g", decades handled by dates
    }
    if (m[3] !== undefined) {
      if (PURE_DIGITS.test(m[3])) {
        const v2 = parseDigits(m[3]);
        if (v2 === undefined || v2 <= value) return undefined;
        return { value, end: i + 1, range: [value, v2] };
      }
      if (HAS_DIGIT.test(m[3])) return undefined;
      const dash = t.text.indexOf('-');
      return { value, end: i + 1, ordinal, hyphenUnit: { text: t.text.slice(dash + 1), norm: m[3] } };
    }
    return { value, end: i + 1, ordinal };
  }
  // Word numbers.
  if (lang !== 'nl') {
    const ord = enOrdinal(n);
    if (ord !== undefined) return { value: ord, end: i + 1, ordinal: true };
    let j = i;
    let total = 0;
    let current = 0;
    let any = false;
    let lastSmall = -1;
    if (n === 'a' && i + 1 < tokens.length && tokens[i + 1].norm in EN_SCALE && isSpaceGap(text, t.end, tokens[i + 1].start)) {
      current = 1;
      j = i + 1;
    }
    for (; j < tokens.length; j++) {
      if (j > i && (used[j] || !isSpaceGap(text, tokens[j - 1].end, tokens[j].start))) break;
      const w = tokens[j].norm;
      const v = enCardinal(w);
      if (v !== undefined) {
        if (lastSmall >= 0 && (lastSmall < 20 || v >= 10 || lastSmall % 10 !== 0)) break;
        current += v;
        lastSmall = v;
        any = true;
        continue;
      }
      const sc = EN_SCALE[w];
      if (sc !== undefined && (any || current > 0)) {
        if (sc === 100) current = (current || 1) * 100;
        else { total += (current || 1) * sc; current = 0; }
        lastSmall = -1;
        any = true;
        continue;
      }
      if (w === 'and' && any && lastSmall < 0 && j + 1 < tokens.length && enCardinal(tokens[j + 1].norm) !== undefined) continue;
      break;
    }
    if (any) return { value: total + current, end: j };
  }
  if (lang !== 'en') {
    const ord = nlOrdinal(n);
    if (ord !== undefined) return { value: ord, end: i + 1, ordinal: true };
    const accented = t.text.toLowerCase() === 'één';
    let v = nlCardinal(n, accented);
    let j = i + 1;
    if (v === undefined && n === 'een' && j < tokens.length && tokens[j].norm in NL_SCALE_AFTER && tokens[j].norm !== 'honderd') v = 1;
    if (v !== undefined) {
      while (j < tokens.length && !used[j] && isSpaceGap(text, tokens[j - 1].end, tokens[j].start) && tokens[j].norm in NL_SCALE_AFTER) {
        v *= NL_SCALE_AFTER[tokens[j].norm];
        j++;
      }
      return { value: v, end: j };
    }
    if (n.length > 5 && n.endsWith('tal')) {
      const base = nlCardinal(n.slice(0, -3));
      if (base !== undefined && base >= 10) return { value: base, end: i + 1, vague: [base * 0.8, base * 1.2] };
    }
  }
  return undefined;
}

const DENOM_EN: Record<string, number> = dict({ half: 2, halves: 2, third: 3, thirds: 3, quarter: 4, quarters: 4, fifth: 5, fifths: 5, tenth: 10, tenths: 10 });
const DENOM_NL: Record<string, number> = dict({ helft: 2, derde: 3, kwart: 4, vijfde: 5, tiende: 10 });
const FRACTION_START = new Set(['a', 'one', 'half', 'two', 'three', 'four', 'nine', 'de', 'een', 'twee', 'drie', 'driekwart', 'tweederde']);

/**
 * Fractions: "half of", "half the", "a third of", "two-thirds", "three quarters of",
 * "de helft", "een derde van", "twee derde", "driekwart". "half a million" is a count.
 */
function parseFraction(text: string, tokens: Token[], i: number, lang: LanguageCode): Core | undefined {
  const t = tokens[i];
  const n = t.norm;
  const next = tokens[i + 1];
  const nextN = next && isSpaceGap(text, t.end, next.start) ? next.norm : undefined;
  const afterN = nextN !== undefined && tokens[i + 2] && isSpaceGap(text, next.end, tokens[i + 2].start) ? tokens[i + 2].norm : undefined;
  if (lang !== 'nl') {
    const dash = n.indexOf('-');
    if (dash > 0) {
      const num = enCardinal(n.slice(0, dash));
      const den = DENOM_EN[n.slice(dash + 1)];
      if (num !== undefined && den !== undefined && num < den) return { value: num / den, end: i + 1, fraction: true };
    }
    if (n === 'half') {
      if (nextN === 'a' && afterN !== undefined && afterN in MULTIPLIERS && afterN.length > 2) return { value: 0.5 * MULTIPLIERS[afterN], end: i + 3 };
      if (nextN === 'of' || nextN === 'the' || nextN === 'its' || nextN === 'their') return { value: 0.5, end: i + 1, fraction: true };
    }
    const num = n === 'a' ? 1 : enCardinal(n);
    if (num !== undefined && num < 10 && nextN !== undefined) {
      const den = DENOM_EN[nextN];
      if (den !== undefined && num < den && (num > 1 || afterN === 'of' || nextN === 'half')) {
        if (!(nextN === 'half' && n === 'a' && afterN !== undefined && afterN in MULTIPLIERS)) return { value: num / den, end: i + 2, fraction: true };
      }
    }
  }
  if (lang !== 'en') {
    if (n === 'driekwart') return { value: 0.75, end: i + 1, fraction: true };
    if (n === 'tweederde') return { value: 2 / 3, end: i + 1, fraction: true };
    if (n === 'de' && nextN === 'helft') return { value: 0.5, end: i + 2, fraction: true };
    const num = n === 'een' ? 1 : nlCardinal(n);
    if (num !== undefined && num < 10 && nextN !== undefined) {
      const den = DENOM_NL[nextN];
      if (den !== undefined && nextN !== 'helft' && num < den && (num > 1 || nextN === 'kwart' || afterN === 'van' || afterN === 'deel')) {
        return { value: num / den, end: i + 2, fraction: true };
      }
    }
  }
  return undefined;
}

function isAdjectiveLike(tok: Token, lang: LanguageCode): boolean {
  const n = tok.norm;
  if (lang === 'nl') return n.length > 3 && n.endsWith('e') && !n.endsWith('ee');
  if (ADJ_EN_WORDS.has(n)) return true;
  if (n.length > 4 && ADJ_EN.test(n)) return true;
  const c = tok.text.charCodeAt(0);
  return c >= 65 && c <= 90 && n.length > 4 && ADJ_EN_CAP.test(n);
}

function findUnit(text: string, tokens: Token[], from: number, prevEnd: number, lang: LanguageCode, used: Uint8Array): number | undefined {
  const stops = stopSet(lang);
  let last = prevEnd;
  for (let j = from; j < tokens.length && j < from + 4; j++) {
    const tok = tokens[j];
    if (used[j] || !isSpaceGap(text, last, tok.start)) return undefined;
    last = tok.end;
    const n = tok.norm;
    if (HAS_DIGIT.test(n)) return undefined;
    if (UNIT_SKIP.has(n)) continue;
    if (stops.has(n) || NEG_WORDS.has(n) || n.length < 2) return undefined;
    const next = tokens[j + 1];
    // A capitalized word before a lowercase noun modifies it ("Daesh terrorists"), unless it is
    // itself a plural noun ("Palestinians", "Nederlanders", "Palestijnen").
    const capModifier = j > 0 && UPPER_START.test(tok.text) && next !== undefined && !UPPER_START.test(next.text) &&
      (lang === 'nl' ? n.endsWith('e') : !n.endsWith('s'));
    const modifier = isAdjectiveLike(tok, lang) || n.includes('-') || capModifier;
    if (
      next && j + 1 < from + 4 && modifier && isSpaceGap(text, tok.end, next.start) &&
      !stops.has(next.norm) && !HAS_DIGIT.test(next.norm) && !UNIT_SKIP.has(next.norm) && next.norm.length > 1
    ) continue;
    return j;
  }
  return undefined;
}

/** Verbs whose subject a figure after them counts: "fighters, which number in the thousands", "a force numbering 2,000". */
const COUNT_VERBS = new Set(['number', 'numbers', 'numbered', 'numbering', 'total', 'totals', 'totalled', 'totaled', 'totalling', 'totaling']);
const COUNT_SKIP = new Set(['in', 'the', 'some', 'about', 'around', 'roughly', 'nearly', 'almost', 'over', 'more', 'than', 'at', 'least', 'up', 'to', 'well']);
const RELATIVE_PRONOUN = new Set(['which', 'who', 'that']);
/**
 * The noun a figure counts when it comes after a verb of counting instead of before its noun:
 * "Its fighters, which number in the thousands" (fighters), "a force numbering some 2,000
 * men" has its noun after the figure and is found there first. English only.
 */
function countedBefore(tokens: Token[], first: number, lang: LanguageCode): number | undefined {
  if (lang === 'nl') return undefined;
  let j = first - 1;
  while (j >= 0 && COUNT_SKIP.has(tokens[j].norm)) j--;
  if (j < 0 || !COUNT_VERBS.has(tokens[j].norm)) return undefined;
  j--;
  if (j >= 0 && RELATIVE_PRONOUN.has(tokens[j].norm)) j--;
  const stops = stopSet(lang);
  if (j < 0 || stops.has(tokens[j].norm) || HAS_DIGIT.test(tokens[j].norm) || tokens[j].norm.length < 3) return undefined;
  // The head of "the crew of the northern ferry number ...": the noun before "of".
  for (let k = j - 1; k > 0 && k >= j - 5; k--) {
    if (tokens[k].norm === 'of') {
      const h = tokens[k - 1];
      return stops.has(h.norm) || HAS_DIGIT.test(h.norm) || h.norm.length < 3 ? undefined : k - 1;
    }
    if (RELATIVE_PRONOUN.has(tokens[k].norm)) break;
  }
  return j;
}

function comparatorBefore(text: string, tokens: Token[], i: number, startChar: number, used?: Uint8Array): { def: (typeof COMPARATORS)[string]; start: number } | undefined {
  for (let k = Math.min(COMPARATOR_MAX_WORDS, i); k >= 1; k--) {
    let ok = true;
    let key = '';
    for (let j = i - k; j < i; j++) {
      const end = j + 1 < i ? tokens[j + 1].start : startChar;
      if (used?.[j] || !isSpaceGap(text, tokens[j].end, end)) { ok = false; break; }
      key += (key ? ' ' : '') + tokens[j].norm;
    }
    if (!ok) continue;
    const def = COMPARATORS[key];
    if (def) return { def, start: tokens[i - k].start };
  }
  return undefined;
}

/** Index of the first token of a comparator phrase ending right before token i, or -1. Used by dates.ts. */
export function comparatorStartBefore(text: string, tokens: Token[], i: number): number {
  const c = comparatorBefore(text, tokens, i, tokens[i].start);
  if (!c) return -1;
  let j = i - 1;
  while (j > 0 && tokens[j - 1].start >= c.start) j--;
  return j;
}

export function findNumbers(text: string, tokens: Token[], lang: LanguageCode, used: Uint8Array): NumberMention[] {
  const out: NumberMention[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (used[i]) continue;
    const t = tokens[i];
    // Clock times "10:30": not amounts.
    if (text.charCodeAt(t.end) === 58 && i + 1 < tokens.length && tokens[i + 1].start === t.end + 1 && /^\d/.test(tokens[i + 1].norm) && /^\d/.test(t.norm)) {
      used[i] = used[i + 1] = 1;
      i++;
      continue;
    }
    // "one of the passengers", "een van de": a member, not an amount.
    if ((t.norm === 'one' || (t.norm === 'een' && lang !== 'en')) && tokens[i + 1] && (tokens[i + 1].norm === 'of' || tokens[i + 1].norm === 'van')) continue;
    // Pronoun "one": "the one who", "no one", "each one", "one another".
    if (t.norm === 'one' && ((i > 0 && ONE_PRONOUN_BEFORE.has(tokens[i - 1].norm)) || (tokens[i + 1] !== undefined && ONE_PRONOUN_AFTER.has(tokens[i + 1].norm)))) continue;
    const core = (FRACTION_START.has(t.norm) || t.norm.includes('-') ? parseFraction(text, tokens, i, lang) : undefined) ?? parseCore(text, tokens, i, lang, used);
    if (!core) continue;
    let end = core.end;
    let startChar = t.start;
    let endChar = tokens[end - 1].end;
    let value = core.value;
    let kind = core.ordinal ? 'ordinal' : core.fraction ? 'fraction' : 'count';
    let unit: string | undefined;
    let unitText: string | undefined;
    // Multiplier after digits ("3.5 million", "2 mln").
    if (!core.ordinal && !core.fraction && !core.vague && /^\d/.test(t.norm) && end < tokens.length && !used[end] && isSpaceGap(text, endChar, tokens[end].start)) {
      const mult = MULTIPLIERS[tokens[end].norm];
      if (mult !== undefined && tokens[end].norm.length > 1) {
        value *= mult;
        endChar = tokens[end].end;
        end++;
      }
    }
    // Clock times "10.30 am", "22.00 uur": not amounts.
    if (end < tokens.length && TIME_SUFFIX.has(tokens[end].norm) && /^\d{1,2}(?:[.:]\d{2})?$/.test(t.norm) && isSpaceGap(text, endChar, tokens[end].start) &&
      (AMPM.has(tokens[end].norm) || /[.:]/.test(t.norm) || (i > 0 && CLOCK_PREP.has(tokens[i - 1].norm)))) {
      used[i] = 1;
      continue;
    }
    // Currency code before: "EUR 3 million", "USD 5".
    if (i > 0 && !used[i - 1] && CURRENCY_CODES.has(tokens[i - 1].text) && isSpaceGap(text, tokens[i - 1].end, t.start) && !core.ordinal) {
      kind = 'money';
      unit = CURRENCY_WORDS[tokens[i - 1].norm];
      unitText = tokens[i - 1].text;
      startChar = tokens[i - 1].start;
      used[i - 1] = 1;
    }
    // Money before: "$5m", "€ 3".
    let p = startChar - 1;
    if (p >= 0 && text.charCodeAt(p) === 32) p--;
    const sym = p >= 0 ? CURRENCY_SYMBOLS[text[p]] : undefined;
    if (sym && !core.ordinal) {
      kind = 'money';
      unit = sym;
      unitText = text[p];
      startChar = p;
      if (p > 0 && /[A-Za-z]/.test(text[p - 1])) {
        // "US$5": include the letters
        let q = p;
        while (q > 0 && /[A-Za-z]/.test(text[q - 1])) q--;
        startChar = q;
      }
    }
    // Percent after: "12%", "12 percent", "12 procent", "12 per cent".
    if (!core.ordinal && !core.fraction) {
      let q = endChar;
      if (text.charCodeAt(q) === 32 && text.charCodeAt(q + 1) === 37) q++;
      if (text.charCodeAt(q) === 37) {
        kind = 'percent';
        unit = 'percent';
        unitText = '%';
        endChar = q + 1;
      } else if (end < tokens.length && !used[end] && isSpaceGap(text, endChar, tokens[end].start)) {
        const w = tokens[end].norm;
        if (PERCENT_WORDS.has(w)) {
          kind = 'percent'; unit = 'percent'; unitText = tokens[end].text; endChar = tokens[end].end; end++;
        } else if (w === 'per' && end + 1 < tokens.length && tokens[end + 1].norm === 'cent') {
          kind = 'percent'; unit = 'percent'; unitText = text.slice(tokens[end].start, tokens[end + 1].end); endChar = tokens[end + 1].end; end += 2;
        } else if (w in CURRENCY_WORDS && kind !== 'money') {
          kind = 'money'; unit = CURRENCY_WORDS[w]; unitText = tokens[end].text; endChar = tokens[end].end; end++;
        }
      }
    }
    // Ranges: "between 200 and 300", "tussen 200 en 300", "200-300", "200 – 300".
    let range = core.range;
    if (!range && !core.ordinal && !core.fraction && !unit && end + 1 < tokens.length && !used[end + 1]) {
      const gap = text.slice(endChar, tokens[end].start);
      const between = i > 0 && RANGE_START.has(tokens[i - 1].norm);
      const dashGap = /^\s*[-–—]\s*$/.test(gap) && /^\d/.test(t.norm);
      const mid = tokens[end].norm;
      const fromBefore = i > 0 && (tokens[i - 1].norm === 'from' || tokens[i - 1].norm === 'van');
      // "between 200 and 300"; "5 to 10 people", "5 or 6 ferries", "vijf of zes" (not "from 5 to 10": a change).
      const midWord = isSpaceGap(text, endChar, tokens[end].start) &&
        ((between && RANGE_MID.has(mid)) || (!between && !fromBefore && (mid === 'to' || mid === 'or' || (lang === 'nl' && (mid === 'tot' || mid === 'of')))));
      if (dashGap || midWord) {
        const k = dashGap ? end : end + 1;
        if (k < tokens.length && !used[k] && (dashGap || isSpaceGap(text, tokens[end].end, tokens[k].start))) {
          const c2 = parseCore(text, tokens, k, lang, used);
          if (c2 && !c2.ordinal && !c2.vague && !c2.range) {
            let v2 = c2.value;
            let e2 = c2.end;
            if (e2 < tokens.length && isSpaceGap(text, tokens[e2 - 1].end, tokens[e2].start)) {
              const mult = MULTIPLIERS[tokens[e2].norm];
              if (mult !== undefined && tokens[e2].norm.length > 1) { v2 *= mult; e2++; if (value < v2 / mult) value *= mult; }
            }
            // Without "between", a range stays within one order of magnitude ("5 to 10", not "27 tot 31.000").
            if (v2 > value && (between || v2 <= 10 * value)) {
              range = [value, v2];
              if (between) startChar = tokens[i - 1].start;
              end = e2;
              endChar = tokens[e2 - 1].end;
              c2.hyphenUnit && (core.hyphenUnit = c2.hyphenUnit);
            }
          }
        }
      }
    }
    // Comparator before.
    let comparator: Comparator = 'eq';
    let min = value;
    let max = value;
    let vague = false;
    if (core.vague) { [min, max] = core.vague; vague = true; comparator = 'about'; }
    if (range) { [min, max] = range; vague = true; comparator = 'about'; }
    if (!range && !core.ordinal) {
      const cmp = comparatorBefore(text, tokens, i, startChar, used);
      if (cmp) {
        comparator = cmp.def.comparator;
        if (core.vague) {
          if (cmp.def.shape === 'gt' || cmp.def.shape === 'gte') max = Number.POSITIVE_INFINITY;
          else if (cmp.def.shape === 'lt' || cmp.def.shape === 'lte') min = 0;
        } else {
          [min, max] = applyComparator(cmp.def.shape, value);
        }
        if (cmp.def.shape === 'about' || cmp.def.shape === 'lt-near') vague = true;
        if (core.fraction && max > 1) max = 1;
        startChar = cmp.start;
        for (let j = i - 1; j >= 0 && tokens[j].start >= cmp.start; j--) used[j] = 1;
      }
    }
    // Unit.
    if (core.glued && !unit) {
      unit = core.glued;
      unitText = core.glued;
      kind = 'measure';
    } else if (core.hyphenUnit && !unit) {
      unitText = core.hyphenUnit.text;
      unit = stemWord(core.hyphenUnit.norm, lang);
      if (AGE_UNITS.has(core.hyphenUnit.norm)) kind = 'age';
      else if (TIME_UNITS.has(core.hyphenUnit.norm)) kind = 'duration';
    } else if (kind !== 'percent' && kind !== 'money') {
      let first = i;
      while (first > 0 && tokens[first - 1].start >= startChar) first--;
      const u = findUnit(text, tokens, end, endChar, lang, used) ?? countedBefore(tokens, first, lang);
      if (u !== undefined) {
        const ut = tokens[u];
        unit = ut.stem;
        unitText = ut.text;
        if (ut.norm in CURRENCY_WORDS) { kind = 'money'; unit = CURRENCY_WORDS[ut.norm]; }
        else if (kind !== 'ordinal' && TIME_UNITS.has(ut.norm)) {
          const nx = tokens[u + 1];
          kind = nx && (nx.norm === 'old' || nx.norm === 'oud') ? 'age' : 'duration';
        }
      }
    }
    for (let j = i; j < end; j++) used[j] = 1;
    out.push({ start: startChar, end: endChar, text: text.slice(startChar, endChar), value, min, max, comparator, vague, unit, unitText, kind, ...(range ? { range: true } : {}) });
    i = end - 1;
  }
  return out;
}

/** Canonical digit string of a single token that is a number ("2,000" -> "2000", "four"/"vier" -> "4"), else undefined. */
export function numberTerm(norm: string, lang: LanguageCode): string | undefined {
  const c0 = norm.charCodeAt(0);
  if (c0 >= 48 && c0 <= 57) {
    const v = parseDigits(norm);
    return v === undefined ? undefined : String(v);
  }
  let v: number | undefined;
  if (lang !== 'nl') v = enCardinal(norm);
  if (v === undefined && lang !== 'en') v = nlCardinal(norm);
  return v === undefined ? undefined : String(v);
}
