import { strict as assert } from 'node:assert';
import { createEngine } from '../../src/core/engine';
import type { Finding } from '../../src/core/types';

// A cited clipping that refers to its subject only by pronoun or description ("It was
// established...", "The film was released...") backs or contradicts a sentence that
// names the subject and cites it: the citation supplies the referent. Uncited, or with
// a pronoun that cannot refer to the subject, it does not.

const enc = (s: string) => new TextEncoder().encode(s);

const CLIPS: Record<string, string> = {
  'clips/province.txt': 'It was established on June 4, 1992 after the old republic was split in two.\n',
  'clips/film.txt': 'Distributed by Northwind Pictures, the film was released on March 23, 2007.\n',
  'clips/teacher.txt': 'She took a teaching position as a history teacher at Lakeside High School in 1983.\n',
  'clips/shoot.txt': 'The film was shot in Leith and Oslo, from September 1994 to August 1995.\n',
  'clips/career.txt': 'She started a career in politics in 1993.\n',
  'clips/festival.txt': 'It was founded as the Riverside Comic Fair in 1970 by a group of residents that included Ellen Dorf and Mark Krueger.\n',
};

function engine() {
  const e = createEngine();
  for (const [p, t] of Object.entries(CLIPS)) e.upsertSource(p, enc(t));
  return e;
}

async function check(sentence: string, clip?: string): Promise<Finding> {
  const e = engine();
  let text = sentence;
  if (clip) {
    const key = e.sources().find((d) => d.path === clip)!.key;
    text = sentence.replace(/\.$/, ` [@${key}].`);
  }
  const fs = await e.check(text, { format: 'markdown' });
  assert.equal(fs.length, 1, JSON.stringify(fs, null, 1));
  return fs[0];
}

describe('verify: a cited clipping that names its subject only by pronoun', () => {
  it('backs the sentence that names the subject and cites it', async () => {
    const f = await check('Northbury Province was established on June 4, 1992.', 'clips/province.txt');
    assert.equal(f.citedVerdict, 'supported');
  });
  it('contradicts a different date, naming both values', async () => {
    const f = await check('Northbury Province was established in 1993.', 'clips/province.txt');
    assert.equal(f.citedVerdict, 'conflict');
    const r = f.reasons.find((x) => x.kind === 'date')!;
    assert.ok(r, JSON.stringify(f.reasons));
    assert.equal(r.claimValue, '1993');
    assert.match(r.sourceValue ?? '', /1992/);
  });
  it('a definite description inside the clause refers too', async () => {
    const f = await check('Harbor Lights was released in 2017.', 'clips/film.txt');
    assert.equal(f.citedVerdict, 'conflict');
  });
  it('a personal pronoun refers to a person', async () => {
    const f = await check('Christa Lund taught history at Lakeside High School.', 'clips/teacher.txt');
    assert.equal(f.citedVerdict, 'supported');
  });
  it('"it" is no person when the clipping names other people', async () => {
    const f = await check('Paul Alf was one of the founders of the Riverside Comic Fair.', 'clips/festival.txt');
    assert.notEqual(f.citedVerdict, 'supported');
    // The same clipping backs the organizer it names.
    assert.equal((await check('Ellen Dorf was one of the founders of the Riverside Comic Fair.', 'clips/festival.txt')).citedVerdict, 'supported');
  });
  it('the name after words the clipping backs is the referent of its description ("The filming of Harbor Lights")', async () => {
    assert.equal((await check('The filming of Harbor Lights finished in August 1995.', 'clips/shoot.txt')).citedVerdict, 'supported');
    assert.notEqual((await check('The filming of Harbor Lights finished in August 1997.', 'clips/shoot.txt')).citedVerdict, 'supported');
    // Words the clipping does not back before the name: the name is not its referent.
    assert.notEqual((await check('The premiere of Harbor Lights finished in August 1995.', 'clips/shoot.txt')).citedVerdict, 'supported');
  });
  it('reads a short cited source whole: a passage sharing no indexed term still backs ("politician" / "politics")', async () => {
    assert.equal((await check('Maria Lopez was a politician.', 'clips/career.txt')).citedVerdict, 'supported');
  });
  it('without the citation the pronoun refers to nothing the sentence names', async () => {
    const f = await check('Northbury Province was established on June 4, 1992.');
    assert.equal(f.verdict, 'unsupported');
  });
});
