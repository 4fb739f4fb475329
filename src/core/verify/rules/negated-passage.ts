/**
 * blocks.negated-passage: a negation in the passage governs the aligned part of the
 * claim (its cue sits between aligned words, with aligned words right after it in the
 * same clause) on a predicate the claim does not share ("has not aligned itself with the
 * aim" for "supports the aim"): the passage cannot back the claim. (The same predicate
 * negated is conflict.negation.)
 */
import type { Rule } from './types';
import { NEG_GOVERN_WINDOW } from '../slots';

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
    return [];
  },
  examples: [
    { claim: 'The party supports the aim of the agreement.', passage: 'The party has not aligned itself with the aim of the agreement.', expect: 'blocks' },
    { claim: 'The party supports the aim of the agreement.', passage: 'The party supports the aim of the agreement.', expect: 'none' },
  ],
};
