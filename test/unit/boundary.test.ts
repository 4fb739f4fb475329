// The engine (src/core) must stay free of editor and Node I/O imports so it runs in a
// worker, a browser or a language server; I/O arrives through the adapters.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

const CORE = path.join(__dirname, '..', '..', 'src', 'core');
const FORBIDDEN = /(?:from\s+|require\(\s*|import\(\s*)['"](vscode|fs|fs\/promises|path|child_process|worker_threads|node:[a-z_/]+)['"]/;

function walk(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : [],
  );
}

describe('engine boundary', () => {
  const files = walk(CORE);

  it('finds the engine sources', () => {
    assert.ok(files.length > 20, `only ${files.length} files under src/core`);
  });

  it('no module of src/core imports vscode or Node I/O', () => {
    const offenders = files
      .map((f) => ({ f, m: fs.readFileSync(f, 'utf8').match(FORBIDDEN) }))
      .filter((x) => x.m)
      .map((x) => `${path.relative(CORE, x.f)} imports ${x.m![1]}`);
    assert.deepEqual(offenders, []);
  });

  it('no module of src/core imports the PostgreSQL backend (src/server) or its client', () => {
    const offenders = files
      .filter((f) => /(?:from\s+|require\(\s*|import\(\s*)['"](?:[./]+\/server\/[^'"]*|pg|pg-[a-z-]+|pgpass)['"]/.test(fs.readFileSync(f, 'utf8')))
      .map((f) => path.relative(CORE, f));
    assert.deepEqual(offenders, []);
  });

  it('the check itself catches a forbidden import', () => {
    assert.match("import * as fs from 'node:fs';", FORBIDDEN);
    assert.match("const v = require('vscode');", FORBIDDEN);
    assert.doesNotMatch("import { x } from './fs-like';", FORBIDDEN);
  });
});
