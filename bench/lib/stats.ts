/** Small statistics and formatting helpers for the benchmark. */

/**
 * The benchmark clock: CPU time of this process in ms (user + system). The machine is
 * shared, so wall-clock times swing with other load; CPU time measures the work done.
 * Set GROUNDWORK_BENCH_CLOCK=wall for wall-clock time.
 */
export const CLOCK = process.env.GROUNDWORK_BENCH_CLOCK === 'wall' ? 'wall' : 'cpu';

export function now(): number {
  if (CLOCK === 'wall') return wallNow();
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

export function wallNow(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}

export function quantile(xs: number[], q: number): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const pos = (s.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return s[lo] + (s[hi] - s[lo]) * (pos - lo);
}

export const median = (xs: number[]): number => quantile(xs, 0.5);

export function gc(): void {
  const g = (globalThis as { gc?: () => void }).gc;
  if (g) {
    g();
    g();
  }
}

export interface Mem {
  heap: number;
  external: number;
}

export function mem(): Mem {
  gc();
  const m = process.memoryUsage();
  // external includes ArrayBuffers (typed arrays).
  return { heap: m.heapUsed, external: m.external };
}

export function mb(bytes: number): string {
  return `${(bytes / 1048576).toFixed(1)} MB`;
}

export function ms(x: number): string {
  if (!Number.isFinite(x)) return 'n/a';
  if (x >= 1000) return `${(x / 1000).toFixed(2)} s`;
  if (x >= 10) return `${x.toFixed(0)} ms`;
  if (x >= 1) return `${x.toFixed(1)} ms`;
  return `${x.toFixed(2)} ms`;
}

export function int(x: number): string {
  if (!Number.isFinite(x)) return 'n/a';
  return Math.round(x).toLocaleString('en-US');
}

export function ratio(x: number): string {
  if (!Number.isFinite(x)) return 'n/a';
  return x >= 10 ? `${x.toFixed(0)}×` : x >= 1 ? `${x.toFixed(2)}×` : `${x.toFixed(3)}×`;
}

/** A Markdown table (also readable as plain text). */
export function table(head: string[], rows: string[][]): string {
  const w = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]) => `| ${r.map((c, i) => (c ?? '').padEnd(w[i])).join(' | ')} |`;
  return [line(head), `| ${w.map((n) => '-'.repeat(n)).join(' | ')} |`, ...rows.map(line)].join('\n');
}
