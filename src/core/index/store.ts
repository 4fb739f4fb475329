/**
 * The index file: documents (metadata, text, passages with ranges), per-file warnings and
 * the postings of the passage index, in one compact binary.
 *
 *   header  "GWIX" | u32 format version | u32 analyzer fingerprint | u32 payload length | u32 CRC-32 of payload
 *   payload word dictionary | documents | skipped files | warnings | passage lengths | postings
 *
 * Texts are stored as sequences of ids into a word/separator dictionary (a word followed
 * by one space costs one code), passages as offsets into their document's text, ranges
 * and postings as delta varints. That keeps the whole file below the size of the corpus
 * text it indexes. Any damage (magic, version, checksum, truncation) throws CacheError.
 */
import type { LoadWarning, Passage, SourceDocument } from '../types';
import { ByteReader, ByteWriter, CacheError, crc32, stringHash } from './codec';
import { PassageIndex, POSTING_TF_MAX, POSTING_TF_MUL } from './passageIndex';

export const INDEX_MAGIC = [0x47, 0x57, 0x49, 0x58]; // "GWIX"
export const INDEX_FORMAT_VERSION = 2;
const HEADER_BYTES = 20;

/** Tie-break key of a passage for equal scores: a hash of its id, so order never depends on insertion. */
export function passageTie(id: string): number {
  return stringHash(id);
}

/** FNV-1a state after `${path}#` (the shared prefix of a document's standard passage ids). */
function tiePrefix(path: string): number {
  let h = 0x811c9dc5 | 0;
  for (let i = 0; i < path.length; i++) h = Math.imul(h ^ path.charCodeAt(i), 0x01000193);
  return Math.imul(h ^ 35 /* # */, 0x01000193);
}

const DIGITS: number[] = [];
/** passageTie(`${path}#${ordinal}`) from tiePrefix(path), without building the id. */
function tieAt(prefix: number, ordinal: number): number {
  let n = 0;
  let v = ordinal;
  do {
    DIGITS[n++] = 48 + (v % 10);
    v = Math.floor(v / 10);
  } while (v > 0);
  let h = prefix;
  while (n > 0) h = Math.imul(h ^ DIGITS[--n], 0x01000193);
  return h >>> 0;
}

export interface StoredDoc {
  doc: SourceDocument;
  /** Hash of the raw bytes, to skip unchanged files without parsing. */
  bytesHash: string;
  /** Key the document would get alone (its key group). */
  keyBase: string;
}

export interface StoredSkip {
  path: string;
  bytesHash: string;
}

export interface StoredState {
  /** Documents in index slot order: after decoding, slot i is docs[i]. */
  docs: StoredDoc[];
  skipped: StoredSkip[];
  warnings: [string, LoadWarning[]][];
  index: PassageIndex;
}

const DOC_KEYS = new Set([
  'path',
  'key',
  'title',
  'date',
  'outlet',
  'author',
  'language',
  'text',
  'passages',
  'hash',
  'warnings',
]);
const PASSAGE_KEYS = new Set(['id', 'ordinal', 'text', 'range']);

const F_NONSTANDARD_IDS = 1;
const F_PASSAGE_EXTRAS = 2;
const F_RAW_TEXT = 4;

const WORD_CHAR = /[\p{L}\p{N}]/u;
const LONE_SURROGATE = /[\ud800-\udfff]/u;
/** Word-character class of each UTF-16 code unit: 1 word, 0 other (surrogates count as word). */
let classTable: Uint8Array | undefined;
function charClasses(): Uint8Array {
  if (!classTable) {
    classTable = new Uint8Array(65536);
    for (let c = 0; c < 65536; c++) {
      if (c >= 0xd800 && c <= 0xdfff) classTable[c] = 1;
      else classTable[c] = WORD_CHAR.test(String.fromCharCode(c)) ? 1 : 0;
    }
  }
  return classTable;
}

class TextDict {
  readonly words: string[] = [];
  /** Open-addressing table of word ids (id + 1; 0 = empty), keyed by a hash of the run. */
  private table = new Int32Array(1 << 16);
  private hashes: number[] = [];
  private codes = new Float64Array(1024);

  private grow(): void {
    const size = this.table.length * 2;
    const t = new Int32Array(size);
    const mask = size - 1;
    for (let id = 0; id < this.words.length; id++) {
      let slot = this.hashes[id] & mask;
      while (t[slot] !== 0) slot = (slot + 1) & mask;
      t[slot] = id + 1;
    }
    this.table = t;
  }

  /** Id of text[start, end), hashed without slicing; new runs are added. */
  private idOf(text: string, start: number, end: number, h: number): number {
    const mask = this.table.length - 1;
    const len = end - start;
    let slot = h & mask;
    for (;;) {
      const v = this.table[slot];
      if (v === 0) break;
      const w = this.words[v - 1];
      if (this.hashes[v - 1] === h && w.length === len && text.startsWith(w, start)) return v - 1;
      slot = (slot + 1) & mask;
    }
    const id = this.words.length;
    this.words.push(text.slice(start, end));
    this.hashes.push(h);
    this.table[slot] = id + 1;
    if (this.words.length * 2 > this.table.length) this.grow();
    return id;
  }

  /**
   * Encode text as runs of word and non-word characters, each run a dictionary id
   * (code = id * 2 + 1 when the run is followed by a single space, which is then skipped).
   * Lossless by construction: the runs concatenate back to the text.
   */
  encode(text: string, out: ByteWriter): void {
    const CLASS = charClasses();
    const n = text.length;
    let count = 0;
    let i = 0;
    while (i < n) {
      let c = text.charCodeAt(i);
      const cls = CLASS[c];
      let h = Math.imul(0x811c9dc5 ^ c, 0x01000193);
      let j = i + 1;
      while (j < n) {
        c = text.charCodeAt(j);
        if (CLASS[c] !== cls) break;
        h = Math.imul(h ^ c, 0x01000193);
        j++;
      }
      let code = this.idOf(text, i, j, h >>> 0) * 2;
      // A word followed by exactly one space (then a word character or the end).
      if (cls === 1 && j < n && text.charCodeAt(j) === 32 && (j + 1 >= n || CLASS[text.charCodeAt(j + 1)] === 1)) {
        code += 1;
        j += 1;
      }
      if (count >= this.codes.length) {
        const b = new Float64Array(this.codes.length * 2);
        b.set(this.codes);
        this.codes = b;
      }
      this.codes[count++] = code;
      i = j;
    }
    out.uv(count);
    for (let k = 0; k < count; k++) out.uv(this.codes[k]);
  }
}

const WS = /\s/;
const WS_RUNS = /\s+/g;

/** Source length of `ptext` at `start` when whitespace runs of the text collapse to its single spaces, or -1. */
function flexLength(text: string, ptext: string, start: number): number {
  let j = start;
  for (let i = 0; i < ptext.length; i++) {
    const c = ptext.charCodeAt(i);
    if (c === 32) {
      if (j >= text.length || !WS.test(text[j])) return -1;
      while (j < text.length && WS.test(text[j])) j++;
    } else {
      if (j >= text.length || text.charCodeAt(j) !== c) return -1;
      j++;
    }
  }
  return text.slice(start, j).replace(WS_RUNS, ' ') === ptext ? j - start : -1;
}

/**
 * Where a passage sits in its document text at or after `from` (bounded search): exactly,
 * or with whitespace runs collapsed to single spaces (`flex`); undefined when neither.
 */
function findPassage(text: string, ptext: string, from: number): { off: number; len: number; flex: boolean } | undefined {
  if (ptext.length === 0) return undefined;
  if (text.startsWith(ptext, from)) return { off: from, len: ptext.length, flex: false };
  const end = from + ptext.length * 2 + 4096;
  const window = text.substring(from, end);
  const i = window.indexOf(ptext);
  if (i >= 0) return { off: from + i, len: ptext.length, flex: false };
  const sp = ptext.indexOf(' ');
  const head = sp < 0 ? ptext : ptext.slice(0, sp);
  if (!head) return undefined;
  let at = window.indexOf(head);
  for (let tries = 0; at >= 0 && tries < 8; tries++) {
    const len = flexLength(text, ptext, from + at);
    if (len >= 0) return { off: from + at, len, flex: true };
    at = window.indexOf(head, at + 1);
  }
  return undefined;
}

function extras(obj: object, known: Set<string>): Record<string, unknown> | undefined {
  let out: Record<string, unknown> | undefined;
  for (const [k, v] of Object.entries(obj)) {
    if (known.has(k) || v === undefined) continue;
    (out ??= {})[k] = v;
  }
  return out;
}

export function encodeState(
  state: { docs: (slot: number) => StoredDoc; skipped: StoredSkip[]; warnings: [string, LoadWarning[]][]; index: PassageIndex },
  fingerprint: number,
): Uint8Array {
  const { index } = state;
  const layout = index.exportLayout();
  const dict = new TextDict();
  const body = new ByteWriter(1 << 20);

  body.uv(layout.length);
  for (const { slot, count } of layout) {
    const { doc, bytesHash, keyBase } = state.docs(slot);
    if (doc.passages.length !== count) throw new Error(`index layout mismatch for ${doc.path}`);
    let flags = 0;
    const ps = doc.passages;
    for (let i = 0; i < ps.length; i++) {
      const p = ps[i];
      if (p.ordinal !== i || p.id !== `${doc.path}#${i}`) flags |= F_NONSTANDARD_IDS;
      if (extras(p, PASSAGE_KEYS)) flags |= F_PASSAGE_EXTRAS;
    }
    // Lone surrogates cannot go through UTF-8: keep such a text as raw UTF-16.
    const textCodes = new ByteWriter(doc.text.length + 16);
    if (LONE_SURROGATE.test(doc.text)) flags |= F_RAW_TEXT;
    else dict.encode(doc.text, textCodes);
    body.u8(flags);
    body.str(doc.path);
    body.str(doc.key);
    body.str(keyBase);
    body.str(doc.title);
    body.ostr(doc.date);
    body.ostr(doc.outlet);
    body.ostr(doc.author);
    body.str(doc.language);
    body.str(doc.hash);
    body.str(bytesHash);
    body.str(doc.warnings.length ? JSON.stringify(doc.warnings) : '');
    const dx = extras(doc, DOC_KEYS);
    body.str(dx ? JSON.stringify(dx) : '');
    if (flags & F_RAW_TEXT) {
      body.uv(doc.text.length);
      for (let i = 0; i < doc.text.length; i++) {
        const u = doc.text.charCodeAt(i);
        body.u8(u & 0xff);
        body.u8(u >>> 8);
      }
    }
    else body.bytes(textCodes.finish());

    body.uv(ps.length);
    let prevOff = 0;
    let prevLine = 0;
    for (const p of ps) {
      if (flags & F_NONSTANDARD_IDS) {
        body.str(p.id);
        body.uv(p.ordinal);
      }
      const at = findPassage(doc.text, p.text, prevOff);
      if (at) {
        body.uv(at.off - prevOff + 1);
        body.uv(at.len * 2 + (at.flex ? 1 : 0));
        prevOff = at.off;
      } else {
        body.uv(0);
        body.str(p.text);
      }
      const r = p.range;
      body.sv(r.start.line - prevLine);
      body.uv(r.start.character);
      body.sv(r.end.line - r.start.line);
      body.uv(r.end.character);
      prevLine = r.end.line;
      if (flags & F_PASSAGE_EXTRAS) {
        const px = extras(p, PASSAGE_KEYS);
        body.str(px ? JSON.stringify(px) : '');
      }
    }
  }

  body.uv(state.skipped.length);
  for (const s of state.skipped) {
    body.str(s.path);
    body.str(s.bytesHash);
  }
  body.str(JSON.stringify(state.warnings));

  // Passage lengths, in passage-id order.
  let pid = 0;
  for (const { count } of layout) {
    for (let i = 0; i < count; i++) body.uv(index.passageLength(pid++));
  }
  // Postings.
  let nTerms = 0;
  index.forEachTerm(() => nTerms++);
  body.uv(nTerms);
  index.forEachTerm((term, list, len) => {
    body.str(term);
    body.uv(len);
    let prev = -1;
    for (let j = 0; j < len; j++) {
      const v = list[j];
      const p = Math.floor(v / POSTING_TF_MUL);
      const tf = v & POSTING_TF_MAX;
      const gap = p - prev - 1;
      prev = p;
      if (tf === 1) body.uv(gap * 2);
      else {
        body.uv(gap * 2 + 1);
        body.u8(tf);
      }
    }
  });

  const dictW = new ByteWriter(1 << 16);
  dictW.uv(dict.words.length);
  for (const w of dict.words) dictW.str(w);

  const dictBytes = dictW.finish();
  const bodyBytes = body.finish();
  const payloadLen = dictBytes.length + bodyBytes.length;
  const out = new Uint8Array(HEADER_BYTES + payloadLen);
  out.set(INDEX_MAGIC, 0);
  out.set(dictBytes, HEADER_BYTES);
  out.set(bodyBytes, HEADER_BYTES + dictBytes.length);
  const view = new DataView(out.buffer);
  view.setUint32(4, INDEX_FORMAT_VERSION, true);
  view.setUint32(8, fingerprint >>> 0, true);
  view.setUint32(12, payloadLen, true);
  view.setUint32(16, crc32(out, HEADER_BYTES), true);
  return out;
}

export function decodeState(bytes: Uint8Array, fingerprint: number): StoredState {
  if (!(bytes instanceof Uint8Array) || bytes.length < HEADER_BYTES) {
    throw new CacheError('index file too short');
  }
  for (let i = 0; i < 4; i++) {
    if (bytes[i] !== INDEX_MAGIC[i]) throw new CacheError('not a Groundwork index file (bad magic bytes)');
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const version = view.getUint32(4, true);
  if (version !== INDEX_FORMAT_VERSION) {
    throw new CacheError(`index format version ${version}, expected ${INDEX_FORMAT_VERSION}`);
  }
  if (view.getUint32(8, true) !== fingerprint >>> 0) {
    throw new CacheError('index built with a different text analyzer');
  }
  const payloadLen = view.getUint32(12, true);
  if (HEADER_BYTES + payloadLen !== bytes.length) {
    throw new CacheError(`index file length ${bytes.length}, expected ${HEADER_BYTES + payloadLen} (truncated?)`);
  }
  if (crc32(bytes, HEADER_BYTES) !== view.getUint32(16, true)) {
    throw new CacheError('index file checksum mismatch');
  }
  try {
    return decodePayload(bytes);
  } catch (e) {
    if (e instanceof CacheError) throw e;
    throw new CacheError(`index file malformed: ${(e as Error).message}`);
  }
}

/** Ints per passage in the loaded passage table: text offset, length code, range (4). */
const P_COLS = 6;

/** Where the texts and passages of lazily loaded documents live (shared by all of them). */
interface LoadedColumns {
  /** The documents' text codes, copied out of the file bytes. */
  codes: Uint8Array;
  /** P_COLS ints per passage (passages of a document are contiguous). */
  cols: Int32Array;
  words: readonly string[];
}

interface LazyDoc {
  path: string;
  /** Offset of the text codes in LoadedColumns.codes (file offsets until the copy). */
  codeStart: number;
  codeEnd: number;
  nCodes: number;
  /** First row in LoadedColumns.cols. */
  row: number;
  count: number;
  /** Passage texts stored literally (not found in the document text), by ordinal. */
  literal?: Map<number, string>;
}

function buildText(store: LoadedColumns, d: LazyDoc): string {
  return new ByteReader(store.codes, d.codeStart).codesToText(d.nCodes, store.words, []);
}

function buildPassages(store: LoadedColumns, d: LazyDoc, text: string): Passage[] {
  const cols = store.cols;
  const out: Passage[] = new Array(d.count);
  for (let i = 0; i < d.count; i++) {
    const k = (d.row + i) * P_COLS;
    const off = cols[k];
    let ptext: string;
    if (off < 0) ptext = d.literal!.get(i)!;
    else {
      const code = cols[k + 1];
      ptext = text.slice(off, off + (code >>> 1));
      if (code & 1) ptext = ptext.replace(WS_RUNS, ' ');
    }
    const sl = cols[k + 2];
    const el = cols[k + 4];
    out[i] = {
      id: `${d.path}#${i}`,
      ordinal: i,
      text: ptext,
      range: { start: { line: sl, character: cols[k + 3] }, end: { line: el, character: cols[k + 5] } },
    };
  }
  return out;
}

/** Replace an accessor by a plain data property holding `value` (same key order). */
function settle<T>(obj: object, key: string, value: T): T {
  Object.defineProperty(obj, key, { value, writable: true, enumerable: true, configurable: true });
  return value;
}

/**
 * Make `doc.text` and `doc.passages` build themselves on first read (then they are plain
 * properties). Loading a large index then allocates no per-passage objects: most
 * documents are never read in a session, and the ones that are pay for themselves once.
 */
function makeLazy(doc: SourceDocument, store: LoadedColumns, d: LazyDoc): void {
  Object.defineProperty(doc, 'text', {
    configurable: true,
    enumerable: true,
    get: () => settle(doc, 'text', buildText(store, d)),
    set: (v: string) => settle(doc, 'text', v),
  });
  Object.defineProperty(doc, 'passages', {
    configurable: true,
    enumerable: true,
    get: () => settle(doc, 'passages', buildPassages(store, d, doc.text)),
    set: (v: Passage[]) => settle(doc, 'passages', v),
  });
}

function decodePayload(bytes: Uint8Array): StoredState {
  const r = new ByteReader(bytes, HEADER_BYTES);
  const nWords = r.uv();
  const words: string[] = new Array(nWords);
  for (let i = 0; i < nWords; i++) words[i] = r.str();

  const nDocs = r.uv();
  const docs: StoredDoc[] = [];
  const layout: { slot: number; count: number }[] = [];
  const pieces: string[] = [];
  const lazy: LazyDoc[] = [];
  const store: LoadedColumns = { codes: new Uint8Array(0), cols: new Int32Array(P_COLS * 1024), words };
  let rows = 0;
  let codeBytes = 0;
  /** Tie-break keys in passage-id order. */
  let ties = new Uint32Array(1024);
  let total = 0;
  for (let d = 0; d < nDocs; d++) {
    const flags = r.u8();
    const path = r.str();
    const key = r.str();
    const keyBase = r.str();
    const title = r.str();
    const date = r.ostr();
    const outlet = r.ostr();
    const author = r.ostr();
    const language = r.str() as SourceDocument['language'];
    const hash = r.str();
    const bytesHash = r.str();
    const warnJson = r.str();
    const extraJson = r.str();
    // Documents as the parser makes them (standard ids, no extra passage fields, UTF-8
    // text) load lazily; others are built now.
    const isLazy = (flags & (F_NONSTANDARD_IDS | F_PASSAGE_EXTRAS | F_RAW_TEXT)) === 0;
    let text = '';
    let textLen: number;
    let lz: LazyDoc | undefined;
    if (flags & F_RAW_TEXT) {
      const n = r.uv();
      const b = r.bytes(n * 2);
      pieces.length = 0;
      for (let i = 0; i < n; i += 4096) {
        const units: number[] = [];
        for (let j = i; j < Math.min(n, i + 4096); j++) units.push(b[2 * j] | (b[2 * j + 1] << 8));
        pieces.push(String.fromCharCode(...units));
      }
      text = pieces.join('');
      textLen = text.length;
    } else if (isLazy) {
      const n = r.uv();
      const codeStart = r.pos;
      textLen = r.skipCodes(n, words);
      codeBytes += r.pos - codeStart;
      lz = { path, codeStart, codeEnd: r.pos, nCodes: n, row: rows, count: 0 };
    } else {
      text = r.codesToText(r.uv(), words, pieces);
      textLen = text.length;
    }
    const nPass = r.uv();
    if (nPass > r.remaining) throw new CacheError('index file: passage count beyond the file');
    const passages: Passage[] = isLazy ? [] : new Array(nPass);
    if (isLazy) {
      if ((rows + nPass) * P_COLS > store.cols.length) {
        let cap = store.cols.length;
        while (cap < (rows + nPass) * P_COLS) cap *= 2;
        const c = new Int32Array(cap);
        c.set(store.cols.subarray(0, rows * P_COLS));
        store.cols = c;
      }
    }
    if (total + nPass > ties.length) {
      let cap = ties.length;
      while (cap < total + nPass) cap *= 2;
      const t = new Uint32Array(cap);
      t.set(ties.subarray(0, total));
      ties = t;
    }
    const cols = store.cols;
    let prevOff = 0;
    let prevLine = 0;
    for (let i = 0; i < nPass; i++) {
      let id = '';
      let ordinal = i;
      if (flags & F_NONSTANDARD_IDS) {
        id = r.str();
        ordinal = r.uv();
      } else if (!isLazy) id = `${path}#${i}`;
      const t = r.uv();
      let ptext = '';
      let off = -1;
      let code = 0;
      if (t === 0) {
        ptext = r.str();
        if (lz) (lz.literal ??= new Map()).set(i, ptext);
      } else {
        off = prevOff + t - 1;
        code = r.uv();
        const len = Math.floor(code / 2);
        if (off + len > textLen || code > 0x7fffffff) throw new CacheError('index file: passage outside its text');
        if (!isLazy) {
          ptext = text.slice(off, off + len);
          if (code % 2 === 1) ptext = ptext.replace(WS_RUNS, ' ');
        }
        prevOff = off;
      }
      const sl = prevLine + r.sv();
      const sc = r.uv();
      const el = sl + r.sv();
      const ec = r.uv();
      prevLine = el;
      if (isLazy) {
        const k = (rows + i) * P_COLS;
        cols[k] = off;
        cols[k + 1] = code;
        cols[k + 2] = sl;
        cols[k + 3] = sc;
        cols[k + 4] = el;
        cols[k + 5] = ec;
        continue;
      }
      const p: Passage = {
        id,
        ordinal,
        text: ptext,
        range: { start: { line: sl, character: sc }, end: { line: el, character: ec } },
      };
      if (flags & F_PASSAGE_EXTRAS) {
        const px = r.str();
        if (px) Object.assign(p, JSON.parse(px));
      }
      passages[i] = p;
    }
    const doc: SourceDocument = {
      path,
      key,
      title,
      language,
      text,
      passages,
      hash,
      warnings: warnJson ? (JSON.parse(warnJson) as LoadWarning[]) : [],
    };
    if (date !== undefined) doc.date = date;
    if (outlet !== undefined) doc.outlet = outlet;
    if (author !== undefined) doc.author = author;
    if (extraJson) Object.assign(doc, JSON.parse(extraJson));
    if (lz) {
      lz.count = nPass;
      const prefix = tiePrefix(path);
      for (let i = 0; i < nPass; i++) ties[total + i] = tieAt(prefix, i);
      rows += nPass;
      lazy.push(lz);
      makeLazy(doc, store, lz);
    } else {
      for (let i = 0; i < nPass; i++) ties[total + i] = passageTie(passages[i].id);
    }
    total += nPass;
    docs.push({ doc, bytesHash, keyBase });
    layout.push({ slot: d, count: nPass });
  }

  // The lazy documents' text codes, out of the caller's buffer (which may be reused).
  const codes = new Uint8Array(codeBytes);
  let at = 0;
  for (const lz of lazy) {
    codes.set(bytes.subarray(lz.codeStart, lz.codeEnd), at);
    lz.codeEnd = at + (lz.codeEnd - lz.codeStart);
    lz.codeStart = at;
    at = lz.codeEnd;
  }
  store.codes = codes;

  const nSkip = r.uv();
  const skipped: StoredSkip[] = [];
  for (let i = 0; i < nSkip; i++) skipped.push({ path: r.str(), bytesHash: r.str() });
  const warnings = JSON.parse(r.str()) as [string, LoadWarning[]][];

  const lengths = new Int32Array(total);
  for (let i = 0; i < total; i++) lengths[i] = r.uv();
  const nTerms = r.uv();
  const terms: { term: string; list: Uint32Array; len: number }[] = new Array(nTerms);
  for (let t = 0; t < nTerms; t++) {
    const term = r.str();
    const len = r.uv();
    if (len > total) throw new CacheError('index file: posting list longer than the passage count');
    // Some slack, so the first edits after a warm start do not copy the long lists.
    const list = new Uint32Array(len + (len >> 3) + 2);
    let prev = -1;
    for (let j = 0; j < len; j++) {
      const c = r.uv();
      const p = prev + 1 + Math.floor(c / 2);
      const tf = c & 1 ? r.u8() : 1;
      if (p >= total || tf < 1 || tf > POSTING_TF_MAX) throw new CacheError('index file: bad posting');
      list[j] = p * POSTING_TF_MUL + tf;
      prev = p;
    }
    terms[t] = { term, list, len };
  }
  if (!r.done) throw new CacheError('index file: trailing bytes');
  return { docs, skipped, warnings, index: PassageIndex.restore(layout, lengths, terms, ties.subarray(0, total)) };
}
