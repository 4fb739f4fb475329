/**
 * The team's bibliography: BibTeX/BibLaTeX (through biblatex-csl-converter, Fidus Writer's
 * parser, which recovers from syntax errors and reports them with their line) and CSL-JSON
 * (Zotero, Better CSL JSON, Pandoc). Pure: the adapters read the files and hand in text.
 *
 * Entries are linked to source documents (`linkEntries`): by the `file` field (Better
 * BibTeX, JabRef), else by a DOI, URL or title found in the source. A linked source takes
 * the entry's key, title, authors and date (engine.ts); an entry without a source is still
 * a known key, with no text to check.
 */
import { BibLatexParser } from 'biblatex-csl-converter';
import type { LoadWarning, SourceDocument } from '../types';
import { normalizeDate } from './parse';

export interface BibEntry {
  key: string;
  title?: string;
  /** Authors as written for people: "Ward, Alex; Smith, John" (CSL `literal` names as they are). */
  author?: string;
  /** ISO date (`2018`, `2018-01`, `2018-01-05`). */
  date?: string;
  doi?: string;
  url?: string;
  /** Paths from the `file` field (posix slashes). */
  files: string[];
  /** The bibliography file and the entry's 1-based line in it. */
  bibPath: string;
  line: number;
}

export interface BibFile {
  path: string;
  text: string;
}

/** Which bibliography format a path is, by its name. */
export function bibFormat(path: string): 'bibtex' | 'csl-json' | undefined {
  if (/\.(?:bib|bibtex|biblatex)$/i.test(path)) return 'bibtex';
  if (/\.json$/i.test(path)) return 'csl-json';
  return undefined;
}

function warn(path: string, message: string, skipped = false): LoadWarning {
  return { path, code: 'malformed', message: `${path}: ${message}`, skipped };
}

/** Parse one bibliography file. Never throws: bad entries are left out and reported with their line. */
export function parseBibliography(file: BibFile): { entries: BibEntry[]; warnings: LoadWarning[] } {
  try {
    const fmt = bibFormat(file.path);
    if (fmt === 'bibtex') return parseBibtex(file);
    if (fmt === 'csl-json') return parseCslJson(file);
    return { entries: [], warnings: [{ path: file.path, code: 'unsupported-type', message: `${file.path}: not read, a bibliography is a .bib (BibTeX/BibLaTeX) or .json (CSL-JSON) file.`, skipped: true }] };
  } catch (e) {
    return { entries: [], warnings: [warn(file.path, `the bibliography could not be read (${(e as Error).message}).`, true)] };
  }
}

// ---- BibTeX / BibLaTeX -------------------------------------------------------------------

interface RichNode {
  type?: string;
  text?: string;
  content?: RichNode[];
}
type RichText = RichNode[];
interface BibName {
  family?: RichText;
  given?: RichText;
  literal?: RichText;
}

function plain(nodes: unknown): string {
  if (typeof nodes === 'string') return nodes;
  if (!Array.isArray(nodes)) return '';
  let out = '';
  for (const n of nodes as RichNode[]) {
    if (n && typeof n.text === 'string') out += n.text;
    else if (n && Array.isArray(n.content)) out += plain(n.content);
  }
  return out.replace(/\s+/g, ' ').trim();
}

function names(list: unknown): string | undefined {
  if (!Array.isArray(list)) return undefined;
  const out = (list as BibName[])
    .map((n) => (n.literal ? plain(n.literal) : [plain(n.family), plain(n.given)].filter(Boolean).join(', ')))
    .filter(Boolean);
  return out.length ? out.join('; ') : undefined;
}

/** Paths of a `file` field: `path`, `desc:path:type` (JabRef), several joined by `;`. */
export function filePaths(field: string): string[] {
  const out: string[] = [];
  for (const part of field.split(/(?<!\\);/)) {
    const p = part.replace(/\\:/g, '\u0000').replace(/\\\\/g, '\\');
    const segs = p.split(':');
    // "desc:path:type" -> the middle; "C:\x" (a drive letter) and plain paths stay whole.
    let path = segs.length >= 3 ? segs.slice(1, -1).join(':') : segs.length === 2 && segs[0].length === 1 ? p : segs.length === 2 ? segs[1] : p;
    path = path.replace(/\u0000/g, ':').replace(/\\/g, '/').trim();
    if (path) out.push(path);
  }
  return out;
}

/** 1-based line of each `@type{key,` entry start (comments, strings and preambles aside). */
function entryStarts(text: string): Array<{ line: number; key: string }> {
  const out: Array<{ line: number; key: string }> = [];
  const re = /@\s*([A-Za-z]+)\s*[{(]\s*([^,\s}]*)/g;
  let m: RegExpExecArray | null;
  let line = 1;
  let last = 0;
  while ((m = re.exec(text))) {
    for (let i = last; i < m.index; i++) if (text.charCodeAt(i) === 10) line++;
    last = m.index;
    const type = m[1].toLowerCase();
    if (type === 'comment' || type === 'string' || type === 'preamble') continue;
    out.push({ line, key: m[2] });
  }
  return out;
}

function parseBibtex(file: BibFile): { entries: BibEntry[]; warnings: LoadWarning[] } {
  const parser = new BibLatexParser(file.text, { processUnexpected: true, processUnknown: true, processComments: false });
  const r = parser.parse() as {
    entries: Record<string, { entry_key: string; fields: Record<string, unknown>; unexpected_fields?: Record<string, unknown>; unknown_fields?: Record<string, unknown> }>;
    errors: Array<{ type: string; line?: number; expected?: string; found?: string; key?: string; entry?: string }>;
  };
  const starts = entryStarts(file.text);
  const warnings: LoadWarning[] = [];
  const bad = new Set<string>();
  for (const err of r.errors) {
    const line = err.line ?? 0;
    // The entry the error is in: the last one starting before it (an error found at the next "@" belongs to the entry before).
    let entry: { line: number; key: string } | undefined;
    for (const s of starts) {
      if (s.line < line || (s.line === line && err.found !== '@')) entry = s;
      else break;
    }
    const what = err.expected !== undefined ? `expected "${err.expected}", found "${err.found ?? ''}"` : err.type.replace(/_/g, ' ');
    if (entry) {
      bad.add(entry.key);
      warnings.push(warn(file.path, `line ${entry.line}: the entry "${entry.key}" was left out, it has a syntax error (${what} at line ${line}).`));
    } else warnings.push(warn(file.path, `line ${line}: syntax error (${what}); the entries around it may be incomplete.`));
  }
  const lineOf = new Map(starts.map((s) => [s.key, s.line]));
  const entries: BibEntry[] = [];
  const seen = new Set<string>();
  for (const e of Object.values(r.entries)) {
    const key = e.entry_key;
    if (!key || bad.has(key)) continue;
    if (seen.has(key)) {
      warnings.push(warn(file.path, `line ${lineOf.get(key) ?? 0}: the key "${key}" appears twice; the first entry is used.`));
      continue;
    }
    seen.add(key);
    const f = e.fields ?? {};
    const extra = { ...(e.unknown_fields ?? {}), ...(e.unexpected_fields ?? {}) };
    const str = (v: unknown): string | undefined => {
      const s = typeof v === 'string' ? v.trim() : plain(v);
      return s ? s : undefined;
    };
    const fileField = str(extra.file) ?? str(f.file);
    const entry: BibEntry = {
      key,
      title: str(f.title),
      author: names(f.author) ?? names(f.editor),
      date: normalizeDate(str(f.date)),
      doi: str(f.doi),
      url: str(f.url),
      files: fileField ? filePaths(fileField) : [],
      bibPath: file.path,
      line: lineOf.get(key) ?? 0,
    };
    entries.push(entry);
  }
  return { entries, warnings };
}

// ---- CSL-JSON ----------------------------------------------------------------------------

interface CslName {
  family?: string;
  given?: string;
  literal?: string;
}

function cslDate(d: unknown): string | undefined {
  if (!d || typeof d !== 'object') return undefined;
  const parts = (d as { 'date-parts'?: unknown })['date-parts'];
  if (Array.isArray(parts) && Array.isArray(parts[0])) {
    const [y, m, day] = parts[0] as number[];
    if (!y) return undefined;
    return normalizeDate([y, m, day].filter((x) => x !== undefined && x !== null && String(x) !== '').join('-'));
  }
  const raw = (d as { raw?: unknown; literal?: unknown }).raw ?? (d as { literal?: unknown }).literal;
  return typeof raw === 'string' ? normalizeDate(raw) : undefined;
}

function parseCslJson(file: BibFile): { entries: BibEntry[]; warnings: LoadWarning[] } {
  let data: unknown;
  try {
    data = JSON.parse(file.text);
  } catch (e) {
    const m = /position (\d+)/.exec((e as Error).message);
    const line = m ? file.text.slice(0, Number(m[1])).split('\n').length : undefined;
    return { entries: [], warnings: [warn(file.path, `not valid JSON${line ? ` (line ${line})` : ''}, so no entry was read: ${(e as Error).message}.`, true)] };
  }
  const items = Array.isArray(data) ? data : data && typeof data === 'object' && Array.isArray((data as { items?: unknown }).items) ? (data as { items: unknown[] }).items : undefined;
  if (!items) return { entries: [], warnings: [warn(file.path, 'not a CSL-JSON bibliography (expected an array of items).', true)] };
  const warnings: LoadWarning[] = [];
  const entries: BibEntry[] = [];
  const seen = new Set<string>();
  items.forEach((it, i) => {
    const o = it as Record<string, unknown>;
    const key = o && typeof o === 'object' ? (typeof o['citation-key'] === 'string' ? (o['citation-key'] as string) : typeof o.id === 'string' || typeof o.id === 'number' ? String(o.id) : undefined) : undefined;
    if (!key) {
      warnings.push(warn(file.path, `item ${i + 1} was left out: it has no "id".`));
      return;
    }
    if (seen.has(key)) {
      warnings.push(warn(file.path, `the key "${key}" appears twice; the first item is used.`));
      return;
    }
    seen.add(key);
    const authors = Array.isArray(o.author)
      ? (o.author as CslName[]).map((n) => n.literal ?? [n.family, n.given].filter(Boolean).join(', ')).filter(Boolean).join('; ')
      : undefined;
    const s = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v.trim() : undefined);
    entries.push({
      key,
      title: s(o.title),
      author: authors || undefined,
      date: cslDate(o.issued),
      doi: s(o.DOI),
      url: s(o.URL),
      files: s(o.file) ? filePaths(s(o.file)!) : [],
      bibPath: file.path,
      line: 0,
    });
  });
  return { entries, warnings };
}

// ---- linking -----------------------------------------------------------------------------

const fold = (s: string): string => s.toLowerCase().normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
const baseName = (p: string): string => p.split('/').pop() ?? p;
const urlKey = (u: string): string => u.trim().toLowerCase().replace(/^https?:\/\/(?:www\.)?/, '').replace(/[/#?]+$/, '');

/**
 * Which document each entry describes (entry key -> document path). In order: the `file`
 * field names the document's path (or ends with it, or has its file name when only one
 * document has that name); the DOI or the URL appears in the document's text; the title
 * (four words or more) is the document's title or appears near its start. One document per
 * entry and one entry per document, the first in bibliography order.
 */
export function linkEntries(entries: readonly BibEntry[], docs: readonly SourceDocument[]): Map<string, string> {
  const out = new Map<string, string>();
  const taken = new Set<string>();
  const byBase = new Map<string, string[]>();
  for (const d of docs) {
    const b = baseName(d.path).toLowerCase();
    byBase.set(b, [...(byBase.get(b) ?? []), d.path]);
  }
  const link = (e: BibEntry, path: string | undefined): boolean => {
    if (!path || taken.has(path) || out.has(e.key)) return false;
    out.set(e.key, path);
    taken.add(path);
    return true;
  };
  // 1. file fields
  for (const e of entries) {
    for (const f of e.files) {
      const fp = f.replace(/^\.\//, '');
      const exact = docs.find((d) => d.path === fp || fp.endsWith(`/${d.path}`) || d.path.endsWith(`/${fp}`));
      const byName = byBase.get(baseName(fp).toLowerCase());
      if (link(e, exact?.path ?? (byName && byName.length === 1 ? byName[0] : undefined))) break;
    }
  }
  // 2. DOI / URL in the text, 3. title (each document's start read once, lowercased and folded)
  const HEAD = 20000;
  const heads = new Map<string, { lower: string; folded: string; title: string }>();
  const head = (d: SourceDocument) => {
    let h = heads.get(d.path);
    if (!h) {
      const lower = d.text.slice(0, HEAD).toLowerCase();
      heads.set(d.path, (h = { lower, folded: ` ${fold(lower.slice(0, 4000))} `, title: fold(d.title) }));
    }
    return h;
  };
  for (const e of entries) {
    if (out.has(e.key)) continue;
    const doi = e.doi?.toLowerCase().replace(/^https?:\/\/(?:dx\.)?doi\.org\//, '');
    const url = e.url ? urlKey(e.url) : undefined;
    const t = e.title ? fold(e.title) : '';
    const byTitle = t.split(' ').length >= 4;
    if (!doi && !(url && url.length > 8) && !byTitle) continue;
    const found = docs.find((d) => {
      if (taken.has(d.path)) return false;
      const h = head(d);
      if (doi && h.lower.includes(doi)) return true;
      if (url && url.length > 8 && h.lower.includes(url)) return true;
      return byTitle && (h.title === t || h.folded.includes(` ${t} `));
    });
    if (found) link(e, found.path);
  }
  return out;
}
