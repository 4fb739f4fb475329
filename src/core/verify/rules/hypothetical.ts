/**
 * blocks.hypothetical: the passage states as a possibility, an intention or a condition
 * ("the group could attack the city", "if the talks fail", "dreigde aan te vallen") what
 * the claim states as a fact: the clause that holds the claim's aligned predicate is
 * modal or conditional in the passage and not in the claim. Word lists (English and
 * Dutch modals, conditional conjunctions) in structure.ts. The speaker's own account ("says
 * it does so for", structure.ts Clause.account) refuses a claim any of whose words the
 * passage has only inside it, unless the claim tells of the saying.
 */
import type { Rule } from './types';
import { ADVERBIAL, allegation, attributes, reportsAt, structureOf, type Clause } from '../structure';
import type { Prepared } from '../nlp';
import { findToken, verbUnder } from '../match';
import { SAYING } from '../slots';

/**
 * Hedges a claim may use: a claim that says something may happen does not say it did, so a
 * source's possibility does not refuse it (structure.ts leaves these out of its modal words:
 * in a source they qualify a finding more often than they deny it happened).
 */
const HEDGE = new Set(['may', 'can', 'possibly', 'perhaps', 'potentially', 'likely', 'kan', 'kunnen', 'kon', 'konden', 'mogelijk', 'misschien', 'wellicht']);
function hedged(c: Prepared, from: number, to: number): boolean {
  for (let k = from; k <= to; k++) if (HEDGE.has(c.tokens[k].norm) && c.tokens[k].date === undefined && c.tokens[k].name === undefined) return true;
  return false;
}

/** Words that say a thing will happen: a claim's own says no more than a source's. */
const FUTURE = new Set(['will', 'shall', 'would', 'zal', 'zullen', 'zou', 'zouden']);
const CLAIM_FUTURE = new Set(['will', 'shall', 'zal', 'zullen']);
function foretells(c: Prepared, cl: Clause): boolean {
  return cl.modalCue !== undefined && CLAIM_FUTURE.has(c.tokens[cl.modalCue].norm);
}

/** WordNet's verbs of telling: a claim verb under one of these (first two senses) tells what someone says. */
const TELLING = ['communicate', 'express', 'state', 'inform'];
/** Whether the claim tells of someone's saying: a verb of saying, an allegation, or a verb WordNet puts under communicating. */
function tellsOfSaying(c: Prepared): boolean {
  const tags = structureOf(c).tags;
  return c.tokens.some(
    (t, i) => t.name === undefined && (SAYING.has(t.norm) || allegation(t.norm) || ((!tags || tags[i] === 'VERB') && !t.stop && verbUnder(t.norm, c.lang, TELLING))),
  );
}

export const hypothetical: Rule = {
  id: 'blocks.hypothetical',
  stage: 'contrast',
  summary: 'the passage says it could or would happen, the claim that it did',
  run(ctx) {
    const { c, p, pos } = ctx;
    const cs = structureOf(c);
    const ps = structureOf(p);
    // Aligned claim words (not names, figures or dates) by passage clause.
    const votes = new Map<number, number>();
    // Passage clauses that take words of a claim clause that itself hedges or reports at
    // second hand ("reportedly resigned" for the reportative "zou zijn afgetreden", "may
    // destabilize" for "has the potential to destabilize"): the claim says no more there.
    const claimModalIn = new Set<number>();
    // Those that take words of a claim clause that itself reports at second hand: only such a
    // claim says no more than a source's "allegedly" (a claim's "would" does not).
    const claimReportsIn = new Set<number>();
    // Those that take words of a claim clause that says it will happen: that says no more
    // than a source's "will" or "would", but more than its "could" or "has the potential to".
    const claimForetellsIn = new Set<number>();
    let aligned = 0;
    for (const u of ctx.units) {
      if (u.kind !== 'word' || ctx.state.get(u) !== 'match') continue;
      const t = u.tokens[0];
      const k = pos.get(t);
      if (k === undefined) continue;
      const cc = cs.clauses[cs.clauseOf[t]];
      const ci = ps.clauseOf[k];
      if (cc && ((cc.modal && !foretells(c, cc)) || cc.reportative || hedged(c, cc.from, cc.to))) claimModalIn.add(ci);
      if (cc && foretells(c, cc)) claimForetellsIn.add(ci);
      if (cc?.reportative) claimReportsIn.add(ci);
      votes.set(ci, (votes.get(ci) ?? 0) + 1);
      aligned++;
    }
    // A claim that tells of an allegation itself ("Besides accusing the council of ...",
    // "Accusations have been made that ...") is not refused by the source's allegation.
    if (c.tokens.some((t) => t.name === undefined && allegation(t.norm))) return [];
    // A claim word the passage has only inside the speaker's own account ("says it does so
    // for collaboration with Israel" for "... had collaborated with Israel"): the claim
    // states as a fact what the source gives as the speaker's word, however many of the
    // claim's other words the passage states itself.
    const accounts = ps.clauses.filter((x) => x.account);
    // (Asked at most once: WordNet lookups for every claim verb.)
    let tells: boolean | undefined;
    const claimTells = () => (tells ??= tellsOfSaying(c));
    if (accounts.length > 0 && !claimTells()) {
      const inAccount = (k: number) => accounts.some((x) => k > x.modalCue! && k <= x.to);
      for (const u of ctx.units) {
        if (u.kind !== 'word' || ctx.state.get(u) !== 'match') continue;
        const hits = findToken(c.tokens[u.tokens[0]], c, p);
        if (hits.length > 0 && hits.every(inAccount)) {
          const cue = p.tokens[accounts.find((x) => inAccount(hits[0]))!.modalCue!];
          return [{ type: 'blocks', message: `the source states it as the speaker's own account (${JSON.stringify(cue.text)})` }];
        }
      }
    }
    if (aligned < 2) return [];
    // The clause holding most of the aligned words.
    let best = -1;
    let most = 0;
    for (const [ci, n] of votes) if (n > most || (n === most && ci < best)) (best = ci), (most = n);
    if (best < 0) return [];
    // No clause holds most of them: only the main verb's clause (below) can tell.
    const scattered = most * 2 < aligned;
    let cl: Clause | undefined = scattered ? undefined : ps.clauses[best];
    // A passage clause that attributes what it says to someone's intention, call or
    // allegation (not a possibility or a condition).
    const attributing = (x: Clause | undefined) => x?.modalCue !== undefined && (x.account === true || attributes(p.tokens[x.modalCue].norm));
    if (!cl?.modal && cs.tags) {
      // Two clauses hold as many: one that has the claim's verb and attributes it tells what
      // the claim states ("a man who the group claims worked with ..." for "The man had
      // worked with ...").
      for (const [ci, n] of votes) {
        if (scattered || n !== most || ci === best || !attributing(ps.clauses[ci])) continue;
        const holdsVerb = [...pos.entries()].some(([t, k]) => cs.tags![t] === 'VERB' && !c.tokens[t].stop && ps.clauseOf[k] === ci);
        if (holdsVerb) cl = ps.clauses[ci];
      }
      // However few words that clause holds: the claim's main verb found only as what someone
      // vows, urges or alleges ("prisoners held in the harbour jail, whom the militia vowed to
      // free" for "the militia freed the prisoners held in the harbour jail").
      // The main verb: the first of the first main clause that has one ("The US and its allies
      // have provided ..." splits at "and" before the verb; an adverbial or relative clause
      // is not the main one).
      const isMain = (v: number) => !c.tokens[v].stop && ctx.units.some((u) => u.kind === 'word' && u.tokens.includes(v));
      const mainClause = cs.clauses.find((x) => x.antecedent === undefined && !ADVERBIAL.has(c.tokens[x.from].norm) && x.verbs.some(isMain));
      const main = mainClause?.verbs.find(isMain);
      const k = main !== undefined ? pos.get(main) : undefined;
      const vc = k !== undefined ? ps.clauses[ps.clauseOf[k]] : undefined;
      if (!cl?.modal && attributing(vc) && findToken(c.tokens[main!], c, p).every((j) => ps.clauses[ps.clauseOf[j]]?.modal)) cl = vc!;
    }
    if (!cl?.modal) return [];
    // The speaker's own account is refused only to a claim that gives it as a fact: one that
    // tells what someone says or claims ("Hamas says ...", tellsOfSaying) does not.
    if (cl.account && claimTells()) return [];
    const at = ps.clauses.indexOf(cl);
    const reported = cl.modalCue !== undefined && reportsAt(p, cl.modalCue);
    if (reported ? claimReportsIn.has(at) : claimModalIn.has(at)) return [];
    if (!reported && claimForetellsIn.has(at) && cl.modalCue !== undefined && FUTURE.has(p.tokens[cl.modalCue].norm)) return [];
    const cue = cl.modalCue !== undefined ? p.tokens[cl.modalCue] : undefined;
    const what = cue && allegation(cue.norm) ? "someone's allegation" : cl.account ? "the speaker's own account" : reported ? 'a report it does not vouch for' : 'a possibility or condition';
    return [{ type: 'blocks', message: `the source states it as ${what}${cue ? ` (${JSON.stringify(cue.text)})` : ''}` }];
  },
  examples: [
    { claim: 'The group attacked the city on Monday.', passage: 'Officials said the group could attack the city on Monday.', expect: 'blocks' },
    { claim: 'De groep viel de stad aan op maandag.', passage: 'De groep dreigde de stad aan te vallen op maandag.', lang: 'nl', expect: 'blocks' },
    { claim: 'The group attacked the city on Monday.', passage: 'The group attacked the city on Monday, officials said.', expect: 'none' },
    { claim: 'The group could attack the city.', passage: 'Officials said the group could attack the city.', expect: 'none' },
    { claim: 'The group freed the prisoners.', passage: 'The group vowed to free the prisoners.', expect: 'blocks' },
    // With an object, a verb of intention states an act: "pledged allegiance to", "zwoer trouw aan".
    { claim: 'The militia swore allegiance to the council in May.', passage: 'In May the militia pledged allegiance to the council.', expect: 'none' },
    { claim: 'De militie betuigde trouw aan de raad in mei.', passage: 'In mei zwoer de militie trouw aan de raad.', lang: 'nl', expect: 'none' },
    { claim: 'De groep bevrijdde de gevangenen.', passage: 'De groep zwoer de gevangenen te bevrijden.', lang: 'nl', expect: 'blocks' },
    // A call on others, a noun of possibility: no one is said to have done it.
    { claim: 'The union members blocked the harbour gates.', passage: 'The union urged its members to block the harbour gates.', expect: 'blocks' },
    { claim: 'The union members blocked the harbour gates.', passage: 'The union calls on its members to block the harbour gates.', expect: 'blocks' },
    { claim: 'De leden blokkeerden de poorten van de haven.', passage: 'De bond roept de leden op om de poorten van de haven te blokkeren.', lang: 'nl', expect: 'blocks' },
    { claim: 'The storm flooded the lower town.', passage: 'Engineers say the storm has the potential to flood the lower town.', expect: 'blocks' },
    // A claim that says it will happen says more than a possibility, no more than a forecast.
    { claim: 'Engineers say the storm will flood the lower town.', passage: 'Engineers say the storm has the potential to flood the lower town.', expect: 'blocks' },
    { claim: 'Engineers say the storm will flood the lower town.', passage: 'Engineers say the storm could flood the lower town.', expect: 'blocks' },
    { claim: 'Engineers say the storm will flood the lower town.', passage: 'Engineers say the storm will flood the lower town.', expect: 'none' },
    { claim: 'Engineers said the storm will flood the lower town.', passage: 'Engineers said the storm would flood the lower town.', expect: 'none' },
    { claim: 'Volgens ingenieurs zal de storm de benedenstad overstromen.', passage: 'Volgens ingenieurs kan de storm de benedenstad overstromen.', lang: 'nl', expect: 'blocks' },
    // A Dutch "dat" clause after a modal verb is what could happen ("kan ervoor zorgen dat").
    { claim: 'De storm heeft de benedenstad van Leith overstroomd.', passage: 'Volgens ingenieurs kan de storm ervoor zorgen dat de benedenstad van Leith overstroomt.', lang: 'nl', expect: 'blocks' },
    { claim: 'De storm heeft de benedenstad van Leith overstroomd.', passage: 'Volgens ingenieurs heeft de storm ervoor gezorgd dat de benedenstad van Leith overstroomt.', lang: 'nl', expect: 'none' },
    // Someone's allegation: a verb of alleging before a verb or "that", "accused of", the nouns.
    { claim: 'The man had worked with the militia.', passage: 'The video shows a man who the group claims worked with the militia.', expect: 'blocks' },
    { claim: 'The ministers provided funds to the militia.', passage: 'The ministers have repeatedly been accused of providing funds to the militia.', expect: 'blocks' },
    // The words the allegation takes are spread over clauses ("and air cover ..." reads as a clause of its own); the main verb's clause tells.
    { claim: 'The ministers have provided funds and air cover to the militia in the north.', passage: 'The ministers, who have been visiting the north, have repeatedly been accused of providing funds and air cover for the militia.', expect: 'blocks' },
    { claim: 'The ministers have provided funds and air cover to the militia in the north.', passage: 'The ministers, who have been visiting the north, have repeatedly provided funds and air cover for the militia.', expect: 'none' },
    { claim: 'Accusations have been made that the ministers provided funds and air cover to the militia.', passage: 'The ministers, who have been visiting the north, have repeatedly been accused of providing funds and air cover for the militia.', expect: 'none' },
    { claim: 'The council closed a school in the old town.', passage: 'The arrests followed claims by the group that the council had closed a school in the old town.', expect: 'blocks' },
    { claim: 'The group was behind the blast at the depot.', passage: 'On Monday the group claimed responsibility for the blast at the depot.', expect: 'none' },
    // As many aligned words in the clause that names the group as in the clause of its promise.
    { claim: 'The Harbour Front, the northern wing of the group, has carried out attacks against the port.', passage: 'The statement says that the Harbour Front, the northern wing of the group, promised to carry out attacks against the port.', expect: 'blocks' },
    // The claim's main verb only as what someone vows, in a clause with fewer aligned words.
    { claim: 'The militia freed the prisoners held in the harbour jail.', passage: 'The statement also mentioned prisoners held in the harbour jail, whom the militia vowed to free.', expect: 'blocks' },
    { claim: 'The militia freed the prisoners held in the harbour jail.', passage: 'The statement also mentioned prisoners held in the harbour jail, whom the militia freed on Monday.', expect: 'none' },
    // A source that reports at second hand ("allegedly", "verluidt") does not state it; a
    // claim's own "would" in that clause does not make it say as little.
    { claim: 'The militia sent warnings to residents that it would shell the area.', passage: 'The militia allegedly sent warnings to residents that it would shell the area.', expect: 'blocks' },
    { claim: 'De militie stuurde waarschuwingen naar de bewoners van de wijk.', passage: 'De militie stuurde verluidt waarschuwingen naar de bewoners van de wijk.', lang: 'nl', expect: 'blocks' },
    { claim: 'The militia reportedly sent warnings to residents that it would shell the area.', passage: 'The militia allegedly sent warnings to residents that it would shell the area.', expect: 'none' },
    // So does a passive verb of saying or believing before "to" ("is widely believed to").
    { claim: 'The council funds the militia in the north.', passage: 'The council is widely believed to be funding the militia in the north.', expect: 'blocks' },
    { claim: 'The clerk is said to have sold the ledgers to the council.', passage: 'The clerk is believed to have sold the ledgers to the council.', expect: 'none' },
    { claim: 'The council believed the militia in the north.', passage: 'The council said the militia in the north was funded.', expect: 'none' },
    // The speaker's own account ("says it does so for", "saying they had met"): a claim that
    // states it as a fact is refused, even where the passage states the rest itself; one that
    // tells what the speaker says is not, nor is what the passage states outside the account.
    { claim: 'The guards searched the ferries because of smuggling from Leith.', passage: 'The guards have searched the ferries at the north quay, but say they do so because of smuggling from Leith.', expect: 'blocks' },
    { claim: 'The militia met the council\'s requirements for funding.', passage: 'The militia asked the council for funding, saying they had met the requirements for funding.', expect: 'blocks' },
    { claim: 'The guards say they search the ferries because of smuggling from Leith.', passage: 'The guards have searched the ferries at the north quay, but say they do so because of smuggling from Leith.', expect: 'none' },
    { claim: 'The guards have searched the ferries at the north quay.', passage: 'The guards have searched the ferries at the north quay, but say they do so because of smuggling from Leith.', expect: 'none' },
    { claim: 'The ferry sank because of smuggling from Leith.', passage: 'The guards said the ferry sank because of smuggling from Leith.', expect: 'none' },
    // A claim that itself hedges is not refused by the source's possibility.
    { claim: 'The storm may flood the lower town.', passage: 'Engineers say the storm has the potential to flood the lower town.', expect: 'none' },
    { claim: 'The union calls on its members to block the harbour gates.', passage: 'The union urged its members to block the harbour gates.', expect: 'none' },
    { claim: 'The minister had reportedly resigned before the vote.', passage: 'De minister zou voor de stemming zijn afgetreden.', passageLang: 'nl', expect: 'none' },
  ],
};

