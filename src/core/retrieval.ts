/**
 * The contract between the index (src/core/index) and verification (src/core/verify).
 * The engine facade (src/core/engine.ts) implements Retriever over the passage index.
 */
import type { LanguageCode, Passage, SourceDocument } from './types';

export interface PassageHit {
  doc: SourceDocument;
  passage: Passage;
  /** Raw ranking score (BM25 or better); higher is better. Not normalized. */
  score: number;
}

export interface SearchOptions {
  /** Maximum hits to return. Default 20. */
  limit?: number;
  /** Restrict the search to one document (path). Used for cited-source checks. */
  docPath?: string;
  /** Language of the query text, when known; terms are analyzed for it and for the corpus languages. */
  language?: LanguageCode;
}

export interface Retriever {
  /** Rank passages for free text (analyzed with src/core/analysis/terms.ts). */
  search(text: string, options?: SearchOptions): PassageHit[];
  documents(): SourceDocument[];
  /** Languages of the indexed documents (cheap; same set as documents().map(d => d.language)). */
  languages?(): LanguageCode[];
  getDocument(pathOrKey: string): SourceDocument | undefined;
  /** The keys of the documents sharing `key` as their base key, when several do (a citation of it is ambiguous). */
  ambiguousKey?(key: string): string[] | undefined;
}
