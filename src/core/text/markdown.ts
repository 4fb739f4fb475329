/**
 * Markdown masking: blank out Markdown syntax while keeping every offset, and report the
 * prose blocks (headings, paragraphs, list items, block quotes, table cells) so sentence
 * splitting never runs across a block boundary. Used for Markdown sources and drafts.
 *
 * Not a full CommonMark parser: a line-based block pass (front matter, fences, indented
 * code, headings, lists, quotes, tables, reference definitions, thematic breaks) and an
 * inline pass (code spans, images, links keep their text, autolinks, raw URLs, inline
 * HTML, emphasis markers, escapes, footnote markers). Good enough for prose; exact offsets.
 */
import { MaskBuffer } from './mask';

export type BlockKind = 'heading' | 'paragraph' | 'list' | 'quote' | 'table' | 'caption';

export interface Block {
  start: number;
  end: number;
  kind: BlockKind;
}

export interface HtmlComment {
  start: number;
  end: number;
  body: string;
}

export interface FrontMatter {
  start: number;
  end: number;
  /** Raw YAML between the fences. */
  raw: string;
  fields: Record<string, string | string[]>;
}

export interface MaskedMarkdown {
  masked: string;
  blocks: Block[];
  comments: HtmlComment[];
  frontMatter?: FrontMatter;
  buffer: MaskBuffer;
}

export interface MaskMarkdownOptions {
  /** Called before the inline pass so callers can blank extra spans (e.g. citations). */
  beforeInline?: (buf: MaskBuffer, text: string) => void;
}

interface Line {
  start: number;
  /** End of content, before the line break. */
  end: number;
  text: string;
}

function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let s = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) {
      lines.push({ start: s, end: i, text: text.slice(s, i) });
      if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
      s = i + 1;
    }
  }
  lines.push({ start: s, end: text.length, text: text.slice(s) });
  return lines;
}

/** Parse a small YAML subset: `key: value`, quoted values, `key: [a, b]`, `key:\n  - a`. */
export function parseSimpleYaml(raw: string): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  let listKey: string | undefined;
  const unquote = (v: string): string => {
    const t = v.trim();
    if ((t.startsWith('"') && t.endsWith('"')) || (t.startsWith("'") && t.endsWith("'"))) return t.slice(1, -1).trim();
    // A comment: from the first blank before a `#` (found without a backtracking `\s+#`).
    const hash = t.search(/\s#/);
    return (hash >= 0 ? t.slice(0, hash) : t).trim();
  };
  for (const line of raw.split(/\r\n|\r|\n/)) {
    const item = /^\s+-\s+(.*)$/.exec(line) ?? /^-\s+(.*)$/.exec(line);
    if (item && listKey) {
      const cur = out[listKey];
      const v = unquote(item[1].replace(/^name:\s*/, ''));
      if (Array.isArray(cur)) cur.push(v);
      else out[listKey] = [v];
      continue;
    }
    const kv = /^([A-Za-z_][\w.-]*)\s*:\s*(.*)$/.exec(line);
    if (!kv) continue;
    const key = kv[1].toLowerCase();
    const value = kv[2].trim();
    if (value === '' || value === '|' || value === '>') {
      listKey = key;
      continue;
    }
    listKey = undefined;
    if (value.startsWith('[') && value.endsWith(']')) {
      out[key] = value
        .slice(1, -1)
        .split(',')
        .map(unquote)
        .filter(Boolean);
    } else {
      out[key] = unquote(value);
    }
  }
  return out;
}

/** Front matter (`---` YAML `---` or `...`) at the very start of the text, if any. */
export function findFrontMatter(text: string): FrontMatter | undefined {
  // TOML front matter (Hugo): +++ key = "value" +++
  const toml = /^(?:\ufeff)?\+\+\+[ \t]*(?:\r\n|\r|\n)([\s\S]*?)(?:\r\n|\r|\n)\+\+\+[ \t]*(?:\r\n|\r|\n|$)/.exec(text);
  if (toml) {
    const yamlish = toml[1].replace(/^([A-Za-z_][\w.-]*)\s*=\s*/gm, '$1: ');
    return { start: 0, end: toml[0].length, raw: toml[1], fields: parseSimpleYaml(yamlish) };
  }
  const open = /^(?:\ufeff)?---[ \t]*(?:\r\n|\r|\n)/.exec(text);
  if (!open) return undefined;
  const close = /(?:^|\r\n|\r|\n)(?:---|\.\.\.)[ \t]*(?:\r\n|\r|\n|$)/g;
  close.lastIndex = open[0].length - 1;
  const m = close.exec(text);
  if (!m) return undefined;
  const raw = text.slice(open[0].length, m.index);
  // Only treat it as front matter when it holds at least one `key:` line.
  if (!/^[A-Za-z_][\w.-]*\s*:/m.test(raw)) return undefined;
  return { start: 0, end: m.index + m[0].length, raw, fields: parseSimpleYaml(raw) };
}

const ATX = /^ {0,3}(#{1,6})(?=[ \t]|$)/;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const HR = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
const SETEXT = /^ {0,3}(=+|-+)[ \t]*$/;
const LIST = /^( {0,3})([-*+]|\d{1,9}[.)])([ \t]+(?:\[[ xX]\][ \t]+)?|$)/;
const NESTED_LIST = /^(\s+)([-*+]|\d{1,9}[.)])([ \t]+(?:\[[ xX]\][ \t]+)?)/;
const QUOTE = /^ {0,3}>[ \t]?/;
const REFDEF = /^ {0,3}\[[^\]^][^\]]*\]:\s*\S+/;
const FOOTDEF = /^ {0,3}\[\^[^\]]+\]:[ \t]?/;
const DELIM_CELL = /^[ \t]*:?-+:?[ \t]*$/;
/**
 * A table delimiter row (`|---|:--:|`), cell by cell: the one-pattern form of this rule
 * has adjacent blank runs that backtrack quadratically on a long line of spaces.
 */
const TABLE_DELIM = {
  test(line: string): boolean {
    let t = line.trim();
    if (t.startsWith('|')) t = t.slice(1);
    if (t.endsWith('|')) t = t.slice(0, -1);
    return t.split('|').every((cell) => DELIM_CELL.test(cell));
  },
};

/** Where the closing hashes of an ATX heading line start (`## Title ##`), else -1. */
function closingHashes(t: string): number {
  let e = t.length;
  while (e > 0 && (t[e - 1] === ' ' || t[e - 1] === '\t')) e--;
  let h = e;
  while (h > 0 && t[h - 1] === '#') h--;
  if (h === e || h === 0 || (t[h - 1] !== ' ' && t[h - 1] !== '\t')) return -1;
  while (h > 0 && (t[h - 1] === ' ' || t[h - 1] === '\t')) h--;
  return h;
}

/** Mask a Markdown text. */
export function maskMarkdown(text: string, options: MaskMarkdownOptions = {}): MaskedMarkdown {
  const buf = new MaskBuffer(text);
  const blocks: Block[] = [];
  const comments: HtmlComment[] = [];
  const frontMatter = findFrontMatter(text);
  if (frontMatter) buf.blank(frontMatter.start, frontMatter.end);

  const lines = splitLines(text);
  const codeRanges: Array<[number, number]> = [];
  let i = 0;
  // Skip lines covered by the front matter.
  if (frontMatter) while (i < lines.length && lines[i].start < frontMatter.end) i++;

  let para: Block | undefined; // open paragraph-like block
  const closePara = () => {
    if (para) blocks.push(para);
    para = undefined;
  };
  let inQuote = false;
  let lastWasList = false;
  let prevBlank = true;

  while (i < lines.length) {
    const line = lines[i];
    let t = line.text;
    let offset = line.start;

    // Block quotes: strip `>` markers, then treat the rest like any line.
    let quoted = false;
    let qm: RegExpExecArray | null;
    while ((qm = QUOTE.exec(t))) {
      buf.blank(offset, offset + qm[0].length);
      offset += qm[0].length;
      t = t.slice(qm[0].length);
      quoted = true;
    }
    if (quoted !== inQuote) {
      closePara();
      inQuote = quoted;
    }

    // Fenced code.
    const fence = FENCE.exec(t);
    if (fence) {
      closePara();
      const ch = fence[1][0];
      const len = fence[1].length;
      const startOff = line.start;
      let j = i + 1;
      const closeRe = new RegExp(`^(?: {0,3}>[ \\t]?)*\\s{0,3}${ch === '`' ? '`' : '~'}{${len},}[ \\t]*$`);
      while (j < lines.length && !closeRe.test(lines[j].text)) j++;
      const endLine = Math.min(j, lines.length - 1);
      const endOff = lines[endLine].end;
      buf.blank(startOff, endOff);
      codeRanges.push([startOff, endOff]);
      i = endLine + 1;
      prevBlank = false;
      lastWasList = false;
      continue;
    }

    // Raw HTML blocks whose content is not prose: <script>, <style>, <pre>, <textarea>.
    const raw = /^ {0,3}<(script|style|pre|textarea)\b/i.exec(t);
    if (raw) {
      closePara();
      const closeRe = new RegExp(`</${raw[1]}>`, 'i');
      let j = i;
      while (j < lines.length && !closeRe.test(lines[j].text)) j++;
      const endLine = Math.min(j, lines.length - 1);
      buf.blank(line.start, lines[endLine].end);
      codeRanges.push([line.start, lines[endLine].end]);
      i = endLine + 1;
      prevBlank = false;
      continue;
    }

    if (/^\s*$/.test(t)) {
      closePara();
      prevBlank = true;
      i++;
      continue;
    }

    // Indented code (not inside a list item, not continuing a paragraph).
    if (/^(?: {4}|\t)/.test(t) && !para && prevBlank && !lastWasList) {
      buf.blank(line.start, line.end);
      codeRanges.push([line.start, line.end]);
      i++;
      prevBlank = false;
      continue;
    }

    // Setext heading underline turns the open paragraph into a heading.
    if (para && para.kind === 'paragraph' && SETEXT.exec(t) && !LIST.test(t.replace(/^\s+/, '')) ) {
      para.kind = 'heading';
      buf.blank(offset, line.end);
      closePara();
      i++;
      prevBlank = false;
      continue;
    }

    if (HR.test(t)) {
      closePara();
      buf.blank(offset, line.end);
      i++;
      prevBlank = false;
      lastWasList = false;
      continue;
    }

    const atx = ATX.exec(t);
    if (atx) {
      closePara();
      buf.blank(offset, offset + atx[0].length);
      // Closing hashes.
      const closing = closingHashes(t);
      if (closing >= 0) buf.blank(offset + closing, line.end);
      blocks.push({ start: offset + atx[0].length, end: line.end, kind: 'heading' });
      i++;
      prevBlank = false;
      lastWasList = false;
      continue;
    }

    if (REFDEF.test(t)) {
      closePara();
      buf.blank(offset, line.end);
      i++;
      prevBlank = false;
      continue;
    }

    const foot = FOOTDEF.exec(t);
    if (foot) {
      closePara();
      buf.blank(offset, offset + foot[0].length);
      para = { start: offset + foot[0].length, end: line.end, kind: 'paragraph' };
      i++;
      prevBlank = false;
      continue;
    }

    // Tables: a row with pipes followed (or preceded) by a delimiter row.
    if (t.includes('|')) {
      const nextLine = lines[i + 1];
      if (nextLine && TABLE_DELIM.test(nextLine.text) && nextLine.text.includes('-')) {
        closePara();
        let j = i;
        while (j < lines.length && lines[j].text.includes('|') && !/^\s*$/.test(lines[j].text)) {
          const row = lines[j];
          if (TABLE_DELIM.test(row.text)) {
            buf.blank(row.start, row.end);
          } else {
            // One block per row, the cell separators blanked.
            for (let k = row.start; k < row.end; k++) {
              if (text[k] === '|' && text[k - 1] !== '\\') buf.blank(k, k + 1);
            }
            if (/[^\s|]/.test(row.text)) blocks.push({ start: row.start, end: row.end, kind: 'table' });
          }
          j++;
        }
        i = j;
        prevBlank = false;
        lastWasList = false;
        continue;
      }
    }

    const li = LIST.exec(t) ?? (lastWasList ? NESTED_LIST.exec(t) : null);
    if (li) {
      closePara();
      buf.blank(offset, offset + li[0].length);
      para = { start: offset + li[0].length, end: line.end, kind: 'list' };
      lastWasList = true;
      i++;
      prevBlank = false;
      continue;
    }

    // Paragraph text (or continuation of the open block).
    if (para && !(prevBlank && para.kind === 'list' && !/^\s/.test(t))) {
      para.end = line.end;
    } else {
      closePara();
      const kind: BlockKind = quoted ? 'quote' : lastWasList && /^\s/.test(t) ? 'list' : 'paragraph';
      para = { start: offset, end: line.end, kind };
      if (kind !== 'list') lastWasList = false;
    }
    prevBlank = false;
    i++;
  }
  closePara();

  // HTML comments outside code.
  // Code ranges are pushed in document order.
  const inCode = (pos: number) => {
    let lo = 0;
    let hi = codeRanges.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (codeRanges[mid][1] <= pos) lo = mid + 1;
      else if (codeRanges[mid][0] > pos) hi = mid - 1;
      else return true;
    }
    return false;
  };
  const commentRe = /<!--([\s\S]*?)(?:-->|$)/g;
  let cm: RegExpExecArray | null;
  while ((cm = commentRe.exec(text))) {
    if (inCode(cm.index) || (frontMatter && cm.index < frontMatter.end)) continue;
    comments.push({ start: cm.index, end: cm.index + cm[0].length, body: cm[1] });
    buf.blank(cm.index, cm.index + cm[0].length);
  }

  // Code spans first, so that nothing inside them (e.g. `@decorator`) reads as prose or a citation.
  const blockMasked = buf.toString();
  for (const b of blocks) maskCodeSpans(blockMasked, b.start, b.end, buf);
  options.beforeInline?.(buf, text);
  const current = buf.toString();
  for (const b of blocks) maskInline(current, b.start, b.end, buf);

  blocks.sort((a, b) => a.start - b.start);
  return { masked: buf.toString(), blocks, comments, frontMatter, buffer: buf };
}

/**
 * Code spans of `s` as [start, end) pairs: a backtick run opens a span that the next run
 * of the same length closes (CommonMark). One pass over the runs, each run looked at
 * once: linear in the text, whatever runs of backticks it holds (a backtracking pattern
 * for this grows with the cube of a long run).
 */
export function codeSpans(s: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  if (s.indexOf('`') < 0) return out;
  const runStart: number[] = [];
  const runLen: number[] = [];
  for (let i = 0; i < s.length; i++) {
    if (s.charCodeAt(i) !== 96) continue;
    let j = i + 1;
    while (j < s.length && s.charCodeAt(j) === 96) j++;
    runStart.push(i);
    runLen.push(j - i);
    i = j - 1;
  }
  // For each run, the next run of the same length (scanning from the right).
  const next = new Int32Array(runStart.length).fill(-1);
  const lastOfLen = new Map<number, number>();
  for (let k = runStart.length - 1; k >= 0; k--) {
    const n = lastOfLen.get(runLen[k]);
    if (n !== undefined) next[k] = n;
    lastOfLen.set(runLen[k], k);
  }
  let k = 0;
  while (k < runStart.length) {
    const c = next[k];
    if (c < 0) {
      k++;
      continue;
    }
    out.push([runStart[k], runStart[c] + runLen[c]]);
    k = c + 1;
  }
  return out;
}

/** Code spans (matching backtick runs) in [start, end) of `text`, blanked into `buf`. */
function maskCodeSpans(text: string, start: number, end: number, buf: MaskBuffer): void {
  const s = text.slice(start, end);
  for (const [a, b] of codeSpans(s)) buf.blank(start + a, start + b);
}

/** Inline Markdown in [start, end) of `text` (already block-masked), blanked into `buf`. */
export function maskInline(text: string, start: number, end: number, buf: MaskBuffer): void {
  const s = text.slice(start, end);
  const at = (i: number) => start + i;
  let m: RegExpExecArray | null;

  // Code spans: matching backtick runs.
  const spans = codeSpans(s);
  for (const [a, b] of spans) buf.blank(at(a), at(b));
  // Spans are sorted and disjoint: a binary search.
  const inCode = (i: number) => {
    let lo = 0;
    let hi = spans.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (spans[mid][1] <= i) lo = mid + 1;
      else if (spans[mid][0] > i) hi = mid - 1;
      else return true;
    }
    return false;
  };

  // Images: ![alt](url) and ![alt][ref].
  // (Every bracket and parenthesis pattern here allows one level of nesting and no
  // unbalanced opener inside: a pattern whose inner part may hold an opener rescans the
  // rest of the text from every opener, which is quadratic on a run of them.)
  const img = /!\[(?:[^\[\]]|\[[^\[\]]*\])*\](?:\((?:[^()]|\([^()]*\))*\)|\[[^\[\]]*\])?/g;
  while ((m = img.exec(s))) if (!inCode(m.index)) buf.blank(at(m.index), at(m.index + m[0].length));

  // Links: [text](url "title") and [text][ref]: keep the text.
  const link = /(?<!!)\[((?:[^\[\]]|\[[^\[\]]*\])*)\](\((?:[^()]|\([^()]*\))*\)|\[[^\[\]]*\])/g;
  while ((m = link.exec(s))) {
    if (inCode(m.index)) continue;
    if (/^\s*@|^\^/.test(m[1]) && m[2].startsWith('[')) continue;
    buf.blank(at(m.index), at(m.index + 1));
    const close = m.index + 1 + m[1].length;
    buf.blank(at(close), at(m.index + m[0].length));
  }

  // Autolinks and raw URLs.
  const auto = /<(?:https?:\/\/|mailto:|www\.)[^>\s]*>|<[^@\s<>]+@[^@\s<>]+>/gi;
  while ((m = auto.exec(s))) if (!inCode(m.index)) buf.blank(at(m.index), at(m.index + m[0].length));
  const url = /\b(?:https?:\/\/|www\.)[^\s<>()"“”]*[^\s<>()"“”.,;:!?'’]/gi;
  while ((m = url.exec(s))) if (!inCode(m.index)) buf.blank(at(m.index), at(m.index + m[0].length));

  // Inline HTML tags.
  const tag = /<\/?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?\/?>/g;
  while ((m = tag.exec(s))) if (!inCode(m.index)) buf.blank(at(m.index), at(m.index + m[0].length));

  // Pandoc inline notes ^[...] (citations inside were taken before this pass).
  const note = /\^\[(?:[^\[\]]|\[[^\[\]]*\])*\]/g;
  while ((m = note.exec(s))) if (!inCode(m.index)) buf.blank(at(m.index), at(m.index + m[0].length));

  // Footnote references [^1].
  const fn = /\[\^[^\[\]\s]+\]/g;
  while ((m = fn.exec(s))) if (!inCode(m.index)) buf.blank(at(m.index), at(m.index + m[0].length));

  // Backslash escapes.
  const esc = /\\([!-/:-@[-`{-~])/g;
  while ((m = esc.exec(s))) if (!inCode(m.index)) buf.blank(at(m.index), at(m.index + 1));

  // Emphasis and strike-through markers (* always when flanking; _ only at word edges).
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (inCode(i)) continue;
    if (c === '*' || c === '~') {
      let j = i;
      while (j < s.length && s[j] === c) j++;
      const run = j - i;
      const before = s[i - 1] ?? ' ';
      const after = s[j] ?? ' ';
      if ((c === '*' || run >= 2) && (!/\s/.test(after) || !/\s/.test(before))) buf.blank(at(i), at(j));
      i = j - 1;
    } else if (c === '_') {
      let j = i;
      while (j < s.length && s[j] === '_') j++;
      const before = s[i - 1] ?? ' ';
      const after = s[j] ?? ' ';
      const wordBefore = /[\p{L}\p{N}]/u.test(before);
      const wordAfter = /[\p{L}\p{N}]/u.test(after);
      if (wordBefore !== wordAfter) buf.blank(at(i), at(j));
      i = j - 1;
    }
  }
}
