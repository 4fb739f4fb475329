/**
 * The training sets of the learned decision and the leave-one-set-out evaluation, shared by
 * `npm run train` (bench/train.ts) and `npm run eval` (bench/eval.ts).
 *
 * Reads ../shared/eval/train/*.jsonl (GROUNDWORK_SHARED overrides ../shared), computes each
 * pair's features with pairFeatures(hypothesis, premise, lang), weights every set to the same
 * total (see docs/DESIGN.md, "Learned decision"), and fits / scores with bench/learn.ts.
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { FEATURES, pairFeatures } from '../src/core/verify/features';
import { alignmentVerdict } from '../src/core/verify/index';
import type { LanguageCode } from '../src/core/types';
import {
  CLASSES,
  type ClassName,
  type Dataset,
  type Figures,
  type LogisticConfig,
  argmax,
  decide,
  figures,
  fitLogistic,
  hashString,
  logisticProba,
} from './learn';

export interface TrainRow {
  id: string;
  set: string;
  lang: LanguageCode;
  premise: string;
  hypothesis: string;
  label: ClassName;
}

export interface TrainSet {
  name: string;
  rows: TrainRow[];
  x: Float64Array[];
  y: Uint8Array;
  /** Weight of each of the set's pairs in the fit. */
  weight: number;
  counts: Record<ClassName, number>;
  /** The rules' verdict on each pair (alignmentVerdict: 0 supported, 1 conflict, 2 unsupported). */
  rule: Uint8Array;
}

export function sharedDir(root: string): string {
  return path.resolve(process.env.GROUNDWORK_SHARED ?? path.join(root, '..', 'shared'));
}

/** The six sets' files, sorted by name, and the sha256 of their names and bytes. */
export function trainFiles(shared: string): { files: string[]; hash: string } {
  const dir = path.join(shared, 'eval', 'train');
  if (!fs.existsSync(dir)) throw new Error(`no training data at ${dir} (set GROUNDWORK_SHARED to the shared folder)`);
  const files = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.jsonl'))
    .sort()
    .map((f) => path.join(dir, f));
  const h = createHash('sha256');
  for (const f of files) h.update(path.basename(f) + '\n').update(fs.readFileSync(f));
  return { files, hash: 'sha256:' + h.digest('hex') };
}

/**
 * Each set's pairs weigh (all pairs / number of sets) / (the set's pairs), so every set
 * contributes the same total weight: SNLI's 19,666 captions would otherwise be 54% of the
 * fit and the real-claim sets (healthver, citint, wice-train) 19%.
 */
export function equalSetWeights(sizes: number[]): number[] {
  const total = sizes.reduce((s, n) => s + n, 0);
  return sizes.map((n) => (n ? total / sizes.length / n : 0));
}

export function loadTrainSets(files: string[], log: (s: string) => void = () => {}): TrainSet[] {
  const sets: TrainSet[] = [];
  for (const file of files) {
    const name = path.basename(file, '.jsonl');
    const t0 = Date.now();
    const rows = fs
      .readFileSync(file, 'utf8')
      .split(/\r?\n/)
      .filter((l) => l.trim())
      .map((l, i) => {
        const r = JSON.parse(l) as TrainRow;
        if (!CLASSES.includes(r.label)) throw new Error(`${file}:${i + 1}: label ${JSON.stringify(r.label)} is not one of ${CLASSES.join(', ')}`);
        return r;
      });
    const rule = new Uint8Array(rows.length);
    const x = rows.map((r, i) => {
      const pf = pairFeatures(r.hypothesis, r.premise, r.lang);
      rule[i] = CLASSES.indexOf(alignmentVerdict(pf.alignment));
      return pf.values;
    });
    const y = Uint8Array.from(rows, (r) => CLASSES.indexOf(r.label));
    const counts = { supported: 0, conflict: 0, unsupported: 0 };
    for (const r of rows) counts[r.label]++;
    sets.push({ name, rows, x, y, weight: 1, counts, rule });
    log(`  ${name}: ${rows.length} pairs, features in ${((Date.now() - t0) / 1000).toFixed(1)}s`);
  }
  const w = equalSetWeights(sets.map((s) => s.rows.length));
  sets.forEach((s, i) => (s.weight = w[i]));
  return sets;
}

/** The rows of the given sets (optionally only those a filter keeps) as one weighted dataset. */
export function datasetOf(sets: TrainSet[], keep: (s: TrainSet, i: number) => boolean = () => true): Dataset {
  const x: Float64Array[] = [];
  const y: number[] = [];
  const w: number[] = [];
  for (const s of sets) {
    for (let i = 0; i < s.rows.length; i++) {
      if (!keep(s, i)) continue;
      x.push(s.x[i]);
      y.push(s.y[i]);
      w.push(s.weight);
    }
  }
  return { x, y: Uint8Array.from(y), w: Float64Array.from(w) };
}

/** Deterministic 80/20 split inside each set: a pair is held out when the hash of its id is 0 mod 5. */
export const heldOut = (s: TrainSet, i: number): boolean => hashString(s.rows[i].id) % 5 === 0;

export type Proba = (x: Float64Array) => Float64Array;
export type Fitter = (d: Dataset) => Proba;

export const logisticFitter =
  (config: LogisticConfig): Fitter =>
  (d) => {
    const fit = fitLogistic(d, config);
    return (x) => logisticProba(fit, x);
  };

/** Probabilities rounded to 1e-4, as recorded in bench/results/model-loso.json. */
const r4 = (v: number): number => Math.round(v * 1e4) / 1e4;

export interface SetPredictions {
  name: string;
  weight: number;
  /** Gold labels, one class index per pair. */
  gold: Uint8Array;
  /** P(supported), P(conflict) per pair (rounded to 1e-4). */
  sup: Float64Array;
  conf: Float64Array;
  /** The rules' verdict per pair (class index), when recorded. */
  rule?: Uint8Array;
}

/**
 * The group a set belongs to for leaving it out: translations of one set (sick-en and
 * sick-nl are the same pairs in two languages) are left out together, or the model would
 * have seen the left-out pairs in the other language.
 */
export const setGroup = (name: string): string => name.replace(/-(?:en|nl)$/, '');

/** Leave one set out: each set scored by a model fitted on the sets outside its group. */
/**
 * The model fitted without a group of sets (sick-en and sick-nl are one), fitted once per
 * group however many sets of the group, or other reports, ask for it.
 */
export function fitWithoutGroup(sets: TrainSet[], fitter: Fitter): (group: string) => Proba {
  const fits = new Map<string, Proba>();
  return (group) => {
    let proba = fits.get(group);
    if (!proba) fits.set(group, (proba = fitter(datasetOf(sets, (o) => setGroup(o.name) !== group))));
    return proba;
  };
}

export function leaveOneSetOut(sets: TrainSet[], fitter: Fitter, log: (s: string) => void = () => {}, without = fitWithoutGroup(sets, fitter)): SetPredictions[] {
  return sets.map((s) => {
    const t0 = Date.now();
    const proba = without(setGroup(s.name));
    const out = predictionsOf(s, proba, () => true);
    log(`  fitted without ${s.name} in ${((Date.now() - t0) / 1000).toFixed(1)}s`);
    return out;
  });
}

/** Within each set: fit on the 80% of every set, score each set's 20%. */
export function withinSets(sets: TrainSet[], fitter: Fitter): SetPredictions[] {
  const proba = fitter(datasetOf(sets, (s, i) => !heldOut(s, i)));
  return sets.map((s) => predictionsOf(s, proba, (i) => heldOut(s, i)));
}

function predictionsOf(s: TrainSet, proba: Proba, keep: (i: number) => boolean): SetPredictions {
  const gold: number[] = [];
  const sup: number[] = [];
  const conf: number[] = [];
  const rule: number[] = [];
  for (let i = 0; i < s.rows.length; i++) {
    if (!keep(i)) continue;
    const p = proba(s.x[i]);
    gold.push(s.y[i]);
    rule.push(s.rule[i]);
    sup.push(r4(p[0]));
    conf.push(r4(p[1]));
  }
  return { name: s.name, weight: s.weight, gold: Uint8Array.from(gold), sup: Float64Array.from(sup), conf: Float64Array.from(conf), rule: Uint8Array.from(rule) };
}

/** Figures when each pair gets its most probable class (P(unsupported) = 1 − the other two). */
export function scoreArgmax(p: SetPredictions): Figures {
  const pred = new Uint8Array(p.gold.length);
  for (let i = 0; i < pred.length; i++) pred[i] = argmax([p.sup[i], p.conf[i], 1 - p.sup[i] - p.conf[i]]);
  return figures(p.gold, pred);
}

export function scoreAt(p: SetPredictions, tSup: number, tConf: number): Figures {
  const pred = new Uint8Array(p.gold.length);
  for (let i = 0; i < pred.length; i++) pred[i] = decide([p.sup[i], p.conf[i]], tSup, tConf);
  return figures(p.gold, pred);
}

export interface PooledPrecision {
  /** Set-weighted precision and recall of `label` at threshold t on the pooled predictions. */
  p: number;
  r: number;
  predicted: number;
}

/** Precision / recall of supported (label 0) or conflict (label 1) at threshold t, pooled over sets with their weights. */
export function pooledAt(preds: SetPredictions[], label: 0 | 1, t: number): PooledPrecision {
  let tp = 0;
  let fp = 0;
  let pos = 0;
  let predicted = 0;
  for (const s of preds) {
    const score = label === 0 ? s.sup : s.conf;
    for (let i = 0; i < s.gold.length; i++) {
      const g = s.gold[i] === label;
      if (g) pos += s.weight;
      if (score[i] >= t) {
        predicted++;
        if (g) tp += s.weight;
        else fp += s.weight;
      }
    }
  }
  return { p: tp + fp ? tp / (tp + fp) : 0, r: pos ? tp / pos : 0, predicted };
}

export const THRESHOLD_GRID = Array.from({ length: 100 }, (_, i) => Math.round((0.5 + i * 0.005) * 1000) / 1000);
/** A threshold must leave at least this many pairs predicted for its precision to count. */
export const MIN_PREDICTED = 25;

/**
 * The smallest threshold on the grid (0.5 … 0.995) from which on the pooled, set-weighted
 * precision stays at or above the target at every grid step that still predicts at least
 * MIN_PREDICTED pairs. 1 (never) when no threshold reaches it.
 */
export function chooseThreshold(preds: SetPredictions[], label: 0 | 1, target: number): number {
  let chosen = 1;
  for (let i = THRESHOLD_GRID.length - 1; i >= 0; i--) {
    const at = pooledAt(preds, label, THRESHOLD_GRID[i]);
    if (at.predicted < MIN_PREDICTED) continue;
    if (at.p < target) break;
    chosen = THRESHOLD_GRID[i];
  }
  return chosen;
}

const f3 = (x: number): string => x.toFixed(3);

/**
 * One row per set: macro-F1 and P/R per label at the thresholds, then the same when each
 * pair gets its most probable class (argmax).
 */
export function figuresTable(preds: SetPredictions[], tSup: number, tConf: number, caption: string): string[] {
  const lines = [
    caption,
    '',
    '| set | pairs | macro-F1 at thresholds | supported P / R | conflict P / R | unsupported P / R | macro-F1 argmax | supported P / R | conflict P / R | unsupported P / R |',
    '|---|---|---|---|---|---|---|---|---|---|',
  ];
  const pr = (f: Figures, l: ClassName) => {
    const x = f.perLabel[l];
    return `${x.predicted ? f3(x.p) : '–'} / ${x.support ? f3(x.r) : '–'}`;
  };
  for (const p of preds) {
    const f = scoreAt(p, tSup, tConf);
    const a = scoreArgmax(p);
    lines.push(
      `| ${p.name} | ${p.gold.length} | **${f3(f.macroF1)}** | ${pr(f, 'supported')} | ${pr(f, 'conflict')} | ${pr(f, 'unsupported')} | ${f3(a.macroF1)} | ${pr(a, 'supported')} | ${pr(a, 'conflict')} | ${pr(a, 'unsupported')} |`,
    );
  }
  return lines;
}

/** The compact record of the pooled LOSO predictions (bench/results/model-loso.json). */
export function predictionsJson(preds: SetPredictions[]): unknown {
  return {
    note: 'Leave-one-set-out predictions behind the thresholds in data/model.json: each set scored by the model fitted without it. gold: one letter a pair (s supported, c conflict, u unsupported); sup/conf: P(supported), P(conflict) x 10000.',
    sets: preds.map((p) => ({
      name: p.name,
      weight: p.weight,
      gold: Array.from(p.gold, (g) => 'scu'[g]).join(''),
      sup: Array.from(p.sup, (v) => Math.round(v * 1e4)),
      conf: Array.from(p.conf, (v) => Math.round(v * 1e4)),
      ...(p.rule ? { rule: Array.from(p.rule, (g) => 'scu'[g]).join('') } : {}),
    })),
  };
}

export function predictionsFromJson(json: { sets: Array<{ name: string; weight: number; gold: string; sup: number[]; conf: number[]; rule?: string }> }): SetPredictions[] {
  return json.sets.map((s) => ({
    ...(s.rule ? { rule: Uint8Array.from(s.rule, (c) => 'scu'.indexOf(c)) } : {}),
    name: s.name,
    weight: s.weight,
    gold: Uint8Array.from(s.gold, (c) => 'scu'.indexOf(c)),
    sup: Float64Array.from(s.sup, (v) => v / 1e4),
    conf: Float64Array.from(s.conf, (v) => v / 1e4),
  }));
}

export { FEATURES };

/** The engine's decision on held-out pairs: the rules propose, the gates let through. */
export function engineFigures(p: SetPredictions, gates: { supported: number; conflict: number }): Figures {
  const pred = new Uint8Array(p.gold.length);
  for (let i = 0; i < p.gold.length; i++) {
    const r = p.rule ? p.rule[i] : 2;
    pred[i] = r === 0 && p.sup[i] >= gates.supported ? 0 : r === 1 && p.conf[i] >= gates.conflict ? 1 : 2;
  }
  return figures(p.gold, pred);
}

/** "P / R" of the engine's label at a gate, for the held-out tables ("–" when nothing is predicted). */
export function gatedCell(ps: SetPredictions[], label: 0 | 1, g: number): string {
  const at = gatedAt(ps, label, g);
  return `${at.predicted ? at.p.toFixed(3) : '–'} / ${at.r.toFixed(3)}`;
}

/**
 * The combined decision on held-out pairs: a label is given when the rules propose it and
 * the model's probability for it is at least `g` (g = 0: the rules alone). Pooled over the
 * sets with their weights.
 */
export function gatedAt(preds: SetPredictions[], label: 0 | 1, g: number): PooledPrecision {
  let tp = 0;
  let fp = 0;
  let pos = 0;
  let predicted = 0;
  for (const s of preds) {
    if (!s.rule) continue;
    const score = label === 0 ? s.sup : s.conf;
    for (let i = 0; i < s.gold.length; i++) {
      const gold = s.gold[i] === label;
      if (gold) pos += s.weight;
      if (s.rule[i] === label && score[i] >= g) {
        predicted++;
        if (gold) tp += s.weight;
        else fp += s.weight;
      }
    }
  }
  return { p: tp + fp ? tp / (tp + fp) : 0, r: pos ? tp / pos : 0, predicted };
}

export const GATE_GRID = Array.from({ length: 46 }, (_, i) => Math.round(i * 0.02 * 100) / 100);

/**
 * Differences in pooled F0.5 smaller than this are no evidence for one gate over another:
 * on about 36,000 held-out pairs the curve is flat to the fourth decimal over a range of
 * gates (supported: 0.5568 at 0.26, 0.5568 at 0.28, 0.5569 at 0.30), and picking its
 * exact maximum made the gate jump between them from one refit to the next.
 */
export const GATE_TIE = 0.0005;

/**
 * The gate with the best F0.5 (precision weighted twice as much as recall: a wrong
 * verdict costs more than a missed one) of the combined decision on the pooled held-out
 * predictions. Among gates within GATE_TIE of the best, the smallest (0: the rules
 * alone): the model overrides the rules' verdicts only where that measurably pays.
 */
export function chooseGate(preds: SetPredictions[], label: 0 | 1): number {
  const f05 = (x: PooledPrecision) => (x.p + x.r > 0 ? (1.25 * x.p * x.r) / (0.25 * x.p + x.r) : 0);
  const curve: Array<[number, number]> = [[0, f05(gatedAt(preds, label, 0))]];
  for (const g of GATE_GRID) {
    if (g === 0) continue;
    const at = gatedAt(preds, label, g);
    if (at.predicted < MIN_PREDICTED) break;
    curve.push([g, f05(at)]);
  }
  const bestF = Math.max(...curve.map(([, f]) => f));
  return curve.find(([, f]) => f >= bestF - GATE_TIE)![0];
}
