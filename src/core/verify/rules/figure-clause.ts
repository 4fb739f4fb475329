/**
 * role.figure-clause: a figure or date backs the claim only where it belongs to the
 * claim's subject. When the passage's matching value sits in a clause with a subject of
 * its own that the claim does not share, while the claim's subject lines up in another
 * clause ("the flood killed 12 passengers and a fire a year later killed over 30
 * people" for "the flood killed 40 people"), the value is another event's: not backed.
 * Without the claim's subject in the passage, the claim's verb stands in for it: a value
 * that belongs to another clause than the verb's blocks support (verbElsewhere). An
 * adverbial clause ("since it won the election in 2007") belongs with the clause before it.
 * Needs clause subjects (structure.ts: English with part-of-speech tags).
 */
import type { AlignContext, Rule, Signal } from './types';
import { ADVERBIAL, structureOf, type Clause, type Structure } from '../structure';
import { findToken } from '../match';

/**
 * The clause a passage token belongs to for this purpose: a clause without a verb of its own
 * (an apposition, "..., the last in 2014, ...") belongs to the clause before it, or at the
 * start of the sentence ("In 2014, ...") to the one after it.
 */
function owner(ps: Structure, k: number): number {
  const ci = ps.clauseOf[k];
  if (ps.clauses[ci].verbs.length > 0) return ci;
  if (ci > 0 && ps.clauses[ci - 1].verbs.length > 0) return ci - 1;
  if (ci + 1 < ps.clauses.length && ps.clauses[ci + 1].verbs.length > 0) return ci + 1;
  return ci;
}

/**
 * Without the claim's subject in the passage (a name from an earlier sentence): the claim's
 * verb lines up in one passage clause and every mention of the value belongs to another one
 * that has a verb of its own ("fought three wars, the last in 2014, but the group appears to
 * be stepping away" for "X stepped down in 2014").
 */
function verbElsewhere(ctx: AlignContext, ps: Structure, clause: Clause, at: readonly number[]): boolean {
  const verbAt = clause.verbs.map((v) => ctx.pos.get(v)).filter((k): k is number => k !== undefined);
  if (verbAt.length === 0) return false;
  const verbClauses = new Set(verbAt.map((k) => owner(ps, k)));
  return at.every((k) => !verbClauses.has(owner(ps, k)) && ps.clauses[owner(ps, k)].verbs.length > 0);
}

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
      if (subjectAt.length === 0) {
        // (A block, not a displacement: the slot is not freed for a rival value, since
        // which statement the passage's value belongs to is only inferred.)
        if (verbElsewhere(ctx, ps, clause, at)) out.push({ type: 'blocks', message: `the source gives ${JSON.stringify(u.text)} for another statement` });
        continue;
      }
      // A subject that is one name: every clause where the passage names it, not only where
      // it was aligned first (the passage may name it twice: "Hamas does not have ... a
      // territory that Hamas has controlled since ...").
      const nameOnly = clause.subject.every((t) => c.tokens[t].name !== undefined && c.tokens[t].name === c.tokens[clause.subject[0]].name);
      const also = nameOnly ? clause.subject.flatMap((t) => findToken(c.tokens[t], c, p)) : [];
      const subjectClauses = new Set([...subjectAt, ...also].map((k) => ps.clauseOf[k]));
      // Every passage mention that backs the value must sit in a foreign subject's clause.
      const claimed = new Set(ctx.usedPassage);
      const foreign = (k: number): boolean => {
        const ci = ps.clauseOf[k];
        if (subjectClauses.has(ci)) return false;
        // An adverbial clause ("since it routed Fatah forces in 2007") tells when or why the
        // clause before it happened: its value belongs to that clause's subject too.
        if (ci > 0 && subjectClauses.has(ci - 1) && ADVERBIAL.has(p.tokens[ps.clauses[ci].from].norm)) return false;
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
    // No claim subject in the passage: the claim's verb in one clause, the date in another.
    { claim: 'Ivan Dorn stepped down as mayor in 2014.', passage: 'The town has held three elections, the last in 2014, but its mayor appears to be stepping away from politics.', expect: 'blocks' },
    { claim: 'Ivan Dorn stepped down as mayor in 2014.', passage: 'The town has held three elections, and its mayor stepped down in 2014.', expect: 'none' },
    // An adverbial clause tells when the clause before it happened; the subject may be named
    // twice in the passage.
    {
      claim: 'The Harbour Club has run Dover since 2007.',
      passage: 'The Harbour Club does not run the ferry and, in spite of its posters, the Rovers have a small presence in Dover, a town that the Harbour Club has run since it won the election in 2007.',
      expect: 'none',
    },
    {
      claim: 'The fire killed 40 people.',
      passage: 'The flood killed 12 passengers and a fire a year later killed over 30 people.',
      expect: 'none',
    },
  ],
};
