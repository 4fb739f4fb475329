/**
 * Executes protocol requests against engines. Runs inside the worker thread
 * (src/vscode/worker.ts) or, when no worker can start, on the extension host thread
 * (src/vscode/engineClient.ts yields between requests). No 'vscode' import here.
 */
import { createEngine, loadEngine } from '../core/engine';
import { installNodeRuntime } from '../node/runtime';

installNodeRuntime();
import type { Engine, EngineOptions } from '../core/api';
import type { SourceDocument } from '../core/types';
import type { ExtractedSource } from '../core/corpus/extracted';
import type { EngineOps, EngineRequest, OpName, SourceSummary } from './protocol';
import * as path from 'node:path';
import type { IngestInput, ServerCorpus, ServerSourceSummary } from '../server/index';
import { readRegularFile } from '../cli/inputs';
import { isCorpusFile } from '../core/config';

// The learned decision's weights (data/model.json), read on the first prediction.

export function summarize(doc: SourceDocument): SourceSummary {
  return {
    path: doc.path,
    key: doc.key,
    title: doc.title,
    date: doc.date,
    outlet: doc.outlet,
    author: doc.author,
    language: doc.language,
    passages: doc.passages.length,
    hash: doc.hash,
    warnings: doc.warnings,
    ...(doc.kind ? { kind: doc.kind } : {}),
    ...(doc.pages !== undefined ? { pages: doc.pages } : {}),
    ...(doc.bibliography ? { bibliography: doc.bibliography } : {}),
  };
}

/** Reads the text of a PDF or Word file (src/extract); only the worker has one. */
export type Extractor = (path: string, bytes: Uint8Array) => Promise<ExtractedSource>;

export class EngineService {
  private readonly engines = new Map<string, { engine: Engine; options?: EngineOptions }>();
  /** Engine ids that are views of a team corpus on PostgreSQL (see `connect`). */
  private readonly servers = new Map<string, ServerCorpus>();

  /**
   * @param extract reads PDF and Word files. The worker passes one; the in-thread fallback
   *        does not, so those files are skipped with a warning there rather than parsed on
   *        the extension host.
   */
  constructor(private readonly extract?: Extractor) {}

  private get(id: string): Engine {
    let entry = this.engines.get(id);
    if (!entry) {
      entry = { engine: createEngine({}) };
      this.engines.set(id, entry);
    }
    return entry.engine;
  }

  handle(req: EngineRequest): EngineOps[OpName]['result'] | Promise<EngineOps[OpName]['result']> {
    const server = this.servers.get(req.engine);
    if (server || req.op === 'connect' || req.op === 'ingest') return this.handleServer(req, server);
    switch (req.op) {
      case 'open': {
        this.engines.set(req.engine, { engine: createEngine(req.params.options ?? {}), options: req.params.options });
        return undefined;
      }
      case 'load': {
        const options = req.params.options ?? this.engines.get(req.engine)?.options ?? {};
        const engine = loadEngine(req.params.bytes, options);
        this.engines.set(req.engine, { engine, options });
        return { ...engine.stats };
      }
      case 'upsert': {
        const engine = this.get(req.engine);
        const { path, bytes } = req.params;
        const done = (extracted?: ExtractedSource) => {
          const r = engine.upsertSource(path, bytes, extracted);
          return { changed: r.changed, warnings: r.warnings, source: r.document ? summarize(r.document) : undefined };
        };
        if (this.extract && engine.needsExtraction(path, bytes)) return this.extract(path, bytes).then(done);
        return done();
      }
      case 'remove':
        return this.get(req.engine).removeSource(req.params.path);
      case 'unreadable':
        this.get(req.engine).reportUnreadable(req.params.path, req.params.message);
        return undefined;
      case 'check':
        return this.get(req.engine).check(req.params.text, req.params.options);
      case 'suggest':
        return this.get(req.engine).suggest(req.params.sentence, req.params.limit);
      case 'sources':
        return this.get(req.engine).sources().map(summarize);
      case 'passages': {
        const doc = this.get(req.engine).getSource(req.params.pathOrKey);
        if (!doc) return [];
        const wanted = req.params.ordinals;
        const ps = wanted ? wanted.map((o) => doc.passages[o]).filter((p) => p !== undefined) : doc.passages;
        return ps.map((p) => ({ text: p.text, range: p.range, ...(p.page !== undefined ? { page: p.page } : {}) }));
      }
      case 'warnings':
        return this.get(req.engine).warnings();
      case 'bibliography': {
        const engine = this.get(req.engine);
        const warnings = engine.setBibliography(req.params.files);
        return { entries: engine.bibliography(), warnings };
      }
      case 'sourceText': {
        const doc = this.get(req.engine).getSource(req.params.path);
        if (!doc) return undefined;
        return {
          text: doc.text,
          ...(doc.kind ? { kind: doc.kind } : {}),
          ...(doc.pages !== undefined ? { pages: doc.pages } : {}),
          passages: doc.passages.map((p) => ({ text: p.text, range: p.range, ...(p.page !== undefined ? { page: p.page } : {}) })),
        };
      }
      case 'serialize':
        return this.get(req.engine).serialize();
      case 'stats':
        return { ...this.get(req.engine).stats };
      case 'dispose':
        this.engines.delete(req.engine);
        return undefined;
      default:
        throw new Error(`unknown request ${(req as { op: string }).op}`);
    }
  }

  /** Requests for an engine id that is a view of a team corpus server. */
  private async handleServer(req: EngineRequest, server: ServerCorpus | undefined): Promise<EngineOps[OpName]['result']> {
    const need = (): ServerCorpus => {
      if (!server) throw new Error(`${req.engine} is not connected to a server`);
      return server;
    };
    switch (req.op) {
      case 'connect': {
        const opened = await serverBackend().openServerCorpus({ url: req.params.url, ...(req.params.password ? { password: req.params.password } : {}) });
        let stats: { documents: number; passages: number };
        try {
          stats = await opened.stats();
        } catch (e) {
          await opened.close().catch(() => undefined);
          throw e;
        }
        const before = this.servers.get(req.engine);
        this.servers.set(req.engine, opened);
        if (before) await before.close().catch(() => undefined);
        return { documents: stats.documents, passages: stats.passages, where: opened.where };
      }
      case 'ingest': {
        const { root, files, config, url, password } = req.params;
        const inputs: IngestInput[] = files.map((rel) => ({ path: rel, read: () => readRegularFile(path.join(root, ...rel.split('/')), config.corpus.maxFileBytes) }));
        const r = await serverBackend().ingest({ url, ...(password ? { password } : {}) }, inputs, { roots: [], inScope: (p) => isCorpusFile(p, config) }, {
          maxFileBytes: config.corpus.maxFileBytes,
          ...(this.extract ? { extract: this.extract } : {}),
        });
        return { added: r.added, updated: r.updated, removed: r.removed, unchanged: r.unchanged, skipped: r.skipped, warnings: r.warnings, ms: r.ms };
      }
      case 'check':
        return need().check(req.params.text, req.params.options);
      case 'suggest':
        return need().suggest(req.params.sentence, req.params.limit);
      case 'sources':
        return (await need().sources()).map(serverSummary);
      case 'passages': {
        const ps = await need().passages(req.params.pathOrKey, req.params.ordinals);
        return (ps ?? []).map((p) => ({ text: p.text, range: p.range, ...(p.page !== undefined ? { page: p.page } : {}) }));
      }
      case 'warnings':
        return [];
      case 'stats': {
        const s = await need().stats();
        return { documents: s.documents, passages: s.passages };
      }
      case 'sourceText':
        // The server keeps passages, not a document's whole text: the editor opens the file itself.
        return undefined;
      case 'dispose':
        this.servers.delete(req.engine);
        await server?.close().catch(() => undefined);
        return undefined;
      default:
        throw new Error(`"${req.op}" is not available for a corpus served by PostgreSQL (run "Groundwork: Ingest Corpus into the Team Server" to change it)`);
    }
  }
}

type ServerModule = typeof import('../server/index');
let serverModule: ServerModule | undefined;
/**
 * The PostgreSQL backend (and the `pg` driver it bundles) is evaluated on first use, when a
 * team server is configured, not when the extension activates: most windows never use one.
 */
function serverBackend(): ServerModule {
  return (serverModule ??= require('../server/index') as ServerModule);
}

function serverSummary(s: ServerSourceSummary): SourceSummary {
  return {
    path: s.path,
    key: s.key,
    title: s.title,
    language: s.language,
    hash: s.hash,
    warnings: [],
    passages: s.passages,
    ...(s.date !== undefined ? { date: s.date } : {}),
    ...(s.outlet !== undefined ? { outlet: s.outlet } : {}),
    ...(s.author !== undefined ? { author: s.author } : {}),
    ...(s.kind ? { kind: s.kind } : {}),
    ...(s.pages !== undefined ? { pages: s.pages } : {}),
  };
}
