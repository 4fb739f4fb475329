/**
 * A same-length text buffer in which markup is blanked out (replaced by spaces, line
 * breaks kept), so every offset of the masked text is an offset of the original.
 */
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
// Lone surrogates would become U+FFFD (same length); offsets never move.
const utf16 = new TextDecoder('utf-16le');

export class MaskBuffer {
  private readonly codes: Uint16Array;
  private dirty = false;
  constructor(readonly original: string) {
    this.codes = new Uint16Array(original.length);
    for (let i = 0; i < original.length; i++) this.codes[i] = original.charCodeAt(i);
  }

  get length(): number {
    return this.codes.length;
  }

  /** Blank [start, end): spaces, keeping \n and \r so lines stay where they were. */
  blank(start: number, end: number): void {
    if (end > start) this.dirty = true;
    const e = Math.min(end, this.codes.length);
    for (let i = Math.max(0, start); i < e; i++) {
      const c = this.codes[i];
      if (c !== 10 && c !== 13) this.codes[i] = 32;
    }
  }

  /**
   * Remove [start, end) from the prose without leaving a space (a NUL placeholder keeps
   * the offsets; readers drop it). For markup inside a word, e.g. LaTeX accents.
   */
  remove(start: number, end: number): void {
    const e = Math.min(end, this.codes.length);
    for (let i = Math.max(0, start); i < e; i++) this.codes[i] = 0;
    if (e > start) this.dirty = true;
  }

  /** Replace one character (same length) e.g. a LaTeX `~` by a space. */
  set(i: number, ch: string): void {
    if (i >= 0 && i < this.codes.length) {
      this.codes[i] = ch.charCodeAt(0);
      this.dirty = true;
    }
  }

  isBlank(i: number): boolean {
    const c = this.codes[i];
    return c === 32 || c === 10 || c === 13 || c === 9;
  }

  toString(): string {
    if (!this.dirty) return this.original;
    if (LITTLE_ENDIAN) return utf16.decode(this.codes);
    const parts: string[] = [];
    const CHUNK = 8192;
    for (let off = 0; off < this.codes.length; off += CHUNK) {
      parts.push(String.fromCharCode(...this.codes.subarray(off, Math.min(off + CHUNK, this.codes.length))));
    }
    return parts.join('');
  }
}

/** Collapse whitespace, drop spaces before closing punctuation left by masking. */
export function collapseWhitespace(s: string): string {
  return s
    .replace(/[\s\u00a0\u200b]+/g, ' ')
    .replace(/ ([.,;:!?…)\]”’»])(?=\s|$|[.,;:!?”’"')\]])/g, '$1')
    .replace(/([([“‘«]) /g, '$1')
    .trim();
}
