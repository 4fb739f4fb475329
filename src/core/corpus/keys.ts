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

/** Suffix for the n-th member of a collision group: a, b, ..., z, aa, ab, ... */
export function suffix(n: number): string {
  let s = '';
  let k = n;
  do {
    s = String.fromCharCode(97 + (k % 26)) + s;
    k = Math.floor(k / 26) - 1;
  } while (k >= 0);
  return s;
}

/**
 * Unique keys for a corpus, by path. Documents whose base keys collide get a, b, c...
 * in path order (the first one gets `a` too, as BibTeX tools do), so a document's key
 * depends only on its own metadata and the members of its collision group.
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
  const taken = new Set(groups.keys());
  for (const [base, paths] of groups) {
    if (paths.length === 1) {
      out.set(paths[0], base);
      continue;
    }
    paths.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    let n = 0;
    for (const p of paths) {
      let k = base + suffix(n++);
      // Never collide with another group's base key (e.g. "smith2018a" as a base).
      while (taken.has(k)) k = base + suffix(n++);
      taken.add(k);
      out.set(p, k);
    }
  }
  return out;
}
