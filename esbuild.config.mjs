// Bundles the CLI, the VS Code extension, its worker, and the eval/bench scripts.
import * as esbuild from 'esbuild';
import { existsSync } from 'node:fs';

const watch = process.argv.includes('--watch');
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  logLevel: 'warning',
};

const entries = [
  { in: 'src/cli/main.ts', out: 'dist/cli.js', banner: '#!/usr/bin/env node' },
  { in: 'src/vscode/extension.ts', out: 'dist/extension.js', external: ['vscode'] },
  { in: 'src/vscode/worker.ts', out: 'dist/worker.js' },
  // The English POS tagger and its model data: a bundle of its own, required on first use (src/node/runtime.ts).
  { in: 'src/node/tagger.ts', out: 'dist/tagger.js' },
  { in: 'bench/eval.ts', out: 'dist/eval.js' },
  { in: 'bench/bench.ts', out: 'dist/bench.js' },
  { in: 'bench/train.ts', out: 'dist/train.js' },
  { in: 'bench/pdf.ts', out: 'dist/bench-pdf.js' },
  { in: 'test/integration/index.ts', out: 'out/test/index.js', external: ['vscode', 'mocha'] },
].filter((e) => existsSync(e.in));

const contexts = await Promise.all(
  entries.map((e) =>
    esbuild.context({
      ...common,
      entryPoints: [e.in],
      outfile: e.out,
      // pg's optional native binding (pg-native) is never used: the pure-JS client is bundled.
      external: [...(e.external ?? []), 'pg-native'],
      banner: e.banner ? { js: e.banner } : undefined,
    }),
  ),
);
if (watch) {
  await Promise.all(contexts.map((c) => c.watch()));
} else {
  await Promise.all(contexts.map((c) => c.rebuild()));
  await Promise.all(contexts.map((c) => c.dispose()));
}
