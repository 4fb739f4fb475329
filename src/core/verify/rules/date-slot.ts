/**
 * conflict.date: the passage dates the claim's event otherwise: a shared field (year,
 * month, day, weekday) differs, and the passage's date sits at the claim's place (next
 * to the aligned words), or it is the only comparable date, or the only one of the same
 * year that differs in month or day. A date the passage places relative to its
 * document's date contradicts only by what the passage wrote ("on Sunday" for "on
 * Tuesday"), never by the year or month inferred for it; a date another date of the claim
 * matches is no rival.
 */
import type { DateMention } from '../../analysis/types';
import type { Rule, Signal } from './types';
import { compareDates } from '../match';
import { anchoredWindow, claimDenies, neighbourPositions, within } from '../slots';

export const dateSlot: Rule = {
  id: 'conflict.date',
  stage: 'contrast',
  summary: 'another date for the same event (a shared field differs)',
  run(ctx) {
    const out: Signal[] = [];
    const { c, p } = ctx;
    for (const u of ctx.units) {
      if (u.kind !== 'date' || ctx.state.get(u) !== 'miss' || claimDenies(c, u)) continue;
      const cd = c.dates[u.ref];
      const otherClaimDates = c.dates.filter((d) => d !== cd);
      // A date the document's date placed contradicts only by what the source wrote ("on
      // Sunday" for "on Tuesday"), never by the year or month inferred for it.
      const differs = (sd: DateMention) => (sd.anchored ? !!sd.literal && compareDates(cd, sd.literal) === 'conflict' : compareDates(cd, sd) === 'conflict');
      const rivals = p.dates.filter((sd) => differs(sd) && !otherClaimDates.some((d) => compareDates(d, sd) === 'match'));
      if (rivals.length === 0) continue;
      // A relative date of the same kind ("this year") may be the claim's date.
      if (p.dates.some((sd) => sd.relative && sd.granularity === cd.granularity)) continue;
      const comparable = p.dates.filter((sd) => compareDates(cd, sd) !== 'none');
      const win = anchoredWindow(c, u.tokens, ctx.pos);
      // A claim word aligned to the date itself ("born" to the first of a person's life dates) ties it too.
      const neighbours = neighbourPositions(c, u, ctx.pos);
      const inWin = (sd: DateMention) => {
        if (neighbours.some((k) => within(p, k, sd))) return true;
        if (!win) return false;
        const k = p.tokens.findIndex((t) => t.start >= sd.start);
        return k >= win.lo && k <= win.hi;
      };
      const anchored = rivals.find(inWin);
      const sameYear = cd.year !== undefined && (cd.month !== undefined || cd.day !== undefined) ? rivals.filter((sd) => sd.year === cd.year) : [];
      // Unanchored, the source's date must be as precise as the claim's (a bare year is no
      // rival for a full date: it is more likely another event).
      const asPrecise = (sd: DateMention) =>
        (cd.year === undefined || sd.year !== undefined) && (cd.month === undefined || sd.month !== undefined) && (cd.day === undefined || sd.day !== undefined);
      const loosePick = comparable.length === 1 ? rivals[0] : sameYear.length === 1 ? sameYear[0] : undefined;
      const pick = anchored ?? (loosePick && asPrecise(loosePick) ? loosePick : undefined);
      if (pick) {
        out.push({ type: 'conflict', conflict: { kind: 'date', unit: u, claimValue: cd.text, sourceValue: pick.text, strong: !!anchored && comparable.length === 1, rule: this.id } });
      }
    }
    return out;
  },
  examples: [
    { claim: 'The museum opened on 3 May 2011.', passage: 'The museum opened on 3 May 2012.', expect: 'conflict', claimValue: '2011', sourceValue: '2012' },
    { claim: 'Het museum ging open in maart 2011.', passage: 'Het museum ging open in april 2011.', lang: 'nl', expect: 'conflict', sourceValue: 'april' },
    { claim: 'The museum opened on 3 May 2011.', passage: 'The museum, built in 2009, opened on 3 May 2011.', expect: 'none' },
  ],
};
