/**
 * Pure text helpers for the editor features (no 'vscode' import, unit-tested in Node):
 * where a citation completion starts, which sentence the cursor is in, which citation
 * key is under the cursor, and how a citation or an ignore directive is written in
 * each draft format.
 */
import type { DraftFormat } from '../core/types';

/** Characters a citation key may contain (Pandoc's rule, roughly). */
const KEY_CHAR = String.raw`[\p{L}\p{N}_:.#$%&+?<>~/\-]`;

export interface CompletionContext {
  /** What the user has typed of the key so far. */
  prefix: string;
  /** Character (in the line) where the key starts: the completion replaces [start, cursor). */
  start: number;
}

const MD_AT = new RegExp(String.raw`(?:^|[\s\[;\-])@(${KEY_CHAR}*)$`, 'u');
const PLAIN_AT = new RegExp(String.raw`\[@(${KEY_CHAR}*)$`, 'u');
const TEX_CITE = new RegExp(String.raw`\\[A-Za-z]*cite[A-Za-z]*\*?(?:\[[^\]\n]*\]){0,2}\{([^{}\n]*)$`);

/**
 * Decide whether a citation completion applies at the end of `before` (the line's text
 * up to the cursor). Markdown: `@` after start of line, space, `[`, `;` or `-` (so e-mail
 * addresses do not trigger). Plain text: `[@`. LaTeX: inside `\cite{...}` after `{` or `,`.
 */
export function completionContext(format: DraftFormat, before: string): CompletionContext | undefined {
  if (format === 'latex') {
    const m = TEX_CITE.exec(before);
    if (!m) return undefined;
    const inside = m[1];
    const lastComma = inside.lastIndexOf(',');
    const typed = inside.slice(lastComma + 1);
    const prefix = typed.trimStart();
    return { prefix, start: before.length - prefix.length };
  }
  const m = (format === 'markdown' ? MD_AT : PLAIN_AT).exec(before);
  if (!m) return undefined;
  return { prefix: m[1], start: before.length - m[1].length };
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

/**
 * The sentence around `offset` in `text`: from after the previous sentence end
 * (`.`, `!`, `?` followed by white space, or a blank line) to the next one. A cheap
 * approximation used to rank completions while the sentence is being written; the
 * engine's own splitter decides what is checked.
 */
export function sentenceAround(text: string, offset: number): Span {
  const isBoundaryAt = (i: number): boolean => {
    // boundary between i-1 and i
    const prev = text[i - 1];
    const cur = text[i];
    if (prev === '\n' && (cur === '\n' || (cur === '\r' && text[i + 1] === '\n'))) return true;
    if (prev === undefined) return true;
    if (/[.!?]/.test(prev) && (cur === undefined || /\s/.test(cur))) {
      // not after a single capital initial or a number like "3.5"
      const before = text.slice(Math.max(0, i - 4), i - 1);
      if (/(?:^|\s)[A-Z]$/.test(before)) return false;
      return true;
    }
    return false;
  };
  let start = Math.min(Math.max(0, offset), text.length);
  while (start > 0 && !isBoundaryAt(start)) start--;
  while (start < text.length && /\s/.test(text[start]) && start < offset) start++;
  let end = Math.min(Math.max(0, offset), text.length);
  while (end < text.length && !isBoundaryAt(end)) end++;
  return { start, end };
}

/**
 * The sentence a citation at `offset` is for: the sentence around the cursor, or, when
 * that holds no words besides the citation (`…in 2014. [@`), the sentence before it.
 * Citation markers are removed.
 */
export function sentenceForCitation(text: string, offset: number): string {
  const span = sentenceAround(text, offset);
  const own = stripCitations(text.slice(span.start, span.end));
  if (/[\p{L}\p{N}]{2,}/u.test(own) || span.start === 0) return own;
  let back = span.start;
  while (back > 0 && /\s/.test(text[back - 1])) back--;
  if (back === 0) return own;
  const prev = sentenceAround(text, back - 1);
  return stripCitations(text.slice(prev.start, prev.end));
}

/** Remove citation markers so the remaining words can be matched against sources. */
export function stripCitations(sentence: string): string {
  return sentence
    .replace(/\[[^\]]*@[^\]]*\]?/g, ' ')
    .replace(/\\[A-Za-z]*cite[A-Za-z]*\*?(?:\[[^\]]*\])*\{[^}]*\}?/g, ' ')
    .replace(new RegExp(String.raw`(^|[\s;\-])@${KEY_CHAR}*`, 'gu'), '$1')
    .replace(/\s+/g, ' ')
    .trim();
}

export interface KeyAt {
  key: string;
  /** Characters in the line. */
  start: number;
  end: number;
}

/** The citation key under `character` in `line`, if the cursor is on one. */
export function citationKeyAt(format: DraftFormat, line: string, character: number): KeyAt | undefined {
  const hits: KeyAt[] = [];
  if (format === 'latex') {
    const re = /\\[A-Za-z]*cite[A-Za-z]*\*?(?:\[[^\]\n]*\]){0,2}\{([^{}\n]*)\}/g;
    for (let m = re.exec(line); m; m = re.exec(line)) {
      let pos = m.index + m[0].length - 1 - m[1].length;
      for (const part of m[1].split(',')) {
        const lead = part.length - part.trimStart().length;
        const key = part.trim();
        if (key) hits.push({ key, start: pos + lead, end: pos + lead + key.length });
        pos += part.length + 1;
      }
    }
  } else {
    const re = new RegExp(String.raw`(^|[\s\[;\-])@(${KEY_CHAR}+)`, 'gu');
    for (let m = re.exec(line); m; m = re.exec(line)) {
      let key = m[2];
      // a trailing '.' or ':' ends the sentence, not the key
      key = key.replace(/[.:]+$/, '');
      const start = m.index + m[1].length + 1;
      hits.push({ key, start, end: start + key.length });
    }
  }
  return hits.find((h) => character >= h.start - 1 && character <= h.end);
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
