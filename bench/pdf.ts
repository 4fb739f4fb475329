/**
 * PDF indexing speed, beside pdf.js's own text extraction on the same files (run by
 * `npm run bench` as a child process; prints one `RESULT {json}` line).
 *
 * The PDFs are printed by headless Chromium (Debian `chromium`, installed by
 * scripts/setup.sh) from the real BBC articles of ../shared/corpora: one multi-page PDF per
 * batch of articles. For each file: the library alone (pdf.js `getTextContent` on every
 * page), and Groundwork's whole path (pdf.js, then layout: lines, paragraphs, hyphens,
 * running headers; then parsing and indexing in the engine). The difference is the share
 * Groundwork adds on top of extraction.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createEngine } from '../src/core/engine';
import { extractSource, pdfPages } from '../src/extract/index';
import { corporaDir, loadRealDocs } from './lib/corpora';

const REPO = resolve(__dirname, '..');
const FILES = 4;
const ARTICLES_PER_FILE = 40;
const ROUNDS = 3;

export interface PdfBenchResult {
  files: number;
  pages: number;
  bytes: number;
  /** Median over rounds of the summed time for all files (ms). */
  libraryMs: number;
  groundworkMs: number;
  /** Of groundworkMs: the engine's parse and index (`upsertSource`), after extraction and layout. */
  engineMs: number;
  passages: number;
  error?: string;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

async function main(): Promise<void> {
  const chromium = ['chromium', 'chromium-browser'].find((c) => {
    try {
      execFileSync('which', [c], { stdio: 'ignore' });
      return true;
    } catch {
      return false;
    }
  });
  const out = (r: PdfBenchResult): void => {
    process.stdout.write(`RESULT ${JSON.stringify(r)}\n`);
  };
  if (!chromium) return out({ files: 0, pages: 0, bytes: 0, libraryMs: 0, groundworkMs: 0, engineMs: 0, passages: 0, error: 'chromium is not installed (bash scripts/setup.sh installs it)' });
  const docs = loadRealDocs(corporaDir(REPO)).filter((d) => d.name.startsWith('bbc/'));
  const dir = mkdtempSync(join(tmpdir(), 'groundwork-bench-pdf-'));
  try {
    const pdfs: { path: string; bytes: Uint8Array }[] = [];
    for (let f = 0; f < FILES; f++) {
      const batch = docs.slice(f * ARTICLES_PER_FILE, (f + 1) * ARTICLES_PER_FILE);
      const body = batch
        .map((d) => {
          const text = new TextDecoder().decode(d.bytes);
          const paras = text.split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean);
          return `<h1>${esc(d.title)}</h1>${paras.slice(1).map((p) => `<p>${esc(p)}</p>`).join('')}`;
        })
        .join('\n');
      const html = join(dir, `batch${f}.html`);
      writeFileSync(html, `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>BBC batch ${f}</title><style>body{font:12pt/1.4 serif} p{text-align:justify}</style></head><body>${body}</body></html>`);
      const pdf = join(dir, `batch${f}.pdf`);
      execFileSync(chromium, ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', `--print-to-pdf=${pdf}`, `file://${html}`], { stdio: 'ignore', timeout: 120_000 });
      if (!existsSync(pdf)) throw new Error('chromium wrote no PDF');
      pdfs.push({ path: `bench/batch${f}.pdf`, bytes: new Uint8Array(readFileSync(pdf)) });
    }
    let pages = 0;
    const lib: number[] = [];
    const gw: number[] = [];
    const eng: number[] = [];
    let passages = 0;
    // Warm up both paths once (module loading, JIT), then interleave the rounds.
    await pdfPages(pdfs[0].bytes);
    for (let round = 0; round < ROUNDS; round++) {
      let t = performance.now();
      pages = 0;
      for (const p of pdfs) pages += (await pdfPages(p.bytes)).pages.length;
      lib.push(performance.now() - t);
      t = performance.now();
      const engine = createEngine({ maxFileBytes: 64 * 1024 * 1024 });
      let e = 0;
      for (const p of pdfs) {
        const ex = await extractSource(p.path, p.bytes);
        const t1 = performance.now();
        engine.upsertSource(p.path, p.bytes, ex);
        e += performance.now() - t1;
      }
      gw.push(performance.now() - t);
      eng.push(e);
      passages = engine.stats.passages;
    }
    out({ files: pdfs.length, pages, bytes: pdfs.reduce((n, p) => n + p.bytes.length, 0), libraryMs: median(lib), groundworkMs: median(gw), engineMs: median(eng), passages });
  } catch (e) {
    out({ files: 0, pages: 0, bytes: 0, libraryMs: 0, groundworkMs: 0, engineMs: 0, passages: 0, error: (e as Error).message });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

void main();
