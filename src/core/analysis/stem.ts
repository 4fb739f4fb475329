/**
 * Snowball stemming (english, dutch) with a bounded cache; irregular forms are first
 * mapped to their base form (lemmas.ts: sold -> sell, verkocht -> verkopen). The cache only speeds
 * up a pure function, so results never depend on call order.
 */
import type { LanguageCode } from '../types';
import { lemma } from './lemmas';
import { stemEnglish } from './snowballEnglish';

// snowball-stemmers ships no types.
// eslint-disable-next-line @typescript-eslint/no-var-requires
const snowball = require('snowball-stemmers') as { newStemmer(lang: string): { stem(w: string): string } };

/** English through the lean port of the same Snowball rules (snowballEnglish.ts: same stems, ~9x faster). */
const stemmers = {
  en: { stem: stemEnglish },
  nl: snowball.newStemmer('dutch'),
};

const DIGIT_START = /^\d/;
const CACHE_LIMIT = 200_000;
const caches = { en: new Map<string, string>(), nl: new Map<string, string>() };

/** The stemming language used for a document language ('und' stems as English). */
export function stemLang(lang: LanguageCode | undefined): 'en' | 'nl' {
  return lang === 'nl' ? 'nl' : 'en';
}

/** Stem one folded word. Hyphenated compounds are stemmed part by part. */
export function stemWord(norm: string, lang: LanguageCode | undefined): string {
  const l = stemLang(lang);
  const cache = caches[l];
  let s = cache.get(norm);
  if (s !== undefined) return s;
  if (norm.includes('-')) s = norm.split('-').map((p) => (p.length < 3 || DIGIT_START.test(p) ? p : stemmers[l].stem(lemma(p, l)))).join('-');
  else if (DIGIT_START.test(norm)) s = norm;
  else {
    const base = lemma(norm, l);
    s = base.length < 3 && base === norm ? norm : stemmers[l].stem(base);
  }
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(norm, s);
  return s;
}
