/**
 * Text analysis for verification and indexing (pure, deterministic, no I/O).
 *
 *   analyze(text, lang)   -> TextAnalysis (tokens, numbers, dates, entities, negations)
 *   tokenize(text, lang)  -> Token[]
 *   indexTerms(text, lang)-> string[] (what the passage index stores)
 *   conceptOf(stem, lang) -> shared en/nl concept id
 *   areAntonyms(a, b)     -> polarity pairs for contradiction
 *
 * Order inside analyze(): dates claim their tokens first (so years and day numbers
 * are never counts), then numbers, then entities (skipping date/number tokens),
 * then negation cues (skipping comparator phrases like "no more than").
 */
import type { LanguageCode } from '../types';
import type { TextAnalysis } from './types';
import { tokenize } from './tokenize';
import { findDates } from './dates';
import { findNumbers } from './numbers';
import { findEntities } from './entities';
import { findNegations } from './negation';

export function analyze(text: string, lang: LanguageCode = 'en'): TextAnalysis {
  const tokens = tokenize(text, lang);
  const used = new Uint8Array(tokens.length);
  const dates = findDates(text, tokens, lang, used);
  const numbers = findNumbers(text, tokens, lang, used);
  const entities = findEntities(text, tokens, lang, used);
  let negations = findNegations(text, tokens);
  if (numbers.length && negations.length) {
    // Cues inside a number phrase ("no more than 300") are comparators. Both lists are in text order.
    let k = 0;
    negations = negations.filter((s) => {
      while (k < numbers.length && numbers[k].end <= s.start) k++;
      return !(k < numbers.length && s.start >= numbers[k].start && s.end <= numbers[k].end);
    });
  }
  dates.sort((a, b) => a.start - b.start);
  return { text, lang, tokens, numbers, dates, entities, negations };
}

export { tokenize, normToken } from './tokenize';
export { fold } from './fold';
export { stemWord } from './stem';
export { isStopWord, stopSet, STOP_EN, STOP_NL } from './stopwords';
export { findNumbers, numberTerm } from './numbers';
export { parseDigits } from './numwords';
export { findDates } from './dates';
export { findEntities, isNameHead } from './entities';
export { entityKey, looseKey, lookupVariant } from './variants';
export { findNegations } from './negation';
export { indexTerms } from './terms';
export { areAntonyms, polarityOf } from './antonyms';
export { conceptOf, conceptIds } from './synonyms';
export type * from './types';
