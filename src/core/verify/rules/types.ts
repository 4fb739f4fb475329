/**
 * The contract of verification rules (see rules/index.ts for the registry).
 *
 * A rule is a pure function from an immutable alignment context (one claim, one passage
 * or a passage and its neighbour) to signals. It never changes the context, and no rule
 * undoes another: the combination in align.ts reads all signals of a stage at once.
 *
 * Two stages, because where a value sits decides what may contradict it:
 *  - `role` rules read the alignment as looked up (context.ts) and say which backed
 *    values the passage has only in another role (`displaced`), or fills differently
 *    at the claim's place (`conflict`);
 *  - `contrast` rules read the settled alignment (role signals applied) and say which
 *    slots the passage fills differently (`conflict`) or that a negation in one text
 *    governs what the other states plainly (`blocks`).
 */
import type { LanguageCode } from '../../types';
import type { Conflict, Unit } from '../align';
import type { Prepared } from '../nlp';

export type UnitState = 'match' | 'loose' | 'miss';

/** One claim aligned with one passage (or a passage plus an adjacent one); read-only. */
export interface AlignContext {
  readonly c: Prepared;
  readonly units: readonly Unit[];
  /** The passages aligned with (the first is the primary passage; conflicts concern it only). */
  readonly passages: readonly Prepared[];
  /** The primary passage. */
  readonly p: Prepared;
  /** Claim token -> the primary passage's token that backs it. */
  readonly pos: ReadonlyMap<number, number>;
  /** Primary passage tokens that back a claim unit. */
  readonly usedPassage: ReadonlySet<number>;
  /** Passage tokens of each claim name found in the primary passage. */
  readonly namePos: ReadonlyMap<Unit, readonly number[]>;
  /** Primary passage tokens of the figures and dates that back each number or date unit. */
  readonly valueAt: ReadonlyMap<Unit, readonly number[]>;
  /** How well the passage backs each claim unit. */
  readonly state: ReadonlyMap<Unit, UnitState>;
  /** The id of what backed each backed unit (a lookup of context.ts, or a rule). */
  readonly via: ReadonlyMap<Unit, string>;
  /** The passage's wording of each backed unit. */
  readonly terms: ReadonlyMap<Unit, readonly string[]>;
  /** Names backed only by preceding passages or by an anaphor standing for the cited topic. */
  readonly contextNames: number;
  /** Names backed by the preceding passages while the primary passage has no pronoun or description that could stand for them. */
  readonly contextUnreferred: boolean;
  /** An added passage states a claim word with the other polarity. */
  readonly addedPolarityClash: boolean;
}

export type Signal =
  /** The passage has the unit's value only in another role: it does not back the unit. */
  | { type: 'displaced'; unit: Unit }
  /** The passage fills the unit's slot with another value. */
  | { type: 'conflict'; conflict: Conflict }
  /**
   * A negation in one text governs what the other states plainly, or the passage has its
   * own word at a claim word's place: no support. `unit`: the claim unit the passage fills
   * with another word, when the block is about one.
   */
  | { type: 'blocks'; message: string; unit?: Unit };

/** A signal with the id of the rule that produced it. */
export type RuleSignal = Signal & { rule: string };

export interface RuleExample {
  claim: string;
  passage: string;
  lang?: LanguageCode;
  passageLang?: LanguageCode;
  /** Sentences before the passage in its document (names it refers back to). */
  context?: string;
  /** The signal expected from this rule, or 'none' for a near miss the rule must not flag. */
  expect: Signal['type'] | 'none';
  /** For a conflict: the source value expected (case-insensitive substring). */
  sourceValue?: string;
  /** For a conflict or a displacement: the claim value expected (case-insensitive substring). */
  claimValue?: string;
}

export interface Rule {
  /** Stable id, shown in findings (`rules`), hovers and SARIF: `<kind>.<name>`. */
  id: string;
  stage: 'role' | 'contrast';
  /** One line: what the rule detects. */
  summary: string;
  /**
   * Considered only when no other rule of the stage found a conflict (a weak kind of
   * evidence that gives way to any direct one).
   */
  fallback?: boolean;
  run(ctx: AlignContext): Signal[];
  examples: RuleExample[];
}
