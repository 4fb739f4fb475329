// Pure text helpers of the VS Code glue (src/vscode/draftText.ts): completion triggers,
// sentence spans, citation keys under the cursor, citation syntax, hover emphasis.
import * as assert from 'assert';
import {
  citationInsertOffset,
  citationInsertText,
  citationKeyAt,
  citationText,
  completionContext,
  emphasize,
  ignoreDirective,
  sentenceAround,
  sentenceForCitation,
  stripCitations,
  valueReplacement,
} from '../../src/vscode/draftText';
import { emphasizeMatches } from '../../src/vscode/emphasis';

describe('extension text helpers', () => {
  describe('completionContext', () => {
    it('markdown: @ after start of line, space, [, ; or -', () => {
      assert.deepStrictEqual(completionContext('markdown', '@'), { prefix: '', start: 1 });
      assert.deepStrictEqual(completionContext('markdown', 'The ferry sailed [@'), { prefix: '', start: 19 });
      assert.deepStrictEqual(completionContext('markdown', 'as shown [see @har'), { prefix: 'har', start: 15 });
      assert.deepStrictEqual(completionContext('markdown', '[@a; @bu'), { prefix: 'bu', start: 6 });
      assert.deepStrictEqual(completionContext('markdown', '[-@ci'), { prefix: 'ci', start: 3 });
    });
    it('markdown: no completion inside e-mail addresses or words', () => {
      assert.strictEqual(completionContext('markdown', 'mail me at ann@exam'), undefined);
      assert.strictEqual(completionContext('markdown', 'no at sign here'), undefined);
    });
    it('plain text: only [@', () => {
      assert.deepStrictEqual(completionContext('plaintext', 'budget grew [@cit'), { prefix: 'cit', start: 14 });
      assert.strictEqual(completionContext('plaintext', 'budget grew @cit'), undefined);
    });
    it('latex: inside \\cite{...} after { and ,', () => {
      assert.deepStrictEqual(completionContext('latex', 'grew \\cite{'), { prefix: '', start: 11 });
      assert.deepStrictEqual(completionContext('latex', 'grew \\citep[p.~4]{a, b'), { prefix: 'b', start: 21 });
      assert.deepStrictEqual(completionContext('latex', '\\parencite{x,'), { prefix: '', start: 13 });
      assert.strictEqual(completionContext('latex', 'grew \\cite{a} and {'), undefined);
      assert.strictEqual(completionContext('latex', 'a, b'), undefined);
    });
  });

  describe('sentenceAround', () => {
    const text = 'The ferry left at 9. It carried 224 passengers [@har\n\nA new paragraph.';
    it('finds the sentence being written, not its neighbours', () => {
      const off = text.indexOf('[@har') + 5;
      const span = sentenceAround(text, off);
      assert.strictEqual(text.slice(span.start, span.end).trim(), 'It carried 224 passengers [@har');
    });
    it('stops at a blank line and keeps decimals and initials inside', () => {
      const t = 'Budget of 3.5 million was set by J. Smith in May. Next one.';
      const span = sentenceAround(t, 5);
      assert.strictEqual(t.slice(span.start, span.end), 'Budget of 3.5 million was set by J. Smith in May.');
      const p = sentenceAround(text, text.length - 3);
      assert.strictEqual(text.slice(p.start, p.end), 'A new paragraph.');
    });
  });

  it('sentenceForCitation: the sentence around the cursor, or the one before a lone citation', () => {
    const t = 'The ferry left at 9. It carried 224 passengers. [@';
    assert.strictEqual(sentenceForCitation(t, t.length), 'It carried 224 passengers.');
    const u = 'The ferry left at 9. It carried 224 passengers [@har';
    assert.strictEqual(sentenceForCitation(u, u.length), 'It carried 224 passengers');
  });

  it('stripCitations removes markers of every syntax', () => {
    assert.strictEqual(stripCitations('It carried 224 passengers [@har; @bu].'), 'It carried 224 passengers .');
    assert.strictEqual(stripCitations('It grew \\cite{a,b} fast @x'), 'It grew fast');
  });

  describe('citationKeyAt', () => {
    it('markdown keys under the cursor', () => {
      const line = 'Text [@harbour2019; @city-budget] end.';
      assert.strictEqual(citationKeyAt('markdown', line, line.indexOf('harbour') + 2)?.key, 'harbour2019');
      assert.strictEqual(citationKeyAt('markdown', line, line.indexOf('city') + 1)?.key, 'city-budget');
      assert.strictEqual(citationKeyAt('markdown', line, 1), undefined);
    });
    it('a key ending a sentence does not take the period', () => {
      const line = 'As @ward2018 says.';
      assert.deepStrictEqual(citationKeyAt('markdown', 'Said @ward2018.', 8), { key: 'ward2018', start: 6, end: 14 });
      assert.strictEqual(citationKeyAt('markdown', line, 5)?.key, 'ward2018');
    });
    it('latex keys inside \\cite', () => {
      const line = 'grew \\cite{alpha, beta} more';
      const k = citationKeyAt('latex', line, line.indexOf('beta') + 1);
      assert.deepStrictEqual(k, { key: 'beta', start: line.indexOf('beta'), end: line.indexOf('beta') + 4 });
    });
  });

  it('citation syntax per format', () => {
    assert.strictEqual(citationText('markdown', 'k1'), '[@k1]');
    assert.strictEqual(citationText('plaintext', 'k1'), '[@k1]');
    assert.strictEqual(citationText('latex', 'k1'), '\\cite{k1}');
    assert.strictEqual(citationInsertText('latex', 'k1', 'x'), '~\\cite{k1}');
    assert.strictEqual(citationInsertText('markdown', 'k1', ' '), '[@k1]');
    assert.strictEqual(ignoreDirective('markdown'), '<!-- groundwork-ignore-next -->');
    assert.strictEqual(ignoreDirective('latex'), '% groundwork-ignore-next');
  });

  it('citationInsertOffset goes before the final punctuation and quote', () => {
    assert.strictEqual(citationInsertOffset('It carried 224 passengers.'), 25);
    assert.strictEqual(citationInsertOffset('He said "yes."'), 12);
    assert.strictEqual(citationInsertOffset('No period here'), 14);
  });

  it('emphasize bolds matched words (stems extend to the whole word) and escapes markup', () => {
    assert.strictEqual(emphasize('The ferry carried 224 passengers.', ['carri', '224']), 'The ferry **carried** **224** passengers.');
    assert.strictEqual(emphasize('a *b* c', []), 'a \\*b\\* c');
  });
});

describe('extension hover emphasis', () => {
  it('bolds the passage words that share a term with the claim, not the differing value', () => {
    const md = emphasizeMatches('The harbour ferry carried 224 passengers on its first crossing.', 'The ferry carried 180 passengers across the harbour.', 'en');
    assert.match(md, /\*\*harbour ferry carried\*\*/);
    assert.match(md, /\*\*passengers\*\*/);
    assert.ok(!/\*\*224/.test(md), md);
    assert.ok(!/\*\*first/.test(md), md);
  });
  it('matches across Dutch and English through shared numbers and names', () => {
    const md = emphasizeMatches('De veerboot vervoerde 224 passagiers naar Rotterdam.', 'The ferry carried 224 passengers to Rotterdam.', 'nl');
    assert.match(md, /\*\*224\b/);
    assert.match(md, /\*\*Rotterdam\*\*/);
  });
});

describe('extension value replacement', () => {
  it('replaces only the differing part when the words around it agree', () => {
    assert.deepStrictEqual(valueReplacement('324', '324 passengers', '224 passengers'), { text: '224', widenLeft: 0, widenRight: 0 });
    assert.deepStrictEqual(valueReplacement('Friday', 'on Friday', 'on Wednesday'), { text: 'Wednesday', widenLeft: 0, widenRight: 0 });
  });
  it('widens to the whole claim value when the source words differ', () => {
    assert.deepStrictEqual(valueReplacement('324', '324 passengers', '224 passagiers'), { text: '224 passagiers', widenLeft: 0, widenRight: 11 });
  });
  it('uses the source value as is when the range is the claim value', () => {
    assert.deepStrictEqual(valueReplacement('324 passengers', '324 passengers', '224 passengers'), { text: '224 passengers', widenLeft: 0, widenRight: 0 });
    assert.deepStrictEqual(valueReplacement('1999', undefined, '2001'), { text: '2001', widenLeft: 0, widenRight: 0 });
  });
});
