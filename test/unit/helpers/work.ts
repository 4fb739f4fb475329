/**
 * Linearity checks without absolute time limits: the work of a function on an input and
 * on the same kind of input four times as long, compared in the same run. Linear code
 * takes about 8x as long on an 8x longer input; a quadratic one 64x. The work of one size is the
 * process CPU time (not wall time: the machine may be busy with other processes) of the
 * fastest of a few runs (the least disturbed by other processes), and a failing ratio
 * is measured again before it counts, so a busy machine does not fail the test.
 */
import * as v8 from 'node:v8';
import * as vm from 'node:vm';

export const GROWTH = 8;
/** Largest accepted ratio of work for a GROWTH-times longer input (linear ~8, quadratic ~64). */
export const MAX_RATIO = 20;

// A collection before each measured run, so garbage of the previous run is not charged
// to the next one.
v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;
/** Work below this many milliseconds counts as this much (timer resolution, noise). */
const FLOOR_MS = 1;
/**
 * The least work of the small input for a ratio to mean something. Below about 20 ms the
 * small input's garbage stays in V8's young generation while the 8x input's is promoted and
 * marked, which alone made linear code measure 17-20x (the sentence splitter: 19.6x at 5 ms,
 * 11.5x at 20 ms, in one run on a loaded machine).
 */
const MIN_WORK_MS = 20;

function fastest(f: () => void, runs: number): number {
  let best = Infinity;
  for (let i = 0; i < runs; i++) {
    gc();
    const t = process.cpuUsage();
    f();
    const d = process.cpuUsage(t);
    best = Math.min(best, (d.user + d.system) / 1000);
  }
  return best;
}

export interface Growth {
  small: number;
  large: number;
  ratio: number;
}

/** Work of `run` on `make(n)` and `make(GROWTH * n)`; the best of three attempts. */
export function growth(make: (n: number) => string, n: number, run: (s: string) => unknown, runs = 3): Growth {
  let a = make(n);
  run(a); // warm up (compilation)
  // A small input measured in about a millisecond is mostly timer noise: grow it (both
  // sizes keep their ratio) until its work is measurable. Judged by the fastest of `runs`
  // runs: one run slowed by a busy machine once stopped the growth at 1.5 ms, where the
  // ratio is noise (20.9 for a linear scanner in a CI run).
  for (let i = 0; i < 6 && fastest(() => run(a), runs) < MIN_WORK_MS; i++) {
    n *= 2;
    a = make(n);
    run(a);
  }
  const b = make(GROWTH * n);
  let best: Growth | undefined;
  for (let attempt = 0; attempt < 3; attempt++) {
    const small = Math.max(FLOOR_MS, fastest(() => run(a), runs));
    const large = fastest(() => run(b), runs);
    const g = { small, large, ratio: large / small };
    if (!best || g.ratio < best.ratio) best = g;
    if (g.ratio <= MAX_RATIO) break;
  }
  return best!;
}

/** A small seeded PRNG (mulberry32): the same sequence on every machine (bench/lib/corpora.ts). */
export { rng as prng } from '../../../bench/lib/corpora';
