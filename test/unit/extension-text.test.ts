// Editor-side text helpers of the VS Code glue (src/vscode/draftText.ts): completion
// triggers, the sentence a citation is for, citation keys under the cursor, citation
// syntax, hover emphasis. Sentences and citation keys are the engine's parser's.
import * as assert from 'assert';
import { addToIgnoreFile, parseIgnoreFile } from '../../src/core/config';
import { findCitations, normalizeSentence, parseDraft } from '../../src/core/text/draft';
import type { DraftFormat } from '../../src/core/types';
import {
  citationInsertOffset,
  citationInsertText,
  citationKeyAt,
  citationText,
  citedKeySpan,
  completionContext,
  emphasize,
  ignoreDirective,
  proseOf,
  sentenceForCitation,
  valueReplacement,
} from '../../src/vscode/draftText';
import { emphasizeMatches } from '../../src/vscode/emphasis';

describe('extension text helpers', () => {
  describe('completionContext', () => {
    it('markdown: @ after start of line, space, [, ; or -', () => {
      assert.deepStrictEqual(completionContext('markdown', '@'), { prefix: '', start: 1, marker: 0 });
      assert.deepStrictEqual(completionContext('markdown', 'The ferry sailed [@'), { prefix: '', start: 19, marker: 17 });
      assert.deepStrictEqual(completionContext('markdown', 'as shown [see @har'), { prefix: 'har', start: 15, marker: 14 });
      assert.deepStrictEqual(completionContext('markdown', '[@a; @bu'), { prefix: 'bu', start: 6, marker: 5 });
      assert.deepStrictEqual(completionContext('markdown', '[-@ci'), { prefix: 'ci', start: 3, marker: 0 });
    });
    it('markdown: no completion inside e-mail addresses or words', () => {
      assert.strictEqual(completionContext('markdown', 'mail me at ann@exam'), undefined);
      assert.strictEqual(completionContext('markdown', 'no at sign here'), undefined);
    });
    it('plain text: only [@', () => {
      assert.deepStrictEqual(completionContext('plaintext', 'budget grew [@cit'), { prefix: 'cit', start: 14, marker: 12 });
      assert.strictEqual(completionContext('plaintext', 'budget grew @cit'), undefined);
    });
    it('latex: inside \\cite{...} after { and ,', () => {
      assert.deepStrictEqual(completionContext('latex', 'grew \\cite{'), { prefix: '', start: 11, marker: 5 });
      assert.deepStrictEqual(completionContext('latex', 'grew \\citep[p.~4]{a, b'), { prefix: 'b', start: 21, marker: 5 });
      assert.deepStrictEqual(completionContext('latex', '\\parencite{x,'), { prefix: '', start: 13, marker: 0 });
      assert.strictEqual(completionContext('latex', 'grew \\cite{a} and {'), undefined);
      assert.strictEqual(completionContext('latex', 'a, b'), undefined);
    });
    it('latex: the citation commands, with a star and up to two optional arguments; no other command', () => {
      for (const cmd of ['cite', 'citep', 'citet*', 'textcite', 'autocite', 'parencite', 'footcite', 'nocite', 'Citet']) {
        assert.deepStrictEqual(completionContext('latex', `x \\${cmd}{k`), { prefix: 'k', start: cmd.length + 4, marker: 2 }, cmd);
      }
      assert.deepStrictEqual(completionContext('latex', '\\autocite[see][p.~3]{ k'), { prefix: 'k', start: 22, marker: 0 });
      assert.strictEqual(completionContext('latex', '\\emph{'), undefined);
      assert.strictEqual(completionContext('latex', '\\cite{a}'), undefined);
      assert.strictEqual(completionContext('latex', '\\cite[a][b][c]{'), undefined);
    });
    it('markdown: ; and - also start a key; a key so far may hold the characters a key holds', () => {
      assert.deepStrictEqual(completionContext('markdown', '[@a;@b'), { prefix: 'b', start: 5, marker: 4 });
      assert.deepStrictEqual(completionContext('markdown', 'see -@sm'), { prefix: 'sm', start: 6, marker: 4 });
      assert.deepStrictEqual(completionContext('markdown', '[@city-budget:2019/a.'), { prefix: 'city-budget:2019/a.', start: 2, marker: 0 });
      assert.strictEqual(completionContext('markdown', 'see [@a b'), undefined);
    });
    it('the key being typed is read by the rules the engine reads the finished citation with', () => {
      // In-text after `(` and a key with an apostrophe are citations to the engine, so they complete.
      assert.deepStrictEqual(completionContext('markdown', '(@smi'), { prefix: 'smi', start: 2, marker: 1 });
      assert.deepStrictEqual(completionContext('markdown', "[@o'br"), { prefix: "o'br", start: 2, marker: 0 });
      const cases: Array<[DraftFormat, string, string]> = [
        ['markdown', 'It grew [@harbour_2019', ']'],
        ['markdown', 'It grew [@a; @city-budget', ']'],
        ['markdown', "As @o'brien", ' says.'],
        ['plaintext', 'It grew [@harbour2019', '].'],
        ['latex', 'It grew \\citep[p.~4]{a, harbour2019', '}.'],
      ];
      for (const [format, before, close] of cases) {
        const ctx = completionContext(format, before);
        assert.ok(ctx, before);
        const cited = findCitations(before + close, format).flatMap((c) => c.keySpans);
        assert.deepStrictEqual(cited[cited.length - 1], { key: ctx.prefix, start: ctx.start, end: before.length }, before);
      }
    });
  });

  describe('sentenceForCitation: the engine sentence at the cursor', () => {
    const typed = (text: string, marker: string) => ({ start: text.lastIndexOf(marker), end: text.length });
    it('the sentence being written, without the citation being typed, not its neighbours', () => {
      const t = 'The ferry left at 9. It carried 224 passengers [@har';
      assert.strictEqual(sentenceForCitation(t, t.length, 'markdown', typed(t, '[@')), 'It carried 224 passengers');
      assert.strictEqual(sentenceForCitation(t, t.length, 'plaintext', typed(t, '[@')), 'It carried 224 passengers');
      const tex = 'The ferry left at 9. It carried 224 passengers~\\citep[p.~4]{a, har';
      assert.strictEqual(sentenceForCitation(tex, tex.length, 'latex', typed(tex, '\\citep')), 'It carried 224 passengers');
    });
    it('a lone citation after the period is for the sentence before it', () => {
      const t = 'The ferry left at 9. It carried 224 passengers. [@';
      assert.strictEqual(sentenceForCitation(t, t.length, 'markdown', typed(t, '[@')), 'It carried 224 passengers.');
      assert.strictEqual(sentenceForCitation(t, t.length, 'markdown'), 'It carried 224 passengers.');
      const u = 'It carried 224 passengers.\n\n[@';
      assert.strictEqual(sentenceForCitation(u, u.length, 'markdown', typed(u, '[@')), 'It carried 224 passengers.');
    });
    it('the rest of a key the cursor stands in is no word of the sentence either', () => {
      const t = 'It carried 224 passengers [@harbour2019] today.';
      const at = t.indexOf('bour');
      assert.strictEqual(sentenceForCitation(t, at, 'plaintext', { start: t.indexOf('[@'), end: at }), 'It carried 224 passengers] today.');
    });
    it('stops at a blank line and keeps decimals and initials inside', () => {
      const t = 'Budget of 3.5 million was set by J. Smith in May. Next one.';
      assert.strictEqual(sentenceForCitation(t, 5, 'markdown'), 'Budget of 3.5 million was set by J. Smith in May.');
      const p = 'The ferry left at 9. It carried 224 passengers [@har\n\nA new paragraph.';
      assert.strictEqual(sentenceForCitation(p, p.length - 3, 'markdown'), 'A new paragraph.');
    });
    it('is the text the engine checks: markup and finished citations left out', () => {
      const t = 'Intro.\n\n**The ferry** carried 224 [passengers](https://example.org) [@a] in *May* [@';
      const s = sentenceForCitation(t, t.length, 'markdown', typed(t, '[@'));
      assert.strictEqual(s, 'The ferry carried 224 passengers in May');
      assert.strictEqual(s, parseDraft(t.slice(0, -2), 'markdown')[1].text);
    });
  });

  it('proseOf: the text of a line as the engine reads it (citations of every syntax removed)', () => {
    assert.strictEqual(proseOf('It carried 224 passengers [@har; @bu].', 'markdown'), 'It carried 224 passengers.');
    assert.strictEqual(proseOf('It grew \\cite{a,b} fast.', 'latex'), 'It grew fast.');
    assert.strictEqual(proseOf('It grew fast @x', 'markdown'), 'It grew fast');
    assert.strictEqual(proseOf('It grew [@x]. Then it shrank.', 'plaintext'), 'It grew. Then it shrank.');
  });

  describe('citationKeyAt', () => {
    it('markdown keys under the cursor (or on their @)', () => {
      const line = 'Text [@harbour2019; @city-budget] end.';
      assert.strictEqual(citationKeyAt(line, 'markdown', line.indexOf('harbour') + 2)?.key, 'harbour2019');
      assert.strictEqual(citationKeyAt(line, 'markdown', line.indexOf('@harbour'))?.key, 'harbour2019');
      assert.strictEqual(citationKeyAt(line, 'markdown', line.indexOf('city') + 1)?.key, 'city-budget');
      assert.strictEqual(citationKeyAt(line, 'markdown', 1), undefined);
      assert.strictEqual(citationKeyAt(line, 'markdown', line.length - 2), undefined);
    });
    it('a key ending a sentence does not take the period', () => {
      const line = 'As @ward2018 says.';
      assert.deepStrictEqual(citationKeyAt('Said @ward2018.', 'markdown', 8), { key: 'ward2018', start: 6, end: 14 });
      assert.strictEqual(citationKeyAt(line, 'markdown', 5)?.key, 'ward2018');
    });
    it('latex keys inside \\cite', () => {
      const line = 'grew \\cite{alpha, beta} more';
      const k = citationKeyAt(line, 'latex', line.indexOf('beta') + 1);
      assert.deepStrictEqual(k, { key: 'beta', start: line.indexOf('beta'), end: line.indexOf('beta') + 4 });
    });
    it('offsets in the whole draft; only what the engine reads as a citation', () => {
      const md = '# Title\n\nIt grew `@code` and [@a;\n@b].\n\n```\n@fenced\n```\n';
      assert.deepStrictEqual(citationKeyAt(md, 'markdown', md.indexOf('@b') + 1), { key: 'b', start: md.indexOf('@b') + 1, end: md.indexOf('@b') + 2 });
      assert.strictEqual(citationKeyAt(md, 'markdown', md.indexOf('code')), undefined);
      assert.strictEqual(citationKeyAt(md, 'markdown', md.indexOf('fenced')), undefined);
      const tex = 'It grew \\cite{a}.\n% \\cite{b}\n';
      assert.strictEqual(citationKeyAt(tex, 'latex', tex.indexOf('{a') + 1)?.key, 'a');
      assert.strictEqual(citationKeyAt(tex, 'latex', tex.indexOf('{b') + 1), undefined);
      // Plain text cites in brackets only.
      assert.strictEqual(citationKeyAt('As @ward2018 says.', 'plaintext', 5), undefined);
      assert.strictEqual(citationKeyAt('As [@ward2018] says.', 'plaintext', 6)?.key, 'ward2018');
    });
  });

  it('citedKeySpan: where a cited key is written in a range, whole keys only', () => {
    const t = 'It grew [@har]. It grew more [@city-budget; @harbour2019].';
    const second = t.indexOf('It grew more');
    assert.deepStrictEqual(citedKeySpan(t, 'markdown', 'harbour2019', second, t.length), { key: 'harbour2019', start: t.indexOf('harbour2019'), end: t.indexOf('harbour2019') + 11 });
    assert.strictEqual(citedKeySpan(t, 'markdown', 'har', second, t.length), undefined);
    assert.strictEqual(citedKeySpan(t, 'markdown', 'city', 0, t.length), undefined);
    assert.deepStrictEqual(citedKeySpan(t, 'markdown', 'har', 0, t.length), { key: 'har', start: 10, end: 13 });
    const tex = 'It grew \\citep[p.~4]{alpha, beta}.';
    assert.deepStrictEqual(citedKeySpan(tex, 'latex', 'beta', 0, tex.length), { key: 'beta', start: tex.indexOf('beta'), end: tex.indexOf('beta') + 4 });
  });

  it('citation syntax per format', () => {
    assert.strictEqual(citationText('markdown', 'k1'), '[@k1]');
    assert.strictEqual(citationText('plaintext', 'k1'), '[@k1]');
    assert.strictEqual(citationText('latex', 'k1'), '\\cite{k1}');
    assert.strictEqual(citationInsertText('latex', 'k1', 'x'), '~\\cite{k1}');
    assert.strictEqual(citationInsertText('markdown', 'k1', ' '), '[@k1]');
    assert.strictEqual(ignoreDirective('markdown'), '<!-- groundwork-ignore-next -->');
    assert.strictEqual(ignoreDirective('latex'), '% groundwork-ignore-next');
    assert.strictEqual(ignoreDirective('plaintext'), 'groundwork-ignore-next');
    assert.strictEqual(citationInsertText('latex', 'k1', ' '), '\\cite{k1}');
    assert.strictEqual(citationInsertText('latex', 'k1', undefined), '~\\cite{k1}');
    assert.strictEqual(citationInsertText('markdown', 'k1', 's'), ' [@k1]');
    assert.strictEqual(citationInsertText('plaintext', 'k1', undefined), ' [@k1]');
    assert.strictEqual(citationInsertText('plaintext', 'k1', '\t'), '[@k1]');
  });

  it('a directive written by the quick fix makes the engine skip the sentence', () => {
    for (const format of ['markdown', 'latex', 'plaintext'] as const) {
      const text = `It grew.\n${ignoreDirective(format)}\nIt carried 224 passengers.\nIt shrank.\n`;
      const s = parseDraft(text, format);
      assert.deepStrictEqual(s.map((x) => [x.text, !!x.ignored]), [['It grew.', false], ['It carried 224 passengers.', true], ['It shrank.', false]], format);
    }
    const inline = `It grew. ${ignoreDirective('markdown')} It carried 224 passengers.`;
    assert.deepStrictEqual(parseDraft(inline, 'markdown').map((x) => !!x.ignored), [false, true]);
  });

  it('the sentence recorded for the team is ignored in every form it is written in', () => {
    // The quick fix hands the finding's text (the parsed sentence) to the shared ignore-file model.
    const recorded = parseDraft('The “ferry” carried 224 passengers [@har].', 'markdown')[0].text;
    const { sentences } = parseIgnoreFile(addToIgnoreFile(undefined, { text: recorded, file: 'drafts/a.md' }));
    for (const written of ['The "ferry" carried 224 passengers \\cite{x}!', 'the  "ferry" carried 224 passengers', '@a The “ferry” carried 224 passengers.']) {
      assert.ok(sentences.has(normalizeSentence(written)), written);
    }
    assert.deepStrictEqual([...sentences], ['the "ferry" carried 224 passengers']);
  });

  it('citationInsertOffset goes before the final punctuation and quote', () => {
    assert.strictEqual(citationInsertOffset('It carried 224 passengers.'), 25);
    assert.strictEqual(citationInsertOffset('He said "yes."'), 12);
    assert.strictEqual(citationInsertOffset('No period here'), 14);
    assert.strictEqual(citationInsertOffset('Did it sail?'), 11);
    assert.strictEqual(citationInsertOffset('It sank!  '), 7);
    assert.strictEqual(citationInsertOffset('He said “yes.”'), 12);
    assert.strictEqual(citationInsertOffset('(It sank.)'), 8);
    assert.strictEqual(citationInsertOffset('It sank...'), 9);
    assert.strictEqual(citationInsertOffset('Trailing space   '), 14);
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
