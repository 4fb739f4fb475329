/** A file at `rel` in `from` or one of its first `levels` parent folders (bundles in dist/, sources deeper). */
import * as fs from 'node:fs';
import * as path from 'node:path';

export function findUp(from: string, rel: string, levels: number): string | undefined {
  let dir = from;
  for (let i = 0; i <= levels; i++) {
    const file = path.join(dir, rel);
    if (fs.existsSync(file)) return file;
    const up = path.dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  return undefined;
}
