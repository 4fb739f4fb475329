// The extension's engine client (src/vscode/engineClient.ts) against the real engine: the
// request/response protocol on this thread and, when dist/worker.js is built, in a worker
// thread (bytes transferred, serialized index back, corrupt cache reported as CacheError).
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { EngineClient, isCacheError } from '../../src/vscode/engineClient';

const enc = (s: string) => new TextEncoder().encode(s);
const workerPath = path.resolve(__dirname, '../../dist/worker.js');

const FERRY = 'Harbour ferry record\n\nThe harbour ferry carried 224 passengers on its first crossing in May 2019. The crossing took 40 minutes.\n';
const BUDGET = 'City budget\n\nThe city council approved a budget of 3.5 million euros for the new library in 2021.\n';

for (const mode of ['in-thread', 'worker'] as const) {
  describe(`extension engine client (${mode})`, function () {
    let client: EngineClient;
    const logs: string[] = [];
    before(function () {
      if (mode === 'worker' && !fs.existsSync(workerPath)) this.skip();
      client = new EngineClient(mode === 'worker' ? workerPath : undefined, (l) => logs.push(l));
      assert.strictEqual(client.mode, mode);
    });
    after(() => client?.terminate());

    it('indexes sources sent as bytes, lists them, and skips unchanged content', async () => {
      await client.open('f1');
      const bytes = enc(FERRY);
      const r = await client.upsert('f1', 'sources/ferry.txt', bytes);
      assert.strictEqual(r.changed, true);
      assert.ok(r.source && r.source.passages >= 2, 'passages');
      await client.upsert('f1', 'sources/budget.txt', enc(BUDGET));
      const again = await client.upsert('f1', 'sources/ferry.txt', enc(FERRY));
      assert.strictEqual(again.changed, false);
      const sources = await client.sources('f1');
      assert.deepStrictEqual(sources.map((s) => s.path), ['sources/budget.txt', 'sources/ferry.txt']);
      assert.notStrictEqual(sources[0].key, sources[1].key);
    });

    it('checks a draft and ranks suggestions', async () => {
      const findings = await client.check('f1', 'The harbour ferry carried 324 passengers on its first crossing in May 2019.\n', { format: 'markdown' });
      assert.strictEqual(findings.length, 1);
      assert.strictEqual(findings[0].verdict, 'conflict');
      assert.ok(findings[0].evidence.some((e) => e.source === 'sources/ferry.txt'));
      const sug = await client.suggest('f1', 'The ferry carried 224 passengers', 5);
      assert.strictEqual(sug[0].path, 'sources/ferry.txt');
    });

    it('keeps engines apart per folder', async () => {
      await client.open('f2');
      assert.deepStrictEqual(await client.sources('f2'), []);
      assert.strictEqual((await client.sources('f1')).length, 2);
    });

    it('serializes and loads back; a corrupt cache is a CacheError', async () => {
      const bytes = await client.serialize('f1');
      assert.ok(bytes.byteLength > 0);
      const copy = new Uint8Array(bytes);
      const stats = await client.load('f3', bytes);
      assert.strictEqual(stats.documents, 2);
      assert.deepStrictEqual((await client.sources('f3')).map((s) => s.path), ['sources/budget.txt', 'sources/ferry.txt']);
      copy[Math.floor(copy.length / 2)] ^= 0xff;
      await assert.rejects(client.load('f4', copy), (e) => isCacheError(e));
      await assert.rejects(client.load('f4', enc('not an index')), (e) => isCacheError(e));
    });

    it('removes a source and reports bad ones as warnings', async () => {
      assert.strictEqual(await client.remove('f1', 'sources/budget.txt'), true);
      const bin = new Uint8Array([0, 1, 2, 0, 0, 255, 0, 3, 0, 0, 0, 0]);
      const r = await client.upsert('f1', 'sources/scan.txt', bin);
      assert.ok(r.warnings.some((w) => w.skipped), 'binary file skipped with a warning');
      const warnings = await client.warnings('f1');
      assert.ok(warnings.some((w) => w.path === 'sources/scan.txt'));
      assert.deepStrictEqual((await client.sources('f1')).map((s) => s.path), ['sources/ferry.txt']);
    });
  });
}

describe('extension engine client fallback', () => {
  it('continues on this thread when the worker dies, and says so', async () => {
    const os = await import('os');
    const bad = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'gw-worker-')), 'worker.js');
    fs.writeFileSync(bad, "require('node:worker_threads').parentPort.once('message', () => { throw new Error('worker crashed'); });\n");
    const logs: string[] = [];
    const client = new EngineClient(bad, (l) => logs.push(l));
    try {
      assert.strictEqual(client.mode, 'worker');
      const fellBack = new Promise<void>((resolve) => (client.onFallback = resolve));
      await assert.rejects(client.open('f1'));
      await fellBack;
      assert.strictEqual(client.mode, 'in-thread');
      assert.ok(logs.some((l) => /worker/i.test(l)), logs.join('\n'));
      await client.open('f1');
      const r = await client.upsert('f1', 'sources/ferry.txt', enc(FERRY));
      assert.strictEqual(r.changed, true);
    } finally {
      client.terminate();
    }
  });
});
