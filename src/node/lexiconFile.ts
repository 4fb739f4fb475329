/**
 * Node adapter for the lexicon: registers data/lexicon.bin as the engine's lexicon source. The
 * engine (src/core) stays free of I/O; the CLI, the extension's worker and the eval/bench scripts
 * call this once at start. The file is read lazily, on the first lexicon query.
 *
 * Bundles live in dist/ (dist/cli.js, dist/worker.js, dist/eval.js), so the file is found at
 * `<dist>/../data/lexicon.bin`; under tsx (tests) a source file sits deeper, so the search walks up
 * a few folders from `from`.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { setLexiconSource } from '../core/analysis/lexicon';
import { findUp } from './findUp';

export function findLexiconFile(from: string = __dirname): string | undefined {
  return findUp(from, path.join('data', 'lexicon.bin'), 4);
}

/** Registers the lexicon file found from `from`; returns its path, or undefined when none is found. */
export function registerLexiconFile(from: string = __dirname): string | undefined {
  const file = findLexiconFile(from);
  if (file) setLexiconSource(() => new Uint8Array(fs.readFileSync(file)));
  return file;
}
