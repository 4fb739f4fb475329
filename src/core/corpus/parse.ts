/**
 * Source parsing: bytes of one corpus file -> a document with metadata and passages
 * (sentences with exact ranges in the file as stored). Pure: no I/O, never throws for
 * bad content; problems come back as warnings naming the file.
 */
import type { LanguageCode, LoadWarning, Passage, SourceDocument, WarningCode } from '../types';
import { LineIndex } from '../text/positions';
import { splitSentencesInRange, type SentenceSpan } from '../text/sentences';
import { MaskBuffer, collapseWhitespace } from '../text/mask';
import { maskMarkdown } from '../text/markdown';
import { decodeSource } from './decode';
import { detectLanguage } from './language';
import { fnv1a64 } from './hash';
import { extractHtml } from './html';
import { pageAt, type ExtractedKind, type ExtractedSource } from './extracted';

export interface ParseOptions {
  /** Files larger than this are skipped with `too-large`. Default 5 MiB. */
  maxFileBytes?: number;
  /** Passages kept per file; the rest are dropped with a `passage-cap` warning. Default 20000. */
  maxPassagesPerFile?: number;
  /** The bytes' content hash when the caller has one already (the engine does); else fnv1a64. */
  hash?: string;
  /** PDF and Word files: their text, extracted by the adapter (src/extract) from these bytes. */
  extracted?: ExtractedSource;
}

export interface ParseResult {
  doc?: Omit<SourceDocument, 'key'>;
  warnings: LoadWarning[];
}

export const DEFAULT_MAX_FILE_BYTES = 5 * 1024 * 1024;
export const DEFAULT_MAX_PASSAGES = 20000;

export type SourceKind = 'text' | 'markdown' | 'html' | ExtractedKind;

/** The parser used for a path, by extension (case-insensitive); undefined = unsupported. */
export function sourceKind(path: string): SourceKind | undefined {
  const m = /\.([A-Za-z0-9]+)$/.exec(path);
  const ext = m ? m[1].toLowerCase() : '';
  if (ext === 'txt' || ext === 'text') return 'text';
  if (ext === 'md' || ext === 'markdown') return 'markdown';
  if (ext === 'html' || ext === 'htm' || ext === 'xhtml') return 'html';
  if (ext === 'pdf') return 'pdf';
  if (ext === 'docx') return 'docx';
  if (ext === 'odt') return 'odt';
  return undefined;
}

/** Whether a path is a binary kind whose text an adapter extracts first (PDF, Word). */
export function extractedKind(path: string): ExtractedKind | undefined {
  const k = sourceKind(path);
  return k === 'pdf' || k === 'docx' || k === 'odt' ? k : undefined;
}

export const SUPPORTED_EXTENSIONS = ['.txt', '.text', '.md', '.markdown', '.html', '.htm', '.xhtml', '.pdf', '.docx', '.odt'];

interface Meta {
  title?: string;
  date?: string;
  author?: string;
  outlet?: string;
}

/** Text to split, the blocks to split it in, and how its offsets map to the file. */
interface Prepared {
  /** Text the sentences are found in. */
  text: string;
  blocks: Array<{ start: number; end: number }>;
  /** Map an offset of `text` to an offset of the decoded file (identity when same length). */
  toSource?: { start: Int32Array; end: Int32Array };
  meta: Meta;
  /** Plain text for SourceDocument.text. */
  plain: string;
  /** True when the first block is a deliberate title line (headline, heading). */
  firstIsTitle?: string;
  warnings: Array<{ code: WarningCode; message: string }>;
}

const MONTHS: Record<string, number> = {
  january: 1, jan: 1, januari: 1, february: 2, feb: 2, februari: 2, march: 3, mar: 3, maart: 3, mrt: 3,
  april: 4, apr: 4, may: 5, mei: 5, june: 6, jun: 6, juni: 6, july: 7, jul: 7, juli: 7, august: 8,
  aug: 8, augustus: 8, september: 9, sep: 9, sept: 9, october: 10, oct: 10, oktober: 10, okt: 10,
  november: 11, nov: 11, december: 12, dec: 12,
};

const pad = (n: number) => String(n).padStart(2, '0');

/** Normalize a date to ISO `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; undefined when unreadable. */
export function normalizeDate(input: string | undefined): string | undefined {
  if (!input) return undefined;
  const s = input.trim();
  let m = /^(\d{4})(?:[-/.](\d{1,2})(?:[-/.](\d{1,2}))?)?(?:$|[T\s])/.exec(s);
  if (m) {
    const y = m[1];
    if (!m[2]) return y;
    const mo = Number(m[2]);
    if (mo < 1 || mo > 12) return y;
    if (!m[3]) return `${y}-${pad(mo)}`;
    const d = Number(m[3]);
    if (d < 1 || d > 31) return `${y}-${pad(mo)}`;
    return `${y}-${pad(mo)}-${pad(d)}`;
  }
  // 5 January 2018, 5 jan. 2018
  m = /^(?:\w+,?\s+)?(\d{1,2})\.?\s+([A-Za-z]+)\.?,?\s+(\d{4})\b/.exec(s);
  if (m && MONTHS[m[2].toLowerCase()]) return `${m[3]}-${pad(MONTHS[m[2].toLowerCase()])}-${pad(Number(m[1]))}`;
  // January 5, 2018
  m = /^(?:\w+,?\s+)?([A-Za-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b/.exec(s);
  if (m && MONTHS[m[1].toLowerCase()]) return `${m[3]}-${pad(MONTHS[m[1].toLowerCase()])}-${pad(Number(m[2]))}`;
  // January 2018
  m = /^([A-Za-z]+)\.?\s+(\d{4})\b/.exec(s);
  if (m && MONTHS[m[1].toLowerCase()]) return `${m[2]}-${pad(MONTHS[m[1].toLowerCase()])}`;
  // 05-01-2018 (day first, as in Dutch and British usage)
  m = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})\b/.exec(s);
  if (m) {
    const d = Number(m[1]);
    const mo = Number(m[2]);
    if (mo >= 1 && mo <= 12 && d >= 1 && d <= 31) return `${m[3]}-${pad(mo)}-${pad(d)}`;
  }
  return undefined;
}

const DATE_WORDS = new Set([...Object.keys(MONTHS), 'published', 'updated', 'gepubliceerd', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'maandag', 'dinsdag', 'woensdag', 'donderdag', 'vrijdag', 'zaterdag', 'zondag', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun', 'st', 'nd', 'rd', 'th', 'utc', 'gmt', 'cet', 'cest', 'bst', 'est', 'am', 'pm']);

/** Whether a line holds nothing but a date (and perhaps a weekday/time). */
function isOnlyDate(line: string): boolean {
  for (const w of line.toLowerCase().split(/[^a-z]+/)) if (w && !DATE_WORDS.has(w)) return false;
  return true;
}

function firstString(v: string | string[] | undefined): string | undefined {
  if (Array.isArray(v)) return v.length ? v.join(', ') : undefined;
  return v && v.trim() ? v.trim() : undefined;
}

/** Shorten to about `max` characters at a word boundary, with an ellipsis. */
export function shortenTitle(text: string, max = 80): string {
  const t = collapseWhitespace(text);
  if (t.length <= max) return t.replace(/[.:;,]$/, '');
  let cut = t.lastIndexOf(' ', max - 1);
  if (cut < max / 2) cut = max - 1;
  return `${t.slice(0, cut).replace(/[\s,;:–—-]+$/, '')}…`;
}

/** Whether a line reads as a headline: no terminal period, short, mostly words. */
export function isHeadline(line: string): boolean {
  const t = line.trim();
  if (!t || t.length > 160) return false;
  if (/[.;,:]$/.test(t) && !/\.\.\.$/.test(t)) return false;
  const words = t.split(/\s+/);
  if (words.length > 25 || words.length < 1) return false;
  return /\p{L}/u.test(t);
}

const DATE_PREFIX = /^[ \t]*(?:date|datum)[ \t]+(\d{4}(?:-\d{1,2}(?:-\d{1,2})?)?)(?=\s|$)[ \t]*/i;
const LABEL_LINE = /^[ \t]*(?:\(meta ?data\)[ \t]*)?([A-Za-z][A-Za-z ]{0,24}?)[ \t]*:[ \t]*(\S.*?)[ \t]*$/i;

/** Header labels (lowercase, single spaces) and the metadata field they fill. */
const LABELS: Record<string, 'title' | 'date' | 'author' | 'outlet' | 'skip'> = {
  title: 'title', titel: 'title', headline: 'title', kop: 'title',
  date: 'date', datum: 'date', published: 'date', 'published date': 'date', 'published datetime': 'date',
  'publication date': 'date', 'date published': 'date', pubdate: 'date', datetime: 'date', gepubliceerd: 'date',
  author: 'author', authors: 'author', auteur: 'author', auteurs: 'author', by: 'author', door: 'author', byline: 'author', writer: 'author',
  source: 'outlet', bron: 'outlet', outlet: 'outlet', publisher: 'outlet', uitgever: 'outlet', publication: 'outlet', site: 'outlet', medium: 'outlet',
  copyright: 'skip',
};

const URLISH = /^(?:https?:\/\/|www\.)|@[\w-]+\.[\w.-]+$|^\S+\.(?:com|org|net|nl|be|uk|io)(?:\/\S*)?$/i;
const BYLINE = /^[ \t]*(?:[Bb]y|BY|[Dd]oor|DOOR)[ \t]+(\p{Lu}[\p{L}.'’-]*(?:[ \t]+(?:(?:van|de|der|den|von|la|le|da|di|ter|ten)[ \t]+)*\p{Lu}[\p{L}.'’-]*){0,3}(?:[ \t]*(?:,|and|&|en)[ \t]*\p{Lu}[\p{L}.'’-]*(?:[ \t]+\p{Lu}[\p{L}.'’-]*){0,3})*)[ \t]*$/u;

/** Longest line read as a header line (title, byline, date, label). */
const MAX_HEADER_LINE = 400;

/** Plain text: a leading ` date ...` prefix and header lines (Title:, By ..., Source: ...) are metadata. */
function prepareText(text: string): Prepared {
  const buf = new MaskBuffer(text);
  const meta: Meta = {};
  // Walk the first few lines for metadata.
  const lineRe = /([^\r\n]*)(\r\n|\r|\n|$)/g;
  let m: RegExpExecArray | null;
  let seen = 0;
  let titleFromLabel = false;
  let labelTitle = false;
  while ((m = lineRe.exec(text)) && seen < 8) {
    if (m[0] === '') break;
    const start = m.index;
    const line = m[1];
    if (line.trim() === '') continue;
    seen++;
    const dp = DATE_PREFIX.exec(line);
    if (dp && !meta.date) {
      const d = normalizeDate(dp[1]);
      if (d) {
        meta.date = d;
        buf.blank(start, start + dp[0].length);
        continue;
      }
    }
    // A header line is short; a long one is prose (and the header patterns stay linear:
    // some backtrack on a long run of blanks).
    if (line.length > MAX_HEADER_LINE) continue;
    // A line that is only a date ("5 January 2018", "2018-01-05").
    if (!meta.date && line.trim().length <= 40 && /\b\d{4}\b/.test(line)) {
      const d = normalizeDate(line.trim().replace(/^(?:published|updated|gepubliceerd)\s+/i, ''));
      if (d && isOnlyDate(line)) {
        meta.date = d;
        buf.blank(start, start + line.length);
        continue;
      }
    }
    const by = BYLINE.exec(line);
    if (by && !meta.author) {
      meta.author = by[1].trim();
      buf.blank(start, start + line.length);
      continue;
    }
    const lab = LABEL_LINE.exec(line);
    const field = lab ? LABELS[lab[1].toLowerCase().replace(/\s+/g, ' ')] : undefined;
    if (lab && field) {
      const key = field;
      const value = lab[2];
      if (key === 'skip' && /^\s*\(meta ?data\)/i.test(line)) {
        buf.blank(start, start + line.length);
        continue;
      }
      if (key === 'title' && !meta.title) {
        meta.title = value;
        titleFromLabel = true;
        labelTitle = true;
        // Keep the title text as a passage; blank the label only.
        buf.blank(start, start + line.indexOf(value));
        continue;
      }
      if (key === 'date' && !meta.date && normalizeDate(value)) {
        meta.date = normalizeDate(value);
        buf.blank(start, start + line.length);
        continue;
      }
      // Names and outlets are short; a longer value is prose that happens to start with a label.
      // URLs and e-mail addresses are not names: the line is still metadata, the value unused.
      const nameLike = value.split(/\s+/).length <= 6 && !/[.!?]$/.test(value);
      if ((key === 'author' || key === 'outlet') && nameLike) {
        if (!URLISH.test(value)) {
          if (key === 'author') meta.author ??= value;
          else meta.outlet ??= value;
        }
        buf.blank(start, start + line.length);
        continue;
      }
    }
  }
  // Page titles copied into text files carry the site name ("... | The Guardian").
  if (labelTitle && meta.title) meta.title = pageTitle(meta.title, meta.outlet);
  const masked = buf.toString();
  const prepared: Prepared = {
    text: masked,
    blocks: [{ start: 0, end: masked.length }],
    meta,
    plain: masked.trim(),
    warnings: [],
  };
  if (!titleFromLabel) {
    // First non-empty line as a title when it reads as a headline and stands alone.
    const first = /^\s*([^\r\n]*)(\r\n|\r|\n|$)/.exec(masked);
    if (first && isHeadline(first[1])) {
      const after = masked.slice(first.index + first[0].length);
      const nextLine = /^[^\r\n]*/.exec(after)?.[0] ?? '';
      // A blank line or end after it, or a clearly shorter line than what follows.
      if (nextLine.trim() === '' || first[1].trim().length < 120) prepared.firstIsTitle = first[1].trim();
    }
  }
  return prepared;
}

function prepareMarkdown(text: string): Prepared {
  const md = maskMarkdown(text);
  const meta: Meta = {};
  const warnings: Prepared['warnings'] = [];
  if (md.frontMatter) {
    const f = md.frontMatter.fields;
    meta.title = firstString(f.title);
    const rawDate = firstString(f.date ?? f.published ?? f.datum ?? f.pubdate);
    meta.date = normalizeDate(rawDate);
    if (rawDate && !meta.date) warnings.push({ code: 'malformed', message: `the front matter date "${rawDate}" is not a date` });
    meta.author = firstString(f.author ?? f.authors ?? f.auteur ?? f.by);
    meta.outlet = firstString(f.outlet ?? f.source ?? f.publisher ?? f.site ?? f.publication ?? f.bron);
  } else if (/^---[ \t]*(?:\r\n|\r|\n)/.test(text) && !/(?:\r\n|\r|\n)(?:---|\.\.\.)[ \t]*(?:\r\n|\r|\n|$)/.test(text.slice(3))) {
    warnings.push({ code: 'malformed', message: 'it starts with "---" but the front matter is never closed, so it was read as text' });
  }
  const masked = md.masked;
  const first = md.blocks[0];
  let firstIsTitle: string | undefined;
  if (first && first.kind === 'heading') firstIsTitle = collapseWhitespace(masked.slice(first.start, first.end));
  else if (first) {
    const line = /^[^\r\n]*/.exec(masked.slice(first.start, first.end))?.[0] ?? '';
    if (isHeadline(line) && line.trim().length < 120) firstIsTitle = collapseWhitespace(line);
  }
  // Date prefix as in the plain-text seeds, at the start of the first block.
  if (!meta.date && first) {
    const dp = DATE_PREFIX.exec(masked.slice(first.start, first.end));
    if (dp && normalizeDate(dp[1])) {
      meta.date = normalizeDate(dp[1]);
      md.buffer.blank(first.start, first.start + dp[0].length);
    }
  }
  const finalText = md.buffer.toString();
  return {
    text: finalText,
    blocks: md.blocks,
    meta,
    plain: md.blocks.map((b) => collapseWhitespace(finalText.slice(b.start, b.end))).filter(Boolean).join('\n\n'),
    firstIsTitle,
    warnings,
  };
}

/** A page title without the site name glued to it ("Budget grows | Daily Ledger"). */
function htmlTitle(title: string | undefined, h1: string | undefined, outlet: string | undefined): string | undefined {
  if (!title) return h1;
  const t = title.replace(/\s+/g, ' ').trim();
  if (h1 && t.startsWith(h1) && t.length > h1.length) return h1;
  return pageTitle(t, outlet);
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The two site-name patterns of an outlet (compiled once per outlet name; a corpus has few). */
const OUTLET_RES = new Map<string, [RegExp, RegExp]>();
function outletRes(outlet: string): [RegExp, RegExp] {
  let r = OUTLET_RES.get(outlet);
  if (!r) {
    const o = escapeRe(outlet);
    r = [new RegExp(`^${o}\\s*[-|:–—·•]\\s+`, 'i'), new RegExp(`\\s+[-|:–—·•]\\s*${o}$`, 'i')];
    if (OUTLET_RES.size >= 1000) OUTLET_RES.clear();
    OUTLET_RES.set(outlet, r);
  }
  return r;
}

/**
 * A web page title without the site name glued to it: "Budget grows | Daily Ledger",
 * "BBC News - Budget grows", "Budget grows | World news | The Guardian" -> "Budget grows".
 */
export function pageTitle(title: string, outlet?: string): string {
  let t = title.replace(/\s+/g, ' ').trim();
  if (outlet && outlet.trim()) {
    const [lead, trail] = outletRes(outlet.trim());
    const stripped = t.replace(lead, '').replace(trail, '');
    if (stripped.split(' ').length >= 2) t = stripped;
  }
  if (t.includes(' | ')) {
    const first = t.split(' | ')[0].trim();
    if (first.split(' ').length >= 2) t = first;
  }
  return t;
}

function prepareHtml(text: string): Prepared {
  const h = extractHtml(text);
  const warnings: Prepared['warnings'] = [];
  const meta: Meta = {
    title: htmlTitle(h.meta.title, h.meta.h1, h.meta.outlet),
    date: normalizeDate(h.meta.date),
    author: h.meta.author,
    outlet: h.meta.outlet,
  };
  if (h.problems.length) warnings.push({ code: 'malformed', message: `the HTML could not be fully parsed (${h.problems[0]})` });
  const first = h.blocks[0];
  return {
    text: h.text,
    blocks: h.blocks,
    toSource: { start: h.srcStart, end: h.srcEnd },
    meta,
    plain: h.text,
    firstIsTitle: first && first.kind === 'heading' ? h.text.slice(first.start, first.end) : undefined,
    warnings,
  };
}

/** PDF and Word text from the adapter's extractor: paragraphs, headings, metadata. */
function prepareExtracted(ex: ExtractedSource): Prepared {
  const meta: Meta = { title: ex.meta.title, author: ex.meta.author, date: normalizeDate(ex.meta.date) };
  const text = ex.text;
  const buf = new MaskBuffer(text);
  const first = ex.blocks[0];
  // The seeds' ` date 2018-01-05` prefix survives printing: read it as the date, as for text files.
  if (!meta.date && first) {
    const dp = DATE_PREFIX.exec(text.slice(first.start, first.end));
    if (dp && normalizeDate(dp[1])) {
      meta.date = normalizeDate(dp[1]);
      buf.blank(first.start, first.start + dp[0].length);
    }
  }
  let firstIsTitle: string | undefined;
  if (first && first.kind === 'heading') firstIsTitle = collapseWhitespace(text.slice(first.start, first.end));
  else if (first) {
    const line = text.slice(first.start, first.end);
    if (isHeadline(line) && line.trim().length < 120) firstIsTitle = collapseWhitespace(line);
  }
  // A PDF title that is a file name or a generator's placeholder is no title.
  if (meta.title && (/\.(?:docx?|pdf|html?|txt|md)$/i.test(meta.title) || /^(?:untitled|microsoft word)/i.test(meta.title))) meta.title = undefined;
  return { text: buf.toString(), blocks: ex.blocks, meta, plain: text, firstIsTitle, warnings: [] };
}

const NEEDS_COLLAPSE = /[\t\n\r\f\v\u00a0]| {2}/;
const WS_RUN = /\s+/g;
/** Plain-text passages: whitespace runs to one space (most sentences have none, and are returned as they are). */
function collapsePlain(s: string): string {
  return NEEDS_COLLAPSE.test(s) ? s.replace(WS_RUN, ' ') : s;
}

function warning(path: string, code: WarningCode, message: string, skipped: boolean): LoadWarning {
  return { path, code, message, skipped };
}

/** Parse one source file. */
export function parseSource(path: string, bytes: Uint8Array, options: ParseOptions = {}): ParseResult {
  const maxBytes = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  const maxPassages = options.maxPassagesPerFile ?? DEFAULT_MAX_PASSAGES;
  const warnings: LoadWarning[] = [];
  const kind = sourceKind(path);
  if (!kind) {
    warnings.push(warning(path, 'unsupported-type', `${path}: skipped, the file type is not supported (use ${SUPPORTED_EXTENSIONS.join(', ')}).`, true));
    return { warnings };
  }
  if (bytes.length > maxBytes) {
    warnings.push(
      warning(path, 'too-large', `${path}: skipped, the file is ${formatBytes(bytes.length)}, over the limit of ${formatBytes(maxBytes)} (groundwork.corpus.maxFileBytes).`, true),
    );
    return { warnings };
  }
  const exKind = kind === 'pdf' || kind === 'docx' || kind === 'odt' ? kind : undefined;
  if (exKind) return parseExtracted(path, bytes, exKind, options, warnings, maxPassages);
  const decoded = decodeSource(bytes);
  if (!decoded.ok) {
    warnings.push(warning(path, decoded.code, `${path}: skipped. ${decoded.message}`, true));
    return { warnings };
  }
  if (decoded.fallback) {
    warnings.push(
      warning(
        path,
        'encoding-fallback',
        decoded.encoding === 'windows-1252'
          ? `${path}: the file is not valid UTF-8; it was read as Windows-1252 (Latin-1), so some characters may be wrong.`
          : `${path}: the file contains bytes that are not valid UTF-8; they were replaced by �.`,
        false,
      ),
    );
  }
  const text = decoded.text;
  let prepared: Prepared;
  try {
    prepared = kind === 'markdown' ? prepareMarkdown(text) : kind === 'html' ? prepareHtml(text) : prepareText(text);
  } catch (err) {
    // Defensive: a parser bug must not lose the file; fall back to plain text.
    warnings.push(warning(path, 'malformed', `${path}: the ${kind} structure could not be read (${(err as Error).message}); indexed as plain text.`, false));
    prepared = prepareText(text);
  }
  return finishParse(path, bytes, text, kind, prepared, options, warnings, maxPassages);
}

/** PDF and Word: the adapter's extracted text stands for the file's text. */
function parseExtracted(
  path: string,
  bytes: Uint8Array,
  kind: ExtractedKind,
  options: ParseOptions,
  warnings: LoadWarning[],
  maxPassages: number,
): ParseResult {
  const ex = options.extracted;
  const label = kind === 'pdf' ? 'PDF' : kind === 'odt' ? 'OpenDocument' : 'Word';
  if (!ex || ex.kind !== kind) {
    warnings.push(warning(path, 'unsupported-type', `${path}: skipped, ${label} files are read by the engine worker or the CLI, and no text was extracted here.`, true));
    return { warnings };
  }
  if (ex.failure) {
    warnings.push(warning(path, ex.failure.code, `${path}: ${ex.failure.message}.`, true));
    return { warnings };
  }
  let prepared: Prepared;
  try {
    prepared = prepareExtracted(ex);
  } catch (err) {
    warnings.push(warning(path, 'malformed', `${path}: the extracted ${label} text could not be read (${(err as Error).message}).`, true));
    return { warnings };
  }
  const r = finishParse(path, bytes, ex.text, kind, prepared, options, warnings, maxPassages);
  if (r.doc) {
    r.doc.kind = kind;
    if (ex.pages !== undefined) r.doc.pages = ex.pages;
    if (ex.pageStarts && ex.pageStarts.length > 0) {
      // A passage's page: where its first character is (ranges are in the extracted text, one paragraph per line).
      const lineStarts = new LineIndex(ex.text);
      for (const p of r.doc.passages) p.page = pageAt(ex.pageStarts, lineStarts.offsetAt(p.range.start));
    }
  }
  return r;
}

function finishParse(
  path: string,
  bytes: Uint8Array,
  text: string,
  kind: SourceKind,
  prepared: Prepared,
  options: ParseOptions,
  warnings: LoadWarning[],
  maxPassages: number,
): ParseResult {
  for (const w of prepared.warnings) warnings.push(warning(path, w.code, `${path}: ${w.message}.`, false));

  const language: LanguageCode = detectLanguage(prepared.plain);
  const spans: SentenceSpan[] = [];
  for (const b of prepared.blocks) {
    for (const s of splitSentencesInRange(prepared.text, b.start, b.end, language, { lineBreaks: kind === 'markdown' || kind === 'pdf' || kind === 'docx' || kind === 'odt' ? 'soft' : 'headline' })) spans.push(s);
  }

  const lines = new LineIndex(text);
  const passages: Passage[] = [];
  const collapse = kind === 'text' ? collapsePlain : collapseWhitespace;
  for (const s of spans) {
    if (passages.length >= maxPassages) break;
    const passageText = collapse(s.text);
    if (!passageText) continue;
    let start = s.start;
    let end = s.end;
    if (prepared.toSource) {
      start = prepared.toSource.start[s.start];
      end = prepared.toSource.end[s.end - 1];
    }
    const ordinal = passages.length;
    passages.push({ id: `${path}#${ordinal}`, ordinal, text: passageText, range: lines.rangeAt(start, end) });
  }
  if (spans.length > maxPassages) {
    warnings.push(
      warning(path, 'passage-cap', `${path}: only the first ${maxPassages} of ${spans.length} passages were indexed (groundwork.corpus.maxPassagesPerFile).`, false),
    );
  }
  if (passages.length === 0) {
    warnings.push(warning(path, 'empty', `${path}: skipped, no text was found in it.`, true));
    return { warnings };
  }

  const meta = prepared.meta;
  let title = meta.title ? collapseWhitespace(meta.title) : undefined;
  if (!title && prepared.firstIsTitle) title = shortenTitle(prepared.firstIsTitle, 120);
  if (!title) title = shortenTitle(passages[0].text);

  const doc: Omit<SourceDocument, 'key'> = {
    path,
    title,
    language,
    text: prepared.plain,
    passages,
    hash: options.hash ?? fnv1a64(bytes),
    warnings: warnings.filter((w) => !w.skipped),
  };
  if (meta.date) doc.date = meta.date;
  if (meta.author) doc.author = collapseWhitespace(meta.author);
  if (meta.outlet) doc.outlet = collapseWhitespace(meta.outlet);
  return { doc, warnings };
}

function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${(n / (1024 * 1024)).toFixed(1)} MiB`;
  if (n >= 1024) return `${(n / 1024).toFixed(1)} KiB`;
  return `${n} bytes`;
}
