/**
 * Draft parsing: Markdown, LaTeX or plain text -> sentences with exact ranges in the
 * draft, the citation keys written in each, the kind of block they sit in, and whether
 * an ignore directive covers them.
 *
 * Non-prose (front matter, code, comments, URLs, link targets, math, commands, citation
 * markers) is masked with spaces, never removed, so offsets stay exact; the sentence
 * `text` handed to verification is clean prose with whitespace collapsed, while
 * `range`/`start`/`end` cover the whole sentence in the draft, citations included.
 */
import type { DraftFormat, DraftSentence } from '../types';
import { LineIndex } from './positions';
import { MaskBuffer, collapseWhitespace } from './mask';
import { maskMarkdown, type BlockKind } from './markdown';
import { splitSentencesInRange } from './sentences';

/** A citation marker found in the draft: its span and the keys it names. */
export interface DraftCitation {
  start: number;
  end: number;
  keys: string[];
  /** Where each key is written (offsets of the key itself, without `@`), in order. */
  keySpans: Array<{ key: string; start: number; end: number }>;
}

interface Directive {
  kind: 'next' | 'start' | 'end';
  /** Offset just past the directive. */
  at: number;
}

interface PreparedDraft {
  masked: string;
  blocks: Array<{ start: number; end: number; kind: BlockKind }>;
  citations: DraftCitation[];
  directives: Directive[];
  latex?: boolean;
  /** Plain text: a single line break may end a headline. */
  plain?: boolean;
}

/** A citation key (Pandoc's rule): the source of a RegExp with the `u` flag. */
export const KEY_CHARS = String.raw`[\p{L}\p{N}_][\p{L}\p{N}_:.#$%&+?<>~/'-]*`;
/** What may stand just before an in-text `@key` (so e-mail addresses are no citations): a RegExp character class. */
export const KEY_LEAD = String.raw`[\s\[;(-]`;
/** `@key` at start, or after whitespace, `[`, `;`, `-` or `(` (not inside e-mail addresses). */
const IN_TEXT_CITE = new RegExp(String.raw`(^|${KEY_LEAD})(-?@(${KEY_CHARS}))`, 'gu');
/** A bracketed Pandoc citation: `[@a]`, `[see @a, p. 3; @b]`, `[-@a]`. */
// (No bracket inside, and the first `@` taken as it comes: linear, where a lazy part before
// the `@` rescans the rest of the text from every `@` of a long run.)
const BRACKET_CITE = /\[([^[\]@]*@[^[\]]*)\]/g;

function cleanKey(k: string): string {
  return k.replace(/['’]s$/, '').replace(/[.:#$%&+?<>~/'-]+$/, '');
}

/** Keys in a bracketed citation's content (empty when it is not a citation). */
function bracketKeys(content: string): string[] {
  return bracketKeySpans(content, 0).map((k) => k.key);
}

const BRACKET_KEY = new RegExp(String.raw`(?:^|[\s;,(-])-?@(${KEY_CHARS})`, 'gu');
/** An in-text `@key` marker (the key dropped by `normalizeSentence`). */
const AT_KEY = new RegExp(String.raw`(^|${KEY_LEAD})-?@${KEY_CHARS}`, 'gu');

/** Keys of a bracketed citation with their offsets (`offset` = where `content` starts). */
function bracketKeySpans(content: string, offset: number): DraftCitation['keySpans'] {
  const out: DraftCitation['keySpans'] = [];
  const re = BRACKET_KEY;
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(content))) {
    const k = cleanKey(m[1]);
    const at = offset + m.index + m[0].length - m[1].length;
    if (k) out.push({ key: k, start: at, end: at + k.length });
  }
  return out;
}

/** Find Pandoc citations in `text` (already masked for code), blank them in `buf`. */
function maskPandocCitations(text: string, buf: MaskBuffer, inText: boolean): DraftCitation[] {
  const out: DraftCitation[] = [];
  let m: RegExpExecArray | null;
  BRACKET_CITE.lastIndex = 0;
  const taken: Array<[number, number]> = [];
  while ((m = BRACKET_CITE.exec(text))) {
    // `[text](url)` is a link, not a citation.
    if (text[m.index + m[0].length] === '(') continue;
    const keySpans = bracketKeySpans(m[1], m.index + 1);
    if (keySpans.length === 0) continue;
    out.push({ start: m.index, end: m.index + m[0].length, keys: keySpans.map((k) => k.key), keySpans });
    taken.push([m.index, m.index + m[0].length]);
    buf.blank(m.index, m.index + m[0].length);
  }
  if (inText) {
    IN_TEXT_CITE.lastIndex = 0;
    let t = 0; // `taken` is in document order, and so are the matches
    while ((m = IN_TEXT_CITE.exec(text))) {
      const s = m.index + m[1].length;
      while (t < taken.length && taken[t][1] <= s) t++;
      if (t < taken.length && s >= taken[t][0]) continue;
      const key = cleanKey(m[3]);
      if (!key) continue;
      let e = s + m[2].length - (m[3].length - key.length);
      const keyStart = s + m[2].length - m[3].length;
      // Pandoc's in-text locator: "@smith04 [p. 33] says".
      const loc = /^ ?\[[^\]@\n]{1,60}\]/.exec(text.slice(e, e + 64));
      if (loc && e === s + m[2].length) e += loc[0].length;
      out.push({ start: s, end: e, keys: [key], keySpans: [{ key, start: keyStart, end: keyStart + key.length }] });
      buf.blank(s, e);
    }
  }
  out.sort((a, b) => a.start - b.start);
  return out;
}

const DIRECTIVE = /^\s*groundwork-ignore-(next|start|end)\b/;

function prepareMarkdownDraft(text: string): PreparedDraft {
  let citations: DraftCitation[] = [];
  const md = maskMarkdown(text, {
    beforeInline: (buf) => {
      citations = maskPandocCitations(buf.toString(), buf, true);
    },
  });
  const directives: Directive[] = [];
  for (const c of md.comments) {
    const d = DIRECTIVE.exec(c.body);
    if (d) directives.push({ kind: d[1] as Directive['kind'], at: c.end });
  }
  return { masked: md.masked, blocks: md.blocks, citations, directives };
}

function preparePlainDraft(text: string): PreparedDraft {
  const buf = new MaskBuffer(text);
  const directives: Directive[] = [];
  // A line of its own, optionally in a comment-like wrapper (#, //, %, <!-- -->).
  const lineRe = /^[ \t]*(?:#+|\/\/|%+|<!--)?[ \t]*groundwork-ignore-(next|start|end)[ \t]*(?:-->)?[ \t]*$/gm;
  let m: RegExpExecArray | null;
  while ((m = lineRe.exec(text))) {
    buf.blank(m.index, m.index + m[0].length);
    directives.push({ kind: m[1] as Directive['kind'], at: m.index + m[0].length });
  }
  const citations = maskPandocCitations(buf.toString(), buf, false);
  const masked = buf.toString();
  return { masked, blocks: [{ start: 0, end: masked.length, kind: 'paragraph' }], citations, directives, plain: true };
}

// ---------------------------------------------------------------- LaTeX

/**
 * Brace and bracket lookups in one LaTeX text, each answered in constant time from
 * tables built in one pass: searching forward from every `{` or `[` instead rescans the
 * rest of the text for each unclosed one (quadratic on `\cite{` repeated).
 */
class LatexScan {
  /** For a `{` at i, the index of its closing brace, else -1. */
  private readonly close: Int32Array;
  /** For each i, the index of the first `]` at or after i, else -1. */
  private readonly nextBracket: Int32Array;
  constructor(readonly text: string) {
    const n = text.length;
    this.close = new Int32Array(n).fill(-1);
    const stack: number[] = [];
    for (let i = 0; i < n; i++) {
      const c = text.charCodeAt(i);
      if (c === 92 /* \\ */) {
        i++;
        continue;
      }
      if (c === 123 /* { */) stack.push(i);
      else if (c === 125 /* } */ && stack.length) this.close[stack.pop()!] = i;
    }
    this.nextBracket = new Int32Array(n + 1);
    this.nextBracket[n] = -1;
    for (let i = n - 1; i >= 0; i--) this.nextBracket[i] = text.charCodeAt(i) === 93 ? i : this.nextBracket[i + 1];
  }

  /** Index of the brace closing the one at `open`, or -1. */
  closeBrace(open: number): number {
    return open >= 0 && open < this.close.length ? this.close[open] : -1;
  }

  /** Skip `*`, whitespace and `[...]` optional arguments after a command; returns the new index. */
  skipOptional(i: number): number {
    const text = this.text;
    let j = i;
    if (text[j] === '*') j++;
    for (;;) {
      let k = j;
      while (k < text.length && (text[k] === ' ' || text[k] === '\t')) k++;
      if (text[k] === '[') {
        const close = this.nextBracket[k];
        if (close === -1) return j;
        j = close + 1;
      } else return j;
    }
  }
}

/** Combining marks for LaTeX accent commands. */
const ACCENTS: Record<string, string> = {
  "'": '\u0301', '`': '\u0300', '^': '\u0302', '"': '\u0308', '~': '\u0303', '=': '\u0304', '.': '\u0307',
};

const LATEX_CITE = /^\\(?:cite|citep|citet|citealp|citealt|citeauthor|citeyear|citeyearpar|citenum|citetitle|parencite|textcite|autocite|footcite|footcitetext|smartcite|supercite|fullcite|nocite|cites|parencites|textcites|autocites|footcites|smartcites|supercites|Cite|Citep|Citet|Parencite|Textcite|Autocite|Footcite|Smartcite)\*?$/;
/** Whether a LaTeX command (name without the backslash: `citep`, `citep*`) takes citation keys (`nocite` too, though it cites no sentence). */
export function isLatexCiteCommand(command: string): boolean {
  return LATEX_CITE.test(`\\${command}`);
}
const HEADING_CMDS = new Set(['part', 'chapter', 'section', 'subsection', 'subsubsection', 'paragraph', 'subparagraph', 'title']);
const DROP_ARG = new Set([
  'label', 'ref', 'eqref', 'pageref', 'cref', 'Cref', 'autoref', 'nameref', 'includegraphics', 'url', 'input', 'include',
  'bibliography', 'bibliographystyle', 'usepackage', 'documentclass', 'addbibresource', 'vspace', 'hspace', 'newcommand',
  'renewcommand', 'providecommand', 'setlength', 'setcounter', 'addtocounter', 'hypersetup', 'graphicspath', 'pagestyle',
  'thispagestyle', 'begin', 'end', 'newenvironment', 'renewenvironment', 'DeclareMathOperator', 'author', 'date', 'thanks',
  'includepdf', 'lstinputlisting', 'definecolor', 'color', 'textcolor', 'fontsize', 'selectfont', 'linespread',
]);
const SKIP_ENVS = /\\begin\{(equation|align|alignat|gather|multline|flalign|eqnarray|displaymath|math|verbatim|Verbatim|lstlisting|minted|comment|tikzpicture|thebibliography|filecontents)(\*?)\}[\s\S]*?(?:\\end\{\1\2\}|$)/g;

const ENV_KINDS: Record<string, BlockKind> = {
  quote: 'quote', quotation: 'quote', verse: 'quote', displayquote: 'quote',
  itemize: 'list', enumerate: 'list', description: 'list',
  tabular: 'table', 'tabular*': 'table', tabularx: 'table', longtable: 'table', table: 'table', 'table*': 'table',
};

interface Env {
  start: number;
  end: number;
  kind: BlockKind;
}

/** Ranges of the environments that give their text a block kind (quote, list, table). */
function environments(text: string): Env[] {
  const out: Env[] = [];
  const stack: Array<{ name: string; start: number }> = [];
  // Where each name sits in `stack` (ascending): an \\end finds its \\begin without a
  // search through the whole stack (quadratic on many unmatched ones).
  const at = new Map<string, number[]>();
  const re = /\\(begin|end)\s*\{([A-Za-z*]+)\}/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    const name = m[2];
    if (m[1] === 'begin') {
      let list = at.get(name);
      if (!list) at.set(name, (list = []));
      list.push(stack.length);
      stack.push({ name, start: m.index });
      continue;
    }
    const list = at.get(name);
    if (!list || list.length === 0) continue;
    const k = list[list.length - 1];
    const open = stack[k];
    // Pop it and everything opened after it (each entry is popped once).
    while (stack.length > k) at.get(stack.pop()!.name)!.pop();
    const kind = ENV_KINDS[open.name];
    if (kind) out.push({ start: open.start, end: m.index + m[0].length, kind });
  }
  return out;
}

/**
 * The block kind at each of the ascending positions `points`: that of the innermost
 * kind-giving environment around it, else paragraph. The environments nest (they come
 * from a stack), so one sweep with a stack of the open ones answers all points.
 */
function envKinds(envs: Env[], points: number[]): BlockKind[] {
  const sorted = [...envs].sort((a, b) => a.start - b.start || b.end - a.end);
  const open: Env[] = [];
  const out: BlockKind[] = [];
  let e = 0;
  for (const pos of points) {
    while (e < sorted.length && sorted[e].start <= pos) {
      while (open.length && open[open.length - 1].end <= sorted[e].start) open.pop();
      open.push(sorted[e++]);
    }
    while (open.length && open[open.length - 1].end <= pos) open.pop();
    out.push(open.length ? open[open.length - 1].kind : 'paragraph');
  }
  return out;
}

/**
 * Display and inline math in `text`: `$$...$$`, `\\[...\\]`, `\\(...\\)` and `$...$` (openers
 * not escaped by a backslash), as [start, end) pairs. A hand scan with one forward
 * search per closer kind: a lazy pattern rescans the rest of the text from every
 * unclosed opener.
 */
export function findMath(text: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  const n = text.length;
  const none = new Set<string>();
  const closer = (close: string, from: number): number => {
    if (none.has(close)) return -1;
    const q = text.indexOf(close, from);
    if (q < 0) none.add(close);
    return q;
  };
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    const escaped = i > 0 && text.charCodeAt(i - 1) === 92;
    if (c === 36 /* $ */ && !escaped) {
      if (text.charCodeAt(i + 1) === 36) {
        const q = closer('$$', i + 2);
        if (q >= 0) {
          out.push([i, q + 2]);
          i = q + 2;
          continue;
        }
        // An unclosed $$ is no inline math either (its body would start with $).
        i++;
        continue;
      }
      // Inline: at least one character, `\\$` inside is a dollar, the next `$` closes.
      let j = i + 1;
      let lastEscaped = -1;
      let end = -1;
      while (j < n) {
        const d = text.charCodeAt(j);
        if (d === 36) {
          if (j > i + 1) end = j + 1;
          break;
        }
        if (d === 92 && text.charCodeAt(j + 1) === 36) {
          lastEscaped = j;
          j += 2;
          continue;
        }
        j++;
      }
      // No closing `$`: the last `\\$` inside can close it instead (the backslash as body).
      if (end < 0 && j >= n && lastEscaped >= 0) end = lastEscaped + 2;
      if (end > 0) {
        out.push([i, end]);
        i = end;
        continue;
      }
      i++;
      continue;
    }
    if (c === 92 /* \\ */ && !escaped) {
      const d = text.charCodeAt(i + 1);
      if (d === 91 /* [ */ || d === 40 /* ( */) {
        const q = closer(d === 91 ? '\\]' : '\\)', i + 2);
        if (q >= 0) {
          out.push([i, q + 2]);
          i = q + 2;
          continue;
        }
      }
    }
    i++;
  }
  return out;
}

function prepareLatexDraft(text: string): PreparedDraft {
  const buf = new MaskBuffer(text);
  const directives: Directive[] = [];
  const citations: DraftCitation[] = [];
  const breaks: number[] = [];
  const special: Array<{ start: number; end: number; kind: BlockKind }> = [];

  // Comments (and directives in them). A % preceded by an odd number of backslashes is text.
  // (A scan from each `%` to its line end only once the `%` is known to open a comment:
  // matching `%[^\n]*` first rescans the line from every escaped `\%`.)
  let m: RegExpExecArray | null;
  for (let at = text.indexOf('%'); at >= 0; ) {
    let bs = 0;
    for (let k = at - 1; k >= 0 && text[k] === '\\'; k--) bs++;
    if (bs % 2 === 1) {
      at = text.indexOf('%', at + 1);
      continue;
    }
    let end = at + 1;
    while (end < text.length && text[end] !== '\n' && text[end] !== '\r') end++;
    const d = DIRECTIVE.exec(text.slice(at + 1, end));
    if (d) directives.push({ kind: d[1] as Directive['kind'], at: end });
    buf.blank(at, end);
    at = text.indexOf('%', end);
  }
  let cur = buf.toString();
  const envs = environments(cur);

  // Preamble and what follows \end{document}.
  const begin = /\\begin\{document\}/.exec(cur);
  if (begin) buf.blank(0, begin.index + begin[0].length);
  const endDoc = /\\end\{document\}/.exec(cur);
  if (endDoc) buf.blank(endDoc.index, text.length);
  cur = buf.toString();

  // Math and verbatim-like environments.
  SKIP_ENVS.lastIndex = 0;
  while ((m = SKIP_ENVS.exec(cur))) {
    buf.blank(m.index, m.index + m[0].length);
    breaks.push(m.index, m.index + m[0].length);
  }
  cur = buf.toString();
  // Display and inline math. Inline math that is only a number keeps its digits.
  // (`\\[2pt]` is a line break with spacing, not display math: hence the lookbehinds.)
  for (const [ms, me] of findMath(cur)) {
    const body = cur.slice(ms, me);
    const inline = body.startsWith('$') && !body.startsWith('$$');
    const num = inline ? /^\$\s*([\d.,]+)\s*(\\%)?\s*\$$/.exec(body) : null;
    if (num) {
      buf.blank(ms, ms + 1);
      buf.blank(me - 1, me);
      const pct = body.indexOf('\\%');
      if (pct >= 0) buf.blank(ms + pct, ms + pct + 1);
    } else {
      buf.blank(ms, me);
      if (!inline) breaks.push(ms, me);
    }
  }
  cur = buf.toString();

  // Commands.
  const scan = new LatexScan(cur);
  const closeBrace = (_t: string, open: number): number => scan.closeBrace(open);
  const skipOptional = (_t: string, i: number): number => scan.skipOptional(i);
  const cmdRe = /\\([A-Za-z@]+)\*?|\\([^A-Za-z\s])/g;
  while ((m = cmdRe.exec(cur))) {
    const start = m.index;
    if (m[2] !== undefined) {
      // Accents: \'e \"{i} -> the composed letter; the markup is removed (no space left).
      const acc = ACCENTS[m[2]];
      if (acc) {
        const am = /^(?:\{([A-Za-z])\}|([A-Za-z]))/.exec(cur.slice(start + 2, start + 5));
        if (am) {
          const letter = am[1] ?? am[2];
          const len = 2 + am[0].length;
          buf.remove(start, start + len);
          buf.set(start + len - (am[1] ? 2 : 1), (letter + acc).normalize('NFC'));
          cmdRe.lastIndex = start + len;
          continue;
        }
      }
      // Control symbols: \\ \, \; \! \  -> blank; \% \& \$ \# \_ \{ \} -> keep the character.
      if ('%&$#_{}'.includes(m[2])) buf.blank(start, start + 1);
      else buf.blank(start, start + 2);
      if (m[2] === '\\') {
        breaks.push(start);
        // \\[2pt] and \\*: spacing arguments of a line break.
        const after = skipOptional(cur, start + 2);
        buf.blank(start + 2, after);
        cmdRe.lastIndex = after;
      }
      continue;
    }
    const name = m[1];
    const afterName = start + m[0].length;
    if (LATEX_CITE.test(`\\${name}`)) {
      let j = skipOptional(cur, afterName);
      const keys: string[] = [];
      const keySpans: DraftCitation['keySpans'] = [];
      // One or more {keys} groups (\cites{a}{b}).
      for (;;) {
        let k = j;
        while (k < cur.length && /[ \t]/.test(cur[k])) k++;
        if (cur[k] !== '{') break;
        const close = closeBrace(cur, k);
        if (close === -1) break;
        let pos = k + 1;
        for (const part of cur.slice(k + 1, close).split(',')) {
          const key = part.trim();
          if (key) {
            const at = pos + part.indexOf(key);
            keys.push(key);
            keySpans.push({ key, start: at, end: at + key.length });
          }
          pos += part.length + 1;
        }
        j = skipOptional(cur, close + 1);
      }
      if (name !== 'nocite' && keys.length) citations.push({ start, end: j, keys, keySpans });
      buf.blank(start, j);
      cmdRe.lastIndex = j;
      continue;
    }
    const optEnd = skipOptional(cur, afterName);
    if (HEADING_CMDS.has(name) || name === 'caption') {
      let k = optEnd;
      while (k < cur.length && /[ \t]/.test(cur[k])) k++;
      if (cur[k] === '{') {
        const close = closeBrace(cur, k);
        if (close !== -1) {
          buf.blank(start, k + 1);
          buf.blank(close, close + 1);
          special.push({ start: k + 1, end: close, kind: name === 'caption' ? 'caption' : 'heading' });
          breaks.push(start, close + 1);
          cmdRe.lastIndex = k + 1;
          continue;
        }
      }
    }
    if (name === 'footnote' || name === 'footnotetext' || name === 'marginpar') {
      // Footnotes are blanked (not merged into the sentence), but citations inside them
      // still count for the sentence: keep scanning inside.
      const k = optEnd;
      if (cur[k] === '{') {
        const close = closeBrace(cur, k);
        if (close !== -1) {
          buf.blank(start, close + 1);
          cmdRe.lastIndex = k + 1;
          continue;
        }
      }
    }
    if (name === 'verb' || name === 'lstinline') {
      const delim = cur[afterName];
      if (delim && !/[A-Za-z\s]/.test(delim)) {
        const close = cur.indexOf(delim === '{' ? '}' : delim, afterName + 1);
        const e = close === -1 ? afterName + 1 : close + 1;
        buf.blank(start, e);
        cmdRe.lastIndex = e;
        continue;
      }
    }
    if ((name === 'c' || name === 'v' || name === 'u' || name === 'H' || name === 'k' || name === 'r') && /^\{[A-Za-z]\}/.test(cur.slice(afterName, afterName + 3))) {
      const mark = { c: '\u0327', v: '\u030c', u: '\u0306', H: '\u030b', k: '\u0328', r: '\u030a' }[name];
      const letter = cur[afterName + 1];
      buf.remove(start, afterName + 3);
      buf.set(afterName + 1, (letter + mark).normalize('NFC'));
      cmdRe.lastIndex = afterName + 3;
      continue;
    }
    if (name === 'par' || name === 'newline' || name === 'linebreak' || name === 'bigskip' || name === 'medskip' || name === 'smallskip' || name === 'noindent') {
      if (name !== 'noindent') breaks.push(start);
      buf.blank(start, optEnd);
      continue;
    }
    if (name === 'item') {
      breaks.push(start);
      buf.blank(start, optEnd);
      continue;
    }
    if (name === 'href') {
      // \href{url}{text}: drop the url, keep the text.
      let k = optEnd;
      if (cur[k] === '{') {
        const close = closeBrace(cur, k);
        if (close !== -1) {
          buf.blank(start, close + 1);
          cmdRe.lastIndex = close + 1;
          continue;
        }
      }
    }
    if (DROP_ARG.has(name)) {
      let j = optEnd;
      let k = j;
      while (k < cur.length && /[ \t]/.test(cur[k])) k++;
      if (cur[k] === '{') {
        const close = closeBrace(cur, k);
        if (close !== -1) j = close + 1;
      }
      // \begin{env}[opt]{arg}: the environment's own arguments are not prose either.
      if (name === 'begin' || name === 'end') {
        j = skipOptional(cur, j);
        breaks.push(start);
        // Column specs and other arguments of tabular-like environments.
        if (name === 'begin' && /^\\begin\s*\{(?:tabular|tabularx|tabulary|longtable|array|tabu|minipage|multicols|wrapfigure)\*?\}/.test(cur.slice(start, j))) {
          for (let n = 0; n < 2; n++) {
            let q = j;
            while (q < cur.length && /[ \t]/.test(cur[q])) q++;
            if (cur[q] !== '{') break;
            const close = closeBrace(cur, q);
            if (close === -1) break;
            j = skipOptional(cur, close + 1);
          }
        }
      }
      if (name === 'begin' || name === 'end') breaks.push(j);
      buf.blank(start, j);
      cmdRe.lastIndex = j;
      continue;
    }
    // Any other command: drop the name and optional args, keep the braced text.
    buf.blank(start, optEnd);
  }
  cur = buf.toString();
  // Remaining grouping braces, ties and alignment tabs.
  for (let i = 0; i < cur.length; i++) {
    const c = cur[i];
    if ((c === '{' || c === '}') && text[i - 1] !== '\\') buf.blank(i, i + 1);
    else if (c === '~' && text[i - 1] !== '\\') buf.set(i, ' ');
    else if (c === '&' && text[i - 1] !== '\\') buf.blank(i, i + 1);
  }
  const masked = buf.toString();

  // Blocks: split the document at structural breaks; headings/captions are their own blocks.
  const blocks: PreparedDraft['blocks'] = [];
  const cuts = [...new Set([0, masked.length, ...breaks, ...special.flatMap((s) => [s.start, s.end])])].sort((a, b) => a - b);
  special.sort((a, b) => a.start - b.start);
  const specialStarts = special.map((x) => x.start);
  const plainAt: number[] = [];
  for (let i = 0; i + 1 < cuts.length; i++) {
    const s = cuts[i];
    const e = cuts[i + 1];
    if (e <= s) continue;
    // The heading/caption argument this segment lies in, if any.
    const k = lastAtOrBefore(specialStarts, s);
    const sp = k >= 0 && e <= special[k].end ? special[k] : undefined;
    blocks.push({ start: s, end: e, kind: sp ? sp.kind : 'paragraph' });
    if (!sp) plainAt.push(blocks.length - 1);
  }
  const kinds = envKinds(envs, plainAt.map((b) => blocks[b].start));
  plainAt.forEach((b, q) => (blocks[b].kind = kinds[q]));
  return { masked, blocks, citations, directives, latex: true };
}

// ---------------------------------------------------------------- common

/** Index of the last element of the ascending `arr` that is <= `x`, or -1. */
function lastAtOrBefore(arr: number[], x: number): number {
  let lo = 0;
  let hi = arr.length - 1;
  let ans = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (arr[mid] <= x) {
      ans = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return ans;
}

/** Split a prepared draft into sentences and attach citations and directives. */
function finish(text: string, p: PreparedDraft): DraftSentence[] {
  interface Work {
    start: number;
    end: number;
    block: BlockKind;
    blockIndex: number;
    citations: string[];
  }
  const work: Work[] = [];
  p.blocks.forEach((b, blockIndex) => {
    for (const s of splitSentencesInRange(p.masked, b.start, b.end, 'und', { lineBreaks: p.plain ? 'headline' : 'soft' })) {
      work.push({ start: s.start, end: s.end, block: b.kind, blockIndex, citations: [] });
    }
  });
  work.sort((a, b) => a.start - b.start);

  // Blocks sorted by start (they do not overlap); binary searches keep this linear-ish.
  const blockStarts = p.blocks.map((b) => b.start);
  const blockOf = (pos: number) => {
    const k = lastAtOrBefore(blockStarts, pos);
    return k >= 0 && pos < p.blocks[k].end ? k : -1;
  };
  const workStarts = work.map((w) => w.start);
  for (const c of p.citations) {
    const k = lastAtOrBefore(workStarts, c.start);
    let target: Work | undefined = k >= 0 && c.start < work[k].end ? work[k] : undefined;
    if (!target) {
      const bi = blockOf(c.start);
      // The sentence just before, in the same block (`... passengers. [@key]`), else the next one.
      const prev = k >= 0 ? work[k] : undefined;
      const next = work[k + 1];
      if (prev && (bi === -1 || prev.blockIndex === bi) && !/\n[ \t]*(\r?\n|\r)/.test(text.slice(prev.end, c.start))) target = prev;
      else if (next && (bi === -1 || next.blockIndex === bi)) target = next;
      if (target) {
        target.start = Math.min(target.start, c.start);
        target.end = Math.max(target.end, c.end);
      }
    }
    if (target) for (const key of c.keys) if (!target.citations.includes(key)) target.citations.push(key);
  }

  // Ignore directives.
  const ignored = new Set<Work>();
  const firstAtOrAfter = (pos: number) => lastAtOrBefore(workStarts, pos - 1) + 1;
  const sorted = [...p.directives].sort((a, b) => a.at - b.at);
  let openAt: number | undefined;
  const ignoreRange = (from: number, to: number) => {
    for (let k = firstAtOrAfter(from); k < work.length && work[k].start < to; k++) ignored.add(work[k]);
  };
  for (const d of sorted) {
    if (d.kind === 'next') {
      const w = work[firstAtOrAfter(d.at)];
      if (w) ignored.add(w);
    } else if (d.kind === 'start') {
      if (openAt === undefined) openAt = d.at;
    } else if (openAt !== undefined) {
      ignoreRange(openAt, d.at);
      openAt = undefined;
    }
  }
  if (openAt !== undefined) ignoreRange(openAt, Infinity);

  // A stand-alone Title Case line without end punctuation reads as a heading; so does a
  // short one in sentence case that is its paragraph's only sentence ("Rivalry deepens in
  // the north": news headlines end without a full stop, a written-out sentence with one).
  for (const w of work) {
    if (w.block !== 'paragraph') continue;
    if (looksLikeTitleLine(p.masked, w.start, w.end)) w.block = 'heading';
    else if (/^\s*(?:foto|photo|photos|beeld|image|picture|credit|illustratie|illustration|caption|bijschrift)\s*:/i.test(p.masked.slice(w.start, Math.min(w.end, w.start + 20)))) w.block = 'caption';
  }

  const lines = new LineIndex(text);
  const out: DraftSentence[] = [];
  for (const w of work) {
    let clean = collapseWhitespace(p.masked.slice(w.start, w.end).replace(/\0/g, ''));
    if (p.latex) clean = clean.replace(/(\d) %/g, '$1%').replace(/``|''/g, '"').replace(/`/g, "'").replace(/---/g, '—').replace(/--/g, '–');
    if (!/[\p{L}\p{N}]/u.test(clean)) continue;
    const s: DraftSentence = {
      text: clean,
      range: lines.rangeAt(w.start, w.end),
      start: w.start,
      end: w.end,
      citations: w.citations,
      block: w.block,
    };
    if (ignored.has(w)) s.ignored = true;
    out.push(s);
  }
  return out;
}

/** The most words of a sentence-case headline (checkworthy.ts reads an unpunctuated verbless line of up to 12 words as one too). */
const HEADLINE_WORDS = 12;
const MINOR_WORDS = new Set(['a', 'an', 'the', 'and', 'or', 'but', 'of', 'to', 'in', 'on', 'at', 'for', 'by', 'with', 'from', 'as', 'vs', 'de', 'het', 'een', 'en', 'van', 'op', 'in', 'met', 'voor', 'aan', 'te']);

/**
 * Whether the line next to the line break at `brk` (dir -1: the line before it, 1: the one
 * after it) is blank; past the text's edge counts as blank.
 */
function blankLineBeside(masked: string, brk: number, dir: -1 | 1): boolean {
  for (let k = brk + dir; k >= 0 && k < masked.length; k += dir) {
    const ch = masked[k];
    if (ch === '\n') return true;
    if (ch !== ' ' && ch !== '\t' && ch !== '\r') return false;
  }
  return true;
}

/** Whether the line at [from, to) has a blank line (or the text's edge) before and after it: a paragraph of one line. */
function standsAlone(masked: string, from: number, to: number): boolean {
  return (from === 0 || blankLineBeside(masked, from - 1, -1)) && (to >= masked.length || blankLineBeside(masked, to, 1));
}

function looksLikeTitleLine(masked: string, start: number, end: number): boolean {
  // Only blanks between the line start and `start`, and between `end` and the line end.
  // (a plain-text heading marker "## " may precede it)
  let marked = false;
  let lineStart = start;
  for (let i = start - 1; i >= 0 && masked[i] !== '\n' && masked[i] !== '\r'; i--) {
    if (masked[i] === '#') marked = true;
    else if (masked[i] !== ' ' && masked[i] !== '\t') return false;
    lineStart = i;
  }
  let lineEnd = end;
  for (; lineEnd < masked.length && masked[lineEnd] !== '\n' && masked[lineEnd] !== '\r'; lineEnd++) if (masked[lineEnd] !== ' ' && masked[lineEnd] !== '\t') return false;
  const t = masked.slice(start, end).trim();
  if (/[\r\n]/.test(t) || /[.!?…:;,]["'”’)\]]*$/.test(t)) return false;
  const words = t.split(/\s+/).filter((x) => /\p{L}/u.test(x));
  if (words.length === 0 || words.length > 15) return false;
  if (marked) return true;
  if (words.length <= 3 && !/\d/.test(t)) return true;
  if (words.length <= HEADLINE_WORDS && standsAlone(masked, lineStart, lineEnd)) return true;
  const content = words.filter((x) => !MINOR_WORDS.has(x.toLowerCase()));
  const caps = content.filter((x) => /^["'“‘(]?\p{Lu}/u.test(x)).length;
  return content.length >= 2 && caps / content.length >= 0.75;
}

/** Parse a draft into sentences. Never throws. */
export function parseDraft(text: string, format: DraftFormat): DraftSentence[] {
  const prepared =
    format === 'markdown' ? prepareMarkdownDraft(text) : format === 'latex' ? prepareLatexDraft(text) : preparePlainDraft(text);
  return finish(text, prepared);
}

/** The citation markers of a draft (for completions, hovers and the unknown-key check). */
export function findCitations(text: string, format: DraftFormat): DraftCitation[] {
  if (format === 'latex') return prepareLatexDraft(text).citations;
  if (format === 'markdown') return prepareMarkdownDraft(text).citations;
  return preparePlainDraft(text).citations;
}

/**
 * The form a sentence takes in the team ignore file: lowercase, citation markers removed,
 * curly quotes straightened, whitespace collapsed, trailing punctuation dropped.
 */
export function normalizeSentence(text: string): string {
  return text
    .normalize('NFC')
    .replace(/\\[A-Za-z]*cite[A-Za-z]*\*?(?:\s*\[[^\]]*\])*\s*\{[^}]*\}/g, ' ')
    .replace(BRACKET_CITE, (all, inner: string) => (bracketKeys(inner).length ? ' ' : all))
    .replace(AT_KEY, '$1')
    .replace(/[‘’‚‛′`]/g, "'")
    .replace(/[“”„‟″«»]/g, '"')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/\s+([.,;:!?])/g, '$1')
    .trim()
    .replace(/[\s.,;:!?…"')\]]+$/u, '')
    .trim();
}
