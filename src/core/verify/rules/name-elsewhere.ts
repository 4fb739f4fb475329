/**
 * role.name-elsewhere: a claim name the passage has only in another role ("Israeli
 * Jews"), while another name of the same kind sits exactly at the claim's place ("on
 * Palestinian television" for "on Israeli television"), does not back the claim. With
 * aligned words on both sides of the name in the claim (a tight slot) the names differ.
 *
 * Likewise a claim name this passage does not have (backed by an earlier sentence it
 * refers back to, or by an added passage) or has only in part ("Tarvik" for "Tarvik
 * Information Agency"), while another name fills the claim name's place in this passage
 * (slots.ts placeRival: between the aligned words around it, or at the start or end of
 * the clause): the passage speaks of that other one, so the name is not backed here.
 * Also when the name at that place is another name of the claim ("B compares the group to
 * X" for "A compares B to X", A named in the sentence before): the passage gives A's place
 * to B.
 * The same for a longer name the passage has only in a shorter form elsewhere ("the
 * Regatta" for "the Northbury Student Regatta").
 * And two claim names the passage has in each other's place ("Ms Adeyemi told Radio
 * Tern's programme" for "Ms Radio Tern told Adeyemi's programme"; slots.ts
 * crossedName): neither is.
 */
import type { Rule, Signal } from './types';
import { claimDenies, crossedName, placeOf, placeRival, roleRival } from '../slots';

export const nameElsewhere: Rule = {
  id: 'role.name-elsewhere',
  stage: 'role',
  summary: 'a name the passage gives only in another role, while another name fills the claim\'s place',
  run(ctx) {
    const out: Signal[] = [];
    const { c, p } = ctx;
    // Where a name's counterpart should sit is told by the aligned words around it, and by
    // the figures and dates the passage backs there ("to ___ on January 10").
    // Built on first use: most alignments never look for a name's place.
    let anchorMap: Map<number, number> | undefined;
    const anchors = (): ReadonlyMap<number, number> => {
      if (anchorMap) return anchorMap;
      anchorMap = new Map(ctx.pos);
      for (const u of ctx.units) {
        if (u.kind !== 'number' && u.kind !== 'date') continue;
        const at = ctx.valueAt.get(u);
        if (!at || at.length === 0) continue;
        for (const ti of u.tokens) if (!anchorMap.has(ti)) anchorMap.set(ti, at[0]);
      }
      return anchorMap;
    };
    // Another claim name stands at this name's place in the passage ("B compares the group
    // to X" for "A compares B to X", A named only in an earlier sentence): the passage gives
    // the place to that name, so this one is not backed here.
    const placeTakenByClaimName = (u: (typeof ctx.units)[number]): boolean => {
      const place = placeOf(c, u, p, anchors());
      if (!place) return false;
      return ctx.units.some((v) => {
        if (v === u || v.kind !== 'name') return false;
        const at = ctx.namePos.get(v);
        return !!at && at.length > 0 && at.every((k) => k >= place.lo && k <= place.hi);
      });
    };
    for (const u of ctx.units) {
      if (u.kind !== 'name') continue;
      const state = ctx.state.get(u);
      // A name backed only in part (one distinctive word of it, somewhere): not where
      // another name fills its place.
      if (state === 'loose') {
        if (placeRival(c, u, p, anchors(), ctx.usedPassage) !== undefined) out.push({ type: 'displaced', unit: u });
        continue;
      }
      if (state !== 'match') continue;
      const at = ctx.namePos.get(u);
      if (!at || at.length === 0) {
        // Backed outside this passage (an earlier sentence it refers back to, or an added
        // passage) while this passage has another name, of any kind, at the claim's place:
        // the passage speaks of that one ("The Harbour Authority said ..."
        // after a sentence naming the Fire Service).
        if (placeRival(c, u, p, anchors(), ctx.usedPassage) !== undefined || placeTakenByClaimName(u)) out.push({ type: 'displaced', unit: u });
        continue;
      }
      const rival = roleRival(c, u, p, [...at], ctx.pos, ctx.usedPassage);
      if (!rival) {
        // Two claim names in each other's place.
        if (crossedName(c, u, ctx.units, p, ctx.pos, ctx.namePos)) out.push({ type: 'displaced', unit: u });
        // A longer name the passage has only in a shorter form elsewhere ("the Regatta" for
        // "the Northbury Student Regatta"), while another name fills its place, also at
        // the start or end of its clause: as a name backed only in part.
        else if (at.length < u.tokens.length && placeRival(c, u, p, anchors(), ctx.usedPassage) !== undefined) out.push({ type: 'displaced', unit: u });
        continue;
      }
      out.push({ type: 'displaced', unit: u });
      if (rival.tight && !claimDenies(c, u)) {
        out.push({ type: 'conflict', conflict: { kind: 'entity', unit: u, claimValue: c.names[u.ref].text, sourceValue: rival.text, strong: true, rule: this.id } });
      }
    }
    return out;
  },
  examples: [
    // A name joined to the one at the claim's place by "and" fills that place too.
    { claim: 'The film praises Dana Wells as the Harbour Lion.', passage: 'The film goes on to praise Tom Reed and the “Harbour Lion” Dana Wells.', expect: 'none' },
    {
      claim: 'Dana Wells, who joined the Regatta last year, is also the head of the rowing department in the Northbury Student Regatta.',
      passage: 'Dana Wells, who joined the Regatta last year, is also the head of the rowing department in the First Leith Club.',
      expect: 'displaced',
      claimValue: 'Northbury Student Regatta',
    },
    {
      claim: 'The Tarvik Information Agency reported eleven crew on board.',
      passage: 'The Northbury Gazette reported eleven crew on board, the Tarvik said.',
      expect: 'displaced',
      claimValue: 'Tarvik Information Agency',
    },
    {
      claim: 'The Tarvik Information Agency reported eleven crew on board.',
      passage: 'The agency reported eleven crew on board, the Tarvik said.',
      expect: 'none',
    },
    {
      claim: 'Ms Adeyemi told the Sunday programme of Radio Tern that leave would be increased.',
      passage: 'Ms Radio Tern told the Sunday programme of Adeyemi that leave would be increased.',
      expect: 'displaced',
    },
    {
      claim: 'Ms Adeyemi told the Sunday programme of Radio Tern that leave would be increased.',
      passage: 'Ms Adeyemi told the Sunday programme of Radio Tern that leave would be increased.',
      expect: 'none',
    },
    // The other name's place is the start of its clause, past an apposition ("Leith Works,
    // a ferry firm based in Dover, has claimed").
    {
      claim: 'The Northwind Group fired two flares at Leith Works boats in the harbour.',
      passage: 'Leith Works, a ferry firm based in Dover, has claimed responsibility for two flares launched at Northwind Group boats in the harbour.',
      expect: 'displaced',
    },
    {
      claim: 'Leith Works fired two flares at Northwind Group boats in the harbour.',
      passage: 'Leith Works, a ferry firm based in Dover, has claimed responsibility for two flares launched at Northwind Group boats in the harbour.',
      expect: 'none',
    },
    // A name the claim describes by the other is no crossing ("a spokesman for the Harbour
    // Authority" is "Harbour Authority spokesman").
    {
      claim: 'Dana Wells, a spokesman for the Harbour Authority, said on Facebook that residents can visit Leith without a permit.',
      passage: '“Residents can visit Leith without need of a permit from Dover to Hull,” said Harbour Authority spokesman Dana Wells on Facebook.',
      expect: 'none',
    },
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
