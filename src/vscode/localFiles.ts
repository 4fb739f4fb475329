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
export async function checkLocalFile(p: string, rootReal: string | string[]): Promise<{ stat: { mtime: number; size: number }; real: string } | { problem: string }> {
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
  return { stat: { mtime: Math.round(st.mtimeMs), size: st.size }, real };
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

/**
 * The files below `rootAbs` (posix paths relative to `relBase`), walked asynchronously
 * one folder at a time, so the extension host is never blocked for long: no child
 * process (VS Code's file search spawns ripgrep on the host thread, about 100 ms on a
 * large host process) and a pause every few hundred entries. `skipDir` prunes excluded
 * folders; a link is listed as a file (its target is checked when it is read), a link
 * to a folder is walked when its real path is inside one of `roots` and not walked yet.
 */
export async function walkLocal(
  rootAbs: string,
  relBase: string,
  skipDir: (rel: string) => boolean,
  roots: string[],
  out: (rel: string, abs: string) => void,
): Promise<void> {
  const seen = new Set<string>();
  let work = 0;
  const pause = async (): Promise<void> => {
    if (++work % 256 === 0) await new Promise((r) => setImmediate(r));
  };
  const walk = async (abs: string, rel: string): Promise<void> => {
    let real: string;
    try {
      real = await fsp.realpath(abs);
    } catch {
      return;
    }
    if (seen.has(real) || !roots.some((r) => isInsideDir(r, real))) return;
    seen.add(real);
    let entries: import('node:fs').Dirent[];
    try {
      entries = await fsp.readdir(abs, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      await pause();
      const r = rel === '' ? e.name : `${rel}/${e.name}`;
      const a = path.join(abs, e.name);
      if (e.isDirectory()) {
        if (!skipDir(r)) await walk(a, r);
      } else if (e.isSymbolicLink()) {
        let st: import('node:fs').Stats | undefined;
        try {
          st = await fsp.stat(a);
        } catch {
          st = undefined;
        }
        if (st?.isDirectory()) {
          if (!skipDir(r)) await walk(a, r);
        } else out(r, a);
      } else out(r, a);
    }
  };
  await walk(rootAbs, relBase);
}

/** Every folder that holds one of `paths` ('/'-separated, relative to the workspace folder), at any depth. */
export function foldersOf(paths: Iterable<string>): Set<string> {
  const out = new Set<string>();
  for (const p of paths) {
    for (let i = p.lastIndexOf('/'); i > 0; i = p.lastIndexOf('/', i - 1)) {
      const dir = p.slice(0, i);
      if (out.has(dir)) break; // its parents are in already
      out.add(dir);
    }
  }
  return out;
}

/**
 * The outermost folder of `rel` that holds nothing the index knows (`known`, from
 * foldersOf), or undefined when `rel`'s own folder is known. A file reported in such a
 * folder means the folder is new, and the watcher may have missed the folder and the
 * files written into it before this one (inotify watches a new folder only once it has
 * seen it: parcel-bundler/watcher#97, #243); the caller walks it.
 */
export function newFolderOf(rel: string, known: ReadonlySet<string>): string | undefined {
  let outer: string | undefined;
  for (let i = rel.lastIndexOf('/'); i > 0; i = rel.lastIndexOf('/', i - 1)) {
    const dir = rel.slice(0, i);
    if (known.has(dir)) break;
    outer = dir;
  }
  return outer;
}
