/**
 * Cross-language pairs built from the two translations of SICK (sick-en, sick-nl: the same
 * pairs in English and Dutch, ids `sick-en-N` / `sick-nl-N`), for the held-out report of
 * `npm run eval` (bench/eval.ts runLoso):
 *
 *   sick-x-en>nl  the English hypothesis as the claim, the Dutch premise as the passage
 *   sick-x-nl>en  the Dutch hypothesis as the claim, the English premise as the passage
 *
 * gold = the pair's label (the same in both translations; a pair whose labels differ is
 * reported and skipped). The pairs belong to the sick group: they are never fitted on, and
 * are scored by the model fitted without sick-en and sick-nl (crossLanguageReport). They are
 * built in memory from the two files, so `npm run train` (which reads the files) is unchanged.
 */
import { pairFeatures } from '../../src/core/verify/features';
import { alignmentVerdict } from '../../src/core/verify/index';
import { prepare } from '../../src/core/verify/nlp';
import type { LanguageCode } from '../../src/core/types';
import { CLASSES, figures, type Figures } from '../learn';
import { engineFigures, gatedCell, setGroup, type Proba, type SetPredictions, type TrainRow, type TrainSet } from '../trainsets';

export interface CrossRow extends TrainRow {
  /** The passage's language (TrainRow.lang is the claim's). */
  premiseLang: LanguageCode;
  /** The pair number N shared by sick-en-N and sick-nl-N. */
  n: number;
}

export interface CrossPairs {
  /** One set per direction: `sick-x-en>nl`, `sick-x-nl>en`, pairs in the order of the English file. */
  sets: Array<{ name: string; rows: CrossRow[] }>;
  /** Pairs left out, one line each (label mismatch, id only in one file, bad id). */
  problems: string[];
}

const ID = /^(.*)-(en|nl)-(\d+)$/;

/** The pair number of an id like `sick-en-12` (undefined when the id has no such form or the wrong language). */
export function pairNumber(id: string, lang: 'en' | 'nl'): number | undefined {
  const m = ID.exec(id);
  return m && m[2] === lang ? Number(m[3]) : undefined;
}

/**
 * Align the English and Dutch translations of a set by the number in their ids and build
 * the two cross-language directions. A pair is skipped (and said so in `problems`) when its
 * id has no number, its number is in one file only or twice, or the two labels differ.
 */
export function buildCrossPairs(en: TrainRow[], nl: TrainRow[], base = 'sick'): CrossPairs {
  const problems: string[] = [];
  const index = (rows: TrainRow[], lang: 'en' | 'nl'): Map<number, TrainRow> => {
    const m = new Map<number, TrainRow>();
    for (const r of rows) {
      const n = pairNumber(r.id, lang);
      if (n === undefined) problems.push(`${r.id}: not a ${lang} id of the form NAME-${lang}-N, skipped`);
      else if (m.has(n)) problems.push(`${r.id}: pair ${n} appears twice in ${lang}, the first kept`);
      else m.set(n, r);
    }
    return m;
  };
  const byEn = index(en, 'en');
  const byNl = index(nl, 'nl');
  const enToNl: CrossRow[] = [];
  const nlToEn: CrossRow[] = [];
  for (const [n, e] of byEn) {
    const d = byNl.get(n);
    if (!d) {
      problems.push(`${e.id}: no ${base}-nl-${n}, skipped`);
      continue;
    }
    if (e.label !== d.label) {
      problems.push(`pair ${n}: label ${e.label} in ${e.id} but ${d.label} in ${d.id}, skipped`);
      continue;
    }
    enToNl.push({ id: `${base}-x-en>nl-${n}`, set: `${base}-x-en>nl`, lang: e.lang, premiseLang: d.lang, premise: d.premise, hypothesis: e.hypothesis, label: e.label, n });
    nlToEn.push({ id: `${base}-x-nl>en-${n}`, set: `${base}-x-nl>en`, lang: d.lang, premiseLang: e.lang, premise: e.premise, hypothesis: d.hypothesis, label: e.label, n });
  }
  for (const [n, d] of byNl) if (!byEn.has(n)) problems.push(`${d.id}: no ${base}-en-${n}, skipped`);
  return { sets: [{ name: `${base}-x-en>nl`, rows: enToNl }, { name: `${base}-x-nl>en`, rows: nlToEn }], problems };
}

export interface CrossSet {
  name: string;
  rows: CrossRow[];
  x: Float64Array[];
  y: Uint8Array;
  /** The rules' verdict (class index) on each pair. */
  rule: Uint8Array;
  /** The claim's units the passage leaves unbacked (lower-cased unit text), per pair. */
  unbacked: string[][];
  seconds: number;
}

/** Features, rule verdicts and unbacked claim units of each cross-language pair. */
export function crossFeatures(name: string, rows: CrossRow[]): CrossSet {
  const t0 = Date.now();
  const rule = new Uint8Array(rows.length);
  const unbacked: string[][] = [];
  const x = rows.map((r, i) => {
    const pf = pairFeatures(r.hypothesis, r.premise, r.lang, r.premiseLang);
    rule[i] = CLASSES.indexOf(alignmentVerdict(pf.alignment));
    unbacked.push(pf.alignment.unmatched.map((u) => u.text.toLowerCase()));
    return pf.values;
  });
  const y = Uint8Array.from(rows, (r) => CLASSES.indexOf(r.label));
  return { name, rows, x, y, rule, unbacked, seconds: (Date.now() - t0) / 1000 };
}

/**
 * The sets `buildCrossPairs` makes from the loaded sick-en and sick-nl (undefined when either
 * is missing), with their features.
 */
export function loadCrossSets(sets: TrainSet[], log: (s: string) => void = () => {}): { sets: CrossSet[]; problems: string[] } | undefined {
  const en = sets.find((s) => s.name === 'sick-en');
  const nl = sets.find((s) => s.name === 'sick-nl');
  if (!en || !nl) return undefined;
  const built = buildCrossPairs(en.rows, nl.rows);
  for (const p of built.problems) log(`  cross-language: ${p}`);
  const out = built.sets.map((s) => crossFeatures(s.name, s.rows));
  for (const s of out) log(`  ${s.name}: ${s.rows.length} pairs, features in ${s.seconds.toFixed(1)}s`);
  return { sets: out, problems: built.problems };
}

/** Feature indexes of the model's `unseen` features: the engine's gate abstains where one is set. */
export function unseenIndexes(features: readonly string[], unseen: readonly string[] = []): number[] {
  return unseen.map((n) => features.indexOf(n)).filter((j) => j >= 0);
}

export interface CrossPredictions {
  /** Probabilities of the model fitted without the sick group, as the gate would read them. */
  raw: SetPredictions;
  /**
   * The engine's view: where the model never saw a feature set (data/model.json `unseen`,
   * crossLanguage for every pair here) the gate abstains and the rules decide, encoded as
   * P = 1 so that gatedAt lets the rules' verdict through.
   */
  engine: SetPredictions;
  /** Pairs on which the gate abstains. */
  abstained: number;
}

/**
 * Score the cross-language sets with the model fitted on every training set outside the sick
 * group (the sets they were built from): the same model that scores sick-en and sick-nl.
 */
export function crossPredictions(sets: TrainSet[], cross: CrossSet[], fitWithout: (group: string) => Proba, unseen: number[]): CrossPredictions[] {
  const group = setGroup('sick-en');
  if (setGroup('sick-nl') !== group) throw new Error('sick-en and sick-nl are not one group');
  const proba = fitWithout(group);
  const weight = sets.find((s) => s.name === 'sick-en')?.weight ?? 1;
  const r4 = (v: number): number => Math.round(v * 1e4) / 1e4;
  return cross.map((s) => {
    const n = s.rows.length;
    const sup = new Float64Array(n);
    const conf = new Float64Array(n);
    const esup = new Float64Array(n);
    const econf = new Float64Array(n);
    let abstained = 0;
    for (let i = 0; i < n; i++) {
      const p = proba(s.x[i]);
      sup[i] = r4(p[0]);
      conf[i] = r4(p[1]);
      const knows = unseen.every((j) => s.x[i][j] === 0);
      if (!knows) abstained++;
      esup[i] = knows ? sup[i] : 1;
      econf[i] = knows ? conf[i] : 1;
    }
    const base = { name: s.name, weight, gold: s.y, rule: s.rule };
    return { raw: { ...base, sup, conf }, engine: { ...base, sup: esup, conf: econf }, abstained };
  });
}

const f3 = (x: number): string => x.toFixed(3);

/**
 * The held-out table for the cross-language sets beside the monolingual sick-en and sick-nl
 * rows (their leave-one-set-out predictions), in the columns of the engine table of runLoso,
 * plus what the gate would do if it judged the cross-language pairs.
 */
export function crossLanguageTable(mono: SetPredictions[], cross: CrossPredictions[], gates: { supported: number; conflict: number }, problems: string[], seconds: number): string[] {
  const row = (p: SetPredictions, ifGate?: SetPredictions) =>
    `| ${p.name} | ${p.gold.length} | **${f3(engineFigures(p, gates).macroF1)}** | ${gatedCell([p], 0, 0)} | ${gatedCell([p], 0, gates.supported)} | ${gatedCell([p], 1, 0)} | ${gatedCell([p], 1, gates.conflict)} | ${
      ifGate ? `${f3(engineFigures(ifGate, gates).macroF1)}; ${gatedCell([ifGate], 0, gates.supported)}; ${gatedCell([ifGate], 1, gates.conflict)}` : '–'
    } |`;
  const abstained = cross.reduce((s, c) => s + c.abstained, 0);
  const total = cross.reduce((s, c) => s + c.raw.gold.length, 0);
  return [
    `**Cross-language pairs (SICK en/nl)**: the English hypothesis against the Dutch premise (sick-x-en>nl) and the Dutch hypothesis against the English premise (sick-x-nl>en), gold = the pair's label; held out with the sick group (never fitted on; scored by the model fitted without sick-en and sick-nl), beside the monolingual rows. The gate abstains on ${abstained} of the ${total} cross-language pairs (crossLanguage is \`unseen\` in data/model.json, so the rules decide alone there); the last column gives macro-F1; supported P / R; conflict P / R if the gate judged them anyway. ${problems.length ? `${problems.length} pairs skipped (${problems.slice(0, 3).join('; ')}${problems.length > 3 ? '; …' : ''}).` : 'All pairs aligned by id, labels equal in both translations.'} Features of the cross-language pairs in ${seconds.toFixed(1)}s.`,
    '',
    '| set | pairs | macro-F1 | supported P / R (rules alone) | supported P / R (with gate) | conflict P / R (rules alone) | conflict P / R (with gate) | if the gate judged them |',
    '|---|---|---|---|---|---|---|---|',
    ...mono.map((p) => row(p)),
    ...cross.map((c) => row(c.engine, c.raw)),
  ];
}

/** A claim's word left unbacked across languages though backed within its own language. */
export interface MissedWord {
  word: string;
  /** Pairs in which it is unbacked across languages but backed within the claim's language. */
  count: number;
  /** Whether the claim's token has concept ids (en↔nl links, synonyms) at all. */
  inLexicon: boolean;
  /** The premise's content words backing no claim unit in those pairs, most frequent first (the likely counterparts). */
  unused: Array<[string, number]>;
  /** Pair numbers, the first few. */
  examples: number[];
}

export interface Misses {
  /** Supported pairs the rules support within the claim's language but not across languages. */
  pairs: number;
  /** Of those, pairs with every claim unit backed across languages (lost to a conflict or a block). */
  fullyBacked: number;
  /** Of those, pairs with a claim unit unbacked across languages but backed within the language. */
  withGap: number;
  words: MissedWord[];
}

/**
 * For the supported pairs the rules call not supported across languages but supported within
 * the claim's language (the same hypothesis against the premise in its own language: `mono`
 * is sick-en for en>nl, sick-nl for nl>en), the claim words the cross-language alignment leaves
 * unbacked and the monolingual one backs, most frequent first: what the lexicon (or the
 * matching) misses between the languages.
 */
export function crossMisses(cross: CrossSet, mono: TrainSet, top: number): Misses {
  const byN = new Map<number, number>();
  mono.rows.forEach((r, i) => {
    const m = /-(\d+)$/.exec(r.id);
    if (m) byN.set(Number(m[1]), i);
  });
  const counts = new Map<string, MissedWord & { unusedCounts: Map<string, number> }>();
  let pairs = 0;
  let fullyBacked = 0;
  let withGap = 0;
  for (let i = 0; i < cross.rows.length; i++) {
    const r = cross.rows[i];
    const j = byN.get(r.n);
    if (j === undefined || cross.y[i] !== 0 || cross.rule[i] === 0 || mono.rule[j] !== 0) continue;
    pairs++;
    if (cross.unbacked[i].length === 0) fullyBacked++;
    const m = mono.rows[j];
    const within = new Set(pairFeatures(m.hypothesis, m.premise, m.lang).alignment.unmatched.map((u) => u.text.toLowerCase()));
    const gap = [...new Set(cross.unbacked[i])].filter((w) => !within.has(w));
    if (!gap.length) continue;
    withGap++;
    const c = prepare(r.hypothesis, r.lang);
    const a = pairFeatures(r.hypothesis, r.premise, r.lang, r.premiseLang).alignment;
    const used = new Set(a.terms.map((t) => t.toLowerCase()));
    const p = prepare(r.premise, r.premiseLang);
    const unused = [...new Set(p.content.map((k) => p.tokens[k].text.toLowerCase()).filter((w) => !used.has(w)))];
    for (const w of gap) {
      let e = counts.get(w);
      if (!e) {
        const tok = c.tokens.find((t) => t.text.toLowerCase() === w);
        e = { word: w, count: 0, inLexicon: !!tok && tok.concepts.length > 0, unused: [], examples: [], unusedCounts: new Map() };
        counts.set(w, e);
      }
      e.count++;
      for (const u of unused) e.unusedCounts.set(u, (e.unusedCounts.get(u) ?? 0) + 1);
      if (e.examples.length < 5) e.examples.push(r.n);
    }
  }
  const byCount = <T extends { count: number; word: string }>(x: T, y: T) => y.count - x.count || (x.word < y.word ? -1 : x.word > y.word ? 1 : 0);
  const words = [...counts.values()].sort(byCount).slice(0, top).map(({ unusedCounts, ...w }) => ({
    ...w,
    unused: [...unusedCounts.entries()].map(([word, count]) => ({ word, count })).sort(byCount).slice(0, 3).map((u): [string, number] => [u.word, u.count]),
  }));
  return { pairs, fullyBacked, withGap, words };
}

/**
 * The cross-language section of the held-out report: builds and scores the two directions
 * (never fitted on), returns the table's lines, and with `missesTop` prints the most frequent
 * unbacked claim words of the supported pairs lost across languages.
 */
export function crossLanguageReport(
  sets: TrainSet[],
  loso: SetPredictions[],
  fitWithout: (group: string) => Proba,
  model: { features: readonly string[]; unseen?: readonly string[]; gates?: { supported: number; conflict: number } },
  missesTop = 0,
  log: (s: string) => void = (s) => console.log(s),
): string[] {
  const t0 = Date.now();
  const loaded = loadCrossSets(sets);
  if (!loaded) return [];
  const seconds = (Date.now() - t0) / 1000;
  const gates = model.gates ?? { supported: 0, conflict: 0 };
  const preds = crossPredictions(sets, loaded.sets, fitWithout, unseenIndexes(model.features, model.unseen));
  const mono = loso.filter((p) => p.name === 'sick-en' || p.name === 'sick-nl');
  const lines = crossLanguageTable(mono, preds, gates, loaded.problems, seconds);
  if (missesTop > 0) {
    for (const s of loaded.sets) {
      const monoSet = sets.find((o) => o.name === (s.rows[0]?.lang === 'en' ? 'sick-en' : 'sick-nl'));
      if (!monoSet) continue;
      const m = crossMisses(s, monoSet, missesTop);
      log(
        `\n== ${s.name}: ${m.pairs} supported pairs the rules support within ${monoSet.name} but not across languages; ${m.fullyBacked} with every claim unit backed (a conflict or a block), ${m.withGap} with a claim word backed within the language and not across. Top ${m.words.length} such words (pairs; * = the claim word has no concept in the lexicon; the premise words left unused in those pairs, the likely counterparts; example pair numbers):`,
      );
      for (const w of m.words) log(`  ${String(w.count).padStart(4)} ${w.inLexicon ? ' ' : '*'} ${w.word.padEnd(16)} ${w.unused.map(([u, k]) => `${u} ${k}`).join(', ').padEnd(44)} #${w.examples.join(' #')}`);
    }
  }
  log(`  cross-language pairs: ${((Date.now() - t0) / 1000).toFixed(1)}s (features ${seconds.toFixed(1)}s)`);
  return lines;
}
