/**
 * The registry of verification rules, in the order their signals are reported.
 * One rule a file; each has a stable id, a stage, a one-line summary and examples that
 * test/unit/rules.test.ts runs. To add a rule: write its file, list it here, give it
 * examples that fail without it, and run `npm run eval` (see docs/DESIGN.md, "Rules").
 */
import type { Rule } from './types';
import { nameElsewhere } from './name-elsewhere';
import { namesExchanged } from './names-exchanged';
import { dateElsewhere } from './date-elsewhere';
import { numberSlot } from './number-slot';
import { dateSlot } from './date-slot';
import { nameSlot } from './name-slot';
import { negation } from './negation';
import { negatedPassage } from './negated-passage';
import { negatedClaim } from './negated-claim';
import { antonym } from './antonym';
import { closedClass } from './closed-class';
import { category } from './category';
import { figureClause } from './figure-clause';
import { swappedRoles } from './swapped-roles';
import { wordOrder } from './word-order';
import { titleElsewhere } from './title-elsewhere';
import { hypothetical } from './hypothetical';
import { substitutedWord } from './substituted-word';
import { contextName } from './context-name';
import { quantifier } from './quantifier';

export type { Rule, RuleExample, Signal, RuleSignal, AlignContext } from './types';

export const RULES: readonly Rule[] = [
  nameElsewhere,
  namesExchanged,
  dateElsewhere,
  figureClause,
  numberSlot,
  dateSlot,
  nameSlot,
  negation,
  negatedPassage,
  negatedClaim,
  swappedRoles,
  wordOrder,
  titleElsewhere,
  hypothetical,
  substitutedWord,
  contextName,
  antonym,
  closedClass,
  quantifier,
  category,
];

/** The ids of the lookups of context.ts (they back units; they are not rules of the registry). */
export const LOOKUPS = ['align.word', 'align.negated-antonym', 'align.name', 'align.name-context', 'align.name-partial', 'align.cited-topic', 'align.number', 'align.date'] as const;
