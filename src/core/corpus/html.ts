/**
 * HTML text extraction with a map back to source offsets.
 *
 * htmlparser2 (tolerant, streaming, no DOM) gives each raw text node with its source
 * span; entities are decoded here one by one so every extracted character remembers the
 * source span it came from. Scripts, styles, navigation, forms and other chrome are
 * dropped; block elements become paragraph breaks; when the page has <article> or
 * <main>, only their text is kept.
 */
import { Parser } from 'htmlparser2';
import { decodeHTML } from 'entities';

export interface HtmlMeta {
  title?: string;
  h1?: string;
  date?: string;
  author?: string;
  outlet?: string;
}

export interface HtmlExtract {
  /** Extracted text: whitespace collapsed, "\n\n" between blocks. */
  text: string;
  /** Source offset of the first source character behind each text character. */
  srcStart: Int32Array;
  /** Source offset just past the last source character behind each text character. */
  srcEnd: Int32Array;
  /** Block ranges in `text` (each one split into sentences separately). */
  blocks: Array<{ start: number; end: number; kind: 'heading' | 'paragraph' | 'list' | 'quote' | 'table' | 'caption' }>;
  meta: HtmlMeta;
  /** Parse problems worth a warning (e.g. unclosed elements at the end). */
  problems: string[];
}

const SKIP = new Set([
  'script', 'style', 'noscript', 'template', 'svg', 'math', 'nav', 'form', 'button', 'select',
  'option', 'textarea', 'iframe', 'object', 'embed', 'canvas', 'audio', 'video', 'head', 'aside',
  'footer', 'menu', 'dialog',
]);
const VOID = new Set(['br', 'hr', 'img', 'input', 'meta', 'link', 'area', 'base', 'col', 'embed', 'param', 'source', 'track', 'wbr']);
const BLOCK = new Set([
  'p', 'pre', 'div', 'section', 'article', 'main', 'header', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li',
  'ul', 'ol', 'dl', 'dt', 'dd', 'blockquote', 'pre', 'table', 'tr', 'td', 'th', 'thead', 'tbody',
  'tfoot', 'caption', 'figure', 'figcaption', 'br', 'hr', 'address', 'body', 'html', 'title',
  'fieldset', 'legend', 'details', 'summary',
]);
const CHROME = /(?:^|[\s_-])(?:nav|navbar|menu|breadcrumbs?|cookie|cookies|share|sharing|social|sidebar|related|advert|advertisement|ads?|promo|newsletter|subscribe|comments?|skip|masthead|toolbar)(?:$|[\s_-])/i;

/** Open elements remembered (see onopentagname). */
const MAX_DEPTH = 256;

function blockKind(tag: string): 'heading' | 'paragraph' | 'list' | 'quote' | 'table' | 'caption' {
  if (/^h[1-6]$/.test(tag)) return 'heading';
  if (tag === 'li' || tag === 'dt' || tag === 'dd') return 'list';
  if (tag === 'blockquote') return 'quote';
  if (tag === 'td' || tag === 'th') return 'table';
  if (tag === 'figcaption' || tag === 'caption') return 'caption';
  return 'paragraph';
}

export function extractHtml(src: string): HtmlExtract {
  const meta: HtmlMeta = {};
  const problems: string[] = [];
  // Accumulated characters with their source spans, tagged main-content or not.
  const chars: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  const inMainFlags: boolean[] = [];
  // Block boundaries: index into chars where a new block starts, with its kind.
  const breaks: Array<{ at: number; kind: ReturnType<typeof blockKind> }> = [];

  const stack: Array<{ tag: string; skip: boolean; main: boolean }> = [];
  let skipDepth = 0;
  let mainDepth = 0;
  let sawMain = false;
  let titleText = '';
  let inTitle = false;
  let h1Text = '';
  let inH1 = false;
  let pendingSpace = false;
  let pendingSpaceAt = 0;
  const kindStack: Array<ReturnType<typeof blockKind>> = [];

  const pushBreak = (kind: ReturnType<typeof blockKind>) => {
    pendingSpace = false;
    const last = breaks[breaks.length - 1];
    if (last && last.at === chars.length) last.kind = kind;
    else breaks.push({ at: chars.length, kind });
  };
  const pushChar = (ch: string, s: number, e: number) => {
    if (/\s/.test(ch)) {
      if (chars.length === 0 || (breaks.length && breaks[breaks.length - 1].at === chars.length)) return;
      if (!pendingSpace) {
        pendingSpace = true;
        pendingSpaceAt = s;
      }
      return;
    }
    if (pendingSpace) {
      chars.push(' ');
      starts.push(pendingSpaceAt);
      ends.push(pendingSpaceAt + 1);
      inMainFlags.push(mainDepth > 0);
      pendingSpace = false;
    }
    chars.push(ch);
    starts.push(s);
    ends.push(e);
    inMainFlags.push(mainDepth > 0);
  };

  /** A line break (<br>): a soft break the sentence splitter may use for headlines. */
  const pushNewline = (at: number) => {
    if (chars.length === 0 || (breaks.length && breaks[breaks.length - 1].at === chars.length)) return;
    pendingSpace = false;
    chars.push('\n');
    starts.push(at);
    ends.push(at);
    inMainFlags.push(mainDepth > 0);
  };

  const parser = new Parser(
    {
      onopentagname() {
        // htmlparser2 keeps its open elements with the innermost first (unshift), and so
        // searches them from the start: a document nested thousands deep costs the square
        // of its depth. Beyond MAX_DEPTH the outermost open elements are forgotten (as if
        // never closed; their close tags are then ignored): linear at any depth.
        const p = parser as unknown as { stack: string[]; foreignContext?: boolean[] };
        if (p.stack.length > 2 * MAX_DEPTH) p.stack.length = MAX_DEPTH;
        if (p.foreignContext && p.foreignContext.length > 2 * MAX_DEPTH) p.foreignContext.length = MAX_DEPTH;
        if (stack.length > 2 * MAX_DEPTH) stack.splice(0, stack.length - MAX_DEPTH);
      },
      onopentag(name, attribs) {
        const tag = name.toLowerCase();
        if (tag === 'meta') {
          const key = (attribs.name ?? attribs.property ?? attribs.itemprop ?? '').toLowerCase();
          const content = (attribs.content ?? '').trim();
          if (content) {
            if (['author', 'article:author', 'dc.creator', 'byl', 'sailthru.author', 'parsely-author'].includes(key)) {
              meta.author ??= content.replace(/^by\s+/i, '');
            } else if (['date', 'article:published_time', 'dc.date', 'dc.date.issued', 'pubdate', 'publishdate', 'datepublished', 'og:published_time', 'sailthru.date', 'parsely-pub-date'].includes(key)) {
              meta.date ??= content;
            } else if (['og:site_name', 'publisher', 'application-name', 'dc.publisher', 'article:publisher'].includes(key)) {
              if (!/^https?:/.test(content)) meta.outlet ??= content;
            } else if (key === 'og:title' || key === 'twitter:title' || key === 'dc.title') {
              meta.title ??= content;
            }
          }
        }
        if (tag === 'time' && attribs.datetime && !meta.date) meta.date = attribs.datetime;
        // The document's <title>, not an SVG/MathML one.
        if (tag === 'title' && !titleText && !stack.some((e) => e.tag === 'svg' || e.tag === 'math')) inTitle = true;
        if (tag === 'h1' && !h1Text) inH1 = true;
        if (VOID.has(tag)) {
          if (tag === 'br' && skipDepth === 0) pushNewline(parser.startIndex);
          else if (BLOCK.has(tag) && skipDepth === 0) pushBreak(kindStack[kindStack.length - 1] ?? 'paragraph');
          return;
        }
        const cls = `${attribs.class ?? ''} ${attribs.id ?? ''} ${attribs.role ?? ''}`;
        const hidden = 'hidden' in attribs || attribs['aria-hidden'] === 'true' || /display\s*:\s*none/i.test(attribs.style ?? '');
        const skip = SKIP.has(tag) || hidden || attribs.role === 'navigation' || (tag !== 'body' && tag !== 'html' && tag !== 'article' && tag !== 'main' && CHROME.test(cls.trim()));
        const main = tag === 'article' || tag === 'main' || attribs.role === 'main';
        stack.push({ tag, skip, main });
        if (skip) skipDepth++;
        if (main) {
          mainDepth++;
          if (skipDepth === 0) sawMain = true;
        }
        if (BLOCK.has(tag)) {
          const k = blockKind(tag);
          kindStack.push(k);
          if (skipDepth === 0) pushBreak(k);
        }
      },
      onclosetag(name) {
        const tag = name.toLowerCase();
        if (VOID.has(tag)) return;
        if (tag === 'title') inTitle = false;
        if (tag === 'h1') inH1 = false;
        // Pop to the matching open element (htmlparser2 already balances implied closes).
        for (let k = stack.length - 1; k >= 0; k--) {
          if (stack[k].tag === tag) {
            while (stack.length > k) {
              const el = stack.pop()!;
              if (el.skip) skipDepth--;
              if (el.main) mainDepth--;
              if (BLOCK.has(el.tag)) {
                kindStack.pop();
                if (skipDepth === 0) pushBreak(kindStack[kindStack.length - 1] ?? 'paragraph');
              }
            }
            break;
          }
        }
      },
      ontext(raw) {
        const s = parser.startIndex;
        if (inTitle) titleText += decodeHTML(raw);
        if (inH1) h1Text += decodeHTML(raw);
        if (skipDepth > 0 || inTitle) return;
        // Walk the raw text; decode entities one at a time.
        const ent = /&(?:#\d+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);?/g;
        let pos = 0;
        let m: RegExpExecArray | null;
        const plain = (from: number, to: number) => {
          for (let i = from; i < to; i++) pushChar(raw[i], s + i, s + i + 1);
        };
        while ((m = ent.exec(raw))) {
          plain(pos, m.index);
          const decoded = decodeHTML(m[0]);
          const a = s + m.index;
          const b = a + m[0].length;
          if (decoded === m[0]) plain(m.index, m.index + m[0].length);
          else for (let q = 0; q < decoded.length; q++) pushChar(decoded[q] === '\u00a0' ? ' ' : decoded[q], a, b);
          pos = m.index + m[0].length;
        }
        plain(pos, raw.length);
      },
      onerror(err) {
        problems.push(err.message);
      },
    },
    { decodeEntities: false, lowerCaseTags: true, lowerCaseAttributeNames: true, recognizeSelfClosing: true },
  );
  parser.write(src);
  parser.end();

  meta.title = (meta.title ?? '').trim() || titleText.replace(/\s+/g, ' ').trim() || undefined;
  const h1 = h1Text.replace(/\s+/g, ' ').trim();
  if (h1) meta.h1 = h1;

  // Assemble blocks; keep only main-content characters when the page marks its main content.
  const keep = (i: number) => !sawMain || inMainFlags[i];
  const outChars: string[] = [];
  const outStart: number[] = [];
  const outEnd: number[] = [];
  const blocks: HtmlExtract['blocks'] = [];
  let bi = 0;
  let curKind: ReturnType<typeof blockKind> = 'paragraph';
  let blockStart = -1;
  const closeBlock = () => {
    if (blockStart >= 0 && outChars.length > blockStart) blocks.push({ start: blockStart, end: outChars.length, kind: curKind });
    blockStart = -1;
  };
  for (let i = 0; i <= chars.length; i++) {
    while (bi < breaks.length && breaks[bi].at === i) {
      closeBlock();
      curKind = breaks[bi].kind;
      bi++;
    }
    if (i === chars.length) break;
    if (!keep(i)) continue;
    if (blockStart < 0) {
      if (chars[i] === ' ' || chars[i] === '\n') continue;
      if (outChars.length > 0) {
        // Two newlines between blocks (a paragraph break for the splitter).
        for (let k = 0; k < 2; k++) {
          outChars.push('\n');
          outStart.push(starts[i]);
          outEnd.push(starts[i]);
        }
      }
      blockStart = outChars.length;
    }
    outChars.push(chars[i]);
    outStart.push(starts[i]);
    outEnd.push(ends[i]);
  }
  closeBlock();
  // Trim trailing spaces of each block.
  for (const b of blocks) while (b.end > b.start && (outChars[b.end - 1] === ' ' || outChars[b.end - 1] === '\n')) b.end--;

  return {
    text: outChars.join(''),
    srcStart: Int32Array.from(outStart),
    srcEnd: Int32Array.from(outEnd),
    blocks: blocks.filter((b) => b.end > b.start),
    meta,
    problems,
  };
}
