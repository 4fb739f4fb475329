// The installed package: Groundwork as a user gets it, installed from its .vsix into a fresh
// extensions folder of code-server (the driver's 'installed' window; see runner/README.md),
// not loaded from this repository. A smoke subset of the suite runs against that copy:
// activation (timed by VS Code's own marks, next to an empty extension's), the worker bundle,
// indexing the seeds, an underline, a hover and a completion. Each of these loads the shipped bundles and
// the data files they read, so a file missing from the package fails here.
// Outside the installed window (e.g. GROUNDWORK_TEST_LAUNCHES=folder) these tests skip.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { EXTENSION_ID, codeOf, gw, waitFor } from './helpers';
import type { GroundworkApi } from '../../src/vscode/extension';

const BASELINE_ID = 'groundwork-test.installed-host';

describe('installed package (the .vsix installed into a clean VS Code)', function () {
  this.timeout(180_000);
  let api: GroundworkApi;
  let ext: vscode.Extension<GroundworkApi>;
  let doc: vscode.TextDocument;
  const root = () => vscode.workspace.workspaceFolders![0].uri;

  before(function () {
    if (process.env.GROUNDWORK_TEST_LAUNCH !== 'installed') this.skip();
    const found = vscode.extensions.getExtension<GroundworkApi>(EXTENSION_ID);
    assert.ok(found, `${EXTENSION_ID} is not installed`);
    ext = found;
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('is the copy installed in the extensions folder, not the development tree, and holds no sources', () => {
    const extDir = fs.realpathSync(process.env.GROUNDWORK_TEST_EXTENSIONS_DIR!);
    const where = fs.realpathSync(ext.extensionPath);
    assert.ok(where.startsWith(extDir + path.sep), `loaded from ${where}, not from the extensions folder ${extDir}`);
    assert.strictEqual(ext.packageJSON.isUnderDevelopment, false, 'loaded as an installed extension, not under development');
    for (const f of ['dist/extension.js', 'dist/worker.js', 'package.json']) {
      assert.ok(fs.existsSync(path.join(where, f)), `${f} is not in the installed copy`);
    }
    for (const f of ['src', 'test', 'node_modules', 'dist/extension.js.map', 'dist/cli.js']) {
      assert.ok(!fs.existsSync(path.join(where, f)), `${f} should not be in the installed copy`);
    }
  });

  it('was activated by VS Code at startup; its activation time comes from VS Code\'s own marks', async () => {
    api = await ext.activate();
    assert.ok(api && typeof api.whenIdle === 'function', 'activate() returned the API');
    assert.strictEqual(api.engineMode(), 'worker', 'the engine runs in dist/worker.js');
    // The baseline: an empty extension, activated now by the same host.
    const baseline = vscode.extensions.getExtension(BASELINE_ID);
    assert.ok(baseline, `${BASELINE_ID} (the empty extension) is loaded`);
    await baseline.activate();
    const activation = activationMarks(EXTENSION_ID);
    const file = process.env.GROUNDWORK_TEST_METRICS;
    if (file) fs.writeFileSync(file, JSON.stringify({ activation, baseline: activationMarks(BASELINE_ID), extensionPath: ext.extensionPath }));
    assert.ok(activation.totalMs >= activation.codeLoadingMs && activation.codeLoadingMs >= 0, JSON.stringify(activation));
  });

  it('indexes the sample corpus from the shipped bundles', async () => {
    await api.whenIdle();
    const seeds = (await vscode.workspace.findFiles('seeds/**')).length;
    assert.ok(seeds > 0, 'no seeds in the workspace');
    assert.strictEqual(api.sources().filter((s) => s.path.startsWith('seeds/')).length, seeds, api.sources().map((s) => s.path).join(', '));
  });

  it('underlines a sentence that a source contradicts', async () => {
    doc = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(root(), 'drafts', 'draft.md'));
    await vscode.window.showTextDocument(doc, { preview: false });
    const line = lineOf(doc, '324 passengers');
    const onLine = () => gw(doc.uri).filter((d) => d.range.start.line <= line && d.range.end.line >= line && codeOf(d).startsWith('claim.conflict'));
    if (onLine().length === 0) {
      await waitFor(vscode.languages.onDidChangeDiagnostics, () => onLine().length > 0, 'the conflict underline', 60_000);
    }
    const [d] = onLine();
    assert.strictEqual(codeOf(d), 'claim.conflict.number');
    assert.strictEqual(d.severity, vscode.DiagnosticSeverity.Warning);
    assert.match(d.message, /224/);
    assert.match(d.message, /324/);
  });

  it('shows the evidence on hover', async () => {
    const line = lineOf(doc, '324 passengers');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, new vscode.Position(line, 10));
    const text = hovers.flatMap((h) => h.contents).map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : '')).join('\n');
    assert.match(text, /Conflict/i);
    assert.match(text, /\n> .*224/);
  });

  it('completes citation keys after [@, the supporting source first', async () => {
    const line = lineOf(doc, '22 minute video');
    const we = new vscode.WorkspaceEdit();
    const at = doc.lineAt(line).range.end.translate(0, -1);
    we.insert(doc.uri, at, ' [@');
    assert.ok(await vscode.workspace.applyEdit(we));
    const pos = new vscode.Position(line, at.character + 3);
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, pos, '@');
    const keys = new Set(api.sources().map((s) => s.key));
    const items = list.items.filter((i) => keys.has(typeof i.label === 'string' ? i.label : i.label.label))
      .sort((a, b) => (a.sortText ?? '').localeCompare(b.sortText ?? ''));
    assert.strictEqual(items.length, keys.size, 'one item per source');
    const first = typeof items[0].label === 'string' ? items[0].label : items[0].label.label;
    assert.strictEqual(first, api.sources().find((s) => s.path === 'seeds/002_900ac096a6ff7b86.txt')?.key);
  });
});

/**
 * VS Code's performance marks of an extension's activation in this extension host
 * (code/extHost/{will,did}LoadExtensionCode/<id> and {will,did}ActivateExtension/<id>, ms):
 * loading its main module, then creating its context and calling activate() until it resolves.
 */
function activationMarks(id: string): { codeLoadingMs: number; activateMs: number; totalMs: number } {
  const perf = (globalThis as { MonacoPerformanceMarks?: { getMarks(): { name: string; startTime: number }[] } }).MonacoPerformanceMarks;
  assert.ok(perf, 'VS Code\'s performance marks (globalThis.MonacoPerformanceMarks) are not available in this host');
  const marks = perf.getMarks();
  const at = (what: string): number => {
    const m = marks.find((x) => x.name === `code/extHost/${what}/${id}`);
    assert.ok(m, `no mark code/extHost/${what}/${id}`);
    return m.startTime;
  };
  const load = at('willLoadExtensionCode');
  const loaded = at('didLoadExtensionCode');
  const done = at('didActivateExtension');
  return { codeLoadingMs: loaded - load, activateMs: done - at('willActivateExtension'), totalMs: done - load };
}

function lineOf(doc: vscode.TextDocument, needle: string): number {
  for (let i = 0; i < doc.lineCount; i++) if (doc.lineAt(i).text.includes(needle)) return i;
  throw new Error(`no line with ${JSON.stringify(needle)} in ${doc.uri.path}`);
}
