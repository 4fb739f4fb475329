/**
 * The shipped artifacts, built from the current dist/ (run `npm run build` first, as for every
 * mocha test): the .vsix (`vsce package`, as `npm run package` does) and the CLI's npm package
 * (`npm pack`). Each must hold exactly its runtime files, pick up a data/ folder, and the CLI
 * must work once installed from the tarball into an empty project (no repository, no
 * node_modules of ours). The .vsix installed into a real VS Code is tested by the integration
 * suite's `installed` window (test/integration/installed.test.ts).
 */
import { strict as assert } from 'node:assert';
import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as yauzl from 'yauzl';

const REPO = path.resolve(__dirname, '../..');
const PKG = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8'));
const VSCE = path.join(REPO, 'node_modules/@vscode/vsce/vsce');
const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';

function sh(cmd: string, args: string[], opts: SpawnSyncOptions & { cwd: string }): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(cmd, args, { encoding: 'utf8', timeout: 180_000, ...opts });
  if (r.error) throw r.error;
  return { code: r.status, stdout: String(r.stdout), stderr: String(r.stderr) };
}

function mustRun(cmd: string, args: string[], opts: SpawnSyncOptions & { cwd: string }): string {
  const r = sh(cmd, args, opts);
  assert.equal(r.code, 0, `${cmd} ${args.join(' ')} failed (${r.code}):\n${r.stdout}\n${r.stderr}`);
  return r.stdout;
}

/** Entry names of a zip file and their uncompressed sizes. */
function zipEntries(file: string): Promise<Map<string, number>> {
  return new Promise((resolve, reject) => {
    yauzl.open(file, { lazyEntries: true }, (err, zip) => {
      if (err || !zip) return reject(err);
      const out = new Map<string, number>();
      zip.on('entry', (e: yauzl.Entry) => {
        if (!e.fileName.endsWith('/')) out.set(e.fileName, e.uncompressedSize);
        zip.readEntry();
      });
      zip.on('end', () => resolve(out));
      zip.on('error', reject);
      zip.readEntry();
    });
  });
}

/** The contents of one entry of a zip file. */
function zipRead(file: string, name: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    yauzl.open(file, { lazyEntries: true }, (err, zip) => {
      if (err || !zip) return reject(err);
      zip.on('entry', (e: yauzl.Entry) => {
        if (e.fileName !== name) return zip.readEntry();
        zip.openReadStream(e, (err2, stream) => {
          if (err2 || !stream) return reject(err2);
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('end', () => { zip.close(); resolve(Buffer.concat(chunks)); });
          stream.on('error', reject);
        });
      });
      zip.on('end', () => reject(new Error(`${name} is not in ${file}`)));
      zip.on('error', reject);
      zip.readEntry();
    });
  });
}

/** Files under `dir` (posix paths relative to `base`), recursively; [] when it does not exist. */
function filesUnder(base: string, dir: string): string[] {
  const abs = path.join(base, dir);
  if (!fs.existsSync(abs)) return [];
  return (fs.readdirSync(abs, { recursive: true, withFileTypes: true }) as fs.Dirent[])
    .filter((d) => d.isFile())
    .map((d) => path.relative(base, path.join(d.parentPath ?? (d as unknown as { path: string }).path, d.name)).split(path.sep).join('/'))
    .sort();
}

function vsce(cwd: string, out: string): void {
  mustRun(process.execPath, [VSCE, 'package', '--no-dependencies', '--out', out], { cwd });
}

/** `npm pack` of `cwd` into `dest`; returns the tarball's path and npm's file list. */
function npmPack(cwd: string, dest: string): { tarball: string; files: string[]; size: number; unpackedSize: number } {
  // --ignore-scripts: the prepack build would rewrite dist/ under the other tests' feet; the
  // test packs the dist/ that `npm run build` made, as prepack would.
  const out = mustRun(NPM, ['pack', '--json', '--ignore-scripts', '--pack-destination', dest], { cwd });
  const [info] = JSON.parse(out);
  return {
    tarball: path.join(dest, info.filename),
    files: info.files.map((f: { path: string }) => f.path).sort(),
    size: info.size,
    unpackedSize: info.unpackedSize,
  };
}

let tmp: string;
before(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'groundwork-package-'));
  for (const f of ['dist/extension.js', 'dist/worker.js', 'dist/cli.js', 'dist/tagger.js']) {
    assert.ok(fs.existsSync(path.join(REPO, f)), `${f} is missing: run npm run build`);
  }
});
after(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('package: the .vsix', function () {
  this.timeout(120_000);
  let entries: Map<string, number>;
  const out = () => path.join(tmp, 'groundwork.vsix');

  before(async () => {
    vsce(REPO, out());
    entries = await zipEntries(out());
  });

  it('holds exactly the bundles, data/, media/, README, CHANGELOG, LICENSE and the notices', () => {
    const expected = [
      '[Content_Types].xml',
      'extension.vsixmanifest',
      'extension/package.json',
      'extension/readme.md',
      'extension/changelog.md',
      'extension/LICENSE.txt',
      'extension/THIRD-PARTY-NOTICES.md',
      'extension/dist/extension.js',
      'extension/dist/worker.js',
      'extension/dist/tagger.js',
      ...filesUnder(REPO, 'data').map((f) => `extension/${f}`),
      ...filesUnder(REPO, 'media').map((f) => `extension/${f}`),
    ].sort();
    assert.deepEqual([...entries.keys()].sort(), expected);
  });

  it('carries the bundles byte for byte and the marketplace metadata', async () => {
    for (const f of ['dist/extension.js', 'dist/worker.js', 'dist/tagger.js']) {
      assert.equal(entries.get(`extension/${f}`), fs.statSync(path.join(REPO, f)).size, f);
    }
    const pkg = JSON.parse((await zipRead(out(), 'extension/package.json')).toString('utf8'));
    assert.equal(pkg.version, PKG.version);
    assert.equal(pkg.icon, 'media/icon.png');
    assert.ok(pkg.repository?.url && pkg.bugs?.url && pkg.galleryBanner?.color, 'repository, bugs and galleryBanner');
    assert.ok(pkg.keywords.length > 0 && pkg.categories.length > 0, 'keywords and categories');
    assert.equal(pkg.dependencies, undefined, 'the bundles need no runtime dependencies');
  });
});

describe('package: the npm package of the CLI', function () {
  this.timeout(180_000);
  let packed: ReturnType<typeof npmPack>;
  let project: string;

  before(() => {
    packed = npmPack(REPO, tmp);
    // An unrelated, empty project: its own folder outside the repository, no node_modules.
    project = path.join(tmp, 'project');
    fs.mkdirSync(project);
    fs.writeFileSync(path.join(project, 'package.json'), JSON.stringify({ name: 'some-project', version: '1.0.0', private: true }));
    // --offline: the package has no dependencies, so nothing may come from the registry.
    mustRun(NPM, ['install', '--offline', '--no-audit', '--no-fund', packed.tarball], { cwd: project });
  });

  it('holds exactly the CLI bundle, data/, README, CHANGELOG, LICENSE, the notices and package.json', () => {
    const expected = [
      'package.json', 'README.md', 'CHANGELOG.md', 'LICENSE', 'THIRD-PARTY-NOTICES.md', 'dist/cli.js', 'dist/tagger.js',
      ...filesUnder(REPO, 'data'),
    ].sort();
    assert.deepEqual(packed.files, expected);
  });

  it('installs into an empty project with nothing else: no runtime dependencies', () => {
    const installed = fs.readdirSync(path.join(project, 'node_modules')).filter((n) => !n.startsWith('.'));
    assert.deepEqual(installed, [PKG.name]);
    assert.ok(fs.existsSync(path.join(project, 'node_modules/.bin/groundwork')), 'the bin link is missing');
  });

  it('npx groundwork --version prints the version', () => {
    // Offline: npx must find the installed bin, never fetch a package of that name.
    const out = mustRun('npx', ['groundwork', '--version'], { cwd: project, env: { ...process.env, npm_config_offline: 'true' } });
    assert.equal(out.trim(), PKG.version);
  });

  it('checks the sample corpus: a conflict with the seeds, exit code 1', () => {
    fs.cpSync(path.join(REPO, 'seeds'), path.join(project, 'seeds'), { recursive: true });
    fs.mkdirSync(path.join(project, 'drafts'));
    fs.writeFileSync(path.join(project, 'drafts/a.md'),
      '# Notes\n\nThe Sinai plane crash in October 2015 killed all 324 passengers on board.\n');
    const r = sh('npx', ['--no', '--', 'groundwork', 'check', '--format', 'json', 'drafts/a.md'], { cwd: project });
    assert.equal(r.code, 1, `exit code ${r.code}:\n${r.stdout}\n${r.stderr}`);
    const out = JSON.parse(r.stdout);
    const f = out.files[0].findings.find((x: { code: string }) => x.code === 'claim.conflict.number');
    assert.ok(f, r.stdout);
    assert.match(f.reasons[0].message, /224/);
    assert.ok(f.evidence.some((e: { source: string }) => e.source.startsWith('seeds/')), JSON.stringify(f.evidence));
  });
});

describe('package: what goes in and what stays out', function () {
  this.timeout(180_000);
  // A copy of the package's inputs plus a data/ folder (as the engine's lexicon and model
  // will be) and files that must never ship.
  let stage: string;
  const DATA = ['data/lexicon.bin', 'data/models/weights.json'];
  const NEVER = ['src/core/x.ts', 'test/unit/x.test.ts', 'bench/x.ts', 'node_modules/left-pad/index.js',
    'dist/extension.js.map', 'dist/bench.js', 'dist/eval.js', 'seeds/x.txt', 'docs/DESIGN.md', '.vscode-test/x', 'out/x.js'];

  before(() => {
    stage = path.join(tmp, 'stage');
    for (const f of ['package.json', '.vscodeignore', '.npmignore', 'README.md', 'CHANGELOG.md', 'LICENSE', 'THIRD-PARTY-NOTICES.md',
      'dist/extension.js', 'dist/worker.js', 'dist/cli.js', ...filesUnder(REPO, 'media')]) {
      fs.mkdirSync(path.dirname(path.join(stage, f)), { recursive: true });
      fs.copyFileSync(path.join(REPO, f), path.join(stage, f));
    }
    for (const f of [...DATA, ...NEVER]) {
      fs.mkdirSync(path.dirname(path.join(stage, f)), { recursive: true });
      fs.writeFileSync(path.join(stage, f), `${f}\n`);
    }
  });

  it('the .vsix takes every file under data/ and none of the sources, tests, maps or node_modules', async () => {
    const out = path.join(tmp, 'stage.vsix');
    vsce(stage, out);
    const names = [...(await zipEntries(out)).keys()];
    for (const f of DATA) assert.ok(names.includes(`extension/${f}`), `${f} is not in the .vsix`);
    for (const f of NEVER) assert.ok(!names.includes(`extension/${f}`), `${f} is in the .vsix`);
  });

  it('the npm package takes every file under data/ and none of the rest', () => {
    const dest = path.join(tmp, 'stage-pack');
    fs.mkdirSync(dest);
    const { files } = npmPack(stage, dest);
    for (const f of DATA) assert.ok(files.includes(f), `${f} is not in the npm package`);
    for (const f of [...NEVER, 'dist/extension.js', 'dist/worker.js', 'media/icon.png']) {
      assert.ok(!files.includes(f), `${f} is in the npm package`);
    }
  });
});

describe('package: THIRD-PARTY-NOTICES.md', function () {
  this.timeout(60_000);

  it('lists every npm package bundled into dist/ (node scripts/third-party-notices.mjs is up to date)', () => {
    const r = sh(process.execPath, ['scripts/third-party-notices.mjs', '--check'], { cwd: REPO });
    assert.equal(r.code, 0, r.stderr);
  });

  it('names every shipped data file with its origin and license', () => {
    const text = fs.readFileSync(path.join(REPO, 'THIRD-PARTY-NOTICES.md'), 'utf8');
    const section = text.slice(text.indexOf('## Data files'), text.indexOf('\n## ', text.indexOf('## Data files') + 1));
    for (const f of filesUnder(REPO, 'data')) {
      assert.match(section, new RegExp(`^- ${f.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: .+; .+`, 'm'), `${f} is not listed under "Data files"`);
    }
  });
});
