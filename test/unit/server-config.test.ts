/**
 * Where the CLI takes the corpus server from (--server, the workspace setting, the
 * environment), and that a password never comes from a settings file or shows in a message.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { serverUrl } from '../../src/cli/server';
import { urlHasPassword } from '../../src/core/config';
import { UsageError } from '../../src/cli/inputs';
import { mask, redactUrl, toServerError } from '../../src/server/errors';

describe('corpus server configuration', () => {
  let root: string;
  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'gw-server-config-'));
  });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));
  const settings = (obj: unknown): void => {
    fs.mkdirSync(path.join(root, '.vscode'), { recursive: true });
    fs.writeFileSync(path.join(root, '.vscode', 'settings.json'), typeof obj === 'string' ? obj : JSON.stringify(obj));
  };

  it('takes --server, else the setting, else GROUNDWORK_DATABASE_URL, else none', () => {
    const env = { GROUNDWORK_DATABASE_URL: 'postgres://env@h/db' };
    assert.equal(serverUrl(undefined, root, {}), undefined);
    assert.equal(serverUrl(undefined, root, env)?.url, 'postgres://env@h/db');
    settings('{ // comments as VS Code allows\n "groundwork.corpus.server": "postgres://setting@h/db", }');
    assert.equal(serverUrl(undefined, root, env)?.url, 'postgres://setting@h/db');
    assert.equal(serverUrl('postgres://flag@h/db', root, env)?.url, 'postgres://flag@h/db');
    settings({ groundwork: { corpus: { server: 'postgres://nested@h/db' } } });
    assert.equal(serverUrl(undefined, root, {})?.url, 'postgres://nested@h/db');
  });

  it('refuses a password in the settings file and names the setting, not the password', () => {
    settings({ 'groundwork.corpus.server': 'postgres://u:S3cretPw@h:5432/db' });
    assert.throws(
      () => serverUrl(undefined, root, {}),
      (e: unknown) => e instanceof UsageError && /contains a password/.test(e.message) && !e.message.includes('S3cretPw'),
    );
    settings({ 'groundwork.corpus.server': 'postgres://u@h:5432/db?password=S3cretPw' });
    assert.throws(() => serverUrl(undefined, root, {}), UsageError);
    // A URL on the command line or in the environment may carry one (it is in no file).
    assert.equal(serverUrl('postgres://u:pw@h/db', root, {})?.url, 'postgres://u:pw@h/db');
  });

  it('detects and removes passwords in URLs and messages', () => {
    assert.equal(urlHasPassword('postgres://u:p@h/db'), true);
    assert.equal(urlHasPassword('postgres://u@h/db?sslmode=require'), false);
    assert.equal(redactUrl('postgres://u:p%40ss@h:1/db?sslmode=require'), 'postgres://u@h:1/db?sslmode=require');
    assert.equal(mask('failed for postgres://u:abc@h/db with abc', ['abc']), 'failed for postgres://u:***@h/db with ***');
    const e = toServerError({ code: '28P01', message: 'password authentication failed for user "u" (pw hunter2)' }, 'postgres://u@h/db', ['hunter2']);
    assert.equal(e.code, 'auth');
    assert.ok(!e.message.includes('hunter2'));
    assert.equal(toServerError({ code: '57014', message: 'canceling statement due to statement timeout' }, 'x', []).code, 'timeout');
    assert.equal(toServerError({ code: 'ECONNREFUSED', message: 'connect ECONNREFUSED' }, 'x', []).code, 'unreachable');
    assert.equal(toServerError({ code: '42501', message: 'permission denied for table sources' }, 'x', []).code, 'permission');
  });
});
