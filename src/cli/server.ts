/**
 * The CLI's side of the team corpus on PostgreSQL: where the server URL comes from
 * (`--server`, else `groundwork.corpus.server` in .vscode/settings.json, else
 * GROUNDWORK_DATABASE_URL), `groundwork ingest`, and checking drafts through the server.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse as parseJsonc } from 'jsonc-parser/lib/esm/main.js';
import { extractSource } from '../extract/index';
import { ingest, redactUrl, type IngestInput } from '../server/index';
import { corpusFromArgs, displayPath, findWorkspaceRoot, readRegularFile, readWorkspaceSettings, UsageError } from './inputs';
import { warningLine } from './report';
import type { CliIO } from './check';
import picomatch = require('picomatch');
import { urlHasPassword } from '../core/config';

export const SERVER_SETTING = 'groundwork.corpus.server';
export const SERVER_ENV = 'GROUNDWORK_DATABASE_URL';

export interface ServerUrl {
  url: string;
  /** Where it came from, for messages. */
  from: string;
}

/** `groundwork.corpus.server` of `<root>/.vscode/settings.json` (JSONC), when set to a string. */
export function readServerSetting(root: string): string | undefined {
  let text: string;
  try {
    text = fs.readFileSync(path.join(root, '.vscode', 'settings.json'), 'utf8');
  } catch {
    return undefined;
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const data = parseJsonc(text, [], { allowTrailingComma: true, disallowComments: false }) as unknown;
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return undefined;
  const obj = data as Record<string, unknown>;
  let v = obj[SERVER_SETTING];
  if (v === undefined) {
    const g = obj.groundwork as Record<string, unknown> | undefined;
    const c = g && typeof g === 'object' ? (g.corpus as Record<string, unknown> | undefined) : undefined;
    v = c && typeof c === 'object' ? c.server : undefined;
  }
  return typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined;
}

/**
 * The server to use: `--server`, else the workspace setting, else the environment.
 * A password in the settings file is refused (settings are committed and shared).
 */
export function serverUrl(flag: string | undefined, root: string, env: NodeJS.ProcessEnv = process.env): ServerUrl | undefined {
  if (flag !== undefined && flag !== '') return { url: flag, from: '--server' };
  const setting = readServerSetting(root);
  if (setting !== undefined) {
    if (urlHasPassword(setting)) {
      throw new UsageError(
        `.vscode/settings.json: ${SERVER_SETTING} contains a password; remove it from the URL and give it through PGPASSWORD, ~/.pgpass or the extension's secret storage (${redactUrl(setting)})`,
      );
    }
    return { url: setting, from: `${SERVER_SETTING} in .vscode/settings.json` };
  }
  const e = env[SERVER_ENV];
  if (e !== undefined && e.trim() !== '') return { url: e.trim(), from: SERVER_ENV };
  return undefined;
}

export interface IngestCommandOptions {
  server?: string;
  workspace?: string;
  /** Commit every so many files instead of once (see IngestOptions.commitEvery). */
  commitEvery?: number;
}

/**
 * `groundwork ingest PATH...`: files under the paths are added or updated on the server,
 * and the server's sources under those paths whose file is gone are removed. Paths are
 * stored relative to the workspace folder (as `groundwork check` names sources).
 */
export async function runIngest(paths: string[], opts: IngestCommandOptions, io: CliIO): Promise<number> {
  const note = (s: string): void => io.err(`groundwork: ${s}`);
  const root = findWorkspaceRoot(io.cwd, opts.workspace);
  const { config, problems } = readWorkspaceSettings(root);
  for (const p of problems) io.err(p.replace(/^([^:]+): /, '$1: warning: '));
  const server = serverUrl(opts.server, root);
  if (!server) throw new UsageError(`no corpus server: pass --server postgres://..., set ${SERVER_SETTING} or ${SERVER_ENV}`);
  const rel = (abs: string, given: string): string => {
    const r = path.relative(root, abs);
    return r !== '' && !r.startsWith('..') && !path.isAbsolute(r) ? r.split(path.sep).join('/') : r === '' ? '' : displayPath(given);
  };
  const files = corpusFromArgs(paths, io.cwd, config);
  const inputs: IngestInput[] = files.map((f) => ({
    path: rel(f.abs, f.display),
    read: () => readRegularFile(f.abs, config.corpus.maxFileBytes),
  }));
  inputs.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const roots: string[] = [];
  const globs: ((p: string) => boolean)[] = [];
  for (const arg of paths) {
    const abs = path.resolve(io.cwd, arg);
    if (fs.existsSync(abs)) roots.push(rel(abs, arg));
    else {
      // A glob: the stored paths it matches are in scope.
      const relGlob = path.relative(root, path.resolve(io.cwd, picomatch.scan(arg.replace(/\\/g, '/')).base)).split(path.sep).join('/');
      const tail = picomatch.scan(arg.replace(/\\/g, '/')).glob;
      const m = picomatch(relGlob && relGlob !== '.' ? `${relGlob}/${tail}` : tail, { dot: true });
      globs.push(m);
    }
  }
  note(`ingesting ${inputs.length} file${inputs.length === 1 ? '' : 's'} into ${redactUrl(server.url)} (from ${server.from})`);
  const summary = await ingest({ url: server.url }, inputs, { roots, inScope: (p) => globs.some((g) => g(p)) }, {
    maxFileBytes: config.corpus.maxFileBytes,
    extract: (p, bytes) => extractSource(p, bytes),
    onProgress: (line) => note(line),
    ...(opts.commitEvery ? { commitEvery: opts.commitEvery } : {}),
  });
  for (const w of summary.warnings) io.err(warningLine(w));
  io.out(
    `${summary.added} added, ${summary.updated} updated, ${summary.removed} removed, ${summary.unchanged} unchanged, ${summary.skipped} skipped (${(summary.ms / 1000).toFixed(1)} s)\n`,
  );
  return 0;
}
