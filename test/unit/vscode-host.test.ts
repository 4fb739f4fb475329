// Unit tests of the integration harness pieces that run outside VS Code: the screenshot
// handshake (suite side), the temp workspace and the closing summary line of the driver.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { screenshotPoint } from '../integration/index';

type Common = {
  makeWorkspace(tmp: string, root: string): { ws: string; ud: string; extDir: string };
  summaryLine(r: { passed?: number; failed?: number; pending?: number }): string;
  saveScreenshot(o: { root: string; out: string; name: string; png: Uint8Array; readme: boolean; env?: Record<string, string | undefined> }): string[];
};
// eslint-disable-next-line @typescript-eslint/no-require-imports
const loadCommon = (): Promise<Common> => import(path.join(__dirname, '../integration/runner/common.mjs'));

const made: string[] = [];
function tmpDir(): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'gw-host-unit-'));
  made.push(d);
  return d;
}
after(() => {
  for (const d of made) fs.rmSync(d, { recursive: true, force: true });
});

/** A stand-in for the driver: answers each new request with `answer(seq)`. */
function fakeDriver(ready: string, answer: (req: { name: string; seq: string; waitForSelectors: string[] }) => string[]) {
  const seen: Array<{ name: string; seq: string; waitForSelectors: string[] }> = [];
  const timer = setInterval(() => {
    let req;
    try {
      req = JSON.parse(fs.readFileSync(ready, 'utf8'));
    } catch {
      return;
    }
    if (seen.some((s) => s.seq === req.seq)) return;
    seen.push(req);
    for (const content of answer(req)) fs.writeFileSync(`${ready}.done`, content);
  }, 20);
  return { seen, stop: () => clearInterval(timer) };
}

describe('vscode-host: screenshot handshake', () => {
  const saved = process.env.GROUNDWORK_SCREENSHOT_READY;
  afterEach(() => {
    if (saved === undefined) delete process.env.GROUNDWORK_SCREENSHOT_READY;
    else process.env.GROUNDWORK_SCREENSHOT_READY = saved;
  });

  it('is a no-op when no driver asked for screenshots', async () => {
    delete process.env.GROUNDWORK_SCREENSHOT_READY;
    const dir = tmpDir();
    const t0 = Date.now();
    await screenshotPoint('readme', { timeoutMs: 5000 });
    assert.ok(Date.now() - t0 < 1000);
    assert.deepStrictEqual(fs.readdirSync(dir), []);
  });

  it('writes a request, waits for the matching done marker, then removes both files', async () => {
    const dir = tmpDir();
    const ready = path.join(dir, 'screenshot-ready');
    process.env.GROUNDWORK_SCREENSHOT_READY = ready;
    // A stale done marker from an earlier point must not satisfy this one.
    fs.writeFileSync(`${ready}.done`, 'stale');
    const driver = fakeDriver(ready, (req) => [`not-${req.seq}`, req.seq]);
    try {
      await screenshotPoint('draft', { waitForSelectors: ['.squiggly-warning'], timeoutMs: 5000 });
    } finally {
      driver.stop();
    }
    assert.strictEqual(driver.seen.length, 1);
    assert.strictEqual(driver.seen[0].name, 'draft');
    assert.deepStrictEqual(driver.seen[0].waitForSelectors, ['.squiggly-warning']);
    assert.ok(!fs.existsSync(ready) && !fs.existsSync(`${ready}.done`), 'marker files left behind');
  });

  it('ignores a done marker that does not carry its seq', async () => {
    const ready = path.join(tmpDir(), 'screenshot-ready');
    process.env.GROUNDWORK_SCREENSHOT_READY = ready;
    let rightAt = 0;
    const driver = fakeDriver(ready, (req) => {
      setTimeout(() => {
        rightAt = Date.now();
        fs.writeFileSync(`${ready}.done`, req.seq);
      }, 400);
      return ['some-other-seq'];
    });
    try {
      await screenshotPoint('draft', { timeoutMs: 5000 });
    } finally {
      driver.stop();
    }
    assert.ok(rightAt > 0 && Date.now() >= rightAt, 'resolved before the matching done marker was written');
  });

  it('gives each point its own seq', async () => {
    const ready = path.join(tmpDir(), 'screenshot-ready');
    process.env.GROUNDWORK_SCREENSHOT_READY = ready;
    const driver = fakeDriver(ready, (req) => [req.seq]);
    try {
      await screenshotPoint('one', { timeoutMs: 5000 });
      await screenshotPoint('two', { timeoutMs: 5000 });
    } finally {
      driver.stop();
    }
    assert.deepStrictEqual(driver.seen.map((r) => r.name), ['one', 'two']);
    assert.notStrictEqual(driver.seen[0].seq, driver.seen[1].seq);
  });

  it('rejects with a clear message when no driver answers', async () => {
    const ready = path.join(tmpDir(), 'screenshot-ready');
    process.env.GROUNDWORK_SCREENSHOT_READY = ready;
    await assert.rejects(screenshotPoint('lonely', { timeoutMs: 300 }), /screenshotPoint\('lonely'\).*did not answer/);
    assert.ok(!fs.existsSync(ready), 'request file left behind');
  });
});

describe('vscode-host: driver helpers', () => {
  it('summaryLine is the plain closing line CI reads', async () => {
    const { summaryLine } = await loadCommon();
    assert.strictEqual(summaryLine({ passed: 3, failed: 1, pending: 0 }), '3 passed, 1 failed');
    assert.strictEqual(summaryLine({ passed: 2, failed: 0, pending: 4 }), '2 passed, 0 failed, 4 skipped');
    assert.match(summaryLine({}), /^0 passed, 0 failed$/);
  });

  it('makeWorkspace copies the fixture and the seeds and writes trusted, quiet user settings', async () => {
    const { makeWorkspace } = await loadCommon();
    const root = tmpDir();
    fs.mkdirSync(path.join(root, 'test/fixtures/workspace/.vscode'), { recursive: true });
    fs.writeFileSync(path.join(root, 'test/fixtures/workspace/.vscode/settings.json'), '{"groundwork.check.delayMs": 10}');
    fs.mkdirSync(path.join(root, 'seeds'));
    fs.writeFileSync(path.join(root, 'seeds/ferry.txt'), 'The ferry carried 120 passengers.');
    const tmp = tmpDir();
    const dirs = makeWorkspace(tmp, root);
    assert.strictEqual(fs.readFileSync(path.join(dirs.ws, 'seeds/ferry.txt'), 'utf8'), 'The ferry carried 120 passengers.');
    assert.ok(fs.existsSync(path.join(dirs.ws, '.vscode/settings.json')));
    const user = JSON.parse(fs.readFileSync(path.join(dirs.ud, 'User/settings.json'), 'utf8'));
    assert.strictEqual(user['security.workspace.trust.enabled'], false);
    assert.strictEqual(user['workbench.startupEditor'], 'none');
    assert.ok(fs.statSync(dirs.extDir).isDirectory());
    // The fixture itself is untouched (a copy, not the original).
    fs.writeFileSync(path.join(dirs.ws, 'seeds/ferry.txt'), 'changed');
    assert.strictEqual(fs.readFileSync(path.join(root, 'seeds/ferry.txt'), 'utf8'), 'The ferry carried 120 passengers.');
  });

  it('makeWorkspace without a fixture folder gives an empty workspace with the seeds', async () => {
    const { makeWorkspace } = await loadCommon();
    const root = tmpDir();
    fs.mkdirSync(path.join(root, 'seeds'));
    fs.writeFileSync(path.join(root, 'seeds/budget.md'), '# City budget');
    const dirs = makeWorkspace(tmpDir(), root);
    assert.deepStrictEqual(fs.readdirSync(dirs.ws), ['seeds']);
  });
});

describe('vscode-host: screenshots stay under out/ (issue 8)', () => {
  it('a test run writes out/ only; the tracked README image only with GROUNDWORK_SCREENSHOT_MEDIA=1', async () => {
    const { saveScreenshot } = await loadCommon();
    const root = tmpDir();
    const out = path.join(root, 'out');
    fs.mkdirSync(path.join(root, 'media'));
    fs.writeFileSync(path.join(root, 'media', 'screenshot.png'), 'tracked');
    const png = new Uint8Array([137, 80, 78, 71]);
    saveScreenshot({ root, out, name: 'readme', png, readme: true, env: {} });
    assert.strictEqual(fs.readFileSync(path.join(root, 'media', 'screenshot.png'), 'utf8'), 'tracked');
    assert.ok(fs.existsSync(path.join(out, 'screenshot.png')));
    assert.ok(fs.existsSync(path.join(out, 'screenshots', 'readme.png')));
    saveScreenshot({ root, out, name: 'readme', png, readme: true, env: { GROUNDWORK_SCREENSHOT_MEDIA: '1' } });
    assert.deepStrictEqual([...fs.readFileSync(path.join(root, 'media', 'screenshot.png'))], [...png]);
  });

  it('the driver saves screenshots through saveScreenshot (no other write to media/)', () => {
    const src = fs.readFileSync(path.join(__dirname, '../integration/runner/run.mjs'), 'utf8');
    assert.ok(src.includes('saveScreenshot('));
    assert.ok(!/writeFileSync\([^)]*media/.test(src), 'run.mjs writes media/ directly');
  });
});
