/**
 * conflict.date: the passage dates the claim's event otherwise: a shared field (year,
 * month, day, weekday) differs, and the passage's date sits at the claim's place (next
 * to the aligned words), or it is the only comparable date, or the only one of the same
 * year that differs in month or day. A date the passage places relative to its
 * document's date contradicts only by what the passage wrote ("on Sunday" for "on
 * Tuesday"), never by the year or month inferred for it; a date another date of the claim
 * matches is no rival. The date's clause must hold a word of the claim the passage backs
 * (slots.ts valueClauseAligned): a date of another statement in the same sentence, where
 * only the subject's name lines up, is no rival, and the finding would name the wrong value.
 */
import type { DateMention } from '../../analysis/types';
import type { AlignContext, Rule, Signal } from './types';
import { compareDates } from '../match';
import { anchoredWindow, claimDenies, neighbourPositions, valueClauseAligned, within } from '../slots';

/** Passage positions of the claim's plain words the passage backs. */
function backedWords(ctx: AlignContext): number[] {
  return ctx.units
    .filter((v) => v.kind === 'word' && ctx.state.get(v) === 'match')
    .flatMap((v) => v.tokens.map((t) => ctx.pos.get(t)).filter((x): x is number => x !== undefined));
}

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
      if (p.dates.some((sd) => sd.relative && sd.granularity === cd.granularity && !rivals.includes(sd))) continue;
      const comparable = p.dates.filter((sd) => compareDates(cd, sd) !== 'none');
      const win = anchoredWindow(c, u.tokens, ctx.pos, ctx.p);
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
      // The date must belong to a clause that tells something of the claim.
      if (pick && valueClauseAligned(p, pick.start, pick.end, backedWords(ctx), [...ctx.namePos.values()].flat())) {
        out.push({ type: 'conflict', conflict: { kind: 'date', unit: u, claimValue: cd.text, sourceValue: pick.text, strong: !!anchored && comparable.length === 1, rule: this.id } });
      }
    }
    return out;
  },
  examples: [
    { claim: 'The museum opened on 3 May 2011.', passage: 'The museum opened on 3 May 2012.', expect: 'conflict', claimValue: '2011', sourceValue: '2012' },
    { claim: 'Het museum ging open in maart 2011.', passage: 'Het museum ging open in april 2011.', lang: 'nl', expect: 'conflict', sourceValue: 'april' },
    { claim: 'The museum opened on 3 May 2011.', passage: 'The museum, built in 2009, opened on 3 May 2011.', expect: 'none' },
    // Another month is another date, whatever year a relative one is read in.
    { claim: 'The harbour pilots went on strike last March.', passage: 'Last January, the harbour pilots went on strike.', expect: 'conflict', sourceValue: 'Last January' },
    { claim: 'De havenloodsen staakten vorige maand.', passage: 'Vorige maand staakten de havenloodsen.', lang: 'nl', expect: 'none' },
    // A date in a clause that tells nothing of the claim is another statement's.
    { claim: 'Harbour Trust has been repairing old bridges since 2013.', passage: 'Old bridges have a small presence in Leith, a district that Harbour Trust has governed since it won the election in 2007.', expect: 'none' },
    { claim: 'Harbour Trust has governed Leith since 2013.', passage: 'Old bridges have a small presence in Leith, a district that Harbour Trust has governed since it won the election in 2007.', expect: 'conflict', sourceValue: '2007' },
    // A date alone in its clause is read with the clauses around it.
    { claim: 'Mara Lind was born on 20 February 1894.', passage: 'Mara Lind (10 February 1894 – 29 December 1986) was a harbour pilot.', expect: 'conflict', sourceValue: '10 February 1894' },
  ],
};
