/**
 * Word tokenization with exact UTF-16 offsets.
 *
 * A token is one of:
 *  - a dotted abbreviation or acronym: "U.S.", "e.g." (final period included);
 *  - a word or number, possibly with internal apostrophes ("Gaza's", "don't"),
 *    hyphens ("al-Aqsa", "22-minute", "twenty-two", "2018-01-05") and, between
 *    digits only, periods/commas ("2,000", "3.5", "1.2bn").
 * norm = folded lowercase (possessive 's removed); stem = Snowball stem of norm.
 */
import type { LanguageCode } from '../types';
import type { Token } from './types';
import { fold } from './fold';
import { stemWord } from './stem';
import { stopSet } from './stopwords';

const TOKEN_RE =
  /(?:\p{L}\.){2,}(?!\p{L})|[\p{L}\p{N}][\p{L}\p{N}\p{M}]*(?:(?<=\p{N})[.,](?=\p{N})[\p{N}]+[\p{L}\p{N}]*|['’](?=\p{L})[\p{L}\p{M}]+|[-‐‑](?=[\p{L}\p{N}])[\p{L}\p{N}\p{M}]+)*/gu;

const POSSESSIVE = /'s$/;
const ACRONYM = /^\p{Lu}[\p{Lu}\d]+$/u;

/** A fresh global regex matching exactly the tokens tokenize() yields (for callers that only need the token texts). */
export function tokenRegex(): RegExp {
  return new RegExp(TOKEN_RE.source, TOKEN_RE.flags);
}

// ---- the same tokens without a regex: a character scan ----------------------------------

const LETTER = /^\p{L}$/u;
const NUMBER = /^\p{N}$/u;
const MARK = /^\p{M}$/u;
const C_L = 1;
const C_N = 2;
const C_M = 4;
const C_KNOWN = 8;

function classOf(s: string): number {
  return C_KNOWN | (LETTER.test(s) ? C_L : 0) | (NUMBER.test(s) ? C_N : 0) | (MARK.test(s) ? C_M : 0);
}

/** Letter / number / mark class of each BMP code unit, filled on first sight (ASCII up front). */
const UNIT_CLASS = new Uint8Array(65536);
for (let c = 0; c < 128; c++) UNIT_CLASS[c] = classOf(String.fromCharCode(c));
const ASTRAL_CLASS = new Map<number, number>();

/**
 * Class bits of the code point at i (C_L | C_N | C_M) plus its length in UTF-16 units
 * times 16. A lone surrogate is a code point of its own with no class, as in a /u regex.
 */
function cpAt(text: string, i: number, n: number): number {
  const c = text.charCodeAt(i);
  if (c >= 0xd800 && c <= 0xdbff && i + 1 < n) {
    const d = text.charCodeAt(i + 1);
    if (d >= 0xdc00 && d <= 0xdfff) {
      const cp = (c - 0xd800) * 0x400 + (d - 0xdc00) + 0x10000;
      let v = ASTRAL_CLASS.get(cp);
      if (v === undefined) ASTRAL_CLASS.set(cp, (v = classOf(String.fromCodePoint(cp))));
      return (v & 7) | 32;
    }
  }
  let v = UNIT_CLASS[c];
  if (v === 0) UNIT_CLASS[c] = v = c >= 0xd800 && c <= 0xdfff ? C_KNOWN : classOf(String.fromCharCode(c));
  return (v & 7) | 16;
}

/** Class bits of the code point that ends just before j (j > 0). */
function classBefore(text: string, j: number): number {
  const d = text.charCodeAt(j - 1);
  if (d >= 0xdc00 && d <= 0xdfff && j >= 2) {
    const c = text.charCodeAt(j - 2);
    if (c >= 0xd800 && c <= 0xdbff) return cpAt(text, j - 2, j) & 7;
  }
  return cpAt(text, j - 1, j) & 7;
}

let scannedEnd = 0;

/** End of the token found by the last nextToken() call. */
export function tokenEnd(): number {
  return scannedEnd;
}

/**
 * Start of the first token at or after `from` (its end: tokenEnd()), or -1: the same
 * tokens as tokenRegex() finds from `from`, without match objects or substrings
 * (indexTerms looks each token up in its word cache by its characters).
 */
export function nextToken(text: string, from: number): number {
  const n = text.length;
  let i = from;
  while (i < n) {
    const k = cpAt(text, i, n);
    if (k & C_L) {
      // (?:\p{L}\.){2,}(?!\p{L}): dotted abbreviations ("U.S.", "e.g.").
      let j = i;
      let reps = 0;
      for (;;) {
        if (j >= n) break;
        const q = cpAt(text, j, n);
        if (!(q & C_L)) break;
        const l = q >> 4;
        if (j + l >= n || text.charCodeAt(j + l) !== 46) break;
        reps++;
        j += l + 1;
      }
      if (reps >= 2 && (j >= n || !(cpAt(text, j, n) & C_L))) {
        scannedEnd = j;
        return i;
      }
    }
    if (k & (C_L | C_N)) {
      scannedEnd = wordEnd(text, i + (k >> 4), n);
      return i;
    }
    i += k >> 4;
  }
  return -1;
}

/** End of a word token whose first character ends at j (the second alternative of TOKEN_RE). */
function wordEnd(text: string, j: number, n: number): number {
  let q = 0;
  while (j < n && (q = cpAt(text, j, n)) & (C_L | C_N | C_M)) j += q >> 4;
  while (j + 1 < n) {
    const c = text.charCodeAt(j);
    if (c === 46 || c === 44) {
      // (?<=\p{N})[.,](?=\p{N})[\p{N}]+[\p{L}\p{N}]*
      if (!(classBefore(text, j) & C_N) || !(cpAt(text, j + 1, n) & C_N)) break;
      j++;
      while (j < n && (q = cpAt(text, j, n)) & C_N) j += q >> 4;
      while (j < n && (q = cpAt(text, j, n)) & (C_L | C_N)) j += q >> 4;
    } else if (c === 39 || c === 0x2019) {
      // ['’](?=\p{L})[\p{L}\p{M}]+
      if (!(cpAt(text, j + 1, n) & C_L)) break;
      j++;
      while (j < n && (q = cpAt(text, j, n)) & (C_L | C_M)) j += q >> 4;
    } else if (c === 45 || c === 0x2010 || c === 0x2011) {
      // [-‐‑](?=[\p{L}\p{N}])[\p{L}\p{N}\p{M}]+
      if (!(cpAt(text, j + 1, n) & (C_L | C_N))) break;
      j++;
      while (j < n && (q = cpAt(text, j, n)) & (C_L | C_N | C_M)) j += q >> 4;
    } else break;
  }
  return j;
}

/** True when a raw token is an acronym ("ISIS", "VS"): tokenize() does not stem those. */
export function isAcronym(raw: string): boolean {
  return ACRONYM.test(raw);
}

/** Fold a raw token text to its norm (lowercase, no diacritics, no possessive 's). */
export function normToken(text: string): string {
  let n = fold(text);
  if (n.length > 3 && n.charCodeAt(n.length - 2) === 39 /* ' */ && n.endsWith("'s")) n = n.replace(POSSESSIVE, '');
  return n;
}

export function tokenize(text: string, lang: LanguageCode = 'en'): Token[] {
  const out: Token[] = [];
  const stops = stopSet(lang);
  // The character scan (the tokens of TOKEN_RE, which stays as its reference in the tests).
  for (let at = nextToken(text, 0); at >= 0; at = nextToken(text, tokenEnd())) {
    const end = tokenEnd();
    const raw = text.slice(at, end);
    const norm = normToken(raw);
    out.push({
      start: at,
      end,
      text: raw,
      norm,
      // Acronyms ("ISIS", "VS") are names, not words: never stemmed.
      stem: ACRONYM.test(raw) ? norm : stemWord(norm, lang),
      stop: stops.has(norm),
    });
  }
  return out;
}
