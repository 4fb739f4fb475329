/**
 * The learned decision: a multinomial logistic regression over the alignment features
 * (features.ts), fitted by `npm run train` (bench/train.ts) and shipped as data/model.json.
 *
 * Pure (no fs): the host installs where the weights come from with setModelSource()
 * (the CLI, the worker and the eval read data/model.json next to dist/); the model is
 * parsed and checked on the first predict(). A weights file whose feature names differ
 * from FEATURES is refused with an error that says to re-run `npm run train`.
 *
 *   predict(values)       -> { supported, conflict, unsupported } (probabilities, sum 1)
 *   thresholds()          -> { supported, conflict } (decide supported / conflict at or above)
 *   decideLabel(probs)    -> 'supported' | 'conflict' | 'unsupported'
 *   contributions(values) -> per feature, its share of each class score (weight × value)
 */
import { FEATURES } from './features';

export const MODEL_CLASSES = ['supported', 'conflict', 'unsupported'] as const;
export type ModelClass = (typeof MODEL_CLASSES)[number];
export type Probabilities = Record<ModelClass, number>;

export const MODEL_FORMAT = 'groundwork-model/1';

/** The shape of data/model.json (the fields inference reads; the rest documents the fit). */
export interface ModelFile {
  format: typeof MODEL_FORMAT;
  kind: 'logistic';
  classes: ModelClass[];
  features: string[];
  /** weights[k][j]: weight of feature j in the score of classes[k]. */
  weights: number[][];
  bias: number[];
  thresholds: { supported: number; conflict: number };
  [more: string]: unknown;
}

export interface Model {
  readonly file: ModelFile;
  /** Row-major K×D weights. */
  readonly w: Float64Array;
  readonly b: Float64Array;
  readonly tSup: number;
  readonly tConf: number;
}

const K = MODEL_CLASSES.length;

/** Check and compile a parsed model.json (or its bytes / text). Throws a clear error on any mismatch. */
export function loadModel(source: unknown, expected: readonly string[] = FEATURES): Model {
  let json = source;
  if (source instanceof Uint8Array) json = new TextDecoder().decode(source);
  if (typeof json === 'string') json = JSON.parse(json);
  const m = json as Partial<ModelFile> | null;
  const bad = (why: string): never => {
    throw new Error(`groundwork: data/model.json is not usable: ${why}`);
  };
  if (!m || typeof m !== 'object') return bad('not a JSON object');
  if (m.format !== MODEL_FORMAT) bad(`format ${JSON.stringify(m.format)}, expected ${MODEL_FORMAT}`);
  if (m.kind !== 'logistic') bad(`kind ${JSON.stringify(m.kind)}, expected logistic`);
  if (!Array.isArray(m.classes) || m.classes.join() !== MODEL_CLASSES.join()) bad(`classes ${JSON.stringify(m.classes)}, expected ${MODEL_CLASSES.join(', ')}`);
  const names = Array.isArray(m.features) ? m.features : bad('no feature names');
  if (names.length !== expected.length || names.some((n, i) => n !== expected[i])) {
    const missing = expected.filter((n) => !names.includes(n));
    const extra = names.filter((n) => !expected.includes(n));
    bad(
      `it was fitted on other features than the code computes (${[missing.length ? `not in the file: ${missing.join(', ')}` : '', extra.length ? `not in the code: ${extra.join(', ')}` : '', !missing.length && !extra.length ? 'same names, different order' : ''].filter(Boolean).join('; ')}); run \`npm run train\` to refit it`,
    );
  }
  const D = expected.length;
  const w = new Float64Array(K * D);
  if (!Array.isArray(m.weights) || m.weights.length !== K) bad('weights must have one row per class');
  m.weights!.forEach((row, k) => {
    if (!Array.isArray(row) || row.length !== D) bad(`weights row ${k} has ${Array.isArray(row) ? row.length : 'no'} values, expected ${D}`);
    row.forEach((v, j) => (Number.isFinite(v) ? (w[k * D + j] = v) : bad(`weight ${k},${j} is not a number`)));
  });
  if (!Array.isArray(m.bias) || m.bias.length !== K || !m.bias.every(Number.isFinite)) bad('bias must have one number per class');
  const t = m.thresholds;
  if (!t || !Number.isFinite(t.supported) || !Number.isFinite(t.conflict)) bad('thresholds.supported and thresholds.conflict must be numbers');
  return { file: m as ModelFile, w, b: Float64Array.from(m.bias!), tSup: t!.supported, tConf: t!.conflict };
}

let source: (() => unknown) | undefined;
let current: Model | undefined;

/** Install where the weights come from (called by the CLI, the worker and the eval). Resets a loaded model. */
export function setModelSource(fn: () => unknown): void {
  source = fn;
  current = undefined;
}

/** Use this model directly (tests, the training script). */
export function setModel(model: Model | undefined): void {
  current = model;
}

/** The model, loaded from the installed source on first use. */
export function model(): Model {
  if (current) return current;
  if (!source) throw new Error('groundwork: no model source installed (setModelSource) and no model set');
  current = loadModel(source());
  return current;
}

export function hasModelSource(): boolean {
  return !!(current || source);
}

const scratch = new Float64Array(K);

function scores(m: Model, values: Float64Array, out: Float64Array): void {
  const D = values.length;
  if (D * K !== m.w.length) throw new Error(`groundwork: ${D} feature values, the model has ${m.w.length / K}`);
  for (let k = 0; k < K; k++) {
    let s = m.b[k];
    const o = k * D;
    for (let j = 0; j < D; j++) s += m.w[o + j] * values[j];
    out[k] = s;
  }
}

/** Class probabilities of one claim–passage pair's features (FEATURES order). */
export function predict(values: Float64Array, m: Model = model()): Probabilities {
  scores(m, values, scratch);
  const mx = Math.max(scratch[0], scratch[1], scratch[2]);
  const e0 = Math.exp(scratch[0] - mx);
  const e1 = Math.exp(scratch[1] - mx);
  const e2 = Math.exp(scratch[2] - mx);
  const s = e0 + e1 + e2;
  return { supported: e0 / s, conflict: e1 / s, unsupported: e2 / s };
}

/** The probabilities at or above which the engine says supported / conflict (chosen for precision on unseen data). */
export function thresholds(m: Model = model()): { supported: number; conflict: number } {
  return { supported: m.tSup, conflict: m.tConf };
}

/** The verdict for probabilities: supported / conflict at their thresholds (the more probable when both), else unsupported. */
export function decideLabel(p: Probabilities, m: Model = model()): ModelClass {
  const sup = p.supported >= m.tSup;
  const conf = p.conflict >= m.tConf;
  if (sup && conf) return p.supported >= p.conflict ? 'supported' : 'conflict';
  return sup ? 'supported' : conf ? 'conflict' : 'unsupported';
}

export interface Contribution {
  feature: string;
  value: number;
  /** weight × value in each class score (the scores differ from log-probabilities by a shared constant). */
  supported: number;
  conflict: number;
  unsupported: number;
}

/**
 * Per-feature contributions to each class score, for explaining a verdict. Features whose
 * value is 0 contribute nothing and are left out. `top(contributions(v), 'conflict', 3)`
 * names the features behind a conflict.
 */
export function contributions(values: Float64Array, m: Model = model()): Contribution[] {
  const D = values.length;
  const names = m.file.features;
  const out: Contribution[] = [];
  for (let j = 0; j < D; j++) {
    const v = values[j];
    if (!v) continue;
    out.push({ feature: names[j], value: v, supported: m.w[j] * v, conflict: m.w[D + j] * v, unsupported: m.w[2 * D + j] * v });
  }
  return out;
}

/**
 * The features that most favour `label` over the other classes (contribution to label's
 * score minus the mean of the others'), largest first.
 */
export function top(cs: Contribution[], label: ModelClass, n = 3): Array<{ feature: string; value: number; margin: number }> {
  const others = MODEL_CLASSES.filter((c) => c !== label);
  return cs
    .map((c) => ({ feature: c.feature, value: c.value, margin: c[label] - (c[others[0]] + c[others[1]]) / 2 }))
    .filter((x) => x.margin > 0)
    .sort((a, b) => b.margin - a.margin || (a.feature < b.feature ? -1 : 1))
    .slice(0, n);
}

/**
 * The gates of the combined decision (`gates` in data/model.json): the least probability
 * the model must give a verdict the rules propose. Undefined without a model source or
 * when the file has no gates or cannot be loaded (the rules then decide alone; the error is
 * kept for gateError(), which the hosts report once).
 */
/**
 * Whether the model may judge an alignment: not when a feature it never saw set in
 * training is set (`unseen` in data/model.json, e.g. support through the names of
 * preceding sentences, or a claim and passage in different languages): it would
 * extrapolate, so the rules decide alone.
 */
export function modelKnows(values: Float64Array): boolean {
  const m = model();
  let idx = unseenIdx.get(m);
  if (!idx) {
    const names = ((m.file as { unseen?: string[] }).unseen ?? []);
    idx = names.map((n) => m.file.features.indexOf(n)).filter((j) => j >= 0);
    unseenIdx.set(m, idx);
  }
  return idx.every((j) => values[j] === 0);
}
const unseenIdx = new WeakMap<Model, number[]>();

export function modelGates(): { supported: number; conflict: number } | undefined {
  if (!hasModelSource() || gateLoadError) return undefined;
  let file: ModelFile;
  try {
    file = model().file;
  } catch (err) {
    gateLoadError = err as Error;
    return undefined;
  }
  const g = (file as { gates?: { supported: number; conflict: number } }).gates;
  return g && typeof g.supported === 'number' && typeof g.conflict === 'number' ? g : undefined;
}

let gateLoadError: Error | undefined;

/** Why the model's gates are not in use, when its file failed to load. */
export function gateError(): Error | undefined {
  return gateLoadError;
}
