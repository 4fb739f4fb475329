import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { LineIndex } from '../../src/core/text/positions';
import { decodeSource, decodeWindows1252 } from '../../src/core/corpus/decode';
import { detectLanguage } from '../../src/core/corpus/language';
import { parseSource, normalizeDate, shortenTitle, pageTitle } from '../../src/core/corpus/parse';
import { assignKeys, citationKey, groupKeys, pathSuffix } from '../../src/core/corpus/keys';
import { fnv1a64 } from '../../src/core/corpus/hash';
import type { Range } from '../../src/core/types';

const enc = (s: string) => new TextEncoder().encode(s);
const seedDir = (() => {
  const local = path.join(__dirname, '..', '..', 'seeds');
  return fs.existsSync(local) ? local : path.join(__dirname, '..', '..', '..', 'shared', 'seeds');
})();
const seedFiles = fs.readdirSync(seedDir).filter((f) => f.endsWith('.txt')).sort();
const readSeed = (f: string) => new Uint8Array(fs.readFileSync(path.join(seedDir, f)));
const seedByPrefix = (p: string) => seedFiles.find((f) => f.startsWith(p))!;

/** The text of `range` in `text`. */
function slice(text: string, range: Range): string {
  const idx = new LineIndex(text);
  return text.slice(idx.offsetAt(range.start), idx.offsetAt(range.end));
}

describe('LineIndex', () => {
  it('maps offsets to positions and back with \\n, \\r\\n and \\r', () => {
    const t = 'ab\ncd\r\nef\rgh';
    const idx = new LineIndex(t);
    assert.strictEqual(idx.lineCount, 4);
    assert.deepStrictEqual(idx.positionAt(0), { line: 0, character: 0 });
    assert.deepStrictEqual(idx.positionAt(3), { line: 1, character: 0 });
    assert.deepStrictEqual(idx.positionAt(7), { line: 2, character: 0 });
    assert.deepStrictEqual(idx.positionAt(10), { line: 3, character: 0 });
    assert.deepStrictEqual(idx.positionAt(t.length), { line: 3, character: 2 });
    for (let o = 0; o <= t.length; o++) {
      if (t[o - 1] === '\r' && t[o] === '\n') continue; // inside a CRLF
      assert.strictEqual(idx.offsetAt(idx.positionAt(o)), o, `offset ${o}`);
    }
  });

  it('clamps out-of-range input and counts UTF-16 code units', () => {
    const t = 'é😀x\nyz';
    const idx = new LineIndex(t);
    assert.deepStrictEqual(idx.positionAt(3), { line: 0, character: 3 });
    assert.deepStrictEqual(idx.positionAt(-5), { line: 0, character: 0 });
    assert.deepStrictEqual(idx.positionAt(999), { line: 1, character: 2 });
    assert.strictEqual(idx.offsetAt({ line: 0, character: 99 }), 4);
    assert.strictEqual(idx.offsetAt({ line: 9, character: 0 }), t.length);
    // Inside a CRLF the position is the end of the line.
    assert.deepStrictEqual(new LineIndex('a\r\nb').positionAt(2), { line: 0, character: 1 });
  });
});

describe('decodeSource', () => {
  it('decodes UTF-8 with and without BOM', () => {
    const plain = decodeSource(enc('Café on the quay.'));
    assert.ok(plain.ok && plain.text === 'Café on the quay.' && !plain.fallback && plain.encoding === 'utf-8');
    const bom = decodeSource(new Uint8Array([0xef, 0xbb, 0xbf, ...enc('Café.')]));
    assert.ok(bom.ok && bom.text === 'Café.' && bom.encoding === 'utf-8-bom');
  });

  it('falls back to Windows-1252 for invalid UTF-8', () => {
    // "café – 5 €" in Windows-1252: é = E9, en dash = 96, euro = 80.
    const bytes = new Uint8Array([0x63, 0x61, 0x66, 0xe9, 0x20, 0x96, 0x20, 0x35, 0x20, 0x80]);
    const r = decodeSource(bytes);
    assert.ok(r.ok);
    assert.strictEqual(r.text, 'café – 5 €');
    assert.strictEqual(r.fallback, true);
    assert.strictEqual(r.encoding, 'windows-1252');
    assert.strictEqual(decodeWindows1252(new Uint8Array([0x41, 0xfc, 0x93, 0x94])), 'Aü“”');
  });

  it('keeps mostly-UTF-8 files as UTF-8, replacing the few bad bytes', () => {
    const bytes = new Uint8Array([...enc('The café’s “ferry” left'), 0xff, ...enc(' at noon.')]);
    const r = decodeSource(bytes);
    assert.ok(r.ok);
    assert.strictEqual(r.text, 'The café’s “ferry” left\ufffd at noon.');
    assert.strictEqual(r.fallback, true);
    assert.strictEqual(r.encoding, 'utf-8-lenient');
  });

  it('decodes UTF-16 LE and BE with BOM', () => {
    const s = 'Ferry 224 passengers – café';
    const le = new Uint8Array(2 + s.length * 2);
    const be = new Uint8Array(2 + s.length * 2);
    le.set([0xff, 0xfe]);
    be.set([0xfe, 0xff]);
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      le[2 + 2 * i] = c & 0xff;
      le[3 + 2 * i] = c >> 8;
      be[2 + 2 * i] = c >> 8;
      be[3 + 2 * i] = c & 0xff;
    }
    const a = decodeSource(le);
    const b = decodeSource(be);
    assert.ok(a.ok && a.text === s && a.encoding === 'utf-16le');
    assert.ok(b.ok && b.text === s && b.encoding === 'utf-16be');
    const odd = decodeSource(le.subarray(0, le.length - 1));
    assert.ok(!odd.ok && odd.code === 'undecodable');
  });

  it('rejects binary and empty files', () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]);
    const r = decodeSource(png);
    assert.ok(!r.ok && r.code === 'binary');
    const ctrl = new Uint8Array(200).map((_, i) => (i % 3 === 0 ? 0x01 : 0x41));
    const c = decodeSource(ctrl);
    assert.ok(!c.ok && c.code === 'binary');
    const e = decodeSource(new Uint8Array(0));
    assert.ok(!e.ok && e.code === 'empty');
    const w = decodeSource(enc('  \n\t\r\n '));
    assert.ok(!w.ok && w.code === 'empty');
    const wb = decodeSource(new Uint8Array([0xef, 0xbb, 0xbf, 0x20, 0x0a]));
    assert.ok(!wb.ok && wb.code === 'empty');
  });
});

describe('fnv1a64', () => {
  it('matches the FNV-1a 64 reference values', () => {
    assert.strictEqual(fnv1a64(new Uint8Array(0)), 'cbf29ce484222325');
    assert.strictEqual(fnv1a64(enc('a')), 'af63dc4c8601ec8c');
    assert.strictEqual(fnv1a64(enc('foobar')), '85944171f73967e8');
  });
});

describe('detectLanguage', () => {
  it('tells the Dutch seed from the English ones', () => {
    for (const f of seedFiles) {
      const text = new TextDecoder().decode(readSeed(f));
      const expected = f.startsWith('000') ? 'nl' : 'en';
      assert.strictEqual(detectLanguage(text), expected, f);
    }
  });

  it('works on single sentences and says und for no words', () => {
    assert.strictEqual(detectLanguage('The ferry carried 224 passengers on its first trip.'), 'en');
    assert.strictEqual(detectLanguage('De veerboot vervoerde op de eerste tocht 224 passagiers.'), 'nl');
    assert.strictEqual(detectLanguage('12 345 678'), 'und');
    assert.strictEqual(detectLanguage(''), 'und');
  });
});

describe('normalizeDate and shortenTitle', () => {
  it('normalizes common date forms to ISO', () => {
    assert.strictEqual(normalizeDate('2018-01-05T10:00:00Z'), '2018-01-05');
    assert.strictEqual(normalizeDate('2018-1'), '2018-01');
    assert.strictEqual(normalizeDate('2018'), '2018');
    assert.strictEqual(normalizeDate('5 January 2018'), '2018-01-05');
    assert.strictEqual(normalizeDate('January 5, 2018'), '2018-01-05');
    assert.strictEqual(normalizeDate('5 januari 2018'), '2018-01-05');
    assert.strictEqual(normalizeDate('05-01-2018'), '2018-01-05');
    assert.strictEqual(normalizeDate('soon'), undefined);
  });

  it('shortens at a word boundary with an ellipsis', () => {
    const t = shortenTitle('The ferry company said on Monday that the number of passengers grew by a quarter in the year.');
    assert.ok(t.length <= 81, t);
    assert.ok(t.endsWith('…'));
    assert.ok('The ferry company said on Monday that the number of passengers grew by a quarter'.startsWith(t.slice(0, -1)));
  });
});

describe('parseSource', () => {
  it('parses every seed with exact passage ranges', () => {
    for (const f of seedFiles) {
      const bytes = readSeed(f);
      const text = new TextDecoder().decode(bytes);
      const { doc, warnings } = parseSource(`seeds/${f}`, bytes);
      assert.ok(doc, f);
      assert.deepStrictEqual(warnings, []);
      assert.ok(doc.passages.length >= 10, f);
      doc.passages.forEach((p, i) => {
        assert.strictEqual(p.ordinal, i);
        assert.strictEqual(p.id, `seeds/${f}#${i}`);
        assert.strictEqual(slice(text, p.range), p.text, `${f} passage ${i}`);
      });
      assert.match(doc.hash, /^[0-9a-f]{16}$/);
    }
  });

  it('reads the leading date prefix as metadata and keeps offsets exact', () => {
    const f000 = parseSource('s/000.txt', readSeed(seedByPrefix('000'))).doc!;
    const f002 = parseSource('s/002.txt', readSeed(seedByPrefix('002'))).doc!;
    assert.strictEqual(f000.date, '2018-01');
    assert.strictEqual(f002.date, '2018-01-05');
    assert.ok(f002.passages[0].text.startsWith('The Egyptian branch of ISIS'));
    assert.deepStrictEqual(f002.passages[0].range.start, { line: 0, character: ' date 2018-01-05 '.length });
    for (const d of [f000, f002]) assert.ok(!d.passages.some((p) => /\bdate 2018/.test(p.text)));
    assert.ok(!f002.text.includes('date 2018'));
    // A synthetic one, with CRLF line ends.
    const t = ' date 2020-06 The ferry left.\r\n\r\nIt came back.';
    const d = parseSource('x.txt', enc(t)).doc!;
    assert.strictEqual(d.date, '2020-06');
    assert.deepStrictEqual(d.passages.map((p) => slice(t, p.range)), ['The ferry left.', 'It came back.']);
  });

  it('derives the titles of the five seeds', () => {
    const titles = Object.fromEntries(seedFiles.map((f) => [f.slice(0, 3), parseSource(f, readSeed(f)).doc!.title]));
    assert.strictEqual(titles['001'], "Gaza's Next War: ISIS Vows to Overthrow Radical Rival Hamas for Failing to Stop Trump");
    assert.strictEqual(titles['003'], 'Gaza Jihadists Launch Anti-Hamas Videos In Bid To Get Islamic State Official Recognition');
    // No headline: the first sentence, shortened at a word boundary.
    for (const k of ['000', '002', '004']) {
      assert.ok(titles[k].endsWith('…'), titles[k]);
      assert.ok(titles[k].length <= 81, titles[k]);
      assert.ok(!/date/.test(titles[k]));
    }
    assert.ok(titles['000'].startsWith('In een video roept de Egyptische tak van ISIS'));
    assert.ok(titles['002'].startsWith('The Egyptian branch of ISIS has released'));
  });

  it('detects the language of each seed', () => {
    for (const f of seedFiles) assert.strictEqual(parseSource(f, readSeed(f)).doc!.language, f.startsWith('000') ? 'nl' : 'en');
  });

  it('reads plain-text header lines (By, Source)', () => {
    const t = 'Ferry Season Opens\nBy Anna de Vries\nSource: Harbour Gazette\n\nThe ferry carried 224 passengers on Monday.';
    const d = parseSource('n.txt', enc(t)).doc!;
    assert.strictEqual(d.title, 'Ferry Season Opens');
    assert.strictEqual(d.author, 'Anna de Vries');
    assert.strictEqual(d.outlet, 'Harbour Gazette');
    assert.deepStrictEqual(d.passages.map((p) => p.text), ['Ferry Season Opens', 'The ferry carried 224 passengers on Monday.']);
    // Prose that merely starts like a label stays prose.
    const p = parseSource('p.txt', enc('Source: the port authority counted 224 passengers on the first day.\nBy the end of May the ferry was full.')).doc!;
    assert.strictEqual(p.outlet, undefined);
    assert.strictEqual(p.author, undefined);
    assert.strictEqual(p.passages.length, 2);
  });

  it('reads "(meta data) LABEL: value" headers and cleans page titles', () => {
    const t = [
      '(meta data) TITLE: Ferry season opens | Harbour Gazette',
      '(meta data) AUTHOR: https://example.com/profile/anna',
      '(meta data) PUBLISHER: Harbour Gazette',
      '(meta data) PUBLISHED DATETIME: 2016-06-27T19:09:17Z',
      '(meta data) COPYRIGHT: Harbour Gazette 2016',
      '# Ferry season opens',
      'The ferry carried 224 passengers.',
    ].join('\n');
    const { doc } = parseSource('w.txt', enc(t));
    assert.ok(doc);
    assert.strictEqual(doc.title, 'Ferry season opens');
    assert.strictEqual(doc.author, undefined);
    assert.strictEqual(doc.outlet, 'Harbour Gazette');
    assert.strictEqual(doc.date, '2016-06-27');
    assert.ok(!doc.passages.some((p) => /https|COPYRIGHT|2016-06-27/.test(p.text)));
    assert.strictEqual(citationKey({ ...doc }), 'harbour2016ferry');
    assert.strictEqual(pageTitle('BBC News - Kate marries Ned', 'BBC News'), 'Kate marries Ned');
    assert.strictEqual(pageTitle('Campaigners celebrate | World news | The Guardian'), 'Campaigners celebrate');
  });

  it('reads a line holding only a date as the date', () => {
    const t = 'Ferry Season Opens\nMonday, 5 January 2018\n\nThe ferry left on 5 January 2018.';
    const d = parseSource('d.txt', enc(t)).doc!;
    assert.strictEqual(d.date, '2018-01-05');
    assert.deepStrictEqual(d.passages.map((p) => p.text), ['Ferry Season Opens', 'The ferry left on 5 January 2018.']);
    // A sentence that merely contains a year is not a date line.
    const d2 = parseSource('d2.txt', enc('In 2018 the ferry left.')).doc!;
    assert.strictEqual(d2.date, undefined);
  });

  it('reads TOML front matter', () => {
    const d = parseSource('t.md', enc('+++\ntitle = "Ferry news"\ndate = 2019-04-02\n+++\n\nThe ferry left.')).doc!;
    assert.strictEqual(d.title, 'Ferry news');
    assert.strictEqual(d.date, '2019-04-02');
    assert.deepStrictEqual(d.passages.map((p) => p.text), ['The ferry left.']);
  });

  it('parses Markdown: front matter, masked syntax, exact ranges', () => {
    const md = [
      '---',
      'title: "Ferry season opens"',
      'date: 2020-05-01',
      'author: [Piet de Vries, Ann Smith]',
      'source: Harbour News',
      '---',
      '',
      '# Ferry season opens',
      '',
      'The ferry carried **224 passengers** on its [first trip](https://example.com/trip).',
      '![a photo](img.png)',
      '',
      '```',
      'code. Not prose.',
      '```',
      '',
      '<!-- a comment. Not prose. -->',
      '- It left at 12.30 from `Pier 4`.',
      '- The trip took 3.5 hours.',
    ].join('\n');
    const { doc, warnings } = parseSource('b/Ferry.MD', enc(md));
    assert.deepStrictEqual(warnings, []);
    assert.ok(doc);
    assert.strictEqual(doc.title, 'Ferry season opens');
    assert.strictEqual(doc.date, '2020-05-01');
    assert.strictEqual(doc.author, 'Piet de Vries, Ann Smith');
    assert.strictEqual(doc.outlet, 'Harbour News');
    const texts = doc.passages.map((p) => p.text);
    assert.deepStrictEqual(texts, [
      'Ferry season opens',
      'The ferry carried 224 passengers on its first trip.',
      'It left at 12.30 from.',
      'The trip took 3.5 hours.',
    ]);
    const p1 = doc.passages[1];
    assert.strictEqual(slice(md, p1.range), 'The ferry carried **224 passengers** on its [first trip](https://example.com/trip).');
    assert.deepStrictEqual(p1.range.start, { line: 9, character: 0 });
    assert.strictEqual(slice(md, doc.passages[0].range), 'Ferry season opens');
    assert.ok(!doc.text.includes('**'));
    assert.ok(!doc.text.includes('Not prose'));
  });

  it('parses HTML: metadata, dropped chrome, entities, ranges back to the source', () => {
    const html = [
      '<!DOCTYPE html><html><head><title>City budget grows | Daily Ledger</title>',
      '<meta name="author" content="Jane van Dijk"><meta property="article:published_time" content="2019-03-04T10:00:00Z">',
      '<meta property="og:site_name" content="Daily Ledger"><style>p { color: red }</style></head>',
      '<body><nav><a href="/">Home</a> <a href="/news">News.</a></nav><script>var a = "No. Never.";</script>',
      '<article><h1>City budget grows</h1>',
      '<p>The city budget grew by 3.5% in 2019,   the council said. Mr. Jansen called it &ldquo;a good year.&rdquo; Caf&eacute; owners agreed.</p>',
      '<p>The ferry carried 224 <b>passengers</b> on its first trip.</p></article>',
      '<footer>Copyright 2019.</footer></body></html>',
    ].join('\n');
    const { doc, warnings } = parseSource('c/page.htm', enc(html));
    assert.deepStrictEqual(warnings, []);
    assert.ok(doc);
    assert.strictEqual(doc.title, 'City budget grows');
    assert.strictEqual(doc.date, '2019-03-04');
    assert.strictEqual(doc.author, 'Jane van Dijk');
    assert.strictEqual(doc.outlet, 'Daily Ledger');
    assert.strictEqual(doc.language, 'en');
    const texts = doc.passages.map((p) => p.text);
    assert.deepStrictEqual(texts, [
      'City budget grows',
      'The city budget grew by 3.5% in 2019, the council said.',
      'Mr. Jansen called it “a good year.”',
      'Café owners agreed.',
      'The ferry carried 224 passengers on its first trip.',
    ]);
    assert.ok(!texts.some((t) => /Home|Never|Copyright|color/.test(t)));
    const sl = doc.passages.map((p) => slice(html, p.range));
    assert.strictEqual(sl[1].replace(/\s+/g, ' '), texts[1]);
    assert.strictEqual(sl[2], 'Mr. Jansen called it &ldquo;a good year.&rdquo;');
    assert.strictEqual(sl[3], 'Caf&eacute; owners agreed.');
    assert.strictEqual(sl[4].replace(/<[^>]+>/g, ''), texts[4]);
  });

  it('drops share/cookie chrome and SVG titles in HTML', () => {
    const html = '<html><head><title>Port news</title></head><body><svg><title>icon</title></svg><p>The ferry left.</p><div class="share-buttons">Share this.</div><div class="cookie-banner">We use cookies.</div><p>It came back</p></body></html>';
    const { doc } = parseSource('chrome.html', enc(html));
    assert.ok(doc);
    assert.strictEqual(doc.title, 'Port news');
    assert.deepStrictEqual(doc.passages.map((p) => p.text), ['The ferry left.', 'It came back']);
  });

  it('treats <br> as a line break, not a paragraph break', () => {
    const html = '<p>Ferry Season Opens<br>The ferry carried 224 passengers<br/>\non its first trip. It left.</p><p>Photo: ANP</p>';
    const { doc } = parseSource('br.html', enc(html));
    assert.ok(doc);
    assert.deepStrictEqual(doc.passages.map((p) => p.text), [
      'Ferry Season Opens',
      'The ferry carried 224 passengers on its first trip.',
      'It left.',
      'Photo: ANP',
    ]);
    const sl = slice(html, doc.passages[1].range);
    assert.strictEqual(sl, 'The ferry carried 224 passengers<br/>\non its first trip.');
  });

  it('skips unsupported, too-large, binary, empty and undecodable files with clear warnings', () => {
    const cases: Array<[string, Uint8Array, string, object?]> = [
      ['a/report.pdf', enc('%PDF-1.4'), 'unsupported-type'],
      ['a/big.txt', enc('The ferry left. '.repeat(100)), 'too-large', { maxFileBytes: 100 }],
      ['a/bin.txt', new Uint8Array([0x48, 0x00, 0x49, 0x00, 0x01]), 'binary'],
      ['a/empty.md', new Uint8Array(0), 'empty'],
      ['a/blank.txt', enc('\n\n   \n'), 'empty'],
      ['a/odd.txt', new Uint8Array([0xff, 0xfe, 0x41]), 'undecodable'],
      ['a/only-code.md', enc('```\nnothing here\n```\n'), 'empty'],
    ];
    for (const [p, bytes, code, opts] of cases) {
      const r = parseSource(p, bytes, opts);
      assert.strictEqual(r.doc, undefined, p);
      assert.strictEqual(r.warnings.length, 1, p);
      const w = r.warnings[0];
      assert.strictEqual(w.code, code, p);
      assert.strictEqual(w.skipped, true);
      assert.strictEqual(w.path, p);
      assert.ok(w.message.includes(p), w.message);
      assert.match(w.message, /\.$/);
    }
  });

  it('warns about the Latin-1 fallback and keeps the document', () => {
    const bytes = new Uint8Array([...enc('The caf'), 0xe9, ...enc(' opened in 2019.')]);
    const r = parseSource('l/latin.txt', bytes);
    assert.ok(r.doc);
    assert.strictEqual(r.doc.passages[0].text, 'The café opened in 2019.');
    assert.strictEqual(r.warnings.length, 1);
    assert.strictEqual(r.warnings[0].code, 'encoding-fallback');
    assert.strictEqual(r.warnings[0].skipped, false);
    assert.ok(r.warnings[0].message.includes('l/latin.txt'));
    assert.deepStrictEqual(r.doc.warnings, r.warnings);
  });

  it('caps passages per file with a warning', () => {
    const t = Array.from({ length: 30 }, (_, i) => `Ferry ${i} left.`).join(' ');
    const r = parseSource('cap.txt', enc(t), { maxPassagesPerFile: 10 });
    assert.ok(r.doc);
    assert.strictEqual(r.doc.passages.length, 10);
    const w = r.warnings.find((x) => x.code === 'passage-cap');
    assert.ok(w && !w.skipped && w.message.includes('cap.txt') && w.message.includes('30'));
  });

  it('never throws on random bytes', () => {
    let seed = 11;
    const rnd = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
    for (let iter = 0; iter < 200; iter++) {
      const b = new Uint8Array(Math.floor(rnd() * 400)).map(() => (rnd() < 0.7 ? 32 + Math.floor(rnd() * 95) : Math.floor(rnd() * 256)));
      for (const ext of ['txt', 'md', 'html']) {
        const r = parseSource(`r.${ext}`, b);
        assert.ok(r.doc || r.warnings.some((w) => w.skipped));
      }
    }
  });

  it('hashes content, not the path', () => {
    const a = parseSource('a.txt', enc('The ferry left.')).doc!;
    const b = parseSource('b.txt', enc('The ferry left.')).doc!;
    const c = parseSource('a.txt', enc('The ferry left!')).doc!;
    assert.strictEqual(a.hash, b.hash);
    assert.notStrictEqual(a.hash, c.hash);
  });
});

describe('citation keys', () => {
  it('gives the seeds unique, readable keys not taken from file names', () => {
    const docs = seedFiles.map((f) => parseSource(`seeds/${f}`, readSeed(f)).doc!);
    const keys = assignKeys(docs);
    const values = [...keys.values()];
    assert.strictEqual(new Set(values).size, docs.length);
    for (const [p, k] of keys) {
      assert.match(k, /^[a-z][a-z0-9]*$/, k);
      assert.ok(!/77dd5|af11d|900ac|286a8|9244c|^\d/.test(k), `${p}: ${k}`);
    }
    const k002 = keys.get(`seeds/${seedByPrefix('002')}`)!;
    assert.ok(k002.includes('2018'), k002);
    assert.ok(k002.startsWith('egyptian'), k002);
    // examples/draft.md cites these two: changing how keys are made breaks users' drafts.
    assert.strictEqual(k002, 'egyptian2018branch');
    assert.strictEqual(keys.get(`seeds/${seedByPrefix('004')}`), 'ansarbayt');
  });

  it('follows authorYEARword, then outlet, then title', () => {
    assert.strictEqual(citationKey({ path: 'x.md', title: 'Ferry season opens', date: '2020-05-01', author: 'Piet de Vries' }), 'vries2020ferry');
    assert.strictEqual(citationKey({ path: 'x.md', title: 'The Ferry Season', date: '2020', author: 'Smith, John' }), 'smith2020ferry');
    assert.strictEqual(citationKey({ path: 'x.md', title: 'The ferry season', date: '2019-03', outlet: 'The Harbour Gazette' }), 'harbour2019ferry');
    assert.strictEqual(citationKey({ path: 'x.md', title: 'Het budget van de stad', date: '2021' }), 'budget2021stad');
    assert.strictEqual(citationKey({ path: 'x.md', title: 'Café Ölmühle öffnet', author: 'Zoë Ångström' }), 'angstromcafe');
    assert.strictEqual(citationKey({ path: 'x.md', title: 'Ferry', date: '2020', author: 'Piet de Vries, Ann Smith' }), 'vries2020ferry');
    assert.strictEqual(citationKey({ path: 'x.md', title: 'Ferry', date: '2020', author: 'Rowling, J. K.' }), 'rowling2020ferry');
    assert.strictEqual(citationKey({ path: 'x.md', title: 'Ferry', author: 'Ann Smith and Bo Lee' }), 'smithferry');
    // No usable metadata at all: the file name, made readable.
    assert.strictEqual(citationKey({ path: 'dir/Notes-2020.txt', title: '' }), 'notes2020');
  });

  it('gives colliding documents full keys from their paths, whatever their order (issue 8)', () => {
    const meta = (p: string) => ({ path: p, title: 'Ferry season opens', date: '2020', author: 'Ann Smith' });
    const keys = assignKeys([meta('b.txt'), meta('a.txt'), { path: 'c.txt', title: 'City budget', date: '2020', author: 'Bo Lee' }]);
    assert.strictEqual(keys.get('a.txt'), `smith2020ferry-${pathSuffix('a.txt')}`);
    assert.strictEqual(keys.get('b.txt'), `smith2020ferry-${pathSuffix('b.txt')}`);
    assert.notStrictEqual(keys.get('a.txt'), keys.get('b.txt'));
    assert.match(keys.get('a.txt')!, /^smith2020ferry-[a-z2-9]{4}$/);
    assert.strictEqual(keys.get('c.txt'), 'lee2020city');
    // The same keys in any order.
    const rev = assignKeys([{ path: 'c.txt', title: 'City budget', date: '2020', author: 'Bo Lee' }, meta('a.txt'), meta('b.txt')]);
    assert.deepEqual([...rev].sort(), [...keys].sort());
    // Adding a document changes no key outside its own collision group, and a third
    // member of a group leaves the full keys of the first two as they were.
    const more = assignKeys([meta('b.txt'), meta('a.txt'), meta('d/e.txt'), { path: 'c.txt', title: 'City budget', date: '2020', author: 'Bo Lee' }, { path: 'd.txt', title: 'Port news', date: '2021' }]);
    for (const p of ['a.txt', 'b.txt', 'c.txt']) assert.strictEqual(more.get(p), keys.get(p));
    // The suffix is a function of the path alone (posix slashes), the same on every machine.
    assert.strictEqual(pathSuffix('dir\\x.txt'), pathSuffix('dir/x.txt'));
    assert.strictEqual(pathSuffix('a.txt'), pathSuffix('a.txt'));
  });

  it('gives members whose short path hashes coincide longer ones', () => {
    // Find two paths with the same 4-letter suffix (deterministic search).
    const seen = new Map<string, string>();
    let pair: [string, string] | undefined;
    for (let i = 0; !pair; i++) {
      const p = `notes/n${i}.txt`;
      const s = pathSuffix(p);
      if (seen.has(s)) pair = [seen.get(s)!, p];
      else seen.set(s, p);
    }
    const keys = groupKeys('x2020y', [pair[0], pair[1], 'other.txt']);
    assert.notStrictEqual(keys.get(pair[0]), keys.get(pair[1]));
    assert.match(keys.get(pair[0])!, /^x2020y-[a-z2-9]{12}$/);
    assert.match(keys.get('other.txt')!, /^x2020y-[a-z2-9]{4}$/);
  });
});

describe('corpus and text modules stay pure', () => {
  it('import neither fs, path, vscode nor Node Buffers', () => {
    const root = path.join(__dirname, '..', '..', 'src', 'core');
    for (const dir of ['corpus', 'text']) {
      for (const f of fs.readdirSync(path.join(root, dir)).filter((n) => n.endsWith('.ts'))) {
        // Code only: comments may mention what we avoid.
        const src = fs.readFileSync(path.join(root, dir, f), 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/[^\n]*/g, '');
        assert.ok(!/from ['"](?:node:)?(?:fs|path|vscode|crypto)['"]|require\(['"](?:node:)?(?:fs|path|vscode|crypto)['"]\)/.test(src), `${dir}/${f} imports I/O`);
        assert.ok(!/\bBuffer\b/.test(src), `${dir}/${f} uses Buffer`);
      }
    }
  });
});
