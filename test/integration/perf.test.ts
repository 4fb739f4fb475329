// Benchmark inside VS Code: index the BBC News corpus (../shared/corpora, 2,225 articles)
// through the extension, while a probe on the extension host's event loop records the
// longest time it was blocked; then completion, hover and check latencies on a draft.
// Figures go to out/bench-vscode.json and the test log. Skipped when the corpus is absent.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import * as inspector from 'inspector';

// GROUNDWORK_HOST_PROFILE=DIR: also write CPU profiles of the extension host for each
// phase (index, warm, query) to DIR, to see which code holds the host thread.
const profileDir = process.env.GROUNDWORK_HOST_PROFILE;
let session: inspector.Session | undefined;
function post(method: string, params: object = {}): Promise<{ profile?: unknown }> {
  if (!profileDir) return Promise.resolve({});
  if (!session) {
    session = new inspector.Session();
    session.connect();
  }
  return new Promise((res, rej) => session!.post(method, params, (e, r) => (e ? rej(e) : res(r as { profile?: unknown }))));
}
async function saveProfile(phase: string): Promise<void> {
  const r = await post('Profiler.stop');
  if (profileDir && r.profile) {
    fs.mkdirSync(profileDir, { recursive: true });
    fs.writeFileSync(path.join(profileDir, `${phase}.cpuprofile`), JSON.stringify(r.profile));
  }
}
import { EXTENSION_ID, waitFor } from './helpers';
import type { GroundworkApi } from '../../src/vscode/extension';



/** Records the longest gap between timer ticks (how long the event loop was blocked). */
class LoopProbe {
  private last = performance.now();
  private timer?: NodeJS.Timeout;
  readonly gaps: number[] = [];
  start(): void {
    this.last = performance.now();
    this.timer = setInterval(() => {
      const now = performance.now();
      this.gaps.push(now - this.last - 5);
      this.last = now;
    }, 5);
  }
  stop(): { maxMs: number; p99Ms: number; samples: number } {
    clearInterval(this.timer);
    const sorted = [...this.gaps].sort((a, b) => a - b);
    return {
      maxMs: Math.round(sorted[sorted.length - 1] ?? 0),
      p99Ms: Math.round(sorted[Math.floor(sorted.length * 0.99)] ?? 0),
      samples: sorted.length,
    };
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function timeIt(n: number, f: () => Thenable<unknown>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await f();
    times.push(performance.now() - t);
  }
  return Math.round(median(times) * 10) / 10;
}

describe('benchmark inside VS Code (BBC News corpus)', function () {
  this.timeout(600_000);
  let api: GroundworkApi;
  let corpusFile: string;
  let extensionPath: string;
  let outside: string | undefined;
  const root = () => vscode.workspace.workspaceFolders![0].uri;

  before(async function () {
    const ext = vscode.extensions.getExtension<GroundworkApi>(EXTENSION_ID)!;
    extensionPath = ext.extensionPath;
    corpusFile = process.env.GROUNDWORK_BENCH_CORPUS || path.resolve(extensionPath, '../shared/corpora/bbc-news/bbc_news.jsonl');
    if (!fs.existsSync(corpusFile) || root().scheme !== 'file') this.skip();
    api = await ext.activate();
    await api.whenIdle();
    // Built-in extensions that wake up during the measurement anyway (JSON when the test
    // writes a setting, Markdown on the first Markdown request) start here, so their
    // one-time start (module loading, ~100 ms of the host thread) is not counted as
    // Groundwork's; in a real session they have long been running.
    for (const id of ['vscode.json-language-features', 'vscode.markdown-language-features']) {
      await vscode.extensions.getExtension(id)?.activate();
    }
    const md = await vscode.workspace.openTextDocument({ language: 'markdown', content: '# Warm-up\n\nSome *text* with `code`.\n\n```js\nconst x = 1;\n```\n' });
    await vscode.commands.executeCommand('vscode.executeDocumentSymbolProvider', md.uri);
    await vscode.commands.executeCommand('vscode.executeFoldingRangeProvider', md.uri);
    await vscode.commands.executeCommand('vscode.executeLinkProvider', md.uri);
    await vscode.workspace.getConfiguration('groundwork').update('corpus.externalFolders', [], vscode.ConfigurationTarget.Workspace);
    await api.whenIdle();
  });

  after(async () => {
    if (!api) return;
    await vscode.workspace.getConfiguration('groundwork').update('corpus.externalFolders', undefined, vscode.ConfigurationTarget.Workspace);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await api.whenIdle();
    if (outside) fs.rmSync(outside, { recursive: true, force: true });
  });

  it('indexes without blocking the extension host; completion, hover and check latencies', async () => {
    const limit = Number(process.env.GROUNDWORK_BENCH_DOCS) || Infinity;
    // GROUNDWORK_BENCH_FILES=10000: that many files, the articles repeated in turn.
    const files = Number(process.env.GROUNDWORK_BENCH_FILES) || 0;
    const articles = fs
      .readFileSync(corpusFile, 'utf8')
      .split('\n')
      .filter((l) => l.trim())
      .slice(0, limit)
      .map((l) => JSON.parse(l) as { id: string | number; title: string; text: string });
    // Written outside the workspace and named in groundwork.corpus.externalFolders (a link
    // to outside is not followed), so the test's own 2,225 file creations do not flood
    // the extension host with file-watcher events during the measurement.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'groundwork-bench-'));
    outside = dir;
    let bytes = 0;
    const count = files > 0 ? files : articles.length;
    for (let i = 0; i < count; i++) {
      const a = articles[i % articles.length];
      const text = `${a.title}\n\n${a.text}\n`;
      bytes += Buffer.byteLength(text);
      fs.writeFileSync(path.join(dir, `${String(i).padStart(5, '0')}.txt`), text);
    }
    const before = api.sources().length;

    // Index: add the folder to the corpus (a settings change, applied without reload).
    await post('Profiler.enable');
    await post('Profiler.setSamplingInterval', { interval: 500 });
    await post('Profiler.start');
    const probe = new LoopProbe();
    probe.start();
    const t0 = performance.now();
    const indexed = waitFor(api.onDidIndex, (e) => e.reason === 'settings', 'the corpus index', 540_000);
    await vscode.workspace.getConfiguration('groundwork').update('corpus.externalFolders', [dir], vscode.ConfigurationTarget.Workspace);
    await indexed;
    const indexMs = performance.now() - t0;
    await api.whenIdle();
    const loopIndex = probe.stop();
    await saveProfile('index');
    await post('Profiler.start');
    const docs = api.sources().length - before;
    assert.ok(docs >= count * 0.95, `indexed ${docs} of ${count}`);

    // Warm start: load the saved index, stat every file, read none.
    const probeWarm = new LoopProbe();
    probeWarm.start();
    const t1 = performance.now();
    const warm = waitFor(api.onDidIndex, (e) => e.reason === 'initial', 'the warm start', 300_000);
    await api.restartFromCache();
    const warmEvent = await warm;
    const warmMs = performance.now() - t1;
    const loopWarm = probeWarm.stop();
    await saveProfile('warm');
    assert.strictEqual(warmEvent.fromCache, true);
    assert.deepStrictEqual(warmEvent.changed, [], 'no file re-read on a warm start');

    // A draft with a sentence taken from one article (reworded number) and a citation slot.
    const a = articles[Math.floor(articles.length / 2)];
    const sentence = (a.text.match(/[^.!?]{40,200}[.!?]/) ?? [a.text.slice(0, 120)])[0].trim();
    const draft = vscode.Uri.joinPath(root(), 'drafts', 'bench.md');
    await vscode.workspace.fs.writeFile(draft, new TextEncoder().encode(`# Bench\n\n${sentence.replace(/[.!?]$/, '')} [@\n`));
    const doc = await vscode.workspace.openTextDocument(draft);
    await vscode.window.showTextDocument(doc);
    await api.whenIdle();
    const pos = new vscode.Position(2, doc.lineAt(2).text.length);

    await post('Profiler.start');
    const probe2 = new LoopProbe();
    probe2.start();
    const checkMs = await timeIt(5, async () => {
      // A fresh edit each time, so the check really runs (findings are cached per version).
      const we = new vscode.WorkspaceEdit();
      we.insert(doc.uri, new vscode.Position(0, doc.lineAt(0).text.length), '!');
      await vscode.workspace.applyEdit(we);
      await vscode.commands.executeCommand('groundwork.checkDocument', doc.uri);
    });
    let items = 0;
    const completionMs = await timeIt(10, async () => {
      const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, pos, '@');
      items = list.items.length;
    });
    const hoverMs = await timeIt(10, () => vscode.commands.executeCommand('vscode.executeHoverProvider', doc.uri, new vscode.Position(2, 5)));
    const loopQuery = probe2.stop();
    await saveProfile('query');
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    await vscode.workspace.fs.delete(draft);

    const result = {
      date: new Date().toISOString(),
      vscode: vscode.version,
      engine: api.engineMode(),
      corpus: path.basename(corpusFile),
      documents: docs,
      megabytes: Math.round(bytes / 1e5) / 10,
      indexSeconds: Math.round(indexMs / 100) / 10,
      docsPerSecond: Math.round(docs / (indexMs / 1000)),
      eventLoopDuringIndexing: loopIndex,
      warmStartSeconds: Math.round(warmMs / 100) / 10,
      eventLoopDuringWarmStart: loopWarm,
      checkDocumentMs: checkMs,
      completionMs,
      completionItems: items,
      hoverMs,
      eventLoopDuringQueries: loopQuery,
    };
    fs.mkdirSync(path.join(extensionPath, 'out'), { recursive: true });
    fs.writeFileSync(path.join(extensionPath, 'out', files > 0 ? `bench-vscode-${files}.json` : 'bench-vscode.json'), JSON.stringify(result, null, 2));
    console.log(`bench-vscode: ${JSON.stringify(result)}`);
    assert.ok(items >= Math.min(docs, 200), 'a full completion list');
    // The target is ~50 ms (met on a quiet machine: see the figures). The probe also counts
    // time the process was not scheduled at all, so on a loaded 2-core machine the bound only
    // catches real regressions, such as indexing the corpus in one synchronous run (seconds).
    assert.ok(loopIndex.maxMs < 1000, `extension host blocked ${loopIndex.maxMs} ms during indexing`);
    assert.ok(loopQuery.maxMs < 1000, `extension host blocked ${loopQuery.maxMs} ms during queries`);
  });
});
