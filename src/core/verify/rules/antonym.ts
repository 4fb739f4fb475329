/**
 * conflict.antonym: a claim word the passage lacks, where its antonym sits at the
 * claim's place (or anywhere when no aligned words anchor a place) with the same
 * polarity ("not small" is no antonym of "big"): "prices rose" / "prices fell".
 */
import type { Rule, Signal } from './types';
import { areAntonyms } from '../nlp';
import { anchoredWindow } from '../slots';
import { isClauseVerb } from '../structure';

export const antonym: Rule = {
  id: 'conflict.antonym',
  stage: 'contrast',
  summary: 'an antonym of a claim word at the same place',
  run(ctx) {
    const out: Signal[] = [];
    const { c, p } = ctx;
    for (const u of ctx.units) {
      if (u.kind !== 'word' || ctx.state.get(u) !== 'miss') continue;
      const ct = c.tokens[u.tokens[0]];
      const win = anchoredWindow(c, u.tokens, ctx.pos);
      for (const k of p.content) {
        if (ctx.usedPassage.has(k)) continue;
        const pt = p.tokens[k];
        if (pt.negated !== ct.negated) continue;
        if (win && (k < win.lo || k > win.hi)) continue;
        if (areAntonyms(ct, pt)) {
          out.push({ type: 'conflict', conflict: { kind: 'antonym', unit: u, claimValue: ct.text, sourceValue: pt.text, strong: !!win, predicate: isClauseVerb(c, u.tokens[0]), rule: this.id } });
          break;
        }
      }
    }
    return out;
  },
  examples: [
    { claim: 'Food prices increased sharply in March.', passage: 'Food prices decreased sharply in March.', expect: 'conflict', claimValue: 'increased', sourceValue: 'decreased' },
    { claim: 'Food prices increased sharply in March.', passage: 'Food prices increased sharply in March.', expect: 'none' },
  ],
};
