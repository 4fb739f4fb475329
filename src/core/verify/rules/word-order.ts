/**
 * blocks.word-order: who did what to whom where a text is Dutch, which no tagger serves
 * (blocks.swapped-roles needs clause structure, so it reads only English pairs). A Dutch
 * main clause puts its finite verb second; when it opens with its subject (an article, a
 * possessive, a figure or a name first), the words before that verb are the subject's and
 * the words after it the rest of the predicate's, as in an English clause. When the claim's
 * words before its finite verb are backed only after the passage's, and some of its words
 * after it only before the passage's ("De visser helpt de bakker" / "De bakker helpt de visser";
 * "Brightwater verklaart Kessler de oorlog" / "Kessler has declared war on Brightwater"),
 * subject and object are the other way round.
 *
 * Both clauses must open with their subject: a clause that opens with anything else ("Als
 * reactie verklaart Kessler de oorlog aan Brightwater") has its subject after the
 * verb. Passives (a form of "worden", "door" or "by" after the verb; a passive the English
 * tagger finds) are left alone, and so is a clause whose verb the lexicon cannot find.
 */
import type { Rule } from './types';
import type { Prepared } from '../nlp';
import { structureOf, type Clause } from '../structure';
import { getLexicon } from '../../analysis/lexicon';
import { reportSource } from '../slots';

/** Words that open a Dutch or English clause with its subject: articles, demonstratives, possessives, quantifiers. */
const SUBJECT_OPENERS = new Set([
  'de', 'het', 'een', 'één', 'eén', 'deze', 'dit', 'die', 'dat', 'zijn', 'haar', 'hun', 'mijn', 'onze', 'ons', 'elke', 'ieder', 'iedere', 'alle', 'beide', 'veel', 'enkele', 'sommige',
  'the', 'a', 'an', 'this', 'these', 'that', 'those', 'his', 'her', 'their', 'its', 'my', 'our', 'every', 'each', 'all', 'both', 'many', 'some', 'several',
]);
/** Dutch finite forms of auxiliaries and copulas (stop words, so the lexicon test below cannot find them). */
const DUTCH_FINITE = new Set([
  'is', 'zijn', 'was', 'waren', 'ben', 'bent', 'heeft', 'hebben', 'had', 'hadden', 'heb', 'hebt', 'kan', 'kunnen', 'kon', 'konden',
  'zal', 'zullen', 'zou', 'zouden', 'moet', 'moeten', 'moest', 'moesten', 'mag', 'mogen', 'mocht', 'mochten', 'wil', 'willen', 'wilde', 'wilden',
  'gaat', 'gaan', 'ging', 'gingen', 'blijft', 'blijven', 'bleef', 'bleven', 'lijkt', 'lijken', 'leek', 'leken',
]);
const DUTCH_PASSIVE = new Set(['wordt', 'worden', 'werd', 'werden', 'geworden', 'door']);
/** Forms of "be" / "zijn": as the clause's only verb they join two descriptions of one thing, not an agent and a patient. */
const COPULA = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'zijn', 'ben', 'bent', 'waren']);

/** A Dutch word the lexicon reads as a verb and not as a noun. */
function verbOnly(norm: string): boolean {
  const lex = getLexicon()!;
  return lex.synsets(norm, 'nl', 'v', 3).length > 0 && lex.synsets(norm, 'nl', 'n', 3).length === 0;
}

/**
 * A Dutch finite verb: an auxiliary, a word the lexicon reads as a verb and not as a noun,
 * or as both but in the finite form stem + "t" ("likt": the verb likken, not the noun lik).
 */
function dutchFinite(t: Prepared['tokens'][number]): boolean {
  if (DUTCH_FINITE.has(t.norm)) return true;
  if (t.stop) return false;
  if (verbOnly(t.norm)) return true;
  const lex = getLexicon()!;
  return t.norm.length > 3 && t.norm.endsWith('t') && lex.synsets(t.norm, 'nl', 'v', 3).length > 0 && lex.lemmas(t.norm, 'nl').some((l) => l !== t.norm && l.endsWith('en'));
}

/** A capitalized word the lexicon does not know, which a text's first word may be without counting as a name: a name all the same. */
function nameLike(q: Prepared, k: number): boolean {
  const t = q.tokens[k];
  if (t.stop || !/^\p{Lu}/u.test(t.text)) return false;
  const lex = getLexicon();
  return !!lex && lex.lemmas(t.norm, q.lang === 'nl' ? 'nl' : 'en').length === 0;
}

/** Whether tokens from..to hold a verb (tagged) or, untagged, a Dutch finite verb. */
function hasVerb(q: Prepared, from: number, to: number): boolean {
  const tags = structureOf(q).tags;
  for (let k = from; k <= to; k++) {
    if (tags ? tags[k] === 'VERB' || tags[k] === 'AUX' : dutchFinite(q.tokens[k])) return true;
  }
  return false;
}

/**
 * The clause holding most of the given tokens (ties: the earlier one), reaching back over
 * the verbless clauses right before it: a subject that a parenthesis or an apposition cut off
 * from its verb ("The Kessler group (KG) has declared ...").
 */
function clauseOfMost(q: Prepared, toks: number[]): Clause | undefined {
  const st = structureOf(q);
  const votes = new Map<number, number>();
  for (const k of toks) votes.set(st.clauseOf[k], (votes.get(st.clauseOf[k]) ?? 0) + 1);
  let best = -1;
  let most = 0;
  for (const [ci, n] of votes) if (n > most || (n === most && ci < best)) (best = ci), (most = n);
  if (best < 0) return undefined;
  let first = best;
  if (hasVerb(q, st.clauses[best].from, st.clauses[best].from)) while (first > 0 && !hasVerb(q, st.clauses[first - 1].from, st.clauses[first - 1].to)) first--;
  return first === best ? st.clauses[best] : { ...st.clauses[best], from: st.clauses[first].from };
}

/** The index of the clause's finite verb when the clause opens with its subject; undefined when it does not or is passive. */
function finiteAfterSubject(q: Prepared, cl: Clause): number | undefined {
  const first = q.tokens[cl.from];
  if (!SUBJECT_OPENERS.has(first.norm) && first.name === undefined && first.num === undefined && !nameLike(q, cl.from)) return undefined;
  const st = structureOf(q);
  if (st.tags) {
    // English: the first verb or auxiliary; no passive.
    if (cl.passiveVerbs.length) return undefined;
    for (let k = cl.from + 1; k <= cl.to; k++) {
      if (st.tags[k] === 'VERB' || st.tags[k] === 'AUX') {
        for (let j = k; j <= cl.to; j++) if (q.tokens[j].norm === 'by' && st.tags[j] === 'ADP' && j > k) return undefined;
        if (COPULA.has(q.tokens[k].norm) && !st.tags.slice(k + 1, cl.to + 1).includes('VERB')) return undefined;
        return k;
      }
    }
    return undefined;
  }
  if (q.lang !== 'nl' || !getLexicon()) return undefined;
  let verb: number | undefined;
  for (let k = cl.from + 1; k <= cl.to && verb === undefined; k++) {
    const t = q.tokens[k];
    if (t.name === undefined && t.num === undefined && t.date === undefined && dutchFinite(t)) verb = k;
  }
  if (verb === undefined) return undefined;
  for (let k = cl.from; k <= cl.to; k++) if (DUTCH_PASSIVE.has(q.tokens[k].norm)) return undefined;
  // A form of "zijn" needs a main verb after it.
  if (COPULA.has(q.tokens[verb].norm) && !q.tokens.slice(verb + 1, cl.to + 1).some((t) => !t.stop && t.name === undefined && verbOnly(t.norm))) return undefined;
  return verb;
}

export const wordOrder: Rule = {
  id: 'blocks.word-order',
  stage: 'contrast',
  summary: 'subject and object the other way round around the finite verb, where a text is Dutch',
  run(ctx) {
    const { c, p, pos } = ctx;
    if (c.lang !== 'nl' && p.lang !== 'nl') return [];
    // The claim's backed words and names (first token of each), less the source of a report
    // ("volgens Site", "according to Site", "Site reported that"): no participant of the act.
    const pairs: Array<[number, number]> = [];
    for (const u of ctx.units) {
      if ((u.kind !== 'word' && u.kind !== 'name') || ctx.state.get(u) === 'miss') continue;
      const t = u.tokens[0];
      const k = pos.get(t) ?? ctx.namePos.get(u)?.[0];
      if (k === undefined || reportSource(c, u.tokens) || reportSource(p, p.tokens[k].name !== undefined ? p.names[p.tokens[k].name!].tokens : [k])) continue;
      pairs.push([t, k]);
    }
    if (pairs.length < 2) return [];
    const cc = clauseOfMost(c, pairs.map(([t]) => t));
    const pc = clauseOfMost(p, pairs.map(([, k]) => k));
    if (!cc || !pc) return [];
    const cv = finiteAfterSubject(c, cc);
    const pv = finiteAfterSubject(p, pc);
    if (cv === undefined || pv === undefined) return [];
    let subjectToObject = 0;
    let objectToSubject = 0;
    let subjectKept = 0;
    for (const [t, k] of pairs) {
      if (t === cv || k === pv || t < cc.from || t > cc.to || k < pc.from || k > pc.to) continue;
      const cs = t < cv;
      const ps = k < pv;
      if (cs && ps) subjectKept++;
      else if (cs) subjectToObject++;
      else if (ps) objectToSubject++;
    }
    if (!subjectToObject || !objectToSubject || subjectKept) return [];
    return [{ type: 'blocks', message: `the source has ${JSON.stringify(p.tokens.slice(pc.from, pv).filter((x) => !x.stop).map((x) => x.text).join(' '))} as the subject` }];
  },
  examples: [
    { claim: 'De visser helpt de bakker op de markt.', passage: 'De bakker helpt de visser op de markt.', lang: 'nl', expect: 'blocks' },
    { claim: 'De bakker helpt de visser op de markt.', passage: 'De bakker helpt de visser op de markt.', lang: 'nl', expect: 'none' },
    // Across languages: the English passage read by its tags, the Dutch claim by its word order.
    { claim: 'Brightwater verklaart Kessler de oorlog.', passage: 'Kessler has declared war on Brightwater.', lang: 'nl', passageLang: 'en', expect: 'blocks' },
    { claim: 'Kessler verklaart Brightwater de oorlog.', passage: 'Kessler has declared war on Brightwater.', lang: 'nl', passageLang: 'en', expect: 'none' },
    // A clause that opens with an adverbial has its subject after the verb: left alone.
    { claim: 'De Havenraad verklaart de Leith Unie de oorlog.', passage: 'Als reactie verklaart de Havenraad de Leith Unie de oorlog.', lang: 'nl', expect: 'none' },
    // A clause of "be" joins two descriptions of one thing; the source of a report is no participant.
    { claim: 'Brightwater names Kessler as the narrator of the film.', passage: 'De verteller van de film is volgens Brightwater Kessler.', passageLang: 'nl', expect: 'none' },
    // A subject that a parenthesis cut off from its verb.
    { claim: 'Brightwater verklaart Kessler de oorlog.', passage: 'The Kessler group (KG) has declared war on Brightwater.', lang: 'nl', passageLang: 'en', expect: 'blocks' },
    // A passive is left alone.
    { claim: 'De hond wordt door de baby gelikt.', passage: 'Een hond likt een baby.', lang: 'nl', expect: 'none' },
  ],
};
