/**
 * Citation keys in the BibTeX/Zotero style people already know: `authorYEARword`.
 * First part: author's surname, else the outlet's first significant word, else the first
 * significant title word; then the year; then the first significant title word not yet
 * used. Lowercase ASCII, diacritics folded. Never derived from the file name (seed files
 * are named like `000_77dd5cafab056d3d.txt`), except as a last resort when a document has
 * no readable metadata at all.
 */

export interface KeyMeta {
  path: string;
  title: string;
  date?: string;
  author?: string;
  outlet?: string;
}

/** Words that never make a key: articles, prepositions, auxiliaries (en + nl). */
const KEY_STOP = new Set([
  'a', 'an', 'the', 'and', 'or', 'but', 'of', 'to', 'in', 'on', 'at', 'for', 'from', 'by',
  'with', 'as', 'is', 'are', 'was', 'were', 'be', 'been', 'has', 'have', 'had', 'it', 'its',
  'this', 'that', 'these', 'those', 'into', 'over', 'after', 'before', 'about', 'how', 'why',
  'what', 'who', 'when', 'where', 'not', 'no', 'new', 'says', 'said', 'will', 'can', 'do',
  'does', 'up', 'out', 'than', 'then', 'there', 'their', 'they', 'he', 'she', 'his', 'her',
  'de', 'het', 'een', 'en', 'of', 'van', 'te', 'op', 'aan', 'met', 'voor', 'door', 'naar',
  'bij', 'uit', 'om', 'dat', 'die', 'dit', 'deze', 'is', 'zijn', 'wordt', 'worden', 'werd',
  'er', 'ook', 'nog', 'niet', 'geen', 'als', 'maar', 'hoe', 'wat', 'wie', 'waarom', 'over',
  'tegen', 'tussen', 'hij', 'zij', 'ze', 'we', 'wij', 'ik', 'je', 'u', 'zich', 'hun',
  'haar', 'onder', 'meer', 'dan', 'tot', 'al', 'nu',
]);

const NON_ASCII = /[^\x00-\x7f]/;

/** Lowercase ASCII, diacritics folded (ß -> ss, æ -> ae, ø -> o, ...). */
export function foldAscii(s: string): string {
  // ASCII needs only lowercasing (NFKD and the replacements below touch non-ASCII only).
  if (!NON_ASCII.test(s)) return s.toLowerCase();
  return s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ß/g, 'ss')
    .replace(/[æÆ]/g, 'ae')
    .replace(/[œŒ]/g, 'oe')
    .replace(/[øØ]/g, 'o')
    .replace(/[łŁ]/g, 'l')
    .replace(/[đĐ]/g, 'd')
    .replace(/[þÞ]/g, 'th')
    .toLowerCase();
}

/** Significant words of a phrase, folded, possessive `'s` dropped. */
export function keyWords(text: string): string[] {
  const out: string[] = [];
  for (const raw of text.split(/[\s\-–—/:;,.!?()[\]{}"“”‘’«»]+/)) {
    const w = foldAscii(raw.replace(/['’]s$/i, '')).replace(/[^a-z0-9]/g, '');
    if (!w || KEY_STOP.has(w) || /^\d+$/.test(w) || w.length < 2) continue;
    out.push(w);
  }
  return out;
}

/** The surname of an author string ("Jane van Dijk", "Dijk, Jane", "J. Smith and K. Lee"). */
export function surname(author: string): string | undefined {
  let first = author.split(/\s*(?:;|&|\band\b|\ben\b)\s*/i)[0].trim();
  if (!first) return undefined;
  let name: string;
  const commaParts = first.split(',').map((x) => x.trim()).filter(Boolean);
  // "Jane van Dijk, Ann Smith" is a list; "Dijk, Jane" and "Smith, J. K." are "Last, First".
  const isList = commaParts.length >= 2 && commaParts[0].split(/\s+/).length >= 2 && commaParts[1].split(/\s+/).length >= 2 && !/^(?:\p{Lu}\.\s*)+$/u.test(commaParts[1]);
  if (isList) first = commaParts[0];
  if (!isList && commaParts.length >= 2) {
    name = commaParts[0];
  } else {
    first = first.replace(/\s+(?:jr|sr|ii|iii|iv)\.?$/i, '');
    const parts = first.split(/\s+/);
    let last = parts[parts.length - 1];
    // A slug such as "archive-joe-dangelo": the last part is the surname.
    if (parts.length === 1 && last.split('-').length >= 3) last = last.split('-').pop()!;
    // Keep Dutch/German particles with the surname's last word only (van Dijk -> dijk).
    name = last;
  }
  const w = foldAscii(name).replace(/[^a-z0-9]/g, '');
  return w || undefined;
}

function year(date: string | undefined): string {
  const m = date ? /\b(\d{4})\b/.exec(date) : null;
  return m ? m[1] : '';
}

/** The base (not yet unique) key of a document. */
export function citationKey(meta: KeyMeta): string {
  const titleWords = keyWords(meta.title || '');
  let head: string | undefined;
  if (meta.author) head = surname(meta.author);
  if (!head && meta.outlet) head = keyWords(meta.outlet)[0];
  let used: string | undefined;
  if (!head) {
    head = titleWords[0];
    used = head;
  }
  // The title word must add something: not the head, nor a word of the outlet's name.
  const outletWords = new Set(meta.outlet ? keyWords(meta.outlet) : []);
  const tail = titleWords.find((w) => w !== used && w !== head && !outletWords.has(w)) ?? titleWords.find((w) => w !== used && w !== head);
  let key = `${head ?? ''}${year(meta.date)}${tail ?? ''}`;
  if (!key || /^\d+$/.test(key)) {
    // No readable metadata at all: fall back to the file's base name, made readable.
    const base = meta.path.split(/[\\/]/).pop() ?? meta.path;
    key = foldAscii(base.replace(/\.[^.]+$/, '')).replace(/[^a-z0-9]/g, '') + key;
  }
  if (!/^[a-z]/.test(key)) key = `doc${key}`;
  return key.slice(0, 40);
}

/** Letters of key suffixes: lowercase letters and digits without look-alikes (l, o, 0, 1). */
const SUFFIX_ALPHABET = 'abcdefghijkmnpqrstuvwxyz23456789';

function fnv32(s: string, seed: number): number {
  let h = seed | 0;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/**
 * The path part of a full key: `length` letters from a hash of the workspace-relative
 * path (posix slashes), so the same file gets the same suffix on every machine.
 */
export function pathSuffix(path: string, length = 4): string {
  const p = path.replace(/\\/g, '/');
  let out = '';
  let h = fnv32(p, 0x811c9dc5);
  let round = 0;
  while (out.length < length) {
    if (out.length > 0 && out.length % 6 === 0) h = fnv32(p, 0x811c9dc5 ^ ++round);
    out += SUFFIX_ALPHABET[h & 31];
    h >>>= 5;
  }
  return out;
}

/** The full key of a document: its base key, `-`, its path suffix. */
export function fullKey(base: string, path: string, length = 4): string {
  return `${base}-${pathSuffix(path, length)}`;
}

/**
 * Keys of the members of one collision group (documents with the same base key), by
 * path. One member alone keeps the base key; several each get their full key (base key,
 * `-`, a hash of the path), with a longer hash for members whose short ones coincide.
 * A function of the group's paths only: the same whatever order they were indexed in.
 */
export function groupKeys(base: string, paths: Iterable<string>): Map<string, string> {
  const list = [...paths];
  const out = new Map<string, string>();
  if (list.length === 1) {
    out.set(list[0], base);
    return out;
  }
  const bySuffix = new Map<string, number>();
  for (const p of list) {
    const s = pathSuffix(p);
    bySuffix.set(s, (bySuffix.get(s) ?? 0) + 1);
  }
  for (const p of list) out.set(p, fullKey(base, p, bySuffix.get(pathSuffix(p))! > 1 ? 12 : 4));
  return out;
}

/**
 * Unique keys for a corpus, by path: the base key when no other document has it, else
 * the full key (see `groupKeys`). A function of the documents alone, never of the order
 * they arrive in; full keys contain a `-`, which base keys never do, so the two kinds
 * cannot collide.
 */
export function assignKeys(docs: KeyMeta[]): Map<string, string> {
  const groups = new Map<string, string[]>();
  for (const d of docs) {
    const base = citationKey(d);
    const g = groups.get(base);
    if (g) g.push(d.path);
    else groups.set(base, [d.path]);
  }
  const out = new Map<string, string>();
  for (const [base, paths] of groups) for (const [p, k] of groupKeys(base, paths)) out.set(p, k);
  return out;
}
