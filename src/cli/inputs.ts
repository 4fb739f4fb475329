/**
 * Node I/O for `groundwork check`: the workspace root, its settings and ignore file, the
 * corpus files and the drafts. Nothing here writes.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse as parseJsonc, printParseErrorCode, type ParseError } from 'jsonc-parser/lib/esm/main.js';
// `require` on purpose: an ESM import makes esbuild bundle fdir's .mjs build, whose
// createRequire(import.meta.url) breaks in a CommonJS bundle.
import tinyglobby = require('tinyglobby');
const { globSync, isDynamicPattern } = tinyglobby;
import {
  configFromSettings,
  extensionOf,
  IGNORE_FILE_PATH,
  isCorpusFile,
  isDraftFile,
  parseIgnoreFile,
  type GroundworkConfig,
} from '../core/config';
import { decodeSource, decodeWindows1252 } from '../core/corpus/decode';
import { quotePath } from './report';
import picomatch = require('picomatch');
import type { DraftFormat } from '../core/types';

/** An input error: exit code 2 with a one-line message. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** Posix slashes, no `./` prefix, no trailing slash. */
export function displayPath(p: string): string {
  let s = p.replace(/\\/g, '/');
  if (s !== '/' && s !== '') s = path.posix.normalize(s);
  while (s.startsWith('./')) s = s.slice(2);
  if (s.length > 1 && s.endsWith('/')) s = s.slice(0, -1);
  return s === '.' ? '' : s;
}

const joinDisplay = (base: string, rel: string): string => (base === '' ? rel : `${base}/${rel}`);

/** `--workspace`, else the nearest folder up from `cwd` with `.vscode/settings.json`, `.groundwork/` or `.git`, else `cwd`. */
export function findWorkspaceRoot(cwd: string, explicit?: string): string {
  if (explicit !== undefined) {
    const dir = path.resolve(cwd, explicit);
    if (!isDirectory(dir)) throw new UsageError(`workspace folder not found: ${explicit}`);
    return dir;
  }
  let dir = path.resolve(cwd);
  for (;;) {
    if (
      fs.existsSync(path.join(dir, '.vscode', 'settings.json')) ||
      isDirectory(path.join(dir, '.groundwork')) ||
      fs.existsSync(path.join(dir, '.git'))
    ) {
      return dir;
    }
    const parent = path.dirname(dir);
    if (parent === dir) return path.resolve(cwd);
    dir = parent;
  }
}

function isDirectory(p: string): boolean {
  try {
    return fs.statSync(p).isDirectory();
  } catch {
    return false;
  }
}

export interface WorkspaceSettings {
  config: GroundworkConfig;
  /** `path: message` lines for bad settings. */
  problems: string[];
}

/** Read `groundwork.*` from `<root>/.vscode/settings.json` (JSONC). A broken file is a warning, not an error. */
export function readWorkspaceSettings(root: string): WorkspaceSettings {
  const file = path.join(root, '.vscode', 'settings.json');
  const shown = '.vscode/settings.json';
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return configFromSettings({});
    return { ...configFromSettings({}), problems: [`${shown}: cannot read (${errMessage(e)}); using the defaults`] };
  }
  // A UTF-8 BOM is common in files saved by Windows editors; VS Code reads past it.
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const errors: ParseError[] = [];
  const data = parseJsonc(text, errors, { allowTrailingComma: true, disallowComments: false });
  const problems: string[] = [];
  if (errors.length > 0) {
    const before = text.slice(0, errors[0].offset).split('\n');
    const where = `${before.length}:${before[before.length - 1].length + 1}`;
    problems.push(`${shown}: not valid JSON (${printParseErrorCode(errors[0].error)} at ${where}); reading what can be read`);
  }
  const settings = data !== null && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>) : {};
  const groundwork: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(settings)) {
    if (k === 'groundwork' || k.startsWith('groundwork.')) groundwork[k] = v;
  }
  const r = configFromSettings(groundwork);
  // groundwork.corpus.server is judged where it is used (src/cli/server.ts refuses a URL with a password, exit 2).
  const own = r.problems.filter((p) => !p.startsWith('groundwork.corpus.server:'));
  return { config: r.config, problems: [...problems, ...own.map((p) => `${shown}: ${p}`)] };
}

/** Sentences of the team ignore file, with `path: message` problems. */
export function readIgnoreFile(root: string): { sentences: Set<string>; problems: string[] } {
  const file = path.join(root, IGNORE_FILE_PATH);
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { sentences: new Set(), problems: [] };
    return { sentences: new Set(), problems: [`${IGNORE_FILE_PATH}: cannot read (${errMessage(e)})`] };
  }
  const r = parseIgnoreFile(text);
  return { sentences: r.sentences, problems: r.problems.map((p) => `${IGNORE_FILE_PATH}: ${p}`) };
}

export interface InputFile {
  /** Identity and display path (posix): workspace-relative when found, as given with --corpus / FILE. */
  display: string;
  abs: string;
}

const relToRoot = (root: string, abs: string): string | undefined => {
  const rel = path.relative(root, abs);
  return rel === '' || rel.startsWith('..') || path.isAbsolute(rel) ? undefined : rel.split(path.sep).join('/');
};

function globFiles(patterns: string[], cwd: string, ignore: string[] = []): string[] {
  return globSync(patterns, { cwd, ignore, dot: true, onlyFiles: true, expandDirectories: false, followSymbolicLinks: true }).sort();
}

/** A file found while discovering inputs that is not read, and why (shown as a warning). */
export interface InputProblem {
  display: string;
  message: string;
}

/** Whether `p` is `dir` or inside it (both real, absolute paths). */
export function isInside(dir: string, p: string): boolean {
  const rel = path.relative(dir, p);
  return rel === '' || (!rel.startsWith(`..${path.sep}`) && rel !== '..' && !path.isAbsolute(rel));
}

/** What kind of non-regular file a stat describes ("a FIFO", "a device", ...). */
export function fileKind(st: fs.Stats): string {
  if (st.isFIFO()) return 'a FIFO (named pipe)';
  if (st.isCharacterDevice() || st.isBlockDevice()) return 'a device';
  if (st.isSocket()) return 'a socket';
  if (st.isDirectory()) return 'a folder';
  return 'not a regular file';
}

/**
 * The corpus of the workspace configuration: the files below the workspace folder that
 * the include/exclude globs and extensions select. The corpus never leaves the folder:
 * a link is followed only when its target is inside it (a link to outside, a dangling
 * link and a pattern that points outside get a problem each), a folder reached twice
 * (a link loop) is walked once, and a file reached by several paths is read once (at
 * the first path in sort order). Special files (FIFOs, devices, sockets) are reported,
 * never opened. Folders outside the workspace are named on the command line
 * (`--corpus`), never by the repository's settings.
 */
export function walkCorpus(root: string, config: GroundworkConfig): { files: InputFile[]; problems: InputProblem[] } {
  const problems: InputProblem[] = [];
  const realRoot = fs.realpathSync(root);
  const bases = new Set<string>();
  for (const pattern of config.corpus.include) {
    const p = pattern.replace(/\\/g, '/');
    const base = picomatch.scan(p).base;
    const abs = path.resolve(root, base);
    if (path.isAbsolute(p) || !isInside(root, abs)) {
      problems.push({
        display: '.vscode/settings.json',
        message: `groundwork.corpus.include pattern "${pattern}" points outside the workspace; ignored (pass such a folder with --corpus)`,
      });
      continue;
    }
    bases.add(path.relative(root, abs).split(path.sep).join('/'));
  }
  // Walk each base once (a base below another is covered by it).
  const sortedBases = [...bases].sort();
  const walkFrom = sortedBases.filter((b) => !sortedBases.some((o) => o !== b && (o === '' || b.startsWith(`${o}/`))));
  const found = new Map<string, { display: string; abs: string; real: string }>();
  const seenDirs = new Set<string>();
  const visitFile = (rel: string, abs: string, real: string, st: fs.Stats): void => {
    if (!isCorpusFile(rel, config)) return;
    if (!st.isFile()) {
      problems.push({ display: rel, message: `${fileKind(st)}, not read` });
      return;
    }
    if (!found.has(rel)) found.set(rel, { display: rel, abs, real });
  };
  const walk = (relDir: string, absDir: string): void => {
    let realDir: string;
    try {
      realDir = fs.realpathSync(absDir);
    } catch {
      return;
    }
    if (seenDirs.has(realDir)) return; // a link loop or a second link to the same folder
    seenDirs.add(realDir);
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(absDir, { withFileTypes: true });
    } catch (e) {
      if (relDir !== '') problems.push({ display: relDir, message: `cannot read the folder: ${errMessage(e)}` });
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const ent of entries) {
      const rel = relDir === '' ? ent.name : `${relDir}/${ent.name}`;
      const abs = path.join(absDir, ent.name);
      if (ent.isDirectory()) {
        if (!isExcludedDir(rel, config)) walk(rel, abs);
        continue;
      }
      if (ent.isSymbolicLink()) {
        let real: string;
        try {
          real = fs.realpathSync(abs);
        } catch {
          if (isCorpusFile(rel, config)) problems.push({ display: rel, message: 'a link to nothing (dangling symbolic link), not read' });
          continue;
        }
        let st: fs.Stats;
        try {
          st = fs.statSync(real);
        } catch (e) {
          if (isCorpusFile(rel, config)) problems.push({ display: rel, message: `cannot read: ${errMessage(e)}` });
          continue;
        }
        if (!isInside(realRoot, real)) {
          if (st.isDirectory() ? !isExcludedDir(rel, config) : isCorpusFile(rel, config)) {
            problems.push({ display: rel, message: 'a link to outside the workspace, not followed (pass such a folder with --corpus)' });
          }
          continue;
        }
        if (st.isDirectory()) {
          if (!isExcludedDir(rel, config)) walk(rel, abs);
        } else visitFile(rel, abs, real, st);
        continue;
      }
      // Regular files and special ones (FIFO, device, socket).
      if (!isCorpusFile(rel, config)) continue;
      let st: fs.Stats;
      try {
        st = fs.lstatSync(abs);
      } catch (e) {
        problems.push({ display: rel, message: `cannot read: ${errMessage(e)}` });
        continue;
      }
      visitFile(rel, abs, abs, st);
    }
  };
  for (const b of walkFrom) {
    const abs = b === '' ? root : path.join(root, b);
    let st: fs.Stats;
    try {
      st = fs.lstatSync(abs);
    } catch {
      continue;
    }
    if (st.isSymbolicLink()) {
      let real: string;
      try {
        real = fs.realpathSync(abs);
      } catch {
        problems.push({ display: b, message: 'a link to nothing (dangling symbolic link), not read' });
        continue;
      }
      if (!isInside(realRoot, real)) {
        problems.push({ display: b, message: 'a link to outside the workspace, not followed (pass such a folder with --corpus)' });
        continue;
      }
    }
    if (fs.statSync(abs).isDirectory()) walk(b, abs);
    else {
      const st2 = fs.lstatSync(abs);
      visitFile(b, abs, fs.realpathSync(abs), st2);
    }
  }
  // Each file once: the first path (in sort order) of each real file.
  const byReal = new Map<string, string>();
  const files: InputFile[] = [];
  for (const rel of [...found.keys()].sort()) {
    const f = found.get(rel)!;
    const first = byReal.get(f.real);
    if (first !== undefined) {
      problems.push({ display: rel, message: `the same file as ${quotePath(first)} (through a link), read once` });
      continue;
    }
    byReal.set(f.real, rel);
    files.push({ display: rel, abs: f.abs });
  }
  problems.sort((a, b) => (a.display < b.display ? -1 : a.display > b.display ? 1 : 0));
  return { files, problems };
}

/** Whether a folder (workspace-relative) is left out by groundwork.corpus.exclude (e.g. node_modules). */
function isExcludedDir(rel: string, config: GroundworkConfig): boolean {
  return isExcludedPath(`${rel}/\u0001probe`, config);
}

const excludeMatchers = new WeakMap<readonly string[], (p: string) => boolean>();
function isExcludedPath(rel: string, config: GroundworkConfig): boolean {
  const globs = config.corpus.exclude;
  if (globs.length === 0) return false;
  let m = excludeMatchers.get(globs);
  if (!m) excludeMatchers.set(globs, (m = picomatch(globs as string[], { dot: true })));
  return m(rel.replace(/[\n\r\u2028\u2029]/g, '\u2424'));
}

/** The corpus of the workspace configuration (see walkCorpus for the problems). */
export function defaultCorpus(root: string, config: GroundworkConfig): InputFile[] {
  return walkCorpus(root, config).files;
}

/** Why a file cannot be read as an input (not regular, too large), else its bytes. */
export type ReadResult = { bytes: Uint8Array } | { problem: string; code: 'unreadable' | 'too-large' };

/**
 * Read a regular file of at most `maxBytes` bytes. Anything else (a FIFO, a device such
 * as /dev/zero, a socket, a folder) is refused without reading: a FIFO would block, a
 * device never ends. The file is opened non-blocking and read in bounded chunks, so a
 * file that grows or changes kind between the check and the read cannot hang the run
 * or exhaust memory either.
 */
export function readRegularFile(abs: string, maxBytes: number): ReadResult {
  let st: fs.Stats;
  try {
    st = fs.statSync(abs);
  } catch (e) {
    return { problem: `cannot read: ${errMessage(e)}`, code: 'unreadable' };
  }
  if (!st.isFile()) return { problem: `${fileKind(st)}, not read`, code: 'unreadable' };
  if (st.size > maxBytes) {
    return { problem: `the file is ${st.size} bytes, over the limit of ${maxBytes} bytes (groundwork.corpus.maxFileBytes)`, code: 'too-large' };
  }
  let fd: number;
  try {
    fd = fs.openSync(abs, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
  } catch (e) {
    return { problem: `cannot read: ${errMessage(e)}`, code: 'unreadable' };
  }
  try {
    const fst = fs.fstatSync(fd);
    if (!fst.isFile()) return { problem: `${fileKind(fst)}, not read`, code: 'unreadable' };
    const chunks: Uint8Array[] = [];
    let total = 0;
    const chunk = Buffer.allocUnsafe(Math.min(Math.max(fst.size, 1), 1 << 20) + 1);
    for (;;) {
      const n = fs.readSync(fd, chunk, 0, chunk.length, null);
      if (n === 0) break;
      total += n;
      if (total > maxBytes) {
        return { problem: `the file is over the limit of ${maxBytes} bytes (groundwork.corpus.maxFileBytes)`, code: 'too-large' };
      }
      chunks.push(Uint8Array.prototype.slice.call(chunk, 0, n));
    }
    const out = new Uint8Array(total);
    let at = 0;
    for (const c of chunks) {
      out.set(c, at);
      at += c.length;
    }
    return { bytes: out };
  } catch (e) {
    return { problem: `cannot read: ${errMessage(e)}`, code: 'unreadable' };
  } finally {
    fs.closeSync(fd);
  }
}

/** How one kind of command-line input (corpus or drafts) is discovered and reported. */
interface Discovery {
  /** Globs skipped below a folder argument (relative to it) and by a glob argument (relative to cwd). */
  folderExclude: string[];
  globExclude: string[];
  /** Whether a file found below a folder or by a glob counts (its absolute path, its path relative to the folder or cwd). */
  accept: (abs: string, rel: string) => boolean;
  /** The message when a folder holds no such file; none: an empty folder adds nothing. */
  emptyFolder?: (arg: string) => string;
  emptyGlob: (arg: string) => string;
  missing: (arg: string, statError: unknown) => string;
}

/**
 * Files named by arguments, in argument order, each once: a folder gives the files below it
 * (sorted), an existing file itself (whatever its name), a glob its matches (sorted).
 */
function filesFromArgs(args: string[], cwd: string, d: Discovery): InputFile[] {
  const out: InputFile[] = [];
  for (const arg of args) {
    const abs = path.resolve(cwd, arg);
    const given = displayPath(arg);
    let stat: fs.Stats | undefined;
    let statError: unknown;
    try {
      stat = fs.statSync(abs);
    } catch (e) {
      statError = e;
    }
    if (stat?.isDirectory()) {
      const found = globFiles(['**/*'], abs, d.folderExclude).filter((rel) => d.accept(path.join(abs, rel), rel));
      if (found.length === 0 && d.emptyFolder) throw new UsageError(d.emptyFolder(arg));
      out.push(...found.map((rel) => ({ display: joinDisplay(given, rel), abs: path.join(abs, rel) })));
    } else if (stat) {
      out.push({ display: given, abs });
    } else if (isDynamicPattern(arg)) {
      const found = globFiles([arg.replace(/\\/g, '/')], cwd, d.globExclude).filter((rel) => d.accept(path.resolve(cwd, rel), rel));
      if (found.length === 0) throw new UsageError(d.emptyGlob(arg));
      out.push(...found.map((rel) => ({ display: displayPath(rel), abs: path.resolve(cwd, rel) })));
    } else {
      throw new UsageError(d.missing(arg, statError));
    }
  }
  return dedupe(out);
}

/** `--corpus PATH`: a folder (supported extensions under it), a file, or a glob. */
export function corpusFromArgs(args: string[], cwd: string, config: GroundworkConfig): InputFile[] {
  return filesFromArgs(args, cwd, {
    folderExclude: config.corpus.exclude,
    globExclude: config.corpus.exclude,
    accept: (_abs, rel) => config.corpus.extensions.includes(extensionOf(rel)),
    emptyGlob: (arg) => `no corpus files match ${arg}`,
    missing: (arg) => `corpus path not found: ${arg}`,
  });
}

/** FILE arguments: files (any name), folders and globs (drafts per the config). */
export function draftsFromArgs(args: string[], cwd: string, root: string, config: GroundworkConfig): InputFile[] {
  return filesFromArgs(args, cwd, {
    folderExclude: config.drafts.exclude,
    globExclude: [],
    accept: (abs, rel) => isDraftFile(relToRoot(root, abs) ?? rel, config),
    emptyFolder: (arg) => `no drafts found in ${arg}`,
    emptyGlob: (arg) => `no drafts match ${arg}`,
    missing: (arg, e) => {
      const code = (e as NodeJS.ErrnoException | undefined)?.code;
      return code === 'ENOENT' || code === undefined ? `draft not found: ${arg}` : `cannot read draft ${arg}: ${errMessage(e)}`;
    },
  });
}

/** Each file once, by its real path (two links to one file, a link loop). */
function dedupe(files: InputFile[]): InputFile[] {
  const seen = new Set<string>();
  const real = (p: string): string => {
    try {
      return fs.realpathSync(p);
    } catch {
      return p;
    }
  };
  return files.filter((f) => {
    const k = real(f.abs);
    return seen.has(k) ? false : (seen.add(k), true);
  });
}

/** The team's bibliography files (`groundwork.bibliography` globs at the workspace root), read as text. */
export function readBibliography(root: string, config: GroundworkConfig): { files: Array<{ path: string; text: string }>; problems: string[] } {
  const files: Array<{ path: string; text: string }> = [];
  const problems: string[] = [];
  for (const rel of globFiles(config.bibliography, root, ['**/node_modules/**', '**/.git/**'])) {
    try {
      files.push({ path: rel, text: fs.readFileSync(path.join(root, rel), 'utf8') });
    } catch (e) {
      problems.push(`${rel}: cannot read (${errMessage(e)})`);
    }
  }
  return { files, problems };
}

export function draftFormat(file: string): DraftFormat {
  const ext = extensionOf(file);
  if (ext === '.md' || ext === '.markdown') return 'markdown';
  if (ext === '.tex') return 'latex';
  return 'plaintext';
}

/** Largest draft read (bytes); a larger one is refused. */
export const MAX_DRAFT_BYTES = 16 * 1024 * 1024;

/**
 * Read a draft as text: UTF-8 (BOM dropped), else Windows-1252 (the engine's table for
 * sources) with a note. A draft that is not a regular file (FIFO, device), too large or
 * binary is refused with `skip` (a warning; the other drafts are still checked).
 * Throws UsageError when the file cannot be read at all.
 */
export function readDraft(file: InputFile): { text: string; note?: string; skip?: string } {
  const r = readRegularFile(file.abs, MAX_DRAFT_BYTES);
  if ('problem' in r) {
    if (r.code === 'too-large') return { text: '', skip: `the draft is over ${MAX_DRAFT_BYTES} bytes, not checked` };
    if (/^cannot read/.test(r.problem)) throw new UsageError(`cannot read draft ${file.display}: ${r.problem.replace(/^cannot read: /, '')}`);
    return { text: '', skip: `${r.problem.replace(/, not read$/, '')}, not checked` };
  }
  const bytes = r.bytes;
  const decoded = decodeSource(bytes);
  if (!decoded.ok && decoded.code === 'binary') return { text: '', skip: 'the file looks binary (NUL bytes or many control characters), not checked' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes) };
  } catch {
    return { text: decodeWindows1252(bytes), note: 'not valid UTF-8; read as Windows-1252' };
  }
}

export function errMessage(e: unknown): string {
  const err = e as NodeJS.ErrnoException | undefined;
  if (err && typeof err === 'object' && typeof err.code === 'string') {
    const m = /^[A-Z]+: ([^,]+)/.exec(err.message);
    return m ? `${m[1]} (${err.code})` : err.code;
  }
  return e instanceof Error ? e.message : String(e);
}
