/**
 * conflict.number: the passage gives another figure for the claim's figure: for the same
 * counted noun (strong), or at the same place between aligned words, or next to a shared
 * neighbouring word (the counted noun or the verb, also across languages), or, with the
 * counted nouns worded differently, between the same two aligned words (sameFrame). A figure the
 * claim itself repeats, or a passage that also gives the claim's figure, is no conflict.
 */
import type { AlignContext, Rule, Signal } from './types';
import { compareNumbers, isExact, unitsMatch, withUnit } from '../match';
import { anchoredWindow, claimDenies, contentAround, localTie } from '../slots';
import { structureOf } from '../structure';

/**
 * A count is defined by what is said of the things counted: "dozens of Palestinians died
 * fighting" counts the dead, "more than 200 Palestinians fighting for IS" the fighters. When
 * the claim's clause of the figure has a verb after the figure that the passage does not back,
 * and the passage's clause of its figure has a verb after its figure that backs another claim
 * word ("fighting" for "died fighting"), the passage counts what the claim says only in
 * passing: no conflict (the claim stays unsupported). Counts only: a length or an amount ("a
 * 22 minute video" / "runs to 32 minutes") measures the thing itself. English only: the
 * clause's verbs come from the tagger.
 */
function countOfAnotherPredicate(ctx: AlignContext, claimTok: number, sTok: number): boolean {
  const { c, p, pos } = ctx;
  const cs = structureOf(c);
  const ps = structureOf(p);
  if (!cs.tags || !ps.tags) return false;
  const cc = cs.clauses[cs.clauseOf[claimTok]];
  const pc = ps.clauses[ps.clauseOf[sTok]];
  if (!cc || !pc) return false;
  // The claim's predicate of the counted things: a verb after the figure that the passage does not back.
  if (!cc.verbs.some((v) => v > claimTok && !c.tokens[v].stop && !pos.has(v))) return false;
  // The passage's predicate of its figure (a verb after it) lines up with another word of the claim.
  return pc.verbs.some((v) => v > sTok && !p.tokens[v].stop && ctx.usedPassage.has(v));
}

/**
 * The claim's figure and the passage's stand in the same frame: the content words right
 * before and right after each are aligned with each other ("arrested six senior militia
 * members" / "arrested four senior militia fighters"), with no clause break inside the
 * frame. Then the figures fill the same slot even where the counted nouns are worded
 * differently.
 */
function sameFrame(ctx: AlignContext, span: readonly number[], pFirst: number, pLast: number): boolean {
  const { c, p, pos } = ctx;
  const [cb, ca] = contentAround(c, Math.min(...span), Math.max(...span));
  const [pb, pa] = contentAround(p, pFirst, pLast);
  if (cb < 0 || ca < 0 || pb < 0 || pa < 0) return false;
  const broken = (q: typeof c, from: number, to: number) => q.tokens.slice(from, to).some((t) => t.breakAfter);
  if (broken(c, cb, ca) || broken(p, pb, pa)) return false;
  return pos.get(cb) === pb && pos.get(ca) === pa;
}

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
      const win = anchoredWindow(c, u.tokens, ctx.pos, ctx.p);
      // A figure for the same counted noun first, then the others in passage order.
      const byNoun = [...p.numbers.filter((sn) => unitsMatch(cn, sn, c, p) === 'same'), ...p.numbers.filter((sn) => unitsMatch(cn, sn, c, p) !== 'same')];
      for (const sn of byNoun) {
        if (sn.kind !== cn.kind) continue;
        if (compareNumbers(cn, sn) !== 'conflict') continue;
        // The source value must not be a figure the claim itself repeats.
        if (c.numbers.some((x) => compareNumbers(x, sn) === 'match' && x !== cn)) continue;
        const um = unitsMatch(cn, sn, c, p);
        // The mention's content tokens: the first, and the last (the numeral's token).
        let sFirst = -1;
        let sTok = -1;
        for (let k = 0; k < p.tokens.length; k++) {
          const t = p.tokens[k];
          if (t.start >= sn.start && t.end <= sn.end + 1 && p.content.includes(k)) {
            if (sFirst < 0) sFirst = k;
            sTok = k;
          }
        }
        const inWin = win !== undefined && sTok >= win.lo && sTok <= win.hi;
        // Neighbouring words tie the slot; when the counted nouns differ in wording
        // ("people" / "doden"), only a tie on a counted noun itself does.
        const local = sTok >= 0 && localTie(c, u.tokens, p, sTok, um === 'differ' ? { c: cn.unit, p: sn.unit } : undefined);
        // With two figures for the same noun in the claim, the shared noun does not say which is which.
        const twin = c.numbers.some((x) => x !== cn && x.unit && x.unit === cn.unit);
        const framed = um === 'differ' && sTok >= 0 && sFirst >= 0 && sameFrame(ctx, u.tokens, sFirst, sTok);
        if ((um === 'same' && (!twin || inWin || local)) || (um === 'none' && inWin) || local || framed) {
          if (cn.kind === 'count' && sn.kind === 'count' && countOfAnotherPredicate(ctx, u.tokens[0], sTok)) break;
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
    // Two ranges report their ends: another end is another figure, the same ends the same.
    { claim: 'Between 1.1 and 2.0 million tonnes of grain passed through Leith in 2019.', passage: 'Between 1.1 and 1.5 million tonnes of grain passed through Leith in 2019.', expect: 'conflict', sourceValue: 'Between 1.1 and 1.5 million' },
    { claim: 'Between 1.1 and 1.5 million tonnes of grain passed through Leith in 2019.', passage: 'Between 1.1 and 1.5 million tonnes of grain passed through Leith in 2019.', expect: 'none' },
    // A count of what the claim says only in passing: the passage counts the villagers defending the bridge, the claim those who died.
    { claim: 'Dozens of villagers died defending the bridge in March.', passage: 'In March, more than 200 villagers were defending the bridge.', expect: 'none' },
    { claim: 'The group claimed three rockets fired at the base.', passage: 'The group claimed two rockets launched at the base.', expect: 'conflict', sourceValue: 'two' },
    // The same frame around both figures ties the slot though the counted nouns are worded differently.
    { claim: 'In May, the council fined six senior wardens in Leith.', passage: 'In May, the council fined four senior clerks in Leith.', expect: 'conflict', claimValue: 'six', sourceValue: 'four' },
    // Lengths of time in other units: the same figure in another unit differs, the same length does not.
    { claim: 'The report was published two months ago.', passage: 'The report was published two weeks ago.', expect: 'conflict', claimValue: 'two months', sourceValue: 'two weeks' },
    { claim: 'The bridge was closed for 14 days in spring.', passage: 'The bridge was closed for two weeks in spring.', expect: 'none' },
    { claim: 'She finished the race in 2 hours 59 minutes.', passage: 'She finished the race in 1 hour 59 minutes.', expect: 'conflict', sourceValue: '1 hour' },
    // Ordinal one is a figure too ("first" / "eerste"; a word's weight, see claimUnits).
    { claim: 'The quartet recorded its first album in Lisbon.', passage: 'The quartet recorded its second album in Lisbon.', expect: 'conflict', claimValue: 'first', sourceValue: 'second' },
    { claim: 'Het kwartet nam zijn eerste album op in Lissabon.', passage: 'Het kwartet nam zijn tweede album op in Lissabon.', lang: 'nl', expect: 'conflict', sourceValue: 'tweede' },
  ],
};
