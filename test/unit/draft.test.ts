import * as assert from 'assert';
import { parseDraft, normalizeSentence, findCitations } from '../../src/core/text/draft';
import { LineIndex } from '../../src/core/text/positions';
import type { DraftSentence } from '../../src/core/types';

const byText = (ss: DraftSentence[], t: string) => {
  const s = ss.find((x) => x.text === t);
  assert.ok(s, `no sentence "${t}" in ${JSON.stringify(ss.map((x) => x.text))}`);
  return s;
};

/** start/end and range agree, and slice the draft to the sentence's source. */
function checkRanges(draft: string, ss: DraftSentence[]): void {
  const idx = new LineIndex(draft);
  for (const s of ss) {
    assert.deepStrictEqual(idx.positionAt(s.start), s.range.start);
    assert.deepStrictEqual(idx.positionAt(s.end), s.range.end);
    assert.ok(!/^\s|\s$/.test(draft.slice(s.start, s.end)), `untrimmed: ${JSON.stringify(draft.slice(s.start, s.end))}`);
  }
}

describe('parseDraft: Markdown', () => {
  const md = [
    '---',
    'title: A draft. With a period.',
    'bibliography: refs.bib',
    '---',
    '',
    '# Ferry season opens',
    '',
    'The ferry carried 224 passengers. [@harbour2020]',
    'Write to jane@example.com for the timetable.',
    '',
    '```js',
    'const note = "The ferry carried 999 passengers.";',
    '```',
    '',
    '    The indented code carried 888 passengers.',
    '',
    'The budget grew `3.5%` by [a lot](https://example.com/budget) in 2019 [see @smith2019, p. 3; @lee2020].',
    'See https://example.com/page. for details.',
    '',
    '@jones2021 reports that the port reopened.',
    '',
    '## Numbers',
    '',
    '- The trip took 3.5 hours [-@lee2020].',
    '- ![a photo](ferry.png) The pier is 40 metres long.',
    '',
    '> The captain said the crossing was calm.',
    '',
    '<!-- groundwork-ignore-next -->',
    'This sentence is ignored. This one is not.',
    '',
    '<!-- groundwork-ignore-start -->',
    'Ignored one. Ignored two.',
    '<!-- groundwork-ignore-end -->',
    'Checked again.',
    '',
    '[harbour]: https://example.com/harbour "Harbour"',
  ].join('\n');
  const ss = parseDraft(md, 'markdown');

  it('skips front matter, code blocks, inline code, URLs and reference definitions', () => {
    const all = ss.map((s) => s.text).join(' | ');
    assert.ok(!all.includes('999'), all);
    assert.ok(!all.includes('888'), all);
    assert.ok(!all.includes('A draft'), all);
    assert.ok(!all.includes('bibliography'), all);
    assert.ok(!all.includes('example.com/'), all);
    assert.ok(!all.includes('3.5%'), all);
    assert.ok(!all.includes('Harbour"'), all);
    byText(ss, 'The budget grew by a lot in 2019.');
  });

  it('flags headings and other blocks', () => {
    assert.strictEqual(byText(ss, 'Ferry season opens').block, 'heading');
    assert.strictEqual(byText(ss, 'Numbers').block, 'heading');
    assert.strictEqual(byText(ss, 'The trip took 3.5 hours.').block, 'list');
    assert.strictEqual(byText(ss, 'The pier is 40 metres long.').block, 'list');
    assert.strictEqual(byText(ss, 'The captain said the crossing was calm.').block, 'quote');
    assert.strictEqual(byText(ss, 'The ferry carried 224 passengers.').block, 'paragraph');
  });

  it('extracts citations and keeps them out of the text but inside the range', () => {
    const s = byText(ss, 'The ferry carried 224 passengers.');
    assert.deepStrictEqual(s.citations, ['harbour2020']);
    assert.strictEqual(md.slice(s.start, s.end), 'The ferry carried 224 passengers. [@harbour2020]');
    const b = byText(ss, 'The budget grew by a lot in 2019.');
    assert.deepStrictEqual(b.citations, ['smith2019', 'lee2020']);
    assert.ok(md.slice(b.start, b.end).endsWith('[see @smith2019, p. 3; @lee2020].'));
    assert.deepStrictEqual(byText(ss, 'The trip took 3.5 hours.').citations, ['lee2020']);
    const intext = ss.find((x) => x.text.includes('reports that the port reopened'))!;
    assert.deepStrictEqual(intext.citations, ['jones2021']);
    assert.ok(md.slice(intext.start, intext.end).startsWith('@jones2021'));
  });

  it('does not read e-mail addresses or code as citations', () => {
    const s = byText(ss, 'Write to jane@example.com for the timetable.');
    assert.deepStrictEqual(s.citations, []);
    const r = parseDraft('Use `@decorator` and <ann@example.org> here [@real].', 'markdown');
    assert.deepStrictEqual(r.map((x) => x.citations), [['real']]);
  });

  it('honours ignore directives', () => {
    assert.strictEqual(byText(ss, 'This sentence is ignored.').ignored, true);
    assert.strictEqual(byText(ss, 'This one is not.').ignored, undefined);
    assert.strictEqual(byText(ss, 'Ignored one.').ignored, true);
    assert.strictEqual(byText(ss, 'Ignored two.').ignored, true);
    assert.strictEqual(byText(ss, 'Checked again.').ignored, undefined);
    assert.strictEqual(ss.filter((s) => s.ignored).length, 3);
  });

  it('reports exact ranges', () => {
    checkRanges(md, ss);
    const h = byText(ss, 'Ferry season opens');
    assert.deepStrictEqual(h.range, { start: { line: 5, character: 2 }, end: { line: 5, character: 20 } });
    const first = byText(ss, 'The ferry carried 224 passengers.');
    assert.deepStrictEqual(first.range, { start: { line: 7, character: 0 }, end: { line: 7, character: 48 } });
  });

  it('attaches a citation before the final period to its sentence', () => {
    const d = 'The ferry carried 224 passengers [@harbour2020]. It left at noon.';
    const r = parseDraft(d, 'markdown');
    assert.deepStrictEqual(r.map((s) => s.text), ['The ferry carried 224 passengers.', 'It left at noon.']);
    assert.deepStrictEqual(r[0].citations, ['harbour2020']);
    assert.deepStrictEqual(r[1].citations, []);
    assert.strictEqual(d.slice(r[0].start, r[0].end), 'The ferry carried 224 passengers [@harbour2020].');
  });

  it('takes the locator of an in-text citation with it', () => {
    const t = '@smith2019 [p. 33] says the port reopened.';
    const [s] = parseDraft(t, 'markdown');
    assert.strictEqual(s.text, 'says the port reopened.');
    assert.deepStrictEqual(s.citations, ['smith2019']);
    assert.strictEqual(s.start, 0);
  });

  it('blanks Pandoc inline notes but keeps their citations', () => {
    const r = parseDraft('The ferry carried 224 passengers^[Counted by the port [@port2020].]. It left.', 'markdown');
    assert.deepStrictEqual(r.map((s) => [s.text, s.citations]), [
      ['The ferry carried 224 passengers.', ['port2020']],
      ['It left.', []],
    ]);
  });

  it('treats a single line break inside a paragraph as a space', () => {
    const r = parseDraft('The ferry left\nHarlingen on Monday.\nIt was full.', 'markdown');
    assert.deepStrictEqual(r.map((s) => s.text), ['The ferry left Harlingen on Monday.', 'It was full.']);
    const l = parseDraft('The ferry left\nHarlingen on Monday.', 'latex');
    assert.deepStrictEqual(l.map((s) => s.text), ['The ferry left Harlingen on Monday.']);
  });

  it('reads setext headings, multi-line quotes and thematic breaks', () => {
    const t = 'Ferry report\n============\n\n> The captain said\n> it was calm.\n\n***\n\nSub part\n---\nThe ferry left.';
    const r = parseDraft(t, 'markdown');
    assert.deepStrictEqual(r.map((s) => [s.text, s.block]), [
      ['Ferry report', 'heading'],
      ['The captain said it was calm.', 'quote'],
      ['Sub part', 'heading'],
      ['The ferry left.', 'paragraph'],
    ]);
    checkRanges(t, r);
  });

  it('skips raw HTML script and style blocks', () => {
    const r = parseDraft('Before.\n\n<script>\nvar a = "Not. Prose.";\n</script>\n<style>p { x: 1 }</style>\n\nAfter.', 'markdown');
    assert.deepStrictEqual(r.map((s) => s.text), ['Before.', 'After.']);
  });

  it('keeps link text and emphasis text', () => {
    const r = parseDraft('The *ferry* carried __224__ [passengers](http://x.org/p) on ~~Monday~~ Tuesday.', 'markdown');
    assert.deepStrictEqual(r.map((s) => s.text), ['The ferry carried 224 passengers on Monday Tuesday.']);
  });

  it('splits table rows as their own blocks', () => {
    const t = 'Intro text here.\n\n| Year | Passengers |\n|------|-----------:|\n| 2019 | 180 |\n';
    const r = parseDraft(t, 'markdown');
    const rows = r.filter((s) => s.block === 'table').map((s) => s.text);
    assert.deepStrictEqual(rows, ['Year Passengers', '2019 180']);
  });
});

describe('parseDraft: LaTeX', () => {
  const tex = [
    '\\documentclass{article}',
    '\\usepackage{natbib}',
    '\\title{Not a claim. Preamble.}',
    '\\begin{document}',
    '\\section{Ferry traffic}',
    'The ferry carried $224$ passengers \\cite{harbour2020}. % a comment. Not prose.',
    'The \\emph{city} budget grew by 3.5\\% in 2019 \\citep[p.~3]{smith2019, lee2020}.',
    '\\begin{equation} x = 42. \\end{equation}',
    'As \\textcite{jones2021} notes, the \\textbf{port} reopened.',
    '% groundwork-ignore-next',
    'This sentence is ignored. This one is not \\parencite{a}.',
    'Costs are $x^2 + 1$ per trip, see \\ref{tab:1} and \\autocite[see][12]{b}.',
    '\\begin{itemize}',
    '  \\item First item without a period',
    '  \\item Second item.',
    '\\end{itemize}',
    '\\end{document}',
    'After the end. Not prose.',
  ].join('\n');
  const ss = parseDraft(tex, 'latex');

  it('skips the preamble, comments, math and the part after \\end{document}', () => {
    const all = ss.map((s) => s.text).join(' | ');
    for (const bad of ['Preamble', 'comment', '42', 'x^2', 'After the end', 'natbib', 'tab:1']) assert.ok(!all.includes(bad), `${bad} in ${all}`);
  });

  it('extracts \\cite variants with optional arguments', () => {
    assert.deepStrictEqual(byText(ss, 'The ferry carried 224 passengers.').citations, ['harbour2020']);
    assert.deepStrictEqual(byText(ss, 'The city budget grew by 3.5% in 2019.').citations, ['smith2019', 'lee2020']);
    assert.deepStrictEqual(byText(ss, 'As notes, the port reopened.').citations, ['jones2021']);
    assert.deepStrictEqual(byText(ss, 'Costs are per trip, see and.').citations, ['b']);
  });

  it('flags \\section as a heading and keeps \\emph/\\textbf text', () => {
    assert.strictEqual(byText(ss, 'Ferry traffic').block, 'heading');
    assert.strictEqual(byText(ss, 'The city budget grew by 3.5% in 2019.').block, 'paragraph');
  });

  it('splits \\item entries and flags them as list blocks', () => {
    assert.strictEqual(byText(ss, 'First item without a period').block, 'list');
    assert.strictEqual(byText(ss, 'Second item.').block, 'list');
    const q = parseDraft('Before.\n\\begin{quote}\nThe captain said it was calm.\n\\end{quote}\nAfter.', 'latex');
    assert.deepStrictEqual(q.map((s) => [s.text, s.block]), [
      ['Before.', 'paragraph'],
      ['The captain said it was calm.', 'quote'],
      ['After.', 'paragraph'],
    ]);
  });

  it('honours % groundwork-ignore-next', () => {
    assert.strictEqual(byText(ss, 'This sentence is ignored.').ignored, true);
    assert.strictEqual(byText(ss, 'This one is not.').ignored, undefined);
    assert.deepStrictEqual(byText(ss, 'This one is not.').citations, ['a']);
  });

  it('reports exact ranges covering the citation', () => {
    checkRanges(tex, ss);
    const s = byText(ss, 'The ferry carried 224 passengers.');
    assert.strictEqual(tex.slice(s.start, s.end), 'The ferry carried $224$ passengers \\cite{harbour2020}.');
    assert.strictEqual(s.range.start.line, 5);
  });

  it('blanks footnotes but keeps their citations, and skips tabular specs and \\verb', () => {
    const t = [
      'The ferry carried 224 passengers\\footnote{Counted by the port \\cite{port2020}.}.',
      'Use \\verb|a.b. c| here.',
      '\\begin{tabular}{|l|r|}',
      '\\hline Year & Passengers \\\\',
      '2019 & 180 \\\\',
      '\\end{tabular}',
    ].join('\n');
    const r = parseDraft(t, 'latex');
    assert.deepStrictEqual(r.map((s) => s.text), ['The ferry carried 224 passengers.', 'Use here.', 'Year Passengers', '2019 180']);
    assert.deepStrictEqual(r.map((s) => s.block), ['paragraph', 'paragraph', 'table', 'table']);
    assert.deepStrictEqual(r[0].citations, ['port2020']);
  });

  it('does not read a \\\\[2pt] line break as display math', () => {
    const t = 'First line.\\\\[2pt]\nThe ferry carried 224 passengers.\n\\[ x = 1 \\]\nIt left.';
    const r = parseDraft(t, 'latex');
    assert.deepStrictEqual(r.map((s) => s.text), ['First line.', 'The ferry carried 224 passengers.', 'It left.']);
  });

  it('composes accents and drops line-break spacing arguments', () => {
    const t = "De Sina\\\"i ligt bij caf\\'e Fran\\c{c}ois.\\\\[2pt]\nDvo\\v{r}\\'ak wrote it.";
    const r = parseDraft(t, 'latex');
    assert.deepStrictEqual(r.map((s) => s.text), ['De Sinaï ligt bij café François.', 'Dvořák wrote it.']);
    assert.strictEqual(t.slice(r[1].start, r[1].end), "Dvo\\v{r}\\'ak wrote it.");
  });

  it('breaks at \\par and \\newline', () => {
    const r = parseDraft('Ferry report\\par The ferry left\\newline Next line here. \\noindent Done.', 'latex');
    assert.deepStrictEqual(r.map((s) => s.text), ['Ferry report', 'The ferry left', 'Next line here.', 'Done.']);
  });

  it('works without a document environment and keeps escaped percent signs', () => {
    const r = parseDraft('Growth was 5\\% last year. % not this\nThe port reopened.', 'latex');
    assert.deepStrictEqual(r.map((s) => s.text), ['Growth was 5% last year.', 'The port reopened.']);
  });
});

describe('parseDraft: plain text', () => {
  it('splits as is, honours directive lines and bracketed citations', () => {
    const t = [
      'Ferry Report',
      '',
      'The ferry carried 224 passengers [@harbour2020]. Mail jane@example.com today.',
      'groundwork-ignore-next',
      'This one is ignored.',
      'groundwork-ignore-start',
      'Ignored too. And this.',
      'groundwork-ignore-end',
      'Checked.',
    ].join('\n');
    const r = parseDraft(t, 'plaintext');
    assert.deepStrictEqual(r.map((s) => s.text), [
      'Ferry Report',
      'The ferry carried 224 passengers.',
      'Mail jane@example.com today.',
      'This one is ignored.',
      'Ignored too.',
      'And this.',
      'Checked.',
    ]);
    assert.deepStrictEqual(r[1].citations, ['harbour2020']);
    assert.deepStrictEqual(r[2].citations, []);
    assert.deepStrictEqual(r.map((s) => !!s.ignored), [false, false, false, true, true, true, false]);
    checkRanges(t, r);
  });

  it('flags stand-alone Title Case lines and short unpunctuated one-line paragraphs as headings', () => {
    const t =
      'Ferry Report\n\nThe ferry carried 224 passengers\n\nCity Budget Grows Again\nThe budget grew.\n\n## Port news in 2019\n\nDone.\n\n' +
      'The budget grew again\nThe council approved it.\n\n' +
      'The ferry carried 224 passengers and 30 cars across the bay on the first morning of the new service\n';
    const r = parseDraft(t, 'plaintext');
    assert.deepStrictEqual(
      r.map((s) => [s.text, s.block]),
      [
        ['Ferry Report', 'heading'],
        // A sentence-case headline: a line of its own between blank lines, no end punctuation.
        ['The ferry carried 224 passengers', 'heading'],
        ['City Budget Grows Again', 'heading'],
        ['The budget grew.', 'paragraph'],
        ['Port news in 2019', 'heading'],
        ['Done.', 'paragraph'],
        // Not a paragraph of its own: a line of a paragraph, which the next line continues.
        ['The budget grew again The council approved it.', 'paragraph'],
        // Longer than a headline (more than 12 words): a claim whose full stop is missing.
        ['The ferry carried 224 passengers and 30 cars across the bay on the first morning of the new service', 'paragraph'],
      ],
    );
  });

  it('accepts directive lines wrapped like comments', () => {
    const t = 'One.\n# groundwork-ignore-next\nTwo.\n<!-- groundwork-ignore-next -->\nThree.\n// groundwork-ignore-next\nFour.\nFive.';
    const r = parseDraft(t, 'plaintext');
    assert.deepStrictEqual(r.map((s) => [s.text, !!s.ignored]), [
      ['One.', false],
      ['Two.', true],
      ['Three.', true],
      ['Four.', true],
      ['Five.', false],
    ]);
  });

  it('flags photo credits as captions', () => {
    const r = parseDraft('The ferry at the pier. Photo: Port Authority\n\nIt left.', 'plaintext');
    assert.deepStrictEqual(r.map((s) => [s.text, s.block]), [
      ['The ferry at the pier.', 'paragraph'],
      ['Photo: Port Authority', 'caption'],
      ['It left.', 'paragraph'],
    ]);
  });

  it('survives empty input', () => {
    assert.deepStrictEqual(parseDraft('', 'plaintext'), []);
    assert.deepStrictEqual(parseDraft('', 'markdown'), []);
    assert.deepStrictEqual(parseDraft('', 'latex'), []);
  });
});

describe('findCitations', () => {
  it('lists citation markers with their spans', () => {
    const t = 'A [@x; @y]. B \\cite{z}.';
    const md = findCitations(t, 'markdown');
    assert.deepStrictEqual(md.map((c) => c.keys), [['x', 'y']]);
    assert.strictEqual(t.slice(md[0].start, md[0].end), '[@x; @y]');
    assert.deepStrictEqual(md[0].keySpans.map((k) => [k.key, t.slice(k.start, k.end)]), [['x', 'x'], ['y', 'y']]);
    const tex = findCitations(t, 'latex');
    assert.deepStrictEqual(tex.map((c) => c.keys), [['z']]);
    const t2 = 'See \\citep[p.~3]{ smith2019 , lee2020}. As @jones2021 notes.';
    const c2 = findCitations(t2, 'latex')[0];
    assert.deepStrictEqual(c2.keySpans.map((k) => t2.slice(k.start, k.end)), ['smith2019', 'lee2020']);
    const c3 = findCitations(t2, 'markdown')[0];
    assert.deepStrictEqual(c3.keySpans.map((k) => t2.slice(k.start, k.end)), ['jones2021']);
    assert.strictEqual(t2.slice(c3.start, c3.end), '@jones2021');
  });
  it('reads the natbib and biblatex citation commands (citenum, footcitetext, footcites...)', () => {
    for (const cmd of ['citenum', 'footcitetext', 'footcites', 'smartcites', 'supercites', 'Footcite', 'citetitle', 'parencite*']) {
      const t = `A claim \\${cmd}{k1}.`;
      assert.deepStrictEqual(findCitations(t, 'latex').map((c) => c.keys), [['k1']], cmd);
    }
    assert.deepStrictEqual(findCitations('A claim \\emph{k1}.', 'latex'), []);
  });
});

describe('normalizeSentence', () => {
  it('normalizes for the team ignore file', () => {
    const a = normalizeSentence('  The “Ferry”  carried 224 passengers [@harbour2020].  ');
    assert.strictEqual(a, 'the "ferry" carried 224 passengers');
    assert.strictEqual(normalizeSentence('The "ferry" carried 224 passengers \\cite{x}!'), a);
    assert.strictEqual(normalizeSentence('@smith2019 says the port’s budget grew.'), "says the port's budget grew");
    assert.strictEqual(normalizeSentence('Mail jane@example.com.'), 'mail jane@example.com');
  });

  it('matches a parsed draft sentence to its raw form', () => {
    const raw = 'The ferry carried 224 passengers [@harbour2020].';
    const [s] = parseDraft(raw, 'markdown');
    assert.strictEqual(normalizeSentence(s.text), normalizeSentence(raw));
  });
});

describe('parseDraft robustness', () => {
  it('never throws and keeps ranges valid on random markup soup', () => {
    let seed = 7;
    const rnd = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
    const pieces = ['The ferry', ' carried ', '224', '.', ' ', '\n', '\n\n', '\r\n', '[@a]', '@b', '\\cite{c}', '%', '$', '`', '```', '<!--', '-->', '# ', '- ', '> ', '|', '---', '*', '_', '[', ']', '(', ')', '{', '}', '\\', '😀', '“', 'Mr.', '...', '?', 'groundwork-ignore-next', '\\begin{document}', '\\section{', 'http://x.y/z', '    '];
    for (let iter = 0; iter < 400; iter++) {
      let s = '';
      const len = Math.floor(rnd() * 50);
      for (let i = 0; i < len; i++) s += pieces[Math.floor(rnd() * pieces.length)];
      for (const fmt of ['markdown', 'latex', 'plaintext'] as const) {
        const ss = parseDraft(s, fmt);
        checkRanges(s, ss);
        for (const x of ss) assert.ok(x.start >= 0 && x.start < x.end && x.end <= s.length && x.text.length > 0);
      }
    }
  });
});
