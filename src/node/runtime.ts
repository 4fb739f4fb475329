/**
 * What the engine needs from the machine, installed once by each Node host (the CLI,
 * the extension's worker and in-thread fallback, eval, bench, the unit tests): the
 * English part-of-speech tagger, loaded lazily from its own bundle (dist/tagger.js, or
 * src/node/tagger.ts when run from source), the compiled lexicon (data/lexicon.bin, read
 * on the first query) and the decision model's weights (data/model.json, read on the first
 * prediction). The engine itself does no I/O.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createRequire } from 'node:module';
import { setPosTagger, type PosTagger } from '../core/analysis/pos';
import { registerLexiconFile } from './lexiconFile';
import { findUp } from './findUp';
import { installModelFile } from './modelFile';

let installed = false;

/** Where the tagger's bundle may be: beside this bundle, or (a bundle built elsewhere, from source) in the repository's dist/ or src/node/. */
function taggerFiles(): string[] {
  const up = path.dirname(__dirname);
  const found = [findUp(up, path.join('dist', 'tagger.js'), 4), findUp(up, path.join('src', 'node', 'tagger.ts'), 4)];
  return [path.join(__dirname, 'tagger.js'), path.join(__dirname, 'tagger.ts'), ...found.filter((f): f is string => !!f)];
}

function loadTagger(): PosTagger | undefined {
  const req = createRequire(__filename);
  for (const file of taggerFiles()) {
    if (!fs.existsSync(file)) continue;
    const mod = req(file) as { tagEnglish?: PosTagger };
    if (mod.tagEnglish) return mod.tagEnglish;
  }
  return undefined;
}

export function installNodeRuntime(): void {
  if (installed) return;
  installed = true;
  setPosTagger('en', loadTagger);
  // data/lexicon.bin beside dist/ (or the repository root from source), read on the first query.
  registerLexiconFile();
  // data/model.json: the weights of the learned decision, read on the first prediction.
  installModelFile();
}
