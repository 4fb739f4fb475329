/**
 * Language detection for the two corpus languages, English and Dutch.
 *
 * Why no library: franc is ESM-only (our bundles are CommonJS) and scores 100s of
 * languages from trigram tables, which is slower, bigger and less stable on short news
 * text than we need; cld/fasttext need native code or model files. Telling English from
 * Dutch (and "neither") is easy with distinctive function words, backed by a
 * character-bigram profile for short or stop-word-poor text. Deterministic.
 */
import type { LanguageCode } from '../types';

/** Function words frequent in one language and rare (or absent) in the other. */
const EN = new Set([
  'the', 'and', 'of', 'to', 'is', 'was', 'were', 'are', 'that', 'with', 'for', 'on', 'as',
  'by', 'this', 'from', 'it', 'its', 'has', 'have', 'had', 'which', 'who', 'their', 'they',
  'be', 'been', 'not', 'but', 'at', 'or', 'an', 'a', 'said', 'would', 'will', 'can', 'after',
  'about', 'there', 'than', 'into', 'also', 'these', 'those', 'what', 'when', 'where',
  'while', 'his', 'her', 'she', 'he', 'we', 'our', 'you', 'your', 'all', 'more', 'most',
  'some', 'such', 'other', 'only', 'over', 'under', 'between', 'against', 'during',
  'without', 'should', 'could', 'does', 'did', 'do', 'how', 'why', 'because', 'since',
]);
const NL = new Set([
  'de', 'het', 'een', 'en', 'van', 'is', 'dat', 'die', 'niet', 'op', 'te', 'zijn', 'voor',
  'met', 'aan', 'er', 'maar', 'om', 'ook', 'als', 'bij', 'nog', 'wordt', 'worden', 'werd',
  'werden', 'door', 'naar', 'uit', 'dan', 'zou', 'zich', 'hun', 'haar', 'hij', 'zij', 'ze',
  'wij', 'ik', 'je', 'wel', 'geen', 'meer', 'deze', 'dit', 'heeft', 'hebben', 'had', 'kan',
  'kunnen', 'moet', 'over', 'tegen', 'tussen', 'volgens', 'waarbij', 'omdat', 'terwijl',
  'onder', 'sinds', 'tot', 'al', 'zo', 'wat', 'wie', 'hoe', 'waar', 'nooit', 'altijd', 'veel',
  'weinig', 'alle', 'andere', 'onze', 'jaar', 'jaren', 'twee', 'drie', 'vier',
]);

/** Character bigrams typical of each language (used when function words are scarce). */
const EN_BIGRAMS = ['th', 'wh', 'sh', 'ng', 'ly', 'ea', 'ou', 'ow', 'ck', 'w ', 'y '];
const NL_BIGRAMS = ['ij', 'oe', 'aa', 'ee', 'uu', 'sch', 'cht', 'ui', 'eu', 'oo', 'kk', 'vr', 'zw', 'en '];

const WORD = /[\p{L}']+/gu;

export interface LanguageScores {
  en: number;
  nl: number;
  words: number;
}

export function languageScores(text: string): LanguageScores {
  const sample = text.length > 4000 ? text.slice(0, 4000) : text;
  let en = 0;
  let nl = 0;
  let words = 0;
  for (const m of sample.toLowerCase().matchAll(WORD)) {
    const w = m[0];
    words++;
    const inEn = EN.has(w);
    const inNl = NL.has(w);
    if (inEn && !inNl) en++;
    else if (inNl && !inEn) nl++;
  }
  return { en, nl, words };
}

function bigramScore(text: string, grams: string[]): number {
  const t = ` ${text.toLowerCase().replace(/[^\p{L}]+/gu, ' ')} `;
  let n = 0;
  for (const g of grams) {
    let i = t.indexOf(g);
    while (i !== -1) {
      n++;
      i = t.indexOf(g, i + 1);
    }
  }
  return n;
}

export function detectLanguage(text: string): LanguageCode {
  const { en, nl, words } = languageScores(text);
  if (words === 0) return 'und';
  const hits = en + nl;
  if (hits >= 3) {
    if (en >= nl * 1.5) return 'en';
    if (nl >= en * 1.5) return 'nl';
  }
  if (words < 3) return 'und';
  // Few or mixed function words: fall back to the character profile.
  const sample = text.slice(0, 5000);
  const letters = sample.replace(/[^\p{L}]/gu, '').length || 1;
  const be = bigramScore(sample, EN_BIGRAMS) / letters + en / words;
  const bn = bigramScore(sample, NL_BIGRAMS) / letters + nl / words;
  if (be > bn * 1.3 && be > 0.02) return 'en';
  if (bn > be * 1.3 && bn > 0.02) return 'nl';
  if (hits > 0 && en !== nl) return en > nl ? 'en' : 'nl';
  return 'und';
}
