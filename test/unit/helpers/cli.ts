/**
 * The CLI bundle the CLI tests spawn: src/cli/main.ts bundled by esbuild to `outfile` the way
 * esbuild.config.mjs bundles dist/cli.js (pg-native stays out, as there), or the existing
 * bundle GROUNDWORK_CLI names (e.g. dist/cli.js after `npm run build`).
 */
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
