/**
 * Issue 8, item 1: every scanner of Markdown, LaTeX, HTML, plain text (and the numbers,
 * dates and names read from them) is linear in its input. Each case is a pathological
 * input (long runs of one construct that a backtracking pattern rescans from every
 * position); growing it eightfold must grow the work about eightfold, not 64-fold.
 * See helpers/work.ts for how work is compared without absolute time limits.
 */
import { strict as assert } from 'node:assert';
import { parseDraft } from '../../src/core/text/draft';
import { parseSource } from '../../src/core/corpus/parse';
import { codeSpans, maskMarkdown } from '../../src/core/text/markdown';
import { splitSentences } from '../../src/core/text/sentences';
import { growth, MAX_RATIO } from './helpers/work';

const enc = new TextEncoder();
type Gen = (n: number) => string;
type Runner = (s: string) => unknown;

const RUN: Record<string, Runner> = {
  'draft.md': (s) => parseDraft(s, 'markdown'),
  'draft.tex': (s) => parseDraft(s, 'latex'),
  'draft.txt': (s) => parseDraft(s, 'plaintext'),
  'source.md': (s) => parseSource('a.md', enc.encode(s)),
  'source.html': (s) => parseSource('a.html', enc.encode(s)),
  'source.txt': (s) => parseSource('a.txt', enc.encode(s)),
};
const MD = ['draft.md', 'source.md'];
const TEX = ['draft.tex'];
const TXT = ['draft.txt', 'source.txt'];
const HTML = ['source.html'];
/** One parser per kind of scanner: Markdown draft, LaTeX draft, plain and HTML sources. */
const ALL = ['draft.md', 'draft.tex', 'source.txt', 'source.html'];

/** [name, generator (n repetitions), parsers, n] */
const CASES: Array<[string, Gen, string[], number]> = [
  // Markdown inline constructs (issue 8: code spans, `[` + `@`, `[` at line starts, `![`).
  ['a run of backticks', (n) => 'a ' + '`'.repeat(n), MD, 750],
  ['backtick runs of growing length', (n) => Array.from({ length: Math.ceil(Math.sqrt(n)) }, (_, i) => '`'.repeat(i + 1) + 'x').join(' '), MD, 2000],
  ['`a repeated', (n) => '`a'.repeat(n), MD, 2000],
  ['[ and a run of @', (n) => 'x [' + '@'.repeat(n), [...MD, 'draft.txt'], 4000],
  ['[ at line starts', (n) => '[\n'.repeat(n), MD, 2000],
  ['text then [ on each line', (n) => 'a\n['.repeat(n), MD, 2000],
  ['![ repeated', (n) => '!['.repeat(n), MD, 2000],
  ['[ repeated', (n) => '['.repeat(n), MD, 2000],
  ['[a]( repeated', (n) => '[a]('.repeat(n), MD, 1500],
  ['^[ repeated', (n) => '^['.repeat(n), MD, 1500],
  ['[^ repeated', (n) => '[^'.repeat(n), MD, 1500],
  ['\\[ repeated', (n) => '\\['.repeat(n), MD, 2000],
  ['[@ repeated', (n) => '[@'.repeat(n), [...MD, 'draft.txt'], 2000],
  ['< repeated', (n) => '<a '.repeat(n), MD, 2000],
  ['<!-- repeated', (n) => '<!--'.repeat(n), MD, 2000],
  ['URLs without end', (n) => 'www.' + '.'.repeat(n), MD, 4000],
  ['emphasis markers', (n) => '*a _b '.repeat(n), MD, 1500],
  ['table rows', (n) => 'a|b\n-|-\n'.repeat(n), MD, 1500],
  ['table delimiter with a run of blanks', (n) => 'a|b\n-' + ' '.repeat(n) + 'x', MD, 4000],
  ['heading with a run of blanks', (n) => '# a' + ' '.repeat(n) + 'b', MD, 4000],
  ['front matter value with a run of blanks', (n) => '---\ntitle: a' + ' '.repeat(n) + 'b\n---\nText.', MD, 4000],
  ['unclosed front matter', (n) => '---\n' + 'a: b\n'.repeat(n), MD, 1500],
  ['fences', (n) => '```\n'.repeat(n), MD, 2000],
  ['quote markers', (n) => '> '.repeat(n), MD, 4000],
  ['list markers', (n) => '1. '.repeat(n), MD, 2000],
  // LaTeX (issue 8: `\begin{` x 20k).
  ['\\begin{ repeated', (n) => '\\begin{'.repeat(n), TEX, 1500],
  ['unmatched \\begin and \\end', (n) => '\\begin{a}'.repeat(n) + '\\end{b}'.repeat(n), TEX, 1000],
  ['many quote environments', (n) => '\\begin{quote}x\\end{quote}\\\\'.repeat(n), TEX, 500],
  ['\\cite{ repeated', (n) => '\\cite{'.repeat(n), TEX, 1500],
  ['\\cite[ repeated', (n) => '\\cite['.repeat(n), [...TEX, ...MD], 1500],
  ['\\section{ repeated', (n) => '\\section{'.repeat(n), TEX, 1500],
  ['\\footnote{ repeated', (n) => '\\footnote{'.repeat(n), TEX, 1500],
  ['\\href{ repeated', (n) => '\\href{'.repeat(n), TEX, 1500],
  ['\\label{ repeated', (n) => '\\label{'.repeat(n), TEX, 1500],
  ['\\item[ repeated', (n) => '\\item['.repeat(n), [...TEX, ...MD], 1500],
  ['\\[ without \\]', (n) => '\\['.repeat(n), TEX, 2000],
  ['\\( without \\)', (n) => '\\('.repeat(n), TEX, 2000],
  ['$ repeated', (n) => '$a'.repeat(n), TEX, 2000],
  ['escaped % repeated', (n) => '\\%'.repeat(n), TEX, 2000],
  ['line breaks \\\\', (n) => '\\\\'.repeat(n), TEX, 2000],
  ['braces', (n) => '{'.repeat(n), TEX, 2000],
  // HTML.
  ['nested elements', (n) => '<div>a'.repeat(n), HTML, 1500],
  ['nested svg', (n) => '<svg>'.repeat(n), HTML, 1500],
  ['unmatched close tags', (n) => '<div>'.repeat(300) + '</x>'.repeat(n), HTML, 1500],
  ['entities', (n) => '&#'.repeat(n), HTML, 2000],
  ['< repeated (html)', (n) => '<'.repeat(n), HTML, 2000],
  // Plain text, sentences, header lines, numbers, dates, names.
  ['header line with a run of blanks', (n) => 'title: a' + ' '.repeat(n) + 'b\n\nText here.', TXT, 4000],
  ['byline with a run of blanks', (n) => 'By Ann' + ' '.repeat(n) + 'x\n\nText.', TXT, 4000],
  ['blocks without terminators', (n) => 'a|b\n-|-\n'.repeat(n), ['draft.md'], 1500],
  ['periods', (n) => '.'.repeat(n), ALL, 2000],
  ['initials', (n) => 'A. '.repeat(n), ALL, 1500],
  ['exclamations', (n) => 'Abc! '.repeat(n), ALL, 1500],
  ['digit runs', (n) => '1'.repeat(n), ALL, 4000],
  ['grouped numbers', (n) => '1 000 '.repeat(n), ALL, 1500],
  ['number punctuation', (n) => '1,'.repeat(n) + '1.'.repeat(n), ALL, 1500],
  ['dates', (n) => 'January 5, 2018 '.repeat(n), ALL, 750],
  ['capitalized names', (n) => 'Van Der '.repeat(n), ALL, 1000],
  ['hyphenated names', (n) => 'Al-'.repeat(n), ALL, 1500],
  ['quotes and brackets', (n) => '"('.repeat(n), ALL, 2000],
  ['blank lines', (n) => 'a' + '\n'.repeat(n) + 'b', ALL, 4000],
];

describe('linear scanners (issue 8)', function () {
  this.timeout(120000);
  for (const [name, gen, runners, n] of CASES) {
    for (const r of runners) {
      it(`${r}: ${name}`, () => {
        const g = growth(gen, n, RUN[r]);
        assert.ok(
          g.ratio <= MAX_RATIO,
          `${r} on "${name}": ${g.small.toFixed(1)} ms -> ${g.large.toFixed(1)} ms for an 8x longer input (ratio ${g.ratio.toFixed(1)}, linear is about 8)`,
        );
      });
    }
  }

  it('code spans pair backtick runs of equal length, like CommonMark', () => {
    assert.deepEqual(codeSpans('a `b` c'), [[2, 5]]);
    assert.deepEqual(codeSpans('``a`b`` c'), [[0, 7]]);
    assert.deepEqual(codeSpans('`a ``b`` c'), [[3, 8]]);
    assert.deepEqual(codeSpans('````'), []);
    assert.equal(maskMarkdown('Use `x` here.').masked, 'Use     here.');
  });

  it('the sentence splitter stays linear over many short blocks', () => {
    const g = growth((k) => 'a b c\n\n'.repeat(k), 4000, (s) => splitSentences(s));
    assert.ok(g.ratio <= MAX_RATIO, `ratio ${g.ratio.toFixed(1)}`);
  });
});
