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
import { decodeWindows1252 } from '../core/corpus/decode';
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
  return { config: r.config, problems: [...problems, ...r.problems.map((p) => `${shown}: ${p}`)] };
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

/** The corpus of the workspace configuration. */
export function defaultCorpus(root: string, config: GroundworkConfig): InputFile[] {
  return globFiles(config.corpus.include, root, config.corpus.exclude)
    .filter((rel) => isCorpusFile(rel, config))
    .map((rel) => ({ display: rel, abs: path.join(root, rel) }));
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

function dedupe(files: InputFile[]): InputFile[] {
  const seen = new Set<string>();
  return files.filter((f) => (seen.has(f.abs) ? false : (seen.add(f.abs), true)));
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

/** Read a draft as text: UTF-8 (BOM dropped), else Windows-1252 (the engine's table for sources) with a note. Throws UsageError when unreadable. */
export function readDraft(file: InputFile): { text: string; note?: string } {
  let bytes: Uint8Array;
  try {
    bytes = fs.readFileSync(file.abs);
  } catch (e) {
    throw new UsageError(`cannot read draft ${file.display}: ${errMessage(e)}`);
  }
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
