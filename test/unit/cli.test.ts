/**
 * `groundwork check` end to end: builds the CLI bundle once (same esbuild options as
 * esbuild.config.mjs, into a temp folder so parallel builds of dist/ do not race), then
 * spawns it against temp workspaces holding a copy of seeds/ and small drafts.
 */
import { strict as assert } from 'node:assert';
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { bundleCli, runCli, type CliRun as Run } from './helpers/cli';

const REPO = path.resolve(__dirname, '../..');
const SEEDS = path.join(REPO, 'seeds');
const VERSION: string = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8')).version;

// Invented draft around facts of the sample corpus. Line numbers (1-based) matter below.
const CONFLICT = 'The Sinai plane crash in October 2015 killed all 324 passengers on board.';
const SUPPORTED =
  'The Egyptian branch of ISIS has released a new video declaring war on the Palestinian Hamas resistance movement based in Gaza.';
const UNSUPPORTED = 'The harbour authority of Rotterdam approved a budget of 40 million euros for new ferry berths.';
const QUESTION = 'Was the video released on a Wednesday?';
const DRAFT = ['# Notes', '', CONFLICT, '', SUPPORTED, '', UNSUPPORTED, '', QUESTION, ''].join('\n');
const LINE = { conflict: 2, supported: 4, unsupported: 6, question: 8 }; // 0-based

let tmpRoot: string;
let cli: string;

const run = (cwd: string, ...args: string[]) => runCli(cli, cwd, args);


let wsCounter = 0;
/** A temp workspace: `.git/` marks the root, seeds copied to `corpusDir`, `drafts/a.md` written. */
function workspace(opts: { corpusDir?: string; draft?: string; files?: Record<string, string | Buffer> } = {}): string {
  const ws = path.join(tmpRoot, `ws${++wsCounter}`);
  fs.mkdirSync(path.join(ws, '.git'), { recursive: true });
  fs.cpSync(SEEDS, path.join(ws, opts.corpusDir ?? 'seeds'), { recursive: true });
  fs.mkdirSync(path.join(ws, 'drafts'));
  fs.writeFileSync(path.join(ws, 'drafts', 'a.md'), opts.draft ?? DRAFT);
  for (const [rel, content] of Object.entries(opts.files ?? {})) {
    fs.mkdirSync(path.dirname(path.join(ws, rel)), { recursive: true });
    fs.writeFileSync(path.join(ws, rel), content);
  }
  return ws;
}

function json(r: Run): JsonOut {
  try {
    return JSON.parse(r.stdout) as JsonOut;
  } catch {
    throw new Error(`stdout is not JSON (exit ${r.code}): ${r.stdout.slice(0, 300)}\nstderr: ${r.stderr}`);
  }
}

interface JRange {
  start: { line: number; character: number };
  end: { line: number; character: number };
}
interface JFinding {
  range: JRange;
  text: string;
  verdict: string;
  code: string;
  reasons: Array<{ kind: string; message: string }>;
  evidence: Array<{ source: string; key: string; range: JRange; text: string; score: number }>;
}
interface JsonOut {
  version: number;
  files: Array<{ file: string; findings: JFinding[] }>;
  warnings: Array<{ path: string; code: string; message: string; skipped: boolean }>;
}

const findingAt = (out: JsonOut, line: number): JFinding | undefined =>
  out.files[0].findings.find((f) => f.range.start.line === line);

/** Text of a file between two 0-based positions. */
function slice(file: string, r: JRange): string {
  const lines = fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, '').split('\n');
  if (r.start.line === r.end.line) return lines[r.start.line].slice(r.start.character, r.end.character);
  const parts = [lines[r.start.line].slice(r.start.character)];
  for (let l = r.start.line + 1; l < r.end.line; l++) parts.push(lines[l]);
  parts.push(lines[r.end.line].slice(0, r.end.character));
  return parts.join('\n');
}

const squash = (s: string): string => s.replace(/\s+/g, ' ').trim();

function snapshot(dir: string, skip: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string): void => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (p === skip) continue;
      if (e.isDirectory()) walk(p);
      else out.set(path.relative(dir, p), crypto.createHash('sha1').update(fs.readFileSync(p)).digest('hex'));
    }
  };
  walk(dir);
  return out;
}

describe('cli: groundwork check', function () {
  this.timeout(120000);

  before(async () => {
    tmpRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'groundwork-cli-'));
    // Bundled inside the repository (out/ is git-ignored), so the bundle finds data/ (the
    // lexicon, the model) and the tagger the way dist/cli.js does.
    cli = await bundleCli(path.join(REPO, 'out', 'test-cli', 'cli.js'));
  });

  after(() => {
    if (tmpRoot) fs.rmSync(tmpRoot, { recursive: true, force: true });
  });

  describe('text format', () => {
    let ws: string;
    before(() => {
      ws = workspace();
    });

    it('prints one compiler-style line per finding and a summary; exit 1 on a conflict', () => {
      const r = run(ws, 'check', 'drafts/a.md');
      assert.equal(r.code, 1, r.stderr);
      const conflict = r.lines.find((l) => l.startsWith(`drafts/a.md:${LINE.conflict + 1}:1: conflict: `));
      assert.ok(conflict, `no conflict line in:\n${r.stdout}`);
      assert.match(conflict, /224/);
      assert.match(conflict, /324/);
      assert.match(conflict, / \[claim\.conflict\.number\] \(seeds\/00[0-4]_[0-9a-f]{16}\.txt:\d+:\d+\)$/);
      const unsupported = r.lines.find((l) => l.startsWith(`drafts/a.md:${LINE.unsupported + 1}:1: unsupported: `));
      assert.ok(unsupported, `no unsupported line in:\n${r.stdout}`);
      assert.match(unsupported, /\[claim\.unsupported(\.partial)?\]/);
      // Supported sentences and questions are not printed by default.
      assert.ok(!r.lines.some((l) => l.startsWith(`drafts/a.md:${LINE.supported + 1}:`)), r.stdout);
      assert.ok(!r.lines.some((l) => l.startsWith(`drafts/a.md:${LINE.question + 1}:`)), r.stdout);
      const summary = r.lines[r.lines.length - 1];
      const m = /^(\d+) sentences? checked: (\d+) supported, (\d+) conflict, (\d+) unsupported in 1 file$/.exec(summary);
      assert.ok(m, summary);
      const [n, s, c, u] = m.slice(1).map(Number);
      assert.equal(n, s + c + u);
      assert.equal(n, 3, 'three claims: the question is not judged');
      assert.deepEqual([s, c, u], [1, 1, 1]);
    });

    it('--verbose also prints supported sentences', () => {
      const r = run(ws, 'check', '--verbose', 'drafts/a.md');
      const line = r.lines.find((l) => l.startsWith(`drafts/a.md:${LINE.supported + 1}:1: supported: `));
      assert.ok(line, r.stdout);
      assert.match(line, /\[claim\.supported\] \(seeds\/.+:\d+:\d+\)$/);
    });
  });

  describe('json format', () => {
    let ws: string;
    let out: JsonOut;
    before(() => {
      ws = workspace();
      const r = run(ws, 'check', '--format', 'json', 'drafts/a.md');
      assert.equal(r.code, 1, r.stderr);
      out = json(r);
    });

    it('names the rules behind each verdict (rules: ids of the registry in src/core/verify/rules/)', () => {
      const conflict = out.files[0].findings.find((f) => f.verdict === 'conflict') as unknown as { rules: string[] };
      assert.ok(conflict, 'a conflict in the draft');
      assert.ok(conflict.rules.includes('conflict.number'), JSON.stringify(conflict.rules));
      for (const f of out.files[0].findings as unknown as Array<{ verdict: string; rules: string[] }>) {
        assert.ok(Array.isArray(f.rules));
        if (f.verdict === 'supported') assert.ok(f.rules.some((r) => r.startsWith('align.')), JSON.stringify(f.rules));
      }
    });

    it('has the contract shape: version, files, findings', () => {
      assert.equal(out.version, 1);
      assert.ok(Array.isArray(out.files));
      assert.equal(out.files.length, 1);
      assert.equal(out.files[0].file, 'drafts/a.md');
      assert.ok(Array.isArray(out.warnings));
      for (const f of out.files[0].findings) {
        for (const k of ['range', 'text', 'verdict', 'reasons', 'evidence'] as const) assert.ok(k in f, k);
        assert.ok(['supported', 'conflict', 'unsupported', 'none'].includes(f.verdict), f.verdict);
        assert.equal(typeof f.range.start.line, 'number');
        assert.equal(typeof f.range.start.character, 'number');
        assert.equal(typeof f.range.end.line, 'number');
        assert.equal(typeof f.range.end.character, 'number');
        // 0-based ranges into the draft: the slice is the sentence.
        assert.equal(squash(slice(path.join(ws, 'drafts/a.md'), f.range)), squash(f.text));
        for (const r of f.reasons) {
          assert.equal(typeof r.kind, 'string');
          assert.equal(typeof r.message, 'string');
        }
        for (const e of f.evidence) {
          assert.deepEqual(Object.keys(e).filter((k) => ['source', 'key', 'range', 'text', 'score'].includes(k)).sort(), [
            'key',
            'range',
            'score',
            'source',
            'text',
          ]);
          assert.ok(e.score >= 0 && e.score <= 1, String(e.score));
          assert.match(e.source, /^seeds\/00[0-4]_[0-9a-f]{16}\.txt$/);
          assert.ok(e.key.length > 0);
          // Evidence ranges are exact, 0-based, in the source file as stored.
          assert.equal(squash(slice(path.join(ws, e.source), e.range)), squash(e.text));
        }
      }
    });

    it('reports the number conflict with both values and the passage', () => {
      const f = findingAt(out, LINE.conflict);
      assert.ok(f, JSON.stringify(out.files[0].findings.map((x) => x.range.start.line)));
      assert.equal(f.text, CONFLICT);
      assert.deepEqual(f.range, {
        start: { line: LINE.conflict, character: 0 },
        end: { line: LINE.conflict, character: CONFLICT.length },
      });
      assert.equal(f.verdict, 'conflict');
      assert.equal(f.code, 'claim.conflict.number');
      const reason = f.reasons.find((r) => r.kind === 'number');
      assert.ok(reason, JSON.stringify(f.reasons));
      assert.match(reason.message, /224/);
      assert.match(reason.message, /324/);
      assert.ok(f.evidence.some((e) => e.text.includes('224 passengers')), JSON.stringify(f.evidence));
    });

    it('judges the supported and the unsupported sentence, and leaves the question out', () => {
      const s = findingAt(out, LINE.supported);
      assert.ok(s);
      assert.equal(s.verdict, 'supported');
      assert.ok(s.evidence.length > 0);
      assert.equal(s.evidence[0].source, 'seeds/002_900ac096a6ff7b86.txt');
      const u = findingAt(out, LINE.unsupported);
      assert.ok(u);
      assert.equal(u.verdict, 'unsupported');
      const q = findingAt(out, LINE.question);
      assert.ok(q === undefined || q.verdict === 'none', JSON.stringify(q));
    });
  });

  describe('sarif format', () => {
    let ws: string;
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    let log: any;
    before(() => {
      ws = workspace({
        files: { '.vscode/settings.json': '{ "groundwork.severity.conflict": "error" }' },
      });
      const r = run(ws, 'check', '--format', 'sarif', 'drafts/a.md');
      assert.equal(r.code, 1, r.stderr);
      log = JSON.parse(r.stdout);
    });

    it('is SARIF 2.1.0 with one run and a Groundwork driver with rules', () => {
      assert.equal(log.version, '2.1.0');
      assert.match(log.$schema, /sarif-2\.1\.0/);
      assert.equal(log.runs.length, 1);
      const driver = log.runs[0].tool.driver;
      assert.equal(driver.name, 'Groundwork');
      assert.equal(driver.version, VERSION);
      const ids = driver.rules.map((r: { id: string }) => r.id);
      assert.ok(ids.includes('claim.conflict.number'));
      assert.ok(ids.includes('claim.unsupported'));
      assert.equal(new Set(ids).size, ids.length);
      for (const rule of driver.rules) {
        assert.ok(rule.shortDescription.text.length > 0);
        assert.match(rule.helpUri, /^https:\/\/.+#/);
      }
      assert.ok(log.runs[0].originalUriBaseIds['%SRCROOT%'].uri.startsWith('file://'));
    });

    it('has results with rule ids, levels from the severity settings, 1-based regions and evidence', () => {
      const run0 = log.runs[0];
      const results = run0.results;
      assert.ok(results.length >= 1);
      for (const res of results) {
        assert.equal(run0.tool.driver.rules[res.ruleIndex].id, res.ruleId);
        assert.ok(['error', 'warning', 'note'].includes(res.level));
        assert.ok(res.message.text.length > 0);
        const loc = res.locations[0].physicalLocation;
        assert.equal(loc.artifactLocation.uri, 'drafts/a.md');
        assert.equal(loc.artifactLocation.uriBaseId, '%SRCROOT%');
        assert.ok(loc.region.startLine >= 1 && loc.region.startColumn >= 1);
      }
      const conflict = results.find((r: { ruleId: string }) => r.ruleId === 'claim.conflict.number');
      assert.ok(conflict, JSON.stringify(results.map((r: { ruleId: string }) => r.ruleId)));
      assert.equal(conflict.level, 'error', 'groundwork.severity.conflict = error');
      // The rule behind the verdict, so the finding leads to the file that produced it.
      assert.ok(conflict.properties.rules.includes('conflict.number'), JSON.stringify(conflict.properties.rules));
      const region = conflict.locations[0].physicalLocation.region;
      assert.deepEqual(
        [region.startLine, region.startColumn, region.endLine, region.endColumn],
        [LINE.conflict + 1, 1, LINE.conflict + 1, CONFLICT.length + 1],
      );
      assert.ok(conflict.relatedLocations.length >= 1);
      const rel = conflict.relatedLocations[0];
      assert.match(rel.physicalLocation.artifactLocation.uri, /^seeds\/00[0-4]_[0-9a-f]{16}\.txt$/);
      assert.equal(rel.physicalLocation.artifactLocation.uriBaseId, '%SRCROOT%');
      assert.ok(rel.physicalLocation.region.startLine >= 1);
      assert.ok(rel.message.text.length > 0);
      const unsupported = results.find((r: { ruleId: string }) => r.ruleId.startsWith('claim.unsupported'));
      assert.ok(unsupported);
      assert.equal(unsupported.level, 'note', 'unsupported defaults to information = note');
      assert.ok(!results.some((r: { ruleId: string }) => r.ruleId === 'claim.supported'));
    });
  });

  describe('exit codes', () => {
    let ws: string;
    before(() => {
      ws = workspace({
        files: {
          'drafts/conflict.md': `${CONFLICT}\n`,
          'drafts/supported.md': `${SUPPORTED}\n`,
          'drafts/unsupported.md': `${UNSUPPORTED}\n`,
        },
      });
    });
    const cases: Array<[string, string, number]> = [
      ['conflict.md', 'conflict', 1],
      ['conflict.md', 'unsupported', 1],
      ['conflict.md', 'never', 0],
      ['unsupported.md', 'conflict', 0],
      ['unsupported.md', 'unsupported', 1],
      ['unsupported.md', 'never', 0],
      ['supported.md', 'conflict', 0],
      ['supported.md', 'unsupported', 0],
    ];
    for (const [draft, failOn, expected] of cases) {
      it(`${draft} --fail-on ${failOn} exits ${expected}`, () => {
        const r = run(ws, 'check', '--no-cache', '--fail-on', failOn, `drafts/${draft}`);
        assert.equal(r.code, expected, `${r.stdout}\n${r.stderr}`);
      });
    }

    it('groundwork.check.failOn in the settings is the default; --fail-on overrides it', () => {
      const w = workspace({
        draft: `${CONFLICT}\n`,
        files: { '.vscode/settings.json': '{\n  // team choice\n  "groundwork.check.failOn": "never",\n}\n' },
      });
      assert.equal(run(w, 'check', 'drafts/a.md').code, 0);
      assert.equal(run(w, 'check', '--fail-on', 'conflict', 'drafts/a.md').code, 1);
    });

    it('2 with one stderr line for a missing corpus path', () => {
      const r = run(ws, 'check', '--corpus', 'no/such/folder', 'drafts/a.md');
      assert.equal(r.code, 2);
      assert.deepEqual(r.errLines, ['groundwork: corpus path not found: no/such/folder']);
      assert.equal(r.stdout, '');
    });

    it('2 for an empty corpus', () => {
      const w = path.join(tmpRoot, 'empty-ws');
      fs.mkdirSync(path.join(w, '.git'), { recursive: true });
      fs.writeFileSync(path.join(w, 'a.md'), `${CONFLICT}\n`);
      const r = run(w, 'check', 'a.md');
      assert.equal(r.code, 2);
      assert.equal(r.errLines.length, 1, r.stderr);
      assert.match(r.errLines[0], /^groundwork: no corpus files/);
    });

    it('2 for a missing or unreadable draft', () => {
      const missing = run(ws, 'check', 'drafts/nope.md');
      assert.equal(missing.code, 2);
      assert.deepEqual(missing.errLines, ['groundwork: draft not found: drafts/nope.md']);
      fs.symlinkSync('loop.md', path.join(ws, 'drafts', 'loop.md')); // ELOOP even for root
      const loop = run(ws, 'check', 'drafts/loop.md');
      assert.equal(loop.code, 2);
      assert.equal(loop.errLines.length, 1, loop.stderr);
      assert.match(loop.errLines[0], /^groundwork: cannot read draft drafts\/loop\.md/);
    });

    it('2 for usage errors', () => {
      const bad = run(ws, 'check', '--format', 'xml', 'drafts/a.md');
      assert.equal(bad.code, 2);
      assert.equal(bad.errLines.length, 1, bad.stderr);
      assert.match(bad.errLines[0], /^groundwork: .*xml/);
      assert.equal(run(ws, 'check').code, 2);
      assert.equal(run(ws, 'frobnicate').code, 2);
    });

    it('--version and help exit 0', () => {
      const v = run(ws, '--version');
      assert.equal(v.code, 0);
      assert.equal(v.stdout.trim(), VERSION);
      const h = run(ws, 'help', 'check');
      assert.equal(h.code, 0);
      assert.match(h.stdout, /--fail-on/);
      assert.match(h.stdout, /--corpus/);
    });
  });

  describe('corpus and drafts', () => {
    it('warns about binary and empty sources and keeps going', () => {
      const ws = workspace({ files: { 'seeds/zz_binary.txt': Buffer.from([0, 1, 2, 0, 255, 0, 7]), 'seeds/zz_empty.txt': '' } });
      const r = run(ws, 'check', 'drafts/a.md');
      assert.equal(r.code, 1, r.stderr);
      assert.ok(r.errLines.some((l) => l.startsWith('seeds/zz_binary.txt: warning: ')), r.stderr);
      assert.ok(r.errLines.some((l) => l.startsWith('seeds/zz_empty.txt: warning: ')), r.stderr);
      assert.match(r.lines[r.lines.length - 1], /sentences checked/);
      const j = json(run(ws, 'check', '--format', 'json', 'drafts/a.md'));
      const paths = j.warnings.map((w) => w.path);
      assert.ok(paths.includes('seeds/zz_binary.txt') && paths.includes('seeds/zz_empty.txt'), JSON.stringify(j.warnings));
      for (const w of j.warnings) assert.ok(w.code && w.message, JSON.stringify(w));
      assert.ok(findingAt(j, LINE.conflict));
      const s = JSON.parse(run(ws, 'check', '--format', 'sarif', 'drafts/a.md').stdout);
      const notes = s.runs[0].invocations[0].toolExecutionNotifications;
      assert.ok(notes.some((n: { message: { text: string } }) => n.message.text.startsWith('seeds/zz_binary.txt')));
    });

    it('skips sources over groundwork.corpus.maxFileBytes with a warning', () => {
      const ws = workspace({ files: { '.vscode/settings.json': '{"groundwork.corpus.maxFileBytes": 4000}' } });
      const big = fs.readdirSync(path.join(ws, 'seeds')).filter((f) => fs.statSync(path.join(ws, 'seeds', f)).size > 4000);
      assert.ok(big.length > 0 && big.length < 5);
      const r = run(ws, 'check', '--format', 'json', 'drafts/a.md');
      const j = json(r);
      for (const f of big) {
        assert.ok(r.errLines.some((l) => l.startsWith(`seeds/${f}: warning: `) && l.includes('4000')), r.stderr);
        assert.ok(j.warnings.some((w) => w.path === `seeds/${f}` && w.code === 'too-large' && w.skipped));
        for (const x of j.files[0].findings) for (const e of x.evidence) assert.notEqual(e.source, `seeds/${f}`);
      }
      assert.ok(j.files[0].findings.length > 0);
    });

    it('takes the corpus from the workspace settings (custom include)', () => {
      const ws = workspace({
        corpusDir: 'refs/news',
        files: { '.vscode/settings.json': '// settings\n{ "groundwork.corpus.include": ["refs/**"], "editor.tabSize": 2 }' },
      });
      const sub = path.join(ws, 'drafts'); // run from a subfolder: the root is found upwards
      const r = run(sub, 'check', '--format', 'json', 'a.md');
      assert.equal(r.code, 1, r.stderr);
      const j = json(r);
      assert.equal(j.files[0].file, 'a.md');
      const f = findingAt(j, LINE.conflict);
      assert.ok(f && f.evidence.length > 0);
      for (const e of f.evidence) assert.match(e.source, /^refs\/news\//);
      // Without the setting there is no corpus in that workspace.
      fs.rmSync(path.join(ws, '.vscode'), { recursive: true });
      assert.equal(run(sub, 'check', 'a.md').code, 2);
    });

    it('reports bad settings as warnings and uses the defaults', () => {
      const ws = workspace({ files: { '.vscode/settings.json': '{"groundwork.check.failOn": "sometimes"}' } });
      const r = run(ws, 'check', 'drafts/a.md');
      assert.equal(r.code, 1);
      assert.ok(r.errLines.some((l) => /^\.vscode\/settings\.json: warning: groundwork\.check\.failOn/.test(l)), r.stderr);
    });

    it('--corpus overrides: a file, a folder as given, a glob', () => {
      const ws = workspace({ corpusDir: 'elsewhere' });
      const one = json(run(ws, 'check', '--format', 'json', '--corpus', 'elsewhere/001_af11d3e077b90d3f.txt', 'drafts/a.md'));
      for (const f of one.files[0].findings) for (const e of f.evidence) assert.equal(e.source, 'elsewhere/001_af11d3e077b90d3f.txt');
      assert.equal(findingAt(one, LINE.conflict)?.verdict, 'conflict');
      const folder = json(run(ws, 'check', '--format', 'json', '--corpus', './elsewhere/', 'drafts/a.md'));
      const sources = folder.files[0].findings.flatMap((f) => f.evidence.map((e) => e.source));
      assert.ok(sources.length > 0);
      for (const s of sources) assert.match(s, /^elsewhere\/00[0-4]_/);
      const glob = run(ws, 'check', '--format', 'json', '--corpus', 'elsewhere/00[12]_*.txt', 'drafts/a.md');
      for (const f of json(glob).files[0].findings) for (const e of f.evidence) assert.match(e.source, /^elsewhere\/00[12]_/);
      assert.equal(run(ws, 'check', '--corpus', 'elsewhere/*.pdf', 'drafts/a.md').code, 2);
    });

    it('takes folders and globs of drafts and picks the format by extension', () => {
      const ws = workspace({
        files: {
          'drafts/b.tex': `\\section{Notes}\n${CONFLICT}\n`,
          'drafts/c.txt': `${UNSUPPORTED}\n`,
          'drafts/skip.html': `<p>${CONFLICT}</p>`,
        },
      });
      const j = json(run(ws, 'check', '--format', 'json', 'drafts'));
      assert.deepEqual(j.files.map((f) => f.file), ['drafts/a.md', 'drafts/b.tex', 'drafts/c.txt']);
      const tex = j.files[1].findings.find((f) => f.verdict === 'conflict');
      assert.ok(tex, JSON.stringify(j.files[1]));
      assert.equal(tex.range.start.line, 1);
      const g = json(run(ws, 'check', '--format', 'json', 'drafts/*.t*'));
      assert.deepEqual(g.files.map((f) => f.file), ['drafts/b.tex', 'drafts/c.txt']);
    });

    it('discovers drafts in argument order, each once; folders sorted, excludes applied', () => {
      const ws = workspace({
        files: {
          '.vscode/settings.json': '{"groundwork.drafts.exclude": ["**/skip/**"]}',
          'drafts/b.tex': `${CONFLICT}\n`,
          'drafts/c.txt': `${UNSUPPORTED}\n`,
          'drafts/skip/d.md': `${CONFLICT}\n`,
        },
      });
      const files = (...args: string[]): string[] => json(run(ws, 'check', '--format', 'json', ...args)).files.map((f) => f.file);
      assert.deepEqual(files('drafts/c.txt', './drafts/', 'drafts/a.md'), ['drafts/c.txt', 'drafts/a.md', 'drafts/b.tex']);
      assert.deepEqual(files('drafts/*.tex', 'drafts/a.md', 'drafts/b.tex'), ['drafts/b.tex', 'drafts/a.md']);
      assert.deepEqual(files('drafts/**/*.md'), ['drafts/a.md']);
      // A file named on the command line is checked even where a folder would skip it.
      assert.deepEqual(files('drafts/skip/d.md'), ['drafts/skip/d.md']);
    });

    it('2 with one stderr line for a folder or glob without drafts or corpus files', () => {
      const ws = workspace({ files: { 'empty/page.html': '<p>x</p>', 'nothing/notes.rtf': 'x' } });
      const cases: Array<[string[], string]> = [
        [['empty'], 'groundwork: no drafts found in empty'],
        [['drafts/*.xyz'], 'groundwork: no drafts match drafts/*.xyz'],
        [['--corpus', 'nothing', 'drafts/a.md'], 'groundwork: no corpus files in nothing'],
        [['--corpus', 'seeds/*.pdf', 'drafts/a.md'], 'groundwork: no corpus files match seeds/*.pdf'],
        [['--corpus', 'seeds', '--corpus', 'gone', 'drafts/a.md'], 'groundwork: corpus path not found: gone'],
      ];
      for (const [args, message] of cases) {
        const r = run(ws, 'check', ...args);
        assert.equal(r.code, 2, `${args.join(' ')}: ${r.stderr}`);
        assert.deepEqual(r.errLines, [message]);
        assert.equal(r.stdout, '');
      }
    });

    it('--corpus folders and globs skip groundwork.corpus.exclude, a named file does not', () => {
      const ws = workspace({ files: { '.vscode/settings.json': '{"groundwork.corpus.exclude": ["**/001_*"]}' } });
      const sources = (...corpus: string[]): Set<string> => {
        const j = json(run(ws, 'check', '--format', 'json', ...corpus.flatMap((c) => ['--corpus', c]), 'drafts/a.md'));
        return new Set(j.files[0].findings.flatMap((f) => f.evidence.map((e) => e.source)));
      };
      for (const s of [sources('seeds'), sources('seeds/00*.txt')]) {
        assert.ok(s.size > 0);
        assert.ok(!s.has('seeds/001_af11d3e077b90d3f.txt'), [...s].join(', '));
      }
      assert.ok(sources('seeds/001_af11d3e077b90d3f.txt', 'seeds').has('seeds/001_af11d3e077b90d3f.txt'));
    });

    it('reads a UTF-8 draft without its BOM, and one that is not UTF-8 as Windows-1252 with a note', () => {
      const bom = workspace({ draft: `\uFEFF${DRAFT}` });
      const r = run(bom, 'check', '--format', 'json', 'drafts/a.md');
      assert.deepEqual(r.errLines, []);
      const f = findingAt(json(r), LINE.conflict);
      assert.equal(f?.range.start.character, 0);
      assert.equal(f?.text, CONFLICT);
      // 0x92 is a right single quote in Windows-1252, 0xE9 an e acute.
      const sentence = 'The caf\u00e9 of the harbour authority of Rotterdam says it\u2019s open.';
      const cp1252 = workspace({ files: { 'drafts/a.md': Buffer.from(`${DRAFT}\n${sentence.replace('\u2019', '\u0092')}\n`, 'latin1') } });
      const w = run(cp1252, 'check', '--format', 'json', 'drafts/a.md');
      assert.deepEqual(w.errLines, ['drafts/a.md: warning: not valid UTF-8; read as Windows-1252']);
      const texts = json(w).files[0].findings.map((x) => x.text);
      assert.ok(texts.includes(sentence), JSON.stringify(texts));
    });

    it('honors the team ignore file', () => {
      const ignore = JSON.stringify({ version: 1, sentences: [{ text: CONFLICT, file: 'drafts/a.md', note: 'checked' }] });
      const ws = workspace({ files: { '.groundwork/ignore.json': ignore } });
      const r = run(ws, 'check', '--format', 'json', 'drafts/a.md');
      assert.equal(r.code, 0, r.stderr);
      const j = json(r);
      assert.equal(findingAt(j, LINE.conflict), undefined);
      assert.ok(j.files[0].findings.length > 0, 'other sentences are still checked');
    });
  });

  describe('index cache', () => {
    it('writes the cache, loads it on the next run, and changes nothing else', () => {
      const ws = workspace();
      const cache = path.join(ws, '.groundwork', 'cache', 'index.bin');
      const before = snapshot(ws, path.join(ws, '.groundwork'));
      const first = run(ws, 'check', '--format', 'json', 'drafts/a.md');
      assert.ok(fs.existsSync(cache), first.stderr);
      const second = run(ws, 'check', '--verbose', '--format', 'json', 'drafts/a.md');
      assert.ok(second.errLines.some((l) => l.includes('loaded index cache')), second.stderr);
      assert.deepEqual(json(second), json(first), 'same results warm and cold');
      assert.deepEqual(snapshot(ws, path.join(ws, '.groundwork')), before, 'sources and drafts untouched');
      assert.deepEqual(fs.readdirSync(path.join(ws, '.groundwork')), ['cache']);
      assert.deepEqual(fs.readdirSync(path.join(ws, '.groundwork', 'cache')), ['index.bin']);
    });

    it('rebuilds a corrupt cache with a note', () => {
      const ws = workspace();
      const cache = path.join(ws, '.groundwork', 'cache', 'index.bin');
      const cold = json(run(ws, 'check', '--format', 'json', 'drafts/a.md'));
      const good = fs.readFileSync(cache);
      fs.writeFileSync(cache, Buffer.concat([good.subarray(0, 40), Buffer.from('garbage'.repeat(50))]));
      const r = run(ws, 'check', '--format', 'json', 'drafts/a.md');
      assert.equal(r.code, 1);
      assert.ok(r.errLines.some((l) => /cache.*rebuilding/.test(l)), r.stderr);
      assert.deepEqual(json(r), cold);
      const third = run(ws, 'check', '--verbose', 'drafts/a.md');
      assert.ok(third.errLines.some((l) => l.includes('loaded index cache')), third.stderr);
    });

    it('follows changed and deleted sources after a warm start', () => {
      const ws = workspace();
      run(ws, 'check', 'drafts/a.md');
      for (const f of ['001_af11d3e077b90d3f.txt', '002_900ac096a6ff7b86.txt']) fs.rmSync(path.join(ws, 'seeds', f));
      const j = json(run(ws, 'check', '--format', 'json', 'drafts/a.md'));
      for (const f of j.files[0].findings) {
        for (const e of f.evidence) assert.ok(!/seeds\/00[12]_/.test(e.source), `deleted source still cited: ${e.source}`);
      }
      assert.notEqual(findingAt(j, LINE.conflict)?.verdict, 'conflict');
    });

    it('--no-cache neither reads nor writes the cache', () => {
      const ws = workspace();
      const r = run(ws, 'check', '--no-cache', 'drafts/a.md');
      assert.equal(r.code, 1, r.stderr);
      assert.equal(fs.existsSync(path.join(ws, '.groundwork')), false);
    });
  });
});
