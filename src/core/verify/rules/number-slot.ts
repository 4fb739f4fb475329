/**
 * conflict.number: the passage gives another figure for the claim's figure: for the same
 * counted noun (strong), or at the same place between aligned words, or next to a shared
 * neighbouring word (the counted noun or the verb, also across languages). A figure the
 * claim itself repeats, or a passage that also gives the claim's figure, is no conflict.
 */
import type { Rule, Signal } from './types';
import { compareNumbers, isExact, unitsMatch, withUnit } from '../match';
import { anchoredWindow, claimDenies, localTie } from '../slots';

export const numberSlot: Rule = {
  id: 'conflict.number',
  stage: 'contrast',
  summary: 'another figure for the same counted noun or at the same place',
  run(ctx) {
    const out: Signal[] = [];
    const { c, p } = ctx;
    for (const u of ctx.units) {
      if (u.kind !== 'number' || ctx.state.get(u) === 'match' || claimDenies(c, u)) continue;
      const cn = c.numbers[u.ref];
      // The passage gives the claim's figure (for a noun worded otherwise: "224 people" /
      // "224 passengers"): another figure there is no contradiction of it.
      if (isExact(cn) && p.numbers.some((sn) => sn.kind === cn.kind && compareNumbers(cn, sn) === 'match')) continue;
      const win = anchoredWindow(c, u.tokens, ctx.pos);
      // A figure for the same counted noun first, then the others in passage order.
      const byNoun = [...p.numbers.filter((sn) => unitsMatch(cn, sn, c, p) === 'same'), ...p.numbers.filter((sn) => unitsMatch(cn, sn, c, p) !== 'same')];
      for (const sn of byNoun) {
        if (sn.kind !== cn.kind) continue;
        if (compareNumbers(cn, sn) !== 'conflict') continue;
        // The source value must not be a figure the claim itself repeats.
        if (c.numbers.some((x) => compareNumbers(x, sn) === 'match' && x !== cn)) continue;
        const um = unitsMatch(cn, sn, c, p);
        // The numeral's token (the last token of the mention that is content).
        let sTok = -1;
        for (let k = 0; k < p.tokens.length; k++) {
          const t = p.tokens[k];
          if (t.start >= sn.start && t.end <= sn.end + 1 && p.content.includes(k)) sTok = k;
        }
        const inWin = win !== undefined && sTok >= win.lo && sTok <= win.hi;
        // Neighbouring words tie the slot; when the counted nouns differ in wording
        // ("people" / "doden"), only a tie on a counted noun itself does.
        const local = sTok >= 0 && localTie(c, u.tokens, p, sTok, um === 'differ' ? { c: cn.unit, p: sn.unit } : undefined);
        // With two figures for the same noun in the claim, the shared noun does not say which is which.
        const twin = c.numbers.some((x) => x !== cn && x.unit && x.unit === cn.unit);
        if ((um === 'same' && (!twin || inWin || local)) || (um === 'none' && inWin) || local) {
          out.push({
            type: 'conflict',
            conflict: { kind: cn.vague || sn.vague ? 'quantity' : 'number', unit: u, claimValue: withUnit(cn), sourceValue: withUnit(sn), strong: um === 'same' && !twin, rule: this.id },
          });
          break;
        }
      }
    }
    return out;
  },
  examples: [
    { claim: 'The crash killed 324 passengers.', passage: 'The crash killed 224 passengers and crew.', expect: 'conflict', claimValue: '324', sourceValue: '224' },
    { claim: 'Bij de aanslag vielen meer dan 900 doden.', passage: 'Bij de aanslag vielen meer dan 300 doden.', lang: 'nl', expect: 'conflict', sourceValue: '300' },
    { claim: 'The crash killed 224 passengers.', passage: 'The crash killed 224 passengers and 12 crew members.', expect: 'none' },
    // Lengths of time in other units: the same figure in another unit differs, the same length does not.
    { claim: 'The report was published two months ago.', passage: 'The report was published two weeks ago.', expect: 'conflict', claimValue: 'two months', sourceValue: 'two weeks' },
    { claim: 'The bridge was closed for 14 days in spring.', passage: 'The bridge was closed for two weeks in spring.', expect: 'none' },
    { claim: 'She finished the race in 2 hours 59 minutes.', passage: 'She finished the race in 1 hour 59 minutes.', expect: 'conflict', sourceValue: '1 hour' },
    // Ordinal one is a figure too ("first" / "eerste"; a word's weight, see claimUnits).
    { claim: 'The quartet recorded its first album in Lisbon.', passage: 'The quartet recorded its second album in Lisbon.', expect: 'conflict', claimValue: 'first', sourceValue: 'second' },
    { claim: 'Het kwartet nam zijn eerste album op in Lissabon.', passage: 'Het kwartet nam zijn tweede album op in Lissabon.', lang: 'nl', expect: 'conflict', sourceValue: 'tweede' },
  ],
};
