/**
 * Rule-based sentence splitting for English and Dutch news text, with exact offsets.
 *
 * Three kinds of boundaries, strongest first:
 *   1. a blank line (paragraph break) always ends a sentence;
 *   2. a single line break ends one when the line carries no terminal punctuation and
 *      reads as a headline or caption: the next line starts like a sentence, and the
 *      break is deliberate (the next word would have fitted on the line, so the text is
 *      not merely hard-wrapped);
 *   3. terminal punctuation (. ! ? …), optionally followed by closing quotes/brackets,
 *      then whitespace, then something that can start a sentence; a period after an
 *      abbreviation, an initial or inside a number does not count.
 *
 * Deterministic and linear in the text length. No library: the common JS splitters are
 * English-only or pull in large models, and we need exact offsets plus Dutch abbreviations.
 */
import type { LanguageCode } from '../types';

export interface SentenceSpan {
  /** Offset of the first non-space character (UTF-16). */
  start: number;
  /** Offset just past the last non-space character. */
  end: number;
  /** text.slice(start, end). */
  text: string;
}

/** Sentences longer than this are cut at a line break, semicolon or space. */
export const MAX_SENTENCE_CHARS = 1200;

const TERMINATORS = new Set(['.', '!', '?', '…', '‽']);
const CLOSERS = new Set(['"', "'", '”', '’', '»', '›', ')', ']', '}', '*', '_']);
const OPENERS = new Set(['"', "'", '“', '‘', '„', '‚', '«', '‹', '(', '[', '{', '¿', '¡', '*', '_']);

/** Abbreviations after which a period never ends a sentence (lowercase, no final dot). */
const NEVER_END = new Set([
  // English titles and Latin
  'mr', 'mrs', 'ms', 'messrs', 'mme', 'mlle', 'dr', 'prof', 'st', 'sr', 'gen', 'col', 'lt',
  'sgt', 'capt', 'cpl', 'maj', 'adm', 'cmdr', 'gov', 'sen', 'rep', 'rev', 'fr', 'hon',
  'pres', 'supt', 'insp', 'mt', 'e.g', 'i.e', 'cf', 'viz', 'vs', 'esp',
  'ca', 'c', 'al',
  // Dutch
  'dhr', 'mevr', 'mej', 'drs', 'ir', 'ing', 'mgr', 'ds', 'o.a', 'bijv', 'bv', 'b.v', 'd.w.z',
  'm.a.w', 't.o.v', 'i.p.v', 'a.d.h.v', 'm.b.t', 'i.v.m', 'z.g', 'zgn', 'resp', 'incl',
  'excl', 'ong', 'evt', 'jl', 'a.s', 'd.d', 'm.n', 'n.a.v', 'o.l.v', 'p.p', 't.a.v',
  'e.a', 'e.d', 'i.c', 'vnl', 'gem', 'tel', 'div',
]);

/** Abbreviations that do not end a sentence before a number ("No. 5", "nr. 3"). */
const BEFORE_NUMBER = new Set([
  'no', 'nos', 'nr', 'nrs', 'vol', 'p', 'pp', 'art', 'fig', 'blz', 'ch', 'sec', 'par', 'ed',
  'op', 'nummer', 'tab', 'ex', 'jan', 'feb', 'mar', 'mrt', 'apr', 'jun', 'jul', 'aug',
  'sep', 'sept', 'oct', 'okt', 'nov', 'dec',
]);

/**
 * Abbreviations that may or may not end a sentence: they end one only when the next
 * word is a typical sentence opener ("... in the U.S. The next day ...").
 */
const AMBIGUOUS = new Set([
  'inc', 'ltd', 'co', 'corp', 'jr', 'bros', 'dept', 'univ', 'est', 'assn',
  'jan', 'feb', 'mar', 'mrt', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'okt',
  'nov', 'dec', 'a.m', 'p.m', 'ave', 'blvd', 'rd', 'sq', 'gebr', 'ft',
  'mln', 'mld', 'mrd', 'min', 'max', 'bn', 'mn', 'approx',
]);

/** Words that typically open a sentence (capitalized) in English and Dutch. */
const SENTENCE_OPENERS = new Set([
  'the', 'a', 'an', 'this', 'that', 'these', 'those', 'he', 'she', 'it', 'we', 'they', 'i',
  'you', 'in', 'on', 'at', 'but', 'and', 'however', 'meanwhile', 'there', 'his', 'her',
  'its', 'their', 'our', 'my', 'after', 'before', 'when', 'while', 'if', 'as', 'according',
  'since', 'so', 'yet', 'for', 'to', 'from', 'with', 'by', 'what', 'who', 'why', 'how',
  'some', 'many', 'most', 'all', 'one', 'two', 'no', 'not', 'also', 'then', 'later',
  'de', 'het', 'een', 'dit', 'dat', 'deze', 'die', 'hij', 'zij', 'ze', 'wij', 'ik', 'jij',
  'op', 'maar', 'en', 'volgens', 'er', 'toen', 'na', 'voor', 'bij', 'ook', 'dan', 'daarna',
  'zo', 'wat', 'wie', 'waarom', 'hoe', 'ook', 'nog', 'in', 'met', 'om', 'als', 'omdat',
  "i'm", "it's", "that's", "there's", "he's", "she's", "we're", "they're", "we've", "i've",
  "don't", "it’s", "i’m", "that’s", "there’s", 'now', 'still', 'even', 'both', 'each',
  'every', 'such', 'only', 'other', 'others', 'last', 'next', 'first', 'instead',
]);

const isSpace = (c: string): boolean => c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\f' || c === '\v' || c === '\u00a0' || c === '\u2028' || c === '\u2029' || c === '\u3000' || c === '\u2009' || c === '\u202f' || c === '\u200b';
const isLineBreak = (c: string): boolean => c === '\n' || c === '\r';
const isUpper = (c: string): boolean => c !== c.toLowerCase() && c === c.toUpperCase();
const isLower = (c: string): boolean => c !== c.toUpperCase() && c === c.toLowerCase();
const isDigit = (c: string): boolean => c >= '0' && c <= '9';
const HAS_WORD = /[\p{L}\p{N}]/u;

export interface SplitOptions {
  /**
   * How a single line break counts: 'headline' (default, plain text) ends a sentence after
   * a headline/caption line; 'soft' never does (Markdown and LaTeX, where a single line
   * break inside a paragraph is just a space).
   */
  lineBreaks?: 'headline' | 'soft';
}

/** Split `text` into sentences. Offsets are into `text`; each span is trimmed. */
export function splitSentences(text: string, lang: LanguageCode = 'und'): SentenceSpan[] {
  return splitSentencesInRange(text, 0, text.length, lang);
}

/**
 * Split the part [from, to) of `text` into sentences, treating `from` and `to` as hard
 * boundaries. Offsets stay relative to the whole `text`.
 */
export function splitSentencesInRange(
  text: string,
  from: number,
  to: number,
  lang: LanguageCode = 'und',
  options: SplitOptions = {},
): SentenceSpan[] {
  void lang; // both languages share the rules; the abbreviation lists cover en and nl.
  const out: SentenceSpan[] = [];
  for (const [ps, pe] of paragraphs(text, from, to)) {
    const segments = options.lineBreaks === 'soft' ? [[ps, pe] as [number, number]] : softSegments(text, ps, pe);
    for (const [ss, se] of segments) {
      splitByPunctuation(text, ss, se, out);
    }
  }
  return out;
}

/** Paragraphs: parts separated by a line break followed by a blank line. */
function paragraphs(text: string, from: number, to: number): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let start = from;
  let i = from;
  while (i < to) {
    const c = text[i];
    if (isLineBreak(c)) {
      // Look for a second line break with only spaces in between.
      let j = i + (c === '\r' && text[i + 1] === '\n' ? 2 : 1);
      let k = j;
      while (k < to && (text[k] === ' ' || text[k] === '\t' || text[k] === '\u00a0')) k++;
      if (k < to && isLineBreak(text[k])) {
        out.push([start, i]);
        // Skip the whole run of blank lines.
        j = k;
        while (j < to && isSpace(text[j])) j++;
        start = j;
        i = j;
        continue;
      }
      i = j;
      continue;
    }
    i++;
  }
  if (start < to) out.push([start, to]);
  return out;
}

interface Line {
  start: number;
  end: number;
}

/** Split a paragraph at single line breaks that end a headline or caption. */
function softSegments(text: string, from: number, to: number): Array<[number, number]> {
  const lines: Line[] = [];
  let s = from;
  for (let i = from; i < to; i++) {
    const c = text[i];
    if (isLineBreak(c)) {
      lines.push({ start: s, end: i });
      if (c === '\r' && text[i + 1] === '\n') i++;
      s = i + 1;
    }
  }
  lines.push({ start: s, end: to });
  if (lines.length === 1) return [[from, to]];

  const trimmed = lines.map((l) => trimSpan(text, l.start, l.end));
  let maxLen = 0;
  for (const t of trimmed) maxLen = Math.max(maxLen, t.end - t.start);

  const out: Array<[number, number]> = [];
  let segStart = from;
  for (let k = 0; k < lines.length - 1; k++) {
    const t = trimmed[k];
    if (t.end <= t.start) continue;
    // Find the next non-empty line.
    let n = k + 1;
    while (n < lines.length && trimmed[n].end <= trimmed[n].start) n++;
    if (n >= lines.length) break;
    if (isHeadlineBreak(text, t, trimmed[n], maxLen)) {
      out.push([segStart, t.end]);
      segStart = trimmed[n].start;
    }
  }
  out.push([segStart, to]);
  return out;
}

/** A line that starts a list item ("- ", "• ", "1. ", "2) "). */
const LIST_ITEM = /^(?:[-*•▪–]\s+|#{1,6}\s+\S|\d{1,3}[.)]\s+\S)/;

function isHeadlineBreak(text: string, line: Line, next: Line, maxLen: number): boolean {
  if (LIST_ITEM.test(text.slice(next.start, Math.min(next.end, next.start + 8)))) return true;
  const last = text[line.end - 1];
  // Lines with terminal punctuation are handled by the punctuation rule.
  let e = line.end;
  while (e > line.start && CLOSERS.has(text[e - 1]) && text[e - 1] !== '*' && text[e - 1] !== '_') e--;
  if (e > line.start && TERMINATORS.has(text[e - 1])) return false;
  if (',;:-–—(/&+='.includes(last)) return false;
  const lineText = text.slice(line.start, line.end);
  // A photo credit after a caption ("... in the morning. Foto: ANP").
  if (CREDIT.test(lastFragment(lineText)) && startsSentence(text, next.start, next.end)) return true;
  const words = lineText.split(/\s+/).filter(Boolean);
  if (words.length > 30) return false;
  if (!startsSentence(text, next.start, next.end)) return false;
  // Wrapped prose breaks only where the next word would not have fitted.
  const firstWord = /^\S+/.exec(text.slice(next.start, Math.min(next.end, next.start + 80)));
  const nextWordLen = firstWord ? firstWord[0].length : 0;
  const len = line.end - line.start;
  if (len + 1 + nextWordLen <= maxLen) return true;
  // A line that fills the width: break only when it is clearly a title (Title Case).
  return isTitleCase(words);
}

const CREDIT = /^(?:foto|photo|photos|beeld|image|picture|credit|credits|illustratie|illustration|video|bron|source)\s*:\s*\S.{0,60}$/i;

/** The part of a line after its last sentence-final punctuation. */
function lastFragment(line: string): string {
  const m = /[.!?…]["'”’)\]]*\s+([^.!?…]*)$/.exec(line);
  return (m ? m[1] : line).trim();
}

function isTitleCase(words: string[]): boolean {
  const letters = words.filter((w) => /^\p{L}/u.test(w));
  if (letters.length < 2) return false;
  const caps = letters.filter((w) => isUpper(w[0])).length;
  return caps / letters.length >= 0.75;
}

/** Whether the text at `i` can start a sentence (not a lowercase continuation). */
function startsSentence(text: string, i: number, end: number): boolean {
  let j = i;
  while (j < end && OPENERS.has(text[j])) j++;
  if (j >= end) return true;
  const c = text[j];
  if (isLower(c)) return false;
  return true;
}

function trimSpan(text: string, start: number, end: number): Line {
  let s = start;
  let e = end;
  while (s < e && isSpace(text[s])) s++;
  while (e > s && isSpace(text[e - 1])) e--;
  return { start: s, end: e };
}

const FIND_TERMINATOR = /[.!?…‽]/g;
/** The last search: in `text` from `from`, the next terminator is at `hit` (-1: none). */
let lastSearch = { text: '', from: 0, hit: -1 };

/**
 * Offset of the next terminator at or after `i`, or -1. The search may run past the
 * current block, so its answer is kept: the following blocks of a text without
 * terminators then cost nothing (else every block rescans the rest of the text).
 */
function nextTerminator(text: string, i: number): number {
  const c = lastSearch;
  if (c.text === text && c.from <= i && (c.hit < 0 || c.hit >= i)) return c.hit;
  FIND_TERMINATOR.lastIndex = i;
  const m = FIND_TERMINATOR.exec(text);
  lastSearch = { text, from: i, hit: m ? m.index : -1 };
  return lastSearch.hit;
}

function splitByPunctuation(text: string, from: number, to: number, out: SentenceSpan[]): void {
  let sentStart = from;
  let i = from;
  while (i < to) {
    // Jump to the next terminator (a native scan, much faster than a per-character loop).
    const hit = nextTerminator(text, i);
    if (hit < 0 || hit >= to) break;
    i = hit;
    let j = i;
    while (j < to && TERMINATORS.has(text[j])) j++;
    let k = j;
    while (k < to && CLOSERS.has(text[k])) k++;
    if (k >= to) break;
    if (!isSpace(text[k])) {
      i = j;
      continue;
    }
    let n = k;
    while (n < to && isSpace(text[n])) n++;
    if (n >= to) break;
    if (endsSentence(text, sentStart, i, j, n, to)) {
      emit(text, sentStart, k, out);
      sentStart = n;
    }
    i = n;
  }
  emit(text, sentStart, to, out);
}

/**
 * Decide whether the terminator run text[i..j) ends the sentence that began at
 * `sentStart`, given that the next sentence would start at `n`.
 */
function endsSentence(text: string, sentStart: number, i: number, j: number, n: number, to: number): boolean {
  // What comes next, past opening quotes/brackets.
  let m = n;
  while (m < to && OPENERS.has(text[m])) m++;
  let next = m < to ? text[m] : '';
  // Dutch sentences may open with a lowercase elided article: "'s Avonds", "'t Is".
  if (m > n && /^['’][st]\s/.test(text.slice(m - 1, m + 2))) next = 'S';
  if (next && isLower(next)) return false;
  const term = text.slice(i, j);
  if (term === '!') {
    // Brand names with a bang ("Shout! Factory", "Yahoo! News"): a capitalized word, "!",
    // then a capitalized word that does not typically open a sentence.
    let ws = i;
    while (ws > sentStart && !isSpace(text[ws - 1])) ws--;
    const before = text.slice(ws, i).replace(/^["'“‘(]+/, '');
    const nw = readWord(text, m, to);
    if (/^\p{Lu}[\p{L}]*$/u.test(before) && nw && /^\p{Lu}/u.test(nw) && !SENTENCE_OPENERS.has(nw.toLowerCase()) && m === n) return false;
    return true;
  }
  if (term.includes('?') || term.includes('!') || term.includes('‽')) return true;
  if (term === '…' || term.length >= 3) {
    // Ellipsis: ends a sentence only before a capital or an opening quote.
    return next === '' || isUpper(next) || m > n;
  }
  // A single period: look at the word before it.
  let ws = i;
  while (ws > sentStart && !isSpace(text[ws - 1])) ws--;
  let word = text.slice(ws, i);
  while (word.length > 0 && OPENERS.has(word[0])) word = word.slice(1);
  if (word === '') return true;
  const lower = word.toLowerCase();
  // ALL-CAPS words (FT, MS, BBC) are acronyms, not the titles/abbreviations below ("Ms.").
  const allCaps = word.length >= 2 && !word.includes('.') && word === word.toUpperCase() && /\p{Lu}/u.test(word);
  const nextWordAt = () => readWord(text, m, to);
  const nextIsNumber = next !== '' && isDigit(next);

  if (!allCaps && NEVER_END.has(lower)) return false;
  // "Brown v. Board of Education" (lowercase v only: "Henry V." is a numeral).
  if (word === 'v') return false;
  // List enumerators at the start of a line ("1. The ferry ...", "2) ...").
  if (/^\d{1,3}$/.test(word) && (ws === sentStart || /[\r\n]/.test(text[ws - 1] ?? '\n'))) return false;
  if (BEFORE_NUMBER.has(lower) && nextIsNumber) return false;
  // Initials: "J. K. Rowling", "Donald J. Trump". A capital letter ends a sentence only
  // before a typical sentence opener ("grade A. The next ...").
  if (/^\p{Lu}$/u.test(word)) {
    if (/^\p{Lu}\./u.test(text.slice(m, m + 2))) return false;
    return SENTENCE_OPENERS.has(nextWordAt().toLowerCase());
  }
  // Dotted acronyms (U.S., U.K., a.m., n.v.) and other ambiguous abbreviations.
  if ((!allCaps && AMBIGUOUS.has(lower)) || /^(?:\p{L}\.)+\p{L}$/u.test(word)) {
    const nextWord = nextWordAt();
    if (nextWord === '') return true;
    return SENTENCE_OPENERS.has(nextWord.toLowerCase());
  }
  return true;
}

function readWord(text: string, i: number, to: number): string {
  let e = i;
  while (e < to && /[\p{L}\p{N}'’-]/u.test(text[e])) e++;
  return text.slice(i, e);
}

/** A list or heading marker at the start of a sentence: "- ", "* ", "• ", "## ", "1. ", "2) ". */
const LEADING_MARKER = /^(?:[-*•▪–]|#{1,6}|\d{1,3}[.)])[ \t]+(?=\S)/;

function emit(text: string, start: number, end: number, out: SentenceSpan[]): void {
  const t = trimSpan(text, start, end);
  if (t.end <= t.start) return;
  const marker = LEADING_MARKER.exec(text.slice(t.start, Math.min(t.end, t.start + 12)));
  if (marker && marker[0].length < t.end - t.start) t.start += marker[0].length;
  const slice = text.slice(t.start, t.end);
  if (!HAS_WORD.test(slice)) return;
  if (t.end - t.start <= MAX_SENTENCE_CHARS) {
    out.push({ start: t.start, end: t.end, text: slice });
    return;
  }
  // Over-long run-on text (tables, lists without punctuation): cut it into pieces.
  let s = t.start;
  while (s < t.end) {
    if (t.end - s <= MAX_SENTENCE_CHARS) {
      emit(text, s, t.end, out);
      return;
    }
    const window = text.slice(s, s + MAX_SENTENCE_CHARS);
    let cut = Math.max(window.lastIndexOf('\n'), window.lastIndexOf('; ') + 1);
    if (cut < MAX_SENTENCE_CHARS / 3) cut = window.lastIndexOf(' ');
    if (cut < MAX_SENTENCE_CHARS / 3) cut = MAX_SENTENCE_CHARS;
    const piece = trimSpan(text, s, s + cut);
    if (piece.end > piece.start && HAS_WORD.test(text.slice(piece.start, piece.end))) {
      out.push({ start: piece.start, end: piece.end, text: text.slice(piece.start, piece.end) });
    }
    s += cut;
  }
}
