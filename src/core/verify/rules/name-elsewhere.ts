/**
 * role.name-elsewhere: a claim name the passage has only in another role ("Israeli
 * Jews"), while another name of the same kind sits exactly at the claim's place ("on
 * Palestinian television" for "on Israeli television"), does not back the claim. With
 * aligned words on both sides of the name in the claim (a tight slot) the names differ.
 */
import type { Rule, Signal } from './types';
import { claimDenies, roleRival } from '../slots';

export const nameElsewhere: Rule = {
  id: 'role.name-elsewhere',
  stage: 'role',
  summary: 'a name the passage gives only in another role, while another name fills the claim\'s place',
  run(ctx) {
    const out: Signal[] = [];
    const { c, p } = ctx;
    for (const u of ctx.units) {
      if (u.kind !== 'name' || ctx.state.get(u) !== 'match') continue;
      const at = ctx.namePos.get(u);
      if (!at || at.length === 0) continue;
      const rival = roleRival(c, u, p, [...at], ctx.pos, ctx.usedPassage);
      if (!rival) continue;
      out.push({ type: 'displaced', unit: u });
      if (rival.tight && !claimDenies(c, u)) {
        out.push({ type: 'conflict', conflict: { kind: 'entity', unit: u, claimValue: c.names[u.ref].text, sourceValue: rival.text, strong: true, rule: this.id } });
      }
    }
    return out;
  },
  examples: [
    {
      claim: 'The interview was broadcast on Israeli television on Monday.',
      passage: 'The interview with two Israeli officials was broadcast on Palestinian television on Monday.',
      expect: 'conflict',
      claimValue: 'Israeli',
      sourceValue: 'Palestinian',
    },
    {
      claim: 'The interview was broadcast on Israeli television on Monday.',
      passage: 'The interview was broadcast on Israeli television on Monday.',
      expect: 'none',
    },
  ],
};
