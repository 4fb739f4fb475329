/**
 * Features of one claim–passage alignment, for the learned decision (model.ts).
 *
 * Every feature is a number in [0, 1] (counts are capped and scaled) read off the
 * alignment's signals: how much of the claim the passage backs and how (exactly,
 * loosely, by reference), which slots it fills differently and how strongly they are
 * tied, polarity, word order and language. The list is fixed: the model's weights file
 * names the features it was fitted with, and loading refuses a file whose names differ.
 *
 *   pairFeatures(claim, premise, claimLang, premiseLang) -> { names, values, alignment }
 *   alignmentFeatures(c, units, p, a)                    -> Float64Array (FEATURES order)
 */
import type { LanguageCode } from '../types';
import { align, claimUnits, type Alignment, type Unit } from './align';
import { prepare, type Prepared } from './nlp';
import { structureOf } from './structure';
import { getLexicon } from '../analysis/lexicon';

export const FEATURES = [
  'coverage',
  'restCoverage',
  'wordCoverage',
  'looseShare',
  'coverageFull',
  'coverageHigh',
  'unitsLog',
  'namesMissing',
  'numbersMissing',
  'datesMissing',
  'numbersLoose',
  'keyMissing',
  'hasKeys',
  'wordsMissing',
  'missingSpecific',
  'contextNames',
  'polarityClash',
  'blockedNegation',
  'blockedStructure',
  'displaced',
  'conflictNumber',
  'conflictDate',
  'conflictEntity',
  'conflictNegation',
  'conflictAntonym',
  'conflictStrong',
  'conflictRest',
  'claimNegated',
  'passageNegatedAligned',
  'orderAgreement',
  'passageExtra',
  'crossLanguage',
  'dutch',
  'verbMissing',
] as const;

export type FeatureName = (typeof FEATURES)[number];

const cap = (n: number, max: number): number => Math.min(n, max) / max;

/**
 * Share of pairs of aligned claim words whose passage words come in the same order:
 * 1 when the passage says it in the claim's order, lower for swapped roles.
 */
function orderAgreement(c: Prepared, p: Prepared, a: Alignment): number {
  const pairs: Array<[number, number]> = [];
  for (const u of a.matched) {
    if (u.kind !== 'word' && u.kind !== 'name') continue;
    const ti = u.tokens[0];
    const ct = c.tokens[ti];
    const k = p.stems.get(ct.stem)?.[0] ?? p.norms.get(ct.norm)?.[0];
    if (k !== undefined) pairs.push([ti, k]);
  }
  if (pairs.length < 2) return 1;
  let same = 0;
  let all = 0;
  for (let i = 0; i < pairs.length; i++) {
    for (let j = i + 1; j < pairs.length; j++) {
      if (pairs[i][1] === pairs[j][1]) continue;
      all++;
      if (pairs[i][0] < pairs[j][0] === pairs[i][1] < pairs[j][1]) same++;
    }
  }
  return all ? same / all : 1;
}

/** Depth below the top of WordNet's hierarchy at which a missing claim noun is "specific" (scaled to [0, 1]). */
const DEPTH_SCALE = 15;
function missingSpecific(c: Prepared, a: Alignment): number {
  const lex = getLexicon();
  if (!lex || (c.lang !== 'en' && c.lang !== 'nl')) return 0;
  let best = 0;
  for (const u of a.unmatched) {
    if (u.kind !== 'word') continue;
    const ids = lex.synsets(c.tokens[u.tokens[0]].norm, c.lang, 'n', 1);
    if (ids.length) best = Math.max(best, lex.rootDepth(ids[0]));
  }
  return Math.min(best, DEPTH_SCALE) / DEPTH_SCALE;
}

/**
 * The claim's first clause verb is a word the passage does not back (1), or backed (0): a
 * claim whose participants all line up may still say another thing happened to them
 * ("is trotting through" / "is sitting in"). English only (Dutch clauses list no verbs).
 */
function verbMissing(c: Prepared, a: Alignment): number {
  const s = structureOf(c);
  const v = s.clauses.flatMap((cl) => cl.verbs).find((k) => !c.tokens[k].stop);
  if (v === undefined) return 0;
  return a.unmatched.some((u) => u.kind === 'word' && u.tokens.includes(v)) ? 1 : 0;
}

export function alignmentFeatures(c: Prepared, units: Unit[], p: Prepared, a: Alignment): Float64Array {
  const f = new Float64Array(FEATURES.length);
  const set = (name: FeatureName, v: number) => {
    f[FEATURES.indexOf(name)] = Number.isFinite(v) ? v : 0;
  };
  const n = units.length;
  const total = units.reduce((s, u) => s + u.weight, 0) || 1;
  const words = units.filter((u) => u.kind === 'word');
  const wordsMatched = a.matched.filter((u) => u.kind === 'word').length;
  const miss = (k: Unit['kind']) => a.unmatched.filter((u) => u.kind === k).length;
  set('coverage', a.coverage);
  set('restCoverage', a.restCoverage);
  set('wordCoverage', words.length ? wordsMatched / words.length : 1);
  set('looseShare', a.loose.reduce((s, u) => s + u.weight, 0) / total);
  set('coverageFull', a.coverage >= 0.999 ? 1 : 0);
  set('coverageHigh', a.coverage >= 0.75 ? 1 : 0);
  set('unitsLog', Math.min(1, Math.log1p(n) / Math.log1p(30)));
  set('namesMissing', cap(miss('name'), 3));
  set('numbersMissing', cap(miss('number'), 3));
  set('datesMissing', cap(miss('date'), 3));
  set('numbersLoose', cap(a.loose.filter((u) => u.kind === 'number').length, 3));
  set('keyMissing', cap(a.keyMissing, 3));
  set('hasKeys', units.some((u) => u.kind !== 'word') ? 1 : 0);
  set('wordsMissing', cap(miss('word'), 5));
  // How specific the most specific missing word is (WordNet depth of its first noun sense):
  // a missing "person" or "area" says less than a missing "stage" or "guitar".
  set('missingSpecific', missingSpecific(c, a));
  set('contextNames', a.contextNames > 0 ? 1 : 0);
  set('polarityClash', a.polarityClash ? 1 : 0);
  set('blockedNegation', a.rules.some((r) => r === 'blocks.negated-passage' || r === 'blocks.negated-claim') ? 1 : 0);
  set('blockedStructure', a.rules.some((r) => r === 'blocks.swapped-roles' || r === 'blocks.word-order' || r === 'blocks.title-elsewhere' || r === 'blocks.hypothetical') ? 1 : 0);
  set('displaced', a.rules.some((r) => r.startsWith('role.')) ? 1 : 0);
  const kinds = new Set(a.conflicts.map((x) => x.kind));
  set('conflictNumber', kinds.has('number') || kinds.has('quantity') ? 1 : 0);
  set('conflictDate', kinds.has('date') ? 1 : 0);
  set('conflictEntity', kinds.has('entity') ? 1 : 0);
  set('conflictNegation', kinds.has('negation') ? 1 : 0);
  set('conflictAntonym', kinds.has('antonym') ? 1 : 0);
  set('conflictStrong', a.conflicts.some((x) => x.strong) ? 1 : 0);
  set('conflictRest', a.conflicts.length ? a.restCoverage : 0);
  set('claimNegated', c.tokens.some((t) => t.cue) ? 1 : 0);
  const usedNeg = p.tokens.some((t) => t.negated && (p.stems.has(t.stem) ? c.stems.has(t.stem) : false));
  set('passageNegatedAligned', usedNeg ? 1 : 0);
  set('orderAgreement', orderAgreement(c, p, a));
  const pc = p.content.length || 1;
  set('passageExtra', Math.max(0, Math.min(1, (pc - n) / Math.max(pc, 1))));
  set('crossLanguage', c.lang !== p.lang ? 1 : 0);
  set('dutch', c.lang === 'nl' || p.lang === 'nl' ? 1 : 0);
  set('verbMissing', verbMissing(c, a));
  return f;
}

export interface PairFeatures {
  names: readonly FeatureName[];
  values: Float64Array;
  alignment: Alignment;
  /** The claim has no unit to check (no content word, name, number or date). */
  empty: boolean;
}

/** Features of a premise (one or a few sentences) against a hypothesis, as in the training sets. */
export function pairFeatures(claim: string, premise: string, claimLang: LanguageCode, premiseLang: LanguageCode = claimLang): PairFeatures {
  const c = prepare(claim, claimLang);
  const units = claimUnits(c);
  const p = prepare(premise, premiseLang);
  const a = align(c, units, [p]);
  return { names: FEATURES, values: alignmentFeatures(c, units, p, a), alignment: a, empty: units.length === 0 };
}
