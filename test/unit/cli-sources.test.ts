/**
 * The CLI with PDF, Word and bibliography inputs (spawns the bundled CLI, as cli.test.ts
 * does): `groundwork check` says the page of PDF evidence and uses the bibliography's keys;
 * `groundwork sources` lists keys, kinds, pages, passages and warnings in text and JSON.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { bundleCli, runCli } from './helpers/cli';

const REPO = path.resolve(__dirname, '../..');
const FIX = path.join(REPO, 'test/fixtures/binary');
let tmp: string;
let cli: string;

const BIB = `@article{ward2018isis,
  author = {Ward, Alex},
  title = {Gaza's next war},
  date = {2018-01-04},
  file = {:sources/001_af11d3e077b90d3f.pdf:PDF}
}

@report{un2017report,
  title = {Humanitarian situation in the Sinai},
  year = {2017}
}

@book{broken,
  title = {A title with no closing brace,
}
`;

const run = (cwd: string, ...args: string[]) => runCli(cli, cwd, args, { timeoutMs: 120_000 });


function workspace(): string {
  const ws = fs.mkdtempSync(path.join(tmp, 'ws-'));
  fs.mkdirSync(path.join(ws, '.git'));
  fs.mkdirSync(path.join(ws, 'sources'));
  fs.copyFileSync(path.join(FIX, 'pdf/001_af11d3e077b90d3f.pdf'), path.join(ws, 'sources/001_af11d3e077b90d3f.pdf'));
  fs.copyFileSync(path.join(FIX, 'docx/003_286a818cced03236.docx'), path.join(ws, 'sources/003_286a818cced03236.docx'));
  fs.copyFileSync(path.join(FIX, 'bad/scanned.pdf'), path.join(ws, 'sources/scanned.pdf'));
  fs.copyFileSync(path.join(FIX, 'bad/encrypted.pdf'), path.join(ws, 'sources/encrypted.pdf'));
  fs.copyFileSync(path.join(REPO, 'seeds/002_900ac096a6ff7b86.txt'), path.join(ws, 'sources/002_900ac096a6ff7b86.txt'));
  fs.writeFileSync(path.join(ws, 'references.bib'), BIB);
  return ws;
}

describe('cli: PDF, Word and the bibliography', function () {
  this.timeout(180000);
  before(async () => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'groundwork-cli-sources-'));
    cli = await bundleCli(path.join(tmp, 'cli.js'));
  });
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('check: PDF evidence says its page; the bibliography key is the citation; bad files are warnings', () => {
    const ws = workspace();
    fs.writeFileSync(path.join(ws, 'draft.md'), 'It is responsible for the Sinai plane crash in October 2015 that killed all 324 passengers on board [@ward2018isis].\n\nThe members of the Sinai Province number in the thousands [@un2017report].\n');
    const r = run(ws, 'check', 'draft.md');
    assert.equal(r.code, 1, r.stderr);
    assert.match(r.stdout, /^draft\.md:1:1: citation: .*the cited source ward2018isis contradicts.*\(sources\/001_af11d3e077b90d3f\.pdf, p\. \d\)$/m);
    assert.doesNotMatch(r.stdout, /unknown-key/);
    assert.match(r.stderr, /sources\/scanned\.pdf: warning: skipped, no text layer: OCR is not supported/);
    assert.match(r.stderr, /sources\/encrypted\.pdf: warning: skipped, the PDF is password-protected/);
    assert.match(r.stderr, /references\.bib: warning: line 13: the entry "broken" was left out/);
    const json = JSON.parse(run(ws, 'check', '--format', 'json', 'draft.md').stdout);
    const ev = json.files[0].findings[0].evidence[0];
    assert.equal(ev.key, 'ward2018isis');
    assert.ok(ev.page >= 1 && ev.page <= 3);
    // Second run: from the cache, same answer (extraction is not needed again).
    assert.equal(run(ws, 'check', '--format', 'json', 'draft.md').stdout, run(ws, 'check', '--format', 'json', 'draft.md').stdout);
  });

  it('sources: text and JSON list keys, kinds, pages, passages, entries without text and warnings', () => {
    const ws = workspace();
    const t = run(ws, 'sources');
    assert.equal(t.code, 0, t.stderr);
    const lines = t.stdout.trim().split('\n');
    assert.match(lines[0], /^ward2018isis {2}Gaza's next war \(2018-01-04, en, pdf, 3 pages, \d+ passages\) {2}sources\/001_af11d3e077b90d3f\.pdf {2}\[key from references\.bib:1\]$/);
    assert.ok(lines.some((l) => /^egyptian2018branch .*\(2018-01-05, en, text, \d+ passages\)/.test(l)), t.stdout);
    assert.ok(lines.some((l) => /^\w+ .*\(en, docx, \d+ passages\) {2}sources\/003_286a818cced03236\.docx$/.test(l)), t.stdout);
    assert.ok(lines.some((l) => /^un2017report {2}Humanitarian situation in the Sinai \(2017\) {2}no text to check/.test(l)), t.stdout);
    assert.equal(lines[lines.length - 1], '3 sources, 1 bibliography entry without text, 2 files skipped');
    const j = JSON.parse(run(ws, 'sources', '--format', 'json').stdout);
    assert.deepEqual(j.sources.map((s: { key: string; kind: string; pages?: number }) => [s.kind, s.pages ?? null]), [
      ['pdf', 3],
      ['text', null],
      ['docx', null],
    ]);
    assert.deepEqual(j.bibliographyWithoutText.map((b: { key: string }) => b.key), ['un2017report']);
    assert.deepEqual(j.warnings.map((w: { path: string; code: string }) => `${w.path} ${w.code}`).sort(), ['references.bib malformed', 'sources/encrypted.pdf encrypted', 'sources/scanned.pdf no-text-layer']);
  });
});
