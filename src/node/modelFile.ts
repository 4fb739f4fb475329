/**
 * Where the hosts (the CLI, the extension's engine service, the eval) read the learned
 * decision's weights: data/model.json of the repository, found by walking up from the
 * running bundle (dist/ → the repo) or source file (src/cli/ → the repo). The file is read
 * and checked on the first prediction only (src/core/verify/model.ts), not at start-up.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { setModelSource } from '../core/verify/model';
import { findUp } from './findUp';

export function modelFilePath(from: string = __dirname): string | undefined {
  return findUp(from, path.join('data', 'model.json'), 3);
}

export function installModelFile(from: string = __dirname): void {
  setModelSource(() => {
    const file = modelFilePath(from);
    if (!file) throw new Error(`groundwork: data/model.json not found above ${from} (the learned decision's weights; \`npm run train\` writes it)`);
    return fs.readFileSync(file);
  });
}
