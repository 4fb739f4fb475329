/**
 * Offset <-> line/character conversion for a text, LSP style: 0-based lines, characters
 * counted in UTF-16 code units. A line break is `\n`, `\r\n` or a lone `\r`.
 */
import type { Position, Range } from '../types';

export class LineIndex {
  /** Offset of the first character of each line. */
  private readonly starts: number[];
  /** Offset just past the last non-EOL character of each line. */
  private readonly ends: number[];
  readonly length: number;

  constructor(text: string) {
    this.length = text.length;
    const starts = [0];
    const ends: number[] = [];
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10 /* \n */) {
        ends.push(i);
        starts.push(i + 1);
      } else if (c === 13 /* \r */) {
        ends.push(i);
        if (text.charCodeAt(i + 1) === 10) i++;
        starts.push(i + 1);
      }
    }
    ends.push(text.length);
    this.starts = starts;
    this.ends = ends;
  }

  get lineCount(): number {
    return this.starts.length;
  }

  /** Offset of the start of `line` (clamped). */
  lineStart(line: number): number {
    return this.starts[Math.max(0, Math.min(line, this.starts.length - 1))];
  }

  /** Offset of the end of `line`, before its line break (clamped). */
  lineEnd(line: number): number {
    return this.ends[Math.max(0, Math.min(line, this.ends.length - 1))];
  }

  positionAt(offset: number): Position {
    const off = Math.max(0, Math.min(Math.floor(offset), this.length));
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= off) lo = mid;
      else hi = mid - 1;
    }
    // An offset inside a line break (between \r and \n) sits at the end of its line.
    const character = Math.min(off, this.ends[lo]) - this.starts[lo];
    return { line: lo, character };
  }

  offsetAt(p: Position): number {
    if (p.line < 0) return 0;
    if (p.line >= this.starts.length) return this.length;
    const start = this.starts[p.line];
    const ch = Math.max(0, Math.min(Math.floor(p.character), this.ends[p.line] - start));
    return start + ch;
  }

  rangeAt(start: number, end: number): Range {
    return { start: this.positionAt(start), end: this.positionAt(end) };
  }
}
