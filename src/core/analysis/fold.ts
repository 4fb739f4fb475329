/**
 * Case and diacritic folding shared by every analysis step.
 * fold("Sinaï") === "sinai"; fold("Caïro") === "cairo"; fold("tweeëntwintig") === "tweeentwintig".
 */
import { dict } from './dict';

const COMBINING = /[\u0300-\u036f]/g;
const NON_ASCII = /[^\x00-\x7f]/;
const SPECIAL: Record<string, string> = dict({
  ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', ł: 'l', đ: 'd', ð: 'd', þ: 'th', ı: 'i',
  '’': "'", '‘': "'", 'ʼ': "'", '`': "'", '‐': '-', '‑': '-', '–': '-', '—': '-',
});
const SPECIAL_RE = /[ßæœøłđðþı’‘ʼ`‐‑–—]/g;

/** Lowercase, strip diacritics, unify apostrophes and hyphens. */
export function fold(s: string): string {
  const lower = s.toLowerCase();
  if (!NON_ASCII.test(lower)) return lower;
  return lower
    .normalize('NFD')
    .replace(COMBINING, '')
    .replace(SPECIAL_RE, (c) => SPECIAL[c] ?? c);
}
