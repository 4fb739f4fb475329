/**
 * Bytes -> text for source files. UTF-8 (with or without BOM), UTF-16 LE/BE with BOM,
 * and a Windows-1252 fallback for files that are not valid UTF-8 (old Latin-1 exports).
 *
 * Pure and Buffer-free (TextDecoder + a 32-entry table), so it runs in a worker or a
 * browser too. Windows-1252 is decoded by hand rather than through iconv-lite because
 * iconv-lite's decoders allocate Node Buffers; 1252 is Latin-1 plus 27 code points.
 */

export type DecodeResult =
  | { ok: true; text: string; encoding: string; fallback: boolean }
  | { ok: false; code: 'binary' | 'empty' | 'undecodable'; message: string };

/** Windows-1252 code points for bytes 0x80..0x9F (undefined bytes map to C1 controls, as browsers do). */
const CP1252_HIGH = [
  0x20ac, 0x0081, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008d, 0x017d, 0x008f,
  0x0090, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x009d, 0x017e, 0x0178,
];

export function decodeWindows1252(bytes: Uint8Array): string {
  const parts: string[] = [];
  const CHUNK = 8192;
  for (let off = 0; off < bytes.length; off += CHUNK) {
    const end = Math.min(bytes.length, off + CHUNK);
    const codes = new Array<number>(end - off);
    for (let i = off; i < end; i++) {
      const b = bytes[i];
      codes[i - off] = b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80] : b;
    }
    parts.push(String.fromCharCode(...codes));
  }
  return parts.join('');
}

/** Share of C0 control bytes (other than tab, LF, FF, CR, ESC) in a sample above which a file is binary. */
const CONTROL_RATIO = 0.1;
const SAMPLE = 8192;

function looksBinary(bytes: Uint8Array): boolean {
  // NUL anywhere in the file (a native scan).
  if (bytes.indexOf(0) !== -1) return true;
  const n = Math.min(bytes.length, SAMPLE);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i];
    if (b < 0x20 && b !== 9 && b !== 10 && b !== 12 && b !== 13 && b !== 27) control++;
  }
  return n > 0 && control / n > CONTROL_RATIO;
}

function controlRatio(text: string): number {
  const n = Math.min(text.length, SAMPLE);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 9 && c !== 10 && c !== 12 && c !== 13) || c === 0xfffd) control++;
  }
  return n === 0 ? 0 : control / n;
}

function isBlank(text: string): boolean {
  return !/[^\s\u200b\ufeff]/.test(text);
}

function finish(text: string, encoding: string, fallback: boolean, checkControls = true): DecodeResult {
  if (isBlank(text)) return { ok: false, code: 'empty', message: 'The file is empty or contains only whitespace.' };
  if (checkControls && controlRatio(text) > CONTROL_RATIO) {
    return { ok: false, code: 'binary', message: `The file looks binary (many control characters after decoding as ${encoding}).` };
  }
  return { ok: true, text, encoding, fallback };
}

function decodeUtf16(bytes: Uint8Array, bigEndian: boolean): DecodeResult {
  const body = bytes.subarray(2);
  const even = body.length - (body.length % 2);
  let view: Uint8Array = body.subarray(0, even);
  if (bigEndian) {
    const swapped = new Uint8Array(even);
    for (let i = 0; i < even; i += 2) {
      swapped[i] = view[i + 1];
      swapped[i + 1] = view[i];
    }
    view = swapped;
  }
  try {
    const text = new TextDecoder('utf-16le', { fatal: true }).decode(view);
    if (body.length % 2 === 1) {
      return { ok: false, code: 'undecodable', message: 'The file starts with a UTF-16 byte order mark but has an odd number of bytes.' };
    }
    return finish(text, bigEndian ? 'utf-16be' : 'utf-16le', false);
  } catch {
    return {
      ok: false,
      code: 'undecodable',
      message: `The file starts with a UTF-16 ${bigEndian ? 'BE' : 'LE'} byte order mark but is not valid UTF-16.`,
    };
  }
}

/** Count well-formed multi-byte UTF-8 sequences and invalid bytes. */
export function utf8Stats(bytes: Uint8Array): { valid: number; invalid: number } {
  let valid = 0;
  let invalid = 0;
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    const len = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    let ok = len > 0 && i + len <= bytes.length;
    for (let k = 1; ok && k < len; k++) if ((bytes[i + k] & 0xc0) !== 0x80) ok = false;
    if (ok) {
      valid++;
      i += len;
    } else {
      invalid++;
      i++;
    }
  }
  return { valid, invalid };
}

/** Decode source bytes. Never throws. */
export function decodeSource(bytes: Uint8Array): DecodeResult {
  if (bytes.length === 0) return { ok: false, code: 'empty', message: 'The file is empty.' };
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return decodeUtf16(bytes, false);
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return decodeUtf16(bytes, true);
  const bom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = bom ? bytes.subarray(3) : bytes;
  if (looksBinary(body)) {
    return { ok: false, code: 'binary', message: 'The file looks binary (it contains NUL bytes or many control characters).' };
  }
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body);
    // Control bytes were already counted on the bytes (same values in UTF-8).
    return finish(text, bom ? 'utf-8-bom' : 'utf-8', false, false);
  } catch {
    // Mostly UTF-8 with a few bad bytes (a truncated character, one stray Latin-1 byte):
    // keep UTF-8 and replace the bad bytes, rather than turn every ’ into â€™.
    const { valid, invalid } = utf8Stats(body);
    if (bom || valid >= invalid) {
      const text = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true }).decode(body);
      return finish(text, 'utf-8-lenient', true);
    }
    return finish(decodeWindows1252(body), 'windows-1252', true);
  }
}
