/**
 * Number vocabulary for English and Dutch: cardinal and ordinal words, scale
 * words, vague amounts, comparators, digit parsing. Pure tables + small parsers
 * shared by numbers.ts, dates.ts and terms.ts.
 */
import type { Comparator } from './types';
import { dict } from './dict';

export const EN_SMALL: Record<string, number> = dict({
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17,
  eighteen: 18, nineteen: 19, twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70,
  eighty: 80, ninety: 90,
});
/** Scale words that may follow digits ("3.5 million", "2 mln"). Plurals allowed ("millions" handled as vague). */
export const MULTIPLIERS: Record<string, number> = dict({
  hundred: 100, thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12,
  honderd: 100, duizend: 1e3, miljoen: 1e6, miljard: 1e9, biljoen: 1e12,
  mln: 1e6, mn: 1e6, m: 1e6, bn: 1e9, b: 1e9, mld: 1e9, mrd: 1e9, k: 1e3,
});
/** Suffixes glued to digits ("1.2bn", "$5m", "10k"). */
export const DIGIT_SUFFIX_MULT: Record<string, number> = dict({ k: 1e3, m: 1e6, mn: 1e6, mln: 1e6, bn: 1e9, b: 1e9, mld: 1e9, mrd: 1e9 });
export const DIGIT_SUFFIX_ORD = new Set(['st', 'nd', 'rd', 'th', 'e', 'de', 'ste']);

export const EN_ORDINALS: Record<string, number> = dict({
  first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10,
  eleventh: 11, twelfth: 12, thirteenth: 13, fourteenth: 14, fifteenth: 15, sixteenth: 16, seventeenth: 17,
  eighteenth: 18, nineteenth: 19, twentieth: 20, thirtieth: 30, fortieth: 40, fiftieth: 50, sixtieth: 60,
  seventieth: 70, eightieth: 80, ninetieth: 90, hundredth: 100, thousandth: 1000, millionth: 1e6,
});

const NL_UNITS: Record<string, number> = dict({
  nul: 0, een: 1, twee: 2, drie: 3, vier: 4, vijf: 5, zes: 6, zeven: 7, acht: 8, negen: 9,
});
const NL_TEENS: Record<string, number> = dict({
  tien: 10, elf: 11, twaalf: 12, dertien: 13, veertien: 14, vijftien: 15, zestien: 16, zeventien: 17,
  achttien: 18, negentien: 19,
});
const NL_TENS: Record<string, number> = dict({
  twintig: 20, dertig: 30, veertig: 40, vijftig: 50, zestig: 60, zeventig: 70, tachtig: 80, negentig: 90,
});
const NL_COMPOUND = /^(een|twee|drie|vier|vijf|zes|zeven|acht|negen)en(twintig|dertig|veertig|vijftig|zestig|zeventig|tachtig|negentig)$/;

/** Parse a folded Dutch number word below 10^6 ("tweeentwintig", "driehonderd", "vierduizend"). */
function nlBelowMillion(w: string, allowEen: boolean): number | undefined {
  if (w === '') return undefined;
  if (w in NL_UNITS) return w === 'een' && !allowEen ? undefined : NL_UNITS[w];
  if (w in NL_TEENS) return NL_TEENS[w];
  if (w in NL_TENS) return NL_TENS[w];
  const c = NL_COMPOUND.exec(w);
  if (c) return NL_UNITS[c[1]] + NL_TENS[c[2]];
  const d = w.indexOf('duizend');
  if (d >= 0) {
    const left = w.slice(0, d);
    let right = w.slice(d + 7);
    if (right.startsWith('en') && right.length > 2) right = right.slice(2);
    const l = left === '' ? 1 : nlBelowMillion(left, true);
    const r = right === '' ? 0 : nlBelowMillion(right, true);
    if (l === undefined || r === undefined || l >= 1000) return undefined;
    return l * 1000 + r;
  }
  const h = w.indexOf('honderd');
  if (h >= 0) {
    const left = w.slice(0, h);
    let right = w.slice(h + 7);
    if (right.startsWith('en') && right.length > 2) right = right.slice(2);
    const l = left === '' ? 1 : NL_UNITS[left] ?? NL_TEENS[left];
    const r = right === '' ? 0 : nlBelowMillion(right, true);
    if (l === undefined || r === undefined || r >= 100) return undefined;
    return l * 100 + r;
  }
  return undefined;
}

/** Cardinal value of one folded Dutch word ("vier", "tweeentwintig", "driehonderd"); "een" only when written "één". */
const NL_NUMBER_START = /^(?:een|twee|drie|vier|vijf|zes|zeven|acht|negen|tien|elf|twaalf|dertien|veertien|twintig|dertig|veertig|vijftig|zestig|zeventig|tachtig|negentig|honderd|duizend|nul|miljoen|miljard)/;

export function nlCardinal(w: string, accentedEen = false): number | undefined {
  if (!NL_NUMBER_START.test(w)) return undefined;
  if (w === 'een') return accentedEen ? 1 : undefined;
  if (w === 'miljoen') return 1e6;
  if (w === 'miljard') return 1e9;
  return nlBelowMillion(w, true);
}

const NL_ORD_IRREGULAR: Record<string, number> = dict({ eerste: 1, derde: 3, achtste: 8 });
/** Ordinal value of a folded Dutch word ("eerste", "vierde", "eenentwintigste", "honderdste"). */
export function nlOrdinal(w: string): number | undefined {
  if (w in NL_ORD_IRREGULAR) return NL_ORD_IRREGULAR[w];
  if (!NL_NUMBER_START.test(w)) return undefined;
  if (w.length < 4) return undefined;
  if (w.endsWith('ste')) {
    const base = w.slice(0, -3);
    if (base === 'eer') return 1;
    const v = nlBelowMillion(base, false) ?? (base === 'miljoen' ? 1e6 : undefined);
    if (v !== undefined && (v >= 20 || base.endsWith('honderd') || base.endsWith('duizend') || base === 'acht')) return v;
    return undefined;
  }
  if (w.endsWith('de')) {
    const base = w.slice(0, -2);
    const v = nlBelowMillion(base, false);
    if (v !== undefined && v >= 2 && v < 20) return v;
  }
  return undefined;
}

/** Cardinal value of one folded English word or hyphenated word ("four", "twenty-two"). */
const EN_SMALL_MAP = new Map(Object.entries(EN_SMALL));
const EN_ORDINALS_MAP = new Map(Object.entries(EN_ORDINALS));

export function enCardinal(w: string): number | undefined {
  const v = EN_SMALL_MAP.get(w);
  if (v !== undefined) return v;
  const dash = w.indexOf('-');
  if (dash > 0) {
    const a = EN_SMALL_MAP.get(w.slice(0, dash));
    const b = EN_SMALL_MAP.get(w.slice(dash + 1));
    if (a !== undefined && b !== undefined && a >= 20 && a % 10 === 0 && b > 0 && b < 10) return a + b;
  }
  return undefined;
}

/** Ordinal value of an English word ("third", "twenty-first"). */
export function enOrdinal(w: string): number | undefined {
  const v = EN_ORDINALS_MAP.get(w);
  if (v !== undefined) return v;
  const dash = w.indexOf('-');
  if (dash > 0) {
    const a = EN_SMALL_MAP.get(w.slice(0, dash));
    const b = EN_ORDINALS_MAP.get(w.slice(dash + 1));
    if (a !== undefined && b !== undefined && a >= 20 && a % 10 === 0 && b < 10) return a + b;
  }
  return undefined;
}

/**
 * Parse a digit string with separators. A separator followed by exactly three
 * digits is a thousands separator ("2,000", Dutch "2.000"); otherwise it is the
 * decimal mark ("3.5", Dutch "3,5"). With both marks, the last one is decimal.
 */
export function parseDigits(s: string): number | undefined {
  if (!/^\d+(?:[.,]\d+)*$/.test(s)) return undefined;
  const seps = s.replace(/\d/g, '');
  if (seps.length === 0) return Number(s);
  const groups = s.split(/[.,]/);
  if (seps.length === 1) {
    const tail = groups[1];
    if (tail.length === 3 && groups[0] !== '0') return Number(groups[0] + tail);
    return Number(groups[0] + '.' + tail);
  }
  const lastSep = seps[seps.length - 1];
  const allSame = seps.split('').every((c) => c === lastSep);
  if (allSame) {
    if (groups.slice(1).every((g) => g.length === 3)) return Number(groups.join(''));
    return undefined;
  }
  const intPart = groups.slice(0, -1).join('');
  return Number(intPart + '.' + groups[groups.length - 1]);
}

/** Vague amounts keyed by folded words (multiword keys joined by spaces). */
export const VAGUE: Record<string, [number, number]> = dict({
  dozens: [24, 99], scores: [40, 199], hundreds: [200, 999], thousands: [2000, 9999],
  'tens of thousands': [20000, 99999], 'hundreds of thousands': [200000, 999999],
  millions: [2e6, 999e6], 'tens of millions': [20e6, 99e6], 'hundreds of millions': [200e6, 999e6], billions: [2e9, 999e9],
  several: [3, 10], 'a few': [2, 6], 'a couple of': [2, 3], 'a handful of': [2, 6], 'a dozen': [10, 14], dozen: [10, 14],
  tientallen: [20, 99], honderden: [200, 999], duizenden: [2000, 9999], tienduizenden: [20000, 99999],
  honderdduizenden: [200000, 999999], miljoenen: [2e6, 999e6], 'tientallen miljoenen': [20e6, 99e6],
  enkele: [2, 9], 'een paar': [2, 6], verscheidene: [3, 10], meerdere: [2, 10], 'een handvol': [2, 6],
  'een dozijn': [10, 14], 'een tiental': [8, 12],
});
export const VAGUE_FIRST = new Set(Object.keys(VAGUE).map((k) => k.split(' ')[0]));

export interface ComparatorDef { comparator: Comparator; /** how min/max derive from v */ shape: 'gt' | 'gte' | 'lt-near' | 'lt' | 'lte' | 'about' | 'eq' }
/** Comparators before a number, keyed by folded words joined with spaces. */
export const COMPARATORS: Record<string, ComparatorDef> = dict({
  'more than': { comparator: 'gt', shape: 'gt' }, over: { comparator: 'gt', shape: 'gt' }, above: { comparator: 'gt', shape: 'gt' },
  'just over': { comparator: 'gt', shape: 'gt' }, 'well over': { comparator: 'gt', shape: 'gt' }, 'in excess of': { comparator: 'gt', shape: 'gt' },
  'upwards of': { comparator: 'gte', shape: 'gte' }, 'at least': { comparator: 'gte', shape: 'gte' }, 'no fewer than': { comparator: 'gte', shape: 'gte' },
  'no less than': { comparator: 'gte', shape: 'gte' }, 'not less than': { comparator: 'gte', shape: 'gte' }, 'a minimum of': { comparator: 'gte', shape: 'gte' },
  about: { comparator: 'about', shape: 'about' }, around: { comparator: 'about', shape: 'about' }, approximately: { comparator: 'about', shape: 'about' },
  roughly: { comparator: 'about', shape: 'about' }, some: { comparator: 'about', shape: 'about' }, 'an estimated': { comparator: 'about', shape: 'about' },
  estimated: { comparator: 'about', shape: 'about' }, circa: { comparator: 'about', shape: 'about' }, ca: { comparator: 'about', shape: 'about' },
  nearly: { comparator: 'lt', shape: 'lt-near' }, almost: { comparator: 'lt', shape: 'lt-near' }, 'close to': { comparator: 'lt', shape: 'lt-near' },
  'just under': { comparator: 'lt', shape: 'lt-near' }, 'just below': { comparator: 'lt', shape: 'lt-near' },
  'fewer than': { comparator: 'lt', shape: 'lt' }, 'less than': { comparator: 'lt', shape: 'lt' }, under: { comparator: 'lt', shape: 'lt' }, below: { comparator: 'lt', shape: 'lt' },
  'up to': { comparator: 'lte', shape: 'lte' }, 'as many as': { comparator: 'lte', shape: 'lte' }, 'at most': { comparator: 'lte', shape: 'lte' },
  'no more than': { comparator: 'lte', shape: 'lte' }, 'not more than': { comparator: 'lte', shape: 'lte' },
  // Dutch
  'meer dan': { comparator: 'gt', shape: 'gt' }, ruim: { comparator: 'gt', shape: 'gt' }, 'ruim meer dan': { comparator: 'gt', shape: 'gt' },
  'boven de': { comparator: 'gt', shape: 'gt' }, 'dik': { comparator: 'gt', shape: 'gt' },
  minstens: { comparator: 'gte', shape: 'gte' }, minimaal: { comparator: 'gte', shape: 'gte' }, 'ten minste': { comparator: 'gte', shape: 'gte' },
  tenminste: { comparator: 'gte', shape: 'gte' }, zeker: { comparator: 'gte', shape: 'gte' }, 'niet minder dan': { comparator: 'gte', shape: 'gte' },
  ongeveer: { comparator: 'about', shape: 'about' }, "zo'n": { comparator: 'about', shape: 'about' }, rond: { comparator: 'about', shape: 'about' },
  'rond de': { comparator: 'about', shape: 'about' }, rondom: { comparator: 'about', shape: 'about' }, omstreeks: { comparator: 'about', shape: 'about' },
  'naar schatting': { comparator: 'about', shape: 'about' }, pakweg: { comparator: 'about', shape: 'about' }, 'om en nabij': { comparator: 'about', shape: 'about' },
  bijna: { comparator: 'lt', shape: 'lt-near' }, nagenoeg: { comparator: 'lt', shape: 'lt-near' }, 'een kleine': { comparator: 'lt', shape: 'lt-near' },
  krap: { comparator: 'lt', shape: 'lt-near' }, 'minder dan': { comparator: 'lt', shape: 'lt' },
  maximaal: { comparator: 'lte', shape: 'lte' }, hoogstens: { comparator: 'lte', shape: 'lte' }, hooguit: { comparator: 'lte', shape: 'lte' },
  'tot wel': { comparator: 'lte', shape: 'lte' }, 'niet meer dan': { comparator: 'lte', shape: 'lte' },
});
export const COMPARATOR_MAX_WORDS = 3;

/** The [min, max] interval a comparator allows around v (documented in numbers.ts). */
export function applyComparator(shape: ComparatorDef['shape'], v: number): [number, number] {
  switch (shape) {
    case 'gt':
    case 'gte':
      return [v, Number.POSITIVE_INFINITY];
    case 'lt':
    case 'lte':
      return [0, v];
    case 'lt-near':
      return [v * 0.8, v];
    case 'about':
      return [v * 0.8, v * 1.2];
    default:
      return [v, v];
  }
}

/**
 * Units of time (English and Dutch, as written) and their length in days: numbers.ts reads a
 * figure before one as a duration, match.ts compares two durations by length.
 */
export const TIME_UNIT_DAYS: Record<string, number> = dict({
  second: 1 / 86400, seconds: 1 / 86400, seconde: 1 / 86400, seconden: 1 / 86400,
  minute: 1 / 1440, minutes: 1 / 1440, minuut: 1 / 1440, minuten: 1 / 1440,
  hour: 1 / 24, hours: 1 / 24, uur: 1 / 24, uren: 1 / 24,
  day: 1, days: 1, dag: 1, dagen: 1, etmaal: 1, etmalen: 1,
  week: 7, weeks: 7, weken: 7,
  month: 30.44, months: 30.44, maand: 30.44, maanden: 30.44,
  year: 365.25, years: 365.25, jaar: 365.25, jaren: 365.25,
  decade: 3652.5, decades: 3652.5, decennium: 3652.5, decennia: 3652.5,
  century: 36525, centuries: 36525, eeuw: 36525, eeuwen: 36525,
});
