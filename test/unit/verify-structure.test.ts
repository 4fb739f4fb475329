/**
 * The five ways a passage that shares every word of a claim may still not back it
 * (issue "Verdicts a fact-checker can trust"): a figure of another event, swapped roles,
 * a name replaced in the same slot, the date of a neighbouring event, a condition. Each
 * through the whole engine, with the verdict and the rule that decides it.
 */
import { strict as assert } from 'node:assert';
import { createEngine } from '../../src/core/engine';
import type { Finding } from '../../src/core/types';

const enc = (s: string) => new TextEncoder().encode(s);
const engine = createEngine();
engine.upsertSource('sources/flood.txt', enc('Flood and fire\n\nThe 2010 flood killed 12 passengers on a ferry near the harbour, and a fire a year later killed over 30 people in the old market.'));
engine.upsertSource('sources/vote.txt', enc('Vote\n\nThe Labour Party backed the Green Party in the 2019 election, officials said.'));
engine.upsertSource('sources/talks.txt', enc('Talks\n\nThe minister met the ambassador of France in Geneva, while the envoy of Spain met him in Vienna.'));
engine.upsertSource('sources/week.txt', enc('Week\n\nBy Thursday police had arrested two men in the capital. The attacks on Friday killed five people near the station.'));
engine.upsertSource('sources/harbour.txt', enc('Harbour\n\nThe port is a town that the Navy has held since it defeated rebel forces near the river, officials said.'));
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
  it("the weekday of a neighbouring event is not the claim's date", async () => {
    const f = await check('The attacks on Thursday killed five people near the station.');
    assert.equal(f.verdict, 'conflict');
    assert.equal(f.reasons[0].sourceValue, 'Friday');
  });
  it('a threat under a condition does not back the act', async () => {
    const f = await check('The militia closed the border crossing at Rafah.');
    assert.equal(f.verdict, 'unsupported');
    assert.ok(f.rules?.includes('blocks.hypothetical'), JSON.stringify(f.rules));
  });
});
