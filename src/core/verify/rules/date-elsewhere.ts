/**
 * role.date-elsewhere: a claim date the passage gives only elsewhere, while another
 * date sits at the claim's place ("born 22 November 1948 ... died on November 22,
 * 1968" for "born on November 22, 1968"), does not back the claim. Tied to a directly
 * neighbouring aligned word, the dates differ.
 */
import type { Rule, Signal } from './types';
import { claimDenies, dateRoleRival } from '../slots';

export const dateElsewhere: Rule = {
  id: 'role.date-elsewhere',
  stage: 'role',
  summary: 'a date the passage gives only for another event, while another date fills the claim\'s place',
  run(ctx) {
    const out: Signal[] = [];
    const { c, p } = ctx;
    for (const u of ctx.units) {
      if (u.kind !== 'date' || ctx.state.get(u) !== 'match') continue;
      const rival = dateRoleRival(c, u, p, ctx.pos);
      if (!rival) continue;
      out.push({ type: 'displaced', unit: u });
      if (rival.tight && !claimDenies(c, u)) {
        out.push({ type: 'conflict', conflict: { kind: 'date', unit: u, claimValue: c.dates[u.ref].text, sourceValue: rival.text, strong: true, rule: this.id } });
      }
    }
    return out;
  },
  examples: [
    {
      claim: 'The bridge was opened on 4 June 2015.',
      passage: 'The bridge was opened on 12 March 2012, and repairs ended on 4 June 2015.',
      expect: 'displaced',
      claimValue: '4 June 2015',
    },
    {
      claim: 'The bridge was opened on 12 March 2012.',
      passage: 'The bridge was opened on 12 March 2012, and repairs ended on 4 June 2015.',
      expect: 'none',
    },
  ],
};
