/**
 * blocks.context-name: a claim name backed only by an earlier sentence of the passage's
 * document, where the passage itself has another name in its role. A name from context
 * stands for what the passage refers to by a pronoun or a description ("it", "the group",
 * "the movement"); where the passage names someone else there, the earlier sentence's name
 * is not what the passage tells of. Two cases:
 *  - at the name's place (slots.ts pickRival, inside the window anchored on both sides or
 *    by the name's neighbour) the passage has an unused name of the same known kind, and no
 *    pronoun or description stands near it ("David Turpin, alone, was also charged" for
 *    "Judge Bernard Schwartz, alone, was also charged");
 *  - the name is the subject of the claim clause, and the passage clause of the claim's
 *    verb has a subject of its own with a name the claim lacks ("the Leith Council, which
 *    has been dredging the harbour basin"); needs clause structure (English, both texts tagged).
 */
import type { Rule } from './types';
import type { Unit } from '../align';
import { structureOf, subjectHead, type Clause, type Structure } from '../structure';
import type { Prepared } from '../nlp';
import { adjacentAnchor, anaphorWord, anaphors, anchoredWindow, pickRival } from '../slots';

const PHRASE = new Set(['NOUN', 'PROPN', 'ADJ', 'NUM']);
/** The subject tokens of a passage clause; a relative clause's is the phrase that ends at its antecedent. */
function subjectOf(p: Prepared, s: Structure, cl: Clause): number[] {
  if (cl.subject.length > 0 || cl.antecedent === undefined) return cl.subject;
  const out: number[] = [];
  for (let j = cl.antecedent; j >= 0 && (PHRASE.has(s.tags![j] ?? '') || p.tokens[j].name !== undefined); j--) out.push(j);
  return out;
}

/** Relative pronouns: with the anaphors of slots.ts (possessives included, "its references"), a subject that may refer back to the earlier name. */
const RELATIVE = new Set(['who', 'which', 'that']);
/** A name token of the passage in the subject, none of whose tokens backs a claim unit, in a subject without a pronoun. */
function ownName(p: Prepared, s: Structure, subject: number[], used: ReadonlySet<number>): number | undefined {
  if (subject.length === 0 || subject.some((j) => s.tags![j] === 'PRON' || anaphorWord(p.tokens[j].norm) || RELATIVE.has(p.tokens[j].norm))) return undefined;
  // The head of the subject, the last word of its first phrase, must be the name: "the
  // Palestinian resistance movement" is a description (a movement), which may stand for
  // the earlier name; "the Leith Council" names another actor.
  const head = subjectHead(subject);
  return p.tokens[head].name !== undefined && !used.has(head) ? head : undefined;
}

/** An unused passage name of the same known kind at the context-backed name's place, with no pronoun or description near it. */
function rivalAtPlace(c: Prepared, p: Prepared, u: Unit, pos: ReadonlyMap<number, number>, used: ReadonlySet<number>): string | undefined {
  const win = anchoredWindow(c, u.tokens, pos);
  if (!win || !(win.both || adjacentAnchor(c, u.tokens, pos))) return undefined;
  const kind = c.names[u.ref].kind;
  if (kind === 'other') return undefined;
  const rival = pickRival(c, u.tokens, [kind], p, win, pos, used);
  if (!rival || !rival.inWin || rival.kind !== kind) return undefined;
  // A pronoun or description at the place stands for the earlier name ("The group, like ISIS, has ...").
  if (anaphors(p).some((a) => a.k >= win.lo - 3 && a.k <= win.hi)) return undefined;
  return rival.text;
}

/** The name heading the subject the passage gives the claim's verb, when the claim's subject is the context-backed name (English). */
function otherSubjectName(c: Prepared, p: Prepared, u: Unit, pos: ReadonlyMap<number, number>, used: ReadonlySet<number>): { name: string; verb: string } | undefined {
  const cs = structureOf(c);
  const ps = structureOf(p);
  if (!cs.tags || !ps.tags) return undefined;
  const cl = cs.clauses[cs.clauseOf[u.tokens[0]]];
  if (!cl || !cl.subject.includes(u.tokens[0]) || cl.passiveVerbs.length > 0) return undefined;
  const verb = cl.verbs.find((v) => pos.has(v));
  if (verb === undefined) return undefined;
  const pv = pos.get(verb)!;
  const pcl = ps.clauses[ps.clauseOf[pv]];
  // The claim's verb as a verb of the passage clause ("a vow to liberate" has no subject).
  if (!pcl || !pcl.verbs.includes(pv) || pcl.passiveVerbs.includes(pv) || p.tokens[pv].name !== undefined || c.tokens[verb].name !== undefined) return undefined;
  const other = ownName(p, ps, subjectOf(p, ps, pcl), used);
  if (other === undefined) return undefined;
  return { name: p.names[p.tokens[other].name!]?.text ?? p.tokens[other].text, verb: p.tokens[pv].text };
}

export const contextName: Rule = {
  id: 'blocks.context-name',
  stage: 'contrast',
  summary: 'a name backed only by an earlier sentence, where the passage has another name in its role',
  run(ctx) {
    const { c, p, pos } = ctx;
    if (ctx.contextNames === 0) return [];
    for (const u of ctx.units) {
      if (u.kind !== 'name' || ctx.via.get(u) !== 'align.name-context') continue;
      const rival = rivalAtPlace(c, p, u, pos, ctx.usedPassage);
      if (rival) return [{ type: 'blocks', message: `the source has ${JSON.stringify(rival)} where the sentence has ${JSON.stringify(u.text)}, named only in an earlier sentence`, unit: u }];
      const other = otherSubjectName(c, p, u, pos, ctx.usedPassage);
      if (other) return [{ type: 'blocks', message: `the source has ${JSON.stringify(other.name)} as the subject of ${JSON.stringify(other.verb)}, not ${JSON.stringify(u.text)}`, unit: u }];
    }
    return [];
  },
  examples: [
    {
      context: 'The case was heard by Judge Dana Wells in March.',
      passage: 'Tom Reed, alone, was also charged with forging the safety records.',
      claim: 'Judge Dana Wells, alone, was also charged with forging the safety records.',
      expect: 'blocks',
    },
    {
      context: 'The case was heard by Judge Dana Wells in March.',
      passage: 'She, like Tom Reed, was also charged with forging the safety records.',
      claim: 'Judge Dana Wells was also charged with forging the safety records.',
      expect: 'none',
    },
    {
      context: 'The Port Authority signed the contract in March.',
      passage: 'Meanwhile, the Leith Council, which has been dredging the harbour basin, closed the old quay.',
      claim: 'The Port Authority has been dredging the harbour basin.',
      expect: 'blocks',
    },
    // A pronoun or a description in the passage stands for the earlier name.
    {
      context: 'The Port Authority signed the contract in March.',
      passage: 'Since then it has been dredging the harbour basin.',
      claim: 'The Port Authority has been dredging the harbour basin.',
      expect: 'none',
    },
    // A description with a name in it ("the Egyptian dockers movement") may stand for the earlier name.
    {
      context: 'Tarvik called a strike in March.',
      passage: 'In April, the Egyptian dockers movement blocked the north gate.',
      claim: 'In April, Tarvik blocked the north gate.',
      expect: 'none',
    },
    {
      context: 'The Port Authority signed the contract in March.',
      passage: 'The authority has been dredging the harbour basin since then.',
      claim: 'The Port Authority has been dredging the harbour basin.',
      expect: 'none',
    },
  ],
};
