/**
 * The extension host's handle on the engines: a worker thread when one starts
 * (dist/worker.js), otherwise the same service on this thread, one request at a
 * time with a yield to the event loop between requests (indexing is chunked per file).
 */
import { Worker } from 'node:worker_threads';
import type { CheckOptions, EngineOptions } from '../core/api';
import type { BibFile } from '../core/corpus/bibliography';
import type { Finding, LoadWarning, SourceSuggestion } from '../core/types';
import { EngineService } from './engineService';
import {
  transferables,
  type EngineOps,
  type EngineRequest,
  type EngineResponse,
  type ErrorPayload,
  type IngestResult,
  type OpName,
  type PassageText,
  type ServerParams,
  type SourceSummary,
  type UpsertSummary,
} from './protocol';

export class EngineRequestError extends Error {
  readonly code?: string;
  constructor(payload: ErrorPayload) {
    super(payload.message);
    this.name = payload.name;
    if (payload.code) this.code = payload.code;
    if (payload.stack) this.stack = payload.stack;
  }
}

/** A team-corpus server error (src/server ServerError), from the worker or this thread: its code, else undefined. */
export function serverErrorCode(e: unknown): string | undefined {
  return e instanceof Error && e.name === 'ServerError' ? ((e as { code?: string }).code ?? 'other') : undefined;
}

export function isCacheError(e: unknown): boolean {
  return e instanceof Error && /CacheError/.test(e.name);
}

type Send = <K extends OpName>(engine: string, op: K, params: EngineOps[K]['params']) => Promise<EngineOps[K]['result']>;

/** Own-the-buffer copy so it can be transferred without detaching someone else's memory. */
export function ownedBytes(bytes: Uint8Array): Uint8Array {
  if (bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.buffer instanceof ArrayBuffer) return bytes;
  return new Uint8Array(bytes);
}

export class EngineClient {
  mode: 'worker' | 'in-thread';
  private worker?: Worker;
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  private local?: EngineService;
  private localQueue: Promise<unknown> = Promise.resolve();
  private readonly send: Send;
  private disposed = false;

  /**
   * @param workerPath absolute path of dist/worker.js; when undefined or the worker
   *        cannot start, the engine runs on this thread.
   * @param log receives one line when the fallback is used.
   */
  /** Called when a running worker died and the engines restarted (empty) on this thread. */
  onFallback?: () => void;

  constructor(workerPath: string | undefined, log: (line: string) => void) {
    let worker: Worker | undefined;
    if (workerPath) {
      try {
        worker = new Worker(workerPath);
        worker.on('message', (res: EngineResponse) => this.settle(res));
        worker.on('error', (err) => {
          log(`Engine worker failed: ${err.message}; continuing on the extension host thread.`);
          this.fallBack(err);
        });
        worker.on('exit', (code) => {
          if (!this.disposed && this.worker) {
            log(`Engine worker exited (code ${code}); continuing on the extension host thread.`);
            this.fallBack(new Error(`worker exited with code ${code}`));
          }
        });
        worker.unref();
      } catch (e) {
        log(`Engine worker could not start (${(e as Error).message}); running the engine on the extension host thread, one file at a time.`);
        worker = undefined;
      }
    }
    this.worker = worker;
    this.mode = worker ? 'worker' : 'in-thread';
    this.send = (engine, op, params) => (this.worker ? this.viaWorker(engine, op, params) : this.inThread(engine, op, params));
  }

  private fallBack(err: Error): void {
    if (!this.worker) return;
    this.worker = undefined;
    this.mode = 'in-thread';
    queueMicrotask(() => this.onFallback?.());
    for (const p of this.pending.values()) p.reject(new Error(`engine worker stopped: ${err.message}`));
    this.pending.clear();
  }

  private settle(res: EngineResponse): void {
    const p = this.pending.get(res.id);
    if (!p) return;
    this.pending.delete(res.id);
    // Keep the process alive only while a request is waiting for the worker.
    if (this.pending.size === 0) this.worker?.unref();
    if (res.ok) p.resolve(res.result);
    else p.reject(new EngineRequestError(res.error));
  }

  private viaWorker<K extends OpName>(engine: string, op: K, params: EngineOps[K]['params']): Promise<EngineOps[K]['result']> {
    const id = this.nextId++;
    const req = { id, engine, op, params } as EngineRequest;
    return new Promise((resolve, reject) => {
      if (this.pending.size === 0) this.worker!.ref();
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      try {
        this.worker!.postMessage(req, transferables(params));
      } catch (e) {
        this.pending.delete(id);
        reject(e as Error);
      }
    });
  }

  private inThread<K extends OpName>(engine: string, op: K, params: EngineOps[K]['params']): Promise<EngineOps[K]['result']> {
    this.local ??= new EngineService();
    const service = this.local;
    const id = this.nextId++;
    const run = this.localQueue.then(
      () =>
        new Promise<EngineOps[K]['result']>((resolve, reject) => {
          // Yield to the event loop before every request: each one is a single file or check.
          setImmediate(() => {
            try {
              resolve(service.handle({ id, engine, op, params } as EngineRequest) as EngineOps[K]['result']);
            } catch (e) {
              reject(e as Error);
            }
          });
        }),
    );
    this.localQueue = run.catch(() => undefined);
    return run;
  }

  open(engine: string, options?: EngineOptions): Promise<void> {
    return this.send(engine, 'open', { options });
  }
  load(engine: string, bytes: Uint8Array, options?: EngineOptions): Promise<{ documents: number; passages: number }> {
    return this.send(engine, 'load', { bytes: ownedBytes(bytes), options });
  }
  upsert(engine: string, path: string, bytes: Uint8Array): Promise<UpsertSummary> {
    return this.send(engine, 'upsert', { path, bytes: ownedBytes(bytes) });
  }
  remove(engine: string, path: string): Promise<boolean> {
    return this.send(engine, 'remove', { path });
  }
  unreadable(engine: string, path: string, message: string): Promise<void> {
    return this.send(engine, 'unreadable', { path, message });
  }
  check(engine: string, text: string, options: CheckOptions): Promise<Finding[]> {
    return this.send(engine, 'check', { text, options: { ...options, ignoredSentences: options.ignoredSentences ? [...options.ignoredSentences] : undefined } });
  }
  suggest(engine: string, sentence: string, limit?: number): Promise<SourceSuggestion[]> {
    return this.send(engine, 'suggest', { sentence, limit });
  }
  sources(engine: string): Promise<SourceSummary[]> {
    return this.send(engine, 'sources', {});
  }
  passages(engine: string, pathOrKey: string, ordinals?: number[]): Promise<PassageText[]> {
    return this.send(engine, 'passages', { pathOrKey, ordinals });
  }
  bibliography(engine: string, files: BibFile[]): Promise<EngineOps['bibliography']['result']> {
    return this.send(engine, 'bibliography', { files });
  }
  sourceText(engine: string, path: string): Promise<EngineOps['sourceText']['result']> {
    return this.send(engine, 'sourceText', { path });
  }
  warnings(engine: string): Promise<LoadWarning[]> {
    return this.send(engine, 'warnings', {});
  }
  serialize(engine: string): Promise<Uint8Array> {
    return this.send(engine, 'serialize', {});
  }
  connect(engine: string, server: ServerParams): Promise<EngineOps['connect']['result']> {
    return this.send(engine, 'connect', server);
  }
  ingest(engine: string, params: EngineOps['ingest']['params']): Promise<IngestResult> {
    return this.send(engine, 'ingest', params);
  }
  dispose(engine: string): Promise<void> {
    return this.send(engine, 'dispose', {});
  }

  terminate(): void {
    this.disposed = true;
    const w = this.worker;
    this.worker = undefined;
    for (const p of this.pending.values()) p.reject(new Error('Groundwork is shutting down'));
    this.pending.clear();
    void w?.terminate();
  }
}
