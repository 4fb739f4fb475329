// PDF and Word sources and the team's bibliography inside a real VS Code: a PDF (printed by
// headless Chromium), a .docx (pandoc) and a references.bib are added to the workspace; the
// draft gets completions with the bibliography's keys (an entry without a source marked
// "no text to check"), an underline whose evidence says the page, and "open at passage"
// shows the PDF's extracted text at the passage, with its page and the original one click away.
import * as assert from 'assert';
import * as path from 'path';
import * as vscode from 'vscode';
import { EXTENSION_ID, codeOf, gw, enc, waitFor } from './helpers';
import type { GroundworkApi } from '../../src/vscode/extension';

const BIB = `@article{ward2018isis,
  author = {Ward, Alex},
  title = {Gaza's next war},
  date = {2018-01-04},
  file = {:sources/binary/isis-report.pdf:PDF}
}

@online{dunn2018videos,
  author = {Dunn, Jonathan},
  title = {Jihadist videos},
  year = {2018},
  file = {:sources/binary/videos.docx:Word}
}

@report{un2017report,
  title = {Humanitarian situation in the Sinai},
  year = {2017}
}

@book{broken2019,
  title = {A title with no closing brace,
}
`;

const CONFLICT = 'It is responsible for the Sinai plane crash in October 2015 that killed all 324 passengers on board [@ward2018isis].';
const TEXTLESS = 'The harbour authority of Rotterdam approved a budget of 40 million euros for new ferry berths [@un2017report].';

describe('PDF, Word and bibliography sources', function () {
  this.timeout(120_000);
  let api: GroundworkApi;
  const root = () => vscode.workspace.workspaceFolders![0].uri;
  const at = (rel: string) => vscode.Uri.joinPath(root(), ...rel.split('/'));
  const created = ['sources/binary/isis-report.pdf', 'sources/binary/videos.docx', 'references.bib', 'drafts/pdf-notes.md'];

  before(async () => {
    const ext = vscode.extensions.getExtension<GroundworkApi>(EXTENSION_ID)!;
    api = await ext.activate();
    await api.whenIdle();
    const fixtures = path.join(ext.extensionPath, 'test', 'fixtures', 'binary');
    const read = (p: string) => vscode.workspace.fs.readFile(vscode.Uri.file(path.join(fixtures, p)));
    const indexed = waitFor(api.onDidIndex, (e) => e.changed.includes('sources/binary/isis-report.pdf') || api.sources().some((s) => s.path === 'sources/binary/isis-report.pdf'), 'the PDF indexed', 60_000);
    await vscode.workspace.fs.writeFile(at('sources/binary/isis-report.pdf'), await read('pdf/001_af11d3e077b90d3f.pdf'));
    await vscode.workspace.fs.writeFile(at('sources/binary/videos.docx'), await read('docx/003_286a818cced03236.docx'));
    await indexed;
    await api.whenIdle();
    const linked = waitFor(api.onDidIndex, () => api.sources().some((s) => s.key === 'ward2018isis'), 'the bibliography linked', 60_000);
    await vscode.workspace.fs.writeFile(at('references.bib'), enc(BIB));
    await linked;
    await api.whenIdle();
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    for (const rel of created) await vscode.workspace.fs.delete(at(rel), { useTrash: false }).then(undefined, () => undefined);
    await vscode.workspace.fs.delete(at('sources/binary'), { recursive: true, useTrash: false }).then(undefined, () => undefined);
    await api.whenIdle();
  });

  it('indexes the PDF (pages) and the .docx in the worker, under the bibliography keys', () => {
    assert.strictEqual(api.engineMode(), 'worker');
    const pdf = api.sources().find((s) => s.path === 'sources/binary/isis-report.pdf');
    const docx = api.sources().find((s) => s.path === 'sources/binary/videos.docx');
    assert.ok(pdf && docx, api.sources().map((s) => s.path).join(', '));
    assert.strictEqual(pdf.key, 'ward2018isis');
    assert.strictEqual(pdf.kind, 'pdf');
    assert.strictEqual(pdf.pages, 3);
    assert.strictEqual(pdf.title, "Gaza's next war");
    assert.strictEqual(pdf.date, '2018-01-04');
    assert.ok(pdf.passages > 20);
    assert.strictEqual(docx.key, 'dunn2018videos');
    assert.strictEqual(docx.kind, 'docx');
  });

  it('reports a bibliography entry with a syntax error on its line of the .bib file; the other entries load', () => {
    const d = gw(at('references.bib'));
    assert.strictEqual(d.length, 1, JSON.stringify(d.map((x) => x.message)));
    assert.strictEqual(d[0].range.start.line, 19); // 0-based: line 20 of the file
    assert.match(d[0].message, /the entry "broken2019" was left out, it has a syntax error/);
  });

  it('completes the bibliography keys; an entry without a source is marked "no text to check"', async () => {
    const draft = at('drafts/pdf-notes.md');
    await vscode.workspace.fs.writeFile(draft, enc(`# Notes\n\nThe members of the Sinai Province number in the thousands [@\n`));
    const doc = await vscode.workspace.openTextDocument(draft);
    await vscode.window.showTextDocument(doc);
    await api.whenIdle();
    const pos = new vscode.Position(2, doc.lineAt(2).text.length);
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, pos, '@');
    const label = (i: vscode.CompletionItem) => (typeof i.label === 'string' ? i.label : i.label.label);
    const byKey = new Map(list.items.map((i) => [label(i), i]));
    for (const k of ['ward2018isis', 'dunn2018videos', 'un2017report']) assert.ok(byKey.has(k), `${k} offered: ${[...byKey.keys()].join(', ')}`);
    assert.match(String(byKey.get('un2017report')!.detail), /no text to check/);
    assert.doesNotMatch(String(byKey.get('ward2018isis')!.detail ?? ''), /no text to check/);
  });

  it('underlines a sentence the cited PDF contradicts; the evidence says the page; a sentence citing an entry without text is not underlined', async () => {
    const draft = at('drafts/pdf-notes.md');
    const doc = await vscode.workspace.openTextDocument(draft);
    await vscode.window.showTextDocument(doc);
    const checked = waitFor(api.onDidCheck, (e) => e.uri.toString() === doc.uri.toString(), 'a check of the draft');
    const we = new vscode.WorkspaceEdit();
    we.replace(doc.uri, new vscode.Range(0, 0, doc.lineCount, 0), `# Notes\n\n${CONFLICT}\n\n${TEXTLESS}\n`);
    assert.ok(await vscode.workspace.applyEdit(we));
    await vscode.commands.executeCommand('groundwork.checkDocument', doc.uri);
    await checked;
    await api.whenIdle();
    const diags = gw(doc.uri);
    const d = diags.find((x) => x.range.start.line === 2);
    assert.ok(d, JSON.stringify(diags.map((x) => [x.range.start.line, codeOf(x), x.message])));
    assert.match(codeOf(d), /^(citation\.not-supported|claim\.conflict\.number)$/);
    assert.match(d.message, /224/);
    assert.ok(!diags.some((x) => x.range.start.line === 4), 'the sentence citing an entry with no text is not underlined');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, new vscode.Position(2, 5));
    const text = hovers.flatMap((h) => h.contents).map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : '')).join('\n');
    const f = api.findings(doc)!.find((x) => x.range.start.line === 2)!;
    const ev = f.evidence.find((e) => e.source === 'sources/binary/isis-report.pdf');
    assert.ok(ev && ev.page !== undefined, JSON.stringify(f.evidence));
    assert.ok(text.includes(`p. ${ev.page}`), text);
    assert.ok(text.includes('ward2018isis'), text);
  });

  it('opens the PDF at the passage: the extracted text, scrolled to and highlighting it, with its page and the original one click away', async () => {
    const doc = await vscode.workspace.openTextDocument(at('drafts/pdf-notes.md'));
    const f = api.findings(doc)!.find((x) => x.range.start.line === 2)!;
    const ev = f.evidence.find((e) => e.source === 'sources/binary/isis-report.pdf')!;
    const editor = await vscode.commands.executeCommand<vscode.TextEditor>('groundwork.openEvidence', at(ev.source).toString(), ev.range);
    assert.ok(editor, 'an editor opened');
    assert.strictEqual(editor.document.uri.scheme, 'groundwork-source');
    assert.strictEqual(vscode.window.activeTextEditor?.document.uri.toString(), editor.document.uri.toString());
    const r = new vscode.Range(ev.range.start.line, ev.range.start.character, ev.range.end.line, ev.range.end.character);
    assert.strictEqual(editor.document.getText(r).replace(/\s+/g, ' '), ev.text);
    assert.match(ev.text, /224 passengers/);
    assert.strictEqual(editor.selection.active.line, r.start.line);
    assert.ok(editor.visibleRanges.some((v) => v.contains(r.start)), 'the passage is scrolled into view');
    const opened = api.lastOpenedPassage()!;
    assert.strictEqual(opened.page, ev.page);
    assert.strictEqual(opened.original.toString(), at('sources/binary/isis-report.pdf').toString());
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', editor.document.uri);
    const titles = lenses.map((l) => l.command?.title ?? '');
    assert.ok(titles.includes('Open the original'), titles.join(' | '));
    assert.ok(titles.includes(`p. ${ev.page} of the original`), titles.join(' | '));
    assert.ok(titles.some((t) => /PDF, 3 pages/.test(t)), titles.join(' | '));
    const original = lenses.find((l) => l.command?.title === 'Open the original')!.command!;
    assert.strictEqual(original.command, 'groundwork.openOriginal');
    assert.strictEqual(String(original.arguments![0]), at('sources/binary/isis-report.pdf').toString());
  });
});
