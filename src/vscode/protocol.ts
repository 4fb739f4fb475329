/**
 * The small typed protocol between the extension host (src/vscode) and the engine
 * running in a worker thread (src/vscode/worker.ts). Every request names the engine
 * it is for (one engine per workspace folder). Source bytes travel as transferred
 * ArrayBuffers; the serialized index comes back the same way.
 */
import type { BibliographyEntry, CheckOptions, EngineOptions } from '../core/api';
import type { BibFile } from '../core/corpus/bibliography';
import type { GroundworkConfig } from '../core/config';
import type { IngestSummary } from '../server/index';
import type { Finding, LoadWarning, SourceDocument, SourceSuggestion } from '../core/types';

/** What the extension needs to know about a source, without its full text. */
export type SourceSummary = Pick<
  SourceDocument,
  'path' | 'key' | 'title' | 'date' | 'outlet' | 'author' | 'language' | 'hash' | 'warnings' | 'kind' | 'pages'
> & {
  /** Passage count (the passages themselves stay in the worker). */
  passages: number;
  /** Where the key comes from when it is the team bibliography's. */
  bibliography?: { path: string; line: number };
  /** A bibliography entry with no source file (`path` is the bibliography file): no text to check. */
  noText?: boolean;
};

export interface UpsertSummary {
  changed: boolean;
  warnings: LoadWarning[];
  source?: SourceSummary;
}

export interface PassageText {
  text: string;
  range: Finding['range'];
  /** PDF: the page the passage starts on. */
  page?: number;
}

/** Requests, by operation, with their result types. */
export interface EngineOps {
  open: { params: { options?: EngineOptions }; result: void };
  /** Replace the engine with one loaded from a serialized index; fails with a CacheError. */
  load: { params: { bytes: Uint8Array; options?: EngineOptions }; result: { documents: number; passages: number } };
  upsert: { params: { path: string; bytes: Uint8Array }; result: UpsertSummary };
  remove: { params: { path: string }; result: boolean };
  unreadable: { params: { path: string; message: string }; result: void };
  check: { params: { text: string; options: CheckOptions }; result: Finding[] };
  suggest: { params: { sentence: string; limit?: number }; result: SourceSuggestion[] };
  sources: { params: Record<string, never>; result: SourceSummary[] };
  /** The passages of one source (for previews); `ordinals` limits which. */
  passages: { params: { pathOrKey: string; ordinals?: number[] }; result: PassageText[] };
  warnings: { params: Record<string, never>; result: LoadWarning[] };
  /** Replace the team bibliography; returns its entries (with linked sources) and problems. */
  bibliography: { params: { files: BibFile[] }; result: { entries: BibliographyEntry[]; warnings: LoadWarning[] } };
  /** The text of a source as indexed (for PDF and Word files, the extracted text) and its passages. */
  sourceText: { params: { path: string }; result: { text: string; kind?: string; pages?: number; passages: PassageText[] } | undefined };
  serialize: { params: Record<string, never>; result: Uint8Array };
  stats: { params: Record<string, never>; result: { documents: number; passages: number } };
  dispose: { params: Record<string, never>; result: void };
  /**
   * Make this engine id a view of a team corpus on PostgreSQL (src/server): checks,
   * suggestions, sources and passages come from the server. Fails with a ServerError
   * (error name 'ServerError', `code`) when it cannot connect.
   */
  connect: { params: ServerParams; result: { documents: number; passages: number; where: string } };
  /**
   * Ingest a workspace folder's corpus files (paths relative to `root`, read from disk in the
   * worker) into the server; stored sources that match the folder's corpus settings but are
   * not among `files` are removed.
   */
  ingest: { params: ServerParams & { root: string; files: string[]; config: GroundworkConfig }; result: IngestResult };
}

/** How to reach the team corpus server (the password only from secret storage; never from settings). */
export interface ServerParams {
  url: string;
  password?: string;
}

/** What an ingest did (src/server/ingest.ts), without the migrations it applied. */
export type IngestResult = Omit<IngestSummary, 'migrated'>;

export type OpName = keyof EngineOps;

export type EngineRequest = {
  [K in OpName]: { id: number; engine: string; op: K; params: EngineOps[K]['params'] };
}[OpName];

export interface ErrorPayload {
  name: string;
  message: string;
  /** ServerError: what failed ('unreachable', 'auth', 'timeout', 'schema', 'permission', 'other'). */
  code?: string;
  stack?: string;
}

export type EngineResponse =
  | { id: number; ok: true; result: unknown }
  | { id: number; ok: false; error: ErrorPayload };

/** Collect the ArrayBuffers in a value that can be transferred instead of copied. */
export function transferables(value: unknown): ArrayBuffer[] {
  const out: ArrayBuffer[] = [];
  const visit = (v: unknown): void => {
    if (v instanceof Uint8Array) {
      const buf = v.buffer;
      if (buf instanceof ArrayBuffer && v.byteOffset === 0 && v.byteLength === buf.byteLength && !out.includes(buf)) {
        out.push(buf);
      }
    } else if (v && typeof v === 'object' && !Array.isArray(v)) {
      for (const k of Object.keys(v)) visit((v as Record<string, unknown>)[k]);
    }
  };
  visit(value);
  return out;
}
