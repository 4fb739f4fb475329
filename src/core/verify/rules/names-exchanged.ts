/**
 * role.names-exchanged: two names of the claim stand on either side of a word, and the
 * passage has the same word with the two names the other way round ("Northwind said
 * Leith Works staff had cut prices" for "Leith Works said Northwind staff had cut
 * prices"; "Northwind bought the ferry from Leith Works" / "Leith Works bought the ferry
 * from Northwind"). Each name is backed, but in the other's
 * place, so neither is: the passage says something else about them.
 *
 * The word between must be the same word in both texts (aligned, or a verb written the
 * same: "said"), with the same function words around it ("X, a director at Y" and "Y
 * director X" say the same; auxiliaries aside, and an apposition after the passage's first
 * name: "Leith Works, a firm based in Dover, has bought"), and not one that lets two names trade places without changing what is
 * said: a coordinator or preposition of reciprocity ("Northwind and Leith Works met",
 * "talks between ... and ..."), or the passive's "by" ("Leith Works was sued by
 * Northwind") in either text. Names written as possessives or after "of" in one text only
 * ("Tarvik's ally Northwind" / "Northwind, an ally of Tarvik") are left alone. Each name
 * must occur once in the passage; names next to each other in both texts count as one
 * ("Mayor Dana Wells"). Unlike blocks.swapped-roles this needs no subject and
 * object, so it also reads Dutch and clauses the tagger does not split.
 */
import type { CToken, Prepared } from '../nlp';
import type { Rule, Signal } from './types';
import { structureOf } from '../structure';
import { commaAfter, DETERMINERS } from '../slots';
import type { Unit } from '../align';

/** Words between two names that let them change places without changing the statement. */
const RECIPROCAL = new Set(['and', 'or', 'with', 'between', 'versus', 'vs', 'against', 'both', 'nor', 'en', 'of', 'met', 'tussen', 'tegen', 'by', 'door']);

function possessiveOrOf(q: Prepared, first: number, last: number): boolean {
  const after = q.text.slice(q.tokens[last].end, q.tokens[last].end + 2);
  if (/^['’]s?/.test(after) || /['’]s$/.test(q.tokens[last].text)) return true;
  const prev = q.tokens[first - 1];
  if (prev && (prev.norm === 'of' || prev.norm === 'van')) return true;
  return false;
}


/** The name ending at token `last` modifies the common noun right after it ("Northwind sites"). */
function modifiesNoun(q: Prepared, last: number): boolean {
  const next = q.tokens[last + 1];
  return !!next && !next.stop && next.name === undefined && next.num === undefined && /^\p{Ll}/u.test(next.text) && /^\s*$/.test(q.text.slice(q.tokens[last].end, next.start));
}
/** Auxiliaries carry tense, not roles ("has claimed" / "claimed"). */
const AUXILIARIES = new Set(['has', 'have', 'had', 'is', 'are', 'was', 'were', 'been', 'be', 'heeft', 'hebben', 'hadden', 'zijn', 'waren']);

/** The function words of a stretch, determiners and auxiliaries aside, in order. */
function frame(tokens: readonly CToken[]): string {
  return tokens
    .filter((t) => t.stop && !DETERMINERS.has(t.norm) && !AUXILIARIES.has(t.norm) && /[\p{L}\p{N}]/u.test(t.text))
    .map((t) => t.norm)
    .join(' ');
}

/**
 * The tokens between two names without an apposition right after the first ("Northwind, a
 * ferry company based in Leith, bought ..."): a comma-delimited stretch that opens with a
 * determiner and closes with a comma.
 */
function withoutApposition(q: Prepared, from: number, to: number): CToken[] {
  const toks = q.tokens.slice(from, to);
  if (!commaAfter(q, from - 1) || !DETERMINERS.has(q.tokens[from].norm)) return toks;
  for (let k = from; k < to; k++) {
    if (q.tokens[k].breakAfter && commaAfter(q, k)) return q.tokens.slice(k + 1, to);
  }
  return toks;
}

function span(tokens: readonly number[]): [number, number] {
  return [Math.min(...tokens), Math.max(...tokens)];
}

interface Item {
  units: Unit[];
  /** First and last token of the name in the claim and in the passage. */
  c: [number, number];
  p: [number, number];
}

export const namesExchanged: Rule = {
  id: 'role.names-exchanged',
  stage: 'role',
  summary: 'two claim names the passage has the other way round around the same word',
  run(ctx) {
    const { c, p, pos, namePos } = ctx;
    // The claim's names backed in the passage, with where: a name unit, or a capitalized
    // word not read as a name (a sentence's first word, "Northwind received ...") that lines
    // up with a name of the passage.
    const items: Item[] = [];
    for (const u of ctx.units) {
      if (ctx.state.get(u) !== 'match') continue;
      if (u.kind === 'name') {
        const at = namePos.get(u);
        if (at && at.length) items.push({ units: [u], c: span(u.tokens), p: span(at) });
      } else if (u.kind === 'word') {
        const k = pos.get(u.tokens[0]);
        const ref = k === undefined ? undefined : p.tokens[k].name;
        if (ref === undefined || !/^\p{Lu}/u.test(c.tokens[u.tokens[0]].text)) continue;
        items.push({ units: [u], c: span(u.tokens), p: span(p.tokens.filter((t) => t.name === ref).map((t) => t.i)) });
      }
    }
    // Names written next to each other in both texts are one participant (a title and a
    // name read as two names).
    items.sort((x, y) => x.c[0] - y.c[0]);
    const merged: Item[] = [];
    for (const it of items) {
      const last = merged[merged.length - 1];
      // Next to each other, or with the same aligned words between (an unnamed title word).
      const gap = last ? it.c[0] - last.c[1] - 1 : -1;
      const same = last !== undefined && gap >= 0 && gap <= 2 && it.p[0] - last.p[1] - 1 === gap && Array.from({ length: gap }, (_, g) => pos.get(last.c[1] + 1 + g) === last.p[1] + 1 + g).every(Boolean);
      if (last && same) {
        last.units.push(...it.units);
        last.c = [last.c[0], it.c[1]];
        last.p = [last.p[0], it.p[1]];
      } else merged.push({ units: [...it.units], c: it.c, p: it.p });
    }
    // Each name must be the passage's only mention of it (counted by word boundaries).
    const lower = p.text.toLowerCase();
    const mentionedOnce = (x: Item) => {
      const esc = p.text.slice(p.tokens[x.p[0]].start, p.tokens[x.p[1]].end).toLowerCase().replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      return (lower.match(new RegExp(`(?<![\\p{L}\\p{N}])${esc}(?![\\p{L}\\p{N}])`, 'gu')) ?? []).length === 1;
    };
    const names = merged.filter(mentionedOnce);
    if (names.length < 2) return [];
    const cTags = structureOf(c).tags;
    const pTags = structureOf(p).tags;
    const out: Signal[] = [];
    const flagged = new Set<Unit>();
    for (const a of names) {
      for (const b of names) {
        if (a === b || a.units.some((u) => flagged.has(u)) || b.units.some((u) => flagged.has(u))) continue;
        const [a0, a1] = a.c;
        const [b0, b1] = b.c;
        const [pa0, pa1] = a.p;
        const [pb0, pb1] = b.p;
        if (a1 >= b0) continue; // a before b in the claim
        if (pb1 >= pa0) continue; // b before a in the passage
        // The claim's tokens between the names, and the passage's between them the other way round.
        // A name that possesses the noun before it ("sites of X") fills the role of one that
        // modifies the noun after it ("X sites"): that "of" is the possessive's, not the frame's.
        const all = c.tokens.slice(a1 + 1, b0);
        const ofB = all.length > 1 && all[all.length - 1].norm === 'of' && modifiesNoun(p, pa1);
        const cBetween = ofB ? all.slice(0, -1) : all;
        const pBetween = withoutApposition(p, pb1 + 1, pa0);
        if (cBetween.length === 0 || pBetween.length === 0) continue;
        if ([...cBetween, ...pBetween].some((t) => RECIPROCAL.has(t.norm) || t.name !== undefined)) continue;
        // The same frame: the function words between the names agree ("X, a director at Y"
        // and "Y director X" are one statement).
        if (frame(cBetween) !== frame(pBetween)) continue;
        // Possessives and "of": one text may say "A's B", the other "B of A".
        if (!ofB && (possessiveOrOf(c, a0, a1) !== possessiveOrOf(p, pa0, pa1) || possessiveOrOf(c, b0, b1) !== possessiveOrOf(p, pb0, pb1))) continue;
        // A shared word between: aligned there, or a verb written the same in both.
        const shared = cBetween.some((t) => {
          const k = pos.get(t.i);
          if (k !== undefined) return k > pb1 && k < pa0;
          const verb = cTags?.[t.i] === 'VERB';
          return verb && pBetween.some((s) => s.norm === t.norm && pTags?.[s.i] === 'VERB');
        });
        if (!shared) continue;
        for (const u of [...a.units, ...b.units]) {
          flagged.add(u);
          out.push({ type: 'displaced', unit: u });
        }
      }
    }
    return out;
  },
  examples: [
    { claim: 'Northwind said Leith Works staff had cut prices.', passage: 'Leith Works said Northwind staff had cut prices.', expect: 'displaced' },
    { claim: 'Northwind bought the ferry from Leith Works in 2019.', passage: 'Leith Works bought the ferry from Northwind in 2019.', expect: 'displaced' },
    { claim: 'Leith Works thanked Mayor Dana Wells for the grant.', passage: 'Mayor Dana Wells thanked Leith Works for the grant.', expect: 'displaced' },
    // "targets of Y" in one text is "Y targets" in the other.
    { claim: 'Northwind claimed the attack on two depots at sites of Leith Works.', passage: 'Leith Works, a shipping firm based in Dover, has claimed the attack on two depots at Northwind sites in May.', expect: 'displaced' },
    // An apposition after the first name and an auxiliary change nothing.
    { claim: 'Northwind bought the ferry from Leith Works in 2019.', passage: 'Leith Works, a shipping firm based in Dover, has bought the ferry from Northwind in 2019.', expect: 'displaced' },
    { claim: 'Northwind and Leith Works signed the agreement.', passage: 'Leith Works and Northwind signed the agreement.', expect: 'none' },
    { claim: 'Northwind sued Leith Works in March.', passage: 'Leith Works was sued by Northwind in March.', expect: 'none' },
    { claim: "Tarvik's ally Northwind left the talks.", passage: 'Northwind, an ally of Tarvik, left the talks.', expect: 'none' },
    { claim: 'Northwind said Leith Works had closed.', passage: 'Leith Works had closed, Northwind said.', expect: 'none' },
    { claim: 'Dana Wells, a director at Leith Works, said the plant had closed.', passage: 'Leith Works director Dana Wells said the plant had closed.', expect: 'none' },
  ],
};
