/**
 * `groundwork ingest` and `groundwork check --server` end to end: the CLI bundle spawned
 * against the real PostgreSQL of scripts/pg-dev.sh. An ingest killed (SIGKILL) mid-way
 * leaves the previous corpus intact (with --commit-every: every source in its previous or its
 * new state with exact bookkeeping), and the next run completes it; two ingests at once end like one; a server that is down makes check fall
 * back to the local corpus; a password in the settings file is refused.
 */
import { strict as assert } from 'node:assert';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { bundleCli, runCli } from './helpers/cli';
import { integrityProblems } from '../../src/server/index';
import { contentHash } from '../../src/core/index/codec';
import { freshDatabase, sql } from './helpers/pg';

const REPO = path.resolve(__dirname, '../..');
const SEEDS = path.join(REPO, 'seeds');
const CONFLICT = 'The Sinai plane crash in October 2015 killed all 324 passengers on board.';

let cli: string;
let tmp: string;

const run = (cwd: string, args: string[], env: NodeJS.ProcessEnv = {}) => runCli(cli, cwd, args, { timeoutMs: 120_000, env });


let n = 0;
/** A workspace (.git marks the root) with the seeds and a draft holding a conflict. */
function workspace(): string {
  const ws = path.join(tmp, `ws${++n}`);
  fs.mkdirSync(path.join(ws, '.git'), { recursive: true });
  fs.cpSync(SEEDS, path.join(ws, 'seeds'), { recursive: true });
  fs.writeFileSync(path.join(ws, 'draft.md'), `# Draft\n\n${CONFLICT}\n`);
  return ws;
}

/** `count` sources made from the seeds' sentences (each file distinct), under `<ws>/corpus`. */
function bigCorpus(ws: string, count: number, version: string): Map<string, string> {
  const seedText = fs
    .readdirSync(SEEDS)
    .sort()
    .map((f) => fs.readFileSync(path.join(SEEDS, f), 'utf8'));
  const dir = path.join(ws, 'corpus');
  fs.mkdirSync(dir, { recursive: true });
  const hashes = new Map<string, string>();
  for (let i = 0; i < count; i++) {
    const rel = `corpus/doc${String(i).padStart(4, '0')}.txt`;
    const text = `${seedText[i % seedText.length]}\n\nArchive note ${i} (${version}): the record was filed as item ${i * 7 + 3} of the collection.\n`;
    fs.writeFileSync(path.join(ws, rel), text);
    hashes.set(rel, contentHash(new Uint8Array(Buffer.from(text))));
  }
  return hashes;
}

async function digest(url: string): Promise<string> {
  const rows = await sql<{ d: string }>(
    url,
    `SELECT concat_ws('|',
       (SELECT string_agg(path || ':' || bytes_hash || ':' || passage_count, ',' ORDER BY path) FROM sources),
       (SELECT string_agg(term || ':' || df, ',' ORDER BY term) FROM terms WHERE df > 0),
       (SELECT concat_ws(',', documents, passages, total_length) FROM corpus_stats)) AS d`,
  );
  return rows[0].d;
}

describe('groundwork ingest and check --server (CLI, real PostgreSQL)', function () {
  this.timeout(300_000);

  before(async () => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'gw-server-cli-'));
    cli = await bundleCli(path.join(REPO, 'out', 'test-cli', 'cli-server.js'));
  });
  after(() => {
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('ingests, checks through the server like the local corpus, and re-ingests nothing when unchanged', async () => {
    const db = await freshDatabase('gw_cli_basic');
    const ws = workspace();
    const first = run(ws, ['ingest', '--server', db.owner, 'seeds']);
    assert.equal(first.code, 0, first.stderr);
    assert.match(first.stdout, /^5 added, 0 updated, 0 removed, 0 unchanged, 0 skipped/);
    assert.ok(!first.stderr.includes(new URL(db.owner).password), 'no password in the output');
    const again = run(ws, ['ingest', '--server', db.owner, 'seeds']);
    assert.match(again.stdout, /^0 added, 0 updated, 0 removed, 5 unchanged, 0 skipped/);

    const viaServer = run(ws, ['check', '--server', db.reader, '--format', 'json', 'draft.md']);
    const viaLocal = run(ws, ['check', '--no-cache', '--format', 'json', 'draft.md']);
    assert.equal(viaServer.code, 1, viaServer.stderr);
    assert.equal(viaLocal.code, 1);
    const findings = (s: string): unknown => (JSON.parse(s) as { files: { findings: unknown }[] }).files.map((f) => f.findings);
    assert.deepEqual(findings(viaServer.stdout), findings(viaLocal.stdout));
    // The URL from the environment, the password from PGPASSWORD.
    const u = new URL(db.reader);
    const pw = decodeURIComponent(u.password);
    u.password = '';
    const env = run(ws, ['check', '--format', 'json', 'draft.md'], { GROUNDWORK_DATABASE_URL: u.toString(), PGPASSWORD: pw });
    assert.equal(env.code, 1, env.stderr);
    assert.deepEqual(findings(env.stdout), findings(viaLocal.stdout));
    // A file gone from the folder is removed from the server.
    fs.rmSync(path.join(ws, 'seeds', fs.readdirSync(path.join(ws, 'seeds')).sort()[0]));
    const removed = run(ws, ['ingest', '--server', db.owner, 'seeds']);
    assert.match(removed.stdout, /^0 added, 0 updated, 1 removed, 4 unchanged/);
    assert.deepEqual(await integrityProblems({ url: db.owner }), []);
  });

  it('the read-only role cannot ingest: a clear permission error, exit 2', async () => {
    const db = await freshDatabase('gw_cli_reader');
    const ws = workspace();
    assert.equal(run(ws, ['ingest', '--server', db.owner, 'seeds']).code, 0);
    fs.appendFileSync(path.join(ws, 'seeds', fs.readdirSync(path.join(ws, 'seeds')).sort()[0]), '\nA sentence added later.\n');
    const r = run(ws, ['ingest', '--server', db.reader, 'seeds']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /may not/);
    assert.ok(!r.stderr.includes(new URL(db.reader).password));
  });

  it('falls back to the local corpus when the server is down (same findings and exit code)', () => {
    const ws = workspace();
    const down = 'postgres://gw_reader@127.0.0.1:1/groundwork';
    const r = run(ws, ['check', '--server', down, '--no-cache', 'draft.md']);
    const local = run(ws, ['check', '--no-cache', 'draft.md']);
    assert.equal(r.code, local.code);
    assert.equal(r.stdout, local.stdout);
    assert.match(r.stderr, /cannot reach the corpus server postgres:\/\/gw_reader@127\.0\.0\.1:1\/groundwork.*checking against the local corpus instead/);
  });

  it('sources --server lists the server corpus as sources lists the same files locally', async () => {
    const db = await freshDatabase('gw_cli_sources');
    const ws = workspace();
    assert.equal(run(ws, ['ingest', '--server', db.owner, 'seeds']).code, 0);
    const remote = run(ws, ['sources', '--server', db.reader, '--format', 'json']);
    assert.equal(remote.code, 0, remote.stderr);
    const local = run(ws, ['sources', '--corpus', 'seeds', '--format', 'json', '--no-cache']);
    const pick = (out: string) => (JSON.parse(out) as { sources: Array<Record<string, unknown>> }).sources.map((r) => [r.key, r.path, r.title, r.date, r.language, r.passages]);
    assert.deepEqual(pick(remote.stdout), pick(local.stdout));
    assert.equal(pick(remote.stdout).length, fs.readdirSync(SEEDS).length);
    const down = run(ws, ['sources', '--server', 'postgres://gw_reader@127.0.0.1:1/groundwork']);
    assert.equal(down.code, 0);
    assert.match(down.stderr, /listing the local corpus instead/);
  });

  it('refuses a password in the settings file, without printing it', () => {
    const ws = workspace();
    fs.mkdirSync(path.join(ws, '.vscode'));
    fs.writeFileSync(path.join(ws, '.vscode', 'settings.json'), JSON.stringify({ 'groundwork.corpus.server': 'postgres://gw_reader:Hunter2Secret@127.0.0.1:5432/groundwork' }));
    const r = run(ws, ['check', 'draft.md']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /groundwork\.corpus\.server contains a password/);
    assert.ok(!r.stderr.includes('Hunter2Secret'), r.stderr);
  });

  it('an ingest killed mid-way leaves the previous corpus intact (one transaction); the next run does it all', async () => {
    const db = await freshDatabase('gw_cli_kill_atomic');
    const ws = workspace();
    const v1 = bigCorpus(ws, 600, 'v1');
    assert.equal(run(ws, ['ingest', '--server', db.owner, 'corpus']).code, 0);
    const before = await digest(db.owner);
    bigCorpus(ws, 600, 'v2');
    const child = spawn(process.execPath, [cli, 'ingest', '--server', db.owner, 'corpus'], { cwd: ws, stdio: 'ignore' });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    // Kill it once its transaction has written (the session holds a transaction id) and
    // kept writing a while, well before the end.
    let writing = 0;
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline && writing < 20) {
      const [r] = await sql<{ n: number }>(db.owner, `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'groundwork' AND backend_xid IS NOT NULL`);
      if (r.n > 0) writing++;
      await new Promise((res) => setTimeout(res, 10));
    }
    assert.ok(writing >= 20, 'the ingest was seen writing');
    child.kill('SIGKILL');
    await exited;
    // The server ends the dead session's transaction; wait until it has.
    for (let i = 0; i < 500; i++) {
      const [r] = await sql<{ n: number }>(db.owner, `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'groundwork'`);
      if (r.n === 0) break;
      await new Promise((res) => setTimeout(res, 20));
    }
    const rows = await sql<{ path: string; bytes_hash: string }>(db.owner, 'SELECT path, bytes_hash FROM sources');
    assert.equal(rows.length, 600);
    assert.ok(rows.every((r) => r.bytes_hash === v1.get(r.path)), 'every source is still its previous version');
    assert.equal(await digest(db.owner), before, 'sources, term frequencies and totals as before the ingest');
    assert.deepEqual(await integrityProblems({ url: db.owner }), []);
    const rerun = run(ws, ['ingest', '--server', db.owner, 'corpus']);
    assert.equal(rerun.code, 0, rerun.stderr);
    assert.match(rerun.stdout, /^0 added, 600 updated, 0 removed, 0 unchanged/);
  });

  it('with --commit-every, an ingest killed mid-way leaves every source whole and the counts exact; the next run completes it', async () => {
    const db = await freshDatabase('gw_cli_kill');
    const ws = workspace();
    const v1 = bigCorpus(ws, 600, 'v1');
    assert.equal(run(ws, ['ingest', '--server', db.owner, 'corpus']).code, 0);
    const v2 = bigCorpus(ws, 600, 'v2');
    const child = spawn(process.execPath, [cli, 'ingest', '--server', db.owner, '--commit-every', '50', 'corpus'], { cwd: ws, stdio: 'ignore' });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    // Kill it once some batches are committed, well before the end.
    let updated = 0;
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline) {
      const [r] = await sql<{ n: number }>(db.owner, `SELECT count(*)::int AS n FROM sources WHERE bytes_hash = ANY($1::text[])`, [[...v2.values()]]);
      updated = r.n;
      if (updated >= 50) break;
      await new Promise((res) => setTimeout(res, 10));
    }
    child.kill('SIGKILL');
    await exited;
    const rows = await sql<{ path: string; bytes_hash: string }>(db.owner, 'SELECT path, bytes_hash FROM sources');
    const newer = rows.filter((r) => v2.get(r.path) === r.bytes_hash).length;
    assert.equal(rows.length, 600, 'no source lost or doubled');
    assert.ok(rows.every((r) => r.bytes_hash === v1.get(r.path) || r.bytes_hash === v2.get(r.path)), 'each source is its old or its new version');
    assert.ok(newer > 0 && newer < 600, `killed mid-way (${newer} of 600 updated)`);
    assert.deepEqual(await integrityProblems({ url: db.owner }), []);
    // Every source's passages are whole: the count matches the stored passage count.
    const [bad] = await sql<{ n: number }>(
      db.owner,
      'SELECT count(*)::int AS n FROM sources s WHERE s.passage_count <> (SELECT count(*) FROM passages p WHERE p.source_id = s.id)',
    );
    assert.equal(bad.n, 0);
    const rerun = run(ws, ['ingest', '--server', db.owner, 'corpus']);
    assert.equal(rerun.code, 0, rerun.stderr);
    assert.match(rerun.stdout, new RegExp(`^0 added, ${600 - newer} updated, 0 removed, ${newer} unchanged`));
    const fresh = await freshDatabase('gw_cli_kill_fresh');
    assert.equal(run(ws, ['ingest', '--server', fresh.owner, 'corpus']).code, 0);
    assert.equal(await digest(db.owner), await digest(fresh.owner));
  });

  it('two ingests at once end in the same state as one', async () => {
    const db = await freshDatabase('gw_cli_twice');
    const one = await freshDatabase('gw_cli_once');
    const ws = workspace();
    bigCorpus(ws, 200, 'v1');
    const start = (): Promise<{ code: number | null; stdout: string }> =>
      new Promise((resolve) => {
        const c = spawn(process.execPath, [cli, 'ingest', '--server', db.owner, 'corpus', 'seeds'], { cwd: ws });
        let stdout = '';
        c.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
        c.on('exit', (code) => resolve({ code, stdout }));
      });
    const [a, b] = await Promise.all([start(), start()]);
    assert.equal(a.code, 0);
    assert.equal(b.code, 0);
    // One did the work, the other waited for it and found everything in place.
    const counts = [a.stdout, b.stdout].map((s) => /^(\d+) added/.exec(s)?.[1]).sort();
    assert.deepEqual(counts, ['0', '205'], `${a.stdout} / ${b.stdout}`);
    assert.equal(run(ws, ['ingest', '--server', one.owner, 'corpus', 'seeds']).code, 0);
    assert.equal(await digest(db.owner), await digest(one.owner));
    assert.deepEqual(await integrityProblems({ url: db.owner }), []);
  });
});
