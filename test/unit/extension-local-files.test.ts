/**
 * Issue 8 in the extension: a local corpus file is read only when it is a regular file
 * inside the workspace folder, with a byte bound (src/vscode/localFiles.ts, used by
 * src/vscode/corpus.ts for every local source).
 */
import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { checkLocalFile, foldersOf, isInsideDir, newFolderOf, readBounded } from '../../src/vscode/localFiles';

describe('extension: local corpus files (issue 8)', () => {
  let tmp: string;
  let ws: string;
  before(() => {
    tmp = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'gw-local-')));
    ws = path.join(tmp, 'ws');
    fs.mkdirSync(path.join(ws, 'seeds'), { recursive: true });
    fs.writeFileSync(path.join(ws, 'seeds', 'a.txt'), 'The ferry carried 224 passengers.');
    fs.writeFileSync(path.join(tmp, 'secret.txt'), 'Outside the workspace.');
    fs.symlinkSync(path.join(tmp, 'secret.txt'), path.join(ws, 'seeds', 'out.txt'));
    fs.symlinkSync(path.join(ws, 'seeds', 'a.txt'), path.join(ws, 'seeds', 'in.txt'));
    fs.symlinkSync(path.join(ws, 'missing.txt'), path.join(ws, 'seeds', 'dangling.txt'));
    fs.symlinkSync('/dev/zero', path.join(ws, 'seeds', 'zero.txt'));
    execFileSync('mkfifo', [path.join(ws, 'seeds', 'pipe.txt')]);
  });
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('reads a regular file and a link to one inside the workspace', async () => {
    for (const f of ['a.txt', 'in.txt']) {
      const r = await checkLocalFile(path.join(ws, 'seeds', f), ws);
      assert.ok('stat' in r, JSON.stringify(r));
    }
    const bytes = await readBounded(path.join(ws, 'seeds', 'a.txt'), 1000);
    assert.equal(Buffer.from(bytes!).toString(), 'The ferry carried 224 passengers.');
    assert.equal(await readBounded(path.join(ws, 'seeds', 'a.txt'), 10), undefined);
  });

  it('refuses a link to outside, a dangling link, a FIFO and a device, without opening them', async () => {
    const problem = async (f: string) => {
      const r = await checkLocalFile(path.join(ws, 'seeds', f), ws);
      return 'problem' in r ? r.problem : '';
    };
    assert.match(await problem('out.txt'), /outside the workspace/);
    assert.match(await problem('dangling.txt'), /dangling/);
    assert.match(await problem('pipe.txt'), /FIFO/);
    assert.match(await problem('zero.txt'), /outside the workspace|device/);
    assert.equal(isInsideDir(ws, path.join(ws, 'seeds')), true);
    assert.equal(isInsideDir(ws, path.join(tmp, 'wsx')), false);
  });

  // The watcher may report a file of a new folder without the folder and the files written
  // into it before (corpus.ts walks the folder newFolderOf names).
  it('names the new folder a reported file is in, the outermost one the index knows nothing in', () => {
    const known = foldersOf(['seeds/a.txt', 'sources/b.txt', 'sources/old/deep/c.pdf']);
    assert.deepEqual([...known].sort(), ['seeds', 'sources', 'sources/old', 'sources/old/deep']);
    assert.equal(newFolderOf('sources/binary/videos.docx', known), 'sources/binary');
    assert.equal(newFolderOf('sources/new/a/b/c.txt', known), 'sources/new');
    assert.equal(newFolderOf('archive/x/y.txt', known), 'archive');
    assert.equal(newFolderOf('sources/old/d.txt', known), undefined);
    assert.equal(newFolderOf('sources/old/deep/e.txt', known), undefined);
    assert.equal(newFolderOf('top.txt', known), undefined);
    assert.deepEqual([...foldersOf([])], []);
  });
});
