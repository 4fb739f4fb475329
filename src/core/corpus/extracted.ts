/**
 * Text extracted from binary sources (PDF, Word) by a library outside the engine, and the
 * pure layout step that turns a PDF's positioned text items into paragraphs with pages.
 *
 * The engine has no I/O and parses synchronously; PDF and Word libraries are asynchronous
 * and large. So the adapters (the engine worker, the CLI) run the library on the bytes
 * (src/extract/) and hand the engine an `ExtractedSource` with the bytes; the engine keeps
 * hashing the original bytes, so an unchanged file is never extracted twice.
 */
import type { WarningCode } from '../types';

export type ExtractedKind = 'pdf' | 'docx' | 'odt';

export type BlockKind = 'heading' | 'paragraph' | 'list' | 'quote' | 'table' | 'caption';

export interface ExtractedSource {
  kind: ExtractedKind;
  /** The extracted text: one paragraph per line, a blank line between paragraphs. Passage ranges point into it. */
  text: string;
  /** Paragraph ranges in `text`. */
  blocks: Array<{ start: number; end: number; kind: BlockKind }>;
  /** PDF: offset in `text` where each page's text begins (index 0 = page 1). */
  pageStarts?: number[];
  /** PDF: number of pages. */
  pages?: number;
  meta: { title?: string; author?: string; date?: string };
  /** Non-fatal notes (e.g. running headers dropped). */
  notes?: string[];
  /** Set when nothing could be extracted: the file is skipped with this warning. */
  failure?: { code: WarningCode; message: string };
}

/** The page (1-based) of a text offset, from `pageStarts`. */
export function pageAt(pageStarts: readonly number[], offset: number): number {
  let lo = 0;
  let hi = pageStarts.length - 1;
  let best = 0;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (pageStarts[mid] <= offset) {
      best = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return best + 1;
}

// ---- PDF layout ------------------------------------------------------------------------

/** One text item of a PDF page (pdf.js `getTextContent`), in PDF user space (y grows upwards). */
export interface PdfItem {
  str: string;
  x: number;
  y: number;
  width: number;
  /** Font size (the item's height); 0 for pure spacing items. */
  size: number;
  hasEOL?: boolean;
}

export interface PdfPage {
  items: PdfItem[];
  /** Page height (for top/bottom bands). */
  height: number;
}

interface Line {
  text: string;
  y: number;
  x: number;
  /** Where the line ends (x). */
  right: number;
  size: number;
  page: number;
}

/** Lines of one page in content-stream order (pdf.js gives reading order for tagged and most generated PDFs). */
function pageLines(page: PdfPage, pageNo: number): Line[] {
  const lines: Line[] = [];
  let cur: Line | undefined;
  let endX = 0;
  for (const it of page.items) {
    const s = it.str;
    if (s === '') {
      if (it.hasEOL && cur) {
        lines.push(cur);
        cur = undefined;
      }
      continue;
    }
    const size = it.size > 0 ? it.size : cur?.size ?? 10;
    const sameLine = cur !== undefined && Math.abs(it.y - cur.y) <= Math.max(1, 0.4 * Math.max(size, cur.size));
    if (!sameLine) {
      if (cur) lines.push(cur);
      cur = { text: '', y: it.y, x: it.x, right: it.x, size: it.size > 0 ? it.size : 0, page: pageNo };
      endX = it.x;
    }
    const line = cur!;
    if (line.text !== '' && !/\s$/.test(line.text) && !/^\s/.test(s)) {
      const gap = it.x - endX;
      if (gap > 0.18 * size) line.text += ' ';
    }
    line.text += s;
    if (it.size > line.size) line.size = it.size;
    endX = it.x + it.width;
    if (s.trim() !== '' && endX > line.right) line.right = endX;
    if (it.hasEOL) {
      lines.push(line);
      cur = undefined;
    }
  }
  if (cur) lines.push(cur);
  for (const l of lines) l.text = l.text.replace(/\s+/g, ' ').trim();
  return lines.filter((l) => l.text !== '');
}

const PAGE_NUMBER = /^(?:[-–—]\s*)?(?:(?:page|pagina|p\.|pg\.?|blz\.?)\s*)?(?:\d{1,4}|[ivxlc]{1,6})(?:\s*(?:\/|of|van)\s*\d{1,4})?(?:\s*[-–—])?$/i;

/** A line's signature for running-header detection: digits and case do not matter. */
function signature(text: string): string {
  return text.toLowerCase().replace(/\d+/g, '#').replace(/\s+/g, ' ').trim();
}

/** How many lines at the top and at the bottom of a page may be running headers or footers. */
const EDGE_LINES = 2;

/**
 * Drop running headers, footers and page numbers: lines at the top or bottom of a page
 * that are only a page number, or whose text (digits aside) repeats at the edge of at
 * least half the pages (and at least two).
 */
function dropRunningLines(pages: Line[][]): { pages: Line[][]; dropped: number } {
  const edge = (lines: Line[]): Line[] => {
    if (lines.length === 0) return [];
    const byY = [...lines].sort((a, b) => b.y - a.y);
    const n = Math.min(EDGE_LINES, Math.floor(byY.length / 2));
    return [...byY.slice(0, n), ...byY.slice(byY.length - n)].concat(byY.length === 1 ? byY : []);
  };
  const counts = new Map<string, number>();
  const edges = pages.map(edge);
  for (const e of edges) {
    const seen = new Set<string>();
    for (const l of e) seen.add(signature(l.text));
    for (const s of seen) counts.set(s, (counts.get(s) ?? 0) + 1);
  }
  const minRepeat = Math.max(2, Math.ceil(pages.length / 2));
  let dropped = 0;
  const out = pages.map((lines, i) => {
    const drop = new Set<Line>();
    for (const l of edges[i]) {
      if (PAGE_NUMBER.test(l.text) || (pages.length >= 2 && (counts.get(signature(l.text)) ?? 0) >= minRepeat)) drop.add(l);
    }
    dropped += drop.size;
    return lines.filter((l) => !drop.has(l));
  });
  return { pages: out, dropped };
}

function median(xs: number[]): number {
  if (xs.length === 0) return 0;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

const ENDS_SENTENCE = /[.!?:;"”’)\]]$/;
const HYPHEN_END = /(\p{L})[-\u00ad\u2010]$/u;
const STARTS_LOWER = /^\p{Ll}/u;

/**
 * Paragraphs from the lines of all pages, with the page each line starts on.
 * A paragraph ends at a vertical gap wider than the usual line spacing, a change of font
 * size, or a page break after a line that ends a sentence.
 */
export function layoutPdf(pagesIn: PdfPage[]): Pick<ExtractedSource, 'text' | 'blocks' | 'pageStarts' | 'pages'> & { dropped: number } {
  const raw = pagesIn.map((p, i) => pageLines(p, i + 1));
  const { pages, dropped } = dropRunningLines(raw);
  const all = pages.flat();
  const bodySize = median(all.map((l) => l.size).filter((s) => s > 0));
  const spacings: number[] = [];
  for (const lines of pages) for (let i = 1; i < lines.length; i++) {
    const dy = lines[i - 1].y - lines[i].y;
    if (dy > 0 && Math.abs(lines[i].size - bodySize) < 0.5) spacings.push(dy);
  }
  const spacing = median(spacings) || bodySize * 1.2 || 12;
  // The usual text column: a line ending well short of its right edge ends a paragraph.
  const left = median(all.map((l) => l.x));
  const right = median(all.map((l) => l.right));
  const short = (l: Line): boolean => right - left > 0 && l.right < left + 0.7 * (right - left);
  // Words as written elsewhere in the document decide whether a line-end hyphen is part of the word.
  const words = new Set<string>();
  for (const l of all) for (const w of l.text.toLowerCase().split(/[^\p{L}\p{N}-]+/u)) if (w) words.add(w);

  type Para = { lines: Line[]; size: number };
  const paras: Para[] = [];
  let cur: Para | undefined;
  let prev: Line | undefined;
  for (const l of all) {
    let brk = !cur || !prev;
    if (cur && prev) {
      const sizeChange = Math.abs(l.size - prev.size) > Math.max(0.6, 0.12 * bodySize);
      if (l.page !== prev.page) brk = sizeChange || ENDS_SENTENCE.test(prev.text) || short(prev);
      else {
        const dy = prev.y - l.y;
        // Line spacing grows with the font size (a heading's lines are further apart).
        const scale = bodySize > 0 && l.size > bodySize ? l.size / bodySize : 1;
        brk = sizeChange || dy > spacing * scale * 1.45 || dy < -spacing * 0.5;
      }
    }
    if (brk) {
      cur = { lines: [], size: l.size };
      paras.push(cur);
    }
    cur!.lines.push(l);
    prev = l;
  }

  const pageStarts: number[] = new Array(pagesIn.length).fill(-1);
  const blocks: ExtractedSource['blocks'] = [];
  let text = '';
  for (const p of paras) {
    if (text !== '') text += '\n\n';
    const start = text.length;
    for (let i = 0; i < p.lines.length; i++) {
      const l = p.lines[i];
      if (i > 0) {
        const h = HYPHEN_END.exec(text);
        if (h && STARTS_LOWER.test(l.text)) {
          const hyphen = text[text.length - 1];
          const before = /[\p{L}\p{N}]+-?$/u.exec(text.slice(0, -1))?.[0] ?? '';
          const after = /^[\p{L}\p{N}]+/u.exec(l.text)?.[0] ?? '';
          const joined = (before + after).toLowerCase();
          const keep = hyphen === '-' && !words.has(joined) && words.has(`${before}-${after}`.toLowerCase());
          text = keep ? text : text.slice(0, -1);
        } else if (h && /^\p{Lu}/u.test(l.text)) {
          // "al-" + "Maqdisi": a compound broken at its hyphen; the hyphen stays, no space.
          if (text[text.length - 1] !== '-') text = `${text.slice(0, -1)}-`;
        } else text += ' ';
      }
      if (pageStarts[l.page - 1] < 0) pageStarts[l.page - 1] = text.length;
      text += l.text;
    }
    const kind: BlockKind = p.size > bodySize * 1.15 && p.lines.length <= 4 ? 'heading' : 'paragraph';
    blocks.push({ start, end: text.length, kind });
  }
  // Pages without text start where the next page does.
  let next = text.length;
  for (let i = pageStarts.length - 1; i >= 0; i--) {
    if (pageStarts[i] < 0) pageStarts[i] = next;
    else next = pageStarts[i];
  }
  return { text, blocks, pageStarts, pages: pagesIn.length, dropped };
}
