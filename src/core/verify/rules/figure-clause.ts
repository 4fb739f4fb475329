/**
 * role.figure-clause: a figure or date backs the claim only where it belongs to the
 * claim's subject. When the passage's matching value sits in a clause with a subject of
 * its own that the claim does not share, while the claim's subject lines up in another
 * clause ("the flood killed 12 passengers and a fire a year later killed over 30
 * people" for "the flood killed 40 people"), the value is another event's: not backed.
 * Needs clause subjects (structure.ts: English with part-of-speech tags).
 */
import type { Rule, Signal } from './types';
import { structureOf } from '../structure';

export const figureClause: Rule = {
  id: 'role.figure-clause',
  stage: 'role',
  summary: "a figure or date the passage gives in another subject's clause",
  run(ctx) {
    const out: Signal[] = [];
    const { c, p } = ctx;
    const cs = structureOf(c);
    const ps = structureOf(p);
    if (!cs.tags || !ps.tags) return out;
    for (const u of ctx.units) {
      if (u.kind !== 'number' && u.kind !== 'date') continue;
      const at = ctx.valueAt.get(u);
      if (!at || at.length === 0) continue;
      // The claim's subject: of the clause the value is in.
      const clause = cs.clauses[cs.clauseOf[u.tokens[0]]];
      if (!clause || clause.subject.length === 0) continue;
      const subjectAt = clause.subject.map((t) => ctx.pos.get(t)).filter((k): k is number => k !== undefined);
      if (subjectAt.length === 0) continue;
      const subjectClauses = new Set(subjectAt.map((k) => ps.clauseOf[k]));
      // Every passage mention that backs the value must sit in a foreign subject's clause.
      const claimed = new Set(ctx.usedPassage);
      const foreign = (k: number): boolean => {
        const ci = ps.clauseOf[k];
        if (subjectClauses.has(ci)) return false;
        const pc = ps.clauses[ci];
        return pc.subject.length > 0 && pc.subject.every((t) => !claimed.has(t));
      };
      if (at.every(foreign)) out.push({ type: 'displaced', unit: u });
    }
    return out;
  },
  examples: [
    {
      claim: 'The flood killed 40 people.',
      passage: 'The flood killed 12 passengers and a fire a year later killed over 30 people.',
      expect: 'displaced',
      claimValue: '40',
    },
    {
      claim: 'The fire killed 40 people.',
      passage: 'The flood killed 12 passengers and a fire a year later killed over 30 people.',
      expect: 'none',
    },
  ],
};
