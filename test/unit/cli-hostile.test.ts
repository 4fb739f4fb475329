/**
 * Issue 8: `groundwork check` against hostile workspaces. Special files, links that
 * leave the workspace, warm and cold runs that must agree byte for byte, a citation
 * problem next to a conflict, malformed team files, file names and drafts made to
 * break the one-line-per-finding output. Spawns the bundled CLI like cli.test.ts; every
 * run has a timeout, so a hang (a FIFO read) fails the test instead of stalling it.
 */
import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { bundleCli, runCli } from './helpers/cli';

const REPO = path.resolve(__dirname, '../..');
const SEEDS = path.join(REPO, 'seeds');
const CONFLICT = 'The Sinai plane crash in October 2015 killed all 324 passengers on board.';

let tmpRoot: string;
let cli: string;

const run = (cwd: string, ...args: string[]) => runCli(cli, cwd, args, { timeoutMs: 30_000 });


let n = 0;
function workspace(files: Record<string, string | Buffer> = {}, seeds = true): string {
  const ws = path.join(tmpRoot, `ws${++n}`, 'work');
  fs.mkdirSync(path.join(ws, '.git'), { recursive: true });
  if (seeds) fs.cpSync(SEEDS, path.join(ws, 'seeds'), { recursive: true });
  for (const [rel, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(ws, rel)), { recursive: true });
    fs.writeFileSync(path.join(ws, rel), content);
  }
  return ws;
}

function mkfifo(p: string): void {
  execFileSync('mkfifo', [p]);
}

const note = (i: number, extra = '') =>
  `Harbour note\nSource: Harbour Office\ndate 2024-03-0${1 + (i % 8)}\n\nThe harbour office counted ${100 + i} ferry crossings in March.${extra}\n`;

describe('cli: hostile inputs (issue 8)', function () {
  this.timeout(180000);

  before(async () => {
    tmpRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'groundwork-hostile-'));
    cli = await bundleCli(path.join(tmpRoot, 'cli.js'));
  });

  after(() => {
    if (tmpRoot) fs.rmSync(tmpRoot, { recursive: true, force: true });
  });

  it('item 3: through adds, edits and deletions of colliding sources, the warm cache prints what --no-cache prints, byte for byte', () => {
    const ws = workspace({}, false);
    const cite = (k: string) => `The harbour office counted 101 ferry crossings in March [@${k}].`;
    const draft = () =>
      ['# Harbour', '', cite('harbour2024note'), '', cite('harbour2024notea'), '', cite('harbour2024noteb'), '', 'The harbour office counted 104 ferry crossings in March.', ''].join('\n');
    const steps: Array<() => void> = [
      () => fs.writeFileSync(path.join(ws, 'sources/b.txt'), note(1)),
      () => fs.writeFileSync(path.join(ws, 'sources/a.txt'), note(2)),
      () => fs.writeFileSync(path.join(ws, 'sources/c/d.txt'), note(4)),
      () => fs.writeFileSync(path.join(ws, 'sources/b.txt'), note(1, ' It was a record.')),
      () => fs.rmSync(path.join(ws, 'sources/a.txt')),
      () => fs.writeFileSync(path.join(ws, 'sources/0.txt'), note(3)),
      () => fs.rmSync(path.join(ws, 'sources/c/d.txt')),
      () => fs.rmSync(path.join(ws, 'sources/0.txt')),
    ];
    fs.mkdirSync(path.join(ws, 'sources/c'), { recursive: true });
    fs.mkdirSync(path.join(ws, 'drafts'));
    for (const [i, step] of steps.entries()) {
      step();
      fs.writeFileSync(path.join(ws, 'drafts/a.md'), draft());
      for (const format of ['text', 'json']) {
        const warm = run(ws, 'check', '--format', format, 'drafts/a.md');
        const cold = run(ws, 'check', '--no-cache', '--format', format, 'drafts/a.md');
        assert.equal(warm.stdout, cold.stdout, `step ${i} (${format})`);
        assert.equal(warm.code, cold.code, `step ${i} (${format})`);
      }
    }
  });

  it('item 4: a FIFO and a dangling link in the corpus folder, a FIFO and /dev/zero as drafts: warnings, no hang', () => {
    const ws = workspace({ 'drafts/a.md': `${CONFLICT}\n` });
    mkfifo(path.join(ws, 'seeds', 'pipe.txt'));
    fs.symlinkSync(path.join(ws, 'nowhere.txt'), path.join(ws, 'seeds', 'dangling.txt'));
    mkfifo(path.join(ws, 'drafts', 'pipe.md'));
    fs.symlinkSync('/dev/zero', path.join(ws, 'drafts', 'zero.md'));
    const r = run(ws, 'check', 'drafts/a.md', 'drafts/pipe.md', 'drafts/zero.md', '/dev/urandom');
    assert.equal(r.code, 1, r.stderr);
    assert.ok(r.errLines.some((l) => /^seeds\/pipe\.txt: warning: a FIFO/.test(l)), r.stderr);
    assert.ok(r.errLines.some((l) => /^seeds\/dangling\.txt: warning: .*dangling/.test(l)), r.stderr);
    assert.ok(r.errLines.some((l) => /^drafts\/pipe\.md: warning: a FIFO.*not checked/.test(l)), r.stderr);
    assert.ok(r.errLines.some((l) => /^drafts\/zero\.md: warning: a device.*not checked/.test(l)), r.stderr);
    assert.ok(r.errLines.some((l) => /^\/dev\/urandom: warning: a device.*not checked/.test(l)), r.stderr);
    assert.ok(r.lines.some((l) => l.startsWith('drafts/a.md:1:1: conflict:')), r.stdout);
    // As a corpus named on the command line: refused with a warning, not read.
    const z = run(ws, 'check', '--corpus', 'seeds', '--corpus', '/dev/zero', 'drafts/a.md');
    assert.ok(z.errLines.some((l) => /^\/dev\/zero: warning: a device/.test(l)), z.stderr);
  });

  it('item 5: links out of the workspace are not followed, a link loop reads each source once, outside patterns warn', () => {
    const outside = path.join(tmpRoot, `outside${++n}`);
    fs.mkdirSync(outside);
    fs.writeFileSync(path.join(outside, 'secret.txt'), 'Runner secret\n\nThe deploy token of the runner is 7781 and it was issued in March.\n');
    const ws = workspace({ 'drafts/a.md': 'The deploy token of the runner is 7781.\n' });
    fs.symlinkSync(path.join(outside, 'secret.txt'), path.join(ws, 'seeds', 'secret.txt'));
    fs.symlinkSync(outside, path.join(ws, 'seeds', 'outdir'));
    fs.symlinkSync('.', path.join(ws, 'seeds', 'loop'));
    fs.mkdirSync(path.join(ws, 'seeds', 'sub'));
    fs.symlinkSync('..', path.join(ws, 'seeds', 'sub', 'up'));
    fs.mkdirSync(path.join(ws, '.vscode'));
    fs.writeFileSync(
      path.join(ws, '.vscode', 'settings.json'),
      JSON.stringify({ 'groundwork.corpus.include': ['seeds/**', `../outside${n}/**`, `${outside}/**`], 'groundwork.corpus.externalFolders': [outside] }),
    );
    const r = run(ws, 'check', '--format', 'json', 'drafts/a.md');
    const j = JSON.parse(r.stdout);
    const evidence = j.files[0].findings.flatMap((f: { evidence: Array<{ source: string; text: string }> }) => f.evidence);
    assert.ok(!evidence.some((e: { text: string }) => e.text.includes('7781')), JSON.stringify(evidence));
    assert.notEqual(j.files[0].findings[0]?.verdict, 'supported');
    assert.ok(r.errLines.some((l) => /^seeds\/secret\.txt: warning: a link to outside the workspace/.test(l)), r.stderr);
    assert.ok(r.errLines.some((l) => /^seeds\/outdir: warning: a link to outside the workspace/.test(l)), r.stderr);
    assert.equal(r.errLines.filter((l) => /points outside the workspace/.test(l)).length, 2, r.stderr);
    // The repository's settings cannot widen what the CLI reads.
    assert.ok(r.errLines.some((l) => /externalFolders is not read by groundwork check/.test(l)), r.stderr);
    // The loops (seeds/loop -> seeds, seeds/sub/up -> seeds) reach the seeds again: indexed once.
    const v = run(ws, 'check', '--no-cache', '--verbose', 'drafts/a.md');
    const indexed = /indexed (\d+) sources/.exec(v.stderr);
    assert.equal(indexed?.[1], '5', v.stderr);
  });

  it('item 6: a conflict that also cites an unknown key is reported as both; severities apply to each', () => {
    const draft = `${CONFLICT.replace(/\.$/, '')} [@nosuchkey2020].\n`;
    const ws = workspace({ 'drafts/a.md': draft });
    const r = run(ws, 'check', 'drafts/a.md');
    assert.ok(r.lines.some((l) => /: conflict: .*\[claim\.conflict\.number\]/.test(l)), r.stdout);
    assert.ok(r.lines.some((l) => /: citation: .*\[citation\.unknown-key\]/.test(l)), r.stdout);
    fs.mkdirSync(path.join(ws, '.vscode'));
    fs.writeFileSync(path.join(ws, '.vscode', 'settings.json'), JSON.stringify({ 'groundwork.severity.citation': 'off' }));
    const off = run(ws, 'check', 'drafts/a.md');
    assert.equal(off.code, 1, off.stdout);
    assert.ok(off.lines.some((l) => /: conflict: .*\[claim\.conflict\.number\]/.test(l)), off.stdout);
    assert.ok(!off.lines.some((l) => /citation/.test(l)), off.stdout);
    const sarif = JSON.parse(run(ws, 'check', '--format', 'sarif', 'drafts/a.md').stdout);
    assert.deepEqual(sarif.runs[0].results.map((x: { ruleId: string }) => x.ruleId), ['claim.conflict.number']);
  });

  it('item 7: a team ignore file with a trailing comma is read (JSONC); a settings file with a BOM is no error', () => {
    const ignore = `{\n  // reviewed\n  "version": 1,\n  "sentences": [{ "text": ${JSON.stringify(CONFLICT)} },],\n}\n`;
    const ws = workspace({ 'drafts/a.md': `${CONFLICT}\n`, '.groundwork/ignore.json': ignore, '.vscode/settings.json': '\uFEFF{ "groundwork.check.failOn": "conflict" }\n' });
    const r = run(ws, 'check', 'drafts/a.md');
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.deepEqual(r.errLines, []);
  });

  it('item 7: 100,000 bad ignore entries give a summary, not 100,000 lines', () => {
    const ignore = JSON.stringify({ version: 1, sentences: Array.from({ length: 100000 }, () => 42) });
    const ws = workspace({ 'drafts/a.md': `${CONFLICT}\n`, '.groundwork/ignore.json': ignore });
    const r = run(ws, 'check', 'drafts/a.md');
    const lines = r.errLines.filter((l) => l.startsWith('.groundwork/ignore.json'));
    assert.ok(lines.length <= 21, `${lines.length} lines`);
    assert.ok(lines.some((l) => /99980 more entries like these \(100000 in all\)/.test(l)), lines.slice(-2).join('\n'));
  });

  it('item 7: a draft inside the corpus does not support itself, and says so', () => {
    const text = 'Harbour note\n\nThe harbour office counted 977 ferry crossings in March.\n';
    const ws = workspace({ 'sources/own.txt': text });
    const r = run(ws, 'check', '--format', 'json', 'sources/own.txt');
    assert.ok(r.errLines.some((l) => /^sources\/own\.txt: note: this draft is also a corpus file/.test(l)), r.stderr);
    const f = JSON.parse(r.stdout).files[0].findings.find((x: { text: string }) => x.text.includes('977'));
    assert.ok(f, r.stdout);
    assert.notEqual(f.verdict, 'supported');
    assert.ok(!f.evidence.some((e: { source: string }) => e.source === 'sources/own.txt'), JSON.stringify(f.evidence));
  });

  it('item 7: a file name with a line break is in the corpus and quoted on its one line', () => {
    const ws = workspace({ 'drafts/a.md': `${CONFLICT}\n` });
    fs.writeFileSync(path.join(ws, 'seeds', 'bad\nname.txt'), Buffer.from([0, 1, 2, 3, 0, 0]));
    const r = run(ws, 'check', 'drafts/a.md');
    assert.ok(r.errLines.some((l) => l.startsWith('"seeds/bad\\nname.txt": warning: ') && /looks binary/.test(l)), JSON.stringify(r.errLines));
    assert.ok(r.errLines.every((l) => !l.includes('\n')));
  });

  it('item 7: control characters and escape sequences of a draft are escaped in text output', () => {
    const esc = '\u001b]0;owned\u0007\u001b[2J';
    const ws = workspace({ 'drafts/a.md': `The harbour authority of Rotterdam ${esc}approved a budget of 40 million euros for new ferry berths.\n` });
    const r = run(ws, 'check', 'drafts/a.md');
    assert.ok(!/[\u0000-\u0008\u000b-\u001f\u007f]/.test(r.stdout), JSON.stringify(r.stdout));
    assert.ok(r.stdout.includes('\\x1b]0;owned\\x07\\x1b[2J'), r.stdout);
  });

  it('item 7: a binary draft is refused like a binary source', () => {
    const ws = workspace({ 'drafts/a.md': `${CONFLICT}\n`, 'drafts/b.md': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13, 1, 2, 3]) });
    const r = run(ws, 'check', '--format', 'json', 'drafts/a.md', 'drafts/b.md');
    assert.ok(r.errLines.some((l) => /^drafts\/b\.md: warning: the file looks binary.*not checked/.test(l)), r.stderr);
    assert.deepEqual(JSON.parse(r.stdout).files.map((f: { file: string }) => f.file), ['drafts/a.md']);
  });
});
