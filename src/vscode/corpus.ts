/**
 * The corpus of each workspace folder: finds the sources (groundwork.corpus.* settings),
 * indexes them in the engine (worker), keeps the index live with a file watcher (only
 * the changed file is re-indexed), warm-starts from an index saved in the extension's
 * workspace storage, and shows bad sources as diagnostics and log lines.
 *
 * Multi-root: one engine per workspace folder (its own settings, its own corpus);
 * source paths are relative to their folder. A draft is checked against the corpus of
 * the folder it belongs to (untitled drafts: the first folder).
 */
import { promises as fsp, readFile as readFileCallback } from 'node:fs';
import { checkLocalFile, foldersOf, isInsideDir, newFolderOf, readBounded, walkLocal } from './localFiles';
import picomatch from 'picomatch/posix';
import { promisify } from 'node:util';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { redactUrl } from '../server/errors';
import { configFromSettings, extensionOf, isCorpusFile, toPosixRelative, type GroundworkConfig } from '../core/config';
import type { LoadWarning } from '../core/types';
import type { Activity } from './activity';
import { warningDiagnostic } from './convert';
import { isCacheError, serverErrorCode, type EngineClient } from './engineClient';
import type { SourceSummary } from './protocol';
import { braceGlob, readConfig } from './settings';

export type IndexPhase = 'starting' | 'indexing' | 'ready';

/** A folder's team corpus server (groundwork.corpus.server or GROUNDWORK_DATABASE_URL). */
export interface ServerState {
  /** The URL as configured (never with a password from a settings file). */
  url: string;
  /** The URL as shown (no password). */
  where: string;
  state: 'connecting' | 'connected' | 'down';
  /** Why it is down (one line, no password). */
  message?: string;
  /** ServerError code when down: unreachable, auth, timeout, schema, permission, other. */
  code?: string;
}


export interface IndexEvent {
  folder: vscode.Uri;
  /** Workspace-relative paths (re)indexed with new content. */
  changed: string[];
  removed: string[];
  reason: 'initial' | 'watch' | 'reindex' | 'settings';
  documents: number;
  /** true when the index was loaded from the saved cache. */
  fromCache: boolean;
}

interface Manifest {
  version: 1;
  configKey: string;
  files: Record<string, { mtime: number; size: number }>;
}

const CACHE_VERSION = 1;
/** Files read ahead of the one being indexed. */
const READ_AHEAD = 16;
/**
 * A created folder is walked again this long after its first walk: files written into it
 * right after it was made can land after the first walk, and the file watcher may report the
 * folder alone (the integration test that writes a PDF and a .docx into a new folder missed
 * the PDF now and then).
 */
const FOLDER_RESCAN_MS = 1000;

type Loaded =
  | { kind: 'unchanged'; real?: string }
  | { kind: 'error'; message: string }
  | { kind: 'bytes'; bytes: Uint8Array; stat: { mtime: number; size: number }; real?: string };

const readFileCb = promisify(readFileCallback);

/**
 * Reading sources: VS Code's file system API for every scheme; for local files in a Node
 * extension host, Node's fs directly (the API's round trips cost ~2x the indexing time
 * on a large corpus when the workbench runs in a browser).
 */
export const fileIO = {
  async stat(uri: vscode.Uri): Promise<{ mtime: number; size: number }> {
    if (uri.scheme === 'file') {
      const st = await fsp.stat(uri.fsPath);
      if (!st.isFile()) throw new Error('not a file');
      return { mtime: Math.round(st.mtimeMs), size: st.size };
    }
    const st = await vscode.workspace.fs.stat(uri);
    return { mtime: st.mtime, size: st.size };
  },
  async readFile(uri: vscode.Uri): Promise<Uint8Array> {
    // fs.readFile with a callback: cheaper on the event loop than fs.promises' FileHandle path.
    if (uri.scheme === 'file') return readFileCb(uri.fsPath);
    return vscode.workspace.fs.readFile(uri);
  },
  /** Only for the extension's own storage (never the workspace). */
  async writeFile(uri: vscode.Uri, bytes: Uint8Array): Promise<void> {
    if (uri.scheme === 'file') {
      await fsp.mkdir(path.dirname(uri.fsPath), { recursive: true });
      // Write then rename: a crash never leaves a half-written index behind.
      const tmp = `${uri.fsPath}.${process.pid}.tmp`;
      await fsp.writeFile(tmp, bytes);
      await fsp.rename(tmp, uri.fsPath);
      return;
    }
    await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(uri, '..'));
    await vscode.workspace.fs.writeFile(uri, bytes);
  },
};

function configKey(c: GroundworkConfig): string {
  return JSON.stringify([CACHE_VERSION, c.corpus.include, c.corpus.exclude, c.corpus.extensions, c.corpus.maxFileBytes, c.corpus.externalFolders]);
}

async function hashString(s: string): Promise<string> {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 16777619);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}

export class FolderCorpus implements vscode.Disposable {
  readonly engineId: string;
  config: GroundworkConfig;
  phase: IndexPhase = 'starting';
  /** The last server problem the user was told about (told once until it changes). */
  serverNotified?: string;
  /** Set once the first indexing pass has finished (drafts are checked from then on). */
  everReady = false;
  /** Bumped whenever the index changes (cached draft findings are stale then). */
  revision = 0;
  progress = { done: 0, total: 0 };
  sources: SourceSummary[] = [];
  warnings: LoadWarning[] = [];
  /** The folders that hold a source or a warned file (foldersOf), for newFolderOf: built on the first created file after a refresh. */
  private knownFoldersCache?: ReadonlySet<string>;
  private get knownFolders(): ReadonlySet<string> {
    return (this.knownFoldersCache ??= foldersOf([...this.sources, ...this.warnings].map((x) => x.path)));
  }
  /** Bibliography entries with no source file (keys with no text to check). */
  bibOnly: SourceSummary[] = [];
  /** The team corpus server, when one is configured; checks go to it while it answers. */
  server?: ServerState;
  /** `sources` and `bibOnly`: every key a draft can cite (one array, so completion's index is cached). */
  citable: SourceSummary[] = [];
  private manifest: Manifest;
  private watchers: vscode.Disposable[] = [];
  private bibWatchers: vscode.Disposable[] = [];
  private bibTimer?: NodeJS.Timeout;
  private bibEnd?: () => void;
  private queue: Promise<unknown> = Promise.resolve();
  /** 'rescan': the second walk of a created folder (scheduleRescan). */
  private pending = new Map<string, 'upsert' | 'remove' | 'scan' | 'rescan'>();
  private flushTimer?: NodeJS.Timeout;
  private flushEnd?: () => void;
  /** Created folders waiting for their second walk: the timer and its activity's end. */
  private rescans = new Map<string, { timer: NodeJS.Timeout; end: () => void }>();
  private saveTimer?: NodeJS.Timeout;
  private saveEnd?: () => void;
  private warnedDiagUris = new Set<string>();
  private loggedWarnings = new Set<string>();
  private disposed = false;
  private generation = 0;

  constructor(
    readonly folder: vscode.WorkspaceFolder,
    private readonly client: EngineClient,
    private readonly manager: CorpusManager,
  ) {
    this.engineId = folder.uri.toString();
    this.config = readConfig(folder).config;
    this.manifest = { version: 1, configKey: configKey(this.config), files: {} };
  }

  /** Paths of the URIs the last search found (computing them again costs a path walk each for external folders). */
  private readonly foundRel = new WeakMap<vscode.Uri, string>();

  /** The engine id of this folder's team corpus server (a view in the worker). */
  get serverId(): string {
    return `server:${this.engineId}`;
  }

  /** Where checks, suggestions and passages are asked: the server while it answers, else the local index. */
  get queryId(): string {
    return this.server?.state === 'connected' ? this.serverId : this.engineId;
  }

  relPath(uri: vscode.Uri): string | undefined {
    const known = this.foundRel.get(uri);
    if (known !== undefined) return known;
    const base = this.folder.uri.path.endsWith('/') ? this.folder.uri.path : this.folder.uri.path + '/';
    if (uri.scheme !== this.folder.uri.scheme || uri.authority !== this.folder.uri.authority) return undefined;
    if (!uri.path.startsWith(base)) {
      // A file of a folder named in groundwork.corpus.externalFolders: its path from the workspace folder (`../shared/a.txt`).
      if (uri.scheme === 'file' && this.externalRoots().some((r) => isInsideDir(r, uri.fsPath))) {
        return path.relative(this.folder.uri.fsPath, uri.fsPath).split(path.sep).join('/');
      }
      return undefined;
    }
    return toPosixRelative(uri.path.slice(base.length));
  }

  uriOf(relPath: string): vscode.Uri {
    if (this.folder.uri.scheme === 'file' && (relPath.startsWith('../') || path.isAbsolute(relPath))) {
      return vscode.Uri.file(path.resolve(this.folder.uri.fsPath, relPath));
    }
    return vscode.Uri.joinPath(this.folder.uri, ...relPath.split('/'));
  }

  /**
   * Folders outside the workspace folder that the team named as part of the corpus
   * (groundwork.corpus.externalFolders; VS Code ignores the workspace's value in
   * Restricted Mode). Local folders only, as absolute paths.
   */
  externalRoots(): string[] {
    if (this.folder.uri.scheme !== 'file') return [];
    return this.config.corpus.externalFolders.map((f) => path.resolve(this.folder.uri.fsPath, f));
  }

  private get log(): vscode.LogOutputChannel {
    return this.manager.log;
  }

  private enqueue<T>(work: () => Promise<T>): Promise<T> {
    const end = this.manager.activity.begin();
    const run = this.queue.then(work, work);
    this.queue = run.catch(() => undefined).finally(end);
    return run;
  }

  async cacheUris(): Promise<{ index: vscode.Uri; manifest: vscode.Uri; dir: vscode.Uri } | undefined> {
    const storage = this.manager.storageUri;
    if (!storage) return undefined;
    const dir = vscode.Uri.joinPath(storage, 'index', await hashString(this.folder.uri.toString()));
    return { dir, index: vscode.Uri.joinPath(dir, 'index.bin'), manifest: vscode.Uri.joinPath(dir, 'manifest.json') };
  }

  /** Find every corpus file of this folder under the current settings. */
  async findSources(): Promise<vscode.Uri[]> {
    const exclude = braceGlob(this.config.corpus.exclude) ?? null;
    const seen = new Map<string, vscode.Uri>();
    if (this.folder.uri.scheme === 'file') {
      // Local folders: an asynchronous walk (see walkLocal), not the workspace file search.
      const rootReal = await (this.rootReal ??= fsp.realpath(this.folder.uri.fsPath).catch(() => this.folder.uri.fsPath));
      const external = this.externalRoots();
      const roots = [rootReal, ...(await Promise.all(external.map((r) => fsp.realpath(r).catch(() => r))))];
      const excluded = this.config.corpus.exclude.length ? picomatch(this.config.corpus.exclude, { dot: true }) : () => false;
      const skipDir = (rel: string) => excluded(`${rel}/\u0001probe`);
      const bases = new Set<string>();
      for (const glob of this.config.corpus.include) {
        const base = picomatch.scan(glob).base;
        const abs = path.resolve(this.folder.uri.fsPath, base);
        if (path.isAbsolute(glob) || !isInsideDir(this.folder.uri.fsPath, abs)) continue;
        bases.add(path.relative(this.folder.uri.fsPath, abs).split(path.sep).join('/'));
      }
      const sortedBases = [...bases].sort();
      for (const b of sortedBases) {
        if (sortedBases.some((o) => o !== b && (o === '' || b.startsWith(`${o}/`)))) continue;
        await walkLocal(b === '' ? this.folder.uri.fsPath : path.join(this.folder.uri.fsPath, b), b, skipDir, roots, (rel, abs) => {
          if (isCorpusFile(rel, this.config)) seen.set(rel, vscode.Uri.file(abs));
        });
      }
      for (const root of external) {
        const relBase = path.relative(this.folder.uri.fsPath, root).split(path.sep).join('/');
        await walkLocal(root, relBase, skipDir, roots, (rel, abs) => {
          if (this.config.corpus.extensions.includes(extensionOf(rel))) seen.set(rel, vscode.Uri.file(abs));
        });
      }
      const out: vscode.Uri[] = [];
      for (const rel of [...seen.keys()].sort()) {
        const uri = seen.get(rel)!;
        this.foundRel.set(uri, rel);
        out.push(uri);
        if (out.length % 1000 === 0) await new Promise((r) => setImmediate(r));
      }
      return out;
    }
    for (const glob of this.config.corpus.include) {
      const found = await vscode.workspace.findFiles(new vscode.RelativePattern(this.folder, glob), exclude);
      for (let i = 0; i < found.length; i++) {
        // Matching is cheap but not free: let the event loop breathe on huge corpora.
        if (i > 0 && i % 1000 === 0) await new Promise((r) => setImmediate(r));
        const rel = this.relPath(found[i]);
        if (rel !== undefined && isCorpusFile(rel, this.config)) seen.set(rel, found[i]);
      }
    }
    for (const root of this.externalRoots()) {
      const found = await vscode.workspace.findFiles(new vscode.RelativePattern(vscode.Uri.file(root), '**/*'), exclude);
      for (const uri of found) {
        const rel = this.relPath(uri);
        if (rel !== undefined && this.config.corpus.extensions.includes(extensionOf(rel))) seen.set(rel, uri);
      }
    }
    return [...seen.entries()].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).map((e) => e[1]);
  }

  /**
   * (Re)build the index. `initial`: try the saved index first; otherwise keep the
   * engine and re-upsert (unchanged files cost a hash comparison, or nothing when their
   * size and mtime match).
   */
  indexAll(reason: IndexEvent['reason'], options: { useCache?: boolean; fresh?: boolean; localOnly?: boolean } = {}): Promise<void> {
    const gen = ++this.generation;
    return this.enqueue(async () => {
      if (this.disposed || gen !== this.generation) return;
      this.config = readConfig(this.folder).config;
      this.phase = 'indexing';
      this.progress = { done: 0, total: 0 };
      this.manager.stateChanged();
      if (!options.localOnly) {
        const target = this.manager.serverTarget(this.folder);
        if (target) {
          if (await this.useServer(target, reason)) return;
        } else if (this.server) {
          this.log.info(`${this.folder.name}: no team corpus server configured any more; using the local index.`);
          this.server = undefined;
          void this.client.dispose(this.serverId).catch(() => undefined);
        }
      }
      // The local index: the default, and the fallback while the server does not answer.
      const useCache = options.useCache || (this.server !== undefined && this.sources.length === 0);
      const engineOptions = { maxFileBytes: this.config.corpus.maxFileBytes };
      let fromCache = false;
      let loaded = false;
      if (useCache) {
        const cache = await this.cacheUris();
        if (cache) {
          try {
            const manifestBytes = await fileIO.readFile(cache.manifest);
            const manifest = JSON.parse(Buffer.from(manifestBytes).toString('utf8')) as Manifest;
            if (manifest.version === 1 && manifest.configKey === configKey(this.config)) {
              const bytes = await fileIO.readFile(cache.index);
              const stats = await this.client.load(this.engineId, bytes, engineOptions);
              this.manifest = manifest;
              loaded = true;
              fromCache = true;
              this.log.info(`${this.folder.name}: loaded the saved index (${stats.documents} sources, ${stats.passages} passages).`);
            }
          } catch (e) {
            if (isCacheError(e)) {
              this.log.warn(`${this.folder.name}: the saved index is corrupt (${(e as Error).message}); rebuilding it.`);
            } else if (!(e instanceof vscode.FileSystemError) && (e as NodeJS.ErrnoException).code !== 'ENOENT') {
              this.log.warn(`${this.folder.name}: could not use the saved index (${(e as Error).message}); rebuilding it.`);
            }
          }
        }
      }
      if (!loaded && (options.fresh || useCache || this.sources.length === 0)) {
        await this.client.open(this.engineId, engineOptions);
        this.manifest = { version: 1, configKey: configKey(this.config), files: {} };
      }
      if (options.fresh) this.manifest.files = {};
      this.manifest.configKey = configKey(this.config);

      const uris = await this.findSources();
      const wanted = new Set(uris.map((u) => this.relPath(u)!));
      this.progress = { done: 0, total: uris.length };
      this.manager.stateChanged();
      const changed: string[] = [];
      const removed: string[] = [];
      const indexed = await this.client.sources(this.engineId);
      const indexedPaths = new Set(indexed.map((s) => s.path));
      const skippedBefore = new Set((await this.client.warnings(this.engineId)).filter((w) => w.skipped).map((w) => w.path));

      const work = async (token?: vscode.CancellationToken, report?: (n: number) => void): Promise<boolean> => {
        // Reads run ahead of the engine (a window of READ_AHEAD files) so file-system
        // round trips overlap with indexing; the engine still gets one file at a time, in order.
        const rels = uris.map((u) => this.relPath(u)!);
        const firstPathOf = new Map<string, string>();
        const loads: Array<Promise<Loaded> | undefined> = [];
        const startLoad = (i: number) => {
          if (i < uris.length && !loads[i]) loads[i] = this.load(uris[i], rels[i], indexedPaths.has(rels[i]) || skippedBefore.has(rels[i]));
        };
        for (let i = 0; i < Math.min(READ_AHEAD, uris.length); i++) startLoad(i);
        let lastYield = performance.now();
        for (let i = 0; i < uris.length; i++) {
          if (token?.isCancellationRequested || this.disposed || gen !== this.generation) return false;
          // Unchanged files resolve at once, and a chain of resolved awaits never lets a
          // timer or another extension run: give the event loop a turn every few ms.
          if (performance.now() - lastYield > 8) {
            await new Promise((r) => setImmediate(r));
            lastYield = performance.now();
          }
          startLoad(i + READ_AHEAD);
          let loaded = await loads[i]!;
          loads[i] = undefined;
          const rel = rels[i];
          // Each file once: several links to one file (or a link loop) give it several
          // paths; the first in path order is indexed.
          if (loaded.kind !== 'error' && loaded.real !== undefined) {
            const first = firstPathOf.get(loaded.real);
            if (first !== undefined) loaded = { kind: 'error', message: `the same file as ${first} (through a link), read once` };
            else firstPathOf.set(loaded.real, rel);
          }
          if (await this.apply(rel, loaded)) changed.push(rel);
          this.progress.done++;
          report?.(1);
          if (this.progress.done % 10 === 0 || this.progress.done === this.progress.total) this.manager.stateChanged();
        }
        return true;
      };
      let complete = true;
      if (uris.length > 0) {
        complete = await vscode.window.withProgress(
          {
            location: vscode.ProgressLocation.Notification,
            title: `Groundwork: indexing sources${vscode.workspace.workspaceFolders && vscode.workspace.workspaceFolders.length > 1 ? ` in ${this.folder.name}` : ''}`,
            cancellable: true,
          },
          async (progress, token) =>
            work(token, () => {
              const { done, total } = this.progress;
              if (done % 5 === 0 || done === total) progress.report({ message: `${done}/${total}`, increment: (5 * 100) / Math.max(total, 1) });
            }),
        );
      }
      if (!complete) {
        this.log.warn(`${this.folder.name}: indexing stopped after ${this.progress.done} of ${this.progress.total} sources.`);
      } else {
        // Drop what is indexed (or warned about) but no longer in the corpus.
        for (const path of new Set([...indexedPaths, ...skippedBefore])) {
          if (!wanted.has(path)) {
            await this.client.remove(this.engineId, path);
            delete this.manifest.files[path];
            removed.push(path);
          }
        }
      }
      await this.loadBibliography();
      await this.refresh();
      this.phase = 'ready';
      this.everReady = true;
      this.manager.stateChanged();
      this.log.info(
        `${this.folder.name}: ${this.sources.length} sources indexed (${changed.length} read, ${removed.length} removed${fromCache ? ', warm start' : ''}).`,
      );
      if (changed.length || removed.length || !fromCache) this.scheduleSave();
      this.manager.fireIndexed({ folder: this.folder.uri, changed, removed, reason, documents: this.sources.length, fromCache });
    });
  }

  private rootReal?: Promise<string>;

  /**
   * Connect to the team corpus server: on success the folder's sources are the server's and
   * no local index is built (returns true); otherwise the server is marked down, the user
   * told, and the caller indexes locally (returns false).
   */
  private async useServer(target: { url: string; problem?: string }, reason: IndexEvent['reason']): Promise<boolean> {
    const where = redactUrl(target.url);
    if (target.problem) {
      this.server = { url: target.url, where, state: 'down', message: target.problem, code: 'other' };
      this.manager.serverDown(this);
      return false;
    }
    this.server = { url: target.url, where, state: 'connecting' };
    this.manager.stateChanged();
    try {
      const password = await this.manager.serverPassword(target.url);
      const r = await this.client.connect(this.serverId, { url: target.url, ...(password ? { password } : {}) });
      this.server = { url: target.url, where: r.where, state: 'connected' };
      this.sources = await this.client.sources(this.serverId);
      this.bibOnly = [];
      this.citable = this.sources;
      this.warnings = [];
      for (const old of this.warnedDiagUris) this.manager.sourceDiagnostics.delete(vscode.Uri.parse(old));
      this.warnedDiagUris.clear();
      this.progress = { done: 0, total: 0 };
      this.phase = 'ready';
      this.everReady = true;
      this.manager.stateChanged();
      this.log.info(`${this.folder.name}: checking against the team corpus on ${r.where} (${r.documents} sources, ${r.passages} passages); no local index is built.`);
      this.manager.fireIndexed({ folder: this.folder.uri, changed: [], removed: [], reason, documents: this.sources.length, fromCache: false });
      return true;
    } catch (e) {
      this.server = { url: target.url, where, state: 'down', message: (e as Error).message, code: serverErrorCode(e) ?? 'other' };
      this.manager.serverDown(this);
      return false;
    }
  }

  /** A request to the server failed (it went down, or timed out): fall back to the local index. */
  serverLost(e: unknown): void {
    if (this.server?.state !== 'connected') return;
    this.server = { ...this.server, state: 'down', message: (e as Error).message, code: serverErrorCode(e) ?? 'other' };
    this.manager.serverDown(this);
    this.sources = [];
    this.citable = [];
    void this.indexAll('settings', { useCache: true, localOnly: true });
  }

  /**
   * Stat and (unless unchanged since the manifest) read one file. A local file is read
   * only when it is a regular file whose real path is inside the workspace folder (a
   * link to outside is not followed, a FIFO or device is never opened), at most
   * `groundwork.corpus.maxFileBytes` bytes of it.
   */
  private async load(uri: vscode.Uri, rel: string, known: boolean): Promise<Loaded> {
    let stat: { mtime: number; size: number };
    let real: string | undefined;
    const max = this.config.corpus.maxFileBytes;
    if (uri.scheme === 'file') {
      const root = await (this.rootReal ??= fsp.realpath(this.folder.uri.fsPath).catch(() => this.folder.uri.fsPath));
      const external = await Promise.all(this.externalRoots().map((r) => fsp.realpath(r).catch(() => r)));
      const checked = await checkLocalFile(uri.fsPath, [root, ...external]);
      if ('problem' in checked) return { kind: 'error', message: checked.problem };
      stat = checked.stat;
      real = checked.real;
      if (stat.size > max) return { kind: 'error', message: `the file is ${stat.size} bytes, over the limit of ${max} bytes (groundwork.corpus.maxFileBytes)` };
    } else {
      try {
        stat = await fileIO.stat(uri);
      } catch (e) {
        return { kind: 'error', message: (e as Error).message };
      }
    }
    const prev = this.manifest.files[rel];
    if (known && prev && prev.mtime === stat.mtime && prev.size === stat.size) return { kind: 'unchanged', real };
    try {
      const bytes = uri.scheme === 'file' ? await readBounded(uri.fsPath, max) : await fileIO.readFile(uri);
      if (bytes === undefined) return { kind: 'error', message: `the file is over the limit of ${max} bytes (groundwork.corpus.maxFileBytes)` };
      return { kind: 'bytes', bytes, stat, real };
    } catch (e) {
      return { kind: 'error', message: `could not read the file: ${(e as Error).message}` };
    }
  }

  /** Hand a loaded file to the engine; returns true when the index changed. */
  private async apply(rel: string, loaded: Loaded): Promise<boolean> {
    if (loaded.kind === 'unchanged') return false;
    if (loaded.kind === 'error') {
      await this.client.unreadable(this.engineId, rel, loaded.message);
      delete this.manifest.files[rel];
      return true;
    }
    const result = await this.client.upsert(this.engineId, rel, loaded.bytes);
    this.manifest.files[rel] = { mtime: loaded.stat.mtime, size: loaded.stat.size };
    return result.changed || result.warnings.some((w) => w.skipped);
  }

  private async upsertOne(uri: vscode.Uri, rel: string, known: boolean): Promise<boolean> {
    return this.apply(rel, await this.load(uri, rel, known));
  }

  /** Read the team bibliography (`groundwork.bibliography` globs) into the engine. */
  private async loadBibliography(): Promise<void> {
    const files: Array<{ path: string; text: string }> = [];
    const seen = new Set<string>();
    for (const glob of this.config.bibliography) {
      const found = await vscode.workspace.findFiles(new vscode.RelativePattern(this.folder, glob), '**/node_modules/**');
      for (const uri of found) {
        const rel = this.relPath(uri);
        if (rel === undefined || seen.has(rel)) continue;
        seen.add(rel);
        try {
          files.push({ path: rel, text: Buffer.from(await fileIO.readFile(uri)).toString('utf8') });
        } catch (e) {
          this.log.warn(`${this.folder.name}/${rel}: could not read the bibliography (${(e as Error).message}).`);
        }
      }
    }
    const r = await this.client.bibliography(this.engineId, files);
    this.bibOnly = r.entries
      .filter((e) => !e.source)
      .map((e) => ({ path: e.bibPath, key: e.key, title: e.title ?? e.key, date: e.date, author: e.author, language: 'und' as const, hash: '', warnings: [], passages: 0, noText: true, bibliography: { path: e.bibPath, line: e.line } }));
    if (files.length) this.log.info(`${this.folder.name}: bibliography ${files.map((f) => f.path).join(', ')}: ${r.entries.length} entries, ${r.entries.length - this.bibOnly.length} linked to a source.`);
  }

  /** Re-read the bibliography after its files or the setting changed. */
  reloadBibliography(): void {
    if (this.bibTimer) clearTimeout(this.bibTimer);
    this.bibEnd ??= this.manager.activity.begin();
    this.bibTimer = setTimeout(() => {
      this.bibTimer = undefined;
      const end = this.bibEnd;
      this.bibEnd = undefined;
      void this.enqueue(async () => {
        if (this.disposed) return;
        this.config = readConfig(this.folder).config;
        await this.loadBibliography();
        await this.refresh();
        this.manager.stateChanged();
        this.manager.fireIndexed({ folder: this.folder.uri, changed: [], removed: [], reason: 'watch', documents: this.sources.length, fromCache: false });
      }).finally(() => end?.());
    }, 50);
  }

  /** Refresh the summaries and the source diagnostics from the engine. */
  private async refresh(): Promise<void> {
    this.sources = await this.client.sources(this.engineId);
    this.citable = [...this.sources, ...this.bibOnly];
    this.warnings = await this.client.warnings(this.engineId);
    this.knownFoldersCache = undefined;
    const byUri = new Map<string, { uri: vscode.Uri; diags: vscode.Diagnostic[] }>();
    for (const w of this.warnings) {
      const uri = this.uriOf(w.path);
      const entry = byUri.get(uri.toString()) ?? { uri, diags: [] };
      entry.diags.push(warningDiagnostic(w));
      byUri.set(uri.toString(), entry);
      const id = `${w.path}\u0000${w.code}\u0000${w.message}`;
      if (!this.loggedWarnings.has(id)) {
        this.loggedWarnings.add(id);
        const message = w.message.startsWith(`${w.path}: `) ? w.message.slice(w.path.length + 2) : w.message;
        const line = `${this.folder.name}/${w.path}: ${message} [source.${w.code}]`;
        if (w.skipped) this.log.warn(line);
        else this.log.info(line);
      }
    }
    const coll = this.manager.sourceDiagnostics;
    for (const old of this.warnedDiagUris) if (!byUri.has(old)) coll.delete(vscode.Uri.parse(old));
    for (const [key, { uri, diags }] of byUri) coll.set(uri, diags);
    this.warnedDiagUris = new Set(byUri.keys());
  }

  /** Start watching the corpus globs of this folder. */
  watch(): void {
    for (const w of this.watchers) w.dispose();
    this.watchers = [];
    for (const glob of this.config.corpus.include) {
      const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(this.folder, glob));
      const on = (kind: 'upsert' | 'remove' | 'scan') => (uri: vscode.Uri) => {
        const rel = this.relPath(uri);
        if (rel === undefined) return;
        if (kind !== 'remove' && !isCorpusFile(rel, this.config)) {
          // A new folder (copied or moved in) may be reported alone, without its files.
          if (kind !== 'scan' || this.pending.has(rel)) return;
        } else if (kind === 'scan') {
          kind = 'upsert';
          // Or a file of a new folder alone, without the folder and the files before it.
          const folder = newFolderOf(rel, this.knownFolders);
          if (folder !== undefined && !this.pending.has(folder)) this.pending.set(folder, 'scan');
        }
        this.pending.set(rel, kind);
        this.scheduleFlush();
      };
      watcher.onDidCreate(on('scan'));
      watcher.onDidChange(on('upsert'));
      watcher.onDidDelete(on('remove'));
      this.watchers.push(watcher);
    }
    for (const w of this.bibWatchers) w.dispose();
    this.bibWatchers = [];
    for (const glob of this.config.bibliography) {
      const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(this.folder, glob));
      const reload = () => this.reloadBibliography();
      watcher.onDidCreate(reload);
      watcher.onDidChange(reload);
      watcher.onDidDelete(reload);
      this.bibWatchers.push(watcher);
    }
  }

  private scheduleFlush(): void {
    if (this.flushTimer) clearTimeout(this.flushTimer);
    this.flushEnd ??= this.manager.activity.begin();
    this.flushTimer = setTimeout(() => {
      this.flushTimer = undefined;
      const end = this.flushEnd;
      this.flushEnd = undefined;
      void this.flush().finally(() => end?.());
    }, 50);
  }

  private flush(): Promise<void> {
    const batch = [...this.pending.entries()];
    this.pending.clear();
    // The server's corpus changes by ingest, not by local edits.
    if (batch.length === 0 || this.server?.state === 'connected') return Promise.resolve();
    return this.enqueue(async () => {
      if (this.disposed) return;
      const changed: string[] = [];
      const removed: string[] = [];
      let found: vscode.Uri[] | undefined; // the corpus files, walked once for all new folders
      for (const [rel, kind] of batch) {
        const uri = this.uriOf(rel);
        if (kind === 'remove') {
          // A deleted folder reports only itself: drop every source under it.
          const under = this.sources.map((s) => s.path).concat(this.warnings.map((w) => w.path)).filter((p) => p === rel || p.startsWith(rel + '/'));
          for (const p of new Set(under)) {
            await this.client.remove(this.engineId, p);
            delete this.manifest.files[p];
            removed.push(p);
          }
          if (under.length === 0) {
            await this.client.remove(this.engineId, rel);
          }
        } else if (kind === 'scan' || kind === 'rescan') {
          // A created folder: index the corpus files in it (the watcher may not report them).
          let dir = false;
          try {
            dir = ((await vscode.workspace.fs.stat(uri)).type & vscode.FileType.Directory) !== 0;
          } catch {
            dir = false;
          }
          if (!dir) continue;
          found ??= await this.findSources();
          for (const u of found) {
            const r = this.relPath(u);
            if (r === undefined || !r.startsWith(`${rel}/`) || batch.some(([b]) => b === r)) continue;
            if (await this.upsertOne(u, r, false)) changed.push(r);
          }
          // A file written into the new folder right after it was made may land after this
          // walk, and the watcher may report the folder alone: walk it once more shortly.
          if (kind === 'scan' && !this.rescans.has(rel)) this.scheduleRescan(rel);
        } else {
          let exists = true;
          try {
            await vscode.workspace.fs.stat(uri);
          } catch {
            exists = false;
          }
          if (!exists) {
            if (await this.client.remove(this.engineId, rel)) removed.push(rel);
            delete this.manifest.files[rel];
          } else if (await this.upsertOne(uri, rel, false)) {
            changed.push(rel);
          }
        }
      }
      await this.refresh();
      this.manager.stateChanged();
      if (changed.length || removed.length) {
        const parts = [changed.length ? `re-indexed ${changed.join(', ')}` : '', removed.length ? `removed ${removed.join(', ')}` : ''].filter(Boolean);
        this.log.info(`${this.folder.name}: ${parts.join('; ')}.`);
        this.scheduleSave();
      }
      this.manager.fireIndexed({ folder: this.folder.uri, changed, removed, reason: 'watch', documents: this.sources.length, fromCache: false });
    });
  }

  private scheduleRescan(rel: string): void {
    const end = this.manager.activity.begin();
    const timer = setTimeout(() => {
      this.rescans.delete(rel);
      if (!this.disposed) {
        if (!this.pending.has(rel)) this.pending.set(rel, 'rescan');
        this.scheduleFlush();
      }
      end();
    }, FOLDER_RESCAN_MS);
    this.rescans.set(rel, { timer, end });
  }

  private scheduleSave(): void {
    if (!this.manager.storageUri || this.server?.state === 'connected') return;
    if (this.saveTimer) clearTimeout(this.saveTimer);
    this.saveEnd ??= this.manager.activity.begin();
    this.saveTimer = setTimeout(() => {
      this.saveTimer = undefined;
      const end = this.saveEnd;
      this.saveEnd = undefined;
      void this.enqueue(() => this.save()).finally(() => end?.());
    }, this.manager.saveDelayMs);
  }

  /** Write the index and its manifest to the extension's workspace storage (never the repo). */
  async save(): Promise<void> {
    const cache = await this.cacheUris();
    if (!cache || this.disposed) return;
    try {
      const bytes = await this.client.serialize(this.engineId);
      await fileIO.writeFile(cache.index, bytes);
      await fileIO.writeFile(cache.manifest, Buffer.from(JSON.stringify(this.manifest), 'utf8'));
      this.manager.fireSaved(this.folder.uri);
    } catch (e) {
      this.log.warn(`${this.folder.name}: could not save the index (${(e as Error).message}).`);
    }
  }

  dispose(): void {
    this.disposed = true;
    this.generation++;
    for (const w of this.watchers) w.dispose();
    for (const w of this.bibWatchers) w.dispose();
    if (this.bibTimer) clearTimeout(this.bibTimer);
    this.bibEnd?.();
    if (this.flushTimer) clearTimeout(this.flushTimer);
    this.flushEnd?.();
    for (const { timer, end } of this.rescans.values()) {
      clearTimeout(timer);
      end();
    }
    this.rescans.clear();
    if (this.saveTimer) clearTimeout(this.saveTimer);
    this.saveEnd?.();
    for (const u of this.warnedDiagUris) this.manager.sourceDiagnostics.delete(vscode.Uri.parse(u));
    void this.client.dispose(this.engineId).catch(() => undefined);
    if (this.server) void this.client.dispose(this.serverId).catch(() => undefined);
  }
}

export class CorpusManager implements vscode.Disposable {
  readonly folders = new Map<string, FolderCorpus>();
  readonly sourceDiagnostics = vscode.languages.createDiagnosticCollection('groundwork-sources');
  private readonly indexed = new vscode.EventEmitter<IndexEvent>();
  readonly onDidIndex = this.indexed.event;
  private readonly stateEmitter = new vscode.EventEmitter<void>();
  readonly onDidChangeState = this.stateEmitter.event;
  private readonly savedEmitter = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidSaveIndex = this.savedEmitter.event;
  private readonly disposables: vscode.Disposable[] = [];
  saveDelayMs = 1500;

  constructor(
    readonly client: EngineClient,
    readonly activity: Activity,
    readonly log: vscode.LogOutputChannel,
    readonly storageUri: vscode.Uri | undefined,
    private readonly secrets?: vscode.SecretStorage,
  ) {
    this.disposables.push(
      vscode.workspace.onDidChangeWorkspaceFolders((e) => {
        for (const f of e.removed) this.removeFolder(f);
        for (const f of e.added) this.addFolder(f, true);
      }),
      vscode.workspace.onDidChangeConfiguration((e) => {
        for (const fc of this.folders.values()) {
          if (e.affectsConfiguration('groundwork.corpus', fc.folder)) {
            if (e.affectsConfiguration('groundwork.corpus.server', fc.folder)) fc.serverNotified = undefined;
            this.log.info(`${fc.folder.name}: corpus settings changed; updating the index.`);
            fc.config = readConfig(fc.folder).config;
            fc.watch();
            void fc.indexAll('settings');
          } else if (e.affectsConfiguration('groundwork.bibliography', fc.folder)) {
            this.log.info(`${fc.folder.name}: bibliography setting changed; reading it again.`);
            fc.config = readConfig(fc.folder).config;
            fc.watch();
            fc.reloadBibliography();
          }
        }
      }),
    );
  }

  start(): void {
    for (const f of vscode.workspace.workspaceFolders ?? []) this.addFolder(f, true);
    // A workspace's own server setting counts once the workspace is trusted.
    this.disposables.push(
      vscode.workspace.onDidGrantWorkspaceTrust(() => {
        for (const fc of this.folders.values()) if (this.serverTarget(fc.folder)?.url !== fc.server?.url) void fc.indexAll('settings');
      }),
    );
  }

  /**
   * The team corpus server of a folder: groundwork.corpus.server (in Restricted Mode only the
   * user's own setting, never the workspace's), else GROUNDWORK_DATABASE_URL. `problem`: a
   * setting that cannot be used (a password in it, not a PostgreSQL URL).
   */
  serverTarget(folder: vscode.WorkspaceFolder): { url: string; problem?: string } | undefined {
    const info = vscode.workspace.getConfiguration('groundwork', folder).inspect<string>('corpus.server');
    const raw = vscode.workspace.isTrusted ? (info?.workspaceFolderValue ?? info?.workspaceValue ?? info?.globalValue) : info?.globalValue;
    if (typeof raw === 'string' && raw.trim()) {
      const { config, problems } = configFromSettings({ 'groundwork.corpus.server': raw });
      return config.corpus.server ? { url: config.corpus.server } : { url: raw.trim(), problem: problems[0]?.replace(/; using the default ""$/, '') ?? 'not a usable server URL' };
    }
    const env = process.env.GROUNDWORK_DATABASE_URL?.trim();
    return env ? { url: env } : undefined;
  }

  /** The key of a server's password in secret storage. */
  static secretKey(url: string): string {
    return `groundwork.server.password:${redactUrl(url).replace(/\?.*$/, '')}`;
  }

  async serverPassword(url: string): Promise<string | undefined> {
    return (await this.secrets?.get(CorpusManager.secretKey(url))) || undefined;
  }

  async setServerPassword(url: string, password: string): Promise<void> {
    if (!this.secrets) throw new Error('no secret storage');
    if (password) await this.secrets.store(CorpusManager.secretKey(url), password);
    else await this.secrets.delete(CorpusManager.secretKey(url));
  }

  /** Tell the user, once per state change, that a folder's server is not used and why. */
  serverDown(fc: FolderCorpus): void {
    const s = fc.server;
    this.stateChanged();
    if (!s || s.state !== 'down') return;
    const note = `${s.where}: ${s.message ?? 'not available'}`;
    this.log.warn(`${fc.folder.name}: the team corpus server is not used (${note}); checking against the local index.`);
    if (fc.serverNotified === note) return;
    fc.serverNotified = note;
    const actions = s.code === 'auth' ? ['Set Password', 'Retry'] : ['Retry'];
    void vscode.window
      .showWarningMessage(`Groundwork: the team corpus server is not available (${note}). Checking against the local index.`, ...actions)
      .then((pick) => {
        if (pick === 'Retry') void vscode.commands.executeCommand('groundwork.reconnectServer');
        else if (pick === 'Set Password') void vscode.commands.executeCommand('groundwork.setServerPassword');
      });
  }

  /** Try the configured servers again (after a password was set, or the server came back). */
  reconnect(): Promise<void> {
    return Promise.all(
      [...this.folders.values()].filter((fc) => this.serverTarget(fc.folder)).map((fc) => {
        fc.serverNotified = undefined;
        return fc.indexAll('reindex');
      }),
    ).then(() => undefined);
  }

  private addFolder(folder: vscode.WorkspaceFolder, useCache: boolean): void {
    const key = folder.uri.toString();
    if (this.folders.has(key)) return;
    const fc = new FolderCorpus(folder, this.client, this);
    this.folders.set(key, fc);
    fc.watch();
    void fc.indexAll('initial', { useCache });
    this.stateChanged();
  }

  private removeFolder(folder: vscode.WorkspaceFolder): void {
    const key = folder.uri.toString();
    this.folders.get(key)?.dispose();
    this.folders.delete(key);
    this.stateChanged();
  }

  /** The corpus a document is checked against. */
  forUri(uri: vscode.Uri): FolderCorpus | undefined {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    if (folder) return this.folders.get(folder.uri.toString());
    return this.folders.values().next().value;
  }

  /** Resolve an evidence path (relative to its folder) to a file. */
  sourceUri(fc: FolderCorpus | undefined, path: string): vscode.Uri | undefined {
    if (!fc) return undefined;
    if (/^[a-z][a-z0-9+.-]*:/i.test(path)) return vscode.Uri.parse(path);
    return fc.uriOf(path);
  }

  reindexAll(): Promise<void> {
    return Promise.all([...this.folders.values()].map((fc) => fc.indexAll('reindex', { fresh: true }))).then(() => undefined);
  }

  get phase(): IndexPhase {
    const phases = [...this.folders.values()].map((f) => f.phase);
    if (phases.includes('indexing')) return 'indexing';
    if (phases.includes('starting')) return 'starting';
    return 'ready';
  }

  get totals(): { sources: number; done: number; total: number; warnings: number } {
    let sources = 0;
    let done = 0;
    let total = 0;
    let warnings = 0;
    for (const f of this.folders.values()) {
      sources += f.sources.length;
      done += f.progress.done;
      total += f.progress.total;
      warnings += f.warnings.length;
    }
    return { sources, done, total, warnings };
  }

  stateChanged(): void {
    this.stateEmitter.fire();
  }
  fireIndexed(e: IndexEvent): void {
    const fc = this.folders.get(e.folder.toString());
    if (fc) fc.revision++;
    this.indexed.fire(e);
  }
  fireSaved(folder: vscode.Uri): void {
    this.savedEmitter.fire(folder);
  }

  dispose(): void {
    for (const fc of this.folders.values()) fc.dispose();
    this.folders.clear();
    for (const d of this.disposables) d.dispose();
    this.sourceDiagnostics.dispose();
    this.indexed.dispose();
    this.stateEmitter.dispose();
    this.savedEmitter.dispose();
  }
}
