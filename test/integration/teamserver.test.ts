// A workspace whose corpus is served by PostgreSQL (groundwork.corpus.server): runs in the
// runner's 'team-server' window (test/integration/runner/run.mjs prepareTeamServer: a local
// cluster from scripts/pg-dev.sh, a fresh database holding archive/ferry-report.txt, a source
// the workspace does not have). The extension host has no password for it (no PGPASSWORD, no
// ~/.pgpass): the first test sees the refusal, the second sets it through secret storage.
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as vscode from 'vscode';
import { codeOf, enc, gw, waitFor } from './helpers';
import type { GroundworkApi } from '../../src/vscode/extension';

const DRAFT = '# Ferry\n\nThe Riverbend ferry carried 250 passengers on its last crossing of the season, on 3 May 2021.\n';

describe('team server: checking against a corpus on PostgreSQL', function () {
  this.timeout(240_000);
  let api: GroundworkApi;
  let root: vscode.Uri;
  const password = process.env.GROUNDWORK_TEST_PG_PASSWORD ?? '';
  const pg = (cmd: 'start' | 'stop') => {
    const r = spawnSync('bash', [process.env.GROUNDWORK_TEST_PG_SCRIPT!, cmd], { encoding: 'utf8', timeout: 120_000 });
    assert.strictEqual(r.status, 0, `pg-dev.sh ${cmd}: ${r.stderr}`);
  };
  const conflictOnLine2 = async (doc: vscode.TextDocument) => {
    await api.whenIdle();
    if (!api.findings(doc)) await vscode.commands.executeCommand('groundwork.checkDocument', doc.uri);
    return gw(doc.uri).find((d) => d.range.start.line === 2 && codeOf(d).startsWith('claim.conflict'));
  };

  before(async function () {
    if (process.env.GROUNDWORK_TEST_LAUNCH !== 'team-server') this.skip();
    root = vscode.workspace.workspaceFolders![0].uri;
    api = await vscode.extensions.getExtension<GroundworkApi>('groundwork.groundwork')!.activate();
    await api.whenIdle();
  });

  it('without a password the server refuses: the status bar and the server state say so, and the local index is used', async () => {
    const s = api.server();
    assert.ok(s, 'a server is configured');
    assert.strictEqual(s.state, 'down');
    assert.match(s.message ?? '', /password|authentication/i);
    assert.ok(!s.where.includes(password) && !(s.message ?? '').includes(password), 'no password in what is shown');
    assert.match(api.statusText(), /\(local\)/);
    const paths = api.sources().map((x) => x.path);
    assert.ok(paths.some((p) => p.startsWith('seeds/')), 'the local index of the workspace');
    assert.ok(!paths.includes('archive/ferry-report.txt'));
  });

  it('with the password in secret storage it checks a draft against the server corpus', async () => {
    assert.ok(password, 'GROUNDWORK_TEST_PG_PASSWORD');
    await vscode.commands.executeCommand('groundwork.setServerPassword', password);
    await api.whenIdle();
    assert.strictEqual(api.server()?.state, 'connected', api.server()?.message);
    assert.match(api.statusText(), /\$\(database\)/);
    assert.deepStrictEqual(api.sources().map((x) => x.path), ['archive/ferry-report.txt']);
    const uri = vscode.Uri.joinPath(root, 'drafts', 'ferry.md');
    await vscode.workspace.fs.writeFile(uri, enc(DRAFT));
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc);
    const conflict = await conflictOnLine2(doc);
    assert.ok(conflict, JSON.stringify(gw(doc.uri).map((d) => [d.range.start.line, codeOf(d), d.message])));
    assert.match(conflict.message, /212/);
    const related = conflict.relatedInformation?.[0];
    assert.ok(related && related.location.uri.path.endsWith('archive/ferry-report.txt'), 'evidence names the server source');
  });

  it('the ingest command adds the workspace corpus; a second ingest changes nothing', async () => {
    const [first] = (await vscode.commands.executeCommand('groundwork.ingestCorpus', { confirmed: true })) as Array<{ added: number; updated: number; removed: number; unchanged: number; skipped: number }>;
    assert.ok(first, 'one folder ingested');
    const seeds = (await vscode.workspace.findFiles(new vscode.RelativePattern(root, 'seeds/**'))).length;
    assert.ok(first.added >= seeds, JSON.stringify(first));
    assert.strictEqual(first.removed, 0, 'archive/ is outside the folder\'s corpus settings: kept');
    await api.whenIdle();
    const paths = api.sources().map((x) => x.path);
    assert.ok(paths.includes('archive/ferry-report.txt'));
    assert.strictEqual(paths.filter((p) => p.startsWith('seeds/')).length, seeds);
    const [again] = (await vscode.commands.executeCommand('groundwork.ingestCorpus', { confirmed: true })) as Array<{ added: number; updated: number; removed: number; unchanged: number; skipped: number }>;
    assert.deepStrictEqual([again.added, again.updated, again.removed], [0, 0, 0]);
    // Unchanged bytes cost nothing, a skipped (empty) file included.
    assert.strictEqual(again.unchanged + again.skipped, first.added + first.skipped);
  });

  it('when the server stops, checks fall back to the local index; reconnecting brings the server back', async () => {
    const uri = vscode.Uri.joinPath(root, 'drafts', 'ferry.md');
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc);
    pg('stop');
    try {
      const local = waitFor(api.onDidIndex, (e) => e.documents > 0 && api.server()?.state === 'down', 'the local index after the server stopped', 120_000);
      const edit = new vscode.WorkspaceEdit();
      edit.insert(uri, new vscode.Position(doc.lineCount, 0), '\nThe ferry service resumed in the spring.\n');
      await vscode.workspace.applyEdit(edit);
      await vscode.commands.executeCommand('groundwork.checkDocument', uri);
      await local;
      await api.whenIdle();
      assert.strictEqual(api.server()?.state, 'down');
      assert.match(api.statusText(), /\(local\)/);
      assert.ok(!api.sources().some((x) => x.path === 'archive/ferry-report.txt'), 'local sources only');
      await vscode.commands.executeCommand('groundwork.checkDocument', uri);
      assert.ok(!(await conflictOnLine2(doc)), 'no server source, no conflict');
    } finally {
      pg('start');
    }
    await vscode.commands.executeCommand('groundwork.reconnectServer');
    await api.whenIdle();
    assert.strictEqual(api.server()?.state, 'connected', api.server()?.message);
    await vscode.commands.executeCommand('groundwork.checkDocument', uri);
    assert.ok(await conflictOnLine2(doc), 'the server source again');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});
