// Multi-root workspaces: one corpus (engine) and one set of resource-scoped settings per
// folder; a draft is checked against the corpus of its own folder. Runs when the window
// has two or more folders (a launch with a .code-workspace); skipped in a single-folder window.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { codeOf, gw, enc, waitFor } from './helpers';
import type { GroundworkApi } from '../../src/vscode/extension';



describe('multi-root workspace', function () {
  this.timeout(120_000);
  let api: GroundworkApi;
  let second: vscode.WorkspaceFolder;

  before(async function () {
    const folders = vscode.workspace.workspaceFolders ?? [];
    if (folders.length < 2) this.skip();
    second = folders[1];
    api = await vscode.extensions.getExtension<GroundworkApi>('groundwork.groundwork')!.activate();
    await api.whenIdle();
  });

  it('each folder has its own corpus and settings; drafts are checked against their own folder', async () => {
    const f = (rel: string) => vscode.Uri.joinPath(second.uri, ...rel.split('/'));
    await vscode.workspace.fs.writeFile(f('.vscode/settings.json'), enc(JSON.stringify({ 'groundwork.severity.unsupported': 'off', 'groundwork.check.delayMs': 50 })));
    const indexed = waitFor(api.onDidIndex, (e) => e.folder.toString() === second.uri.toString() && e.changed.includes('sources/budget.txt'), 'the second folder index');
    await vscode.workspace.fs.writeFile(f('sources/budget.txt'), enc('City budget\n\nThe city council approved a budget of 3.5 million euros for the new library in 2021.\n'));
    await indexed;
    await api.whenIdle();
    const draftUri = f('drafts/library.md');
    await vscode.workspace.fs.writeFile(draftUri, enc('# Library\n\nThe city council approved a budget of 4.5 million euros for the new library in 2021.\n\nThe Sinai plane crash in October 2015 killed all 324 passengers on board.\n\nThe mayor opened the library with a brass band from Utrecht.\n'));
    assert.deepStrictEqual(api.sources(draftUri).map((s) => s.path), ['sources/budget.txt']);
    assert.ok(!api.sources(vscode.workspace.workspaceFolders![0].uri).some((s) => s.path === 'sources/budget.txt'), 'the first folder does not see it');
    const doc = await vscode.workspace.openTextDocument(draftUri);
    await vscode.window.showTextDocument(doc);
    await api.whenIdle();
    if (!api.findings(doc)) await vscode.commands.executeCommand('groundwork.checkDocument', doc.uri);
    const ds = gw(doc.uri);
    const conflict = ds.find((d) => codeOf(d).startsWith('claim.conflict') && d.range.start.line === 2);
    assert.ok(conflict, JSON.stringify(ds.map((d) => [d.range.start.line, codeOf(d), d.message])));
    assert.ok(conflict.relatedInformation![0].location.uri.toString().startsWith(second.uri.toString()), 'evidence from the folder\'s own source');
    // The seeds belong to the first folder: no conflict with them here; unsupported is "off" in this folder only.
    assert.ok(!ds.some((d) => d.range.start.line === 4 && codeOf(d).startsWith('claim.conflict')));
    assert.ok(!ds.some((d) => codeOf(d).startsWith('claim.unsupported')), 'folder setting severity.unsupported=off');
    const first = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0].uri, 'drafts', 'draft.md'));
    await vscode.window.showTextDocument(first);
    await api.whenIdle();
    if (!api.findings(first)) await vscode.commands.executeCommand('groundwork.checkDocument', first.uri);
    assert.ok(gw(first.uri).some((d) => codeOf(d).startsWith('claim.unsupported')), 'the first folder still shows unsupported sentences');
  });
});
