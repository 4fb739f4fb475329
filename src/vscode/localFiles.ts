/**
 * Reading local corpus files safely (no vscode import, so it is unit-tested in Node):
 * only regular files whose real path is inside the workspace folder, with a byte bound.
 * Used by corpus.ts for every local source (issue 8: FIFOs, devices, links out).
 */
import { constants as fsConstants, promises as fsp } from 'node:fs';
import * as path from 'node:path';

/** Whether `p` is `dir` or inside it (real, absolute paths). */
export function isInsideDir(dir: string, p: string): boolean {
  const rel = path.relative(dir, p);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${path.sep}`) && !path.isAbsolute(rel));
}

/**
 * Whether a local corpus file may be read: its real path inside the workspace folder
 * or a folder named in groundwork.corpus.externalFolders (`rootReal`, real paths), and
 * a regular file. Otherwise the warning to show.
 */
export async function checkLocalFile(p: string, rootReal: string | string[]): Promise<{ stat: { mtime: number; size: number } } | { problem: string }> {
  const roots = Array.isArray(rootReal) ? rootReal : [rootReal];
  let real: string;
  try {
    real = await fsp.realpath(p);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return { problem: code === 'ENOENT' ? 'a link to nothing (dangling symbolic link), not read' : `could not read the file: ${(e as Error).message}` };
  }
  if (!roots.some((r) => isInsideDir(r, real))) {
    return { problem: 'a link to outside the workspace folder, not followed (name such a folder in groundwork.corpus.externalFolders)' };
  }
  let st: import('node:fs').Stats;
  try {
    st = await fsp.stat(real);
  } catch (e) {
    return { problem: `could not read the file: ${(e as Error).message}` };
  }
  if (!st.isFile()) {
    const kind = st.isFIFO() ? 'a FIFO (named pipe)' : st.isCharacterDevice() || st.isBlockDevice() ? 'a device' : st.isSocket() ? 'a socket' : 'not a regular file';
    return { problem: `${kind}, not read` };
  }
  return { stat: { mtime: Math.round(st.mtimeMs), size: st.size } };
}

/** At most `max` bytes of a regular file (opened non-blocking); undefined when it holds more. */
export async function readBounded(p: string, max: number): Promise<Uint8Array | undefined> {
  const fh = await fsp.open(p, fsConstants.O_RDONLY | (fsConstants.O_NONBLOCK ?? 0));
  try {
    const st = await fh.stat();
    if (!st.isFile()) throw new Error('not a regular file');
    const buf = Buffer.allocUnsafe(Math.min(st.size, max) + 1);
    let n = 0;
    for (;;) {
      const { bytesRead } = await fh.read(buf, n, buf.length - n, null);
      if (bytesRead === 0) break;
      n += bytesRead;
      if (n > max) return undefined;
      if (n === buf.length) return undefined;
    }
    return new Uint8Array(buf.buffer, buf.byteOffset, n);
  } finally {
    await fh.close();
  }
}
