/** Text module: positions, sentence splitting, Markdown masking and draft parsing. */
export { LineIndex } from './positions';
export { splitSentences, splitSentencesInRange, MAX_SENTENCE_CHARS } from './sentences';
export type { SentenceSpan, SplitOptions } from './sentences';
export { parseDraft, findCitations, normalizeSentence } from './draft';
export type { DraftCitation } from './draft';
export { maskMarkdown, findFrontMatter, parseSimpleYaml } from './markdown';
export type { Block, BlockKind, MaskedMarkdown } from './markdown';
export { MaskBuffer, collapseWhitespace } from './mask';
