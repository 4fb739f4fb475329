/**
 * The fitters behind `npm run train` (bench/train.ts): a multinomial logistic regression
 * with L2 (the shipped model) and small gradient-boosted trees (the alternative it was
 * compared with). Both are deterministic: no randomness, a fixed iteration count, and
 * the rows visited in the order given, so the same data gives the same weights bytes.
 *
 * Rows are Float64Array feature vectors in [0, 1] (FEATURES order), labels are class
 * indexes (0 supported, 1 conflict, 2 unsupported), and every row has a weight.
 */

export const CLASSES = ['supported', 'conflict', 'unsupported'] as const;
export type ClassName = (typeof CLASSES)[number];
const K = CLASSES.length;

export interface Dataset {
  x: Float64Array[];
  y: Uint8Array;
  w: Float64Array;
}

export interface LogisticConfig {
  /** L2 penalty on the weights (not the biases), per unit of total row weight. */
  l2: number;
  /** L-BFGS iterations (fixed, so the result does not depend on a tolerance test). */
  iterations: number;
  /** L-BFGS memory. */
  memory: number;
}

export const LOGISTIC_DEFAULTS: LogisticConfig = { l2: 1e-3, iterations: 100, memory: 10 };

export interface LogisticFit {
  /** weights[k][j]: weight of feature j in class k's score. */
  weights: number[][];
  bias: number[];
  loss: number;
}

/** Softmax of the class scores of one row into out (length K). */
export function softmax(scores: Float64Array, out: Float64Array): void {
  let m = -Infinity;
  for (let k = 0; k < K; k++) if (scores[k] > m) m = scores[k];
  let s = 0;
  for (let k = 0; k < K; k++) s += out[k] = Math.exp(scores[k] - m);
  for (let k = 0; k < K; k++) out[k] /= s;
}

/**
 * Weighted mean cross-entropy + (l2/2)·|W|² and its gradient, for the parameter vector
 * theta = [W (K×D, row-major), b (K)].
 */
function objective(d: Dataset, D: number, l2: number, theta: Float64Array, grad: Float64Array): number {
  grad.fill(0);
  const scores = new Float64Array(K);
  const p = new Float64Array(K);
  let loss = 0;
  let wsum = 0;
  for (let i = 0; i < d.x.length; i++) {
    const x = d.x[i];
    const wi = d.w[i];
    if (!wi) continue;
    wsum += wi;
    for (let k = 0; k < K; k++) {
      let s = theta[K * D + k];
      const o = k * D;
      for (let j = 0; j < D; j++) s += theta[o + j] * x[j];
      scores[k] = s;
    }
    softmax(scores, p);
    loss -= wi * Math.log(Math.max(p[d.y[i]], 1e-300));
    for (let k = 0; k < K; k++) {
      const g = wi * (p[k] - (d.y[i] === k ? 1 : 0));
      if (!g) continue;
      const o = k * D;
      for (let j = 0; j < D; j++) grad[o + j] += g * x[j];
      grad[K * D + k] += g;
    }
  }
  const inv = wsum ? 1 / wsum : 0;
  loss *= inv;
  for (let t = 0; t < grad.length; t++) grad[t] *= inv;
  for (let t = 0; t < K * D; t++) {
    loss += 0.5 * l2 * theta[t] * theta[t];
    grad[t] += l2 * theta[t];
  }
  return loss;
}

const dot = (a: Float64Array, b: Float64Array): number => {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
};

/** Multinomial logistic regression with L2, fitted by L-BFGS (fixed iterations, Armijo backtracking). */
export function fitLogistic(d: Dataset, config: LogisticConfig = LOGISTIC_DEFAULTS): LogisticFit {
  const D = d.x[0]?.length ?? 0;
  const n = K * D + K;
  let theta = new Float64Array(n);
  let grad = new Float64Array(n);
  let loss = objective(d, D, config.l2, theta, grad);
  const S: Float64Array[] = [];
  const Y: Float64Array[] = [];
  const dir = new Float64Array(n);
  const next = new Float64Array(n);
  const nextGrad = new Float64Array(n);
  for (let it = 0; it < config.iterations; it++) {
    // Two-loop recursion: dir = -H·grad.
    for (let t = 0; t < n; t++) dir[t] = -grad[t];
    const alpha: number[] = [];
    for (let m = S.length - 1; m >= 0; m--) {
      const a = dot(S[m], dir) / dot(Y[m], S[m]);
      alpha[m] = a;
      for (let t = 0; t < n; t++) dir[t] -= a * Y[m][t];
    }
    if (S.length) {
      const last = S.length - 1;
      const gamma = dot(S[last], Y[last]) / dot(Y[last], Y[last]);
      for (let t = 0; t < n; t++) dir[t] *= gamma;
    }
    for (let m = 0; m < S.length; m++) {
      const b = dot(Y[m], dir) / dot(Y[m], S[m]);
      for (let t = 0; t < n; t++) dir[t] += S[m][t] * (alpha[m] - b);
    }
    let slope = dot(dir, grad);
    if (!(slope < 0)) {
      // Not a descent direction: restart from the gradient.
      S.length = 0;
      Y.length = 0;
      for (let t = 0; t < n; t++) dir[t] = -grad[t];
      slope = dot(dir, grad);
    }
    if (slope > -1e-14) break; // at the optimum (gradient zero to rounding)
    let step = S.length ? 1 : Math.min(1, 1 / Math.sqrt(-slope));
    let nextLoss = Infinity;
    for (let ls = 0; ls < 40; ls++) {
      for (let t = 0; t < n; t++) next[t] = theta[t] + step * dir[t];
      nextLoss = objective(d, D, config.l2, next, nextGrad);
      if (nextLoss <= loss + 1e-4 * step * slope) break;
      step *= 0.5;
    }
    if (!(nextLoss < loss)) break;
    const s = new Float64Array(n);
    const y = new Float64Array(n);
    for (let t = 0; t < n; t++) (s[t] = next[t] - theta[t]), (y[t] = nextGrad[t] - grad[t]);
    if (dot(s, y) > 1e-12) {
      S.push(s);
      Y.push(y);
      if (S.length > config.memory) S.shift(), Y.shift();
    }
    [theta, grad] = [Float64Array.from(next), Float64Array.from(nextGrad)];
    loss = nextLoss;
  }
  const weights: number[][] = [];
  for (let k = 0; k < K; k++) weights.push(Array.from(theta.subarray(k * D, (k + 1) * D)));
  return { weights, bias: Array.from(theta.subarray(K * D)), loss };
}

/** Class probabilities of one row under a logistic fit. */
export function logisticProba(fit: { weights: number[][]; bias: number[] }, x: Float64Array, out = new Float64Array(K)): Float64Array {
  const scores = new Float64Array(K);
  for (let k = 0; k < K; k++) {
    let s = fit.bias[k];
    const w = fit.weights[k];
    for (let j = 0; j < w.length; j++) s += w[j] * x[j];
    scores[k] = s;
  }
  softmax(scores, out);
  return out;
}

// ---------------------------------------------------------------------------------------
// Gradient-boosted trees (the alternative): softmax boosting, one small regression tree
// per class and round, split thresholds from a fixed grid, Newton leaf values.

export interface BoostConfig {
  rounds: number;
  depth: number;
  learningRate: number;
  /** L2 on leaf values (XGBoost's lambda). */
  lambda: number;
  /** Candidate thresholds per feature: v < (b / bins) for b = 1..bins-1. */
  bins: number;
  minHessian: number;
}

export const BOOST_DEFAULTS: BoostConfig = { rounds: 150, depth: 3, learningRate: 0.1, lambda: 1, bins: 16, minHessian: 1e-3 };

/** A tree as flat arrays: internal node i splits on feature[i] < threshold[i]; leaves have feature -1. */
export interface Tree {
  feature: number[];
  threshold: number[];
  left: number[];
  right: number[];
  value: number[];
}

export interface BoostFit {
  base: number[];
  /** trees[round][class] */
  trees: Tree[][];
}

function treeValue(t: Tree, x: Float64Array): number {
  let i = 0;
  while (t.feature[i] >= 0) i = x[t.feature[i]] < t.threshold[i] ? t.left[i] : t.right[i];
  return t.value[i];
}

function binOf(v: number, bins: number): number {
  return Math.max(0, Math.min(bins - 1, Math.floor(v * bins)));
}

export function fitBoost(d: Dataset, config: BoostConfig = BOOST_DEFAULTS): BoostFit {
  const N = d.x.length;
  const D = d.x[0]?.length ?? 0;
  const B = config.bins;
  const binned = new Uint8Array(N * D);
  for (let i = 0; i < N; i++) for (let j = 0; j < D; j++) binned[i * D + j] = binOf(d.x[i][j], B);
  // Base scores: log class priors (weighted).
  const prior = new Float64Array(K);
  let wsum = 0;
  for (let i = 0; i < N; i++) (prior[d.y[i]] += d.w[i]), (wsum += d.w[i]);
  const base = Array.from(prior, (p) => Math.log(Math.max(p / wsum, 1e-6)));
  const F = new Float64Array(N * K);
  for (let i = 0; i < N; i++) for (let k = 0; k < K; k++) F[i * K + k] = base[k];
  const g = new Float64Array(N);
  const h = new Float64Array(N);
  const node = new Int32Array(N);
  const trees: Tree[][] = [];
  const sc = new Float64Array(K);
  const pr = new Float64Array(K);
  const P = new Float64Array(N * K);
  for (let r = 0; r < config.rounds; r++) {
    for (let i = 0; i < N; i++) {
      for (let k = 0; k < K; k++) sc[k] = F[i * K + k];
      softmax(sc, pr);
      for (let k = 0; k < K; k++) P[i * K + k] = pr[k];
    }
    const round: Tree[] = [];
    for (let k = 0; k < K; k++) {
      for (let i = 0; i < N; i++) {
        const p = P[i * K + k];
        g[i] = d.w[i] * (p - (d.y[i] === k ? 1 : 0));
        h[i] = d.w[i] * Math.max(p * (1 - p), 1e-6);
      }
      const tree = growTree(binned, g, h, node, N, D, B, config);
      for (let i = 0; i < N; i++) F[i * K + k] += treeValue(tree, d.x[i]);
      round.push(tree);
    }
    trees.push(round);
  }
  return { base, trees };
}

function growTree(binned: Uint8Array, g: Float64Array, h: Float64Array, node: Int32Array, N: number, D: number, B: number, c: BoostConfig): Tree {
  const t: Tree = { feature: [0], threshold: [0], left: [-1], right: [-1], value: [0] };
  node.fill(0);
  let frontier = [0];
  const gainOf = (G: number, H: number) => (G * G) / (H + c.lambda);
  for (let depth = 0; depth <= c.depth; depth++) {
    const nodes = frontier.length;
    const slot = new Map<number, number>();
    frontier.forEach((id, s) => slot.set(id, s));
    // Histograms: [slot][feature][bin] of g and h.
    const HG = new Float64Array(nodes * D * B);
    const HH = new Float64Array(nodes * D * B);
    const G = new Float64Array(nodes);
    const H = new Float64Array(nodes);
    for (let i = 0; i < N; i++) {
      const s = slot.get(node[i]);
      if (s === undefined) continue;
      G[s] += g[i];
      H[s] += h[i];
      if (depth === c.depth) continue;
      const o = s * D * B;
      for (let j = 0; j < D; j++) {
        const b = binned[i * D + j];
        HG[o + j * B + b] += g[i];
        HH[o + j * B + b] += h[i];
      }
    }
    const next: number[] = [];
    for (let s = 0; s < nodes; s++) {
      const id = frontier[s];
      t.value[id] = (-G[s] / (H[s] + c.lambda)) * c.learningRate;
      t.feature[id] = -1;
      if (depth === c.depth) continue;
      let best = 1e-9;
      let bj = -1;
      let bb = -1;
      const parent = gainOf(G[s], H[s]);
      for (let j = 0; j < D; j++) {
        let gl = 0;
        let hl = 0;
        const o = s * D * B + j * B;
        for (let b = 0; b < B - 1; b++) {
          gl += HG[o + b];
          hl += HH[o + b];
          const hr = H[s] - hl;
          if (hl < c.minHessian || hr < c.minHessian) continue;
          const gain = gainOf(gl, hl) + gainOf(G[s] - gl, hr) - parent;
          if (gain > best) (best = gain), (bj = j), (bb = b);
        }
      }
      if (bj < 0) continue;
      const l = t.feature.length;
      for (const _ of [0, 1]) t.feature.push(-1), t.threshold.push(0), t.left.push(-1), t.right.push(-1), t.value.push(0);
      t.feature[id] = bj;
      t.threshold[id] = (bb + 1) / B;
      t.left[id] = l;
      t.right[id] = l + 1;
      next.push(l, l + 1);
    }
    if (!next.length) break;
    for (let i = 0; i < N; i++) {
      const id = node[i];
      const f = t.feature[id];
      if (f >= 0 && slot.has(id)) node[i] = binned[i * D + f] < Math.round(t.threshold[id] * B) ? t.left[id] : t.right[id];
    }
    frontier = next;
  }
  return t;
}

export function boostProba(fit: BoostFit, x: Float64Array, out = new Float64Array(K)): Float64Array {
  const sc = new Float64Array(K);
  for (let k = 0; k < K; k++) sc[k] = fit.base[k];
  for (const round of fit.trees) for (let k = 0; k < K; k++) sc[k] += treeValue(round[k], x);
  softmax(sc, out);
  return out;
}

// ---------------------------------------------------------------------------------------
// Scoring.

export interface LabelFigures {
  p: number;
  r: number;
  f1: number;
  support: number;
  predicted: number;
}

export interface Figures {
  n: number;
  macroF1: number;
  /** Labels present in the gold data (macro-F1 averages over these). */
  labels: ClassName[];
  perLabel: Record<ClassName, LabelFigures>;
  confusion: number[][];
}

/** The engine's decision: supported at P(sup) ≥ tSup, conflict at P(conf) ≥ tConf (the larger wins), otherwise unsupported. */
export function decide(p: ArrayLike<number>, tSup: number, tConf: number): number {
  const sup = p[0] >= tSup;
  const conf = p[1] >= tConf;
  if (sup && conf) return p[0] >= p[1] ? 0 : 1;
  return sup ? 0 : conf ? 1 : 2;
}

export function argmax(p: ArrayLike<number>): number {
  let b = 0;
  for (let k = 1; k < p.length; k++) if (p[k] > p[b]) b = k;
  return b;
}

export function figures(gold: ArrayLike<number>, pred: ArrayLike<number>): Figures {
  const confusion = CLASSES.map(() => CLASSES.map(() => 0));
  for (let i = 0; i < gold.length; i++) confusion[gold[i]][pred[i]]++;
  const perLabel = {} as Record<ClassName, LabelFigures>;
  const labels: ClassName[] = [];
  let f1sum = 0;
  CLASSES.forEach((name, l) => {
    const tp = confusion[l][l];
    const predicted = confusion.reduce((s, row) => s + row[l], 0);
    const support = confusion[l].reduce((s, v) => s + v, 0);
    const p = predicted ? tp / predicted : 0;
    const r = support ? tp / support : 0;
    const f1 = p + r ? (2 * p * r) / (p + r) : 0;
    perLabel[name] = { p, r, f1, support, predicted };
    if (support) labels.push(name), (f1sum += f1);
  });
  return { n: gold.length, macroF1: labels.length ? f1sum / labels.length : 0, labels, perLabel, confusion };
}

/** FNV-1a of a string: the deterministic split of rows into folds. */
export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}
