/**
 * `groundwork check`: index the corpus (warm from the workspace cache when possible),
 * check the drafts, print text / JSON / SARIF, return the exit code.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createEngine, loadEngine } from '../core/engine';
import type { Engine, EngineOptions } from '../core/api';
import type { FailOn, GroundworkConfig } from '../core/config';
import { normalizeSentence } from '../core/text/draft';
import { extractSource } from '../extract/index';
import { openServerCorpus, ServerError, type ServerCorpus } from '../server/index';
import { serverUrl, type ServerUrl } from './server';
import type { LoadWarning } from '../core/types';
import {
  corpusFromArgs,
  walkCorpus,
  readRegularFile,
  type InputProblem,
  draftFormat,
  draftsFromArgs,
  errMessage,
  findWorkspaceRoot,
  readDraft,
  readBibliography,
  readIgnoreFile,
  readWorkspaceSettings,
  UsageError,
  type InputFile,
} from './inputs';
import {
  jsonReport,
  sarifReport,
  shouldFail,
  quotePath,
  safeLine,
  textLines,
  warningLine,
  type CheckReport,
  type DraftResult,
} from './report';

export type OutputFormat = 'text' | 'json' | 'sarif';

export interface CheckCommandOptions {
  corpus: string[];
  format: OutputFormat;
  failOn?: FailOn;
  workspace?: string;
  cache: boolean;
  verbose: boolean;
  /** postgres:// URL of a team corpus (else groundwork.corpus.server, else GROUNDWORK_DATABASE_URL). */
  server?: string;
}

export interface CliIO {
  cwd: string;
  out: (s: string) => void;
  err: (s: string) => void;
}

/** Workspace-relative location of the index cache (the only file the CLI writes). */
export const CACHE_FILE = '.groundwork/cache/index.bin';

export async function runCheck(files: string[], opts: CheckCommandOptions, io: CliIO, toolVersion: string): Promise<number> {
  const note = (s: string): void => io.err(`groundwork: ${s}`);
  const verboseNote = (s: string): void => {
    if (opts.verbose) note(s);
  };

  const root = findWorkspaceRoot(io.cwd, opts.workspace);
  verboseNote(`workspace ${root}`);
  const { config, problems } = readWorkspaceSettings(root);
  for (const p of problems) io.err(p.replace(/^([^:]+): /, '$1: warning: '));
  if (config.corpus.externalFolders.length > 0) {
    // The repository's settings never widen what the CLI reads (a pull request could name
    // any folder of the CI runner); the one running the command names such folders.
    io.err('.vscode/settings.json: warning: groundwork.corpus.externalFolders is not read by groundwork check; pass those folders with --corpus');
  }
  const failOn: FailOn = opts.failOn ?? config.check.failOn;

  // Inputs first, so usage errors come before any work.
  const discovery: InputProblem[] = [];
  let corpus: InputFile[];
  if (opts.corpus.length > 0) corpus = corpusFromArgs(opts.corpus, io.cwd, config);
  else {
    const walked = walkCorpus(root, config);
    corpus = walked.files;
    discovery.push(...walked.problems);
  }
  const noCorpus = (): UsageError =>
    new UsageError(
      opts.corpus.length > 0
        ? `no corpus files in ${opts.corpus.join(', ')}`
        : `no corpus files in ${root} matching ${config.corpus.include.join(', ')} (set groundwork.corpus.include or pass --corpus)`,
    );
  // A team corpus on a server: the local files are only the fallback.
  const server = opts.corpus.length > 0 ? undefined : serverUrl(opts.server, root);
  if (corpus.length === 0 && !server) throw noCorpus();
  const drafts = draftsFromArgs(files, io.cwd, root, config);
  const draftTexts = drafts.map((d) => ({ file: d, ...readDraft(d) }));
  // Bad draft settings fail later; a corpus of only special files is still no corpus.
  const ignore = readIgnoreFile(root);
  for (const p of ignore.problems) io.err(p.replace(/^([^:]+): /, '$1: warning: '));

  const print = (results: DraftResult[], warnings: LoadWarning[], sourceAbs: ReadonlyMap<string, string>): number => {
    const report: CheckReport = { toolVersion, workspaceRoot: root, files: results, warnings, config, sourceAbs };
    switch (opts.format) {
      case 'json':
        io.out(`${JSON.stringify(jsonReport(report), null, 2)}\n`);
        break;
      case 'sarif':
        io.out(`${JSON.stringify(sarifReport(report), null, 2)}\n`);
        break;
      default:
        io.out(`${textLines(report, opts.verbose).join('\n')}\n`);
    }
    return shouldFail(results, failOn, config) ? 1 : 0;
  };

  if (server) {
    const viaServer = await checkThroughServer(server, draftTexts, root, ignore.sentences, io, opts.verbose);
    if (viaServer) return print(viaServer, [], new Map());
    if (corpus.length === 0) throw noCorpus();
  }

  // Index.
  const engineOptions: EngineOptions = { maxFileBytes: config.corpus.maxFileBytes };
  const started = Date.now();
  const cacheAbs = path.join(root, CACHE_FILE);
  const { engine, fromCache } = await openEngine(opts.cache ? cacheAbs : undefined, engineOptions, note, verboseNote);
  const indexed = await indexCorpus(engine, corpus, config.corpus.maxFileBytes, discovery);
  const { changed } = indexed;
  const warnings = [...applyBibliography(engine, root, config, io), ...indexed.warnings];
  verboseNote(
    `indexed ${engine.stats.documents} sources, ${engine.stats.passages} passages (${changed} updated${
      fromCache ? ', rest from cache' : ''
    }) in ${Date.now() - started} ms`,
  );
  for (const w of warnings) io.err(warningLine(w));
  if (opts.cache && (changed > 0 || !fromCache)) saveCache(engine, cacheAbs, note, verboseNote);
  if (engine.stats.documents === 0) {
    throw new UsageError(`no usable corpus files: all ${corpus.length} were skipped`);
  }

  // Check.
  const checkStarted = Date.now();
  const results: DraftResult[] = [];
  // By real path: a draft reached through a link is still its own file.
  const real = (p: string): string => {
    try {
      return fs.realpathSync(p);
    } catch {
      return path.resolve(p);
    }
  };
  const corpusPaths = new Map(corpus.map((c) => [real(c.abs), c.display]));
  for (const d of draftTexts) {
    if (!readable(d, io)) continue;
    const shown = quotePath(d.file.display);
    // A draft that is also a corpus file never supports itself.
    const self = corpusPaths.get(real(d.file.abs));
    if (self !== undefined && engine.getSource(self)) {
      io.err(safeLine(`${shown}: note: this draft is also a corpus file (${quotePath(self)}); it is checked against the other sources`));
    }
    const findings = (
      await engine.check(d.text, { format: draftFormat(d.file.abs), ignoredSentences: ignore.sentences, ...(self !== undefined ? { excludeSource: self } : {}) })
    ).filter((f) => !ignore.sentences.has(normalizeSentence(f.text)));
    results.push({ file: d.file.display, absPath: d.file.abs, findings });
  }

  verboseNote(`checked ${results.length} draft${results.length === 1 ? '' : 's'} in ${Date.now() - checkStarted} ms`);

  return print(results, warnings, new Map(corpus.map((c) => [c.display, c.abs])));
}

/** Warns about a draft that was skipped or read with a note; false when it was skipped. */
function readable(d: { file: InputFile; note?: string; skip?: string }, io: CliIO): boolean {
  const shown = quotePath(d.file.display);
  if (d.skip) {
    io.err(safeLine(`${shown}: warning: ${d.skip}`));
    return false;
  }
  if (d.note) io.err(safeLine(`${shown}: warning: ${d.note}`));
  return true;
}

/**
 * Check the drafts against the server's corpus. Undefined when the server cannot be reached
 * or does not answer in time (the caller falls back to the local corpus); other server
 * errors (login, schema, permission) are thrown: they need fixing, not a fallback.
 */
async function checkThroughServer(
  server: ServerUrl,
  drafts: Array<{ file: InputFile; text: string; note?: string; skip?: string }>,
  root: string,
  ignored: ReadonlySet<string>,
  io: CliIO,
  verbose: boolean,
): Promise<DraftResult[] | undefined> {
  const note = (s: string): void => io.err(`groundwork: ${s}`);
  let corpus: ServerCorpus | undefined;
  try {
    corpus = await openServerCorpus({ url: server.url });
    const stats = await corpus.stats();
    if (verbose) note(`checking against the corpus server ${corpus.where} (${stats.documents} sources, ${stats.passages} passages; from ${server.from})`);
    const results: DraftResult[] = [];
    for (const d of drafts) {
      if (!readable(d, io)) continue;
      const shown = quotePath(d.file.display);
      const rel = path.relative(root, d.file.abs).split(path.sep).join('/');
      const self = rel && !rel.startsWith('..') && !path.isAbsolute(rel) && (await corpus.retriever().getDocument(rel))?.path === rel ? rel : undefined;
      if (self !== undefined) {
        io.err(safeLine(`${shown}: note: this draft is also a source of the corpus server (${quotePath(self)}); it is checked against the other sources`));
      }
      const findings = (
        await corpus.check(d.text, { format: draftFormat(d.file.abs), ignoredSentences: ignored, ...(self !== undefined ? { excludeSource: self } : {}) })
      ).filter((f) => !ignored.has(normalizeSentence(f.text)));
      results.push({ file: d.file.display, absPath: d.file.abs, findings });
    }
    return results;
  } catch (e) {
    if (e instanceof ServerError && (e.code === 'unreachable' || e.code === 'timeout')) {
      note(`${e.message}; checking against the local corpus instead`);
      return undefined;
    }
    throw e;
  } finally {
    await corpus?.close();
  }
}

/** Read the team's bibliography into the engine; its problems are warnings like a source's. */
export function applyBibliography(engine: Engine, root: string, config: GroundworkConfig, io: CliIO): LoadWarning[] {
  const bib = readBibliography(root, config);
  for (const p of bib.problems) io.err(p.replace(/^([^:]+): /, '$1: warning: '));
  return engine.setBibliography(bib.files);
}

export async function openEngine(
  cacheAbs: string | undefined,
  options: EngineOptions,
  note: (s: string) => void,
  verboseNote: (s: string) => void,
): Promise<{ engine: Engine; fromCache: boolean }> {
  if (cacheAbs !== undefined) {
    let bytes: Uint8Array | undefined;
    try {
      bytes = fs.readFileSync(cacheAbs);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') note(`cannot read index cache (${errMessage(e)}); rebuilding`);
    }
    if (bytes !== undefined) {
      try {
        const engine = await loadEngine(bytes, options);
        verboseNote(`loaded index cache ${CACHE_FILE} (${engine.stats.documents} sources)`);
        return { engine, fromCache: true };
      } catch (e) {
        const name = e instanceof Error ? e.name : 'Error';
        note(`index cache ${CACHE_FILE} is unusable (${name}: ${e instanceof Error ? e.message : String(e)}); rebuilding`);
      }
    }
  }
  return { engine: await createEngine(options), fromCache: false };
}

/** Bring the engine in line with the corpus files: upsert each (unchanged ones are no-ops), drop the rest. */
export async function indexCorpus(
  engine: Engine,
  corpus: InputFile[],
  maxFileBytes: number,
  discovery: InputProblem[] = [],
): Promise<{ warnings: LoadWarning[]; changed: number }> {
  const own: LoadWarning[] = discovery.map((p) => ({ path: p.display, code: 'unreadable', message: p.message, skipped: true }));
  const current = new Set(corpus.map((c) => c.display));
  let changed = 0;
  for (const doc of engine.sources()) {
    if (!current.has(doc.path)) {
      engine.removeSource(doc.path);
      changed++;
    }
  }
  for (const file of corpus) {
    // Regular files only, read with a bound (a FIFO would block, /dev/zero never ends).
    const r = readRegularFile(file.abs, maxFileBytes);
    if ('problem' in r) {
      if (engine.removeSource(file.display)) changed++;
      if (r.code === 'too-large') own.push({ path: file.display, code: 'too-large', message: r.problem, skipped: true });
      else {
        engine.reportUnreadable(file.display, r.problem);
        changed++;
      }
      continue;
    }
    const bytes = r.bytes;
    const had = engine.getSource(file.display) !== undefined;
    // PDF and Word files: their text is extracted here (only when these bytes are not indexed yet).
    const extracted = engine.needsExtraction(file.display, bytes) ? await extractSource(file.display, bytes) : undefined;
    const res = engine.upsertSource(file.display, bytes, extracted);
    // A skipped file that stays skipped changes nothing worth re-saving the cache for.
    if (res.changed && (res.document !== undefined || had)) changed++;
    own.push(...res.warnings);
  }
  const all = [...own, ...engine.warnings().filter((w) => current.has(w.path))];
  const seen = new Set<string>();
  const warnings = all
    .filter((w) => {
      const k = `${w.path}\u0000${w.code}\u0000${w.message}`;
      return seen.has(k) ? false : (seen.add(k), true);
    })
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { warnings, changed };
}

export function saveCache(engine: Engine, cacheAbs: string, note: (s: string) => void, verboseNote: (s: string) => void): void {
  const tmp = `${cacheAbs}.${process.pid}.tmp`;
  try {
    const bytes = engine.serialize();
    fs.mkdirSync(path.dirname(cacheAbs), { recursive: true });
    fs.writeFileSync(tmp, bytes);
    fs.renameSync(tmp, cacheAbs);
    verboseNote(`saved index cache ${CACHE_FILE} (${formatBytes(bytes.byteLength)})`);
  } catch (e) {
    try {
      fs.rmSync(tmp, { force: true });
    } catch {
      // nothing to clean
    }
    note(`could not save the index cache (${errMessage(e)}); continuing`);
  }
}

function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${(n / (1024 * 1024)).toFixed(1)} MiB`;
  if (n >= 1024) return `${(n / 1024).toFixed(1)} KiB`;
  return `${n} bytes`;
}
