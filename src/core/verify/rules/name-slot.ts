/**
 * conflict.name: a claim name the passage lacks entirely, where the passage has another
 * name (unused by the claim) in the same role: at the same place between aligned words,
 * or after the same governing word ("on Twitter" / "on Facebook") next to the aligned
 * context (slots.ts pickRival). Several equally fitting names: no conflict. Adjacent
 * names the passage lacks ("an Indian Tamil film") form one slot. The source of a report
 * ("Reuters reported that", "according to Reuters") is no slot: several outlets report
 * one fact, so another source in the passage only blocks support. Without a rival at the
 * name's place, a name that is the complement of a copula after an aligned noun ("the
 * narrator ... is X") meets the passage's complement of that noun's copula, past an
 * attribution and its apposition ("is volgens Site, de ... organisatie die ..., Y").
 */
import type { Unit } from '../align';
import type { Prepared } from '../nlp';
import type { Rule, Signal } from './types';
import { findToken } from '../match';
import { DETERMINERS, acrossClause, adjacentAnchor, anchoredWindow, claimDenies, nameCandidates, pickRival, reportSource, type NameCandidate } from '../slots';

/**
 * Whether the claim name's words the passage has are exactly the last words of both the
 * claim name and the rival, each with a word of its own before them (or none is shared).
 */
function sharedHeadOnly(c: Prepared, span: number[], p: Prepared, rival: number[], firstWords = false): boolean {
  // Where the rival ends in the claim name's own last word ("Ashad Communication" for "Amaq
  // Communication"), the words of the name count where the passage has them themselves: a
  // plain word that shares only a sense with one ("video", a kind of "communication") is no
  // occurrence of the name.
  const sameHead = c.tokens[span[span.length - 1]].stem === p.tokens[rival[rival.length - 1]].stem;
  const found = span.map((ti) => findToken(c.tokens[ti], c, p).filter((k) => !sameHead || p.tokens[k].stem === c.tokens[ti].stem || p.tokens[k].name !== undefined));
  const n = found.filter((f) => f.length > 0).length;
  if (n === 0) return true;
  if (n >= span.length || n >= rival.length) return false;
  // The same first words, another family name ("Abu Bakr al-Baghdadi" / "Abu Kazem al-Maqdisi",
  // "Dana Wells" / "Dana Reed"): two people, when the claim's last word is nowhere in the passage.
  // (Only for the complement of a copula, copularRival: placed by position alone, a rival
  // with the claim name's first words was one person named two ways in the perturbed news.)
  if (firstWords && found.every((f, i) => (i < n ? f.length === 1 && f[0] === rival[i] : f.length === 0))) return true;
  for (let j = 1; j <= n; j++) {
    const f = found[span.length - j];
    if (f.length !== 1 || f[0] !== rival[rival.length - j]) return false;
  }
  return true;
}

const COPULA = new Set(['is', 'was', 'are', 'were', 'zijn', 'waren']);
const ATTRIBUTION = new Set(['volgens', 'according']);
/**
 * The name a passage gives as what the claim's noun is ("the narrator of the video is X" /
 * "De verteller van dienst is volgens Site, de Amerikaanse organisatie die ..., Y"): the
 * claim name right after a copula whose subject noun is aligned, and the passage's copula
 * right after that noun; the passage's complement is the first name after its copula, past
 * an attribution ("volgens Site", "according to X") and an apposition between commas.
 */
function copularRival(c: Prepared, span: number[], p: Prepared, pos: ReadonlyMap<number, number>, used: ReadonlySet<number>): (NameCandidate & { inWin: boolean }) | undefined {
  const first = Math.min(...span);
  const cop = first - 1;
  if (cop < 1 || !COPULA.has(c.tokens[cop].norm) || c.tokens[cop - 1].breakAfter) return undefined;
  // The claim's subject noun: the last aligned content word before the copula, in its clause.
  let subj = -1;
  for (let j = cop - 1; j >= 0 && !c.tokens[j].breakAfter; j--) {
    if (!c.tokens[j].stop && c.tokens[j].name === undefined && pos.has(j)) {
      subj = j;
      break;
    }
  }
  if (subj < 0) return undefined;
  const k = pos.get(subj)!;
  // The passage's copula within a few words after the noun ("De verteller van dienst is").
  let pc = -1;
  for (let j = k + 1; j < p.tokens.length && j <= k + 4 && !p.tokens[j - 1].breakAfter; j++) if (COPULA.has(p.tokens[j].norm)) pc = j;
  if (pc < 0) return undefined;
  let j = pc + 1;
  // An attribution right after the copula, with its name ("volgens Site", "according to X").
  if (p.tokens[pc].breakAfter) j = pc + 1;
  if (p.tokens[j] && ATTRIBUTION.has(p.tokens[j].norm)) {
    // Up to the comma that ends it ("volgens Site,"), then an apposition to it, up to the
    // next comma ("de Amerikaanse organisatie die ... houdt,").
    while (j < p.tokens.length && !p.tokens[j].breakAfter) j++;
    j++;
    if (p.tokens[j] && DETERMINERS.has(p.tokens[j].norm)) {
      while (j < p.tokens.length && !p.tokens[j].breakAfter) j++;
      j++;
    }
  }
  const t = p.tokens[j];
  if (!t || t.name === undefined) return undefined;
  const cand = nameCandidates(p).find((x) => x.tokens.includes(j));
  if (!cand || cand.tokens.some((x) => used.has(x))) return undefined;
  const kinds = span.map((ti) => c.tokens[ti].name).filter((n): n is number => n !== undefined).map((n) => c.names[n].kind);
  if (cand.kind !== 'other' && kinds.some((x) => x !== 'other' && x !== cand.kind)) return undefined;
  return { ...cand, inWin: false };
}

export const nameSlot: Rule = {
  id: 'conflict.name',
  stage: 'contrast',
  summary: 'another name in the same role (same place, or same governing word)',
  run(ctx) {
    const out: Signal[] = [];
    const { c, p } = ctx;
    const slots: Unit[][] = [];
    for (const u of ctx.units) {
      if (u.kind !== 'name' || ctx.state.get(u) !== 'miss') continue;
      // Tokens of the name the passage has are checked against the rival below.
      const prev = slots[slots.length - 1]?.at(-1);
      const lastTok = prev ? Math.max(...prev.tokens) : -1;
      if (prev && Math.min(...u.tokens) === lastTok + 1 && !c.tokens[lastTok].breakAfter) slots[slots.length - 1].push(u);
      else slots.push([u]);
    }
    for (const slot of slots) {
      const span = slot.flatMap((u) => u.tokens);
      let win = anchoredWindow(c, span, ctx.pos, p);
      // One-sided, the anchor must be the name's neighbour: claim words between them that
      // the passage lacks (its verb, "the UN Security Council condemned the threats" against
      // "... telling Gazans that the threat") leave the place of the name unknown.
      if (win && !win.both && !adjacentAnchor(c, span, ctx.pos)) win = undefined;
      // Two-sided, the anchors must not lie across a clause with a verb of its own (slots.ts acrossClause).
      if (win?.both && acrossClause(p, win)) win = undefined;
      const placed = pickRival(c, span, slot.map((u) => c.names[u.ref].kind), p, win, ctx.pos, ctx.usedPassage);
      const rival = placed ?? copularRival(c, span, p, ctx.pos, ctx.usedPassage);
      if (!rival) continue;
      // The passage may have words of the claim's name only as the rival's head: the same
      // last words, after a word of its own where the claim's name has another ("Sinai
      // Province" for "Gaza Province", "Interior Ministry" for "Health Ministry"). A shared
      // head does not make one name of two. Any other occurrence: no conflict.
      if (!sharedHeadOnly(c, span, p, rival.tokens, !placed)) continue;
      const [u, ...rest] = slot;
      if (claimDenies(c, u)) continue;
      // Another source reporting it is no other value, but no backing either.
      if (reportSource(c, span)) {
        out.push({ type: 'blocks', message: `the source has it from ${JSON.stringify(rival.text)}, not from ${JSON.stringify(c.text.slice(u.start, slot[slot.length - 1].end))}`, unit: u });
        continue;
      }
      // Enclosed by aligned words on both sides, with everything of the claim outside the
      // slot backed: the slot is tied by structure. (Unbacked words between the anchors are
      // not excused: in "Denmark closed the ___ crossing after the statement" the anchors enclose
      // a statement the passage does not make, not just the slot.)
      const outsideBacked = !!win?.both && rival.inWin && ctx.units.every((v) => slot.includes(v) || ctx.state.get(v) === 'match');
      const claimValue = c.text.slice(u.start, slot[slot.length - 1].end);
      out.push({ type: 'conflict', conflict: { kind: 'entity', unit: u, claimValue, sourceValue: rival.text, strong: outsideBacked, rule: this.id, ...(rest.length ? { also: rest } : {}) } });
    }
    return out;
  },
  examples: [
    { claim: 'The video was first posted on Twitter by the group.', passage: 'The video was first posted on Facebook by the group.', expect: 'conflict', claimValue: 'Twitter', sourceValue: 'Facebook' },
    { claim: 'The video was first posted on Twitter by the group.', passage: 'The video was first posted on Twitter by the group.', expect: 'none' },
    // A Dutch clause puts its verbs after the object: the name after them is in the same place.
    { claim: 'The skipper had sold the old ferry to Northwind Group.', passage: 'In Leith zegt men dat de schipper de oude veerboot zou verkocht hebben aan Harbour Holdings.', passageLang: 'nl', expect: 'conflict', claimValue: 'Northwind Group', sourceValue: 'Harbour Holdings' },
    // The source of a report is no slot: the passage blocks support, with no conflict.
    { claim: 'The Harbour Times reported that the council closed the bridge.', passage: 'The Valley Post reported that the council closed the bridge.', expect: 'blocks' },
    { claim: 'Volgens de Havenkrant sloot de raad de brug.', passage: 'Volgens het Dalblad sloot de raad de brug.', lang: 'nl', expect: 'blocks' },
    { claim: 'Dana Wells writes for the Harbour Times.', passage: 'Dana Wells writes for the Valley Post.', expect: 'conflict' },
    // A shared head word does not make one name of two.
    { claim: 'The permit was signed by the Health Ministry on Monday.', passage: 'The permit was signed by the Interior Ministry on Monday.', expect: 'conflict', claimValue: 'Health Ministry', sourceValue: 'Interior Ministry' },
    { claim: 'The permit was signed by the Health Ministry on Monday.', passage: 'The permit was signed by the Ministry on Monday.', expect: 'none' },
    // A plain word that only shares a sense with the shared head ("video", a kind of communication) is no occurrence of the name.
    { claim: 'The video was made by a studio called Harbour Communication.', passage: 'The video was made by a studio called Valley Communication.', expect: 'conflict', claimValue: 'Harbour Communication', sourceValue: 'Valley Communication' },
    // A rival found by position alone ("HC" right after the aligned "is") is no rival when
    // a name after the claim name's governing word ("in Leith") sits further on.
    { claim: 'Harbour College is in Norway.', passage: 'Harbour College (abbreviated HC) is a public research university located in Leith, Scotland, and a member of the Coastal League.', expect: 'none' },
    // A name that is an adjective before a plain noun fills no slot of a name, unless the
    // claim's is one too (slots.ts adjectivalName).
    { claim: 'The report was written by Dana Wells for the agency.', passage: 'The report was written by a Canadian journalist for the agency.', expect: 'none' },
    // Anchors across a clause with a verb of its own do not place the name; across an apposition they do.
    { claim: 'The statement was read by Dana Wells at the harbour.', passage: 'The statement was read out, a spokesman for Tom Reed said at the harbour.', expect: 'none' },
    { claim: 'The vice mayor, Dana Wells, spoke at the harbour.', passage: 'The vice mayor, Tom Reed, spoke at the harbour.', expect: 'conflict', claimValue: 'Dana Wells', sourceValue: 'Tom Reed' },
    // One-sided, an anchor past an unbacked claim word (the verb) does not place the name.
    { claim: 'The Harbour Council condemned the strike by the dock workers.', passage: 'The mayor responded by telling Leith residents that the strike by the dock workers was over.', expect: 'none' },
    { claim: 'The Harbour Council ended the strike by the dock workers.', passage: 'On Monday Leith Council ended the strike by the dock workers.', expect: 'conflict', claimValue: 'Harbour Council', sourceValue: 'Leith Council' },
    { claim: 'The agency is a British organisation that tracks shipping.', passage: 'The agency is a Canadian organisation that tracks shipping.', expect: 'conflict', claimValue: 'British', sourceValue: 'Canadian' },
    // The complement of a copula, past an attribution and its apposition: the name the
    // passage gives for the claim's noun (copularRival), also with the same first name.
    { claim: 'According to the harbour office, the pilot of the ferry is Dana Wells.', passage: 'The pilot on duty is, according to the harbour office, the agency that runs the port, Tom Reed.', expect: 'conflict', claimValue: 'Dana Wells', sourceValue: 'Tom Reed' },
    { claim: 'De loods van de veerboot is Dana Wells.', lang: 'nl', passage: 'De loods van dienst is volgens het havenkantoor, de dienst die de haven beheert, Dana Reed.', expect: 'conflict', claimValue: 'Dana Wells', sourceValue: 'Dana Reed' },
    { claim: 'According to the harbour office, the pilot of the ferry is Dana Wells.', passage: 'The pilot on duty is, according to the harbour office, the agency that runs the port, Dana Wells.', expect: 'none' },
    // A one-sided anchor out of the alignment's order ("Schotse" on "Scottish" at the end,
    // while "leden" and "Liga" sit before it) was aligned to another mention: no place.
    { claim: 'De Noordprovincie, de Schotse tak van de bond, telt honderden leden, onder wie overlopers van de Liga.', lang: 'nl', passage: 'Its members, which number in the hundreds, include League defectors, fishermen from Leith and Scottish sailors who have returned from the colonies.', passageLang: 'en', expect: 'none' },
  ],
};
