/**
 * The contract between retrieval and verification (src/core/verify).
 *
 * Verification reads the corpus only through a Retriever, so the verdict code is one path
 * for every backend: the local passage index (src/core/engine.ts, `LocalRetriever`) and a
 * shared index on a server (src/server/). The contract is asynchronous because a network
 * backend cannot answer synchronously; it never hands out a whole corpus or a whole
 * document's text: a hit carries its passage and the few neighbours verification reads.
 */
import type { LanguageCode, Passage, SourceDocument } from './types';

/** What verification knows of a source: its metadata, never its text. */
export type SourceInfo = Pick<SourceDocument, 'path' | 'key' | 'title' | 'date' | 'outlet' | 'author' | 'language' | 'kind' | 'pages'>;

/** Passages before a hit that verification reads (for names a passage refers back to). */
export const NEARBY_BEFORE = 3;
/** Passages after a hit that verification reads (a claim's rest in the next sentence). */
export const NEARBY_AFTER = 1;

export interface PassageHit {
  doc: SourceInfo;
  passage: Passage;
  /** Raw ranking score (BM25 or better); higher is better. Not normalized. */
  score: number;
  /** Passages of the same document before this one, nearest first (at most NEARBY_BEFORE). */
  before: readonly Passage[];
  /** Passages of the same document after this one, nearest first (at most NEARBY_AFTER). */
  after: readonly Passage[];
}

export interface SearchOptions {
  /** Maximum hits to return. Default 20. */
  limit?: number;
  /** Restrict the search to one document (path or key). Used for cited-source checks. */
  docPath?: string;
  /** Language of the query text, when known; terms are analyzed for it and for the corpus languages. */
  language?: LanguageCode;
}

export interface Retriever {
  /**
   * Rank passages for free text (analyzed with src/core/analysis/terms.ts), best first;
   * equal scores in a fixed order, so that a check is deterministic.
   */
  search(text: string, options?: SearchOptions): Promise<PassageHit[]>;
  /** Every passage of a document as hits (score 0), when it has at most `max`; undefined when it has more or is unknown. */
  passagesOf(pathOrKey: string, max: number): Promise<PassageHit[] | undefined>;
  /** A document by path, key or full key. */
  getDocument(pathOrKey: string): Promise<SourceInfo | undefined>;
  /** Languages of the indexed documents. */
  languages(): Promise<LanguageCode[]>;
  /** The keys of the documents sharing `key` as their base key, when several do (a citation of it is ambiguous). */
  ambiguousKey?(key: string): Promise<string[] | undefined>;
}

/** The hits of `passages` (one document's, in ordinal order) at `ordinal`, with its neighbours. */
export function hitAt(doc: SourceInfo, passages: readonly Passage[], ordinal: number, score: number): PassageHit {
  const before: Passage[] = [];
  for (let j = ordinal - 1; j >= 0 && j >= ordinal - NEARBY_BEFORE; j--) before.push(passages[j]);
  const after: Passage[] = [];
  for (let j = ordinal + 1; j < passages.length && j <= ordinal + NEARBY_AFTER; j++) after.push(passages[j]);
  return { doc, passage: passages[ordinal], score, before, after };
}
