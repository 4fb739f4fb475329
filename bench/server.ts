/**
 * The team corpus on PostgreSQL beside the local index (a section of `npm run bench`, or
 * alone: `npm run bench -- --server-only [--server-size N]`):
 *
 * - at N documents of the replicated BBC corpus: the local index's build time and index
 *   file size beside `ingest`'s time and the database's size;
 * - check latency (wall clock: the server's work is in another process) for 1 client and
 *   for 8 clients at once (8 processes), beside the local index's;
 * - resident memory (RSS) of a process checking through the server vs with the local index;
 * - verdict agreement with the local index on the bench sentences and on every evaluation
 *   set of bench/eval.ts (seed and ../shared/eval/public/*).
 *
 * Each measurement runs in a child process (`--child srv-*`); the parent starts the server
 * (scripts/pg-dev.sh) and hands the URLs down in the environment.
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Client } from 'pg';
import { createEngine } from '../src/core/engine';
import type { Finding, Verdict } from '../src/core/types';
import { ingest, openServerCorpus, type IngestInput } from '../src/server/index';
import { buildSources, loadRealDocs, corporaDir, realOrder } from './lib/corpora';
import { pickSentences, type BenchSentence } from './lib/sentences';
import { parseSource } from '../src/core/corpus/parse';
import { int, mb, ms, quantile, table, wallNow } from './lib/stats';
import { freshDatabase as freshDb, withDatabase } from './lib/pgdev';

const OWNER = (): string => required('GROUNDWORK_BENCH_PG_OWNER');
const READER = (): string => required('GROUNDWORK_BENCH_PG_READER');

function required(name: string): string {
  const v = process.env[name];
  if (!v) throw new Error(`${name} is not set (the bench parent starts the server)`);
  return v;
}

/** A fresh database `name`, readable by gw_reader; its owner and reader URLs. */
const freshDatabase = (name: string): Promise<{ owner: string; reader: string }> => freshDb(OWNER(), READER(), name);

function sentencesOf(repo: string): BenchSentence[] {
  const real = loadRealDocs(corporaDir(repo));
  const candidates = realOrder(real.length).slice(0, 1000);
  const passagesByReal = new Map<number, string[]>();
  for (const r of candidates) {
    const doc = parseSource(`corpus/${real[r].name}`, real[r].bytes).doc;
    if (doc) passagesByReal.set(r, doc.passages.map((p) => p.text));
  }
  return pickSentences(passagesByReal, candidates, 50);
}

const verdictOf = (f: Finding[]): Verdict => {
  const rank: Record<Verdict, number> = { conflict: 3, unsupported: 2, supported: 1, none: 0 };
  let best: Verdict = 'none';
  for (const x of f) if (rank[x.verdict] > rank[best]) best = x.verdict;
  return best;
};

const dbName = (size: number): string => `gw_bench_${size}`;

// ---- children ---------------------------------------------------------------------------

export interface LocalResult {
  buildMs: number;
  indexBytes: number;
  check: number[];
  rss: number;
  verdicts: Verdict[];
}

async function childLocal(repo: string, size: number): Promise<LocalResult> {
  const real = loadRealDocs(corporaDir(repo));
  const sentences = sentencesOf(repo);
  const e = createEngine();
  let t = wallNow();
  for (const s of buildSources(real, size)) e.upsertSource(s.path, real[s.real].bytes);
  e.sources();
  const buildMs = wallNow() - t;
  const indexBytes = e.serialize().length;
  for (const s of sentences.slice(0, 5)) await e.check(s.text, { format: 'plaintext' });
  const check: number[] = [];
  const verdicts: Verdict[] = [];
  for (const s of sentences) {
    t = wallNow();
    const f = await e.check(s.text, { format: 'plaintext' });
    check.push(wallNow() - t);
    verdicts.push(verdictOf(f));
  }
  return { buildMs, indexBytes, check, rss: process.memoryUsage().rss, verdicts };
}

export interface IngestResult {
  ingestMs: number;
  dbBytes: number;
  tables: Record<string, number>;
  documents: number;
  passages: number;
  rss: number;
  againMs: number;
}

async function childIngest(repo: string, size: number): Promise<IngestResult> {
  const real = loadRealDocs(corporaDir(repo));
  const db = await freshDatabase(dbName(size));
  const inputs: IngestInput[] = buildSources(real, size)
    .map((s) => ({ path: s.path, read: () => ({ bytes: real[s.real].bytes }) }))
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  let t = wallNow();
  const s = await ingest({ url: db.owner }, inputs, { roots: ['corpus'] }, { batchFiles: 100 });
  const ingestMs = wallNow() - t;
  if (s.added !== size) throw new Error(`ingest added ${s.added} of ${size}`);
  t = wallNow();
  await ingest({ url: db.owner }, inputs, { roots: ['corpus'] });
  const againMs = wallNow() - t;
  const c = new Client({ connectionString: db.owner });
  await c.connect();
  try {
    await c.query('VACUUM ANALYZE');
    const size0 = await c.query<{ n: string }>('SELECT pg_database_size(current_database()) AS n');
    const tables = await c.query<{ t: string; n: string }>(
      `SELECT relname AS t, pg_total_relation_size(relid) AS n FROM pg_stat_user_tables ORDER BY 2 DESC`,
    );
    const st = await c.query<{ documents: string; passages: string }>('SELECT documents, passages FROM corpus_stats');
    return {
      ingestMs,
      againMs,
      dbBytes: Number(size0.rows[0].n),
      tables: Object.fromEntries(tables.rows.map((r) => [r.t, Number(r.n)])),
      documents: Number(st.rows[0].documents),
      passages: Number(st.rows[0].passages),
      rss: process.memoryUsage().rss,
    };
  } finally {
    await c.end();
  }
}

export interface CheckResult {
  check: number[];
  rss: number;
  verdicts: Verdict[];
}

async function childCheck(repo: string, size: number): Promise<CheckResult> {
  const sentences = sentencesOf(repo);
  const corpus = await openServerCorpus({ url: withDatabase(READER(), dbName(size)), statementTimeoutMs: 60_000 });
  try {
    for (const s of sentences.slice(0, 5)) await corpus.check(s.text, { format: 'plaintext' });
    const check: number[] = [];
    const verdicts: Verdict[] = [];
    for (const s of sentences) {
      const t = wallNow();
      const f = await corpus.check(s.text, { format: 'plaintext' });
      check.push(wallNow() - t);
      verdicts.push(verdictOf(f));
    }
    return { check, rss: process.memoryUsage().rss, verdicts };
  } finally {
    await corpus.close();
  }
}

export interface AgreementRow {
  set: string;
  claims: number;
  same: number;
  differing: string[];
}

/** Verdicts of every eval set, local vs server (checked like bench/eval.ts's runSet). */
async function childAgree(repo: string): Promise<AgreementRow[]> {
  const shared = path.resolve(process.env.GROUNDWORK_SHARED ?? path.join(repo, '..', 'shared'));
  const specs: { name: string; claims: string; corpus: string }[] = [];
  const seedClaims = path.join(shared, 'eval', 'seed-claims.jsonl');
  if (fs.existsSync(seedClaims)) specs.push({ name: 'seed', claims: seedClaims, corpus: path.join(repo, 'seeds') });
  const pub = path.join(shared, 'eval', 'public');
  if (fs.existsSync(pub)) {
    for (const name of fs.readdirSync(pub).sort()) {
      const claims = path.join(pub, name, 'claims.jsonl');
      const corpus = path.join(pub, name, 'corpus');
      if (fs.existsSync(claims) && fs.existsSync(corpus)) specs.push({ name, claims, corpus });
    }
  }
  const rows: AgreementRow[] = [];
  for (const spec of specs) {
    const files: string[] = [];
    const walk = (d: string): void => {
      for (const e of fs.readdirSync(d, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
        const p = path.join(d, e.name);
        if (e.isDirectory()) walk(p);
        else if (e.isFile()) files.push(p);
      }
    };
    walk(spec.corpus);
    const rel = (f: string): string => {
      const r = path.relative(repo, f).split(path.sep).join('/');
      return r.startsWith('..') ? f : r;
    };
    const engine = createEngine();
    for (const f of files) engine.upsertSource(rel(f), fs.readFileSync(f));
    const db = await freshDatabase(`gw_bench_agree_${spec.name.replace(/[^a-z0-9]/gi, '_').toLowerCase()}`);
    const inputs: IngestInput[] = files
      .map((f) => ({ path: rel(f), read: () => ({ bytes: new Uint8Array(fs.readFileSync(f)) }) }))
      .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    await ingest({ url: db.owner }, inputs, { roots: [] });
    const corpus = await openServerCorpus({ url: db.reader });
    try {
      const claims = fs
        .readFileSync(spec.claims, 'utf8')
        .split(/\r?\n/)
        .filter((l) => l.trim())
        .map((l) => JSON.parse(l) as { id: string; text: string; sources: string[] });
      const cited = claims.length > 0 && claims.every((c) => c.sources.length > 0);
      const docs = engine.sources();
      const row: AgreementRow = { set: spec.name, claims: claims.length, same: 0, differing: [] };
      for (const claim of claims) {
        let draft = claim.text;
        let format: 'markdown' | 'plaintext' = 'plaintext';
        if (cited) {
          const keys = claim.sources.map((id) => docs.find((d) => path.basename(d.path).startsWith(id))?.key).filter((k): k is string => !!k);
          const marker = keys.length ? ` [${keys.map((k) => '@' + k).join('; ')}]` : '';
          const m = /([.!?]["”’)]*)\s*$/.exec(claim.text);
          draft = m ? claim.text.slice(0, m.index) + marker + claim.text.slice(m.index) : claim.text + marker;
          format = 'markdown';
        }
        const label = (f: Finding[]): string => {
          const v = verdictOf(f);
          const best = f.find((x) => x.verdict === v);
          return cited && best?.citedVerdict ? best.citedVerdict : v;
        };
        const a = label(await engine.check(draft, { format }));
        const b = label(await corpus.check(draft, { format }));
        if (a === b) row.same++;
        else row.differing.push(`${claim.id}: local ${a}, server ${b}`);
      }
      rows.push(row);
    } finally {
      await corpus.close();
    }
  }
  return rows;
}

/** Run a server bench child (`--child srv-*`); prints `RESULT <json>`. */
export async function serverChild(kind: string, repo: string, size: number): Promise<unknown> {
  switch (kind) {
    case 'srv-local':
      return childLocal(repo, size);
    case 'srv-ingest':
      return childIngest(repo, size);
    case 'srv-check':
      return childCheck(repo, size);
    case 'srv-agree':
      return childAgree(repo);
  }
  throw new Error(`unknown child ${kind}`);
}

// ---- parent -------------------------------------------------------------------------------

function runChildAsync<T>(script: string, kind: string, size: number, env: NodeJS.ProcessEnv): Promise<{ value?: T; error?: string; wallMs: number }> {
  const t = wallNow();
  return new Promise((resolve) => {
    const c = spawn(process.execPath, ['--expose-gc', '--max-old-space-size=12288', script, '--child', kind, '--size', String(size)], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    c.stdout.on('data', (d: Buffer) => (out += d.toString()));
    c.stderr.on('data', (d: Buffer) => (err += d.toString()));
    c.on('exit', (code, signal) => {
      const line = out.split('\n').find((l) => l.startsWith('RESULT '));
      if (code === 0 && line) resolve({ value: JSON.parse(line.slice(7)) as T, wallMs: wallNow() - t });
      else resolve({ error: signal ? `killed by ${signal}` : err.trim().split('\n').slice(-3).join(' ') || `exit ${code}`, wallMs: wallNow() - t });
    });
  });
}

export interface ServerBench {
  size: number;
  local?: LocalResult;
  ingest?: IngestResult;
  one?: CheckResult;
  eight?: CheckResult[];
  agree?: AgreementRow[];
  errors: string[];
}

export async function runServerBench(script: string, size: number, env: NodeJS.ProcessEnv, log: (s: string) => void): Promise<ServerBench> {
  const r: ServerBench = { size, errors: [] };
  const step = async <T>(label: string, kind: string): Promise<T | undefined> => {
    log(`  server, ${int(size)} docs: ${label} ... `);
    const c = await runChildAsync<T>(script, kind, size, env);
    log(c.value ? `done in ${ms(c.wallMs)}\n` : `FAILED (${c.error})\n`);
    if (c.error) r.errors.push(`${label}: ${c.error}`);
    return c.value;
  };
  r.local = await step<LocalResult>('local index (build, check)', 'srv-local');
  r.ingest = await step<IngestResult>('groundwork ingest', 'srv-ingest');
  if (r.ingest) {
    r.one = await step<CheckResult>('check, 1 client', 'srv-check');
    log(`  server, ${int(size)} docs: check, 8 clients at once ... `);
    const t = wallNow();
    const eight = await Promise.all(Array.from({ length: 8 }, () => runChildAsync<CheckResult>(script, 'srv-check', size, env)));
    const bad = eight.find((x) => x.error);
    log(bad ? `FAILED (${bad.error})\n` : `done in ${ms(wallNow() - t)}\n`);
    if (bad) r.errors.push(`8 clients: ${bad.error}`);
    else r.eight = eight.map((x) => x.value!);
  }
  r.agree = await step<AgreementRow[]>('verdict agreement on the evaluation sets', 'srv-agree');
  return r;
}

export const SERVER_BEGIN = '<!-- server:begin -->';
export const SERVER_END = '<!-- server:end -->';

export function serverSection(b: ServerBench, date: string): string {
  const out: string[] = [SERVER_BEGIN, `## Team corpus on PostgreSQL (${int(b.size)} documents)`, ''];
  out.push(
    `Measured ${date} by \`npm run bench\` (or \`npm run bench -- --server-only --server-size ${b.size}\`): the replicated BBC corpus, PostgreSQL ${'15'} from Debian on the same machine (scripts/pg-dev.sh), the local index beside it in the same run. Latencies are wall-clock times of \`check\` on one sentence (the bench sentences), through the server's read-only role.`,
    '',
  );
  if (b.errors.length) out.push(`Failures: ${b.errors.join('; ')}.`, '');
  const l = b.local;
  const g = b.ingest;
  if (l && g) {
    out.push(
      table(
        ['', 'local index', 'PostgreSQL'],
        [
          ['build / ingest', ms(l.buildMs), `${ms(g.ingestMs)} (re-ingest, nothing changed: ${ms(g.againMs)})`],
          ['size', `${mb(l.indexBytes)} (index file)`, `${mb(g.dbBytes)} (database)`],
          ['documents / passages', '', `${int(g.documents)} / ${int(g.passages)}`],
        ],
      ),
      '',
      `Database by table: ${Object.entries(g.tables)
        .map(([t, n]) => `${t} ${mb(n)}`)
        .join(', ')}.`,
      '',
    );
  }
  const p = (xs: number[], q: number): string => ms(quantile(xs, q));
  const rows: string[][] = [];
  if (l) rows.push(['local index, 1 process', p(l.check, 0.5), p(l.check, 0.95), mb(l.rss)]);
  if (b.one) rows.push(['server, 1 client', p(b.one.check, 0.5), p(b.one.check, 0.95), mb(b.one.rss)]);
  if (b.eight) {
    const all = b.eight.flatMap((x) => x.check);
    rows.push(['server, 8 clients at once (8 processes)', p(all, 0.5), p(all, 0.95), `${mb(quantile(b.eight.map((x) => x.rss), 0.5))} each`]);
  }
  if (rows.length) out.push(table(['check latency', 'p50', 'p95', 'process RSS'], rows), '');
  if (l && b.one) {
    const same = l.verdicts.filter((v, i) => v === b.one!.verdicts[i]).length;
    out.push(`Verdicts on the ${l.verdicts.length} bench sentences: ${same} of ${l.verdicts.length} the same (${((100 * same) / l.verdicts.length).toFixed(1)}%).`, '');
  }
  if (b.agree) {
    out.push(
      'Verdict agreement with the local index on the evaluation sets (bench/eval.ts; each claim checked the way eval checks it, once through each backend):',
      '',
      table(
        ['set', 'claims', 'same verdict', 'agreement'],
        b.agree.map((a) => [a.set, int(a.claims), int(a.same), `${((100 * a.same) / Math.max(1, a.claims)).toFixed(1)}%`]),
      ),
      '',
    );
    const diff = b.agree.flatMap((a) => a.differing.map((d) => `${a.set} ${d}`));
    if (diff.length) out.push(`Differing: ${diff.slice(0, 20).join('; ')}${diff.length > 20 ? ' …' : ''}.`, '');
  }
  out.push(SERVER_END);
  return out.join('\n');
}

/** docs/BENCHMARKS.md with its server section replaced (or appended). */
export function withServerSection(md: string, section: string): string {
  const a = md.indexOf(SERVER_BEGIN);
  const b = md.indexOf(SERVER_END);
  if (a >= 0 && b > a) return md.slice(0, a) + section + md.slice(b + SERVER_END.length);
  return `${md.trimEnd()}\n\n${section}\n`;
}
