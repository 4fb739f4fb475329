/**
 * The engine's public API: what the CLI and the VS Code glue call. Implemented in
 * src/core/engine.ts (`createEngine`). Keep this file the single contract.
 */
import type { ExtractedSource } from './corpus/extracted';
import type { BibFile } from './corpus/bibliography';
import type {
  DraftFormat,
  Finding,
  LoadWarning,
  SourceDocument,
  SourceSuggestion,
} from './types';

export interface EngineOptions {
  /** Files larger than this many bytes are skipped with a `too-large` warning. Default 5 MiB. */
  maxFileBytes?: number;
  /** Passages kept per document; the rest are dropped with a `passage-cap` warning. Default 20000. */
  maxPassagesPerFile?: number;
}

export interface CheckOptions {
  format: DraftFormat;
  /** Normalized sentence texts the team chose to ignore (shared ignore file). */
  ignoredSentences?: Iterable<string>;
  /**
   * Path of a source to leave out of this check: the draft's own file when the draft is
   * also part of the corpus (a draft never supports itself).
   */
  excludeSource?: string;
}

export interface UpsertResult {
  /** The parsed document, or undefined when the file was skipped. */
  document?: SourceDocument;
  /** Warnings for this file (skips and non-fatal ones). */
  warnings: LoadWarning[];
  /** false when the content hash matched the indexed version and nothing changed. */
  changed: boolean;
}

/** An entry of the team's bibliography, and the source it is linked to. */
export interface BibliographyEntry {
  key: string;
  title?: string;
  author?: string;
  date?: string;
  /** The bibliography file and the entry's line (1-based; 0 for CSL-JSON). */
  bibPath: string;
  line: number;
  /** Path of the linked source; absent: no text to check. */
  source?: string;
}

export interface Engine {
  /**
   * Parse and (re)index one source file. Never throws for bad content: it warns.
   * PDF and Word files need `extracted`, their text as the adapter extracted it from `bytes`
   * (src/extract); without it they are skipped with a warning.
   */
  upsertSource(path: string, bytes: Uint8Array, extracted?: ExtractedSource): UpsertResult;
  /** Whether `path` is a PDF or Word file whose text must be extracted before `upsertSource` (false when these bytes are indexed or skipped already, or too large). */
  needsExtraction(path: string, bytes: Uint8Array): boolean;
  /** Drop a source from the index. Returns false when it was not indexed. */
  removeSource(path: string): boolean;
  /** Record a file that could not be read at all (I/O error) so it shows in warnings. */
  reportUnreadable(path: string, message: string): void;
  /**
   * Replace the team's bibliography (BibTeX/BibLaTeX `.bib`, CSL-JSON `.json` texts). Linked
   * sources take their entry's key, title, authors and date; entries without a source stay
   * known keys with no text to check. Returns the problems found (bad entries with their line).
   */
  setBibliography(files: BibFile[]): LoadWarning[];
  /** The bibliography's entries, in file order, with the source each is linked to. */
  bibliography(): BibliographyEntry[];
  /** All indexed documents, in path order. */
  sources(): SourceDocument[];
  getSource(pathOrKey: string): SourceDocument | undefined;
  /** Every current load warning, per file. */
  warnings(): LoadWarning[];
  /** Judge every check-worthy sentence of a draft. Deterministic. */
  check(text: string, options: CheckOptions): Promise<Finding[]>;
  /** Rank sources by how well they support `sentence` (for citation completions). */
  suggest(sentence: string, limit?: number): SourceSuggestion[];
  /** Serialize the whole index (documents, passages, postings) for a warm start. */
  serialize(): Uint8Array;
  readonly stats: { documents: number; passages: number };
}
