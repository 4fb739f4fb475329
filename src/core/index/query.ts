/**
 * What a passage is indexed with and what a query is analyzed into: pure functions that
 * every retrieval backend calls (the local index in engine.ts, the PostgreSQL index in
 * src/server/), so that both rank the same terms and verdicts agree.
 */
import type { LanguageCode } from '../types';
import { indexTerms } from '../analysis/terms';

/** Languages an index term analyzer exists for. */
export const ANALYZED_LANGUAGES: readonly LanguageCode[] = ['en', 'nl'];

/** The analyzer a document in `lang` is indexed with (undetermined text as English). */
export function termLanguage(lang: LanguageCode): LanguageCode {
  return lang === 'nl' ? 'nl' : 'en';
}

/** A passage's index terms, in order, repeats kept (its length is their count). */
export function passageTerms(text: string, docLanguage: LanguageCode): string[] {
  return indexTerms(text, termLanguage(docLanguage));
}

/**
 * Languages a query in `lang` is analyzed with: its own, plus the corpus's others.
 * `present(l)`: whether the corpus holds at least one document in language `l`.
 */
export function queryLanguages(lang: LanguageCode | undefined, present: (l: LanguageCode) => boolean): LanguageCode[] {
  const out: LanguageCode[] = [];
  if (lang === 'en' || lang === 'nl') out.push(lang);
  for (const l of ANALYZED_LANGUAGES) {
    if (out.includes(l)) continue;
    const here = present(l) || (l === 'en' && present('und'));
    if (here || out.length === 0) out.push(l);
  }
  return out;
}

/** Query terms per analysis language (first = the query's own language), each list deduplicated. */
export function analyzeQuery(
  text: string,
  lang: LanguageCode | undefined,
  present: (l: LanguageCode) => boolean,
): { lang: LanguageCode; terms: string[] }[] {
  return queryLanguages(lang, present).map((l) => ({ lang: l, terms: [...new Set(indexTerms(text, l))] }));
}

/** The union of the analyses' terms, in first-seen order. */
export function queryTermUnion(analyses: readonly { terms: readonly string[] }[]): Set<string> {
  const terms = new Set<string>();
  for (const a of analyses) for (const t of a.terms) terms.add(t);
  return terms;
}
