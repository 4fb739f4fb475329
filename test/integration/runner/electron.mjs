#!/usr/bin/env node
// Conventional launcher for the same integration suite in desktop VS Code (Electron), via
// @vscode/test-electron: `npm run build && npm run test:electron`. It downloads VS Code from
// Microsoft's update servers into .vscode-test/, so it needs that network access; on machines
// without it (these build machines, CI) it fails fast with a message: use
// `npm run test:integration` (the offline code-server host) there.
// On a headless Linux box run it under a virtual display: `xvfb-run -a npm run test:electron`.
// Env: VSCODE_VERSION (default 'stable'), GROUNDWORK_DOWNLOAD_TIMEOUT_MS (default 20000),
//      GROUNDWORK_KEEP_TMP=1.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeWorkspace, printResults, summaryLine } from './common.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const log = (msg) => process.stderr.write(`test:electron: ${msg}\n`);

async function main() {
  const testsPath = path.join(ROOT, 'out/test/index');
  if (!fs.existsSync(`${testsPath}.js`)) {
    log('out/test/index.js is missing; run: npm run build');
    return 1;
  }
  const { downloadAndUnzipVSCode, runTests } = await import('@vscode/test-electron');

  let vscodeExecutablePath;
  try {
    vscodeExecutablePath = await downloadAndUnzipVSCode({
      version: process.env.VSCODE_VERSION || 'stable',
      cachePath: path.join(ROOT, '.vscode-test'),
      timeout: Number(process.env.GROUNDWORK_DOWNLOAD_TIMEOUT_MS) || 20_000,
    });
  } catch (e) {
    log(`could not download VS Code (${e?.message ?? e}).`);
    log('This launcher needs access to Microsoft\'s VS Code update servers. Without it, run the same');
    log('suite in the offline host instead: bash scripts/setup.sh && npm run test:integration');
    return 1;
  }

  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'groundwork-electron-'));
  const dirs = makeWorkspace(tmp, ROOT);
  const resultsFile = path.join(tmp, 'results.json');
  let code = 1;
  try {
    await runTests({
      vscodeExecutablePath,
      extensionDevelopmentPath: ROOT,
      extensionTestsPath: testsPath,
      launchArgs: [dirs.ws, '--disable-extensions', '--disable-workspace-trust', `--user-data-dir=${dirs.ud}`, `--extensions-dir=${dirs.extDir}`],
      extensionTestsEnv: { GROUNDWORK_TEST_RESULTS: resultsFile, GROUNDWORK_TEST_WORKSPACE: dirs.ws },
    });
    code = 0;
  } catch (e) {
    log(`VS Code reported a failed run (${e?.message ?? e})`);
  }
  let results;
  try { results = JSON.parse(fs.readFileSync(resultsFile, 'utf8')); } catch { results = undefined; }
  if (results) {
    printResults(results);
    if (results.error) process.stdout.write(`suite error:\n${results.error}\n`);
    if ((results.passed ?? 0) + (results.failed ?? 0) === 0) { log('no tests ran'); code = 1; }
    if ((results.failed ?? 0) > 0) code = 1;
    process.stdout.write(`${summaryLine(results)}\n`);
  } else {
    log('the suite wrote no results');
    code = 1;
  }
  if (process.env.GROUNDWORK_KEEP_TMP !== '1') fs.rmSync(tmp, { recursive: true, force: true });
  return code;
}

main().then((code) => process.exit(code), (e) => { log(`FAILED: ${e?.stack ?? e}`); process.exit(1); });
