/**
 * Index terms: what the passage index stores and what queries are analyzed into.
 * Same tokens, folding and stemming as tokenize(); stop words dropped.
 * Cross-language sharing where cheap and safe:
 *  - numbers as canonical digits ("2,000"/"2.000" -> "2000", "four"/"vier" -> "4");
 *  - scale words shared ("miljoen" -> "million");
 *  - table names (variants.ts) add their canonical compact term
 *    ("Jeruzalem" -> "jerusalem", "Gazastrook"/"Gaza Strip" -> "gazastrip", "VS"/"U.S." -> "unitedstates");
 *  - hyphenated words also yield their parts ("ISIS-strijder" -> "isis", "strijder");
 *  - words in the concept table (synonyms.ts) add "~<concept>" ("killed"/"doden" -> "~kill",
 *    "attack"/"aanslag" -> "~attack"), so an English query reaches Dutch passages.
 * Owned by the analysis module; the index only calls indexTerms().
 */
import type { LanguageCode } from '../types';
import { tokenize } from './tokenize';
import { conceptOf } from './synonyms';
import { numberTerm } from './numbers';
import { stemWord } from './stem';
import { stopSet } from './stopwords';
import { MULTI_FIRST, MAX_VARIANT_WORDS, canonicalTerm, entityKey, lookupVariant } from './variants';
import { dict } from './dict';

const SHARED: Record<string, string> = dict({
  miljoen: 'million', miljoenen: 'million', millions: 'million', miljard: 'billion', miljarden: 'billion', billions: 'billion',
  duizend: 'thousand', duizenden: 'thousand', thousands: 'thousand', honderd: 'hundred', honderden: 'hundred', hundreds: 'hundred',
  procent: 'percent', pct: 'percent', mln: 'million', bn: 'billion',
});

/** Concepts already shared as plain terms (scale words, units). */
const CONCEPT_SKIP = new Set(['million', 'billion', 'thousand', 'hundred', 'percent']);

function pushWord(out: string[], norm: string, lang: LanguageCode, stops: ReadonlySet<string>, stem?: string): void {
  if (stops.has(norm)) return;
  if (norm.length < 2 && !/\d/.test(norm)) return;
  const shared = SHARED[norm];
  if (shared) { out.push(shared); return; }
  const num = numberTerm(norm, lang);
  if (num !== undefined) { out.push(num); return; }
  out.push(stem ?? stemWord(norm, lang));
}

export function indexTerms(text: string, lang: LanguageCode): string[] {
  const tokens = tokenize(text, lang);
  const stops = stopSet(lang);
  const out: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    const norm = t.norm;
    if (norm.includes('-')) {
      const num = numberTerm(norm, lang);
      if (num !== undefined) out.push(num);
      else for (const p of norm.split('-')) if (p) pushWord(out, p, lang, stops);
    } else if (norm.includes('.') && !/\d/.test(norm)) {
      // Dotted acronyms: "u.s." -> "us"
      pushWord(out, norm.replace(/\./g, ''), lang, stops);
    } else {
      pushWord(out, norm, lang, stops, t.stem);
      // Names are not inflected words: "Hamas" also indexes as "hamas" (English Snowball says "hama").
      const c0 = t.text.charCodeAt(0);
      if (t.stem !== norm && ((c0 >= 65 && c0 <= 90) || (c0 > 127 && t.text[0] !== t.text[0].toLowerCase())) && !t.stop && !/\d/.test(norm)) out.push(norm);
      // Shared en/nl concept ("killed"/"doden" -> "~kill") for cross-language retrieval.
      if (!t.stop) {
        const c = conceptOf(t.stem, lang) ?? (t.norm !== t.stem ? conceptOf(t.norm, lang) : undefined);
        if (c !== undefined && !CONCEPT_SKIP.has(c)) out.push('~' + c);
      }
    }
    // Name variants: single token or short phrases starting here.
    const c = t.text.charCodeAt(0);
    if ((c >= 65 && c <= 90) || c > 127) {
      const dash = t.text.search(/[-‐‑]/);
      const single = lookupVariant(entityKey(t.text)) ?? (dash > 0 ? lookupVariant(entityKey(t.text.slice(0, dash))) : undefined);
      if (single) {
        const term = canonicalTerm(single);
        if (out[out.length - 1] !== term) out.push(term);
      }
      if (MULTI_FIRST.has(norm)) {
        let key = norm;
        for (let k = 1; k < MAX_VARIANT_WORDS && i + k < tokens.length; k++) {
          key += ' ' + tokens[i + k].norm;
          const hit = lookupVariant(entityKey(key));
          if (hit) out.push(canonicalTerm(hit));
        }
      }
    }
  }
  return out;
}
