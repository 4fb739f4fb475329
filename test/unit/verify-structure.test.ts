/**
 * The five ways a passage that shares every word of a claim may still not back it
 * (issue "Verdicts a fact-checker can trust"): a figure of another event, swapped roles,
 * a name replaced in the same slot, the date of a neighbouring event, a condition. Each
 * through the whole engine, with the verdict and the rule that decides it.
 */
import { strict as assert } from 'node:assert';
import { createEngine } from '../../src/core/engine';
import type { Finding } from '../../src/core/types';
import { prepare } from '../../src/core/verify/nlp';
import { structureOf } from '../../src/core/verify/structure';

const enc = (s: string) => new TextEncoder().encode(s);
const engine = createEngine();
engine.upsertSource('sources/flood.txt', enc('Flood and fire\n\nThe 2010 flood killed 12 passengers on a ferry near the harbour, and a fire a year later killed over 30 people in the old market.'));
engine.upsertSource('sources/vote.txt', enc('Vote\n\nThe Labour Party backed the Green Party in the 2019 election, officials said.'));
engine.upsertSource('sources/talks.txt', enc('Talks\n\nThe minister met the ambassador of France in Geneva, while the envoy of Spain met him in Vienna.'));
engine.upsertSource('sources/week.txt', enc('Week\n\nBy Thursday police had arrested two men in the capital. The attacks on Friday killed five people near the station.'));
engine.upsertSource('sources/harbour.txt', enc('Harbour\n\nThe port is a town that the Navy has held since it defeated rebel forces near the river, officials said.'));
engine.upsertSource('sources/blast.txt', enc('Blast\n\nThe Fire Service sent 200 rescuers to the building in Eastmoor. The Harbour Authority said gas was the trigger for the disaster.'));
engine.upsertSource('sources/court.txt', enc('Court\n\nThe appeal was heard in March, and the Supreme Court ruled the governor lacked authority to move the election. The governor said in April that the Supreme Court lacked authority over the date of the election.'));
engine.upsertSource('sources/retail.txt', enc('Retail\n\nBoth Hollis and Marren entered the Danish market in 1995. Hollis stated its intention to leave the Danish market altogether, Marren its intention to strengthen its chain in Denmark.'));
engine.upsertSource('sources/storm.txt', enc('Storm weakens\n\nTuesday, July 23, 2019\n\nThe storm was first detected on Sunday near the Bahamas. By Tuesday morning it had dissipated.'));
engine.upsertSource('sources/leak.txt', enc('Leak\n\nThe data sat on servers run by Valecrest Hosting for months. Kestrel Labs sent an email to Orbin Media on January 10, but received no response.'));
engine.upsertSource('sources/warned.txt', enc('Warnings\n\nThe Harbour Militia allegedly sent warnings to residents of Eastmoor that it would shell the district.'));
engine.upsertSource('sources/cond.txt', enc('Threat\n\nThe militia threatened to close the border crossing at Rafah if the talks failed.'));

async function check(text: string): Promise<Finding> {
  const f = (await engine.check(text, { format: 'plaintext' }))[0];
  assert.ok(f, `a finding for ${text}`);
  return f;
}

describe('verify: structure decides which words a value belongs to', () => {
  it("a figure the passage gives for another subject's event does not back the claim", async () => {
    const f = await check('The 2010 flood killed 40 people.');
    assert.equal(f.verdict, 'unsupported');
    assert.ok(f.rules?.includes('role.figure-clause'), JSON.stringify(f.rules));
    assert.equal((await check('The 2010 flood killed 12 passengers.')).verdict, 'supported');
  });
  it('swapped roles: who backed whom', async () => {
    const f = await check('The Green Party backed the Labour Party in the 2019 election.');
    assert.notEqual(f.verdict, 'supported');
    assert.ok(f.rules?.includes('blocks.swapped-roles'), JSON.stringify(f.rules));
    assert.equal((await check('The Labour Party backed the Green Party in the 2019 election.')).verdict, 'supported');
  });
  it("swapped roles: the claim's subject is the passage's object, whose subject is a pronoun", async () => {
    const f = await check('Rebel forces defeated the Navy near the river.');
    assert.notEqual(f.verdict, 'supported');
    assert.ok(f.rules?.includes('blocks.swapped-roles'), JSON.stringify(f.rules));
    assert.equal((await check('The Navy defeated rebel forces near the river.')).verdict, 'supported');
    // A passive claim keeps the passage's object as its subject.
    assert.equal((await check('Rebel forces were defeated near the river.')).verdict, 'supported');
  });
  it('a name replaced in its slot while the passage names it elsewhere is a conflict with both names', async () => {
    const f = await check('The minister met the ambassador of Spain in Geneva.');
    assert.equal(f.verdict, 'conflict');
    assert.equal(f.reasons[0].sourceValue, 'France');
    assert.equal(f.reasons[0].claimValue, 'Spain');
  });
  it('a name the previous sentence gives does not back the claim where this sentence names another one at its place', async () => {
    const f = await check('The Fire Service said gas was the trigger for the disaster.');
    // Not backed by the earlier sentence: the name at its place differs (conflict.name says which).
    assert.equal(f.verdict, 'conflict', JSON.stringify(f.reasons));
    assert.match(f.reasons.map((r) => r.message).join(' '), /Harbour Authority.*Fire Service/);
    assert.equal((await check('The Harbour Authority said gas was the trigger for the disaster.')).verdict, 'supported');
    assert.equal((await check('The Fire Service sent 200 rescuers to the building.')).verdict, 'supported');
  });
  it("a name's place is told by the figures and dates around it too", async () => {
    const f = await check('Kestrel Labs sent an email to Valecrest Hosting on January 10.');
    assert.notEqual(f.verdict, 'supported', JSON.stringify(f.rules));
    assert.equal((await check('Kestrel Labs sent an email to Orbin Media on January 10.')).verdict, 'supported');
  });
  it('a sentence with the roles swapped lends nothing to support pieced together from its neighbours', async () => {
    // The sentence that says it has the roles the other way round; the next sentence has
    // the same words about something else. Together they must not back the swap.
    const f = await check('The governor ruled the Supreme Court lacked authority to move the election.');
    assert.notEqual(f.verdict, 'supported', JSON.stringify(f.rules));
    assert.equal((await check('The Supreme Court ruled the governor lacked authority to move the election.')).verdict, 'supported');
  });
  it('two names in each other\'s place are not backed, alone or with the next sentence', async () => {
    const f = await check('Both Hollis and Danish entered the Marren market in 1995.');
    assert.notEqual(f.verdict, 'supported', JSON.stringify(f.rules));
    assert.equal((await check('Both Hollis and Marren entered the Danish market in 1995.')).verdict, 'supported');
  });
  it("a weekday the source places by its own date still contradicts another weekday (not the year it was given)", async () => {
    const f = await check('The storm was first detected on Friday near the Bahamas.');
    assert.equal(f.verdict, 'conflict', JSON.stringify(f.reasons));
    assert.match(f.reasons.map((r) => r.message).join(' '), /Sunday.*Friday/);
    assert.equal((await check('The storm was first detected on Sunday near the Bahamas.')).verdict, 'supported');
    // The year placed by the document's date backs, but does not contradict, a year.
    assert.notEqual((await check('The storm was first detected in 2018 near the Bahamas.')).verdict, 'conflict');
  });
  it("the weekday of a neighbouring event is not the claim's date", async () => {
    const f = await check('The attacks on Thursday killed five people near the station.');
    assert.equal(f.verdict, 'conflict');
    assert.equal(f.reasons[0].sourceValue, 'Friday');
  });
  it('what a source reports at second hand ("allegedly") does not back the plain statement', async () => {
    const f = await check('The Harbour Militia sent warnings to residents of Eastmoor that it would shell the district.');
    assert.equal(f.verdict, 'unsupported');
    assert.ok(f.rules?.includes('blocks.hypothetical'), JSON.stringify(f.rules));
    assert.match(f.reasons.map((r) => r.message).join(' '), /allegation \("allegedly"\)/);
    assert.equal((await check('The Harbour Militia reportedly sent warnings to residents of Eastmoor that it would shell the district.')).verdict, 'supported');
  });
  it('a threat under a condition does not back the act', async () => {
    const f = await check('The militia closed the border crossing at Rafah.');
    assert.equal(f.verdict, 'unsupported');
    assert.ok(f.rules?.includes('blocks.hypothetical'), JSON.stringify(f.rules));
  });
});

describe('verify: the noun a figure counts after a verb of counting', () => {
  const SOURCE = 'Militia\n\nIts fighters, which number in the thousands, include former sailors from Leith and dock workers from Eastmoor.\n';
  it('"thousands" counts the fighters, not the former sailors among them', async () => {
    const e = createEngine();
    e.upsertSource('sources/militia.txt', enc(SOURCE));
    const [f] = await e.check('Thousands of former sailors from Leith and dock workers from Eastmoor are fighters.', { format: 'plaintext' });
    assert.notEqual(f.verdict, 'supported', JSON.stringify(f.reasons));
    const [g] = await e.check('Its fighters number in the hundreds.', { format: 'plaintext' });
    assert.equal(g.verdict, 'conflict', JSON.stringify(g.reasons));
  });
});

describe('verify: "a few hundred" against "in the thousands"', () => {
  it('a small vague amount of hundreds contradicts a figure in the thousands for the same noun', async () => {
    const e = createEngine();
    e.upsertSource('sources/club.txt', enc('Harbour Club\n\nThe members of the Harbour Club, which number in the thousands, come from across the region.\n'));
    const [f] = await e.check('The Harbour Club has only a few hundred members.', { format: 'plaintext' });
    assert.equal(f.verdict, 'conflict', JSON.stringify(f.reasons));
    assert.match(f.reasons[0].message, /thousands/);
  });
});

describe('structure: the complement of a Dutch modal verb', () => {
  it('a "dat" clause after "kan" is a clause of its own, and modal; after "het niet kunnen" (the infinitive as a noun) it is not', () => {
    const modalOf = (text: string, word: string) => {
      const p = prepare(text, 'nl');
      const st = structureOf(p);
      return st.clauses[st.clauseOf[p.tokens.findIndex((t) => t.norm === word)]].modal;
    };
    assert.equal(modalOf('Volgens ingenieurs kan de storm ervoor zorgen dat de benedenstad van Leith overstroomt.', 'overstroomt'), true);
    assert.equal(modalOf('Volgens ingenieurs heeft de storm ervoor gezorgd dat de benedenstad van Leith overstroomt.', 'overstroomt'), false);
    const noun = prepare('Het niet kunnen verhinderen dat de raad de haven sloot, is het verwijt aan de burgemeester.', 'nl');
    const at = (w: string) => structureOf(noun).clauseOf[noun.tokens.findIndex((t) => t.norm === w)];
    assert.equal(at('sloot'), at('verhinderen'));
    assert.equal(modalOf(noun.text, 'sloot'), false);
  });
});
