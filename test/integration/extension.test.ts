// Groundwork inside a real VS Code: corpus indexing, underlines, completions, hovers, quick
// fixes, live re-indexing, settings, commands. Drives the features through VS Code's own
// commands and waits on the extension's events (never fixed sleeps). The workspace is a
// temp copy of test/fixtures/workspace plus the repo's seeds/.
import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { EXTENSION_ID, codeOf, gw, enc, waitFor } from './helpers';
import type { GroundworkApi } from '../../src/vscode/extension';
import { screenshotPoint } from './index';

let api: GroundworkApi;

const root = () => vscode.workspace.workspaceFolders![0].uri;
const fileUri = (rel: string) => vscode.Uri.joinPath(root(), ...rel.split('/'));


/** Open a draft in an editor and wait until its current text has been checked. */
async function openDraft(rel: string): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(fileUri(rel));
  const editor = await vscode.window.showTextDocument(doc, { preview: false });
  await checked(doc);
  return editor;
}

/** Wait until the document's current version has findings and nothing else is pending. */
async function checked(doc: vscode.TextDocument): Promise<void> {
  await api.whenIdle();
  if (api.findings(doc) === undefined) {
    const p = waitFor(api.onDidCheck, (e) => e.uri.toString() === doc.uri.toString() && e.version === doc.version, `a check of ${doc.uri.path}`);
    void vscode.commands.executeCommand('groundwork.checkDocument', doc.uri);
    await p;
  }
  await api.whenIdle();
}

function lineOf(doc: vscode.TextDocument, needle: string): number {
  for (let i = 0; i < doc.lineCount; i++) if (doc.lineAt(i).text.includes(needle)) return i;
  throw new Error(`no line with ${JSON.stringify(needle)} in ${doc.uri.path}`);
}

function diagsOnLine(doc: vscode.TextDocument, needle: string): vscode.Diagnostic[] {
  const line = lineOf(doc, needle);
  return gw(doc.uri).filter((d) => d.range.start.line <= line && d.range.end.line >= line);
}

async function edit(doc: vscode.TextDocument, f: (e: vscode.WorkspaceEdit) => void): Promise<void> {
  const we = new vscode.WorkspaceEdit();
  f(we);
  assert.ok(await vscode.workspace.applyEdit(we), 'edit applied');
  await checked(doc);
}

/** Append text at the end of the line containing `needle`, without waiting for a check (none may run). */
async function appendToLine(doc: vscode.TextDocument, needle: string, text: string): Promise<void> {
  const we = new vscode.WorkspaceEdit();
  we.insert(doc.uri, doc.lineAt(lineOf(doc, needle)).range.end, text);
  assert.ok(await vscode.workspace.applyEdit(we));
}

/** The drafts as the fixture has them (quick fixes may be saved by VS Code's refactoring auto-save). */
const originals = new Map<string, string>();
async function rememberDrafts(): Promise<void> {
  for (const uri of await vscode.workspace.findFiles('drafts/*')) {
    originals.set(uri.toString(), new TextDecoder().decode(await vscode.workspace.fs.readFile(uri)));
  }
}

/** Put the document back to its fixture text, in the buffer and on disk. */
async function restore(doc: vscode.TextDocument): Promise<void> {
  const original = originals.get(doc.uri.toString());
  assert.ok(original !== undefined, `no fixture text for ${doc.uri.path}`);
  if (doc.getText() !== original) await edit(doc, (e) => e.replace(doc.uri, new vscode.Range(0, 0, doc.lineCount, 0), original));
  if (doc.isDirty || new TextDecoder().decode(await vscode.workspace.fs.readFile(doc.uri)) !== original) {
    await doc.save();
    await api.whenIdle();
  }
}

async function completions(doc: vscode.TextDocument, pos: vscode.Position, trigger?: string, resolve = 0): Promise<vscode.CompletionItem[]> {
  const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, pos, trigger, resolve);
  const keys = new Set(api.sources(doc.uri).map((s) => s.key));
  return list.items
    .filter((i) => keys.has(typeof i.label === 'string' ? i.label : i.label.label))
    .sort((a, b) => (a.sortText ?? '').localeCompare(b.sortText ?? ''));
}

const labelOf = (i: vscode.CompletionItem) => (typeof i.label === 'string' ? i.label : i.label.label);
const keyOf = (path: string) => {
  const s = api.sources().find((x) => x.path === path);
  assert.ok(s, `${path} is indexed`);
  return s.key;
};

/** Code actions at a position. VS Code cancels a request when another extension registers
 * a code-action provider meanwhile (the Markdown extension starting up): ask again then. */
async function codeActions(doc: vscode.TextDocument, line: number, character: number): Promise<vscode.CodeAction[]> {
  for (let attempt = 0; ; attempt++) {
    const got = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, new vscode.Range(line, character, line, character));
    if (got.length > 0 || attempt === 2) return got;
  }
}

function hoverText(hovers: vscode.Hover[]): string {
  return hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))
    .join('\n');
}

describe('Groundwork extension', function () {
  this.timeout(120_000);

  before(async () => {
    const ext = vscode.extensions.getExtension<GroundworkApi>(EXTENSION_ID);
    assert.ok(ext, 'extension present');
    api = await ext.activate();
    assert.ok(api && typeof api.whenIdle === 'function', 'activate() returns the test API');
    await rememberDrafts();
    await api.whenIdle();
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  describe('corpus', () => {
    it('indexes the sample corpus in a worker thread, with readable unique keys', async () => {
      assert.strictEqual(api.engineMode(), 'worker');
      const sources = api.sources();
      const seeds = sources.filter((s) => s.path.startsWith('seeds/'));
      assert.strictEqual(seeds.length, 5, sources.map((s) => s.path).join(', '));
      const keys = new Set(sources.map((s) => s.key));
      assert.strictEqual(keys.size, sources.length, 'keys are unique');
      for (const s of seeds) {
        assert.ok(!s.key.includes('77dd5cafab') && s.passages > 0, `${s.path}: key ${s.key}, ${s.passages} passages`);
      }
      assert.match(api.statusText(), /\d+ sources?/);
    });

    it('shows a bad source as a diagnostic on the file (and keeps the rest working)', async () => {
      const diags = gw(fileUri('sources/empty.txt'));
      assert.strictEqual(diags.length, 1, JSON.stringify(diags));
      assert.match(codeOf(diags[0]), /^source\./);
      assert.ok(!api.sources().some((s) => s.path === 'sources/empty.txt'));
    });

    it('saves the index to workspace storage and warm-starts from it without re-reading', async () => {
      const cache = await api.indexCacheUri();
      assert.ok(cache, 'a storage location');
      assert.ok(!cache.toString().startsWith(root().toString()), 'the cache is not written into the workspace');
      const stat = await vscode.workspace.fs.stat(cache);
      assert.ok(stat.size > 0);
      const ev = waitFor(api.onDidIndex, (e) => e.reason === 'initial', 'the warm start');
      await api.restartFromCache();
      const e = await ev;
      assert.strictEqual(e.fromCache, true);
      assert.deepStrictEqual(e.changed, []);
      assert.strictEqual(api.sources().filter((s) => s.path.startsWith('seeds/')).length, 5);
    });

    it('rebuilds the index when the saved one is corrupt', async () => {
      const cache = (await api.indexCacheUri())!;
      const bytes = await vscode.workspace.fs.readFile(cache);
      const bad = new Uint8Array(bytes);
      for (let i = Math.floor(bad.length / 3); i < Math.floor(bad.length / 3) + 64 && i < bad.length; i++) bad[i] ^= 0x5a;
      await vscode.workspace.fs.writeFile(cache, bad);
      const ev = waitFor(api.onDidIndex, (e) => e.reason === 'initial', 'the rebuild');
      await api.restartFromCache();
      const e = await ev;
      assert.strictEqual(e.fromCache, false);
      assert.ok(e.changed.length >= 5, `re-read ${e.changed.length} files`);
      await api.whenIdle();
      assert.strictEqual(api.sources().filter((s) => s.path.startsWith('seeds/')).length, 5);
    });
  });

  describe('corpus boundary (issue 8)', () => {
    const tmp = path.join(os.tmpdir(), `gw-outside-${process.pid}`);
    const made: string[] = [];
    after(async () => {
      for (const f of made) fs.rmSync(f, { force: true });
      fs.rmSync(tmp, { recursive: true, force: true });
      await vscode.workspace.getConfiguration('groundwork', root()).update('corpus.externalFolders', undefined, vscode.ConfigurationTarget.WorkspaceFolder);
      await api.whenIdle();
    });

    it('a link to outside is not indexed and says why; a FIFO does not block; a folder named in externalFolders is read', async () => {
      fs.mkdirSync(tmp, { recursive: true });
      fs.writeFileSync(path.join(tmp, 'outside.txt'), 'Runner note\n\nThe deploy token of the runner is 7781 and was issued in March.\n');
      const link = path.join(root().fsPath, 'sources', 'outside-link.txt');
      const fifo = path.join(root().fsPath, 'sources', 'pipe.txt');
      fs.symlinkSync(path.join(tmp, 'outside.txt'), link);
      made.push(link);
      execFileSync('mkfifo', [fifo]);
      made.push(fifo);
      await vscode.commands.executeCommand('groundwork.reindexCorpus');
      await api.whenIdle();
      assert.ok(!api.sources().some((s) => s.path === 'sources/outside-link.txt' || s.path === 'sources/pipe.txt'), api.sources().map((s) => s.path).join(', '));
      const diags = gw(fileUri('sources/outside-link.txt'));
      assert.ok(diags.some((d) => /outside the workspace/.test(d.message)), JSON.stringify(diags.map((d) => d.message)));
      // Named on purpose, the outside folder is part of the corpus.
      const indexed = waitFor(api.onDidIndex, (e) => e.documents > 0 && api.sources().some((s) => s.path.endsWith('/outside.txt')), 'the external folder');
      await vscode.workspace.getConfiguration('groundwork', root()).update('corpus.externalFolders', [tmp], vscode.ConfigurationTarget.WorkspaceFolder);
      await indexed;
      await api.whenIdle();
      const ext = api.sources().find((s) => s.path.endsWith('/outside.txt'));
      assert.ok(ext && ext.path.startsWith('../'), api.sources().map((s) => s.path).join(', '));
    });
  });

  describe('underlines in a Markdown draft', () => {
    let doc: vscode.TextDocument;
    before(async () => {
      doc = (await openDraft('drafts/draft.md')).document;
    });

    it('a conflicting sentence: Warning naming both values and the source, evidence in relatedInformation', () => {
      const [d] = diagsOnLine(doc, '324 passengers').filter((x) => codeOf(x).startsWith('claim.conflict'));
      assert.ok(d, `conflict diagnostic; got ${JSON.stringify(gw(doc.uri).map((x) => [x.range.start.line, codeOf(x), x.message]))}`);
      assert.strictEqual(d.severity, vscode.DiagnosticSeverity.Warning);
      assert.match(d.message, /324/);
      assert.match(d.message, /224/);
      assert.ok(typeof d.code === 'object' && d.code.target instanceof vscode.Uri, 'code has a docs link');
      assert.ok(d.relatedInformation && d.relatedInformation.length > 0, 'evidence');
      const ev = d.relatedInformation[0];
      assert.match(ev.location.uri.path, /\/seeds\//);
      assert.ok(d.message.includes(api.sources().find((s) => ev.location.uri.path.endsWith(s.path))!.key), 'message names the source');
    });

    it('an unsupported sentence is Information with code claim.unsupported', () => {
      const ds = diagsOnLine(doc, 'rented studio');
      assert.strictEqual(ds.length, 1, JSON.stringify(ds));
      assert.match(codeOf(ds[0]), /^claim\.unsupported/);
      assert.strictEqual(ds[0].severity, vscode.DiagnosticSeverity.Information);
    });

    it('a supported sentence and an ignored one are not underlined', () => {
      assert.deepStrictEqual(diagsOnLine(doc, 'routed Fatah'), []);
      assert.deepStrictEqual(diagsOnLine(doc, 'famous actor'), []);
      const f = api.findings(doc)!.find((x) => x.text.includes('routed Fatah'));
      assert.strictEqual(f?.verdict, 'supported');
    });

    it('hover on a conflicting sentence: verdict, quoted evidence with emphasis, source and a link to the passage', async () => {
      const line = lineOf(doc, '324 passengers');
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, new vscode.Position(line, 10));
      const text = hoverText(hovers);
      assert.match(text, /Conflict/i);
      assert.match(text, /\n> .*224/);
      assert.match(text, /\n> [^\n]*\*\*(October|Sinai|passengers)[^*]*\*\*/, 'matching words in bold in the quote');
      assert.match(text, /command:groundwork\.openEvidence\?/);
      assert.match(text, /Rules:.*`conflict\.number`/, 'the hover names the rule behind the verdict');
    });

    it('screenshot: the draft with underlines and an open hover', async () => {
      // The Sources view in the side bar, the draft in the editor.
      await vscode.commands.executeCommand('workbench.view.extension.groundwork');
      const editor = await vscode.window.showTextDocument(doc, { preview: false });
      const line = lineOf(doc, '324 passengers');
      const col = doc.lineAt(line).text.indexOf('324');
      editor.selection = new vscode.Selection(line, col, line, col);
      editor.revealRange(new vscode.Range(line, 0, line, 0), vscode.TextEditorRevealType.InCenter);
      await vscode.commands.executeCommand('editor.action.showHover');
      await screenshotPoint('draft-with-hover', { waitForSelectors: ['.squiggly-warning', '.monaco-hover', '.monaco-list-row'] });
      await vscode.commands.executeCommand('workbench.view.explorer');
    });

    it('while typing, a new underline waits until the cursor leaves the sentence', async () => {
      const editor = await vscode.window.showTextDocument(doc, { preview: false });
      const last = doc.lineCount - 1;
      editor.selection = new vscode.Selection(last, 0, last, 0);
      const typed = waitFor(api.onDidCheck, (e) => e.uri.toString() === doc.uri.toString() && e.reason === 'edit', 'the check after typing');
      assert.ok(await editor.edit((b) => b.insert(editor.selection.active, '\nThe Sinai plane crash in October 2015 killed all 500 passengers on board.')));
      await typed;
      const line = lineOf(doc, '500 passengers');
      assert.ok(editor.selection.active.line === line, 'the cursor is in the new sentence');
      const f = api.findings(doc)?.find((x) => x.text.includes('500 passengers'));
      assert.strictEqual(f?.verdict, 'conflict', 'the sentence was checked');
      assert.deepStrictEqual(diagsOnLine(doc, '500 passengers'), [], 'but not underlined yet');
      assert.ok(diagsOnLine(doc, '324 passengers').length > 0, 'other underlines stay');
      const shown = waitFor(api.onDidCheck, (e) => e.uri.toString() === doc.uri.toString(), 'the held underline');
      editor.selection = new vscode.Selection(0, 0, 0, 0);
      await shown;
      assert.ok(diagsOnLine(doc, '500 passengers').some((d) => codeOf(d).startsWith('claim.conflict')));
      await restore(doc);
    });

    it('the status bar shows the draft counts', () => {
      assert.match(api.statusText(), /\$\(warning\) \d+/);
    });
  });

  describe('citation completions', () => {
    afterEach(async () => {
      for (const d of vscode.workspace.textDocuments) if (d.uri.path.includes('/drafts/')) await restore(d);
    });

    it('Markdown [@: one item per source, the supporting source first, inserting the key', async () => {
      const doc = (await openDraft('drafts/draft.md')).document;
      const line = lineOf(doc, '22 minute video');
      const end = doc.lineAt(line).range.end;
      await edit(doc, (e) => e.insert(doc.uri, end.translate(0, -1), ' [@'));
      const pos = new vscode.Position(line, doc.lineAt(line).text.indexOf('[@') + 2);
      const items = await completions(doc, pos, '@', 3);
      assert.strictEqual(items.length, api.sources().length);
      assert.strictEqual(labelOf(items[0]), keyOf('seeds/002_900ac096a6ff7b86.txt'), items.map(labelOf).join(', '));
      assert.strictEqual(items[0].insertText, labelOf(items[0]));
      const doc0 = items[0].documentation;
      assert.ok(doc0 && typeof doc0 !== 'string' && doc0.value.length > 20, 'documentation resolved');
    });

    it('Markdown: a typed prefix filters fuzzily on key, title and more; e-mail addresses do not trigger', async () => {
      const doc = (await openDraft('drafts/draft.md')).document;
      const target = api.sources().find((s) => s.path.startsWith('seeds/003'))!;
      const prefix = target.key.slice(0, 4);
      const line = lineOf(doc, 'routed Fatah');
      const end = doc.lineAt(line).range.end;
      await edit(doc, (e) => e.insert(doc.uri, end, ` [@${prefix}`));
      const items = await completions(doc, doc.lineAt(line).range.end);
      assert.ok(items.length >= 1 && items.length <= api.sources().length);
      assert.ok(labelOf(items[0]).startsWith(prefix), items.map(labelOf).join(', '));
      await restore(doc);
      await edit(doc, (e) => e.insert(doc.uri, doc.lineAt(line).range.end, ' mail ann@exa'));
      assert.deepStrictEqual(await completions(doc, doc.lineAt(line).range.end, '@'), []);
    });

    it('LaTeX \\cite{ and plain text [@ complete keys', async () => {
      const tex = (await openDraft('drafts/paper.tex')).document;
      const line = lineOf(tex, 'routed Fatah');
      const at = tex.lineAt(line).range.end.translate(0, -1);
      await edit(tex, (e) => e.insert(tex.uri, at, '~\\cite{'));
      const items = await completions(tex, new vscode.Position(line, at.character + 7), '{');
      assert.strictEqual(items.length, api.sources().length);
      const txt = (await openDraft('drafts/notes.txt')).document;
      const l2 = lineOf(txt, 'three wars');
      await edit(txt, (e) => e.insert(txt.uri, txt.lineAt(l2).range.end, ' [@'));
      const items2 = await completions(txt, txt.lineAt(l2).range.end, '@');
      assert.strictEqual(items2.length, api.sources().length);
      assert.strictEqual(labelOf(items2[0]), keyOf('seeds/001_af11d3e077b90d3f.txt'), items2.map(labelOf).join(', '));
    });
  });

  describe('quick fixes', () => {
    let doc: vscode.TextDocument;
    before(async () => {
      doc = (await openDraft('drafts/draft.md')).document;
    });
    afterEach(async () => {
      await restore(doc);
      try {
        await vscode.workspace.fs.delete(fileUri('.groundwork/ignore.json'));
      } catch {
        /* not created */
      }
      await api.whenIdle();
    });

    const actionsAt = (needle: string) => codeActions(doc, lineOf(doc, needle), 2);

    it('replace the conflicting value with the source value', async () => {
      const all = await actionsAt('324 passengers');
      const a = all.find((x) => x.title.startsWith('Replace'));
      assert.ok(a?.edit, `replace action; got ${all.map((x) => x.title).join(' | ')}; findings ${JSON.stringify(api.findings(doc)?.map((f) => [f.range.start.line, f.verdict, f.reasons.map((r) => !!r.claimRange)]))}; line ${lineOf(doc, '324 passengers')}; diags ${gw(doc.uri).length}`);
      assert.ok(await vscode.workspace.applyEdit(a.edit));
      await checked(doc);
      assert.strictEqual(doc.lineAt(lineOf(doc, 'Sinai plane crash')).text, 'The Sinai plane crash in October 2015 killed all 224 passengers on board.');
      assert.deepStrictEqual(diagsOnLine(doc, 'Sinai plane crash').filter((d) => codeOf(d).startsWith('claim.conflict')), []);
    });

    it('cite the supporting source', async () => {
      const a = (await actionsAt('routed Fatah')).find((x) => x.title.startsWith('Cite'));
      assert.ok(a?.edit, 'cite action');
      assert.ok(await vscode.workspace.applyEdit(a.edit));
      await checked(doc);
      assert.match(doc.lineAt(lineOf(doc, 'routed Fatah')).text, /2007 \[@[^\]]+\]\.$/);
    });

    it('a cited source that does not back the sentence: diagnostic and "cite X instead"', async () => {
      const wrong = keyOf('seeds/004_9244c6d5e4a5231e.txt');
      const line = lineOf(doc, 'routed Fatah');
      const at = doc.lineAt(line).range.end.translate(0, -1);
      await edit(doc, (e) => e.insert(doc.uri, at, ` [@${wrong}]`));
      const d = diagsOnLine(doc, 'routed Fatah').find((x) => codeOf(x) === 'citation.not-supported');
      assert.ok(d, JSON.stringify(gw(doc.uri).map((x) => [x.range.start.line, codeOf(x), x.message])));
      assert.ok(d.message.includes(wrong));
      const a = (await actionsAt('routed Fatah')).find((x) => x.title.includes(`instead of ${wrong}`));
      assert.ok(a?.edit, 'replace-citation action');
      assert.ok(await vscode.workspace.applyEdit(a.edit));
      await checked(doc);
      assert.ok(doc.lineAt(line).text.includes(`[@${keyOf('seeds/001_af11d3e077b90d3f.txt')}]`), doc.lineAt(line).text);
      assert.deepStrictEqual(diagsOnLine(doc, 'routed Fatah'), []);
    });

    it('ignore this sentence with an inline directive', async () => {
      const a = (await actionsAt('rented studio')).find((x) => x.title.startsWith('Ignore this sentence here'));
      assert.ok(a?.edit);
      assert.ok(await vscode.workspace.applyEdit(a.edit));
      await checked(doc);
      assert.strictEqual(doc.lineAt(lineOf(doc, 'rented studio') - 1).text, '<!-- groundwork-ignore-next -->');
      assert.deepStrictEqual(diagsOnLine(doc, 'rented studio'), []);
    });

    it('ignore this sentence for the team in .groundwork/ignore.json', async () => {
      const a = (await actionsAt('rented studio')).find((x) => x.title.includes('.groundwork/ignore.json'));
      assert.ok(a?.command, 'team ignore action');
      const rechecked = waitFor(api.onDidCheck, (e) => e.uri.toString() === doc.uri.toString(), 'a re-check after the ignore file changed');
      await vscode.commands.executeCommand(a.command.command, ...(a.command.arguments ?? []));
      const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(fileUri('.groundwork/ignore.json')));
      assert.match(text, /rented studio in Alexandria/);
      await rechecked;
      await api.whenIdle();
      assert.deepStrictEqual(diagsOnLine(doc, 'rented studio'), []);
      assert.strictEqual(doc.getText().includes('groundwork-ignore'), true, 'the draft itself is unchanged apart from its own directive');
    });

    it('LaTeX: take the source value, or ignore with a % directive line', async () => {
      const tex = (await openDraft('drafts/paper.tex')).document;
      const line = lineOf(tex, '400 passengers');
      const actions = await codeActions(tex, line, 3);
      const replace = actions.find((x) => x.title.startsWith('Replace'));
      assert.ok(replace?.edit && /224/.test(replace.title), actions.map((a) => a.title).join(' | '));
      const ignore = actions.find((x) => x.title.startsWith('Ignore this sentence here'));
      assert.ok(ignore?.edit);
      assert.ok(await vscode.workspace.applyEdit(ignore.edit));
      await checked(tex);
      assert.strictEqual(tex.lineAt(lineOf(tex, '400 passengers') - 1).text, '% groundwork-ignore-next');
      assert.deepStrictEqual(diagsOnLine(tex, '400 passengers'), []);
      await restore(tex);
      await vscode.window.showTextDocument(doc, { preview: false });
    });

    it('open the evidence at the passage', async () => {
      const a = (await actionsAt('324 passengers')).find((x) => x.title.startsWith('Open the evidence'));
      assert.ok(a?.command);
      const editor = await vscode.commands.executeCommand<vscode.TextEditor>(a.command.command, ...(a.command.arguments ?? []));
      assert.match(editor.document.uri.path, /\/seeds\//);
      assert.match(editor.document.getText(editor.selection), /224/);
      await vscode.window.showTextDocument(doc, { preview: false });
    });
  });

  describe('live corpus and settings', () => {
    let doc: vscode.TextDocument;
    const ferry = 'sources/ferry.txt';
    before(async () => {
      doc = (await openDraft('drafts/draft.md')).document;
    });
    after(async () => {
      await vscode.workspace.getConfiguration('groundwork').update('severity.unsupported', undefined, vscode.ConfigurationTarget.Workspace);
      await vscode.workspace.getConfiguration('groundwork').update('check.frequency', undefined, vscode.ConfigurationTarget.Workspace);
      await api.whenIdle();
    });

    async function writeSource(rel: string, text: string | Uint8Array): Promise<void> {
      const ev = waitFor(api.onDidIndex, (e) => e.changed.includes(rel), `re-index of ${rel}`);
      await vscode.workspace.fs.writeFile(fileUri(rel), typeof text === 'string' ? enc(text) : text);
      const e = await ev;
      assert.deepStrictEqual(e.changed, [rel], 'only the changed file is re-indexed');
      await api.whenIdle();
    }

    it('a new, changed and deleted source changes the underlines', async () => {
      assert.match(codeOf(diagsOnLine(doc, 'harbour ferry')[0]), /^claim\.unsupported/);
      await writeSource(ferry, 'Harbour ferry record\n\nThe harbour ferry carried 224 passengers on its first crossing in May 2019.\n');
      assert.ok(api.sources().some((s) => s.path === ferry));
      assert.match(codeOf(diagsOnLine(doc, 'harbour ferry')[0]), /^claim\.conflict/);
      await writeSource(ferry, 'Harbour ferry record\n\nThe harbour ferry carried 180 passengers on its first crossing in May 2019.\n');
      assert.deepStrictEqual(diagsOnLine(doc, 'harbour ferry'), []);
      const removed = waitFor(api.onDidIndex, (e) => e.removed.includes(ferry), 'the removal');
      await vscode.workspace.fs.delete(fileUri(ferry));
      await removed;
      await api.whenIdle();
      assert.ok(!api.sources().some((s) => s.path === ferry));
      assert.match(codeOf(diagsOnLine(doc, 'harbour ferry')[0]), /^claim\.unsupported/);
    });

    it('a sentence the closest passage does not back says why, in the underline and the hover, and names the rule', async () => {
      const rel = 'sources/square.txt';
      await writeSource(rel, 'Square report\n\nOn Tuesday evening the army fired tear gas at protesters gathered outside the parliament building in Northbury.\n');
      const draftUri = fileUri('notes/square.md');
      await vscode.workspace.fs.writeFile(draftUri, enc('# Square\n\nThe police fired tear gas at protesters gathered outside the parliament building in Northbury.\n'));
      try {
        const square = (await openDraft('notes/square.md')).document;
        const [d] = diagsOnLine(square, 'tear gas');
        assert.ok(d, JSON.stringify(gw(square.uri).map((x) => x.message)));
        assert.match(codeOf(d), /^claim\.unsupported/);
        assert.match(d.message, /"army" where the sentence has "police"/);
        const line = lineOf(square, 'tear gas');
        const text = hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', square.uri, new vscode.Position(line, 5)));
        assert.match(text, /closest passage does not back it/);
        assert.match(text, /Rules:.*`blocks\.substituted-word`/);
        await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
      } finally {
        await vscode.workspace.fs.delete(draftUri);
        const removed = waitFor(api.onDidIndex, (e) => e.removed.includes(rel), 'the removal');
        await vscode.workspace.fs.delete(fileUri(rel));
        await removed;
        await api.whenIdle();
      }
    });

    it('a new folder written with its sources at once is indexed whole, and dropped whole when deleted', async () => {
      // The folder and its files appear together: the watcher may report only the folder.
      const files = ['a.txt', 'b.txt', 'c.txt'];
      const rels = files.map((f) => `sources/notes/${f}`);
      const indexed = waitFor(api.onDidIndex, () => rels.every((r) => api.sources().some((s) => s.path === r)), 'every file of the new folder indexed');
      await Promise.all(
        files.map((f) => vscode.workspace.fs.writeFile(fileUri(`sources/notes/${f}`), enc(`Harbour note ${f}\n\nThe harbour office counted ${f.charCodeAt(0)} ferry crossings in March.\n`))),
      );
      await indexed;
      await api.whenIdle();
      const removed = waitFor(api.onDidIndex, () => !api.sources().some((s) => s.path.startsWith('sources/notes/')), 'the folder dropped');
      await vscode.workspace.fs.delete(fileUri('sources/notes'), { recursive: true, useTrash: false });
      await removed;
      await api.whenIdle();
    });

    it('a binary source gets a warning diagnostic and is not indexed', async () => {
      const rel = 'sources/scan.txt';
      const bytes = new Uint8Array(512);
      for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 7) % 3 === 0 ? 0 : (i * 31) & 0xff;
      await writeSource(rel, bytes);
      const ds = gw(fileUri(rel));
      assert.strictEqual(ds.length, 1);
      assert.strictEqual(ds[0].severity, vscode.DiagnosticSeverity.Warning);
      assert.match(codeOf(ds[0]), /^source\./);
      assert.ok(!api.sources().some((s) => s.path === rel));
      const removed = waitFor(api.onDidIndex, (e) => e.removed.includes(rel), 'the removal');
      await vscode.workspace.fs.delete(fileUri(rel));
      await removed;
      assert.deepStrictEqual(gw(fileUri(rel)), []);
    });

    it('severity "off" hides a kind without a reload', async () => {
      const checkedAgain = waitFor(api.onDidCheck, (e) => e.uri.toString() === doc.uri.toString(), 'diagnostics after the settings change');
      await vscode.workspace.getConfiguration('groundwork').update('severity.unsupported', 'off', vscode.ConfigurationTarget.Workspace);
      await checkedAgain;
      await api.whenIdle();
      assert.ok(!gw(doc.uri).some((d) => codeOf(d).startsWith('claim.unsupported')));
      assert.ok(gw(doc.uri).some((d) => codeOf(d).startsWith('claim.conflict')));
      await vscode.workspace.getConfiguration('groundwork').update('severity.unsupported', undefined, vscode.ConfigurationTarget.Workspace);
      await api.whenIdle();
      assert.ok(gw(doc.uri).some((d) => codeOf(d).startsWith('claim.unsupported')));
    });

    it('frequency "manual": edits are not checked until Check Document runs', async () => {
      await vscode.workspace.getConfiguration('groundwork').update('check.frequency', 'manual', vscode.ConfigurationTarget.Workspace);
      await api.whenIdle();
      await appendToLine(doc, 'rented studio', ' It also killed 990 passengers in the Sinai plane crash in October 2015.');
      await api.whenIdle();
      assert.strictEqual(api.findings(doc), undefined, 'no check ran');
      const findings = await vscode.commands.executeCommand<unknown[]>('groundwork.checkDocument', doc.uri);
      assert.ok(Array.isArray(findings) && findings.length > 0);
      assert.ok(diagsOnLine(doc, 'rented studio').some((d) => /990/.test(d.message)), 'the new sentence is checked by the command');
      await vscode.workspace.getConfiguration('groundwork').update('check.frequency', undefined, vscode.ConfigurationTarget.Workspace);
      await restore(doc);
    });

    it('frequency "save": edits are checked when the draft is saved', async () => {
      await vscode.workspace.getConfiguration('groundwork').update('check.frequency', 'save', vscode.ConfigurationTarget.Workspace);
      await api.whenIdle();
      await appendToLine(doc, 'rented studio', ' It also killed 990 passengers in the Sinai plane crash in October 2015.');
      await api.whenIdle();
      assert.strictEqual(api.findings(doc), undefined, 'no check while editing');
      const saved = waitFor(api.onDidCheck, (e) => e.uri.toString() === doc.uri.toString() && e.reason === 'save', 'the check on save');
      assert.ok(await doc.save());
      await saved;
      assert.ok(diagsOnLine(doc, 'rented studio').some((d) => /990/.test(d.message)));
      await vscode.workspace.getConfiguration('groundwork').update('check.frequency', undefined, vscode.ConfigurationTarget.Workspace);
      await restore(doc);
    });
  });

  describe('commands', () => {
    it('reindexCorpus, checkWorkspace, showEvidence and insertCitation', async () => {
      const n = await vscode.commands.executeCommand<number>('groundwork.reindexCorpus');
      assert.strictEqual(n, api.sources().length);
      const r = await vscode.commands.executeCommand<{ files: number; findings: number }>('groundwork.checkWorkspace');
      assert.ok(r.files >= 3, `checked ${r.files} drafts`);
      assert.ok(gw(fileUri('drafts/paper.tex')).some((d) => codeOf(d).startsWith('claim.conflict')), 'LaTeX draft checked');

      const editor = await openDraft('drafts/draft.md');
      const doc = editor.document;
      const line = lineOf(doc, '324 passengers');
      editor.selection = new vscode.Selection(line, 5, line, 5);
      const items = await vscode.commands.executeCommand<Array<{ description?: string }>>('groundwork.showEvidence');
      assert.ok(items.length > 0, 'evidence items');
      await vscode.commands.executeCommand('workbench.action.closeQuickOpen');

      const key = api.sources()[0].key;
      const end = doc.lineAt(line).range.end;
      editor.selection = new vscode.Selection(end, end);
      const inserted = await vscode.commands.executeCommand<string>('groundwork.insertCitation', key);
      assert.strictEqual(inserted, `[@${key}]`);
      assert.ok(doc.lineAt(line).text.endsWith(`[@${key}]`));
      await checked(doc);
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, new vscode.Position(line, doc.lineAt(line).text.length - 3));
      const text = hoverText(hovers);
      assert.ok(text.includes(key), 'citation hover names the key');
      assert.ok(text.includes(api.sources()[0].title.slice(0, 20).replace(/[*_\[\]`]/g, '')) || text.includes('passages'), 'and the source metadata');
      await restore(doc);
    });
  });
});
