/**
 * blocks.swapped-roles: who did what to whom. The claim's subject and object line up
 * with the passage around the same verb, but in the other order ("Fatah backed Hamas"
 * for "Hamas backed Fatah"), or in the same order with one of the two texts passive
 * ("Hamas was backed by Fatah"): the passage does not back the claim. Also when the
 * claim's subject sits after the same active verb in the passage, as its object, with no
 * aligned subject before it ("since it defeated the Navy" for "The Navy defeated ..."):
 * not after verbs of saying ("..., said the mayor") or a passive without agent ("was
 * ranked"). And when the claim's verb is not aligned at all, its subject and object the
 * other way round around a passage clause's own verb (unalignedVerbSwap). Every aligned
 * verb of a clause is read: after a verb that takes "to" ("is believed to be backing") the
 * participants are those of the later verb. Needs clause structure (English).
 */
import type { AlignContext, Rule, Signal } from './types';
import { AGENT, isPassiveAt, structureOf, subjectHead, type Clause, type Structure } from '../structure';
import { SAYING } from '../slots';
import { findToken } from '../match';
import { getLexicon } from '../../analysis/lexicon';
import type { Prepared } from '../nlp';

const BE = new Set(['is', 'are', 'was', 'were', 'been', 'being', 'be', 'get', 'got', 'gets']);
/** A participle after a form of "be" within two words: a passive without its agent ("was ranked the greatest star"). */
function beforeBe(t: { tokens: ReadonlyArray<{ norm: string }> }, v: number): boolean {
  if (/ing$/.test(t.tokens[v].norm)) return false;
  return [1, 2].some((d) => v - d >= 0 && BE.has(t.tokens[v - d].norm));
}

/**
 * The preposition whose phrase holds token k: the nearest ADP before k, across only
 * determiners, adjectives, numbers and names (and nouns, with `overNouns`), no further back
 * than token `lowest`; -1 when another word comes first (k is no object of a preposition).
 */
function prepositionOf(t: Prepared, tags: ReadonlyArray<string | undefined>, k: number, lowest: number, overNouns: boolean): number {
  for (let j = k - 1; j >= Math.max(0, lowest); j--) {
    const tag = tags[j];
    if (tag === 'ADP') return j;
    if (tag !== 'DET' && tag !== 'ADJ' && tag !== 'PROPN' && tag !== 'NUM' && !(overNouns && tag === 'NOUN') && t.tokens[j].name === undefined) return -1;
  }
  return -1;
}

/**
 * The passage token sits in a phrase of company ("fought three wars with Leith", "met
 * with the union"), across at most two determiners, adjectives or names: such a
 * participant shares the act and is no object of the verb. Other prepositions still tell
 * who did what to whom ("pledged allegiance to X", "declared war on X"; measured: letting
 * "on", "in", "at" through too undid right role blocks).
 */
function withPhrase(p: Prepared, tags: ReadonlyArray<string | undefined>, k: number): boolean {
  const j = prepositionOf(p, tags, k, k - 3, false);
  return j >= 0 && WITH.has(p.tokens[j].norm);
}
const WITH = new Set(['with', 'met']);

/** Verb k takes an infinitive with "to" ("believed to be", "trying to persuade"): its subject is that of the verb after it. */
function takesTo(t: Prepared, k: number): boolean {
  return t.tokens[k + 1]?.norm === 'to';
}

/** Token k follows verb v in the phrase of a preposition other than an agent's, not directly as its object. */
function obliqueAt(t: Prepared, tags: ReadonlyArray<string | undefined>, v: number, k: number): boolean {
  const j = prepositionOf(t, tags, k, v + 1, true);
  return j >= 0 && !AGENT.has(t.tokens[j].norm);
}

/** Verb v is followed directly (across adverbs) by a preposition other than an agent's, whose phrase holds token k: the verb has no object before k. */
function intransitiveBefore(t: Prepared, tags: ReadonlyArray<string | undefined>, v: number, k: number): boolean {
  let j = v + 1;
  while (j < k && tags[j] === 'ADV') j++;
  return j < k && tags[j] === 'ADP' && !AGENT.has(t.tokens[j].norm) && obliqueAt(t, tags, v, k);
}

/**
 * A claim clause whose verb the passage does not have (another verb: "the farmers blamed
 * the council for" against "the council attributed ... to the farmers"): its subject and
 * object still line up with one passage clause, in the other order around that clause's
 * active verb (the claim's object is the passage's subject, the claim's subject comes after
 * the verb). With a verb of its own the passage may say anything of the two; with them the
 * other way round it does not back the claim.
 */
function unalignedVerbSwap(ctx: AlignContext, cs: Structure, ps: Structure, cl: Clause): Signal | undefined {
  const { c, p, pos } = ctx;
  if (cl.verbs.length === 0 || cl.subject.length === 0 || cl.passiveVerbs.length > 0 || !cs.tags || !ps.tags) return undefined;
  const verb = cl.verbs[0];
  if (SAYING.has(c.tokens[verb].norm) || beforeBe(c, verb)) return undefined;
  const subjTok = subjectHead(cl.subject);
  if (cs.tags[subjTok] === 'PRON') return undefined;
  let objTok = -1;
  for (let t = verb + 1; t <= cl.to && !cl.verbs.includes(t); t++) {
    const tag = cs.tags[t];
    if (tag === 'PROPN' || tag === 'NOUN' || c.tokens[t].name !== undefined) {
      objTok = t;
      break;
    }
  }
  if (objTok < 0) return undefined;
  if (!pos.has(subjTok) || !pos.has(objTok) || c.tokens[subjTok].stem === c.tokens[objTok].stem) return undefined;
  // Any occurrences of the two in one passage clause (the alignment, monotone, may have
  // placed one of them elsewhere).
  for (const obj of findToken(c.tokens[objTok], c, p)) {
    const pcl = ps.clauses[ps.clauseOf[obj]];
    if (!pcl || pcl.passiveVerbs.length > 0 || pcl.verbs.length === 0 || !pcl.subject.includes(obj)) continue;
    const pv = pcl.verbs[0];
    if (!(obj < pv) || SAYING.has(p.tokens[pv].norm) || beforeBe(p, pv) || isPassiveAt(p, pv, pcl.to, ps.tags)) continue;
    const subj = findToken(c.tokens[subjTok], c, p).find((k) => k > pv && k <= pcl.to);
    if (subj === undefined) continue;
    return { type: 'blocks', message: `the source has ${JSON.stringify(p.tokens[obj].text)} as the subject of ${JSON.stringify(p.tokens[pv].text)}, and ${JSON.stringify(p.tokens[subj].text)} after it` };
  }
  return undefined;
}

const FRAME: readonly string[] = ['same', 'synonym', 'hypernym', 'hyponym'];
/** Two verbs with the same roles: the same stem, or WordNet's same sense, a synonym, a broader or a narrower verb. */
function sameFrame(a: string, la: string, b: string, lb: string, sameStem: boolean): boolean {
  if (sameStem) return true;
  const lex = getLexicon();
  if (!lex || (la !== 'en' && la !== 'nl') || (lb !== 'en' && lb !== 'nl')) return true;
  return lex.relations(a, la, b, lb).some((r) => FRAME.includes(r));
}

export const swappedRoles: Rule = {
  id: 'blocks.swapped-roles',
  stage: 'contrast',
  summary: 'subject and object of the same verb in the other roles',
  run(ctx) {
    const { c, p, pos } = ctx;
    const cs = structureOf(c);
    const ps = structureOf(p);
    if (!cs.tags || !ps.tags) return [];
    for (const cl of cs.clauses) {
      const aligned = cl.verbs.filter((v) => pos.has(v));
      if (aligned.length === 0) {
        const swapped = unalignedVerbSwap(ctx, cs, ps, cl);
        if (swapped) return [swapped];
        continue;
      }
      // Each aligned verb of the clause: after a verb that takes "to" ("is believed to be
      // supporting", "is trying to persuade") the participants are those of the later verb.
      for (const verb of aligned) {
        // The alignment, kept in order, may place the verb on a noun of the same stem later
        // on ("visited" on "a week-long visit" once the claim's first name lies after the
        // passage's verb): the passage's verb of that stem is where the roles are.
        let pv = pos.get(verb)!;
        if (ps.tags[pv] !== 'VERB') {
          const asVerb = findToken(c.tokens[verb], c, p).find((k) => ps.tags![k] === 'VERB');
          if (asVerb !== undefined) pv = asVerb;
        }
        // Only the same verb (a form, a synonym, a broader or narrower verb) has the same
        // roles: a verb aligned through a looser link takes its participants its own way
        // ("passengers died in the crash" / "the crash killed the passengers").
        if (!sameFrame(c.tokens[verb].norm, c.lang, p.tokens[pv].norm, p.lang, c.tokens[verb].stem === p.tokens[pv].stem)) continue;
        const pcl = ps.clauses[ps.clauseOf[pv]];
        const inClause = (k: number) => k >= pcl.from && k <= pcl.to;
        // Aligned participants: names and nouns of the claim clause, before and after the verb.
        const participant = (t: number) => {
          const tag = cs.tags![t];
          return tag === 'PROPN' || tag === 'NOUN' || c.tokens[t].name !== undefined;
        };
        // The nearest participant on each side of the verb, with no other verb between.
        let cs0 = -1;
        for (let t = verb - 1; t >= cl.from && !(cl.verbs.includes(t) && !takesTo(c, t)); t--) if (participant(t)) { cs0 = t; break; }
        let co0 = -1;
        for (let t = verb + 1; t <= cl.to && !cl.verbs.includes(t); t++) if (participant(t)) { co0 = t; break; }
        if (cs0 < 0 || co0 < 0) continue;
        // The object's head is the last noun of its phrase ("the mayor's deputy": deputy).
        while (co0 + 1 <= cl.to && participant(co0 + 1) && !c.tokens[co0].breakAfter) co0++;
        // The same word on both sides ("a woman measures another woman") tells no roles apart.
        // (Two names that end alike, "Green Party" / "Labour Party", are still two participants.)
        const sn = c.tokens[cs0].name;
        const on = c.tokens[co0].name;
        const twoNames = sn !== undefined && on !== undefined && sn !== on;
        if (c.tokens[cs0].stem === c.tokens[co0].stem && !twoNames) continue;
        // A participant that is the antecedent of a relative clause ("the deputy, who had
        // criticised the governor") stands where its relative pronoun does.
        const place = (k: number | undefined) => (k !== undefined && !inClause(k) && pcl.antecedent !== undefined && k === pcl.antecedent ? pcl.from : k);
        const subj = place(pos.get(cs0));
        const obj = place(pos.get(co0));
        // A participant the passage has in a phrase of company ("fought three wars with
        // Leith") is no object there: the claim may name both as subjects.
        if (subj !== undefined && inClause(subj) && withPhrase(p, ps.tags!, subj)) continue;
        const claimPassive = cl.passiveVerbs.includes(verb);
        // A passive without its agent ("the plan was cited in the report"): what follows the
        // verb is no participant of the act, so there is no object to compare.
        if (!claimPassive && cs.tags![verb] === 'VERB' && beforeBe(c, verb)) continue;
        // Also a passive the tagger missed ("is being ridden by", the participle tagged a noun).
        const passagePassive = pcl.passiveVerbs.includes(pv) || isPassiveAt(p, pv, pcl.to, ps.tags);
        // The claim's subject is the passage's object: after the same active verb, with the
        // claim's object (when the passage has it there) after the verb too ("since it routed
        // Fatah forces" for "Fatah routed Hamas forces"). Not after a verb of saying, which
        // puts its subject after it ("..., said the spokesman").
        if (
          subj !== undefined && inClause(subj) && subj > pv && subj - pv <= 6 && !claimPassive && !passagePassive && !beforeBe(c, verb) && !beforeBe(p, pv) &&
          ps.tags![pv] === 'VERB' && !SAYING.has(c.tokens[verb].norm) && !SAYING.has(p.tokens[pv].norm) &&
          (obj === undefined || !inClause(obj) || obj > pv) && cs.tags![cs0] !== 'PRON'
        ) {
          return [{ type: 'blocks', message: `the source has ${JSON.stringify(p.tokens[subj].text)} as the object of ${JSON.stringify(p.tokens[pv].text)}` }];
        }
        if (subj === undefined || obj === undefined || subj === obj || !inClause(subj) || !inClause(obj)) continue;
        if (ps.tags![pv] !== 'VERB' && !passagePassive) continue;
        const sameOrder = subj < pv && pv < obj;
        const inverted = obj < pv && pv < subj;
        // The passage uses the verb without an object, the claim's subject in a phrase of a
        // preposition right after it ("a sketch airing on the channel" for "the channel aired a
        // sketch"): the claim's object, which follows its verb directly, is the passage's subject
        // of an intransitive use, not the object of a swapped one. Not when the passage verb has
        // an object of its own ("granted a break to the man"), when the claim's object too follows
        // a preposition ("Leith lost to Northbury"), or for the agent of a passive.
        if (inverted && !claimPassive && !passagePassive && intransitiveBefore(p, ps.tags!, pv, subj) && !obliqueAt(c, cs.tags!, verb, co0)) continue;
        if ((inverted && claimPassive === passagePassive) || (sameOrder && claimPassive !== passagePassive)) {
          return [{ type: 'blocks', message: `the source has ${JSON.stringify(p.tokens[obj].text)} and ${JSON.stringify(p.tokens[subj].text)} in the other roles` }];
        }
      }
    }
    return [];
  },
  examples: [
    // A verb aligned through a looser link than the same verb takes its participants its own
    // way: who died in a crash is what the crash killed.
    { claim: 'All 40 passengers died in the ferry crash in May.', passage: 'It caused the ferry crash in May that killed all 40 passengers on board.', expect: 'none' },
    { claim: 'Hamas backed Fatah in the 2006 election.', passage: 'Fatah backed Hamas in the 2006 election.', expect: 'blocks' },
    { claim: 'Hamas backed Fatah in the 2006 election.', passage: 'Hamas was backed by Fatah in the 2006 election.', expect: 'blocks' },
    { claim: 'Hamas backed Fatah in the 2006 election.', passage: 'Fatah was backed by Hamas in the 2006 election.', expect: 'none' },
    { claim: 'Hamas backed Fatah in the 2006 election.', passage: 'In the 2006 election Hamas backed Fatah.', expect: 'none' },
    { claim: 'The governor criticised the deputy.', passage: 'Police arrested the deputy, who had criticised the governor.', expect: 'blocks' },
    { claim: 'The deputy criticised the governor.', passage: 'Police arrested the deputy, who had criticised the governor.', expect: 'none' },
    { claim: "The governor criticised the mayor's deputy.", passage: "Police arrested the mayor's deputy, who had criticised the governor.", expect: 'blocks' },
    { claim: 'The Greens backed the Labour candidate.', passage: 'Since 2010 the party has backed the Greens and their candidates.', expect: 'blocks' },
    { claim: 'The council praised the mayor.', passage: '"The plan is sound," said the council, which praised the mayor.', expect: 'none' },
    { claim: 'The council praised the mayor.', passage: 'Praised by the press, the council thanked the mayor.', expect: 'none' },
    // A phrase of company shares the act; a phrase of recipient does not.
    { claim: 'Northbury and Leith have fought three elections since 2010.', passage: 'Northbury has fought three elections with Leith since 2010.', expect: 'none' },
    { claim: 'The union pledged support to the council.', passage: 'The council pledged support to the union.', expect: 'blocks' },
    // Another verb, the two participants the other way round.
    { claim: 'The farmers blamed the council for the flooding of the valley.', passage: 'The council attributed the flooding of the valley to the farmers.', expect: 'blocks' },
    { claim: 'The council blamed the farmers for the flooding of the valley.', passage: 'The council attributed the flooding of the valley to the farmers.', expect: 'none' },
    { claim: 'The singer was ranked the best performer of the decade.', passage: 'In 1990 a magazine ranked the singer the best performer of the decade.', expect: 'none' },
    // A passive without agent has no actor after its verb; a verb used without an object
    // has the claim's subject in a phrase of place, not as its object.
    { claim: 'The closure of the bridge is cited in the report as a reason for the delays.', passage: 'The report cited the closure of the bridge as a reason for the delays.', expect: 'none' },
    { claim: 'The regional channel aired a comedy sketch about the mayor in May.', passage: 'A comedy sketch about the mayor airing on the regional channel in May drew complaints.', expect: 'none' },
    { claim: 'The union granted a permit to the council.', passage: 'The council granted a permit to the union.', expect: 'blocks' },
    // After a verb that takes "to", the participants are those of the verb after it.
    { claim: 'The dockers are widely believed to be backing the council.', passage: 'The council is widely believed to be backing the dockers.', expect: 'blocks' },
    { claim: 'The council is widely believed to be backing the dockers.', passage: 'The council is widely believed to be backing the dockers.', expect: 'none' },
    { claim: 'The mayor is trying to persuade the dockers to end the strike.', passage: 'The dockers are trying to persuade the mayor to end the strike.', expect: 'blocks' },
    { claim: 'The reporter granted an interview.', passage: 'The interviewer granted a break to the reporter.', expect: 'blocks' },
    // The verb kept in order lands on a later noun of its stem ("visit"): the passage's verb tells the roles.
    { claim: 'Leith has visited Mayor Mara Vell\'s oldest harbour as she opened a week-long visit to the north.', passage: 'Mayor Mara Vell has visited Leith\'s oldest harbour as she opened a week-long visit to the north.', expect: 'blocks' },
    { claim: 'Mayor Mara Vell has visited Leith\'s oldest harbour as she opened a week-long visit to the north.', passage: 'Mayor Mara Vell has visited Leith\'s oldest harbour as she opened a week-long visit to the north.', expect: 'none' },
  ],
};
