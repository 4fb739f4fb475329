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
  TOKEN_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = TOKEN_RE.exec(text)) !== null) {
    const raw = m[0];
    const norm = normToken(raw);
    out.push({
      start: m.index,
      end: m.index + raw.length,
      text: raw,
      norm,
      // Acronyms ("ISIS", "VS") are names, not words: never stemmed.
      stem: ACRONYM.test(raw) ? norm : stemWord(norm, lang),
      stop: stops.has(norm),
    });
  }
  return out;
}
