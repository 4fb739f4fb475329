/**
 * Dutch separable verbs (verify/nlp.ts, joinSeparableVerbs): the particle at the end of
 * the clause ("eiste ... op", "omver te werpen") joins its verb, so the verb means what the
 * whole verb means (opeisen: claim; omverwerpen: overthrow) and the particle is no content
 * word of its own. English phrasal verbs ("stepped down", "carry out") get the senses of
 * WordNet's multiword verb the same way. Invented sentences.
 */
import { strict as assert } from 'node:assert';
import { createEngine } from '../../src/core/engine';
import { prepare } from '../../src/core/verify/nlp';

const enc = (s: string) => new TextEncoder().encode(s);

function shared(a: { concepts: string[] }, b: { concepts: string[] }): boolean {
  return a.concepts.some((c) => c.startsWith('w') && b.concepts.includes(c));
}

describe('verify: Dutch separable verbs', () => {
  it('"omver te werpen" means overthrow, and the particle is no content word', () => {
    const nl = prepare('De rebellen dreigden de regering omver te werpen.', 'nl');
    const en = prepare('The rebels threatened to overthrow the government.', 'en');
    const werpen = nl.tokens.find((t) => t.norm === 'werpen')!;
    assert.ok(shared(werpen, en.tokens.find((t) => t.norm === 'overthrow')!), 'werpen with omver shares a synset with overthrow');
    assert.equal(nl.tokens.find((t) => t.norm === 'omver')!.stop, true);
  });
  it('a particle at the clause end joins the finite verb; one before a noun phrase is a preposition', () => {
    const sep = prepare('De vakbond wachtte de minister op.', 'nl');
    const prep = prepare('De vakbond wachtte op de minister.', 'nl');
    const a = sep.tokens.find((t) => t.norm === 'wachtte')!;
    const b = prep.tokens.find((t) => t.norm === 'wachtte')!;
    assert.ok(a.concepts.length > b.concepts.length, `opwachten adds synsets only in the separable reading (${a.concepts.length} vs ${b.concepts.length})`);
  });
  it('a particle followed by a conjunction or preposition ("trad ... af als", "trad ... af tussen") ends the clause too; a strong past joins by its lemma', async () => {
    const e = createEngine();
    e.upsertSource('sources/board.txt', enc('Board\n\nMara Vell, who stepped down in June as chair of the Leith Harbour Board, left the city.'));
    const f = (await e.check('Mara Vell trad in juni af als voorzitter van de Leith Harbour Board.', { format: 'plaintext' }))[0];
    assert.equal(f?.verdict, 'supported', JSON.stringify(f?.reasons));
    const trad = prepare('Mara Vell trad in juni af als voorzitter.', 'nl').tokens;
    assert.equal(trad.find((t) => t.norm === 'af')!.stop, true);
  });
  it('a Dutch claim with a separable verb is backed, or contradicted, by an English source', async () => {
    const e = createEngine();
    e.upsertSource('sources/rebels.txt', enc('Rebels\n\nIn May 2019 the rebels threatened to overthrow the government of the province.'));
    const check = async (t: string) => (await e.check(t, { format: 'plaintext' }))[0];
    const ok = await check('In mei 2019 dreigden de rebellen de regering van de provincie omver te werpen.');
    assert.equal(ok?.verdict, 'supported', JSON.stringify(ok?.reasons));
    const bad = await check('In mei 2021 dreigden de rebellen de regering van de provincie omver te werpen.');
    assert.equal(bad?.verdict, 'conflict', JSON.stringify(bad?.reasons));
    assert.equal(bad?.code, 'claim.conflict.date');
  });
  it('"richt" means "founded" only with its particle: without it ("richt zich tegen") it is another verb', async () => {
    const e = createEngine();
    e.upsertSource('sources/bond.txt', enc('Vakbond\n\nDe vakbond richtte in 2011 een fonds op. De partij richt zich al sinds 2015 tegen de havenplannen.'));
    const check = async (t: string) => (await e.check(t, { format: 'plaintext' }))[0];
    const ok = await check('The union founded a fund in 2011.');
    assert.equal(ok?.verdict, 'supported', JSON.stringify(ok?.reasons));
    // The hand overlay once mapped "founded" to "richtte" alone, which made the party's
    // year of "richt zich tegen" a date conflict.
    const other = await check('The party was founded in 2013.');
    assert.notEqual(other?.verdict, 'conflict', JSON.stringify(other?.reasons));
  });
  it('a word that is no particle joins its verb where ODWN lists the whole ("raakte ... kwijt": kwijtraken, lose); one ODWN knows stays a content word', async () => {
    const kwijt = prepare('De vakbond raakte vorig jaar al zijn leden kwijt.', 'nl');
    const lost = prepare('The union lost all its members last year.', 'en').tokens.find((t) => t.norm === 'lost')!;
    assert.ok(shared(kwijt.tokens.find((t) => t.norm === 'raakte')!, lost), 'raakte with kwijt shares a synset with lost');
    assert.equal(kwijt.tokens.find((t) => t.norm === 'kwijt')!.stop, true);
    // "plaats" has senses of its own: it joins "vond" (plaatsvinden) but must still be backed.
    const plaats = prepare('De staking vond in mei plaats.', 'nl').tokens;
    assert.equal(plaats.find((t) => t.norm === 'plaats')!.stop, false);
    // Not a form ODWN reads back into the word itself: "verwijten" + "de" is no verb.
    const verwijt = prepare('Een van de verwijten aan de raad is dat hij de haven sluit.', 'nl').tokens;
    assert.equal(verwijt.find((t) => t.norm === 'verwijten')!.stop, false);
    const e = createEngine();
    e.upsertSource('sources/union.txt', enc('Union\n\nThe harbour union, however, lost all its members in Leith late last year.'));
    const [f] = await e.check('De havenvakbond raakte vorig jaar al zijn leden in Leith kwijt.', { format: 'plaintext' });
    assert.equal(f?.verdict, 'supported', JSON.stringify(f?.reasons));
  });
  it('a verb with its particle written on that ODWN lacks ("opgegeten") means what its verb means, as the separated form does', () => {
    const nl = prepare('De havenmeester heeft de appel opgegeten.', 'nl');
    const ate = prepare('The harbour master ate the apple.', 'en').tokens.find((t) => t.norm === 'ate')!;
    assert.ok(shared(nl.tokens.find((t) => t.norm === 'opgegeten')!, ate), 'opgegeten shares a synset with ate');
  });
  it('an English phrasal verb means what WordNet\'s multiword verb means ("stepped down": resigned)', () => {
    const phrasal = prepare('The mayor stepped down in June.', 'en');
    const plain = prepare('The mayor stepped on the stage in June.', 'en');
    const resigned = prepare('The mayor resigned in June.', 'en').tokens.find((t) => t.norm === 'resigned')!;
    assert.ok(shared(phrasal.tokens.find((t) => t.norm === 'stepped')!, resigned), 'stepped down shares a synset with resigned');
    assert.ok(!shared(plain.tokens.find((t) => t.norm === 'stepped')!, resigned), 'stepped alone does not');
  });
  it('an English phrasal verb lines up with a Dutch separable verb ("carry out" / "voeren ... uit")', async () => {
    const e = createEngine();
    e.upsertSource('sources/bond.txt', enc('Vakbond\n\nOm zelf een grote staking uit te voeren, heeft de vakbond te weinig leden.'));
    const [f] = await e.check('The union has enough members to carry out a large strike on its own.', { format: 'plaintext' });
    assert.equal(f?.verdict, 'conflict', JSON.stringify(f?.reasons));
  });
});
