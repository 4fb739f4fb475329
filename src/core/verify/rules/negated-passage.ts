/**
 * blocks.negated-passage: the passage states the aligned part of the claim only under a
 * negation the claim does not have, so it cannot back the claim:
 *  - a negation governs aligned words on a predicate the claim does not share (its cue
 *    sits between aligned words, with aligned words right after it in the same clause:
 *    "has not aligned itself with the aim" for "supports the aim");
 *  - or a claim word or name is found in the passage only inside the scope of a cue that
 *    precedes it in its clause ("did not become a folk singer" for "was a folk singer",
 *    "who refused to be a model" for "is a model"), where conflict.negation, which needs
 *    the denied word right after its cue and near the rest of the claim, says nothing.
 * (The same predicate negated right where the claim states it is conflict.negation.)
 */
import type { Prepared } from '../nlp';
import type { Rule } from './types';
import { NEG_GOVERN_WINDOW, cueBefore } from '../slots';
import { findToken } from '../match';

/** The cue before passage token k whose scope holds it (not a Dutch "niet" after it), or -1. */
function governedFromBefore(p: Prepared, k: number): number {
  return p.tokens[k].negated ? cueBefore(p, k) : -1;
}

export const negatedPassage: Rule = {
  id: 'blocks.negated-passage',
  stage: 'contrast',
  summary: 'a negation in the passage governs the aligned words',
  run(ctx) {
    const { c, p, pos, namePos, usedPassage } = ctx;
    if (c.tokens.some((t) => t.cue || t.negated)) return [];
    const aligned = [...new Set([...pos.values(), ...[...namePos.values()].flat()])].sort((a, b) => a - b);
    for (const t of p.tokens) {
      if (!t.negHead || usedPassage.has(t.i) || t.hypothetical) continue;
      let cue = -1;
      for (let k = t.i - 1; k >= Math.max(0, t.i - 4); k--) if (p.tokens[k].cue) { cue = k; break; }
      if (cue < 0) continue;
      const before = aligned.some((k) => k < cue && cue - k <= NEG_GOVERN_WINDOW && !p.tokens.slice(k, cue).some((x) => x.breakAfter));
      let after = false;
      for (let k = t.i + 1; k < p.tokens.length && k <= t.i + NEG_GOVERN_WINDOW; k++) {
        if (aligned.includes(k)) {
          after = true;
          break;
        }
        if (p.tokens[k].breakAfter) break;
      }
      if (before && after) return [{ type: 'blocks', message: `the source says ${JSON.stringify(p.text.slice(p.tokens[cue].start, t.end))}` }];
    }
    const onlyNegated = (ks: readonly number[]) => ks.length > 0 && ks.every((k) => governedFromBefore(p, k) >= 0);
    const says = (k: number) => `the source says ${JSON.stringify(p.text.slice(p.tokens[governedFromBefore(p, k)].start, p.tokens[k].end))}`;
    for (const ci of pos.keys()) {
      const occ = findToken(c.tokens[ci], c, p);
      // (The message quotes an occurrence itself: the aligned token may be another word.)
      if (onlyNegated(occ)) return [{ type: 'blocks', message: says(occ[0]) }];
    }
    for (const ks of namePos.values()) if (onlyNegated(ks)) return [{ type: 'blocks', message: says(ks[0]) }];
    return [];
  },
  examples: [
    // A name's token aligned by position with one word while the claim word itself is found
    // only under the negation elsewhere: the message quotes that occurrence (this threw once).
    { claim: 'His name appears on the Leith War Memorial.', passage: "I wasn't attacking the memory of Leith soldiers in the war at all.", expect: 'blocks' },
    { claim: 'The party supports the aim of the agreement.', passage: 'The party has not aligned itself with the aim of the agreement.', expect: 'blocks' },
    { claim: 'The party supports the aim of the agreement.', passage: 'The party supports the aim of the agreement.', expect: 'none' },
    // A word the passage has only inside a negation's scope, away from where
    // conflict.negation looks.
    { claim: 'Mara Quint was a folk singer.', passage: 'Mara Quint (born 3 May 1950 in Leith) was a teacher who did not become a folk singer.', expect: 'blocks' },
    { claim: 'Mara Quint was a folk singer.', passage: 'Mara Quint (born 3 May 1950 in Leith) was a teacher who later became a folk singer.', expect: 'none' },
    // A Dutch "niet" after the words it follows does not count: it reaches back to them only
    // in a verb-final clause.
    { claim: 'De raad vergaderde over de haven.', lang: 'nl', passage: 'De raad vergaderde over de haven, maar heeft nog niet gereageerd.', expect: 'none' },
  ],
};
