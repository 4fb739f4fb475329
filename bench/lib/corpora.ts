/**
 * Benchmark corpora: the BBC News JSONL and the Wikinews CSVs from ../shared/corpora
 * (override with GROUNDWORK_CORPORA), turned into plain-text source files with header
 * lines (Title:, Date:, Source:) the corpus parser reads as metadata. Larger corpora are
 * built by replication: copies under renamed paths, in a shuffled (seeded) order.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

export interface BenchSource {
  /** Path under which the file is indexed (unique per copy). */
  path: string;
  /** Index of the real document it copies. */
  real: number;
  copy: number;
}

export interface RealDoc {
  name: string;
  title: string;
  bytes: Uint8Array;
}

export function corporaDir(repoRoot: string): string {
  const env = process.env.GROUNDWORK_CORPORA;
  const dir = env ? resolve(env) : resolve(repoRoot, '..', 'shared', 'corpora');
  if (!existsSync(dir)) {
    throw new Error(`corpora not found at ${dir} (set GROUNDWORK_CORPORA to the folder holding bbc-news/ and wikinews-en/)`);
  }
  return dir;
}

/** RFC 4180 CSV: quoted fields may hold commas, doubled quotes and newlines. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let i = 0;
  let quoted = false;
  const n = text.length;
  if (text.charCodeAt(0) === 0xfeff) i = 1;
  while (i < n) {
    const c = text[i];
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i++;
        continue;
      }
      field += c;
      i++;
      continue;
    }
    if (c === '"' && field === '') {
      quoted = true;
      i++;
    } else if (c === ',') {
      row.push(field);
      field = '';
      i++;
    } else if (c === '\n' || c === '\r') {
      row.push(field);
      field = '';
      rows.push(row);
      row = [];
      if (c === '\r' && text[i + 1] === '\n') i++;
      i++;
    } else {
      field += c;
      i++;
    }
  }
  if (field !== '' || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows.filter((r) => !(r.length === 1 && r[0] === ''));
}

function sourceFile(title: string, text: string, source: string, date?: string): Uint8Array {
  const head = [`Title: ${title.replace(/\s+/g, ' ').trim()}`];
  if (date) head.push(`Date: ${date}`);
  head.push(`Source: ${source}`);
  return new TextEncoder().encode(`${head.join('\n')}\n\n${text.trim()}\n`);
}

/** All real documents, in a fixed order (BBC first, then Wikinews). */
export function loadRealDocs(dir: string): RealDoc[] {
  const out: RealDoc[] = [];
  const bbc = join(dir, 'bbc-news', 'bbc_news.jsonl');
  for (const line of readFileSync(bbc, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const o = JSON.parse(line) as { id: string; category: string; title: string; text: string };
    out.push({ name: `bbc/${o.id.replace(/[^\w/-]/g, '_')}.txt`, title: o.title, bytes: sourceFile(o.title, o.text, 'BBC News') });
  }
  const wdir = join(dir, 'wikinews-en');
  for (const f of readdirSync(wdir).filter((x) => x.endsWith('.csv')).sort()) {
    const rows = parseCsv(readFileSync(join(wdir, f), 'utf8'));
    const header = rows[0].map((h) => h.trim().toLowerCase());
    const col = (name: string) => header.indexOf(name);
    const [cu, cd, ct, cx] = [col('url'), col('date'), col('title'), col('text')];
    rows.slice(1).forEach((r, i) => {
      if (r.length < header.length || !r[cx]?.trim()) return;
      const slug = (r[cu] ?? '').split('/').pop() || `${f}-${i}`;
      const name = `wikinews/${f.replace(/\.csv$/, '')}/${slug.replace(/[^\w-]/g, '_').slice(0, 80)}-${i}.txt`;
      out.push({ name, title: r[ct], bytes: sourceFile(r[ct], r[cx], 'Wikinews', r[cd]) });
    });
  }
  return out;
}

/** Deterministic pseudo-random numbers (mulberry32). */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function shuffle<T>(a: T[], seed: number): T[] {
  const r = rng(seed);
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a;
}

/** The real documents in benchmark order (a seeded shuffle); the first 1k are in every size. */
export function realOrder(count: number): number[] {
  return shuffle(
    Array.from({ length: count }, (_, i) => i),
    20261123,
  );
}

/**
 * `size` sources: the real documents (in realOrder) and, beyond them, copies under
 * renamed paths (`copy<N>/...`); the whole list is then shuffled.
 */
export function buildSources(real: RealDoc[], size: number): BenchSource[] {
  const order = realOrder(real.length);
  const out: BenchSource[] = [];
  for (let i = 0; i < size; i++) {
    const r = order[i % order.length];
    const copy = Math.floor(i / order.length);
    out.push({ path: copy === 0 ? `corpus/${real[r].name}` : `corpus/copy${copy}/${real[r].name}`, real: r, copy });
  }
  return size > order.length ? shuffle(out, 99 + size) : out;
}
