/**
 * Alignment of a claim with a candidate passage (optionally extended by an adjacent
 * passage of the same document), in three steps:
 *
 *  1. context.ts looks each claim unit (names, numbers, dates, content words) up in the
 *     passage once and places the claim's words on passage tokens: the immutable
 *     alignment context;
 *  2. the `role` rules of rules/ say which backed values the passage has only in
 *     another role (displaced: not backed) or fills differently at the claim's place;
 *  3. the `contrast` rules read the settled context and report the slots the passage
 *     fills differently (conflicts) and negations that govern the other text (blocks).
 *
 * Coverage is the weighted share of units the passage backs. Every conflict names the
 * rule that found it, and the alignment lists the ids of all lookups and rules behind it.
 */
import type { ReasonKind } from '../types';
import type { Prepared } from './nlp';
import { buildContext } from './context';
import { RULES } from './rules/index';
import type { AlignContext, RuleSignal, UnitState } from './rules/types';
import { alignmentFeatures } from './features';

export { findToken, compareNumbers, compareDates } from './match';

export type UnitKind = 'word' | 'name' | 'number' | 'date';

export interface Unit {
  kind: UnitKind;
  text: string;
  start: number;
  end: number;
  weight: number;
  /** Claim token indexes of the unit. */
  tokens: number[];
  /** Index into the claim's names / numbers / dates. */
  ref: number;
}

export interface Conflict {
  kind: ReasonKind;
  unit: Unit;
  claimValue: string;
  sourceValue: string;
  /** true when the slot is tied by a shared counted noun / same field, not by position only. */
  strong: boolean;
  /** Further claim units that belong to the differing slot (e.g. the modifiers of a predicate noun). */
  also?: Unit[];
  /** For negation: the claim is the negated side. */
  claimNegated?: boolean;
  /** For negation and antonyms: the differing word is a verb of the claim's clause (its predicate), not a modifier. */
  predicate?: boolean;
  /** The id of the rule that found the conflict (rules/). */
  rule?: string;
}

export interface Alignment {
  coverage: number;
  /** Coverage of the claim without the units in conflict. */
  restCoverage: number;
  matched: Unit[];
  unmatched: Unit[];
  /** Units that are compatible but not backed exactly (e.g. "900" vs "more than 300"). */
  loose: Unit[];
  conflicts: Conflict[];
  /**
   * The passage text that backs each backed claim unit (words, names, numbers, dates),
   * as written in the passage (exact substrings of a passage's text, in claim order),
   * for emphasis.
   */
  terms: string[];
  /** Units all matched (names, numbers, dates) */
  keyMissing: number;
  /** Names backed only by the preceding passages (by reference, "Its members"). */
  contextNames: number;
  /** A name backed by the preceding passages while this passage has no pronoun or description that could stand for it. */
  contextUnreferred: boolean;
  /** An added passage negates a word of the claim (or affirms one it negates), or a rule blocks support. */
  polarityClash: boolean;
  /** Claim values a role rule found only in another role in this passage (not backed here). */
  displaced: number;
  /** Claim units the passage fills with a value of its own (the `unit` of blocks: blocks.substituted-word, a report's other source). */
  substituted: Unit[];
  /** Coverage as looked up, before role rules displace values: how well the passage lines up with the claim's words at all. */
  lined: number;
  /**
   * Why this passage cannot back the claim, in words: the messages of its `blocks`
   * signals, and the claim's names and values a role rule found in another role or place.
   */
  why: string[];
  /** Ids of the lookups and rules behind this alignment (backing, displacement, conflicts, blocks), deduplicated. */
  rules: string[];
  /** The alignment's features for the learned decision (features.ts), computed on first call. */
  features(): Float64Array;
}

const W = { word: 1, name: 1.5, number: 1.5, date: 1.5 } as const;

export function claimUnits(c: Prepared): Unit[] {
  const units: Unit[] = [];
  const seenName = new Set<number>();
  const seenNum = new Set<number>();
  const seenDate = new Set<number>();
  for (const i of c.content) {
    const t = c.tokens[i];
    if (t.date !== undefined) {
      if (seenDate.has(t.date)) continue;
      seenDate.add(t.date);
      const d = c.dates[t.date];
      const toks = c.content.filter((k) => c.tokens[k].date === t.date);
      units.push({ kind: 'date', text: d.text, start: d.start, end: d.end, weight: W.date, tokens: toks, ref: t.date });
    } else if (t.num !== undefined) {
      if (seenNum.has(t.num)) continue;
      seenNum.add(t.num);
      const n = c.numbers[t.num];
      // "one" / "een" as a word is mostly an article or pronoun ("one of the videos").
      // Ordinal one ("first", "eerste") is a figure that can differ ("her first album" /
      // "her second album"), but as often an adverb ("was first elected"): a unit with
      // a plain word's weight.
      const wordOne = n.value === 1 && !/\d/.test(n.text);
      if (wordOne && n.kind !== 'ordinal') continue;
      const toks = c.content.filter((k) => c.tokens[k].num === t.num);
      units.push({ kind: 'number', text: n.text, start: n.start, end: n.end, weight: wordOne ? W.word : W.number, tokens: toks, ref: t.num });
    } else if (t.name !== undefined) {
      if (seenName.has(t.name)) continue;
      seenName.add(t.name);
      const n = c.names[t.name];
      const toks = c.content.filter((k) => c.tokens[k].name === t.name);
      units.push({ kind: 'name', text: n.text, start: n.start, end: n.end, weight: W.name, tokens: toks, ref: t.name });
    } else {
      if (t.norm.length < 2) continue;
      units.push({ kind: 'word', text: t.text, start: t.start, end: t.end, weight: W.word, tokens: [i], ref: i });
    }
  }
  return units;
}

/** Preceding passages, nearest first, prepared only when asked for; undefined past the last. */
export interface LazyContext {
  at(j: number): Prepared | undefined;
  /**
   * The passage opens a document the sentence cites. When it refers by pronoun or
   * description to something it never names ("It was established in 1992"), the
   * citation names the referent, so the claim's subject may be it (1a in align).
   */
  citedTopic?: boolean;
}


/** Applies the role signals: a displaced unit is not backed, and its passage tokens are free again. */
function settle(ctx: AlignContext, signals: RuleSignal[]): AlignContext {
  const displaced = signals.filter((x) => x.type === 'displaced').map((x) => (x as { unit: Unit }).unit);
  if (displaced.length === 0) return ctx;
  const state = new Map<Unit, UnitState>(ctx.state);
  const used = new Set(ctx.usedPassage);
  const terms = new Map(ctx.terms);
  const via = new Map(ctx.via);
  for (const u of displaced) {
    state.set(u, 'miss');
    via.delete(u);
    terms.delete(u);
    if (u.kind === 'name') for (const k of ctx.namePos.get(u) ?? []) used.delete(k);
  }
  return { ...ctx, state, usedPassage: used, terms, via };
}

function runStage(stage: 'role' | 'contrast', ctx: AlignContext): RuleSignal[] {
  const out: RuleSignal[] = [];
  const fallbacks: RuleSignal[] = [];
  for (const rule of RULES) {
    if (rule.stage !== stage) continue;
    for (const s of rule.run(ctx)) (rule.fallback ? fallbacks : out).push({ ...s, rule: rule.id });
  }
  // A fallback rule's conflict counts only when no other rule found one.
  if (fallbacks.length && !out.some((s) => s.type === 'conflict')) out.push(...fallbacks);
  else out.push(...fallbacks.filter((s) => s.type !== 'conflict'));
  return out;
}

/**
 * The context the rules of one stage read: the lookups, and for the contrast stage those
 * settled by the role rules (what align() does; for the rules' example tests and tools).
 */
export function stageContext(c: Prepared, units: Unit[], passages: Prepared[], stage: 'role' | 'contrast', context: Prepared[] = []): AlignContext {
  const base = buildContext(c, units, passages, context);
  return stage === 'role' ? base : settle(base, runStage('role', base));
}

/**
 * @param context preceding passages of the same document: names the passage refers to
 *   by pronoun or description ("Its members...", "the movement") are backed there.
 */
export function align(c: Prepared, units: Unit[], passages: Prepared[], context: Prepared[] | (() => Prepared[]) | LazyContext = []): Alignment {
  const base = buildContext(c, units, passages, context);
  const roleSignals = runStage('role', base);
  const ctx = settle(base, roleSignals);
  // Role conflicts come first (before a rule finds the slot free by position).
  const signals = [...roleSignals, ...runStage('contrast', ctx)];
  const conflicts: Conflict[] = [];
  let blocked = false;
  const why: string[] = [];
  const substituted: Unit[] = [];
  for (const s of signals) {
    if (s.type === 'conflict') conflicts.push(s.conflict);
    else if (s.type === 'blocks') {
      blocked = true;
      if (!why.includes(s.message)) why.push(s.message);
      if (s.unit && !substituted.includes(s.unit)) substituted.push(s.unit);
    }
  }
  const displacedUnits = [...new Set(roleSignals.flatMap((x) => (x.type === 'displaced' ? [x.unit] : [])))];
  if (displacedUnits.length) {
    const list = displacedUnits.map((u) => JSON.stringify(u.text));
    const named = list.length === 1 ? list[0] : `${list.slice(0, -1).join(', ')} and ${list[list.length - 1]}`;
    why.push(`it has ${named} in another role or place than the sentence does`);
  }
  const matched: Unit[] = [];
  const unmatched: Unit[] = [];
  const loose: Unit[] = [];
  for (const u of units) {
    const st = ctx.state.get(u);
    if (st === 'match') matched.push(u);
    else if (st === 'loose') loose.push(u);
    else unmatched.push(u);
  }
  const total = units.reduce((s, u) => s + u.weight, 0) || 1;
  const got = matched.reduce((s, u) => s + u.weight, 0) + loose.reduce((s, u) => s + 0.5 * u.weight, 0);
  const lookedUp = units.reduce((s, u) => s + (base.state.get(u) === 'match' ? u.weight : base.state.get(u) === 'loose' ? 0.5 * u.weight : 0), 0);
  const inConflict = new Set(conflicts.flatMap((x) => [x.unit, ...(x.also ?? [])]));
  const restTotal = units.filter((u) => !inConflict.has(u)).reduce((s, u) => s + u.weight, 0) || 1;
  const restGot =
    matched.filter((u) => !inConflict.has(u)).reduce((s, u) => s + u.weight, 0) +
    loose.filter((u) => !inConflict.has(u)).reduce((s, u) => s + 0.5 * u.weight, 0);
  const keyMissing = unmatched.filter((u) => u.kind !== 'word').length + loose.filter((u) => u.kind !== 'name').length;
  const ids = new Set<string>();
  for (const u of units) {
    const v = ctx.via.get(u);
    if (v) ids.add(v);
  }
  for (const s of signals) ids.add(s.rule);
  let feats: Float64Array | undefined;
  const result: Alignment = {
    coverage: got / total,
    restCoverage: restGot / restTotal,
    matched,
    unmatched,
    loose,
    conflicts,
    terms: [...new Set(units.filter((u) => ctx.state.get(u) !== 'miss').flatMap((u) => ctx.terms.get(u) ?? []))],
    keyMissing,
    contextNames: ctx.contextNames,
    contextUnreferred: ctx.contextUnreferred,
    polarityClash: ctx.addedPolarityClash || blocked,
    displaced: displacedUnits.length,
    substituted,
    lined: lookedUp / total,
    why,
    rules: [...ids].sort(),
    features: () => (feats ??= alignmentFeatures(c, units, passages[0], result)),
  };
  return result;
}
