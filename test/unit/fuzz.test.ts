/**
 * Issue 8: a seeded fuzz test. Random and pathological Markdown, LaTeX, HTML and plain
 * text (pieces of every construct the scanners know, glued at random, plus runs of
 * one piece) go to the draft parser, the source parser and the check. Every call must
 * return without an exception, with ranges inside the text, and the work must stay
 * linear: the same documents with every piece eight times as often (runs eight times as long)
 * cost about eight times as much (see
 * helpers/work.ts), never the square. The seed is fixed, so a failure reproduces.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseDraft } from '../../src/core/text/draft';
import { parseSource } from '../../src/core/corpus/parse';
import { createEngine } from '../../src/core/engine';
import type { DraftFormat } from '../../src/core/types';
import { growth, MAX_RATIO, prng } from './helpers/work';

const PIECES = [
  // Markdown
  '`', '``', '```', '[', ']', '![', '](', '(', ')', '[@', '@', '[^', '^[', '*', '_', '~~', '#', '# ', '> ', '- ', '1. ',
  '|', '-|-', '\n---\n', '<!--', '-->', '<a href="x">', '</a>', 'http://x.y/', 'www.', '\\', '\n', '\n\n', '    ',
  // LaTeX
  '\\begin{', '\\begin{quote}', '\\end{quote}', '\\end{', '}', '{', '\\cite{', '\\cite[', '\\section{', '\\footnote{', '$', '$$',
  '\\[', '\\]', '\\(', '\\)', '%', '\\%', '\\\\', '\\item[', '\\verb|', '\\href{', '&', '~', "\\'e",
  // HTML
  '<p>', '</p>', '<div>', '</div>', '<script>', '</script>', '<svg>', '<title>', '&amp;', '&#', '&#x41;', '<', '>', '<br>',
  // prose, numbers, dates, names
  'The ', 'ferry ', 'carried ', '224 ', 'passengers ', 'on ', '5 January 2018', ', ', '. ', '! ', '? ', '…', 'Mr. ',
  'J. K. Rowling ', 'Van der Berg ', 'al-Aqsa ', '3.5 million ', '1,000 ', '12% ', 'the 1970s ', 'last year ', 'not ',
  '"', '“', '”', "'", 'Dr.', 'U.S. ', '\u00a0', '\u200b', '\u202e', '\u0000', '\uFFFD', '😀',
];

interface Token {
  piece: string;
  times: number;
}

/** A random document as pieces with repeat counts (a run of one piece now and then). */
function randomTokens(rnd: () => number, length: number): Token[] {
  const out: Token[] = [];
  let size = 0;
  while (size < length) {
    const piece = PIECES[Math.floor(rnd() * PIECES.length)];
    // Now and then a run of one piece: the shape that breaks backtracking patterns.
    const times = rnd() < 0.1 ? 1 + Math.floor(rnd() * 200) : 1;
    out.push({ piece, times });
    size += piece.length * times;
  }
  return out;
}

/** The document with every piece repeated `k` times as often: k times as long, its runs k times as long too. */
function render(tokens: Token[], k = 1): string {
  return tokens.map((t) => t.piece.repeat(t.times * k)).join('');
}

function randomDoc(rnd: () => number, length: number): string {
  return render(randomTokens(rnd, length));
}

const enc = new TextEncoder();
const FORMATS: DraftFormat[] = ['markdown', 'latex', 'plaintext'];
const KINDS = ['a.md', 'a.html', 'a.txt'];

function parseAll(doc: string): void {
  for (const f of FORMATS) {
    for (const s of parseDraft(doc, f)) {
      assert.ok(s.start >= 0 && s.end <= doc.length && s.start <= s.end, `${f}: range ${s.start}-${s.end} of ${doc.length}`);
    }
  }
  const bytes = enc.encode(doc);
  for (const k of KINDS) {
    const r = parseSource(k, bytes);
    for (const p of r.doc?.passages ?? []) assert.ok(p.range.start.line <= p.range.end.line, `${k}: passage range`);
  }
}

describe('fuzz: drafts, sources and checks (issue 8)', function () {
  this.timeout(120000);
  const seeds = path.join(__dirname, '..', '..', 'seeds');
  const engine = createEngine();
  for (const f of fs.readdirSync(seeds)) engine.upsertSource(`seeds/${f}`, fs.readFileSync(path.join(seeds, f)));

  it('parses 150 random documents in every format without an exception', () => {
    const rnd = prng(20261206);
    for (let i = 0; i < 150; i++) {
      const doc = randomDoc(rnd, 200 + Math.floor(rnd() * 3000));
      try {
        parseAll(doc);
      } catch (e) {
        throw new Error(`document ${i} (${JSON.stringify(doc.slice(0, 200))}...): ${(e as Error).message}`);
      }
    }
  });

  it('checks 30 random drafts in every format without an exception', async () => {
    const rnd = prng(8);
    for (let i = 0; i < 30; i++) {
      const doc = randomDoc(rnd, 300 + Math.floor(rnd() * 1500));
      for (const f of FORMATS) {
        const findings = await engine.check(doc, { format: f });
        for (const x of findings) assert.ok(x.range.start.line <= x.range.end.line);
      }
    }
  });

  it('does linear work: random documents eight times as long cost about eight times as much', () => {
    const rnd = prng(1206);
    const docs = Array.from({ length: 12 }, () => randomTokens(rnd, 1500));
    // make(k): every document with its pieces (and so its runs) k times as long.
    const g = growth((k) => String(k), 1, (s) => {
      for (const d of docs) parseAll(render(d, Number(s)));
    }, 2);
    assert.ok(g.ratio <= MAX_RATIO, `parsing: ${g.small.toFixed(0)} ms -> ${g.large.toFixed(0)} ms (ratio ${g.ratio.toFixed(1)}, linear is about 8)`);
    const c = growth((k) => String(k), 1, async (s) => {
      for (const d of docs.slice(0, 4)) for (const f of FORMATS) await engine.check(render(d, Number(s)), { format: f });
    }, 1);
    assert.ok(c.ratio <= MAX_RATIO, `checking: ${c.small.toFixed(0)} ms -> ${c.large.toFixed(0)} ms (ratio ${c.ratio.toFixed(1)}, linear is about 8)`);
  });
});
