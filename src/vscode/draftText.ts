/**
 * Editor-side text helpers (no 'vscode' import, unit-tested in Node): where a citation
 * completion starts, which sentence a citation being written is for, which citation key
 * is under the cursor, and how a citation or an ignore directive is written in each
 * draft format. What is a sentence and what is a citation key is the engine's parser
 * (src/core/text/draft.ts): these helpers only apply it at the cursor.
 */
import { findCitations, isLatexCiteCommand, KEY_CHARS, KEY_LEAD, parseDraft, type DraftCitation } from '../core/text/draft';
import type { DraftFormat } from '../core/types';

export interface CompletionContext {
  /** What the user has typed of the key so far. */
  prefix: string;
  /** Character (in the line) where the key starts: the completion replaces [start, cursor). */
  start: number;
  /** Character (in the line) where the citation marker being typed starts (`[`, `@` or `\`). */
  marker: number;
}

const KEY_SO_FAR = String.raw`((?:${KEY_CHARS})?)`;
const MD_AT = new RegExp(String.raw`(^|${KEY_LEAD})-?@${KEY_SO_FAR}$`, 'u');
const PLAIN_AT = new RegExp(String.raw`\[@${KEY_SO_FAR}$`, 'u');
const TEX_CITE = /\\([A-Za-z]+\*?)(?:\[[^\]\n]*\]){0,2}\{([^{}\n]*)$/;

/**
 * Decide whether a citation completion applies at the end of `before` (the line's text
 * up to the cursor). Markdown: `@` where the engine reads an in-text citation (after start
 * of line, space, `[`, `;`, `-` or `(`, so e-mail addresses do not trigger). Plain text:
 * `[@`. LaTeX: inside the braces of a citation command after `{` or `,`.
 */
export function completionContext(format: DraftFormat, before: string): CompletionContext | undefined {
  if (format === 'latex') {
    const m = TEX_CITE.exec(before);
    if (!m || !isLatexCiteCommand(m[1])) return undefined;
    const inside = m[2];
    const lastComma = inside.lastIndexOf(',');
    const typed = inside.slice(lastComma + 1);
    const prefix = typed.trimStart();
    return { prefix, start: before.length - prefix.length, marker: m.index };
  }
  const m = (format === 'markdown' ? MD_AT : PLAIN_AT).exec(before);
  if (!m) return undefined;
  const prefix = m[m.length - 1];
  // The marker starts at its `[` (`[@`, `[-@`), else at the `@` (or `-@`).
  const marker = format === 'markdown' && m[1] !== '[' ? m.index + m[1].length : m.index;
  return { prefix, start: before.length - prefix.length, marker };
}

/** The citation as written in a draft of this format. */
export function citationText(format: DraftFormat, key: string): string {
  return format === 'latex' ? `\\cite{${key}}` : `[@${key}]`;
}

/**
 * The directive that makes the engine skip the next sentence: an HTML comment in
 * Markdown (may stand inline), a `%` comment line in LaTeX, a line of its own in plain text.
 */
export function ignoreDirective(format: DraftFormat): string {
  return format === 'latex' ? '% groundwork-ignore-next' : format === 'markdown' ? '<!-- groundwork-ignore-next -->' : 'groundwork-ignore-next';
}

export interface Span {
  start: number;
  end: number;
}

/** At least one word of two letters or digits. */
const WORD = /[\p{L}\p{N}]{2,}/u;

/**
 * The sentence (as the engine reads it: markup and citations removed) that a citation at
 * `offset` is for: the sentence around the offset, or, when there is none or it holds no
 * word (`…in 2014. [@`), the sentence before it. `typing` is the citation being typed at
 * the cursor (marker and key so far): it is left out, being neither a citation the
 * parser knows yet nor words of the sentence.
 */
export function sentenceForCitation(text: string, offset: number, format: DraftFormat, typing?: Span): string {
  let draft = text;
  if (typing && typing.end > typing.start) {
    // Also the rest of a key the cursor stands in (`[@har|bour]`).
    const rest = /^[\p{L}\p{N}_]*/u.exec(text.slice(typing.end, typing.end + 200))![0].length;
    draft = text.slice(0, typing.start) + ' '.repeat(typing.end + rest - typing.start) + text.slice(typing.end + rest);
  }
  let own: string | undefined;
  let before: { text: string; end: number } | undefined;
  for (const s of parseDraft(draft, format)) {
    if (s.start <= offset && offset <= s.end) own ??= s.text;
    else if (s.end < offset && (!before || s.end >= before.end)) before = s;
  }
  if (own !== undefined && (WORD.test(own) || !before)) return own;
  return before?.text ?? own ?? '';
}

/** A citation key written in a draft: offsets of the key itself (without `@`). */
export type KeySpan = DraftCitation['keySpans'][number];

/** The citation key under (or just after the `@`/`{`/`,` before) `offset` in a draft, if any. */
export function citationKeyAt(text: string, format: DraftFormat, offset: number): KeySpan | undefined {
  for (const c of findCitations(text, format)) {
    if (offset < c.start - 1 || offset > c.end) continue;
    const hit = c.keySpans.find((k) => offset >= k.start - 1 && offset <= k.end);
    if (hit) return hit;
  }
  return undefined;
}

/** Where `key` is first cited in a draft between `from` and `to` (offsets). */
export function citedKeySpan(text: string, format: DraftFormat, key: string, from: number, to: number): KeySpan | undefined {
  for (const c of findCitations(text, format)) {
    if (c.end < from || c.start > to) continue;
    const hit = c.keySpans.find((k) => k.key === key && k.start >= from && k.end <= to);
    if (hit) return hit;
  }
  return undefined;
}

/** The prose of a piece of draft text as the engine reads it (markup and citations removed). */
export function proseOf(text: string, format: DraftFormat): string {
  return parseDraft(text, format)
    .map((s) => s.text)
    .join(' ');
}

/**
 * Where to insert a citation for a sentence: before its final punctuation (and a
 * closing quote), as Pandoc and LaTeX writers do. Returns an offset into `sentence`.
 */
export function citationInsertOffset(sentence: string): number {
  const m = /([.!?]["'”’)]*)\s*$/.exec(sentence);
  return m ? m.index : sentence.trimEnd().length;
}

/** The separator to put before an inserted citation. */
export function citationInsertText(format: DraftFormat, key: string, charBefore: string | undefined): string {
  const cite = citationText(format, key);
  if (format === 'latex') return `${charBefore && /\s/.test(charBefore) ? '' : '~'}${cite}`;
  return `${charBefore && /\s/.test(charBefore) ? '' : ' '}${cite}`;
}

/** Escape text for a Markdown hover and emphasize the given words (case-insensitive, whole words). */
export function emphasize(text: string, words: readonly string[] | undefined): string {
  const escaped = escapeMarkdown(text);
  const list = (words ?? []).map((w) => w.trim()).filter((w) => w.length >= 2);
  if (list.length === 0) return escaped;
  const pattern = list
    .map((w) => escapeMarkdown(w).replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .sort((a, b) => b.length - a.length)
    .join('|');
  const re = new RegExp(`(?<![\\p{L}\\p{N}])(${pattern})[\\p{L}]*`, 'giu');
  return escaped.replace(re, (m) => `**${m}**`);
}

export function escapeMarkdown(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .replace(/([\\`*_\[\]|<>~$])/g, '\\$1')
    .replace(/^(\s*)([#+\-])/, '$1\\$2')
    .replace(/^(\s*\d+)\./, '$1\\.');
}

/**
 * The text that replaces a conflicting value. The engine gives the claim's value as
 * written (`324 passengers`), the range of the differing part in the draft (`324`) and
 * the source's value (`224 passengers`): replace only the part that differs, keeping
 * the words around it, or, when the source words differ (`224 passagiers`), widen the
 * edit to the whole claim value. Returns the replacement and how far to widen (chars).
 */
export function valueReplacement(
  current: string,
  claimValue: string | undefined,
  sourceValue: string,
): { text: string; widenLeft: number; widenRight: number } {
  if (!claimValue || claimValue === current) return { text: sourceValue, widenLeft: 0, widenRight: 0 };
  const i = claimValue.indexOf(current);
  if (i < 0 || current === '') return { text: sourceValue, widenLeft: 0, widenRight: 0 };
  const prefix = claimValue.slice(0, i);
  const suffix = claimValue.slice(i + current.length);
  if (sourceValue.length >= prefix.length + suffix.length && sourceValue.startsWith(prefix) && sourceValue.endsWith(suffix)) {
    return { text: sourceValue.slice(prefix.length, sourceValue.length - suffix.length), widenLeft: 0, widenRight: 0 };
  }
  return { text: sourceValue, widenLeft: prefix.length, widenRight: suffix.length };
}
