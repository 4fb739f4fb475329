/**
 * The team's bibliography: BibTeX/BibLaTeX and CSL-JSON entries linked to sources (file
 * field, DOI/URL, title), the entries' keys in checks and completions, entries with no
 * source text, and bad entries reported with their line while the rest loads.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createEngine, loadEngine } from '../../src/core/engine';
import type { Engine } from '../../src/core/api';
import { filePaths, parseBibliography } from '../../src/core/corpus/bibliography';

const ROOT = path.resolve(__dirname, '../..');
const SEEDS = path.join(ROOT, 'seeds');

const BIB = `% The team's references (JabRef style file field for the first entry)
@article{ward2018isis,
  author = {Ward, Alex},
  title = {{Gaza's} next war},
  journaltitle = {Newsweek},
  date = {2018-01-04},
  file = {:seeds/001_af11d3e077b90d3f.txt:Text}
}

@online{jihadists2018videos,
  author = {Dunn, Jonathan and Lee, Kim},
  title = {Gaza Jihadists Launch Anti-Hamas Videos In Bid To Get Islamic State Official Recognition},
  year = {2018}
}

@book{broken2019,
  title = {Missing a closing brace,
  year = 2019
}

@report{un2017report,
  title = {Humanitarian situation in the Sinai},
  institution = {United Nations},
  year = {2017}
}
`;

function seeded(): Engine {
  const e = createEngine();
  for (const f of fs.readdirSync(SEEDS).sort()) e.upsertSource(`seeds/${f}`, new Uint8Array(fs.readFileSync(path.join(SEEDS, f))));
  return e;
}

describe('bibliography: BibTeX and CSL-JSON', () => {
  it('links entries by file field and by title; linked sources take the key, title, authors and date', () => {
    const e = seeded();
    const derived = e.getSource('seeds/001_af11d3e077b90d3f.txt')!.key;
    const warnings = e.setBibliography([{ path: 'references.bib', text: BIB }]);
    const byPath = new Map(e.sources().map((d) => [d.path, d]));
    const a = byPath.get('seeds/001_af11d3e077b90d3f.txt')!;
    assert.equal(a.key, 'ward2018isis');
    assert.equal(a.title, "Gaza's next war");
    assert.equal(a.author, 'Ward, Alex');
    assert.equal(a.date, '2018-01-04');
    assert.deepEqual(a.bibliography, { path: 'references.bib', line: 2 });
    assert.equal(byPath.get('seeds/003_286a818cced03236.txt')!.key, 'jihadists2018videos');
    assert.equal(byPath.get('seeds/003_286a818cced03236.txt')!.author, 'Dunn, Jonathan; Lee, Kim');
    // The derived key still resolves; the bib key is what the source is listed under.
    assert.equal(e.getSource(derived)?.path, 'seeds/001_af11d3e077b90d3f.txt');
    assert.equal(e.getSource('ward2018isis')?.path, 'seeds/001_af11d3e077b90d3f.txt');
    // The bad entry is reported with its line; the good ones (before and after it) load.
    const bad = warnings.filter((w) => /broken2019/.test(w.message));
    assert.equal(bad.length, 1, JSON.stringify(warnings));
    assert.match(bad[0].message, /^references\.bib: line 16: the entry "broken2019" was left out, it has a syntax error/);
    assert.deepEqual(e.bibliography().map((b) => [b.key, b.source ?? null]), [
      ['ward2018isis', 'seeds/001_af11d3e077b90d3f.txt'],
      ['jihadists2018videos', 'seeds/003_286a818cced03236.txt'],
      ['un2017report', null],
    ]);
    assert.ok(e.warnings().some((w) => /broken2019/.test(w.message)));
  });

  it('checks a sentence citing a bib key against the linked source, with the bib key in the evidence', async () => {
    const e = seeded();
    e.setBibliography([{ path: 'references.bib', text: BIB }]);
    const [ok] = await e.check('ISIS fighters threaten Hamas in a screen-grab from a recent propaganda video [@ward2018isis].', { format: 'markdown' });
    assert.equal(ok.verdict, 'supported');
    assert.equal(ok.evidence[0].key, 'ward2018isis');
    assert.deepEqual(ok.citations, ['ward2018isis']);
    const [conflict] = await e.check('It is responsible for the Sinai plane crash in October 2015 that killed all 324 passengers on board [@ward2018isis].', { format: 'markdown' });
    assert.equal(conflict.verdict, 'conflict');
    assert.equal(conflict.evidence[0].key, 'ward2018isis');
  });

  it('a sentence citing an entry with no source text is not unsupported for that reason; an unknown key stays unknown', async () => {
    const e = seeded();
    e.setBibliography([{ path: 'references.bib', text: BIB }]);
    const sentence = 'The harbour authority of Rotterdam approved a budget of 40 million euros for new ferry berths';
    const [plain] = await e.check(`${sentence}.`, { format: 'markdown' });
    assert.equal(plain.verdict, 'unsupported');
    const [cited] = await e.check(`${sentence} [@un2017report].`, { format: 'markdown' });
    assert.equal(cited.verdict, 'none');
    assert.notEqual(cited.code, 'citation.unknown-key');
    assert.deepEqual(cited.citations, ['un2017report']);
    assert.match(cited.reasons[0].message, /no text to check/);
    const [unknown] = await e.check(`${sentence} [@nobody2020x].`, { format: 'markdown' });
    assert.equal(unknown.code, 'citation.unknown-key');
    // A conflict with a source in the corpus is still reported.
    const [conflict] = await e.check('It is responsible for the Sinai plane crash in October 2015 that killed all 324 passengers on board [@un2017report].', { format: 'markdown' });
    assert.equal(conflict.verdict, 'conflict');
  });

  it('offers entries without a source in completions, marked as no text to check', () => {
    const e = seeded();
    e.setBibliography([{ path: 'references.bib', text: BIB }]);
    const s = e.suggest('The video was released on Wednesday.', 50);
    const keys = s.map((x) => x.key);
    assert.ok(keys.includes('ward2018isis') && keys.includes('jihadists2018videos'));
    const un = s.find((x) => x.key === 'un2017report')!;
    assert.equal(un.noText, true);
    assert.equal(un.title, 'Humanitarian situation in the Sinai');
    assert.equal(s.filter((x) => x.noText).length, 1);
  });

  it('the index cache keeps derived keys; the bibliography is applied again after loading, and can be removed', () => {
    const e = seeded();
    const derived = e.getSource('seeds/001_af11d3e077b90d3f.txt')!.key;
    e.setBibliography([{ path: 'references.bib', text: BIB }]);
    const loaded = loadEngine(e.serialize());
    assert.equal(loaded.getSource('seeds/001_af11d3e077b90d3f.txt')!.key, derived);
    assert.notEqual(loaded.getSource('seeds/001_af11d3e077b90d3f.txt')!.author, 'Ward, Alex');
    loaded.setBibliography([{ path: 'references.bib', text: BIB }]);
    assert.equal(loaded.getSource('seeds/001_af11d3e077b90d3f.txt')!.key, 'ward2018isis');
    loaded.setBibliography([]);
    const back = loaded.getSource('seeds/001_af11d3e077b90d3f.txt')!;
    assert.equal(back.key, derived);
    assert.equal(back.bibliography, undefined);
    assert.notEqual(back.author, 'Ward, Alex');
  });

  it('reads CSL-JSON (Zotero, Pandoc): links by DOI or URL found in the source', () => {
    const e = createEngine();
    const text = 'Port report\n\nThe port handled 12,000 containers in March.\nRead more at https://example.org/reports/port-march.\n';
    e.upsertSource('sources/port.txt', new TextEncoder().encode(text));
    const csl = JSON.stringify([
      { id: 'harbor2021march', type: 'report', title: 'Port figures for March', author: [{ family: 'Jansen', given: 'Piet' }], issued: { 'date-parts': [[2021, 4, 2]] }, URL: 'http://example.org/reports/port-march/' },
      { id: 'nosource2020', type: 'book', title: 'A book we have no text of', issued: { 'date-parts': [[2020]] } },
    ]);
    const w = e.setBibliography([{ path: 'references.json', text: csl }]);
    assert.deepEqual(w, []);
    const d = e.getSource('sources/port.txt')!;
    assert.equal(d.key, 'harbor2021march');
    assert.equal(d.date, '2021-04-02');
    assert.equal(d.author, 'Jansen, Piet');
    const bad = e.setBibliography([{ path: 'bibliography.json', text: '[{"id": "x",' }]);
    assert.equal(bad.length, 1);
    assert.match(bad[0].message, /bibliography\.json: not valid JSON/);
    // A bibliography that cannot be read links nothing: the source has its own key again.
    assert.notEqual(e.getSource('sources/port.txt')!.key, 'harbor2021march');
  });

  it('a bibliography key that is also another source\'s derived key is reported, and the linked entry wins', () => {
    const e = seeded();
    const other = e.getSource('seeds/002_900ac096a6ff7b86.txt')!.key;
    const bib = `@article{${other},\n  title = {Something else},\n  file = {:seeds/001_af11d3e077b90d3f.txt:Text}\n}\n`;
    e.setBibliography([{ path: 'references.bib', text: bib }]);
    assert.equal(e.getSource(other)!.path, 'seeds/001_af11d3e077b90d3f.txt');
    const w = e.warnings().filter((x) => x.path === 'references.bib');
    assert.equal(w.length, 1);
    assert.match(w[0].message, new RegExp(`line 1: the key "${other}" is also the key Groundwork gave seeds/002_900ac096a6ff7b86\\.txt`));
    e.setBibliography([]);
    assert.deepEqual(e.warnings().filter((x) => x.path === 'references.bib'), []);
  });

  it('reads file fields as JabRef and Better BibTeX write them', () => {
    assert.deepEqual(filePaths(':sources/a.pdf:PDF'), ['sources/a.pdf']);
    assert.deepEqual(filePaths('Full Text PDF:/home/me/Zotero/storage/AB12/report.pdf:application/pdf'), ['/home/me/Zotero/storage/AB12/report.pdf']);
    assert.deepEqual(filePaths('/abs/a.pdf;/abs/b.docx'), ['/abs/a.pdf', '/abs/b.docx']);
    assert.deepEqual(filePaths('C\\:\\\\Users\\\\me\\\\a.pdf'), ['C:/Users/me/a.pdf']);
    const r = parseBibliography({ path: 'x.bib', text: '@misc{k1, title={T}, file={Full Text PDF:/z/storage/AB/report.pdf:application/pdf}}' });
    assert.deepEqual(r.entries[0].files, ['/z/storage/AB/report.pdf']);
  });
});
