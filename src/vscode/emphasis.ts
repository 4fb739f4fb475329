/**
 * Emphasis for evidence quotes in hovers: the passage's words that share an index term
 * with the claim (same stems, numbers, names and cross-language concepts the engine
 * matches on) are set in bold. Uses the engine's own analyzer; no 'vscode' import.
 */
import { indexTerms } from '../core/analysis/terms';
import type { LanguageCode } from '../core/types';
import { escapeMarkdown } from './draftText';

const WORD = /[\p{L}\p{N}](?:[\p{L}\p{N}'’.,-]*[\p{L}\p{N}])?/gu;

function claimTerms(claim: string): Set<string> {
  return new Set([...indexTerms(claim, 'en'), ...indexTerms(claim, 'nl')]);
}

/** Markdown for `passage` with the words that match `claim` in bold (escaped otherwise). */
export function emphasizeMatches(passage: string, claim: string, lang: LanguageCode = 'und', extraWords: readonly string[] = []): string {
  const terms = claimTerms(claim);
  const extra = new Set(extraWords.map((w) => w.toLowerCase()));
  const text = passage.replace(/\s+/g, ' ');
  let out = '';
  let last = 0;
  for (const m of text.matchAll(WORD)) {
    const word = m[0];
    const at = m.index ?? 0;
    const analyzed = lang === 'und' ? [...indexTerms(word, 'en'), ...indexTerms(word, 'nl')] : indexTerms(word, lang);
    const hit = extra.has(word.toLowerCase()) || analyzed.some((t) => terms.has(t));
    if (!hit) continue;
    out += escapeMarkdown(text.slice(last, at)) + `**${escapeMarkdown(word)}**`;
    last = at + word.length;
  }
  out += escapeMarkdown(text.slice(last));
  return out.replace(/\*\*\s*\*\*/g, ' ');
}
