/**
 * The team corpus on PostgreSQL (Node only; src/core never imports this folder).
 * See docs/TEAM.md (running it) and docs/DESIGN.md ("The team corpus on PostgreSQL").
 */
export { openServerCorpus, type ServerCorpus, type ServerSourceSummary, type ServerStats, type FullTextHit } from './corpus';
export type { ServerOptions } from './connect';
export { ServerError, type ServerErrorCode, redactUrl } from './errors';
export { ingest, integrityProblems, type IngestInput, type IngestScope, type IngestOptions, type IngestSummary } from './ingest';
export { migrate, requireSchema, schemaVersion, SCHEMA_VERSION, MIGRATIONS } from './migrate';
