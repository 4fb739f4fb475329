import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CLASSES, type Dataset, argmax, boostProba, figures, fitBoost, fitLogistic, logisticProba } from '../../bench/learn';
import { rng as prng } from '../../bench/lib/corpora';
import { MIN_PREDICTED, chooseThreshold, equalSetWeights, pooledAt, predictionsFromJson, chooseGate, gatedAt } from '../../bench/trainsets';
import { FEATURES, pairFeatures } from '../../src/core/verify/features';
import { modelFilePath } from '../../src/node/modelFile';
import { contributions, decideLabel, loadModel, predict, setModel, setModelSource, thresholds, top } from '../../src/core/verify/model';

const root = path.join(__dirname, '..', '..');
const modelJson = () => JSON.parse(fs.readFileSync(path.join(root, 'data', 'model.json'), 'utf8'));

/** n rows of D features in [0,1]; class k puts its mass on feature k (separable when noise < 0.5). */
function synthetic(n: number, D: number, noise: number, seed = 7): Dataset {
  const rnd = prng(seed);
  const x: Float64Array[] = [];
  const y: number[] = [];
  for (let i = 0; i < n; i++) {
    const k = i % 3;
    const row = new Float64Array(D);
    for (let j = 0; j < D; j++) row[j] = rnd() * noise;
    row[k] = 1 - rnd() * noise;
    x.push(row);
    y.push(k);
  }
  return { x, y: Uint8Array.from(y), w: Float64Array.from(x, (_, i) => (i % 2 ? 1 : 2)) };
}

describe('learned decision: training', () => {
  it('fits the same weights, to the last bit, from the same data (logistic and boosted trees)', () => {
    const d = synthetic(300, 6, 0.9);
    const a = fitLogistic(d, { l2: 1e-3, iterations: 60, memory: 8 });
    const b = fitLogistic(synthetic(300, 6, 0.9), { l2: 1e-3, iterations: 60, memory: 8 });
    assert.equal(JSON.stringify(a), JSON.stringify(b));
    const ta = fitBoost(d, { rounds: 10, depth: 2, learningRate: 0.2, lambda: 1, bins: 8, minHessian: 1e-3 });
    const tb = fitBoost(synthetic(300, 6, 0.9), { rounds: 10, depth: 2, learningRate: 0.2, lambda: 1, bins: 8, minHessian: 1e-3 });
    assert.equal(JSON.stringify(ta), JSON.stringify(tb));
  });

  it('separates a clearly separable set (logistic and boosted trees); each class leans on its own feature', () => {
    const train = synthetic(600, 5, 0.3);
    const test = synthetic(300, 5, 0.3, 99);
    const fit = fitLogistic(train, { l2: 1e-4, iterations: 100, memory: 10 });
    const pred = test.x.map((x) => argmax(logisticProba(fit, x)));
    assert.equal(figures(test.y, pred).macroF1, 1);
    const boost = fitBoost(train, { rounds: 20, depth: 2, learningRate: 0.3, lambda: 1, bins: 8, minHessian: 1e-3 });
    assert.equal(figures(test.y, test.x.map((x) => argmax(boostProba(boost, x)))).macroF1, 1);
    // Weight of a class's own feature is the largest in its row.
    for (let k = 0; k < 3; k++) assert.equal(argmax(fit.weights[k]), k, `class ${CLASSES[k]}`);
  });

  it('gives every set the same total weight', () => {
    const w = equalSetWeights([100, 300, 0]);
    assert.ok(Math.abs(w[0] * 100 - 400 / 3) < 1e-9 && Math.abs(w[1] * 300 - 400 / 3) < 1e-9);
    assert.equal(w[2], 0);
  });
});

describe('learned decision: features', () => {
  it('missingSpecific: a missing specific noun scores higher than a missing generic one, and nothing missing scores 0', () => {
    const at = FEATURES.indexOf('missingSpecific');
    const specific = pairFeatures('A man is playing a guitar on the stage.', 'A man is playing on the stage.', 'en').values[at];
    const generic = pairFeatures('A man is playing on the stage in an area.', 'A man is playing on the stage.', 'en').values[at];
    const none = pairFeatures('A man is playing on the stage.', 'A man is playing on the stage.', 'en').values[at];
    assert.equal(none, 0);
    assert.ok(specific > generic && generic > 0, `specific ${specific}, generic ${generic}`);
  });
});

describe('learned decision: the committed model', () => {
  afterEach(() => setModel(undefined));

  it('was fitted on the features the code computes (else: run `npm run train`)', () => {
    assert.deepEqual(modelJson().features, [...FEATURES]);
  });

  it('refuses a weights file whose feature names differ, saying which and what to do', () => {
    const m = modelJson();
    m.features = [...m.features.slice(1), 'somethingNew'];
    assert.throws(() => loadModel(m), /not in the file: coverage; not in the code: somethingNew\); run `npm run train`/);
    const swapped = modelJson();
    [swapped.features[0], swapped.features[1]] = [swapped.features[1], swapped.features[0]];
    assert.throws(() => loadModel(swapped), /same names, different order/);
    assert.throws(() => loadModel({ ...modelJson(), weights: [[1], [2], [3]] }), /weights row 0 has 1 values, expected/);
    assert.throws(() => loadModel('{"format":"x"}'), /format "x"/);
  });

  it('loads lazily from the installed source, from bytes too, and predicts probabilities that sum to 1', () => {
    let calls = 0;
    setModelSource(() => (calls++, fs.readFileSync(path.join(root, 'data', 'model.json'))));
    assert.equal(calls, 0);
    const cases: Array<[string, string]> = [
      ['The flood killed 12 passengers.', 'The flood killed 12 passengers and a fire a year later killed over 30 people.'],
      ['The flood killed 40 passengers.', 'The flood killed 12 passengers.'],
      ['The minister did not resign.', 'The minister resigned on Friday.'],
      ['A man is playing a guitar.', 'Two dogs run across a snowy field.'],
    ];
    for (const [claim, passage] of cases) {
      const v = pairFeatures(claim, passage, 'en').values;
      const p = predict(v);
      assert.ok(Math.abs(p.supported + p.conflict + p.unsupported - 1) < 1e-12);
      for (const x of Object.values(p)) assert.ok(x > 0 && x < 1);
      const label = decideLabel(p);
      assert.ok(['supported', 'conflict', 'unsupported'].includes(label));
    }
    assert.equal(calls, 1);
    const t = thresholds();
    assert.deepEqual(t, modelJson().thresholds);
    assert.ok(t.supported >= 0.5 && t.conflict >= 0.5, 'thresholds of 0.5 or more: at most one class can reach its threshold');
  });

  it('is found by the hosts from the bundles in dist/ and from the sources', () => {
    const file = path.join(root, 'data', 'model.json');
    assert.equal(modelFilePath(path.join(root, 'dist')), file);
    assert.equal(modelFilePath(path.join(root, 'src', 'cli')), file);
    assert.equal(modelFilePath('/'), undefined);
  });

  it('explains a score: contributions add up to the class scores', () => {
    const m = loadModel(modelJson());
    const v = pairFeatures('The flood killed 40 passengers.', 'The flood killed 12 passengers.', 'en').values;
    const cs = contributions(v, m);
    const p = predict(v, m);
    const score = (k: 0 | 1 | 2, name: 'supported' | 'conflict' | 'unsupported') => m.b[k] + cs.reduce((s, c) => s + c[name], 0);
    const s = [score(0, 'supported'), score(1, 'conflict'), score(2, 'unsupported')];
    const z = s.map((x) => Math.exp(x)).reduce((a, b) => a + b, 0);
    assert.ok(Math.abs(Math.exp(s[1]) / z - p.conflict) < 1e-12);
    for (const c of cs) assert.notEqual(c.value, 0);
    const best = top(cs, 'conflict', 2);
    assert.ok(best.length <= 2 && best.every((b) => b.margin > 0));
    assert.ok(best.length === 0 || best[0].margin >= best[best.length - 1].margin);
  });

  it('records thresholds that are what the rule picks on the recorded leave-one-set-out predictions, and says truly whether they meet the targets', () => {
    const m = modelJson();
    const preds = predictionsFromJson(JSON.parse(fs.readFileSync(path.join(root, 'bench', 'results', 'model-loso.json'), 'utf8')));
    assert.deepEqual(
      preds.map((p) => [p.name, p.gold.length]),
      m.training.sets.map((s: { name: string; pairs: number }) => [s.name, s.pairs]),
    );
    assert.equal(chooseThreshold(preds, 0, m.targets.supported), m.thresholds.supported);
    assert.equal(chooseThreshold(preds, 1, m.targets.conflict), m.thresholds.conflict);
    for (const [label, name] of [[0, 'supported'], [1, 'conflict']] as const) {
      const at = pooledAt(preds, label, m.thresholds[name]);
      const met = at.predicted >= MIN_PREDICTED && at.p >= m.targets[name];
      assert.equal(m.targets.met[name], met, `${name}: recorded met=${m.targets.met[name]}, recomputed P ${at.p} over ${at.predicted} pairs`);
      if (met) assert.ok(at.p >= m.targets[name]);
      else assert.equal(m.thresholds[name], 1, `${name}: a target not met leaves the threshold at 1 (never)`);
    }
  });

  it('records the gates of the combined decision that chooseGate picks on the recorded held-out predictions, and their figures', () => {
    const m = modelJson();
    const preds = predictionsFromJson(JSON.parse(fs.readFileSync(path.join(root, 'bench', 'results', 'model-loso.json'), 'utf8')));
    assert.ok(preds.every((p) => p.rule && p.rule.length === p.gold.length), 'the rules\' verdict is recorded for every pair');
    for (const [label, name] of [[0, 'supported'], [1, 'conflict']] as const) {
      assert.equal(chooseGate(preds, label), m.gates[name], name);
      const gated = gatedAt(preds, label, m.gates[name]);
      const alone = gatedAt(preds, label, 0);
      assert.ok(Math.abs(gated.p - m.gateFigures[name].pooled.gated.p) < 0.0015, `${name} gated precision`);
      assert.ok(Math.abs(alone.p - m.gateFigures[name].pooled.rules.p) < 0.0015, `${name} rules precision`);
      // A gate never costs precision on the data it was chosen on.
      assert.ok(gated.p >= alone.p - 1e-9);
    }
  });
});
