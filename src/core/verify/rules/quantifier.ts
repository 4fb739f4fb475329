/**
 * conflict.quantifier: the claim and the passage say how much of the same thing with
 * quantifiers that exclude each other: all of it against a part of it or none of it
 * ("lost all the territory" / "verloor slechts een deel van zijn grondgebied", "none of the
 * boats" / "all the boats"). The quantifier is read right before the aligned noun, past an
 * article or possessive, or as a noun of parts before "of"/"van" ("a part of its territory").
 * A closed grammatical class, English and Dutch, listed here.
 */
import type { Prepared } from '../nlp';
import type { Rule, Signal } from './types';
import type { Unit } from '../align';
import { GOV_SKIP } from '../slots';

type Quantity = 'all' | 'part' | 'none';
const BEFORE: Record<string, Quantity> = {
  all: 'all', entire: 'all', whole: 'all', alle: 'all', al: 'all', hele: 'all', gehele: 'all',
  no: 'none', geen: 'none',
};
const PART_NOUN = new Set(['part', 'parts', 'portion', 'fraction', 'deel', 'gedeelte', 'delen']);

/** The quantifier of the noun at token k, and the tokens that say it. */
function quantifierOf(q: Prepared, k: number): { q: Quantity; from: number } | undefined {
  let j = k - 1;
  while (j >= 0 && GOV_SKIP.has(q.tokens[j].norm) && !q.tokens[j].breakAfter) j--;
  if (j < 0 || q.tokens[j].breakAfter) return undefined;
  const n = q.tokens[j].norm;
  if (BEFORE[n] !== undefined) return { q: BEFORE[n], from: j };
  // "a part of (its) territory", "een deel van zijn grondgebied"; "all of the", "none of the".
  if (n === 'of' || n === 'van') {
    let i = j - 1;
    if (i < 0 || q.tokens[i].breakAfter) return undefined;
    const m = q.tokens[i].norm;
    if (PART_NOUN.has(m)) {
      // "the whole part" does not occur; a small or large part is still a part.
      while (i > 0 && !q.tokens[i - 1].breakAfter && /^(een|a|small|large|klein|kleine|groot|grote|slechts|only)$/.test(q.tokens[i - 1].norm)) i--;
      return { q: 'part', from: i };
    }
    if (m === 'all' || m === 'alle') return { q: 'all', from: i };
    if (m === 'none' || m === 'geen') return { q: 'none', from: i };
  }
  return undefined;
}

const EXCLUDE: Record<Quantity, Quantity[]> = { all: ['part', 'none'], part: ['all', 'none'], none: ['all', 'part'] };

export const quantifier: Rule = {
  id: 'conflict.quantifier',
  stage: 'contrast',
  summary: 'all of a thing against a part or none of it',
  run(ctx) {
    const { c, p, pos } = ctx;
    for (const u of ctx.units) {
      if (u.kind !== 'word' || ctx.state.get(u) !== 'match' || c.tokens[u.tokens[0]].negated) continue;
      const ti = u.tokens[0];
      const k = pos.get(ti);
      if (k === undefined || p.tokens[k].negated) continue;
      const cq = quantifierOf(c, ti);
      const pq = quantifierOf(p, k);
      if (!cq || !pq || !EXCLUDE[cq.q].includes(pq.q)) continue;
      // The claim's words of the quantifier that are units ("deel") belong to the slot.
      const inSlot = ctx.units.filter((v) => v !== u && v.tokens.every((t) => t >= cq.from && t < ti));
      const [first, ...rest] = inSlot.length ? inSlot : [u];
      const out: Signal = {
        type: 'conflict',
        conflict: {
          kind: 'quantity',
          unit: first,
          claimValue: c.text.slice(c.tokens[cq.from].start, c.tokens[ti].end),
          sourceValue: p.text.slice(p.tokens[pq.from].start, p.tokens[k].end),
          strong: false,
          rule: this.id,
          ...(rest.length ? { also: rest as Unit[] } : {}),
        },
      };
      return [out];
    }
    return [];
  },
  examples: [
    { claim: 'The militia lost only a part of its territory in the north last year.', passage: 'The militia lost all the territory under its control in the north last year.', expect: 'conflict', claimValue: 'part', sourceValue: 'all' },
    { claim: 'De militie verloor vorig jaar slechts een deel van zijn grondgebied in het noorden.', lang: 'nl', passage: 'The militia lost all the territory under its control in the north last year.', passageLang: 'en', expect: 'conflict' },
    { claim: 'The militia lost all of its territory in the north last year.', passage: 'The militia lost all the territory under its control in the north last year.', expect: 'none' },
    { claim: 'The militia lost territory in the north last year.', passage: 'The militia lost all the territory under its control in the north last year.', expect: 'none' },
  ],
};
