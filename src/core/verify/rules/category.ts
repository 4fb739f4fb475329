/**
 * conflict.category: "X is a Y" where the passage says "X is a Z" ("Riverbend is a
 * political party" / "Riverbend is an American television drama series"): the subject lines up, both
 * say "is a ...", and the head nouns differ (the claim's head nowhere in the passage, the
 * passage's head nowhere in the claim; phrases sharing a word name the same thing in
 * other words). Weak, and considered only when no other rule finds a conflict.
 */
import type { Conflict, Unit } from '../align';
import type { Prepared } from '../nlp';
import type { Rule, UnitState } from './types';
import { findToken } from '../match';
import { COPULA, predicateAfter } from '../slots';

function categoryConflict(
  c: Prepared,
  units: readonly Unit[],
  state: ReadonlyMap<Unit, UnitState>,
  p: Prepared,
  pos: ReadonlyMap<number, number>,
): Conflict | undefined {
  const ck = c.tokens.findIndex((t) => COPULA.has(t.norm));
  if (ck <= 0 || c.tokens.some((t) => t.cue)) return undefined;
  const cNp = predicateAfter(c, ck);
  if (!cNp) return undefined;
  // Subject: every content unit before the copula is backed.
  const subj = units.filter((u) => u.end <= c.tokens[ck].start);
  if (subj.length === 0 || subj.some((u) => state.get(u) !== 'match')) return undefined;
  const head = cNp[cNp.length - 1];
  const ht = c.tokens[head];
  if (ht.name !== undefined || ht.num !== undefined || ht.date !== undefined) return undefined;
  if (findToken(ht, c, p).length > 0) return undefined;
  // The passage's own "is a ..." after the subject.
  const subjPos = subj.flatMap((u) => u.tokens.map((t) => pos.get(t))).filter((x): x is number => x !== undefined);
  if (subjPos.length === 0) return undefined;
  const from = Math.max(...subjPos);
  let pk = -1;
  for (let k = from + 1; k < p.tokens.length && k <= from + 25; k++) {
    if (COPULA.has(p.tokens[k].norm)) {
      pk = k;
      break;
    }
  }
  if (pk < 0 || p.tokens.slice(from, pk + 3).some((t) => t.cue)) return undefined;
  const pNp = predicateAfter(p, pk);
  if (!pNp) return undefined;
  const pHead = p.tokens[pNp[pNp.length - 1]];
  if (pHead.name !== undefined || pHead.num !== undefined || pHead.date !== undefined) return undefined;
  if (cNp.some((i) => findToken(c.tokens[i], c, p).includes(pHead.i))) return undefined;
  // Phrases sharing a word ("American movie" / "American film", "recording space" /
  // "recording facility") more likely name the same thing in other words.
  if (cNp.some((i) => findToken(c.tokens[i], c, p).some((k) => pNp.includes(k)))) return undefined;
  const npUnits = units.filter((u) => u.tokens.some((t) => cNp.includes(t)));
  const headUnit = npUnits.find((u) => u.tokens.includes(head));
  if (!headUnit) return undefined;
  const span = (q: Prepared, idx: number[]) => q.text.slice(q.tokens[idx[0]].start, q.tokens[idx[idx.length - 1]].end);
  return {
    kind: 'entity',
    unit: headUnit,
    claimValue: span(c, cNp),
    sourceValue: span(p, pNp),
    strong: false,
    also: npUnits.filter((u) => u !== headUnit),
  };
}


export const category: Rule = {
  id: 'conflict.category',
  stage: 'contrast',
  summary: '"X is a Y" where the passage says "X is a Z"',
  fallback: true,
  run(ctx) {
    const x = categoryConflict(ctx.c, ctx.units, ctx.state, ctx.p, ctx.pos);
    return x ? [{ type: 'conflict', conflict: { ...x, rule: this.id } }] : [];
  },
  examples: [
    { claim: 'Riverbend is a political party.', passage: 'Riverbend is an American television drama series.', expect: 'conflict', sourceValue: 'American television drama series' },
    { claim: 'Riverbend is a television series.', passage: 'Riverbend is an American television drama series.', expect: 'none' },
  ],
};
