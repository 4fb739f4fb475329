/**
 * PDF, Word and OpenDocument sources, with files made by real tools (test/fixtures/binary/make.mjs:
 * headless Chromium's print-to-PDF, pandoc, qpdf): the seed articles as PDF, .docx and .odt get
 * the same verdicts on ../shared/eval/seed-claims.jsonl as the .txt originals, PDF evidence
 * names the page the passage is on (checked against pdf.js's own per-page text), and bad
 * files are skipped with a clear warning without stopping the rest.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createEngine } from '../../src/core/engine';
import type { Engine } from '../../src/core/api';
import type { Finding } from '../../src/core/types';
import { layoutPdf, pageAt, type PdfItem } from '../../src/core/corpus/extracted';
import { extractSource, odtContentToHtml, pdfPages } from '../../src/extract/index';

const ROOT = path.resolve(__dirname, '../..');
const FIX = path.join(ROOT, 'test/fixtures/binary');
const SHARED = path.resolve(process.env.GROUNDWORK_SHARED ?? path.join(ROOT, '..', 'shared'));
const CLAIMS = path.join(SHARED, 'eval', 'seed-claims.jsonl');

const read = (p: string): Uint8Array => new Uint8Array(fs.readFileSync(p));
const base = (p: string): string => path.basename(p).replace(/\.[^.]+$/, '');

async function engineOf(dir: string, ext: string): Promise<Engine> {
  const e = createEngine();
  for (const f of fs.readdirSync(dir).filter((f) => f.endsWith(ext)).sort()) {
    const rel = path.relative(ROOT, path.join(dir, f)).split(path.sep).join('/');
    const bytes = read(path.join(dir, f));
    const ex = e.needsExtraction(rel, bytes) ? await extractSource(rel, bytes) : undefined;
    const r = e.upsertSource(rel, bytes, ex);
    assert.ok(r.document, `${rel}: ${JSON.stringify(r.warnings)}`);
  }
  return e;
}

const norm = (s: string): string => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');

function summary(f: Finding): string {
  const ev = f.evidence[0];
  return `${f.verdict} ${f.code} ${ev ? base(ev.source) : '-'}`;
}

describe('sources: PDF, Word and OpenDocument files made by Chromium and pandoc', function () {
  this.timeout(120000);
  let txt: Engine;
  let pdf: Engine;
  let docx: Engine;
  let odt: Engine;
  before(async () => {
    txt = await engineOf(path.join(ROOT, 'seeds'), '.txt');
    pdf = await engineOf(path.join(FIX, 'pdf'), '.pdf');
    docx = await engineOf(path.join(FIX, 'docx'), '.docx');
    odt = await engineOf(path.join(FIX, 'odt'), '.odt');
  });

  it('reads every seed as PDF (several pages, no running headers) and as .docx, with the same passages as the text file', () => {
    for (const doc of txt.sources()) {
      const b = base(doc.path);
      const p = pdf.sources().find((d) => base(d.path) === b)!;
      const w = docx.sources().find((d) => base(d.path) === b)!;
      const o = odt.sources().find((d) => base(d.path) === b)!;
      assert.equal(o.kind, 'odt');
      assert.equal(o.date, doc.date, `${b}: .odt date`);
      assert.equal(p.kind, 'pdf');
      assert.equal(w.kind, 'docx');
      assert.ok((p.pages ?? 0) >= 2, `${b}: ${p.pages} pages`);
      assert.equal(p.language, doc.language);
      assert.equal(p.date, doc.date, `${b}: date`);
      // Chromium's header (date, title) and footer (file URL, "1/3") are not passages.
      for (const ps of p.passages) assert.ok(!/file:\/\/|\d+\/\d+\/\d+,/.test(ps.text), `${b}: running line kept: ${ps.text}`);
      // Same sentences as the text file (whitespace aside); hyphenated line ends joined.
      const want = doc.passages.map((x) => norm(x.text)).join('|');
      assert.equal(p.passages.map((x) => norm(x.text)).join('|'), want, `${b}: PDF passages differ`);
      assert.equal(w.passages.map((x) => norm(x.text)).join('|'), want, `${b}: .docx passages differ`);
      assert.equal(o.passages.map((x) => norm(x.text)).join('|'), want, `${b}: .odt passages differ`);
      for (const ps of p.passages) assert.ok(!/\p{L}[-\u2010] \p{L}|[\u00ad\u2010]/u.test(ps.text), `${b}: hyphen left: ${ps.text}`);
      // Ranges point into the extracted text (what the read-only view shows).
      for (const ps of [...p.passages, ...w.passages].slice(0, 50)) {
        const src = ps.id.includes('.pdf') ? p : w;
        const lines = src.text.split('\n');
        const slice = lines[ps.range.start.line].slice(ps.range.start.character, ps.range.start.line === ps.range.end.line ? ps.range.end.character : undefined);
        assert.ok(norm(slice).startsWith(norm(ps.text).slice(0, 20)), `${ps.id}: range does not slice the passage`);
      }
    }
  });

  it('gives the same verdicts on the seed claims as the .txt originals, PDF evidence on the right page', async function () {
    if (!fs.existsSync(CLAIMS)) this.skip();
    const claims = fs.readFileSync(CLAIMS, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as { id: string; text: string });
    assert.ok(claims.length >= 30);
    const pageText = new Map<string, string[]>();
    for (const f of fs.readdirSync(path.join(FIX, 'pdf'))) {
      // The library's own text per page, independent of Groundwork's layout.
      const { pages } = await pdfPages(read(path.join(FIX, 'pdf', f)));
      pageText.set(base(f), pages.map((pg) => norm(pg.items.map((i) => i.str).join(''))));
    }
    let withEvidence = 0;
    let paged = 0;
    for (const c of claims) {
      const a = await txt.check(c.text, { format: 'plaintext' });
      const b = await pdf.check(c.text, { format: 'plaintext' });
      const d = await docx.check(c.text, { format: 'plaintext' });
      const o = await odt.check(c.text, { format: 'plaintext' });
      assert.deepEqual(b.map(summary), a.map(summary), `${c.id} (PDF): ${c.text}`);
      assert.deepEqual(d.map(summary), a.map(summary), `${c.id} (.docx): ${c.text}`);
      assert.deepEqual(o.map(summary), a.map(summary), `${c.id} (.odt): ${c.text}`);
      for (const f of b) {
        for (const ev of f.evidence) {
          withEvidence++;
          assert.ok(ev.page !== undefined, `${c.id}: PDF evidence without a page`);
          const pages = pageText.get(base(ev.source))!;
          const head = norm(ev.text).slice(0, 30);
          assert.ok(pages[ev.page - 1].includes(head), `${c.id}: "${ev.text.slice(0, 60)}" is not on p. ${ev.page} of ${base(ev.source)}`);
          if (ev.page > 1) paged++;
        }
        for (const ev of d.flatMap((x) => x.evidence)) assert.equal(ev.page, undefined);
      }
    }
    assert.ok(withEvidence >= 20, `only ${withEvidence} evidence passages`);
    assert.ok(paged >= 3, `only ${paged} evidence passages past page 1`);
  });

  it('joins a word hyphenated at a line end, keeps a compound hyphen, and drops page numbers', () => {
    const item = (str: string, y: number, x = 50): PdfItem => ({ str, x, y, width: str.length * 5, size: 10, hasEOL: true });
    const page = (n: number, lines: string[]): { items: PdfItem[]; height: number } => ({
      height: 800,
      items: [item(`Annual report ${2020}`, 780), ...lines.map((l, i) => item(l, 700 - i * 12)), item(String(n), 20)],
    });
    const out = layoutPdf([
      page(1, ['The inspectors counted the dam-', 'aged buildings in the well-', 'known district.']),
      page(2, ['A second paragraph starts the page, about the well-known district.']),
    ]);
    assert.equal(out.text, 'The inspectors counted the damaged buildings in the well-known district.\n\nA second paragraph starts the page, about the well-known district.');
    assert.equal(out.dropped, 4);
    assert.equal(pageAt(out.pageStarts!, out.text.indexOf('A second')), 2);
    assert.equal(pageAt(out.pageStarts!, 0), 1);
  });

  it('skips encrypted, scanned, truncated and oversized files with a clear warning and indexes the rest', async () => {
    const e = createEngine({ maxFileBytes: 40000 });
    const files = [
      ...['encrypted.pdf', 'scanned.pdf', 'truncated.pdf', 'truncated.docx'].map((f) => path.join(FIX, 'bad', f)),
      path.join(FIX, 'pdf', '001_af11d3e077b90d3f.pdf'), // 55 KB: over the 40 KB limit
      path.join(FIX, 'pdf', '002_900ac096a6ff7b86.pdf'),
    ];
    for (const f of files) {
      const bytes = read(f);
      const rel = path.basename(f);
      const r = e.upsertSource(rel, bytes, e.needsExtraction(rel, bytes) ? await extractSource(rel, bytes) : undefined);
      // Unchanged bytes are neither extracted nor parsed again.
      assert.equal(e.needsExtraction(rel, bytes), false);
      assert.equal(e.upsertSource(rel, bytes).changed, false);
      void r;
    }
    const byFile = new Map(e.warnings().map((w) => [w.path, w]));
    assert.match(byFile.get('encrypted.pdf')!.message, /password-protected/);
    assert.equal(byFile.get('encrypted.pdf')!.code, 'encrypted');
    assert.match(byFile.get('scanned.pdf')!.message, /no text layer: OCR is not supported/);
    assert.match(byFile.get('truncated.pdf')!.message, /truncated or damaged|could not be read/);
    assert.match(byFile.get('truncated.docx')!.message, /could not be read|not a valid/);
    assert.match(byFile.get('001_af11d3e077b90d3f.pdf')!.message, /over the limit/);
    for (const w of e.warnings()) assert.equal(w.skipped, true);
    assert.deepEqual(e.sources().map((d) => d.path), ['002_900ac096a6ff7b86.pdf']);
  });

  it('a PDF that takes too long to read is given up, so it cannot hold up the files after it', async () => {
    await assert.rejects(pdfPages(read(path.join(FIX, 'pdf', '001_af11d3e077b90d3f.pdf')), 1), /took longer than/);
    // The library still works afterwards.
    assert.equal((await pdfPages(read(path.join(FIX, 'pdf', '002_900ac096a6ff7b86.pdf')))).pages.length >= 2, true);
  });

  it('reads OpenDocument headings, paragraphs and spaces, without comments or note bodies', () => {
    const xml =
      '<office:document-content><office:body><office:text>' +
      '<text:h text:outline-level="2">Port <text:span>figures</text:span></text:h>' +
      '<text:p>The port handled<text:s text:c="2"/>12,000 containers<text:note><text:note-citation>1</text:note-citation><text:note-body><text:p>A footnote.</text:p></text:note-body></text:note> in March.</text:p>' +
      '<text:p>Lines<text:line-break/>joined &amp; kept<office:annotation><text:p>a reviewer comment</text:p></office:annotation>.</text:p>' +
      '</office:text></office:body></office:document-content>';
    assert.equal(odtContentToHtml(xml), '<h2>Port figures</h2>\n<p>The port handled  12,000 containers in March.</p>\n<p>Lines joined &amp; kept.</p>\n');
  });

  it('a PDF handed in without extracted text is skipped with a warning, not an error', () => {
    const e = createEngine();
    const r = e.upsertSource('a.pdf', read(path.join(FIX, 'pdf', '002_900ac096a6ff7b86.pdf')));
    assert.equal(r.document, undefined);
    assert.match(r.warnings[0].message, /no text was extracted/);
  });
});
