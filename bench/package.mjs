#!/usr/bin/env node
// The shipped artifacts, measured: the .vsix (`vsce package`, as `npm run package` builds it)
// and the CLI's npm package (`npm pack`), packed and unpacked; and the extension's activation
// time from the installed package, read from VS Code's own marks in the integration driver's
// `installed` window (the .vsix installed into a clean code-server), next to an empty
// extension's in the same windows. Needs `npm run build` and the VS Code host (scripts/setup.sh).
//
//   node bench/package.mjs [--runs N] [--write] [--print]
//     --runs N   installed windows to start (default 3); the median is reported
//     --write    replace the "Installed package" section of docs/BENCHMARKS.md
//     --print    print that section (Markdown) on stdout; progress goes to stderr
// `npm run bench` runs it with --print and puts the section into the file it writes.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import yauzl from 'yauzl';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BENCHMARKS = path.join(ROOT, 'docs/BENCHMARKS.md');
export const BEGIN = '<!-- installed-package:begin (bench/package.mjs) -->';
export const END = '<!-- installed-package:end -->';
const log = (m) => process.stderr.write(`bench/package: ${m}\n`);

function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 << 20, ...opts });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${r.status ?? r.signal}):\n${r.stdout}\n${r.stderr}`);
  return r.stdout;
}

function zipSizes(file) {
  return new Promise((resolve, reject) => {
    yauzl.open(file, { lazyEntries: true }, (err, zip) => {
      if (err) return reject(err);
      let bytes = 0;
      let files = 0;
      zip.on('entry', (e) => {
        if (!e.fileName.endsWith('/')) { bytes += e.uncompressedSize; files++; }
        zip.readEntry();
      });
      zip.on('end', () => resolve({ bytes, files }));
      zip.on('error', reject);
      zip.readEntry();
    });
  });
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];
const kb = (n) => (n >= 1 << 20 ? `${(n / (1 << 20)).toFixed(2)} MB` : `${(n / 1024).toFixed(1)} KB`);
const int = (n) => n.toLocaleString('en-US');

export async function measure({ runs = 3 } = {}) {
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  for (const f of ['dist/extension.js', 'dist/worker.js', 'dist/cli.js']) {
    if (!fs.existsSync(path.join(ROOT, f))) throw new Error(`${f} is missing: run npm run build`);
  }
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'groundwork-bench-package-'));
  try {
    const vsix = path.join(tmp, `${pkg.name}-${pkg.version}.vsix`);
    log('vsce package');
    run(process.execPath, [path.join(ROOT, 'node_modules/@vscode/vsce/vsce'), 'package', '--no-dependencies', '--out', vsix]);
    const vsixUnpacked = await zipSizes(vsix);
    log('npm pack');
    const [npmInfo] = JSON.parse(run('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', tmp]));
    const shipped = {};
    for (const f of ['dist/extension.js', 'dist/worker.js', 'dist/cli.js']) shipped[f] = fs.statSync(path.join(ROOT, f)).size;
    let dataBytes = 0;
    let dataFiles = 0;
    if (fs.existsSync(path.join(ROOT, 'data'))) {
      for (const d of fs.readdirSync(path.join(ROOT, 'data'), { recursive: true, withFileTypes: true })) {
        if (d.isFile()) { dataBytes += fs.statSync(path.join(d.parentPath ?? d.path, d.name)).size; dataFiles++; }
      }
    }
    const windows = [];
    for (let i = 0; i < runs; i++) {
      log(`installed window ${i + 1}/${runs}`);
      const metricsFile = path.join(ROOT, 'out/installed-package.json');
      fs.rmSync(metricsFile, { force: true });
      const r = spawnSync(process.execPath, [path.join(ROOT, 'test/integration/runner/run.mjs')], {
        cwd: ROOT, encoding: 'utf8', maxBuffer: 64 << 20,
        env: { ...process.env, GROUNDWORK_TEST_LAUNCHES: 'installed', GROUNDWORK_TEST_VSIX: vsix, GROUNDWORK_SCREENSHOT_MEDIA: '0' },
      });
      const m = fs.existsSync(metricsFile) ? JSON.parse(fs.readFileSync(metricsFile, 'utf8')) : undefined;
      if (r.status !== 0 || !m?.activation) {
        throw new Error(`the installed window failed (${r.status ?? r.signal}):\n${r.stdout.slice(-4000)}\n${r.stderr.slice(-4000)}`);
      }
      windows.push(m);
    }
    return {
      date: new Date().toISOString(),
      version: pkg.version,
      vscode: windows[0].vscode,
      machine: `${os.cpus().length} cores (${os.cpus()[0]?.model ?? '?'}), ${Math.round(os.totalmem() / (1 << 30))} GiB RAM, Node ${process.version}`,
      vsix: { bytes: fs.statSync(vsix).size, unpackedBytes: vsixUnpacked.bytes, files: vsixUnpacked.files, installedBytes: windows[0].installedBytes, installedFiles: windows[0].installedFiles },
      npm: { bytes: npmInfo.size, unpackedBytes: npmInfo.unpackedSize, files: npmInfo.files.length },
      shipped, dataBytes, dataFiles,
      activation: windows.map((w) => w.activation),
      baseline: windows.map((w) => w.baseline),
    };
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

export function render(m) {
  const row = (label, list) => {
    const col = (k) => `${median(list.map((x) => x[k]))} ms`;
    return `| ${label} | ${col('codeLoadingMs')} | ${col('activateMs')} | ${col('totalMs')} | ${list.map((x) => x.totalMs).join(', ')} |`;
  };
  const ratio = median(m.activation.map((x) => x.totalMs)) / Math.max(1, median(m.baseline.map((x) => x.totalMs)));
  return [
    BEGIN,
    '## Installed package',
    '',
    `Measured by \`bench/package.mjs\` (part of \`npm run bench\`; alone: \`npm run bench:package\`) on ${m.date.slice(0, 16).replace('T', ' ')}Z, version ${m.version}, ${m.machine}.`,
    '',
    '| artifact | file | unpacked | files | installed |',
    '| --- | --- | --- | --- | --- |',
    `| \`groundwork-${m.version}.vsix\` (\`npm run package\`) | ${kb(m.vsix.bytes)} | ${kb(m.vsix.unpackedBytes)} | ${m.vsix.files} (with the two VSIX manifests) | ${kb(m.vsix.installedBytes)} in ${m.vsix.installedFiles} files (\`code-server --install-extension\`) |`,
    `| \`groundwork-${m.version}.tgz\` (CLI, \`npm pack\`) | ${kb(m.npm.bytes)} | ${kb(m.npm.unpackedBytes)} | ${m.npm.files} | no dependencies to install |`,
    '',
    `Of that: \`dist/extension.js\` ${kb(m.shipped['dist/extension.js'])}, \`dist/worker.js\` ${kb(m.shipped['dist/worker.js'])}, \`dist/cli.js\` ${kb(m.shipped['dist/cli.js'])} (unminified, no source maps), \`data/\` ${m.dataFiles ? `${kb(m.dataBytes)} in ${m.dataFiles} files` : 'none yet'}.`,
    '',
    `Activation of the installed extension in VS Code ${m.vscode} (code-server), from VS Code's own marks in the extension host, in ${m.activation.length} fresh windows (median; the last column lists each window):`,
    '',
    '| extension | code loading | activate() | total: loading → activated | total per window |',
    '| --- | --- | --- | --- | --- |',
    row('Groundwork (installed from the .vsix)', m.activation),
    row('baseline: an empty extension, same windows', m.baseline),
    '',
    `- Groundwork's total is ${int(Math.round(ratio * 10) / 10)}× the empty extension's. It activates at startup (\`onLanguage:plaintext\` / \`workspaceContains:seeds/**\`) while VS Code's built-in extensions start too, so its figure includes waiting for a busy extension host; the empty extension is activated by the test once the window is up. "total" also covers creating the extension context (its storage), between loading and activate().`,
    '- `activate()` returns at once; indexing runs afterwards in the worker thread and is not part of the activation time (see the engine figures above for indexing).',
    END,
    '',
  ].join('\n');
}

/** `md` with its installed-package section replaced by `section` (inserted before "How to read" when absent). */
export function withSection(md, section) {
  const a = md.indexOf(BEGIN);
  const b = md.indexOf(END);
  if (a >= 0 && b > a) return md.slice(0, a) + section + md.slice(md.indexOf('\n', b) + 1);
  const at = md.indexOf('## How to read and reproduce');
  return at >= 0 ? `${md.slice(0, at)}${section}\n${md.slice(at)}` : `${md.trimEnd()}\n\n${section}`;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const argv = process.argv.slice(2);
  const runsAt = argv.indexOf('--runs');
  const runs = runsAt >= 0 ? Number(argv[runsAt + 1]) : 3;
  try {
    const m = await measure({ runs });
    const section = render(m);
    if (argv.includes('--print')) process.stdout.write(section);
    else process.stderr.write(`${section}\n`);
    if (argv.includes('--write')) {
      fs.writeFileSync(BENCHMARKS, withSection(fs.readFileSync(BENCHMARKS, 'utf8'), section));
      log(`wrote ${path.relative(ROOT, BENCHMARKS)}`);
    }
  } catch (e) {
    log(`FAILED: ${e.message}`);
    process.exit(1);
  }
}
