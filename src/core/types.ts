/**
 * Core types of the Groundwork engine. LSP-shaped (0-based line/character), free of
 * any editor or Node I/O dependency, so the engine runs in Node, a worker or a browser.
 *
 * This file is the contract between the engine (src/core), the CLI (src/cli) and the
 * VS Code glue (src/vscode). Add fields freely; do not rename or remove them.
 */

export interface Position {
  /** 0-based line. */
  line: number;
  /** 0-based UTF-16 code unit offset in the line. */
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

export type LanguageCode = 'en' | 'nl' | 'und';

/** One source document of the corpus, as read and parsed. */
export interface SourceDocument {
  /** Path as given by the caller (workspace-relative or absolute); the identity of the document. */
  path: string;
  /** Stable, readable citation key, unique within the corpus (e.g. `ward2018gaza`). */
  key: string;
  title: string;
  /** ISO date (`2018`, `2018-01` or `2018-01-05`) when known. */
  date?: string;
  outlet?: string;
  author?: string;
  language: LanguageCode;
  /** The plain text the passages are taken from (markup stripped). */
  text: string;
  passages: Passage[];
  /** Content hash of the source bytes; used by the index cache to detect staleness. */
  hash: string;
  /** Non-fatal problems met while loading (e.g. passage cap reached, Latin-1 fallback). */
  warnings: LoadWarning[];
  /** `pdf`, `docx` or `odt` for text extracted from a binary file (ranges then point into `text`); absent for text files. */
  kind?: 'pdf' | 'docx' | 'odt';
  /** Page count of a PDF. */
  pages?: number;
  /** Set when the key, title, authors and date come from the team's bibliography: its file and line. */
  bibliography?: { path: string; line: number };
}

/** A sentence of a source with its exact place in the source file. */
export interface Passage {
  /** Document-unique id: `${docPath}#${ordinal}`. */
  id: string;
  /** 0-based ordinal within the document. */
  ordinal: number;
  text: string;
  /** Range in the source file as stored on disk (not in the stripped text); for PDF and Word sources, in `SourceDocument.text`. */
  range: Range;
  /** PDF: the page (1-based) the passage starts on. */
  page?: number;
}

export type WarningCode =
  | 'binary'
  | 'empty'
  | 'too-large'
  | 'unreadable'
  | 'undecodable'
  | 'encoding-fallback'
  | 'passage-cap'
  | 'malformed'
  | 'unsupported-type'
  | 'encrypted'
  | 'no-text-layer';

export interface LoadWarning {
  path: string;
  code: WarningCode;
  message: string;
  /** true when the file was skipped entirely (not indexed). */
  skipped: boolean;
}

export type Verdict = 'supported' | 'conflict' | 'unsupported' | 'none';

export type ReasonKind =
  | 'number'
  | 'quantity'
  | 'date'
  | 'entity'
  | 'negation'
  | 'antonym'
  | 'citation'
  | 'partial'
  /** The passage closest to the sentence does not back it, for a reason a rule states (a negation, a possibility, roles, another word in its place). */
  | 'blocked'
  | 'no-evidence';

export interface Reason {
  kind: ReasonKind;
  /** Human sentence, e.g. "the source says 224 passengers, the sentence says 324". */
  message: string;
  /** The value as written in the claim (e.g. "324 passengers"). */
  claimValue?: string;
  /** The value as written in the source (e.g. "224 passengers"). */
  sourceValue?: string;
  /** Where the claim's value sits in the draft (for the "take the source's value" quick fix). */
  claimRange?: Range;
  /** Index into Finding.evidence of the passage that carries sourceValue. */
  evidenceIndex?: number;
}

export interface Evidence {
  /** Source path as given or found. */
  source: string;
  key: string;
  title?: string;
  date?: string;
  range: Range;
  /** PDF: the page the passage starts on ("p. 12"). */
  page?: number;
  text: string;
  /** 0..1, higher is stronger. */
  score: number;
  /** The passage's own wording of each claim word, name, number and date it backs, in claim order (substrings of `text`; the hover emphasizes them). */
  matched?: string[];
}

/** The stable diagnostic code of a finding, e.g. `claim.conflict.number`. */
export type FindingCode =
  | 'claim.supported'
  | 'claim.unsupported'
  | 'claim.unsupported.partial'
  | 'claim.conflict.number'
  | 'claim.conflict.quantity'
  | 'claim.conflict.date'
  | 'claim.conflict.entity'
  | 'claim.conflict.negation'
  | 'claim.conflict.antonym'
  | 'citation.not-supported'
  | 'citation.unknown-key';

export interface Finding {
  /** Range of the sentence in the draft. */
  range: Range;
  text: string;
  verdict: Verdict;
  code: FindingCode;
  reasons: Reason[];
  evidence: Evidence[];
  /** Citation keys written in the sentence (`[@key]`, `\cite{key}`). */
  citations: string[];
  /** Whether a cited source was checked and failed to back the sentence. */
  citationProblem?: { key: string; message: string };
  /** Verdict against the cited sources alone, when the sentence cites known sources (additive). */
  citedVerdict?: Verdict;
  /**
   * Ids of the lookups, rules and decision steps behind the verdict, sorted: `conflict.number`
   * is src/core/verify/rules/number-slot.ts (see the registry in rules/index.ts), `align.*` the
   * lookups of verify/context.ts, `decide.*` the decision in verify/index.ts.
   */
  rules?: string[];
}

export type DraftFormat = 'markdown' | 'latex' | 'plaintext';

/** One sentence of a draft, located in the draft. */
export interface DraftSentence {
  text: string;
  range: Range;
  /** Start/end offsets (UTF-16) in the draft text. */
  start: number;
  end: number;
  citations: string[];
  /** Set when an ignore directive or the team ignore file covers the sentence. */
  ignored?: boolean;
  /** The kind of block the sentence sits in (headings are not claims). */
  block?: 'heading' | 'paragraph' | 'list' | 'quote' | 'table' | 'caption';
}

/** A source ranked for a citation completion. */
export interface SourceSuggestion {
  key: string;
  path: string;
  title: string;
  date?: string;
  outlet?: string;
  language: LanguageCode;
  /** 0..1 support for the sentence being written (0 when nothing matches). */
  score: number;
  /** The passage that best supports the sentence. */
  passage?: { text: string; range: Range; page?: number };
  /** A bibliography entry without a source file (`path` is the bibliography): no text to check. */
  noText?: boolean;
}
