// Smoke test: the extension under development is loaded in the real VS Code host, activates,
// and the workspace the launcher opened (a temp copy of test/fixtures/workspace + seeds/) is open.
import * as assert from 'assert';
import * as fs from 'fs';
import * as vscode from 'vscode';
import { EXTENSION_ID } from './helpers';


describe('smoke', () => {
  it('the Groundwork extension is present and activates', async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `extension ${EXTENSION_ID} is not loaded`);
    await ext.activate();
    assert.strictEqual(ext.isActive, true);
    assert.strictEqual(ext.packageJSON.name, 'groundwork');
  });

  it('the test workspace is open and holds the sample corpus', async () => {
    const folders = vscode.workspace.workspaceFolders ?? [];
    assert.ok(folders.length >= 1, 'no workspace folder is open');
    const expected = process.env.GROUNDWORK_TEST_WORKSPACE;
    if (expected) {
      assert.strictEqual(fs.realpathSync(folders[0].uri.fsPath), fs.realpathSync(expected));
    }
    const seeds = await vscode.workspace.findFiles('seeds/**', undefined, 100);
    assert.ok(seeds.length > 0, 'no files under seeds/ in the test workspace');
  });
});
