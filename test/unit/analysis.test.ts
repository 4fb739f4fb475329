import { strict as assert } from 'assert';
import { analyze, indexTerms, tokenize } from '../../src/core/analysis';

describe('analysis: tokens', () => {
  it('keeps exact offsets, folds diacritics and stems', () => {
    const text = 'Passengers crossed the Sinaï by ferry.';
    const toks = tokenize(text, 'en');
    for (const t of toks) assert.equal(text.slice(t.start, t.end), t.text);
    const sinai = toks.find((t) => t.text === 'Sinaï')!;
    assert.equal(sinai.norm, 'sinai');
    assert.equal(toks[0].stem, 'passeng');
    assert.ok(toks.find((t) => t.norm === 'the')!.stop);
  });

  it('keeps numbers with separators and dotted acronyms as one token', () => {
    const toks = tokenize('The U.S. paid 2,000 and 3.5 units.', 'en').map((t) => t.text);
    assert.deepEqual(toks, ['The', 'U.S.', 'paid', '2,000', 'and', '3.5', 'units']);
  });
});

describe('analysis: first analyze()', () => {
  it('finds counts with units and comparators', () => {
    const a = analyze('The ferry carried 224 passengers and more than 300 people were rescued.', 'en');
    assert.equal(a.numbers.length, 2);
    assert.equal(a.numbers[0].value, 224);
    assert.equal(a.numbers[0].unit, 'passeng');
    assert.equal(a.numbers[1].comparator, 'gt');
    assert.equal(a.numbers[1].min, 300);
    assert.equal(a.numbers[1].unitText, 'people');
  });

  it('finds negation cues in both languages', () => {
    assert.deepEqual(analyze("The council didn't approve it and never will.", 'en').negations.map((n) => n.text), ["n't", 'never']);
    assert.deepEqual(analyze('De raad keurde het niet goed en geen enkele wethouder stemde.', 'nl').negations.map((n) => n.text), ['niet', 'geen']);
  });

  it('indexTerms shares numbers across languages', () => {
    assert.ok(indexTerms('four ferries', 'en').includes('4'));
    assert.ok(indexTerms('vier veerboten', 'nl').includes('4'));
  });
});
