/**
 * Index terms: what the passage index stores and what queries are analyzed into.
 * First version: lowercase word tokens, stop words dropped, Snowball-stemmed per language.
 * Owned by the analysis module; the index only calls indexTerms().
 */
import type { LanguageCode } from '../types';
// snowball-stemmers ships no types.
// eslint-disable-next-line @typescript-eslint/no-var-requires
const snowball = require('snowball-stemmers') as { newStemmer(lang: string): { stem(w: string): string } };

const stemmers = {
  en: snowball.newStemmer('english'),
  nl: snowball.newStemmer('dutch'),
};

const WORD = /[\p{L}\p{N}]+(?:['’.-][\p{L}\p{N}]+)*/gu;

export function indexTerms(text: string, lang: LanguageCode): string[] {
  const stemmer = lang === 'nl' ? stemmers.nl : stemmers.en;
  const out: string[] = [];
  for (const m of text.toLowerCase().matchAll(WORD)) {
    const w = m[0].replace(/['’]s$/, '');
    if (w.length < 2 && !/\d/.test(w)) continue;
    out.push(stemmer.stem(w));
  }
  return out;
}
