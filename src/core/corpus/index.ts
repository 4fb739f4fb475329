/** Corpus module: source bytes -> documents with metadata, passages and citation keys. */
export { parseSource, sourceKind, normalizeDate, shortenTitle, isHeadline, SUPPORTED_EXTENSIONS, DEFAULT_MAX_FILE_BYTES, DEFAULT_MAX_PASSAGES } from './parse';
export type { ParseOptions, ParseResult, SourceKind } from './parse';
export { decodeSource, decodeWindows1252, utf8Stats } from './decode';
export type { DecodeResult } from './decode';
export { detectLanguage, languageScores } from './language';
export { citationKey, assignKeys, foldAscii, keyWords, surname } from './keys';
export type { KeyMeta } from './keys';
export { fnv1a64 } from './hash';
export { extractHtml } from './html';
