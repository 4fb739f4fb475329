/**
 * languageScores(): the character scan counts what a [\p{L}']+ regex over the prefix
 * (ASCII capitals lowercased) counts, until forty function words leave no doubt.
 */
import { strict as assert } from 'node:assert';
import { detectLanguage, languageScores } from '../../src/core/corpus/language';

function reference(text: string, en: Set<string>, nl: Set<string>): { en: number; nl: number; words: number } {
  const r = { en: 0, nl: 0, words: 0 };
  for (const m of text.slice(0, 4000).replace(/[A-Z]/g, (c) => c.toLowerCase()).matchAll(/[\p{L}']+/gu)) {
    r.words++;
    if (en.has(m[0]) && !nl.has(m[0])) r.en++;
    else if (nl.has(m[0]) && !en.has(m[0])) r.nl++;
  }
  return r;
}

describe('index: language scores (character scan)', () => {
  const EN = new Set(['the', 'and', 'of', 'was', 'were', 'between', 'against', 'it', 'is', 'its', 'over', 'had']);
  const NL = new Set(['de', 'het', 'een', 'en', 'van', 'werden', 'volgens', 'is', 'over', 'had', 'waarbij']);
  const texts = [
    'The ferry was late and the passengers were tired of it.',
    'De veerboot had vertraging en de passagiers werden moe, volgens het bestuur.',
    "It's the city's budget: 'twas over THE limit, between March and April.",
    'Één café, naïve Ünïcödé 𝐀bc İstanbul de het the',
    'the '.repeat(1200) + 'de '.repeat(50),
    '',
    "'' ' a",
  ];
  it('counts words and one-language function words like the regex reference', () => {
    for (const t of texts.filter((x) => x !== texts[4])) {
      const got = languageScores(t);
      const want = reference(t, EN, NL);
      assert.equal(got.words, want.words, t.slice(0, 40));
      // The sets above are subsets of the real ones: the real counts are at least these.
      assert.ok(got.en >= want.en && got.nl >= want.nl, `${t.slice(0, 40)}: ${JSON.stringify(got)} vs ${JSON.stringify(want)}`);
    }
  });
  it('still tells English from Dutch', () => {
    assert.equal(detectLanguage(texts[0]), 'en');
    assert.equal(detectLanguage(texts[1]), 'nl');
    assert.equal(detectLanguage(''), 'und');
    // Forty function words of one language: decided, the rest is not read.
    assert.deepEqual(languageScores(texts[4]), { en: 40, nl: 0, words: 40 });
    // No clear lead: the whole 4,000-character prefix is read, and no further.
    const mixed = 'the de '.repeat(1000);
    assert.equal(languageScores(mixed).words, reference(mixed, EN, NL).words);
    assert.ok(languageScores(mixed).words < 2000);
  });
});
