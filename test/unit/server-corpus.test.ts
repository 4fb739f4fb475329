/**
 * The team corpus on a real PostgreSQL (scripts/pg-dev.sh): ingest the seeds, and every seed
 * claim gets the same findings through the server as through the local engine; ranking,
 * keys, suggestions and passages agree; updates, removals and unchanged re-ingests; the
 * read-only role; errors (wrong password, server down, schema version).
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createEngine, type LocalSearch } from '../../src/core/engine';
import type { Engine } from '../../src/core/api';
import type { PassageHit } from '../../src/core/retrieval';
import { ingest, integrityProblems, openServerCorpus, ServerError, SCHEMA_VERSION, type IngestInput, type ServerCorpus } from '../../src/server/index';
import { Client } from 'pg';
import { freshDatabase, sql } from './helpers/pg';

const ROOT = path.resolve(__dirname, '../..');
const SHARED = path.resolve(process.env.GROUNDWORK_SHARED ?? path.join(ROOT, '..', 'shared'));
const CLAIMS = path.join(SHARED, 'eval', 'seed-claims.jsonl');
const SEED_FILES = fs
  .readdirSync(path.join(ROOT, 'seeds'))
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((f) => `seeds/${f}`);

const claims = fs
  .readFileSync(CLAIMS, 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l) as { id: string; text: string });

/** Files as path -> bytes. */
type Files = Map<string, Uint8Array>;

function seedFiles(): Files {
  return new Map(SEED_FILES.map((p) => [p, new Uint8Array(fs.readFileSync(path.join(ROOT, p)))]));
}

function inputs(files: Files): IngestInput[] {
  return [...files.keys()].sort().map((p) => ({ path: p, read: () => ({ bytes: files.get(p)! }) }));
}

function localEngine(files: Files): Engine & LocalSearch {
  const e = createEngine();
  for (const p of [...files.keys()].sort()) e.upsertSource(p, files.get(p)!);
  return e;
}

const INFO = ['path', 'key', 'title', 'date', 'outlet', 'author', 'language', 'kind', 'pages'] as const;
/** A hit with its document reduced to SourceInfo (the local hit carries the whole document). */
function norm(h: PassageHit): PassageHit {
  const doc = Object.fromEntries(INFO.filter((k) => h.doc[k] !== undefined).map((k) => [k, h.doc[k]])) as unknown as PassageHit['doc'];
  return { ...h, doc };
}

async function digest(url: string): Promise<string> {
  const rows = await sql<{ d: string }>(
    url,
    `SELECT concat_ws('|',
       (SELECT string_agg(path || ':' || bytes_hash || ':' || key_base || ':' || passage_count, ',' ORDER BY path) FROM sources),
       (SELECT string_agg(term || ':' || df, ',' ORDER BY term) FROM terms WHERE df > 0),
       (SELECT concat_ws(',', documents, passages, total_length) FROM corpus_stats)) AS d`,
  );
  return rows[0].d;
}

describe('team corpus on PostgreSQL', function () {
  this.timeout(120_000);
  let db: { owner: string; reader: string };
  let corpus: ServerCorpus;
  const files = seedFiles();
  const local = localEngine(files);

  before(async () => {
    db = await freshDatabase('gw_test_corpus');
    const s = await ingest({ url: db.owner }, inputs(files), { roots: ['seeds'] });
    assert.equal(s.added, files.size);
    assert.deepEqual(s.migrated, [SCHEMA_VERSION]);
    corpus = await openServerCorpus({ url: db.owner });
  });
  after(async () => {
    await corpus?.close();
  });

  it('holds what the local index holds, with exact bookkeeping', async () => {
    const st = await corpus.stats();
    assert.deepEqual(st, { ...local.stats, schemaVersion: SCHEMA_VERSION });
    assert.deepEqual(await integrityProblems({ url: db.owner }), []);
    const mine = await corpus.sources();
    assert.deepEqual(
      mine.map((s) => [s.path, s.key, s.title, s.language, s.passages]),
      local.sources().map((d) => [d.path, d.key, d.title, d.language, d.passages.length]),
    );
    assert.deepEqual(await corpus.retriever().languages(), await local.retriever().languages());
    // Paging (after/limit) gives the same rows as the whole list.
    const paged = [...(await corpus.sources({ limit: 2 })), ...(await corpus.sources({ after: mine[1].path, limit: 2 })), ...(await corpus.sources({ after: mine[3].path }))];
    assert.deepEqual(paged, mine);
  });

  it('ranks every seed claim exactly like the local index (hits, scores, ties, neighbours)', async () => {
    const r = corpus.retriever();
    const l = local.retriever();
    for (const c of claims) {
      for (const limit of [5, 20]) {
        const a = (await r.search(c.text, { limit })).map(norm);
        const b = (await l.search(c.text, { limit })).map(norm);
        assert.deepEqual(a, b, `${c.id} limit ${limit}`);
      }
    }
    const doc = SEED_FILES[1];
    assert.deepEqual((await r.search(claims[0].text, { docPath: doc })).map(norm), (await l.search(claims[0].text, { docPath: doc })).map(norm));
  });

  it('gives every seed claim the local engine findings (verdict, code, evidence, reasons)', async () => {
    let compared = 0;
    for (const c of claims) {
      const mine = await corpus.check(c.text, { format: 'plaintext' });
      const theirs = await local.check(c.text, { format: 'plaintext' });
      assert.deepEqual(mine, theirs, c.id);
      compared += theirs.length;
    }
    assert.ok(compared >= claims.length / 2, `only ${compared} findings compared`);
  });

  it('checks cited claims and unknown keys like the local engine, and leaves a draft\'s own source out', async () => {
    const key = local.sources()[0].key;
    for (const c of claims.slice(0, 10)) {
      const draft = c.text.replace(/([.!?])?\s*$/, ` [@${key}; @no-such-key]$1`);
      assert.deepEqual(await corpus.check(draft, { format: 'markdown' }), await local.check(draft, { format: 'markdown' }), c.id);
    }
    const self = SEED_FILES[1];
    const c = claims[0];
    assert.deepEqual(
      await corpus.check(c.text, { format: 'plaintext', excludeSource: self }),
      await local.check(c.text, { format: 'plaintext', excludeSource: self }),
    );
    const r = corpus.retriever(self);
    assert.equal(await r.getDocument(self), undefined);
    assert.ok((await r.search(c.text, { limit: 50 })).every((h) => h.doc.path !== self));
  });

  it('serves passages by source and ordinal, short sources whole, and suggestions like Engine.suggest', async () => {
    const doc = local.sources()[2];
    assert.deepEqual(await corpus.passages(doc.key, [0, 2]), [doc.passages[0], doc.passages[2]]);
    assert.deepEqual(await corpus.passages(doc.path), doc.passages);
    assert.equal(await corpus.passages('no-such-source'), undefined);
    const whole = await corpus.retriever().passagesOf(doc.key, 1000);
    assert.deepEqual(whole?.map(norm), (await local.retriever().passagesOf(doc.key, 1000))?.map(norm));
    assert.equal(await corpus.retriever().passagesOf(doc.key, 1), undefined);
    for (const c of claims.slice(0, 8)) assert.deepEqual(await corpus.suggest(c.text, 5), local.suggest(c.text, 5), c.id);
  });

  it('keys collide and resolve as the local engine computes them (full keys, ambiguous base keys)', async () => {
    const dbk = await freshDatabase('gw_test_keys');
    const twins: Files = new Map(files);
    const twin = files.get(SEED_FILES[0])!;
    twins.set('seeds/copy-a.txt', twin);
    twins.set('seeds/copy-b.txt', twin);
    await ingest({ url: dbk.owner }, inputs(twins), { roots: ['seeds'] });
    const c = await openServerCorpus({ url: dbk.owner });
    try {
      const e = localEngine(twins);
      assert.deepEqual(
        (await c.sources()).map((s) => [s.path, s.key]),
        e.sources().map((d) => [d.path, d.key]),
      );
      const base = e.sources().find((d) => d.path === 'seeds/copy-a.txt')!.key.replace(/-[a-z0-9]+$/, '');
      assert.deepEqual(await c.retriever().ambiguousKey!(base), await e.retriever().ambiguousKey!(base));
      assert.ok((await e.retriever().ambiguousKey!(base))!.length >= 3);
      for (const d of e.sources()) assert.equal((await c.retriever().getDocument(d.key))?.path, d.path, d.key);
      const draft = `${claims[0].text.replace(/[.!?]?\s*$/, '')} [@${base}].`;
      assert.deepEqual(await c.check(draft, { format: 'markdown' }), await e.check(draft, { format: 'markdown' }));
    } finally {
      await c.close();
    }
  });

  it('updates a changed file, removes a gone one, and writes nothing for an unchanged corpus', async () => {
    const dbu = await freshDatabase('gw_test_update');
    const v1: Files = new Map(files);
    await ingest({ url: dbu.owner }, inputs(v1), { roots: ['seeds'] });
    const c = await openServerCorpus({ url: dbu.owner });
    try {
      const conflict = 'The Sinai plane crash in October 2015 killed all 224 passengers on board.';
      const before = await c.check(conflict, { format: 'plaintext' });
      // Unchanged: no row is written (xmin of every row stays).
      const xmins = `SELECT (SELECT string_agg(xmin::text, ',' ORDER BY id) FROM sources) || '/' || (SELECT string_agg(xmin::text, ',' ORDER BY id) FROM terms) || '/' || (SELECT xmin::text FROM corpus_stats) AS x`;
      const x0 = await sql<{ x: string }>(dbu.owner, xmins);
      const again = await ingest({ url: dbu.owner }, inputs(v1), { roots: ['seeds'] });
      assert.deepEqual([again.added, again.updated, again.removed, again.unchanged], [0, 0, 0, v1.size]);
      assert.deepEqual(await sql<{ x: string }>(dbu.owner, xmins), x0);

      // Change the number the claim rests on, and drop another file.
      const target = [...v1.keys()].find((p) => new TextDecoder().decode(v1.get(p)!).includes('224 passengers'))!;
      assert.ok(target, 'a seed mentions 224 passengers');
      const v2: Files = new Map(v1);
      v2.set(target, new TextEncoder().encode(new TextDecoder().decode(v1.get(target)!).replace(/224 passengers/g, '150 passengers')));
      const gone = [...v1.keys()].find((p) => p !== target)!;
      v2.delete(gone);
      const s = await ingest({ url: dbu.owner }, inputs(v2), { roots: ['seeds'] });
      assert.deepEqual([s.added, s.updated, s.removed, s.unchanged], [0, 1, 1, v1.size - 2]);
      assert.deepEqual(await integrityProblems({ url: dbu.owner }), []);
      const after = await c.check(conflict, { format: 'plaintext' });
      const e2 = localEngine(v2);
      assert.deepEqual(after, await e2.check(conflict, { format: 'plaintext' }));
      assert.notDeepEqual(after.map((f) => f.verdict), before.map((f) => f.verdict));
      assert.equal(await c.retriever().getDocument(gone), undefined);
      assert.deepEqual((await c.stats()).documents, e2.stats.documents);
      // The result equals a fresh ingest of the new files.
      const dbf = await freshDatabase('gw_test_update_fresh');
      await ingest({ url: dbf.owner }, inputs(v2), { roots: ['seeds'] });
      assert.equal(await digest(dbu.owner), await digest(dbf.owner));
    } finally {
      await c.close();
    }
  });

  it('lets the read-only role check and refuses it ingest (permission)', async () => {
    const r = await openServerCorpus({ url: db.reader });
    try {
      assert.deepEqual(await r.check(claims[0].text, { format: 'plaintext' }), await local.check(claims[0].text, { format: 'plaintext' }));
    } finally {
      await r.close();
    }
    const changed: Files = new Map(files);
    changed.set('seeds/new.txt', new TextEncoder().encode('A new source about something else entirely.\n'));
    await assert.rejects(ingest({ url: db.reader }, inputs(changed), { roots: ['seeds'] }), (e: unknown) => {
      assert.ok(e instanceof ServerError);
      assert.equal(e.code, 'permission', e.message);
      return true;
    });
    assert.deepEqual(await integrityProblems({ url: db.owner }), []);
  });

  it('a leftover database with an open session of the read-only role is dropped and made afresh (test set-up)', async () => {
    const left = await freshDatabase('gw_test_leftover');
    await sql(left.owner, 'CREATE TABLE note (x int)');
    const reader = new Client({ connectionString: left.reader });
    await reader.connect();
    // The reader's session would be ended by the drop (the owner role may not end it).
    reader.on('error', () => undefined);
    try {
      const again = await freshDatabase('gw_test_leftover');
      assert.deepEqual(await sql(again.owner, "SELECT tablename FROM pg_tables WHERE schemaname = 'public'"), []);
      assert.deepEqual(await sql(again.owner, 'SELECT pg_get_userbyid(datdba) AS owner FROM pg_database WHERE datname = current_database()'), [{ owner: decodeURIComponent(new URL(again.owner).username) }]);
    } finally {
      await reader.end().catch(() => undefined);
    }
  });

  it('reports a wrong password as auth, without the password', async () => {
    const u = new URL(db.owner);
    u.password = 'Wrong-Secret-123';
    await assert.rejects(openServerCorpus({ url: u.toString() }), (e: unknown) => {
      assert.ok(e instanceof ServerError);
      assert.equal(e.code, 'auth', e.message);
      assert.ok(!e.message.includes('Wrong-Secret-123'), e.message);
      assert.ok(!e.message.includes(new URL(db.owner).password), e.message);
      return true;
    });
    // The password given apart (secret storage) is used and never shown either.
    const bare = new URL(db.owner);
    const pw = decodeURIComponent(bare.password);
    bare.password = '';
    const c = await openServerCorpus({ url: bare.toString(), password: pw });
    assert.equal((await c.stats()).documents, files.size);
    await c.close();
  });

  it('reports a server that is down as unreachable, quickly', async () => {
    const u = new URL(db.owner);
    u.port = '1';
    const t = Date.now();
    await assert.rejects(openServerCorpus({ url: u.toString(), connectTimeoutMs: 2000 }), (e: unknown) => {
      assert.ok(e instanceof ServerError);
      assert.equal(e.code, 'unreachable', e.message);
      assert.ok(!e.message.includes(new URL(db.owner).password), e.message);
      return true;
    });
    assert.ok(Date.now() - t < 5000);
  });

  it('refuses a schema version it was not built for, in checking and in ingest', async () => {
    const dbs = await freshDatabase('gw_test_schema');
    await ingest({ url: dbs.owner }, inputs(files), { roots: ['seeds'] });
    await sql(dbs.owner, `INSERT INTO schema_migrations (version, name) VALUES (99, 'future')`);
    for (const attempt of [() => openServerCorpus({ url: dbs.owner }), () => ingest({ url: dbs.owner }, inputs(files), { roots: ['seeds'] })]) {
      await assert.rejects(attempt(), (e: unknown) => {
        assert.ok(e instanceof ServerError);
        assert.equal(e.code, 'schema');
        assert.match(e.message, new RegExp(`schema version 99, this Groundwork needs ${SCHEMA_VERSION}`));
        return true;
      });
    }
    const empty = await freshDatabase('gw_test_empty');
    await assert.rejects(openServerCorpus({ url: empty.owner }), (e: unknown) => e instanceof ServerError && e.code === 'schema' && /run groundwork ingest/.test(e.message));
  });

  it('answers PostgreSQL full-text queries in the passage language (English stemming)', async () => {
    const hits = await corpus.fullText('passenger');
    assert.ok(hits.length > 0);
    assert.ok(hits.every((h) => /passenger/i.test(h.passage.text)));
    assert.ok(hits.some((h) => /passengers/i.test(h.passage.text)), 'stemmed: "passenger" finds "passengers"');
  });
});
