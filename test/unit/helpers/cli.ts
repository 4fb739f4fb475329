/**
 * The CLI bundle the CLI tests spawn: src/cli/main.ts bundled by esbuild to `outfile` the way
 * esbuild.config.mjs bundles dist/cli.js (pg-native stays out, as there), or the existing
 * bundle GROUNDWORK_CLI names (e.g. dist/cli.js after `npm run build`).
 */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as esbuild from 'esbuild';
import * as fs from 'node:fs';
import * as path from 'node:path';

const REPO = path.resolve(__dirname, '../../..');

/** Bundle the CLI to `outfile` (unless GROUNDWORK_CLI names one); the path to run. */
export async function bundleCli(outfile: string): Promise<string> {
  if (process.env.GROUNDWORK_CLI) return path.resolve(process.env.GROUNDWORK_CLI);
  fs.mkdirSync(path.dirname(outfile), { recursive: true });
  await esbuild.build({
    entryPoints: [path.join(REPO, 'src/cli/main.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    banner: { js: '#!/usr/bin/env node' },
    external: ['pg-native'],
    logLevel: 'silent',
  });
  return outfile;
}

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
  lines: string[];
  errLines: string[];
}

/** Run the CLI bundle `cli` in `cwd`; a run that outlives `timeoutMs` fails the test with a clear message. */
export function runCli(cli: string, cwd: string, args: string[], options: { timeoutMs?: number; env?: NodeJS.ProcessEnv } = {}): CliRun {
  const timeout = options.timeoutMs ?? 60_000;
  const r = spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8', timeout, ...(options.env ? { env: { ...process.env, ...options.env } } : {}) });
  if (r.error) throw r.error;
  assert.notEqual(r.signal, 'SIGTERM', `groundwork ${args.join(' ')} did not finish within ${timeout / 1000} s`);
  const split = (s: string): string[] => s.split('\n').filter((l) => l !== '');
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, lines: split(r.stdout), errLines: split(r.stderr) };
}
