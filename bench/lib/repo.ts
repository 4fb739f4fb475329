/** The repository folder of a bench script, run from dist/ (bundled) or from bench/ (tsx). */
import * as path from 'node:path';
import { findUp } from '../../src/node/findUp';

export function repoRoot(from: string = __dirname): string {
  const engine = findUp(from, path.join('src', 'core', 'engine.ts'), 5);
  return engine ? path.resolve(path.dirname(engine), '..', '..') : process.cwd();
}
