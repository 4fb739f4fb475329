/**
 * `npm run bench`: indexing, checking and completion on real news corpora at growing
 * sizes, side by side in the same run with a plain MiniSearch index of the same passages
 * and Fuse.js over the titles; the shipped packages (bench/package.mjs); and the team corpus on
 * PostgreSQL beside the local index (bench/server.ts). Writes docs/BENCHMARKS.md.
 *
 *   node --expose-gc dist/bench.js [--sizes 1000,10000,100000] [--quick] [--no-write] [--no-package]
 *                                  [--no-server | --server-only] [--server-size N]
 *
 * Each system runs in its own child process per size (same sentences, clean heap
 * figures, no system can starve another of memory).
 */
import { installNodeRuntime } from '../src/node/runtime';
installNodeRuntime();
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem, platform, release } from 'node:os';
import { join, resolve } from 'node:path';
import MiniSearch from 'minisearch';
import Fuse from 'fuse.js';
import { createEngine, loadEngine } from '../src/core/engine';
import { parseSource } from '../src/core/corpus/parse';
import { buildSources, corporaDir, loadRealDocs, realOrder, type RealDoc } from './lib/corpora';
import { pickSentences, type BenchSentence } from './lib/sentences';
import { CLOCK, int, mb, median, mem, ms, now, quantile, ratio, table, wallNow } from './lib/stats';
import type { PdfBenchResult } from './pdf';
import { runServerBench, serverChild, serverSection, withServerSection, SERVER_BEGIN, SERVER_END } from './server';
import { pgDev } from './lib/pgdev';

const REPO = resolve(__dirname, '..');
const PER_KIND = 50;
/** Wall-clock budget for one baseline's queries at one size. */
const BASELINE_QUERY_BUDGET_MS = 40_000;
const MIN_BASELINE_QUERIES = 10;
/**
 * Runs per system at sizes up to the real corpus (2,520 articles): a run there takes
 * seconds and its timings swing by ±25% on a shared machine, so the run with the median
 * index time is reported. Larger sizes run once.
 */
const SMALL_SIZE_ROUNDS = 3;
const SMALL_SIZE = 2520;

interface Args {
  sizes: number[];
  write: boolean;
  /** Measure the shipped packages (bench/package.mjs); off: keep the section the file has. */
  package: boolean;
  child?: string;
  size?: number;
  /** The team-corpus section (bench/server.ts): off with --no-server; alone with --server-only. */
  server: boolean;
  serverOnly: boolean;
  /** Documents for the server section (default: the largest of --sizes). */
  serverSize?: number;
}

function parseArgs(argv: string[]): Args {
  const a: Args = { sizes: [1000, 10000, 100000], write: true, package: true, server: true, serverOnly: false };
  for (let i = 0; i < argv.length; i++) {
    const x = argv[i];
    if (x === '--quick') a.sizes = [1000];
    else if (x === '--sizes') a.sizes = argv[++i].split(',').map((s) => Math.round(Number(s.replace(/k$/i, '')) * (/k$/i.test(s) ? 1000 : 1)));
    else if (x === '--no-write') a.write = false;
    else if (x === '--no-package') a.package = false;
    else if (x === '--child') a.child = argv[++i];
    else if (x === '--size') a.size = Number(argv[++i]);
    else if (x === '--no-server') a.server = false;
    else if (x === '--server-only') a.serverOnly = true;
    else if (x === '--server-size') a.serverSize = Math.round(Number(argv[++i].replace(/k$/i, '000')));
    else if (x === '--help' || x === '-h') {
      console.log('usage: node --expose-gc dist/bench.js [--sizes 1000,10000,100000] [--quick] [--no-write] [--no-package] [--no-server | --server-only] [--server-size N]');
      process.exit(0);
    } else {
      console.error(`unknown argument ${x}`);
      process.exit(2);
    }
  }
  if (a.sizes.some((n) => !Number.isFinite(n) || n < 1)) {
    console.error('--sizes: comma-separated positive numbers (e.g. 1000,10k)');
    process.exit(2);
  }
  return a;
}

// ---- shared set-up (every child computes the same) -------------------------------------

interface Setup {
  real: RealDoc[];
  sentences: BenchSentence[];
}

function setup(): Setup {
  const real = loadRealDocs(corporaDir(REPO));
  const candidates = realOrder(real.length).slice(0, 1000);
  const passagesByReal = new Map<number, string[]>();
  for (const r of candidates) {
    const doc = parseSource(`corpus/${real[r].name}`, real[r].bytes).doc;
    if (doc) passagesByReal.set(r, doc.passages.map((p) => p.text));
  }
  return { real, sentences: pickSentences(passagesByReal, candidates, PER_KIND) };
}

// ---- children ------------------------------------------------------------------------

interface QueryTimes {
  /** Per sentence (index into sentences), ms; NaN when not run. */
  times: number[];
}

interface EngineResult {
  docs: number;
  passages: number;
  corpusBytes: number;
  indexMs: number;
  parseMs: number;
  heapBytes: number;
  externalBytes: number;
  serializeMs: number;
  serializedBytes: number;
  loadMs: number;
  updateMs: number;
  removeMs: number;
  search: number[];
  check: number[];
  suggest: number[];
  verdicts: { verbatimSupported: number; alteredConflict: number; alteredSupported: number };
}

async function childEngine(size: number): Promise<EngineResult> {
  const { real, sentences } = setup();
  const sources = buildSources(real, size);
  // JIT warm-up on a separate engine, about as many passages as MiniSearch's warm-up.
  {
    const w = createEngine();
    for (const s of sources.slice(0, 90)) w.upsertSource(`warmup/${s.path}`, real[s.real].bytes);
    for (const s of sentences.slice(0, 5)) {
      w.search(s.text);
      await w.check(s.text, { format: 'plaintext' });
      w.suggest(s.text, 20);
    }
  }
  // Parsing alone (the share of indexing spent in the corpus parser), measured on up to
  // the first 2,520 sources and scaled (larger corpora repeat the same documents).
  const sample = sources.slice(0, Math.min(sources.length, real.length));
  let t = now();
  for (const s of sample) parseSource(s.path, real[s.real].bytes);
  const parseMs = ((now() - t) * sources.length) / sample.length;

  const m0 = mem();
  t = now();
  let built: ReturnType<typeof createEngine> | undefined = createEngine();
  let corpusBytes = 0;
  for (const s of sources) {
    const b = real[s.real].bytes;
    corpusBytes += b.length;
    built.upsertSource(s.path, b);
  }
  built.sources(); // keys assigned
  const indexMs = now() - t;
  const passages = built.stats.passages;
  const m1 = mem();

  t = now();
  const bytes = built.serialize();
  const serializeMs = now() - t;
  // Warm start as an editor or the CLI does it: a fresh process state, the index file
  // loaded; the queries below run on the loaded engine.
  built = undefined;
  mem();
  t = now();
  const e = loadEngine(bytes);
  const loadMs = now() - t;
  if (e.stats.passages !== passages) throw new Error('loaded index differs');

  const search: number[] = [];
  const check: number[] = [];
  const suggest: number[] = [];
  const verdicts = { verbatimSupported: 0, alteredConflict: 0, alteredSupported: 0 };
  for (const s of sentences) {
    t = now();
    e.search(s.text, { limit: 20 });
    search.push(now() - t);
    t = now();
    const f = await e.check(s.text, { format: 'plaintext' });
    check.push(now() - t);
    t = now();
    e.suggest(s.text, 20);
    suggest.push(now() - t);
    const v = f[0]?.verdict;
    if (s.kind === 'verbatim' && v === 'supported') verdicts.verbatimSupported++;
    if (s.kind === 'altered' && v === 'conflict') verdicts.alteredConflict++;
    if (s.kind === 'altered' && v === 'supported') verdicts.alteredSupported++;
  }

  // Incremental: change one document, remove another.
  const one = sources[Math.floor(sources.length / 2)];
  const changed = new TextEncoder().encode(new TextDecoder().decode(real[one.real].bytes) + '\nA late correction was added.\n');
  t = now();
  e.upsertSource(one.path, changed);
  const updateMs = now() - t;
  t = now();
  e.removeSource(sources[0].path);
  const removeMs = now() - t;

  return {
    docs: size,
    passages,
    corpusBytes,
    indexMs,
    parseMs,
    heapBytes: m1.heap - m0.heap,
    externalBytes: m1.external - m0.external,
    serializeMs,
    serializedBytes: bytes.length,
    loadMs,
    updateMs,
    removeMs,
    search,
    check,
    suggest,
    verdicts,
  };
}

interface MiniSearchResult {
  passages: number;
  indexMs: number;
  heapBytes: number;
  serializedBytes: number;
  serializeNote?: string;
  query: number[];
}

/** The same passages as the engine (parsed once per real document, replicated like the files). */
function replicatedPassages(real: RealDoc[], size: number): { id: number; text: string }[] {
  const byReal = new Map<number, string[]>();
  const sources = buildSources(real, size);
  const out: { id: number; text: string }[] = [];
  for (const s of sources) {
    let ps = byReal.get(s.real);
    if (!ps) {
      ps = parseSource(s.path, real[s.real].bytes).doc?.passages.map((p) => p.text) ?? [];
      byReal.set(s.real, ps);
    }
    for (const text of ps) out.push({ id: out.length, text });
  }
  return out;
}

function budgeted(sentences: BenchSentence[], run: (s: BenchSentence) => void): number[] {
  const times = sentences.map(() => NaN);
  const start = wallNow();
  // Interleave kinds so a cut-off keeps both.
  const order = sentences.map((_, i) => i).sort((a, b) => (a % PER_KIND) - (b % PER_KIND) || a - b);
  let done = 0;
  for (const i of order) {
    if (done >= MIN_BASELINE_QUERIES && wallNow() - start > BASELINE_QUERY_BUDGET_MS) break;
    const t = now();
    run(sentences[i]);
    times[i] = now() - t;
    done++;
  }
  return times;
}

function childMiniSearch(size: number): MiniSearchResult {
  const { real, sentences } = setup();
  const items = replicatedPassages(real, size);
  {
    const w = new MiniSearch<{ id: number; text: string }>({ fields: ['text'] });
    w.addAll(items.slice(0, 2000));
    for (const s of sentences.slice(0, 5)) w.search(s.text);
  }
  const m0 = mem();
  let t = now();
  const index = new MiniSearch<{ id: number; text: string }>({ fields: ['text'] });
  index.addAll(items);
  const indexMs = now() - t;
  const m1 = mem();
  const query = budgeted(sentences, (s) => index.search(s.text));
  // Serialized size: JSON.stringify(index), measured in parts so no single string
  // exceeds V8's maximum string length.
  let serializedBytes = NaN;
  let serializeNote: string | undefined;
  try {
    const json = index.toJSON() as unknown as Record<string, unknown> & { index: unknown[] };
    const { index: entries, ...rest } = json;
    serializedBytes = Buffer.byteLength(JSON.stringify(rest)) + 12;
    for (const entry of entries) serializedBytes += Buffer.byteLength(JSON.stringify(entry)) + 1;
  } catch (err) {
    serializeNote = (err as Error).message;
  }
  return { passages: items.length, indexMs, heapBytes: m1.heap - m0.heap + (m1.external - m0.external), serializedBytes, serializeNote, query };
}

interface FuseResult {
  titles: number;
  indexMs: number;
  query: number[];
}

function childFuse(size: number): FuseResult {
  const { real, sentences } = setup();
  const titles = buildSources(real, size).map((s) => ({ title: real[s.real].title, path: s.path }));
  const opts = { keys: ['title'], includeScore: true, threshold: 0.4, ignoreLocation: true };
  {
    const w = new Fuse(titles.slice(0, 500), opts);
    for (const s of sentences.slice(0, 3)) w.search(s.text, { limit: 20 });
  }
  const t = now();
  const fuse = new Fuse(titles, opts);
  const indexMs = now() - t;
  const query = budgeted(sentences, (s) => fuse.search(s.text, { limit: 20 }));
  return { titles: titles.length, indexMs, query };
}

// ---- orchestration -------------------------------------------------------------------

interface SizeResult {
  size: number;
  engine?: EngineResult;
  minisearch?: MiniSearchResult;
  fuse?: FuseResult;
  skipped: string[];
  /** Runs per system (the reported one has the median index time). */
  rounds?: number;
}

/**
 * Children run from a private copy of this bundle, so a rebuild of dist/ during the run
 * (other work on the machine) cannot mix code versions within one report.
 */
let childScript = __filename;

function runChild<T>(system: string, size: number): { value?: T; error?: string; wallMs: number } {
  const t = wallNow();
  const r = spawnSync(
    process.execPath,
    ['--expose-gc', '--max-old-space-size=12288', childScript, '--child', system, '--size', String(size)],
    {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
      timeout: 20 * 60_000,
      env: { ...process.env, GROUNDWORK_CORPORA: corporaDir(REPO) },
    },
  );
  const wallMs = wallNow() - t;
  const line = (r.stdout ?? '').split('\n').find((l) => l.startsWith('RESULT '));
  if (r.status === 0 && line) return { value: JSON.parse(line.slice(7)) as T, wallMs };
  const why = r.error
    ? r.error.message
    : r.signal
      ? `killed by ${r.signal}`
      : (r.stderr ?? '').trim().split('\n').slice(-3).join(' ') || `exit ${r.status}`;
  return { error: why, wallMs };
}

function pairedRatio(a: number[], b: number[]): { median: number; ofMedians: number; n: number } {
  const rs: number[] = [];
  const aa: number[] = [];
  const bb: number[] = [];
  for (let i = 0; i < a.length; i++) {
    if (Number.isFinite(a[i]) && Number.isFinite(b[i]) && b[i] > 0) {
      rs.push(a[i] / b[i]);
      aa.push(a[i]);
      bb.push(b[i]);
    }
  }
  return { median: median(rs), ofMedians: median(aa) / median(bb), n: rs.length };
}

function finite(xs: number[]): number[] {
  return xs.filter((x) => Number.isFinite(x));
}

// The "Installed package" section: written by bench/package.mjs between these markers.
const PACKAGE_BEGIN = '<!-- installed-package:begin';
const PACKAGE_END = '<!-- installed-package:end -->';

/** The installed-package section: measured now (bench/package.mjs, a few installed VS Code windows) or kept from the file. */
function packageSection(measure: boolean): string {
  if (measure) {
    console.log('Installed package (bench/package.mjs): .vsix and npm package sizes, activation in VS Code ...');
    const r = spawnSync(process.execPath, [join(REPO, 'bench', 'package.mjs'), '--print'], { cwd: REPO, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
    if (r.status !== 0) throw new Error('bench/package.mjs failed (see above; --no-package skips it)');
    return r.stdout;
  }
  const file = join(REPO, 'docs', 'BENCHMARKS.md');
  const md = existsSync(file) ? readFileSync(file, 'utf8') : '';
  const a = md.indexOf(PACKAGE_BEGIN);
  const b = md.indexOf(PACKAGE_END);
  return a >= 0 && b > a ? `${md.slice(a, b + PACKAGE_END.length)}\n` : '';
}

/** PDF indexing against pdf.js's own extraction (bench/pdf.ts, run as dist/bench-pdf.js). */
function runPdfBench(): PdfBenchResult {
  const script = join(__dirname, 'bench-pdf.js');
  const r = spawnSync(process.execPath, [script], { encoding: 'utf8', maxBuffer: 1 << 26, timeout: 30 * 60_000 });
  const line = (r.stdout ?? '').split('\n').find((l) => l.startsWith('RESULT '));
  if (!line) return { files: 0, pages: 0, bytes: 0, libraryMs: 0, groundworkMs: 0, engineMs: 0, passages: 0, error: (r.stderr || r.error?.message || `exit ${r.status}`).trim().split('\n').pop() };
  return JSON.parse(line.slice(7)) as PdfBenchResult;
}

function pdfSection(p: PdfBenchResult | undefined): string[] {
  if (!p) return [];
  const out = ['## PDF sources', ''];
  if (p.error) {
    out.push(`Skipped: ${p.error}.`, '');
    return out;
  }
  const perSec = (ms: number) => (ms > 0 ? (p.pages / (ms / 1000)).toFixed(1) : '–');
  out.push(
    `${p.files} PDFs printed by headless Chromium from ${p.files} batches of real BBC articles: ${int(p.pages)} pages, ${mb(p.bytes)}, ${int(p.passages)} passages. Wall-clock time (the extraction is asynchronous), median of 3 interleaved rounds.`,
    '',
    table(
      ['path', 'time', 'pages/s', 'share'],
      [
        ['pdf.js alone (`getTextContent` on every page)', ms(p.libraryMs), perSec(p.libraryMs), '1.00×'],
        ['Groundwork indexing (pdf.js, layout, parse, index)', ms(p.groundworkMs), perSec(p.groundworkMs), `${(p.groundworkMs / p.libraryMs).toFixed(2)}×`],
        ['of which parse and index in the engine', ms(p.engineMs), perSec(p.engineMs), `${(p.engineMs / p.libraryMs).toFixed(2)}×`],
      ],
    ),
    '',
    `What Groundwork adds on top of the library's extraction (the difference of the first two rows; the rounds are timed separately, so it carries their noise): ${ms(Math.max(0, p.groundworkMs - p.libraryMs))}; the engine's own share, timed inside the second row: ${ms(p.engineMs)} (${((p.engineMs / p.groundworkMs) * 100).toFixed(0)}% of indexing).`,
    '',
  );
  return out;
}

function report(results: SizeResult[], sentences: BenchSentence[], started: Date, totalMs: number, pkgSection = '', pdf?: PdfBenchResult): string {
  const c = cpus();
  const machine = `${c.length} cores (${c[0]?.model?.trim() ?? 'unknown CPU'}), ${(totalmem() / 2 ** 30).toFixed(0)} GiB RAM, ${platform()} ${release()}, Node ${process.version}`;
  const out: string[] = [];
  out.push('# Benchmarks');
  out.push('');
  out.push('Generated by `npm run bench` (`bench/bench.ts`); do not edit by hand.');
  out.push('');
  out.push(`- Date: ${started.toISOString().replace(/\.\d+Z$/, 'Z')}; full run took ${ms(totalMs)}.`);
  out.push(
    CLOCK === 'cpu'
      ? `- Machine: ${machine}. It was shared with other work while this ran, so every time below is **CPU time** of the measuring process (user + system, \`process.cpuUsage\`), which counts the work done rather than the waiting; ratios are taken in the same run. Set \`GROUNDWORK_BENCH_CLOCK=wall\` for wall-clock times.`
      : `- Machine: ${machine}. Times are wall-clock; ratios are taken in the same run.`,
  );
  out.push(
    '- Corpus: `../shared/corpora/` (2,225 BBC News articles, JSONL, and 295 Wikinews articles, CSV), each article written as a plain-text source with `Title:`/`Date:`/`Source:` header lines. ' +
      '**Sizes beyond the 2,520 real articles are built by replication**: copies of the real files under renamed paths (`copyN/...`), the whole list shuffled with a fixed seed. The 1k corpus is a seeded sample of the real articles.',
  );
  out.push(
    `- Sentences: ${sentences.filter((s) => s.kind === 'verbatim').length} passages taken verbatim from the corpus and ${sentences.filter((s) => s.kind === 'altered').length} with one number altered, all from documents present at every size.`,
  );
  out.push(
    `- Each system runs in its own Node process per size (\`--expose-gc\`, heap measured after a forced GC), after a warm-up on about 2,000 passages. At sizes up to ${int(SMALL_SIZE)} documents each system runs ${SMALL_SIZE_ROUNDS} times, the systems interleaved, and the run with the median index time is reported (single runs of a few seconds swing by ±25% on a shared machine); larger sizes run once. MiniSearch (default options, field \`text\`, OR query) indexes exactly the passages the engine indexes; Fuse.js (threshold 0.4, \`ignoreLocation\`) indexes the titles only. A baseline's queries stop after ${BASELINE_QUERY_BUDGET_MS / 1000} s (at least ${MIN_BASELINE_QUERIES} sentences); ratios use the sentences both answered.`,
  );
  out.push('');

  out.push('## Engine (Groundwork index)');
  out.push('');
  out.push(
    table(
      ['docs', 'passages', 'corpus text', 'index (parse+analyze+index)', 'docs/s', 'passages/s', 'of which parsing', 'heap + typed arrays', 'index file', 'file / text', 'serialize', 'load', 'change 1 doc', 'remove 1 doc'],
      results.map((r) => {
        const e = r.engine;
        if (!e) return [int(r.size), 'failed'];
        return [
          int(e.docs),
          int(e.passages),
          mb(e.corpusBytes),
          ms(e.indexMs),
          int(e.docs / (e.indexMs / 1000)),
          int(e.passages / (e.indexMs / 1000)),
          ms(e.parseMs),
          mb(e.heapBytes + e.externalBytes),
          mb(e.serializedBytes),
          ratio(e.serializedBytes / e.corpusBytes),
          ms(e.serializeMs),
          ms(e.loadMs),
          ms(e.updateMs),
          ms(e.removeMs),
        ];
      }),
    ),
  );
  out.push('');
  out.push('Per sentence (median / p95):');
  out.push('');
  out.push(
    table(
      ['docs', 'search (top 20)', 'check (retrieve + align + verdict)', 'suggest (completion ranking)', 'verbatim → supported', 'altered → conflict', 'altered → supported'],
      results.map((r) => {
        const e = r.engine;
        if (!e) return [int(r.size), 'failed'];
        const nv = sentences.filter((s) => s.kind === 'verbatim').length;
        const na = sentences.length - nv;
        return [
          int(r.size),
          `${ms(median(e.search))} / ${ms(quantile(e.search, 0.95))}`,
          `${ms(median(e.check))} / ${ms(quantile(e.check, 0.95))}`,
          `${ms(median(e.suggest))} / ${ms(quantile(e.suggest, 0.95))}`,
          `${e.verdicts.verbatimSupported}/${nv}`,
          `${e.verdicts.alteredConflict}/${na}`,
          `${e.verdicts.alteredSupported}/${na}`,
        ];
      }),
    ),
  );
  out.push('');

  out.push('## Baselines in the same run');
  out.push('');
  out.push(
    table(
      ['docs', 'MiniSearch passages', 'MiniSearch index', 'passages/s', 'heap', 'JSON size', 'JSON / text', 'query median / p95 (n)', 'Fuse titles', 'Fuse index', 'Fuse query median / p95 (n)'],
      results.map((r) => {
        const m = r.minisearch;
        const f = r.fuse;
        const e = r.engine;
        const mq = m ? finite(m.query) : [];
        const fq = f ? finite(f.query) : [];
        return [
          int(r.size),
          m ? int(m.passages) : 'skipped',
          m ? ms(m.indexMs) : '',
          m ? int(m.passages / (m.indexMs / 1000)) : '',
          m ? mb(m.heapBytes) : '',
          m ? (Number.isFinite(m.serializedBytes) ? mb(m.serializedBytes) : `n/a (${m.serializeNote})`) : '',
          m && e ? ratio(m.serializedBytes / e.corpusBytes) : '',
          m ? `${ms(median(mq))} / ${ms(quantile(mq, 0.95))} (${mq.length})` : '',
          f ? int(f.titles) : 'skipped',
          f ? ms(f.indexMs) : '',
          f ? `${ms(median(fq))} / ${ms(quantile(fq, 0.95))} (${fq.length})` : '',
        ];
      }),
    ),
  );
  const skipped = results.flatMap((r) => r.skipped.map((s) => `- ${int(r.size)} docs: ${s}`));
  if (skipped.length) {
    out.push('');
    out.push('Skipped or failed:');
    out.push(...skipped);
  }
  out.push('');

  out.push('## Targets (ratios to MiniSearch in the same run)');
  out.push('');
  out.push(
    table(
      ['docs', 'indexing speed vs MiniSearch (target ≥ 1×)', 'check time / MiniSearch query time (target ≤ 0.2×): median of per-sentence ratios; ratio of medians', 'index file / corpus text (target ≤ 1×; MiniSearch JSON)', 'search / MiniSearch query'],
      results.map((r) => {
        const e = r.engine;
        const m = r.minisearch;
        if (!e || !m) return [int(r.size), 'n/a', 'n/a', e ? ratio(e.serializedBytes / e.corpusBytes) : 'n/a', 'n/a'];
        const cr = pairedRatio(e.check, m.query);
        const sr = pairedRatio(e.search, m.query);
        return [
          int(r.size),
          `${ratio(m.indexMs / e.indexMs)} (index only, without parsing: ${ratio(m.indexMs / Math.max(1, e.indexMs - e.parseMs))})`,
          `${ratio(cr.median)}; ${ratio(cr.ofMedians)} (n = ${cr.n})`,
          `${ratio(e.serializedBytes / e.corpusBytes)} (${ratio(m.serializedBytes / e.corpusBytes)})`,
          `${ratio(sr.median)}`,
        ];
      }),
    ),
  );
  out.push('');

  out.push('## Growth from size to size');
  out.push('');
  out.push('Each cell: how much the figure grew when the corpus grew by the factor in the first column (linear growth = the same factor; below it = sublinear).');
  out.push('');
  const growth: string[][] = [];
  for (let i = 1; i < results.length; i++) {
    const a = results[i - 1];
    const b = results[i];
    if (!a.engine || !b.engine) continue;
    const g = (x: number, y: number) => ratio(y / x);
    const mg =
      a.minisearch && b.minisearch
        ? `${g(a.minisearch.indexMs, b.minisearch.indexMs)} / ${g(median(finite(a.minisearch.query)), median(finite(b.minisearch.query)))}`
        : 'n/a';
    growth.push([
      `${int(a.size)} → ${int(b.size)} (${g(a.size, b.size)})`,
      g(a.engine.passages, b.engine.passages),
      g(a.engine.indexMs, b.engine.indexMs),
      g(a.engine.heapBytes + a.engine.externalBytes, b.engine.heapBytes + b.engine.externalBytes),
      g(a.engine.serializedBytes, b.engine.serializedBytes),
      g(a.engine.loadMs, b.engine.loadMs),
      g(median(a.engine.search), median(b.engine.search)),
      g(median(a.engine.check), median(b.engine.check)),
      g(median(a.engine.suggest), median(b.engine.suggest)),
      mg,
    ]);
  }
  out.push(
    table(
      ['corpus growth', 'passages', 'index time', 'memory', 'index file', 'load', 'search median', 'check median', 'suggest median', 'MiniSearch index / query'],
      growth,
    ),
  );
  out.push('');
  out.push(...pdfSection(pdf));
  out.push('## The index being measured');
  out.push('');
  out.push(
    'A purpose-built passage index (`src/core/index/`), chosen over a library because none met the targets together (issue 2 measured MiniSearch at ~110 ms per 14-word query on 41k passages and 1.9× the corpus text serialized; FlexSearch does not rank by BM25; Orama ~640 ms; Fuse.js ~6 s): ' +
      'a term dictionary (`Map` term → id); one posting list per term in a growable `Uint32Array` packing passage id and term frequency (`pid·16 + min(tf, 15)`, 4 bytes a posting); passage lengths, owners and tie-break keys in typed arrays; ' +
      'BM25 (k1 1.2, b 0.75) with MaxScore pruning (per-term upper bounds from the largest tf and the shortest passage; galloping skips in the non-essential lists) and ties broken by a hash of the passage id, so results never depend on insertion order; ' +
      'incremental updates (a document\'s passages are contiguous ids; removal tombstones them and decrements document frequencies exactly; compaction when dead postings pass a quarter). ' +
      'The index file holds documents, passages, ranges, warnings and postings: texts as ids into a word/separator dictionary, passages as offsets into their text, ranges and postings as delta varints, behind a header with magic bytes, format version, analyzer fingerprint, length and CRC-32 (any damage → `CacheError` → rebuild).',
  );
  out.push('');
  if (pkgSection) out.push(pkgSection);
  out.push('## How to read and reproduce');
  out.push('');
  out.push('- `npm run bench` runs 1k, 10k and 100k documents (about 15 minutes on 2 cores) and the installed-package measurement (about 1.5 minutes); `npm run bench -- --quick` runs 1k only; `--sizes 1000,5000` chooses; `--no-write` leaves this file alone; `--no-package` skips the installed package and keeps its section; `npm run bench:package` measures only the installed package and rewrites only its section. The team corpus on PostgreSQL (bench/server.ts) runs at the largest size by default (about 25 minutes at 100k); `--no-server` skips it and keeps its section, `--server-only [--server-size N]` runs only it and rewrites only its section. `GROUNDWORK_CORPORA` points at another corpora folder.');
  out.push('- The engine\'s parsing share is measured on up to 2,520 files and scaled to the corpus size.');
  out.push('- "index" for the engine is `upsertSource` for every file: decoding, metadata, sentence splitting with source ranges, language detection, term analysis (Snowball stemming), postings. MiniSearch gets the already-split passages, so its figure has no parsing in it; the "index only" ratio subtracts the engine\'s measured parsing time.');
  out.push('- Serialize runs on the engine that indexed the corpus; that engine is then dropped and the index file loaded (warm start); search, check, suggest and the one-document change/removal run on the loaded engine.');
  out.push('- "load" is `loadEngine(bytes)`: header, CRC-32, and a decode that checks every byte (word ids, passage offsets, postings) and rebuilds the posting lists; a document\'s text and passage objects are built from the decoded table on first read, so the queries after it pay for the documents they touch.');
  out.push('- "check" is `await engine.check(sentence)`: draft parsing, check-worthiness, retrieval, alignment and the verdict; "search" is retrieval alone (top 20 passages); "suggest" ranks every source for a citation completion.');
  out.push('- The verdict columns are a sanity check on replicated news text, not an evaluation (see docs/EVAL.md).');
  out.push('');
  return out.join('\n');
}

// ---- many small files (issue 8: cold indexing must be linear in the number of files) ----

/** Files of the many-small-files shape. */
const NOTE_COUNTS = [1000, 10000];

/**
 * A newsroom's folder of short press notes: one outlet, one year, one title word, so
 * every note has the same base citation key (one collision group, the case that was
 * quadratic). Indexed the way the CLI does it: a lookup, then an upsert, per file.
 */
function childNotes(count: number): { indexMs: number; files: number; keys: number } {
  const enc = new TextEncoder();
  const files = Array.from({ length: count }, (_, i) => {
    const text = `Press note\nSource: City Hall\ndate 2024-${String(1 + (i % 12)).padStart(2, '0')}-0${1 + (i % 9)}\n\nThe council discussed agenda item ${i} and approved ${i % 7} grants of ${100 + (i % 50)} euros.\n`;
    return [`notes/${String(i).padStart(6, '0')}.txt`, enc.encode(text)] as const;
  });
  globalThis.gc?.();
  const t = now();
  const e = createEngine();
  for (const [p, b] of files) {
    e.getSource(p);
    e.upsertSource(p, b);
  }
  const keys = new Set(e.sources().map((d) => d.key)).size;
  return { indexMs: now() - t, files: count, keys };
}

function notesReport(rows: Array<{ count: number; indexMs?: number; keys?: number; error?: string }>): string {
  const out: string[] = [];
  out.push('## Many small files');
  out.push('');
  out.push('Cold indexing of short press notes that all share one base citation key (one outlet, year and title word), through `getSource` + `upsertSource` per file as the CLI does: the cost must grow with the number of files, not with its square (issue 8).');
  out.push('');
  out.push('| files | index | per file | distinct keys |');
  out.push('|---:|---:|---:|---:|');
  for (const r of rows) out.push(r.indexMs === undefined ? `| ${int(r.count)} | failed: ${r.error} | | |` : `| ${int(r.count)} | ${ms(r.indexMs)} | ${(r.indexMs / r.count).toFixed(3)} ms | ${int(r.keys ?? 0)} |`);
  const [a, b] = rows;
  if (a?.indexMs && b?.indexMs) out.push('', `${int(b.count)} files cost ${(b.indexMs / a.indexMs).toFixed(1)}× ${int(a.count)} files (target about ${(b.count / a.count).toFixed(0)}×, linear).`);
  out.push('');
  return out.join('\n');
}

/**
 * The extension host figures of the last VS Code benchmark runs (test/integration/perf.test.ts
 * writes out/bench-vscode.json, and out/bench-vscode-10000.json with
 * GROUNDWORK_BENCH_FILES=10000), copied into this report with their dates.
 */
function hostReport(): string {
  const out = ['## The VS Code extension host', ''];
  out.push('Longest gap of a 5 ms timer on the extension host (test/integration/perf.test.ts, BBC News corpus; `npm run test:integration`, and `GROUNDWORK_BENCH_FILES=10000` for 10,000 files). Target: no gap over 50 ms. The probe counts every stall of the host, whoever causes it (other extensions, VS Code itself, the process not being scheduled on a busy machine); `GROUNDWORK_HOST_PROFILE=DIR` writes CPU profiles to attribute them.');
  out.push('');
  out.push('| files | run | index | longest gap while indexing (p99) | warm start gap (p99) | gap while answering (p99) | completion | hover | check |');
  out.push('|---:|---|---:|---:|---:|---:|---:|---:|---:|');
  let any = false;
  for (const f of ['bench-vscode.json', 'bench-vscode-10000.json']) {
    let r: Record<string, any>;
    try {
      r = JSON.parse(readFileSync(join(REPO, 'out', f), 'utf8'));
    } catch {
      continue;
    }
    any = true;
    const gap = (g: { maxMs: number; p99Ms: number }) => `${g.maxMs} ms (${g.p99Ms} ms)`;
    out.push(`| ${int(r.documents)} | ${String(r.date).slice(0, 16).replace('T', ' ')} | ${r.indexSeconds} s | ${gap(r.eventLoopDuringIndexing)} | ${gap(r.eventLoopDuringWarmStart)} | ${gap(r.eventLoopDuringQueries)} | ${r.completionMs} ms | ${r.hoverMs} ms | ${r.checkDocumentMs} ms |`);
  }
  if (!any) out.push('| | no VS Code benchmark figures in out/ (run `npm run test:integration`) | | | | | | | |');
  out.push('');
  return out.join('\n');
}

function main(): void {
  const args = parseArgs(process.argv.slice(2));
  if (args.child?.startsWith('srv-')) {
    const repo = process.env.GROUNDWORK_BENCH_REPO ?? REPO;
    void serverChild(args.child, repo, args.size ?? 1000).then((r) => process.stdout.write(`RESULT ${JSON.stringify(r)}\n`));
    return;
  }
  if (args.child) {
    const size = args.size ?? 1000;
    const fn = args.child === 'engine' ? childEngine : args.child === 'minisearch' ? childMiniSearch : args.child === 'fuse' ? childFuse : args.child === 'notes' ? childNotes : undefined;
    if (!fn) throw new Error(`unknown child ${args.child}`);
    void Promise.resolve(fn(size)).then((r) => process.stdout.write(`RESULT ${JSON.stringify(r)}\n`));
    return;
  }
  const started = new Date();
  const t0 = wallNow();
  childScript = join(tmpdir(), `groundwork-bench-${process.pid}.js`);
  copyFileSync(__filename, childScript);
  process.on('exit', () => rmSync(childScript, { force: true }));
  const serverSize = args.serverSize ?? Math.max(...args.sizes);
  const runServer = async (): Promise<string> => {
    const pg = pgDev(join(REPO, 'scripts', 'pg-dev.sh'));
    const env = { GROUNDWORK_BENCH_PG_OWNER: pg.ownerUrl, GROUNDWORK_BENCH_PG_READER: pg.readerUrl, GROUNDWORK_BENCH_REPO: REPO, GROUNDWORK_CORPORA: corporaDir(REPO) };
    const b = await runServerBench(childScript, serverSize, env, (s) => process.stdout.write(s));
    return serverSection(b, started.toISOString().slice(0, 10));
  };
  if (args.serverOnly) {
    void runServer().then((section) => {
      console.log('');
      console.log(section);
      const file = join(REPO, 'docs', 'BENCHMARKS.md');
      if (args.write) {
        writeFileSync(file, withServerSection(existsSync(file) ? readFileSync(file, 'utf8') : '', section));
        console.log(`wrote the server section of ${file}`);
      }
    });
    return;
  }
  const pkgSection = packageSection(args.package);
  const { sentences } = setup();
  const results: SizeResult[] = [];
  const note = args.sizes.some((n) => n > 2520) ? ' (sizes above 2,520 are replicated copies of the real articles)' : '';
  console.log(`Groundwork bench: sizes ${args.sizes.join(', ')}${note}; ${sentences.length} sentences`);
  for (const size of args.sizes) {
    const r: SizeResult = { size, skipped: [] };
    const rounds = size <= SMALL_SIZE ? SMALL_SIZE_ROUNDS : 1;
    const runs: Record<string, Array<{ indexMs: number }>> = {};
    // Rounds interleave the systems, so a slow spell of the machine hits each of them.
    for (let round = 0; round < rounds; round++) {
      for (const system of ['engine', 'minisearch', 'fuse'] as const) {
        process.stdout.write(`  ${int(size)} docs: ${system}${rounds > 1 ? ` (run ${round + 1}/${rounds})` : ''} ... `);
        const c = runChild<{ indexMs: number }>(system, size);
        if (c.value) (runs[system] ??= []).push(c.value);
        else if (!r.skipped.some((x) => x.startsWith(`${system}:`))) r.skipped.push(`${system}: ${c.error}`);
        console.log(c.value ? `done in ${ms(c.wallMs)} (index ${ms(c.value.indexMs)})` : `FAILED (${c.error})`);
      }
    }
    for (const [system, list] of Object.entries(runs)) {
      const sorted = [...list].sort((a, b) => a.indexMs - b.indexMs);
      (r as unknown as Record<string, unknown>)[system] = sorted[Math.floor((sorted.length - 1) / 2)];
      r.skipped = r.skipped.filter((x) => !x.startsWith(`${system}:`));
    }
    r.rounds = rounds;
    results.push(r);
  }
  process.stdout.write('  PDF: printing real articles with Chromium, then pdf.js alone and Groundwork indexing ... ');
  const pdf = runPdfBench();
  console.log(pdf.error ? `skipped (${pdf.error})` : `${pdf.pages} pages: pdf.js ${ms(pdf.libraryMs)}, Groundwork ${ms(pdf.groundworkMs)}`);
  const notes = NOTE_COUNTS.map((count) => {
    process.stdout.write(`  ${int(count)} small files (one key group) ... `);
    const c = runChild<{ indexMs: number; keys: number }>('notes', count);
    console.log(c.value ? `index ${ms(c.value.indexMs)}` : `FAILED (${c.error})`);
    return { count, indexMs: c.value?.indexMs, keys: c.value?.keys, error: c.error };
  });
  void (args.server ? runServer() : Promise.resolve(keptServerSection())).then((section) => {
    const md = `${report(results, sentences, started, wallNow() - t0, pkgSection, pdf)}\n${notesReport(notes)}\n${section ? `${section}\n\n` : ''}${hostReport()}`;
    console.log('');
    console.log(md);
    if (args.write) {
      writeFileSync(join(REPO, 'docs', 'BENCHMARKS.md'), md);
      console.log(`wrote ${join(REPO, 'docs', 'BENCHMARKS.md')}`);
    }
  });
}

/** The server section docs/BENCHMARKS.md has (kept by --no-server). */
function keptServerSection(): string {
  const file = join(REPO, 'docs', 'BENCHMARKS.md');
  const md = existsSync(file) ? readFileSync(file, 'utf8') : '';
  const a = md.indexOf(SERVER_BEGIN);
  const b = md.indexOf(SERVER_END);
  return a >= 0 && b > a ? md.slice(a, b + SERVER_END.length) : '';
}

main();
