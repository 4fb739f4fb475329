import { strict as assert } from 'node:assert';
import { createEngine } from '../../src/core/engine';
import { anchorDate, prepare } from '../../src/core/verify/nlp';
import type { Finding } from '../../src/core/types';
import { checkAgainst, engineWith } from './helpers/engine';

// Dates as the verifier compares them: decades, seasons, and dates a source gives
// relative to its own date.

const enc = (s: string) => new TextEncoder().encode(s);
describe('verify: decades and seasons', () => {
  const e = () => {
    const x = createEngine();
    x.upsertSource('s/band.txt', enc('The band formed in Leeds in the early 1970s and toured Europe every spring.\n'));
    x.upsertSource('s/singer.txt', enc('Mara Tell (born July 20, 1947) is a Dutch singer who toured Europe every summer.\n'));
    return x;
  };
  const one = async (text: string): Promise<Finding> => {
    const fs = await e().check(text, { format: 'plaintext' });
    assert.equal(fs.length, 1, JSON.stringify(fs));
    return fs[0];
  };
  it("a decade backs the same decade, however written (1970s, 1970's)", async () => {
    assert.equal((await one("The band formed in Leeds in the early 1970's.")).verdict, 'supported');
  });
  it('another decade differs', async () => {
    const f = await one('The band formed in Leeds in the early 1990s.');
    assert.equal(f.verdict, 'conflict');
    assert.equal(f.reasons[0].kind, 'date');
  });
  it('a year outside the decade of the sentence differs ("born in the fifties" / 1947)', async () => {
    const f = await one('Mara Tell was born in the fifties.');
    assert.equal(f.verdict, 'conflict');
    assert.match(f.reasons[0].message, /1947/);
  });
  it('the same season backs the same season', async () => {
    assert.equal((await one('The band from Leeds toured Europe every spring.')).verdict, 'supported');
  });
});

describe('verify: dates relative to the source date', () => {
  const rel = (fields: object) => ({ start: 0, end: 1, text: 'x', ...fields }) as Parameters<typeof anchorDate>[0];
  it('places this/last/next year, month and yesterday by the document date', () => {
    assert.deepEqual(
      [anchorDate(rel({ granularity: 'year', relative: 'last' }), '2019-05-20').year, anchorDate(rel({ granularity: 'year', relative: 'this' }), '2019').year],
      [2018, 2019],
    );
    const m = anchorDate(rel({ granularity: 'month', relative: 'last' }), '2019-01-20');
    assert.deepEqual([m.year, m.month, m.anchored, m.relative], [2018, 12, true, undefined]);
    const y = anchorDate(rel({ granularity: 'day', relative: 'last' }), '2019-03-01');
    assert.deepEqual([y.year, y.month, y.day], [2019, 2, 28]);
  });
  it('a weekday keeps the year, and the month only away from the month edges', () => {
    const mid = anchorDate(rel({ granularity: 'weekday', weekday: 1 }), '2019-05-20');
    assert.deepEqual([mid.year, mid.month, mid.weekday], [2019, 5, 1]);
    const edge = anchorDate(rel({ granularity: 'weekday', weekday: 1 }), '2019-05-02');
    assert.deepEqual([edge.year, edge.month], [2019, undefined]);
    // Early January: the weekday may fall in the year before.
    assert.equal(anchorDate(rel({ granularity: 'weekday', weekday: 1 }), '2019-01-03').anchored, undefined);
  });
  it('"announced on Monday" in a source dated May 2019 backs "since 2019"; it never contradicts a date', async () => {
    const e = createEngine();
    e.upsertSource('s/coach.txt', enc('Title: Club hires coach\nDate: 2019-05-20\n\nThe Odessa Jackalopes announced on Monday that they have hired Todd Watson as head coach.\n'));
    const ok = await e.check('Todd Watson is the head coach of the Odessa Jackalopes since 2019.', { format: 'plaintext' });
    assert.equal(ok[0].verdict, 'supported', JSON.stringify(ok[0].reasons));
    const other = await e.check('Todd Watson is the head coach of the Odessa Jackalopes since 2017.', { format: 'plaintext' });
    assert.notEqual(other[0].verdict, 'conflict');
  });
});

describe('verify: a sentence that repeats the relative date of a dated source', () => {
  const e = () => engineWith({ 's/club.txt': 'Title: Rowing club news\nDate: 2019-05-20\n\nThe Leith rowing club lost its boathouse to a flood late last year.\n' });
  it('the same relative wording is backed ("late last year" in both), though the source\'s is placed by its date', async () => {
    const f = await e().check('Late last year the Leith rowing club lost its boathouse to a flood.', { format: 'plaintext' });
    assert.equal(f[0].verdict, 'supported', JSON.stringify(f[0].reasons));
  });
  it('another relative wording is not backed, and not contradicted either', async () => {
    const f = await e().check('Last month the Leith rowing club lost its boathouse to a flood.', { format: 'plaintext' });
    assert.equal(f[0].verdict, 'unsupported', JSON.stringify(f[0].reasons));
  });
});

describe('verify: life dates after a name', () => {
  const one = async (text: string): Promise<Finding> => {
    const x = createEngine();
    x.upsertSource('s/bio.txt', enc('Dana Wells (April 8, 1974 − February 2, 2013) was a Scottish sailor and author.\n'));
    const fs = await x.check(text, { format: 'plaintext' });
    assert.equal(fs.length, 1, JSON.stringify(fs));
    return fs[0];
  };
  it('the first date is the birth, the second the death', async () => {
    assert.equal((await one('Dana Wells was born in April 1974.')).verdict, 'supported');
    assert.equal((await one('Dana Wells died on February 2, 2013.')).verdict, 'supported');
  });
  it('a different birth date conflicts with the first date, not the second', async () => {
    const f = await one('Dana Wells was born on April 18, 1974.');
    assert.equal(f.verdict, 'conflict', JSON.stringify(f.reasons));
    assert.equal(f.reasons[0].sourceValue, 'April 8, 1974');
  });
  it('a date range that follows no name carries no birth or death', () => {
    const concepts = (text: string) => prepare(text, 'en').tokens.filter((t) => t.date !== undefined).flatMap((t) => t.concepts);
    assert.ok(concepts('Dana Wells (April 8, 1974 − February 2, 2013) was a sailor.').includes('birth'));
    assert.deepEqual(concepts('The harbour works (April 8, 1974 − February 2, 2013) changed the coast.').filter((c) => c === 'birth' || c === 'kill'), []);
  });
});

describe('verify: a date pieced on from a clause that says nothing of the claim (index.ts detachedPairDate)', () => {
  const DOC = `Harbour news

The council has been working with the port authority to repair the north quay.
In October, the police arrested two men in Leith.
`;
  it('the date of a neighbouring statement does not date the claim', async () => {
    const f = await checkAgainst(DOC, 'The council began working with the port authority in October.');
    assert.notEqual(f.verdict, 'supported', JSON.stringify(f.rules));
  });
  it('a word of the date phrase ("late in 2018") ties nothing of the claim', async () => {
    const doc = 'Harbour news\n\nThe council and the port authority have been dredging the north channel near Leith.\nThe ferry company, however, lost its licence in Leith late in 2018.\n';
    const f = await checkAgainst(doc, 'The council and the port authority began dredging the north channel near Leith late in 2018.');
    assert.notEqual(f.verdict, 'supported', JSON.stringify(f.rules));
  });
  // A relative date opening the neighbour ("Last March, ...") is a fronted adverbial of its clause, as "In March, ..." is.
  for (const [opening, inClaim] of [['In March', 'in March'], ['Last March', 'last March']]) {
    it(`a neighbour's date ("${opening}, ...") that dates another actor's act does not date the claim's`, async () => {
      const doc = `Harbour news\n\nIn addition, dozens of fishermen in Leith signed the petition to the council.\n${opening}, the ferry company Tay Lines signed the petition as well.\n`;
      const claim = `Dozens of fishermen in Leith signed the petition to the council ${inClaim}.`;
      const f = await checkAgainst(doc, claim);
      assert.notEqual(f.verdict, 'supported', JSON.stringify(f.rules));
      // The same neighbour dates the claim when its clause tells of the claim's actor.
      const same = await checkAgainst(doc.replace('the ferry company Tay Lines', 'the fishermen'), claim);
      assert.equal(same.verdict, 'supported', JSON.stringify(same.reasons));
    });
  }
  it('a neighbour whose date clause tells the claim\'s event still dates it', async () => {
    const signed = await checkAgainst('Harbour news\n\nThe council signed the contract with the port authority.\nThe signing took place in October.\n', 'The council signed the contract with the port authority in October.');
    assert.equal(signed.verdict, 'supported', JSON.stringify(signed.reasons));
  });
});
