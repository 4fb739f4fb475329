/**
 * Byte-level helpers for the index file: a growable writer, a bounds-checked reader,
 * LEB128 varints, zigzag, UTF-8 strings, CRC-32 and a 64-bit content hash.
 * Pure TypeScript (TextEncoder/TextDecoder exist in Node, workers and browsers).
 */

/** Thrown when bytes cannot be decoded: the caller should rebuild instead. */
export class CacheError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CacheError';
  }
}

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: true });

export class ByteWriter {
  private buf: Uint8Array;
  length = 0;

  constructor(initial = 1 << 16) {
    this.buf = new Uint8Array(initial);
  }

  private ensure(extra: number): void {
    const need = this.length + extra;
    if (need <= this.buf.length) return;
    let cap = this.buf.length * 2;
    while (cap < need) cap *= 2;
    const b = new Uint8Array(cap);
    b.set(this.buf.subarray(0, this.length));
    this.buf = b;
  }

  u8(v: number): void {
    this.ensure(1);
    this.buf[this.length++] = v & 0xff;
  }

  u32(v: number): void {
    this.ensure(4);
    const b = this.buf;
    const o = this.length;
    b[o] = v & 0xff;
    b[o + 1] = (v >>> 8) & 0xff;
    b[o + 2] = (v >>> 16) & 0xff;
    b[o + 3] = (v >>> 24) & 0xff;
    this.length += 4;
  }

  /** Unsigned varint (LEB128), values up to 2^53. */
  uv(v: number): void {
    this.ensure(10);
    const b = this.buf;
    let o = this.length;
    while (v >= 0x80) {
      b[o++] = (v % 0x80) | 0x80;
      v = Math.floor(v / 0x80);
    }
    b[o++] = v;
    this.length = o;
  }

  /** Signed varint (zigzag). */
  sv(v: number): void {
    this.uv(v >= 0 ? v * 2 : -v * 2 - 1);
  }

  bytes(data: Uint8Array): void {
    this.ensure(data.length);
    this.buf.set(data, this.length);
    this.length += data.length;
  }

  str(s: string): void {
    const data = encoder.encode(s);
    this.uv(data.length);
    this.bytes(data);
  }

  /** Optional string: 0 for undefined, else length + 1. */
  ostr(s: string | undefined): void {
    if (s === undefined) {
      this.uv(0);
      return;
    }
    const data = encoder.encode(s);
    this.uv(data.length + 1);
    this.bytes(data);
  }

  finish(): Uint8Array {
    return this.buf.slice(0, this.length);
  }
}

export class ByteReader {
  pos: number;

  constructor(
    private readonly buf: Uint8Array,
    start = 0,
    private readonly end = buf.length,
  ) {
    this.pos = start;
  }

  get done(): boolean {
    return this.pos >= this.end;
  }

  get remaining(): number {
    return this.end - this.pos;
  }

  private fail(): never {
    throw new CacheError(`index file truncated or malformed at byte ${this.pos}`);
  }

  u8(): number {
    if (this.pos >= this.end) this.fail();
    return this.buf[this.pos++];
  }

  u32(): number {
    if (this.pos + 4 > this.end) this.fail();
    const b = this.buf;
    const o = this.pos;
    this.pos += 4;
    return (b[o] | (b[o + 1] << 8) | (b[o + 2] << 16) | (b[o + 3] << 24)) >>> 0;
  }

  uv(): number {
    const b = this.buf;
    let o = this.pos;
    const end = this.end;
    if (o >= end) this.fail();
    let x = b[o++];
    if (x < 0x80) {
      this.pos = o;
      return x;
    }
    let v = x & 0x7f;
    let mul = 0x80;
    for (let i = 0; i < 8; i++) {
      if (o >= end) this.fail();
      x = b[o++];
      v += (x & 0x7f) * mul;
      if (x < 0x80) {
        this.pos = o;
        return v;
      }
      mul *= 0x80;
    }
    this.fail();
  }

  /**
   * Read `n` text codes (word id * 2, + 1 when a single space follows) and join the
   * words: the inner loop of index loading, with the varint decoding inlined.
   */
  codesToText(n: number, words: readonly string[], pieces: string[]): string {
    const b = this.buf;
    const end = this.end;
    let o = this.pos;
    pieces.length = 0;
    for (let k = 0; k < n; k++) {
      if (o >= end) this.fail();
      let x = b[o++];
      let v = x & 0x7f;
      let shift = 7;
      while (x >= 0x80) {
        if (o >= end || shift > 28) this.fail();
        x = b[o++];
        v |= (x & 0x7f) << shift;
        shift += 7;
      }
      v >>>= 0;
      const w = words[v >>> 1];
      if (w === undefined) throw new CacheError('index file: bad word id');
      pieces.push(w);
      if (v & 1) pieces.push(' ');
    }
    this.pos = o;
    return pieces.join('');
  }

  /**
   * Skip `n` text codes (as codesToText reads them), checking every word id, and return
   * the length of the text they spell: loading validates a document's text without
   * building it (texts are built on first use).
   */
  skipCodes(n: number, words: readonly string[]): number {
    const b = this.buf;
    const end = this.end;
    let o = this.pos;
    let len = 0;
    for (let k = 0; k < n; k++) {
      if (o >= end) this.fail();
      let x = b[o++];
      let v = x & 0x7f;
      let shift = 7;
      while (x >= 0x80) {
        if (o >= end || shift > 28) this.fail();
        x = b[o++];
        v |= (x & 0x7f) << shift;
        shift += 7;
      }
      v >>>= 0;
      const w = words[v >>> 1];
      if (w === undefined) throw new CacheError('index file: bad word id');
      len += w.length + (v & 1);
    }
    this.pos = o;
    return len;
  }

  sv(): number {
    const u = this.uv();
    return u % 2 === 0 ? u / 2 : -(u + 1) / 2;
  }

  bytes(n: number): Uint8Array {
    if (n < 0 || this.pos + n > this.end) this.fail();
    const out = this.buf.subarray(this.pos, this.pos + n);
    this.pos += n;
    return out;
  }

  str(): string {
    const n = this.uv();
    return this.utf8(this.bytes(n));
  }

  ostr(): string | undefined {
    const n = this.uv();
    if (n === 0) return undefined;
    return this.utf8(this.bytes(n - 1));
  }

  private utf8(b: Uint8Array): string {
    // Fast path for ASCII.
    if (b.length < 64) {
      let ascii = true;
      for (let i = 0; i < b.length; i++) {
        if (b[i] >= 0x80) {
          ascii = false;
          break;
        }
      }
      if (ascii) return String.fromCharCode.apply(null, b as unknown as number[]);
    }
    try {
      return decoder.decode(b);
    } catch {
      throw new CacheError(`invalid UTF-8 in index file at byte ${this.pos}`);
    }
  }
}

let crcTables: Uint32Array[] | undefined;

/** CRC-32 (IEEE), four bytes a step (slicing-by-4 tables). */
export function crc32(data: Uint8Array, start = 0, end = data.length): number {
  if (!crcTables) {
    const t0 = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      t0[n] = c >>> 0;
    }
    const ts = [t0, new Uint32Array(256), new Uint32Array(256), new Uint32Array(256)];
    for (let n = 0; n < 256; n++) {
      let c = t0[n];
      for (let k = 1; k < 4; k++) {
        c = t0[c & 0xff] ^ (c >>> 8);
        ts[k][n] = c >>> 0;
      }
    }
    crcTables = ts;
  }
  const [t0, t1, t2, t3] = crcTables;
  let c = 0xffffffff;
  let i = start;
  const end4 = end - ((end - start) & 3);
  for (; i < end4; i += 4) {
    c ^= data[i] | (data[i + 1] << 8) | (data[i + 2] << 16) | (data[i + 3] << 24);
    c = t3[c & 0xff] ^ t2[(c >>> 8) & 0xff] ^ t1[(c >>> 16) & 0xff] ^ t0[c >>> 24];
  }
  for (; i < end; i++) c = t0[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** 64-bit content hash (two FNV-1a lanes) as 16 hex digits. */
export function contentHash(data: Uint8Array): string {
  // Int32 all the way (seeds | 0, hex from 16-bit halves): with a double seed, or a
  // `h >>> 0` above 2^31 in the result, V8 could fall into deoptimizing this function
  // on every call ("lost precision"), which cost more than hashing. Same values.
  let h1 = 0x811c9dc5 | 0;
  let h2 = (0xcbf29ce4 ^ data.length) | 0;
  for (let i = 0; i < data.length; i++) {
    const x = data[i];
    h1 = Math.imul(h1 ^ x, 0x01000193);
    h2 = Math.imul(h2 ^ x, 0x5bd1e995) ^ (h2 >>> 15);
  }
  return hex32(h1) + hex32(h2);
}

/** (h >>> 0).toString(16).padStart(8, '0'), from two 16-bit halves (always small integers). */
function hex32(h: number): string {
  return ((h >>> 16) & 0xffff).toString(16).padStart(4, '0') + (h & 0xffff).toString(16).padStart(4, '0');
}

/** 32-bit FNV-1a of a string (UTF-16 code units). */
export function stringHash(s: string): number {
  let h = 0x811c9dc5 | 0; // int32 seed: see contentHash
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}
