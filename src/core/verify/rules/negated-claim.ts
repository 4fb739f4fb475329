/**
 * blocks.negated-claim: a negation in the claim whose scope covers aligned claim content
 * that the passage states without negation ("was not opened by the mayor" for "was
 * formally opened by the mayor", "was not up by 1.2%" for "was up by 1.2%"): the passage
 * cannot back the claim. A passage word, name, figure or date
 * counts as stated plainly when it is outside any negation scope and no cue precedes it
 * in its clause or follows it closely ("om aan te vallen, heeft hij te weinig macht").
 */
import type { Rule } from './types';
import { NEG_GOVERN_WINDOW, cueBefore } from '../slots';

export const negatedClaim: Rule = {
  id: 'blocks.negated-claim',
  stage: 'contrast',
  summary: 'a negation in the claim governs words the passage states plainly',
  run(ctx) {
    const { c, p, pos, namePos } = ctx;
    // The passage states the antonym of the word the claim negates ("is unclear" for "is not
    // clear", context.ts): it states the claim's negation, and the rest of the negated
    // phrase with it ("was closed on Friday" for "was not open on Friday").
    if (ctx.units.some((u) => ctx.via.get(u) === 'align.negated-antonym')) return [];
    const at = new Map<number, number[]>();
    for (const [ci, pk] of pos) at.set(ci, [pk]);
    for (const [u, ks] of namePos) for (const ci of u.tokens) at.set(ci, [...(at.get(ci) ?? []), ...ks]);
    // Figures and dates too: "was not up by 1.2%" is no claim that "was up by 1.2%" backs.
    for (const [u, ks] of ctx.valueAt) if (ctx.state.get(u) === 'match') for (const ci of u.tokens) at.set(ci, [...(at.get(ci) ?? []), ...ks]);
    const plain = (k: number) => {
      if (p.tokens[k].negated || p.tokens[k].hypothetical) return false;
      if (cueBefore(p, k) >= 0) return false;
      for (let j = k + 1; j < p.tokens.length && j - k <= NEG_GOVERN_WINDOW; j++) if (p.tokens[j].cue) return false;
      return true;
    };
    for (const ct of c.tokens) {
      if (!ct.negated || ct.hypothetical) continue;
      const ks = at.get(ct.i);
      // (A passage that also has the word under a negation states the claim's polarity. A
      // name is aligned to one of its occurrences only, so its others count too: "Leith's
      // harbour ... do nothing to free Leith" is not plain. A plain word is not excused by
      // the same word negated elsewhere: "the tunnel was not opened".)
      const alsoNegated =
        ks?.some((k) => p.tokens[k].negated) ||
        (ct.name !== undefined && p.tokens.some((t) => t.negated && t.name !== undefined && (t.norm === ct.norm || t.stem === ct.stem)));
      if (ks && ks.some(plain) && !alsoNegated) return [{ type: 'blocks', message: `the sentence negates ${JSON.stringify(ct.text)}, the source states it` }];
    }
    return [];
  },
  examples: [
    { claim: 'The bridge was not opened by the mayor.', passage: 'The bridge was formally opened by the mayor.', expect: 'blocks' },
    { claim: 'The bridge was not opened by the mayor.', passage: 'The bridge was not opened by the mayor.', expect: 'none' },
    // A figure or date the negation governs: the passage states it plainly.
    { claim: 'Consumer spending was not up by 1.2% in the fourth quarter.', passage: 'Consumer spending was up by 1.2% in the fourth quarter.', expect: 'blocks' },
    { claim: 'Consumer spending was not up by 1.2% in the fourth quarter.', passage: 'Consumer spending was not up by 1.2% in the fourth quarter.', expect: 'none' },
    // A name the passage has twice, once under the same negation.
    { claim: 'The bridge was not opened on Friday.', passage: 'The bridge was opened on Friday, but the old tunnel was not opened.', expect: 'blocks' },
    { claim: 'The cause of the fire was not clear on Friday.', passage: 'The cause of the fire was unclear on Friday.', expect: 'none' },
    { claim: "Opening on a shot of Leith's old harbour, the film has a narrator say that the parties do nothing to free Leith.", passage: "The film starts with a shot of Leith's old harbour, with a narration saying that the parties do nothing to free Leith.", expect: 'none' },
  ],
};
