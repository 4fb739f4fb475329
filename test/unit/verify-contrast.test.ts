import { strict as assert } from 'node:assert';
import { createEngine } from '../../src/core/engine';
import type { Finding } from '../../src/core/types';

// A cited source that does not back a sentence while another source's version of the
// same statement does: where the two versions differ, the cited one contradicts the
// sentence, and the finding names both values.

const enc = (s: string) => new TextEncoder().encode(s);

async function check(sources: Record<string, string>, sentence: string, cite: string): Promise<Finding> {
  const e = createEngine();
  for (const [p, t] of Object.entries(sources)) e.upsertSource(p, enc(t));
  const key = e.sources().find((d) => d.path === cite)!.key;
  const fs = await e.check(sentence.replace(/\.$/, ` [@${key}].`), { format: 'markdown' });
  assert.equal(fs.length, 1, JSON.stringify(fs, null, 1));
  return fs[0];
}

const FILM_A = 'Harbor Lights is a 2017 British comedy drama film, set in and around Leith.\n';
const FILM_B = 'Harbor Lights is a 2017 British comedy drama book, set in and around Leith.\n';

describe('verify: two versions of one statement', () => {
  it('the cited version differs in a term: it contradicts the sentence, naming both terms and the other source', async () => {
    const f = await check({ 'a/film.txt': FILM_A, 'b/book.txt': FILM_B }, 'Harbor Lights is a 2017 British comedy drama book.', 'a/film.txt');
    assert.equal(f.verdict, 'supported'); // the other source backs it
    assert.equal(f.code, 'citation.not-supported');
    assert.equal(f.citedVerdict, 'conflict');
    const msg = f.citationProblem!.message;
    assert.match(msg, /contradicts/);
    assert.match(msg, /"film"/);
    assert.match(msg, /"book"/);
    // The cited passage is among the evidence.
    assert.ok(f.evidence.some((e) => e.source === 'a/film.txt'), JSON.stringify(f.evidence));
  });
  it('a different nationality is a contradiction too', async () => {
    const a = 'Dana Wells (born 3 May 1961) is an American screenwriter and director.\n';
    const b = 'Dana Wells (born 3 May 1961) is a Canadian screenwriter and director.\n';
    const f = await check({ 'a/us.txt': a, 'b/ca.txt': b }, 'Dana Wells is a Canadian screenwriter.', 'a/us.txt');
    assert.equal(f.citedVerdict, 'conflict');
    assert.match(f.citationProblem!.message, /contradicts this sentence \(the source says American, the sentence says Canadian\)/);
  });
  it('versions that are not the same statement prove nothing', async () => {
    const other = 'The festival in Leith drew large crowds to the harbour every summer since 1990.\n';
    const f = await check({ 'a/other.txt': other, 'b/book.txt': FILM_B }, 'Harbor Lights is a 2017 British comedy drama book.', 'a/other.txt');
    assert.equal(f.citedVerdict, 'unsupported');
    assert.doesNotMatch(f.citationProblem!.message, /contradicts/);
  });
  it('the same words in other forms are no difference', async () => {
    const a = 'Harbor Lights is a 2017 British comedy drama movie, set in and around Leith.\n';
    const f = await check({ 'a/movie.txt': a, 'b/film.txt': FILM_A }, 'Harbor Lights is a 2017 British comedy drama film.', 'a/movie.txt');
    assert.notEqual(f.citedVerdict, 'conflict');
  });
  it('versions differing in two places the sentence uses: unclear which, no contradiction', async () => {
    const a = 'The ferry from Leith carried cars and cyclists on the first crossing in spring.\n';
    const b = 'The ferry from Leith carried buses and cyclists on the first crossing in autumn.\n';
    const f = await check({ 'a/spring.txt': a, 'b/autumn.txt': b }, 'The ferry from Leith carried buses and cyclists on the first crossing in autumn.', 'a/spring.txt');
    assert.notEqual(f.citedVerdict, 'conflict');
    // One difference only: the cited version contradicts the sentence there.
    const g = await check({ 'a/spring.txt': a, 'b/one.txt': a.replace('cars', 'buses') }, 'The ferry from Leith carried buses and cyclists on the first crossing in spring.', 'a/spring.txt');
    assert.equal(g.citedVerdict, 'conflict');
    assert.match(g.citationProblem!.message, /"cars" where the sentence says "buses"/);
  });
  it('versions that differ in a negation: the cited one contradicts, the message quotes its wording', async () => {
    const a = 'Dana Wells (born 3 May 1961) is a British novelist who never wrote for television.\n';
    const b = 'Dana Wells (born 3 May 1961) is a British novelist who wrote for television.\n';
    const f = await check({ 'a/never.txt': a, 'b/wrote.txt': b }, 'Dana Wells wrote for television.', 'a/never.txt');
    assert.equal(f.citedVerdict, 'conflict', JSON.stringify(f.reasons));
    assert.match(f.citationProblem!.message, /never/);
  });
});
