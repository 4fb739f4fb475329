/**
 * `npm run train`: fit the learned decision (src/core/verify/model.ts) and write data/model.json.
 *
 *   node dist/train.js [--compare] [--no-write]
 *
 * 1. Reads ../shared/eval/train/*.jsonl (GROUNDWORK_SHARED overrides ../shared) and computes
 *    every pair's features with pairFeatures (FEATURES order).
 * 2. Leave one set out: for each set, fits on the other five and scores it. The pooled
 *    predictions (each set weighted equally) choose the thresholds: the smallest P(supported)
 *    from which on supported precision stays ≥ 0.90, and the smallest P(conflict) from which
 *    on conflict precision stays ≥ 0.95.
 * 3. Within sets: fits on 80% of every set (hash of the id), scores each set's other 20%.
 * 4. Fits the shipped model on all pairs and writes data/model.json (weights, thresholds, the
 *    sets with their pair counts and weights, the config, the data's sha256, the LOSO and
 *    within-set figures) and bench/results/model-loso.json (the pooled LOSO predictions).
 *
 * --compare also runs the LOSO with small gradient-boosted trees and prints both tables.
 * Deterministic: the same data and code give the same bytes.
 */
import * as fs from 'node:fs';
import { installNodeRuntime } from '../src/node/runtime';
import * as path from 'node:path';
import { repoRoot } from './lib/repo';
import { BOOST_DEFAULTS, CLASSES, LOGISTIC_DEFAULTS, boostProba, fitBoost, fitLogistic, type Figures } from './learn';
import {
  FEATURES,
  type SetPredictions,
  chooseThreshold,
  datasetOf,
  figuresTable,
  leaveOneSetOut,
  loadTrainSets,
  logisticFitter,
  pooledAt,
  predictionsJson,
  scoreAt,
  scoreArgmax,
  sharedDir,
  trainFiles,
  withinSets,
  MIN_PREDICTED,
  chooseGate,
  gatedAt,
} from './trainsets';
import { MODEL_FORMAT } from '../src/core/verify/model';

// The features must be computed as the engine computes them: with the POS tagger and the lexicon.
installNodeRuntime();

export const TARGETS = { supported: 0.9, conflict: 0.95 };

const sig = (v: number): number => Number(v.toPrecision(6));
const r3 = (v: number): number => Math.round(v * 1000) / 1000;

function summary(f: Figures): unknown {
  return {
    pairs: f.n,
    macroF1: r3(f.macroF1),
    ...Object.fromEntries(CLASSES.map((c) => [c, { p: r3(f.perLabel[c].p), r: r3(f.perLabel[c].r), gold: f.perLabel[c].support, predicted: f.perLabel[c].predicted }])),
  };
}

function main(): void {
  const args = process.argv.slice(2);
  const compare = args.includes('--compare');
  const noWrite = args.includes('--no-write');
  const root = repoRoot();
  const { files, hash } = trainFiles(sharedDir(root));
  const log = (s: string) => console.log(s);
  console.log(`features (${FEATURES.length}): ${FEATURES.join(', ')}`);
  console.log(`training data: ${files.length} sets, ${hash}`);
  const sets = loadTrainSets(files, log);
  const config = LOGISTIC_DEFAULTS;

  console.log('\nleave one set out (logistic regression):');
  const loso = leaveOneSetOut(sets, logisticFitter(config), log);
  const tSup = chooseThreshold(loso, 0, TARGETS.supported);
  const tConf = chooseThreshold(loso, 1, TARGETS.conflict);
  const atSup = pooledAt(loso, 0, tSup);
  const atConf = pooledAt(loso, 1, tConf);
  for (const t of [0.5, 0.6, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95]) {
    const s = pooledAt(loso, 0, t);
    const c = pooledAt(loso, 1, t);
    console.log(`  at ${t.toFixed(2)}: supported P ${s.p.toFixed(3)} R ${s.r.toFixed(3)} (${s.predicted} pairs), conflict P ${c.p.toFixed(3)} R ${c.r.toFixed(3)} (${c.predicted} pairs)`);
  }
  console.log(`\nthresholds: supported ${tSup} (pooled LOSO P ${atSup.p.toFixed(3)} R ${atSup.r.toFixed(3)}), conflict ${tConf} (P ${atConf.p.toFixed(3)} R ${atConf.r.toFixed(3)})`);
  console.log(['', ...figuresTable(loso, tSup, tConf, 'LOSO: each set scored by the model fitted on the other five')].join('\n'));

  // The combined decision: the rules propose, the model gates (see chooseGate).
  const gSup = chooseGate(loso, 0);
  const gConf = chooseGate(loso, 1);
  const gateRows = (label: 0 | 1, g: number) =>
    Object.fromEntries([...loso.map((s) => [s.name, [s]] as const), ['pooled', loso] as const].map(([name, ps]) => {
      const alone = gatedAt(ps as typeof loso, label, 0);
      const gated = gatedAt(ps as typeof loso, label, g);
      return [name, { rules: { p: r3(alone.p), r: r3(alone.r), n: alone.predicted }, gated: { p: r3(gated.p), r: r3(gated.r), n: gated.predicted } }];
    }));
  const gates = { supported: gSup, conflict: gConf };
  const gateFigures = { supported: gateRows(0, gSup), conflict: gateRows(1, gConf) };
  console.log(`\ngates (rules propose, the model must give at least): supported ${gSup}, conflict ${gConf}`);
  for (const [label, rows] of Object.entries(gateFigures)) {
    for (const [name, v] of Object.entries(rows)) {
      console.log(`  ${label.padEnd(9)} ${name.padEnd(11)} rules P ${v.rules.p.toFixed(3)} R ${v.rules.r.toFixed(3)} (${v.rules.n})  gated P ${v.gated.p.toFixed(3)} R ${v.gated.r.toFixed(3)} (${v.gated.n})`);
    }
  }

  const within = withinSets(sets, logisticFitter(config));
  console.log(['', ...figuresTable(within, tSup, tConf, 'Within sets: fitted on 80% of every set, scored on each set\'s other 20%')].join('\n'));

  if (compare) {
    console.log('\nleave one set out (gradient-boosted trees):');
    const boost: SetPredictions[] = leaveOneSetOut(
      sets,
      (d) => {
        const fit = fitBoost(d, BOOST_DEFAULTS);
        return (x) => boostProba(fit, x);
      },
      log,
    );
    const bSup = chooseThreshold(boost, 0, TARGETS.supported);
    const bConf = chooseThreshold(boost, 1, TARGETS.conflict);
    const bs = pooledAt(boost, 0, bSup);
    const bc = pooledAt(boost, 1, bConf);
    console.log(`boosted trees ${JSON.stringify(BOOST_DEFAULTS)}`);
    console.log(`thresholds: supported ${bSup} (P ${bs.p.toFixed(3)} R ${bs.r.toFixed(3)}), conflict ${bConf} (P ${bc.p.toFixed(3)} R ${bc.r.toFixed(3)})`);
    console.log(['', ...figuresTable(boost, bSup, bConf, 'LOSO, boosted trees')].join('\n'));
  }

  const fit = fitLogistic(datasetOf(sets), config);
  const model = {
    format: MODEL_FORMAT,
    kind: 'logistic',
    classes: CLASSES,
    features: FEATURES,
    weights: fit.weights.map((row) => row.map(sig)),
    bias: fit.bias.map(sig),
    thresholds: { supported: tSup, conflict: tConf },
    gates,
    // Features that never vary in the training pairs: the model knows nothing of them, so the
    // gate abstains (the rules decide) on an alignment where one is set.
    unseen: FEATURES.filter((_, j) => sets.every((s) => s.x.every((x) => x[j] === 0))),
    gateHow: 'the engine gives a supported or conflict verdict when its rules propose it and the model gives that label at least this probability; each gate maximizes F0.5 of that combination on the pooled leave-one-set-out predictions (0: the rules alone are best)',
    gateFigures,
    targets: {
      ...TARGETS,
      how: `smallest threshold on the grid 0.5..0.995 (step 0.005) from which on the precision of the leave-one-set-out predictions, pooled with the set weights, stays at or above the target wherever at least ${MIN_PREDICTED} pairs are predicted`,
      met: { supported: atSup.predicted >= MIN_PREDICTED && atSup.p >= TARGETS.supported, conflict: atConf.predicted >= MIN_PREDICTED && atConf.p >= TARGETS.conflict },
      pooled: { supported: { p: r3(atSup.p), r: r3(atSup.r) }, conflict: { p: r3(atConf.p), r: r3(atConf.r) } },
      curve: [0.5, 0.6, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95].map((t) => {
        const s = pooledAt(loso, 0, t);
        const c = pooledAt(loso, 1, t);
        return { t, supported: { p: r3(s.p), r: r3(s.r), n: s.predicted }, conflict: { p: r3(c.p), r: r3(c.r), n: c.predicted } };
      }),
    },
    config: { model: 'multinomial logistic regression, L2 on weights, L-BFGS', ...config, setWeights: 'every set the same total weight: pairs weigh (all pairs / sets) / (set pairs)' },
    training: {
      data: 'shared/eval/train/*.jsonl',
      hash,
      sets: sets.map((s) => ({ name: s.name, pairs: s.rows.length, ...s.counts, weight: sig(s.weight) })),
      loss: sig(fit.loss),
    },
    loso: Object.fromEntries(loso.map((p) => [p.name, { atThresholds: summary(scoreAt(p, tSup, tConf)), argmax: summary(scoreArgmax(p)) }])),
    within: Object.fromEntries(within.map((p) => [p.name, { atThresholds: summary(scoreAt(p, tSup, tConf)), argmax: summary(scoreArgmax(p)) }])),
  };
  console.log('\nweights (supported / conflict / unsupported):');
  FEATURES.forEach((f, j) => console.log(`  ${f.padEnd(24)} ${fit.weights.map((w) => w[j].toFixed(3).padStart(8)).join(' ')}`));
  console.log(`  ${'(bias)'.padEnd(24)} ${fit.bias.map((b) => b.toFixed(3).padStart(8)).join(' ')}`);
  if (noWrite) return;
  const dataDir = path.join(root, 'data');
  fs.mkdirSync(dataDir, { recursive: true });
  // One line per array of numbers, so the weights read as a table.
  const text = JSON.stringify(model, null, 1).replace(/\[\s*(-?[\d.e+-]+(?:,\s*-?[\d.e+-]+)*)\s*\]/g, (_, inner: string) => `[${inner.split(/,\s*/).join(', ')}]`);
  fs.writeFileSync(path.join(dataDir, 'model.json'), text + '\n');
  // The held-out predictions stay out of data/ (which ships): they are for the tests and the docs.
  fs.mkdirSync(path.join(root, 'bench', 'results'), { recursive: true });
  fs.writeFileSync(path.join(root, 'bench', 'results', 'model-loso.json'), JSON.stringify(predictionsJson(loso)) + '\n');
  console.log(`\nwrote data/model.json and bench/results/model-loso.json`);
}

main();
