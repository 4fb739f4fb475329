/**
 * Ingest: bring the server's corpus in line with files (add, update, remove), incrementally.
 *
 * - A file whose bytes hash equals the stored one costs one comparison and no write.
 * - Changed and new files are parsed like the local engine parses them (core/corpus/parse.ts,
 *   PDF and Word text extracted by the caller's `extract`) and written in batches that replace
 *   their sources and keep the term document frequencies, the corpus totals and the language
 *   counts exact. The whole ingest is one transaction: a killed or failed ingest leaves the
 *   previous corpus intact, and readers see the previous corpus until it commits, never a mix.
 *   `commitEvery` (a first load of a large archive) commits every so many files instead: a
 *   killed ingest then keeps what it committed, every source in its previous or its new state,
 *   and the next ingest finishes the job.
 * - Sources under the ingested roots whose file is gone are removed.
 * - Ingests serialize on an advisory lock (a second one waits), so two at once end like one.
 */
import type { PoolClient } from 'pg';
import { citationKey } from '../core/corpus/keys';
import type { ExtractedSource } from '../core/corpus/extracted';
import { extractedKind, parseSource } from '../core/corpus/parse';
import { analyzerFingerprint } from '../core/engine';
import { contentHash } from '../core/index/codec';
import { POSTING_TF_MAX } from '../core/index/passageIndex';
import { passageTerms } from '../core/index/query';
import { passageTie } from '../core/index/store';
import type { LoadWarning, SourceDocument } from '../core/types';
import { connect, type ServerOptions } from './connect';
import { INGEST_LOCK, migrate } from './migrate';

/** One file to ingest: its corpus path (identity, posix) and how to read it. */
export interface IngestInput {
  path: string;
  read(): { bytes: Uint8Array } | { problem: string; code: 'unreadable' | 'too-large' };
}

/** Which stored sources this ingest speaks for: those not among the inputs are removed. */
export interface IngestScope {
  /** Folder or file paths (posix, as stored); '' is everything. */
  roots: string[];
  /** Further stored paths in scope (e.g. matched by a glob argument). */
  inScope?: (path: string) => boolean;
}

export interface IngestOptions {
  maxFileBytes?: number;
  maxPassagesPerFile?: number;
  /** Extract the text of a PDF/Word file (src/extract); absent: such files are skipped with a warning. */
  extract?: (path: string, bytes: Uint8Array) => Promise<ExtractedSource>;
  /** Progress notes (one line each). */
  onProgress?: (line: string) => void;
  /** Files written per batch (default 50; memory, not atomicity). */
  batchFiles?: number;
  /** Commit after about this many files instead of once at the end (default: one transaction for the whole ingest). */
  commitEvery?: number;
}

export interface IngestSummary {
  added: number;
  updated: number;
  removed: number;
  unchanged: number;
  skipped: number;
  /** Warnings of the files read in this run (skipped files, fallbacks, caps). */
  warnings: LoadWarning[];
  /** Schema migrations applied first. */
  migrated: number[];
  ms: number;
}

interface Prepared {
  path: string;
  bytesHash: string;
  doc?: SourceDocument;
  warnings: LoadWarning[];
  /** Index terms per passage. */
  terms?: string[][];
}

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function dedupeWarnings(ws: LoadWarning[]): LoadWarning[] {
  const seen = new Set<string>();
  return ws.filter((w) => {
    const k = `${w.code}\u0000${w.message}`;
    return seen.has(k) ? false : (seen.add(k), true);
  });
}

function inRoots(path: string, roots: readonly string[]): boolean {
  return roots.some((r) => r === '' || path === r || path.startsWith(`${r}/`));
}

/** PostgreSQL text cannot hold NUL; the local index never sees one in a source it keeps (binary files are skipped). */
const noNul = (s: string): string => (s.includes('\u0000') ? s.replace(/\u0000/g, '\ufffd') : s);

/** Ingest `inputs` into the server at `server`. Throws ServerError. */
export async function ingest(server: ServerOptions, inputs: IngestInput[], scope: IngestScope, options: IngestOptions = {}): Promise<IngestSummary> {
  const started = Date.now();
  const conn = connect({ statementTimeoutMs: 0, ...server, maxConnections: 1 });
  const note = options.onProgress ?? (() => undefined);
  try {
    return await conn.guard(async () => {
      const migrated = await migrate(conn.pool);
      if (migrated.length > 0) note(`migrated the schema to version ${migrated[migrated.length - 1]}`);
      const client = await conn.pool.connect();
      try {
        const got = await client.query<{ ok: boolean }>('SELECT pg_try_advisory_lock($1) AS ok', [INGEST_LOCK]);
        if (!got.rows[0]?.ok) {
          note('waiting for another ingest into this corpus to finish');
          await client.query('SELECT pg_advisory_lock($1)', [INGEST_LOCK]);
        }
        try {
          return { ...(await ingestLocked(client, inputs, scope, options, note)), migrated, ms: Date.now() - started };
        } finally {
          await client.query('SELECT pg_advisory_unlock($1)', [INGEST_LOCK]).catch(() => undefined);
        }
      } finally {
        client.release();
      }
    });
  } finally {
    await conn.pool.end().catch(() => undefined);
  }
}

async function ingestLocked(
  client: PoolClient,
  inputs: IngestInput[],
  scope: IngestScope,
  options: IngestOptions,
  note: (line: string) => void,
): Promise<Omit<IngestSummary, 'migrated' | 'ms'>> {
  const fingerprint = String(analyzerFingerprint());
  const meta = await client.query<{ value: string }>(`SELECT value FROM corpus_meta WHERE name = 'analyzer'`);
  const stale = meta.rows.length > 0 && meta.rows[0].value !== fingerprint;
  if (stale) note('the corpus was indexed with other index terms: re-indexing every source');
  const stored = new Map<string, string>();
  const storedSource = new Set<string>();
  for (const r of (await client.query<{ path: string; bytes_hash: string }>('SELECT path, bytes_hash FROM sources')).rows) {
    stored.set(r.path, r.bytes_hash);
    storedSource.add(r.path);
  }
  for (const r of (await client.query<{ path: string; bytes_hash: string }>('SELECT path, bytes_hash FROM skipped')).rows) stored.set(r.path, r.bytes_hash);

  const summary = { added: 0, updated: 0, removed: 0, unchanged: 0, skipped: 0, warnings: [] as LoadWarning[] };
  const batchFiles = options.batchFiles ?? 50;
  const commitEvery = options.commitEvery && options.commitEvery > 0 ? Math.max(options.commitEvery, 1) : Infinity;
  let batch: Prepared[] = [];
  let removals: string[] = [];
  let metaWritten = false;
  let open = false;
  let sinceCommit = 0;
  const commit = async (): Promise<void> => {
    if (!open) return;
    await client.query('COMMIT');
    open = false;
    sinceCommit = 0;
  };
  const flush = async (): Promise<void> => {
    if (batch.length === 0 && removals.length === 0) return;
    if (!open) {
      await client.query('BEGIN');
      open = true;
    }
    try {
      if (!metaWritten) {
        await client.query(
          `INSERT INTO corpus_meta (name, value) VALUES ('analyzer', $1) ON CONFLICT (name) DO UPDATE SET value = EXCLUDED.value`,
          [fingerprint],
        );
      }
      for (const path of removals) await removePath(client, path);
      for (const p of batch) {
        await removePath(client, p.path);
        if (p.doc) await insertSource(client, p);
        else {
          await client.query(`INSERT INTO skipped (path, bytes_hash, warnings) VALUES ($1, $2, $3)`, [
            p.path,
            p.bytesHash,
            JSON.stringify(p.warnings),
          ]);
        }
      }
      metaWritten = true;
    } catch (e) {
      await client.query('ROLLBACK').catch(() => undefined);
      open = false;
      throw e;
    }
    sinceCommit += batch.length + removals.length;
    batch = [];
    removals = [];
    if (sinceCommit >= commitEvery) await commit();
  };
  try {
    const seen = new Set<string>();
    let lastNote = Date.now();
    let done = 0;
    for (const input of inputs) {
      done++;
      if (Date.now() - lastNote > 2000) {
        note(`${done}/${inputs.length} files read`);
        lastNote = Date.now();
      }
      if (seen.has(input.path)) continue;
      seen.add(input.path);
      const r = input.read();
      if ('problem' in r) {
        summary.skipped++;
        summary.warnings.push({ path: input.path, code: r.code, message: r.problem, skipped: true });
        if (stored.has(input.path)) removals.push(input.path);
        continue;
      }
      const bytesHash = contentHash(r.bytes);
      const had = stored.get(input.path);
      if (!stale && had === bytesHash) {
        summary.unchanged++;
        continue;
      }
      let extracted: ExtractedSource | undefined;
      if (extractedKind(input.path) && options.extract && r.bytes.length <= (options.maxFileBytes ?? Infinity)) {
        extracted = await options.extract(input.path, r.bytes);
      }
      let parsed: ReturnType<typeof parseSource>;
      try {
        parsed = parseSource(input.path, r.bytes, {
          maxFileBytes: options.maxFileBytes,
          maxPassagesPerFile: options.maxPassagesPerFile,
          hash: bytesHash,
          extracted,
        });
      } catch (err) {
        parsed = { warnings: [{ path: input.path, code: 'malformed', message: `could not parse: ${(err as Error).message}`, skipped: true }] };
      }
      const warnings = dedupeWarnings([...parsed.warnings, ...(parsed.doc?.warnings ?? [])]);
      summary.warnings.push(...warnings);
      if (parsed.doc) {
        const doc = parsed.doc as SourceDocument;
        batch.push({ path: input.path, bytesHash, doc, warnings, terms: doc.passages.map((p) => passageTerms(p.text, doc.language)) });
        // A file that was skipped before and is readable now is new to the corpus.
        if (storedSource.has(input.path)) summary.updated++;
        else summary.added++;
      } else {
        batch.push({ path: input.path, bytesHash, warnings });
        summary.skipped++;
        // A source that is now skipped is gone from the corpus.
        if (storedSource.has(input.path)) summary.removed++;
      }
      if (batch.length >= batchFiles) await flush();
    }
    // Stored sources under the roots that are no longer there.
    const gone = [...stored.keys()].filter((p) => !seen.has(p) && (inRoots(p, scope.roots) || (scope.inScope?.(p) ?? false))).sort(cmp);
    for (const p of gone) {
      removals.push(p);
      if (storedSource.has(p)) summary.removed++;
      if (removals.length >= batchFiles * 4) await flush();
    }
    await flush();
    await commit();
  } catch (e) {
    if (open) await client.query('ROLLBACK').catch(() => undefined);
    throw e;
  }
  // Fresh planner statistics after a large change (autovacuum would get there later).
  if (summary.added + summary.updated + summary.removed > 0) {
    await client.query('ANALYZE sources, passages, terms, postings, corpus_stats, language_counts');
  }
  if (stale && !metaWritten) {
    await client.query(`UPDATE corpus_meta SET value = $1 WHERE name = 'analyzer'`, [fingerprint]);
  }
  summary.warnings.sort((a, b) => cmp(a.path, b.path));
  return summary;
}

/** Remove a stored source or skipped file, keeping frequencies and totals exact. */
async function removePath(client: PoolClient, path: string): Promise<void> {
  await client.query('DELETE FROM skipped WHERE path = $1', [path]);
  const src = await client.query<{ id: number; language: string }>('SELECT id, language FROM sources WHERE path = $1', [path]);
  const row = src.rows[0];
  if (!row) return;
  await client.query(
    `UPDATE terms t SET df = t.df - c.n
       FROM (SELECT p.term_id, count(*)::int AS n FROM postings p
              WHERE p.passage_id IN (SELECT id FROM passages WHERE source_id = $1) GROUP BY p.term_id) c
      WHERE t.id = c.term_id`,
    [row.id],
  );
  await client.query('DELETE FROM postings WHERE passage_id IN (SELECT id FROM passages WHERE source_id = $1)', [row.id]);
  await client.query(
    `UPDATE corpus_stats SET documents = documents - 1, passages = passages - x.n, total_length = total_length - x.l
       FROM (SELECT count(*) AS n, coalesce(sum(length), 0) AS l FROM passages WHERE source_id = $1) x`,
    [row.id],
  );
  await client.query('UPDATE language_counts SET documents = documents - 1 WHERE language = $1', [row.language]);
  await client.query('DELETE FROM sources WHERE id = $1', [row.id]);
}

async function insertSource(client: PoolClient, p: Prepared): Promise<void> {
  const doc = p.doc!;
  const terms = p.terms!;
  const keyBase = citationKey({ path: doc.path, title: doc.title, date: doc.date, author: doc.author, outlet: doc.outlet });
  const src = await client.query<{ id: number }>(
    `INSERT INTO sources (path, key_base, title, date, outlet, author, language, kind, pages, bytes_hash, content_hash, passage_count, warnings)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING id`,
    [
      p.path,
      keyBase,
      noNul(doc.title),
      doc.date ?? null,
      doc.outlet !== undefined ? noNul(doc.outlet) : null,
      doc.author !== undefined ? noNul(doc.author) : null,
      doc.language,
      doc.kind ?? null,
      doc.pages ?? null,
      p.bytesHash,
      doc.hash,
      doc.passages.length,
      JSON.stringify(p.warnings),
    ],
  );
  const sourceId = src.rows[0].id;
  const n = doc.passages.length;
  await client.query(
    `INSERT INTO language_counts (language, documents) VALUES ($1, 1)
     ON CONFLICT (language) DO UPDATE SET documents = language_counts.documents + 1`,
    [doc.language],
  );
  if (n === 0) {
    await client.query('UPDATE corpus_stats SET documents = documents + 1');
    return;
  }
  const cfg = doc.language === 'en' ? 'english' : doc.language === 'nl' ? 'dutch' : 'simple';
  const lengths = terms.map((t) => t.length);
  const ins = await client.query<{ id: number; ordinal: number }>(
    `INSERT INTO passages (source_id, ordinal, text, start_line, start_char, end_line, end_char, page, length, tie, tsv)
     SELECT $1, u.o, u.t, u.sl, u.sc, u.el, u.ec, u.pg, u.len, u.tie, to_tsvector($11::regconfig, u.t)
       FROM unnest($2::int[], $3::text[], $4::int[], $5::int[], $6::int[], $7::int[], $8::int[], $9::int[], $10::bigint[])
            AS u(o, t, sl, sc, el, ec, pg, len, tie)
      ORDER BY u.o
     RETURNING id, ordinal`,
    [
      sourceId,
      doc.passages.map((x) => x.ordinal),
      doc.passages.map((x) => noNul(x.text)),
      doc.passages.map((x) => x.range.start.line),
      doc.passages.map((x) => x.range.start.character),
      doc.passages.map((x) => x.range.end.line),
      doc.passages.map((x) => x.range.end.character),
      doc.passages.map((x) => x.page ?? null),
      lengths,
      doc.passages.map((x) => passageTie(x.id)),
      cfg,
    ],
  );
  const pid = new Map(ins.rows.map((r) => [r.ordinal, r.id]));
  // Term ids (new terms added).
  const distinct = [...new Set(terms.flat())];
  const termIds = new Map<string, number>();
  if (distinct.length > 0) {
    const tr = await client.query<{ id: number; term: string }>(
      `WITH ins AS (INSERT INTO terms (term) SELECT unnest($1::text[]) ON CONFLICT (term) DO NOTHING RETURNING id, term)
       SELECT id, term FROM ins UNION ALL SELECT id, term FROM terms WHERE term = ANY($1::text[])`,
      [distinct],
    );
    for (const r of tr.rows) termIds.set(r.term, r.id);
  }
  const postTerm: number[] = [];
  const postPassage: number[] = [];
  const postTf: number[] = [];
  const postLen: number[] = [];
  const df = new Map<number, { n: number; m: number }>();
  let minLen: number | null = null;
  let total = 0;
  doc.passages.forEach((x, i) => {
    const id = pid.get(x.ordinal)!;
    const len = lengths[i];
    total += len;
    if (len > 0 && (minLen === null || len < minLen)) minLen = len;
    const tf = new Map<number, number>();
    for (const t of terms[i]) {
      const tid = termIds.get(t)!;
      tf.set(tid, (tf.get(tid) ?? 0) + 1);
    }
    for (const [tid, c] of tf) {
      const capped = Math.min(c, POSTING_TF_MAX);
      postTerm.push(tid);
      postPassage.push(id);
      postTf.push(capped);
      postLen.push(len);
      const d = df.get(tid);
      if (d) {
        d.n++;
        if (capped > d.m) d.m = capped;
      } else df.set(tid, { n: 1, m: capped });
    }
  });
  if (postTerm.length > 0) {
    await client.query(
      `INSERT INTO postings (term_id, passage_id, tf, length) SELECT * FROM unnest($1::int[], $2::int[], $3::smallint[], $4::int[])`,
      [postTerm, postPassage, postTf, postLen],
    );
    const ids = [...df.keys()].sort((a, b) => a - b);
    await client.query(
      `UPDATE terms t SET df = t.df + u.n, max_tf = greatest(t.max_tf, u.m)
         FROM unnest($1::int[], $2::int[], $3::int[]) AS u(id, n, m) WHERE t.id = u.id`,
      [ids, ids.map((i) => df.get(i)!.n), ids.map((i) => df.get(i)!.m)],
    );
  }
  await client.query(
    `UPDATE corpus_stats SET documents = documents + 1, passages = passages + $1, total_length = total_length + $2,
            min_length = CASE WHEN $3::int IS NULL THEN min_length ELSE least(min_length, $3::int) END`,
    [n, total, minLen],
  );
}

/** Problems of the stored bookkeeping (document frequencies, totals, language counts): empty when exact. */
export async function integrityProblems(server: ServerOptions): Promise<string[]> {
  const conn = connect({ ...server, maxConnections: 1 });
  try {
    return await conn.guard(async () => {
      const out: string[] = [];
      const df = await conn.pool.query<{ term: string; df: number; n: number }>(
        `SELECT t.term, t.df, coalesce(c.n, 0)::int AS n FROM terms t
           LEFT JOIN (SELECT term_id, count(*) AS n FROM postings GROUP BY term_id) c ON c.term_id = t.id
          WHERE t.df <> coalesce(c.n, 0) LIMIT 5`,
      );
      for (const r of df.rows) out.push(`term ${r.term}: df ${r.df}, postings ${r.n}`);
      const st = await conn.pool.query<{ ok: boolean; s: string }>(
        `SELECT (cs.documents = (SELECT count(*) FROM sources)
                 AND cs.passages = (SELECT count(*) FROM passages)
                 AND cs.total_length = (SELECT coalesce(sum(length), 0) FROM passages)
                 AND (SELECT coalesce(sum(passage_count), 0) FROM sources) = (SELECT count(*) FROM passages)) AS ok,
                row_to_json(cs)::text AS s
           FROM corpus_stats cs`,
      );
      if (!st.rows[0]?.ok) out.push(`corpus totals disagree with the rows: ${st.rows[0]?.s}`);
      const lc = await conn.pool.query<{ language: string }>(
        `SELECT coalesce(a.language, b.language) AS language FROM (SELECT language, documents FROM language_counts WHERE documents <> 0) a
           FULL JOIN (SELECT language, count(*)::int AS documents FROM sources GROUP BY language) b ON a.language = b.language
          WHERE a.documents IS DISTINCT FROM b.documents`,
      );
      for (const r of lc.rows) out.push(`language count of ${r.language} is off`);
      const pp = await conn.pool.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM postings p LEFT JOIN passages pa ON pa.id = p.passage_id WHERE pa.id IS NULL`,
      );
      if (pp.rows[0].n > 0) out.push(`${pp.rows[0].n} postings of removed passages`);
      return out;
    });
  } finally {
    await conn.pool.end().catch(() => undefined);
  }
}
