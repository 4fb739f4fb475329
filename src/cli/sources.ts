/**
 * `groundwork sources`: every source of the corpus with its citation key, title, date,
 * language, kind, pages, passage count and warnings (what the Sources view shows), and the
 * bibliography entries that have no source text, so a team can see in CI which keys exist.
 */
import * as path from 'node:path';
import type { EngineOptions } from '../core/api';
import type { LoadWarning } from '../core/types';
import { applyBibliography, CACHE_FILE, indexCorpus, openEngine, saveCache, type CliIO } from './check';
import { corpusFromArgs, defaultCorpus, findWorkspaceRoot, readWorkspaceSettings, UsageError } from './inputs';
import { warningMessage } from './report';
import { openServerCorpus, ServerError, type ServerCorpus } from '../server/index';
import { serverUrl, type ServerUrl } from './server';

export interface SourcesCommandOptions {
  corpus: string[];
  format: 'text' | 'json';
  workspace?: string;
  cache: boolean;
  /** postgres:// URL of a team corpus (else groundwork.corpus.server, else GROUNDWORK_DATABASE_URL; not with --corpus). */
  server?: string;
}

export interface SourceRow {
  key: string;
  path: string;
  title: string;
  date?: string;
  author?: string;
  language: string;
  kind: string;
  pages?: number;
  passages: number;
  /** The bibliography file and line the key comes from. */
  bibliography?: { path: string; line: number };
  warnings: string[];
}

export interface TextlessRow {
  key: string;
  title?: string;
  date?: string;
  author?: string;
  bibliography: { path: string; line: number };
}

const kindOf = (p: string, kind?: string): string => kind ?? (/\.html?$|\.xhtml$/i.test(p) ? 'html' : /\.(md|markdown)$/i.test(p) ? 'markdown' : 'text');

export async function runSources(opts: SourcesCommandOptions, io: CliIO): Promise<number> {
  const note = (s: string): void => io.err(`groundwork: ${s}`);
  const root = findWorkspaceRoot(io.cwd, opts.workspace);
  const { config, problems } = readWorkspaceSettings(root);
  for (const p of problems) io.err(p.replace(/^([^:]+): /, '$1: warning: '));
  const server = opts.corpus.length > 0 ? undefined : serverUrl(opts.server, root);
  if (server) {
    const rows = await serverRows(server, io);
    if (rows) return print(rows, [], [], opts.format, io);
  }
  const corpus = opts.corpus.length > 0 ? corpusFromArgs(opts.corpus, io.cwd, config) : defaultCorpus(root, config);
  const engineOptions: EngineOptions = { maxFileBytes: config.corpus.maxFileBytes };
  const cacheAbs = path.join(root, CACHE_FILE);
  const { engine, fromCache } = await openEngine(opts.cache ? cacheAbs : undefined, engineOptions, note, () => undefined);
  const indexed = await indexCorpus(engine, corpus, config.corpus.maxFileBytes);
  const bibWarnings = applyBibliography(engine, root, config, io);
  if (opts.cache && (indexed.changed > 0 || !fromCache) && corpus.length > 0) saveCache(engine, cacheAbs, note, () => undefined);

  const byPath = new Map<string, LoadWarning[]>();
  for (const w of indexed.warnings) byPath.set(w.path, [...(byPath.get(w.path) ?? []), w]);
  const rows: SourceRow[] = engine.sources().map((d) => {
    const r: SourceRow = {
      key: d.key,
      path: d.path,
      title: d.title,
      language: d.language,
      kind: kindOf(d.path, d.kind),
      passages: d.passages.length,
      warnings: (byPath.get(d.path) ?? []).map(warningMessage),
    };
    if (d.date) r.date = d.date;
    if (d.author) r.author = d.author;
    if (d.pages !== undefined) r.pages = d.pages;
    if (d.bibliography) r.bibliography = d.bibliography;
    return r;
  });
  const textless: TextlessRow[] = engine
    .bibliography()
    .filter((b) => !b.source && !engine.getSource(b.key))
    .map((b) => ({ key: b.key, title: b.title, date: b.date, author: b.author, bibliography: { path: b.bibPath, line: b.line } }));
  const skipped = indexed.warnings.filter((w) => w.skipped);
  print(rows, textless, [...bibWarnings, ...skipped], opts.format, io);
  if (opts.format !== 'json' && corpus.length === 0 && textless.length === 0) {
    throw new UsageError(`no corpus files in ${root} matching ${config.corpus.include.join(', ')} (set groundwork.corpus.include or pass --corpus)`);
  }
  return 0;
}

/**
 * The server corpus's sources (metadata only, no warnings: the server keeps what ingest
 * reported). Undefined when the server cannot be reached in time (the caller lists the local
 * corpus); login, permission and schema errors are thrown.
 */
async function serverRows(server: ServerUrl, io: CliIO): Promise<SourceRow[] | undefined> {
  let corpus: ServerCorpus | undefined;
  try {
    corpus = await openServerCorpus({ url: server.url });
    return (await corpus.sources()).map((d) => {
      const r: SourceRow = { key: d.key, path: d.path, title: d.title, language: d.language, kind: kindOf(d.path, d.kind), passages: d.passages, warnings: [] };
      if (d.date) r.date = d.date;
      if (d.author) r.author = d.author;
      if (d.pages !== undefined) r.pages = d.pages;
      return r;
    });
  } catch (e) {
    if (e instanceof ServerError && (e.code === 'unreachable' || e.code === 'timeout')) {
      io.err(`groundwork: ${e.message}; listing the local corpus instead`);
      return undefined;
    }
    throw e;
  } finally {
    await corpus?.close();
  }
}

function print(rows: SourceRow[], textless: TextlessRow[], other: LoadWarning[], format: 'text' | 'json', io: CliIO): number {
  const skipped = other.filter((w) => w.skipped);
  if (format === 'json') {
    io.out(
      `${JSON.stringify(
        {
          version: 1,
          sources: rows,
          bibliographyWithoutText: textless,
          warnings: other.map((w) => ({ path: w.path, code: w.code, message: warningMessage(w), skipped: w.skipped })),
        },
        null,
        2,
      )}\n`,
    );
    return 0;
  }
  const lines: string[] = [];
  for (const r of rows) {
    const meta = [r.date, r.language, r.kind, r.pages !== undefined ? `${r.pages} page${r.pages === 1 ? '' : 's'}` : undefined, `${r.passages} passage${r.passages === 1 ? '' : 's'}`]
      .filter(Boolean)
      .join(', ');
    lines.push(`${r.key}  ${r.title} (${meta})  ${r.path}${r.bibliography ? `  [key from ${r.bibliography.path}:${r.bibliography.line}]` : ''}`);
    for (const w of r.warnings) lines.push(`    warning: ${w}`);
  }
  for (const t of textless) {
    lines.push(`${t.key}  ${t.title ?? ''}${t.date ? ` (${t.date})` : ''}  no text to check  [${t.bibliography.path}${t.bibliography.line ? `:${t.bibliography.line}` : ''}]`);
  }
  for (const w of other) lines.push(`${w.path}: warning: ${warningMessage(w)}`);
  lines.push(`${rows.length} source${rows.length === 1 ? '' : 's'}, ${textless.length} bibliography entr${textless.length === 1 ? 'y' : 'ies'} without text, ${skipped.length} file${skipped.length === 1 ? '' : 's'} skipped`);
  io.out(`${lines.join('\n')}\n`);
  return 0;
}
