#!/usr/bin/env node
// Offline integration-test driver: runs the mocha suite (out/test/index.js) inside a real
// VS Code extension host served by code-server, loaded in Debian's Chromium through
// playwright-core. See test/integration/runner/README.md. Needs `npm run build` first and
// the host from scripts/provision-vscode-host.sh (scripts/setup.sh does both).
//
// It runs the suite three times, one window after the other: a single-folder window (everything
// but the multi-root and installed-package tests; screenshots), a multi-root window
// (.code-workspace with two folders; only tests titled 'multi-root ...') and an installed window
// (Groundwork installed from its .vsix into a fresh extensions folder, not loaded from this tree;
// only tests titled 'installed package ...'), and prints one summary line over all.
//
// Env: GROUNDWORK_TEST_TIMEOUT_MS (each window, default 600000), GROUNDWORK_TEST_START_TIMEOUT_MS
//      (until run() is called, default 180000), GROUNDWORK_TEST_GREP,
//      GROUNDWORK_TEST_LAUNCHES (folder,multi-root,installed,team-server: the windows to run, default all),
//      GROUNDWORK_TEST_VSIX (the .vsix the installed window installs; default: one packaged
//      from this tree with vsce into the run's temp dir),
//      GROUNDWORK_KEEP_TMP=1 (keep the temp dir), GROUNDWORK_SCREENSHOT_MEDIA=1 (also
//      update the README's media/screenshot.png; off by default), GROUNDWORK_EXTENSION_PATH / GROUNDWORK_TESTS_PATH
//      (other extension / tests module, for developing the harness), GROUNDWORK_HOST_DIR,
//      GROUNDWORK_BROWSER (default /usr/bin/chromium).
import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeWorkspace, printResults, saveScreenshot, summaryLine } from './common.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const HOST = process.env.GROUNDWORK_HOST_DIR || path.join(ROOT, '.vscode-test/host');
const EXT_PATH = path.resolve(process.env.GROUNDWORK_EXTENSION_PATH || ROOT);
const TESTS_PATH = path.resolve(process.env.GROUNDWORK_TESTS_PATH || path.join(ROOT, 'out/test/index'));
const TIMEOUT_MS = Number(process.env.GROUNDWORK_TEST_TIMEOUT_MS) || 10 * 60_000;
// The workbench must call the suite's run() within this time (fail fast when it never loads).
const START_TIMEOUT_MS = Number(process.env.GROUNDWORK_TEST_START_TIMEOUT_MS) || 3 * 60_000;
const BROWSER = process.env.GROUNDWORK_BROWSER || '/usr/bin/chromium';
const OUT = path.join(ROOT, 'out');
// The development extension of the installed window (VS Code runs tests only with one).
const INSTALLED_HOST = path.join(ROOT, 'test/integration/installed-host');
const VSCE = path.join(ROOT, 'node_modules/@vscode/vsce/vsce');
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run'];

const log = (msg) => process.stderr.write(`integration: ${msg}\n`);
const PG_SCRIPT = path.join(ROOT, 'scripts/pg-dev.sh');

class DriverError extends Error {}
let stopping = false; // set on Ctrl-C / SIGTERM: the signal handler owns the exit

// ---------------------------------------------------------------- preconditions
function preflight() {
  const codeServer = path.join(HOST, 'node_modules/.bin/code-server');
  if (!fs.existsSync(codeServer)) {
    throw new DriverError(`the VS Code test host is not provisioned (${path.relative(ROOT, HOST)}); run: bash scripts/setup.sh`);
  }
  if (!fs.existsSync(`${TESTS_PATH}.js`)) {
    throw new DriverError(`${path.relative(ROOT, TESTS_PATH)}.js is missing; run: npm run build`);
  }
  const pkg = JSON.parse(fs.readFileSync(path.join(EXT_PATH, 'package.json'), 'utf8'));
  if (pkg.main && !fs.existsSync(path.resolve(EXT_PATH, pkg.main)) && !fs.existsSync(path.resolve(EXT_PATH, `${pkg.main}.js`))) {
    throw new DriverError(`the extension's main (${pkg.main}) is missing; run: npm run build`);
  }
  if (!fs.existsSync(BROWSER)) {
    throw new DriverError(`no browser at ${BROWSER}; install Debian's chromium (bash scripts/setup.sh)`);
  }
  return codeServer;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

// ------------------------------------------------------------------ code-server
function startCodeServer(codeServer, port, dirs, env, logFile) {
  const out = fs.openSync(logFile, 'a');
  const child = spawn(codeServer, [
    '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`,
    '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust',
    '--user-data-dir', dirs.ud, '--extensions-dir', dirs.extDir, dirs.open,
  ], { env, stdio: ['ignore', out, out], detached: true }); // own process group
  fs.closeSync(out);
  return child;
}

async function waitForServer(port, child, logFile, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new DriverError(`code-server exited early (${child.exitCode ?? child.signalCode}):\n${tail(logFile, 30)}`);
    }
    try {
      const res = await fetch(`http://127.0.0.1:${port}/healthz`, { signal: AbortSignal.timeout(2000) });
      if (res.ok) return;
    } catch { /* not listening yet */ }
    await delay(150); // polling the server's health endpoint
  }
  throw new DriverError(`code-server did not answer on port ${port} within ${timeoutMs} ms:\n${tail(logFile, 30)}`);
}

function killGroup(child, signal) {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  try { process.kill(-child.pid, signal); } catch { try { child.kill(signal); } catch { /* gone */ } }
}

async function stopCodeServer(child) {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  killGroup(child, 'SIGTERM');
  const t = setTimeout(() => killGroup(child, 'SIGKILL'), 5000);
  await exited;
  clearTimeout(t);
  try { process.kill(-child.pid, 'SIGKILL'); } catch { /* whole group gone */ }
}

// ----------------------------------------------------------------------- helpers
const delay = (ms) => new Promise((r) => setTimeout(r, ms));

function tail(file, n) {
  try {
    return fs.readFileSync(file, 'utf8').trimEnd().split('\n').slice(-n).map((l) => `    ${l}`).join('\n');
  } catch { return '    (no log)'; }
}

function readJson(file) {
  try { return JSON.parse(fs.readFileSync(file, 'utf8')); } catch { return undefined; }
}

/** `/?folder=<dir>` (single-folder window) or `/?workspace=<file.code-workspace>` (multi-root). */
function workbenchUrl(port, dirs) {
  const remote = (p) => `vscode-remote://127.0.0.1:${port}${p.split(path.sep).join('/')}`;
  const payload = [['extensionDevelopmentPath', remote(dirs.devPath ?? EXT_PATH)], ['extensionTestsPath', remote(TESTS_PATH)]];
  return `http://127.0.0.1:${port}/?${dirs.param}=${encodeURIComponent(dirs.open)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
}

async function takeScreenshot(page, request, shots) {
  const name = String(request.name || 'screenshot').replace(/[^A-Za-z0-9._-]+/g, '-');
  for (const sel of request.waitForSelectors ?? []) {
    try {
      await page.locator(sel).first().waitFor({ state: 'visible', timeout: request.selectorTimeoutMs ?? 10_000 });
    } catch {
      log(`screenshot '${name}': '${sel}' did not appear; taking the shot anyway`);
    }
  }
  // Let the workbench paint what it has (two animation frames).
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  const png = await page.screenshot({ type: 'png' });
  // The README image: the point named 'readme' if the suite has one, else the latest point.
  saveScreenshot({ root: ROOT, out: OUT, name, png, readme: name === 'readme' || !shots.has('readme') });
  shots.add(name);
  log(`screenshot '${name}' saved (out/screenshots/${name}.png)`);
}

// ------------------------------------------------------------------------ launches
// The suite runs in two windows, one after the other, each with its own code-server:
//   folder      the temp workspace opened as a single folder (?folder=); serves screenshots
//   multi-root  a .code-workspace (?workspace=) with a fresh copy of that workspace and a
//               second, empty folder; runs only the tests whose full title starts with
//               'multi-root' (a top-level describe('multi-root ...')), which the folder window
//               leaves out.
//   installed   Groundwork installed from its .vsix (code-server --install-extension) into the
//               window's fresh extensions folder; the development extension is an empty stand-in
//               (test/integration/installed-host). Same workspace as the folder window. Runs
//               only the tests whose full title starts with 'installed package'.
//   team-server the folder window's workspace checking against a team corpus on PostgreSQL
//               (scripts/pg-dev.sh: a local cluster, a fresh database per run, a source only
//               the server has); runs only the tests whose full title starts with 'team server'.
const MULTIROOT_PREFIX = 'multi-root';
const INSTALLED_PREFIX = 'installed package';
const SERVER_PREFIX = 'team server';
const ALL_LAUNCHES = ['folder', 'multi-root', 'installed', 'team-server'];
const PREFIX = { 'multi-root': MULTIROOT_PREFIX, installed: INSTALLED_PREFIX, 'team-server': SERVER_PREFIX };

function selectedLaunches() {
  const raw = process.env.GROUNDWORK_TEST_LAUNCHES;
  if (!raw) return ALL_LAUNCHES;
  const names = raw.split(',').map((s) => s.trim()).filter(Boolean);
  const bad = names.filter((n) => !ALL_LAUNCHES.includes(n));
  if (bad.length || !names.length) {
    throw new DriverError(`GROUNDWORK_TEST_LAUNCHES='${raw}': use a comma list of ${ALL_LAUNCHES.join(', ')}`);
  }
  return ALL_LAUNCHES.filter((n) => names.includes(n));
}

/** The mocha grep of one launch: its own tests, narrowed by the user's GROUNDWORK_TEST_GREP. */
function launchGrep(name, names, userGrep) {
  // Only non-capturing groups, so backreferences in the user's regexp keep their numbers.
  const user = userGrep ? `(?=[\\s\\S]*?(?:${userGrep}))` : '';
  if (PREFIX[name]) return `^(?=${PREFIX[name]})${user}`;
  // The tests of a window that does not run stay in the folder window (and skip themselves).
  const others = names.filter((n) => PREFIX[n]).map((n) => PREFIX[n]);
  if (!others.length) return userGrep || undefined;
  return `^(?!${others.map((p) => `(?:${p})`).join('|')})${user}`;
}

/** Lays out one launch's directories under `dir`; returns what to open and the env to add. */
function prepareLaunch(name, dir, codeServer) {
  const dirs = makeWorkspace(dir, ROOT);
  if (name === 'folder') return { ...dirs, open: dirs.ws, param: 'folder' };
  if (name === 'installed') return { ...dirs, ...installPackage(dir, dirs, codeServer), open: dirs.ws, param: 'folder' };
  if (name === 'team-server') return { ...dirs, ...prepareTeamServer(dir, dirs), open: dirs.ws, param: 'folder' };
  const second = path.join(dir, 'second');
  fs.mkdirSync(second, { recursive: true });
  const file = path.join(dir, 'groundwork.code-workspace');
  fs.writeFileSync(file, JSON.stringify({ folders: [{ path: dirs.ws }, { path: fs.realpathSync(second) }], settings: {} }, null, 2));
  return { ...dirs, second: fs.realpathSync(second), open: file, param: 'workspace', workspaceFile: file };
}

/**
 * The installed window: packages the .vsix (unless GROUNDWORK_TEST_VSIX names one) and installs
 * it into the window's empty extensions folder the way a user does. The workspace is the same
 * as the folder window's.
 */
function installPackage(dir, dirs, codeServer) {
  let vsix = process.env.GROUNDWORK_TEST_VSIX ? path.resolve(process.env.GROUNDWORK_TEST_VSIX) : '';
  if (!vsix) {
    vsix = path.join(dir, 'groundwork.vsix');
    const r = spawnSync(process.execPath, [VSCE, 'package', '--no-dependencies', '--out', vsix], { cwd: ROOT, encoding: 'utf8' });
    if (r.status !== 0) throw new DriverError(`vsce package failed (${r.status ?? r.signal}):\n${r.stdout}\n${r.stderr}`);
  }
  if (!fs.existsSync(vsix)) throw new DriverError(`no .vsix at ${vsix} (GROUNDWORK_TEST_VSIX)`);
  const r = spawnSync(codeServer, ['--user-data-dir', dirs.ud, '--extensions-dir', dirs.extDir, '--install-extension', vsix],
    { encoding: 'utf8', timeout: 120_000 });
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  const installed = fs.readdirSync(dirs.extDir).find((n) => n.toLowerCase().startsWith(`${pkg.publisher}.${pkg.name}-`.toLowerCase()));
  if (r.status !== 0 || !installed) {
    throw new DriverError(`code-server --install-extension ${vsix} failed (${r.status ?? r.signal}):\n${r.stdout}\n${r.stderr}`);
  }
  return { devPath: INSTALLED_HOST, vsix, installedPath: path.join(dirs.extDir, installed), metrics: path.join(dir, 'metrics.json') };
}

/**
 * The team-server window: a local PostgreSQL (scripts/pg-dev.sh), a fresh database for this run
 * holding one source that only the server has (archive/ferry-report.txt, ingested with the CLI
 * bundle), and the workspace's groundwork.corpus.server pointing at it WITHOUT a password: the
 * extension host gets none (no PGPASSWORD, no ~/.pgpass), so the tests set it through the
 * secret-storage command with GROUNDWORK_TEST_PG_PASSWORD.
 */
function prepareTeamServer(dir, dirs) {
  // A cluster of this run's own (the tests stop and start it), beside /tmp (its user must reach it).
  const pgDir = `/tmp/groundwork-pg-it-${process.pid}`;
  const pg = spawnSync('bash', [PG_SCRIPT, 'start'], { encoding: 'utf8', timeout: 300_000, env: { ...process.env, GROUNDWORK_PG_DIR: pgDir } });
  if (pg.status !== 0) throw new DriverError(`scripts/pg-dev.sh start failed (${pg.status ?? pg.signal}):\n${pg.stdout}\n${pg.stderr}`);
  const vars = Object.fromEntries(pg.stdout.split('\n').filter((l) => /^GROUNDWORK_PG_\w+=/.test(l)).map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]));
  const owner = new URL(vars.GROUNDWORK_PG_OWNER_URL);
  const admin = vars.GROUNDWORK_PG_ADMIN_URL;
  const db = `gw_it_${process.pid}`;
  for (const sql of [`DROP DATABASE IF EXISTS ${db}`, `CREATE DATABASE ${db} OWNER ${decodeURIComponent(owner.username)}`]) {
    const r = spawnSync('psql', [admin, '-v', 'ON_ERROR_STOP=1', '-qc', sql], { encoding: 'utf8' });
    if (r.status !== 0) throw new DriverError(`psql ${sql} failed:\n${r.stderr}`);
  }
  const password = decodeURIComponent(owner.password);
  owner.pathname = `/${db}`;
  const withPassword = owner.toString();
  owner.password = '';
  const url = owner.toString();
  // A source only the server has (not in the workspace).
  const team = path.join(dir, 'team-corpus');
  fs.mkdirSync(path.join(team, 'archive'), { recursive: true });
  fs.writeFileSync(path.join(team, 'archive/ferry-report.txt'),
    'Harbour authority report\n\nThe Riverbend ferry carried 212 passengers on its last crossing of the season, on 3 May 2021.\n');
  const ing = spawnSync(process.execPath, [path.join(ROOT, 'dist/cli.js'), 'ingest', '--server', withPassword, 'archive'], { cwd: team, encoding: 'utf8', timeout: 120_000 });
  if (ing.status !== 0) throw new DriverError(`groundwork ingest failed (${ing.status ?? ing.signal}):\n${ing.stdout}\n${ing.stderr}`);
  const settings = path.join(dirs.ws, '.vscode/settings.json');
  const text = fs.readFileSync(settings, 'utf8');
  fs.writeFileSync(settings, text.replace('{', `{\n  "groundwork.corpus.server": ${JSON.stringify(url)},`));
  return { pg: { url, password, admin, db, dir: pgDir } };
}

/** Bytes of the files under a folder. */
function folderBytes(dir) {
  let total = 0;
  for (const d of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (d.isFile()) total += fs.statSync(path.join(d.parentPath ?? d.path, d.name)).size;
  }
  return total;
}

/** out/installed-package.json: the sizes of the installed window's package and what its tests measured. */
function writePackageMetrics(dirs) {
  const measured = readJson(dirs.metrics);
  const files = fs.readdirSync(dirs.installedPath, { recursive: true, withFileTypes: true }).filter((d) => d.isFile()).length;
  const out = {
    date: new Date().toISOString(),
    vscode: readCodeVersion(),
    vsixBytes: fs.statSync(dirs.vsix).size,
    installedBytes: folderBytes(dirs.installedPath),
    installedFiles: files,
    ...(measured ?? {}),
  };
  fs.writeFileSync(path.join(OUT, 'installed-package.json'), `${JSON.stringify(out, null, 2)}\n`);
  log(`installed package: .vsix ${out.vsixBytes} bytes, installed ${out.installedBytes} bytes in ${files} files`
    + `${measured ? `, activation ${measured.activation.totalMs} ms (empty extension ${measured.baseline.totalMs} ms)` : ''} (out/installed-package.json)`);
}

// -------------------------------------------------------------------------- main
async function runLaunch(launch, ctx) {
  const { name, dir, grep } = launch;
  fs.mkdirSync(dir, { recursive: true });
  const dirs = prepareLaunch(name, dir, ctx.codeServer);
  const resultsFile = path.join(dir, 'results.json');
  const readyFile = path.join(dir, 'screenshot-ready');
  const serverLog = path.join(dir, 'code-server.log');
  launch.dirs = dirs;
  const started = Date.now();
  const env = {
    ...process.env,
    GROUNDWORK_TEST_RESULTS: resultsFile,
    GROUNDWORK_TEST_WORKSPACE: dirs.ws,
    GROUNDWORK_TEST_LAUNCH: name,
  };
  delete env.GROUNDWORK_TEST_GREP;
  delete env.GROUNDWORK_SCREENSHOT_READY;
  delete env.GROUNDWORK_TEST_WORKSPACE_FILE;
  if (grep) env.GROUNDWORK_TEST_GREP = grep;
  // Screenshots come from the single-folder window only (the README image).
  if (name === 'folder') env.GROUNDWORK_SCREENSHOT_READY = readyFile;
  if (dirs.workspaceFile) env.GROUNDWORK_TEST_WORKSPACE_FILE = dirs.workspaceFile;
  delete env.GROUNDWORK_TEST_EXTENSIONS_DIR;
  delete env.GROUNDWORK_TEST_METRICS;
  if (name === 'installed') {
    env.GROUNDWORK_TEST_EXTENSIONS_DIR = fs.realpathSync(dirs.extDir);
    env.GROUNDWORK_TEST_METRICS = dirs.metrics;
  }
  // The team-server window's password reaches the extension only through its secret storage.
  for (const k of ['PGPASSWORD', 'PGUSER', 'PGHOST', 'PGPORT', 'PGDATABASE', 'GROUNDWORK_DATABASE_URL', 'GROUNDWORK_TEST_PG_PASSWORD', 'GROUNDWORK_TEST_PG_SCRIPT', 'GROUNDWORK_PG_DIR']) delete env[k];
  if (name === 'team-server') {
    env.PGPASSFILE = path.join(dir, 'no-pgpass');
    env.GROUNDWORK_TEST_PG_PASSWORD = dirs.pg.password;
    env.GROUNDWORK_TEST_PG_SCRIPT = PG_SCRIPT;
    env.GROUNDWORK_PG_DIR = dirs.pg.dir;
  }

  const port = await freePort();
  launch.server = startCodeServer(ctx.codeServer, port, dirs, env, serverLog);
  const server = launch.server;
  await waitForServer(port, server, serverLog, 60_000);

  const page = await ctx.browser.newPage({ viewport: { width: 1280, height: 800 } });
  launch.page = page;
  const consoleOut = fs.createWriteStream(ctx.consoleLog, { flags: 'a' });
  consoleOut.write(`==== ${name} window\n`);
  page.on('console', (m) => {
    const type = m.type();
    const text = m.text();
    // Keep errors and warnings, and everything the extension host prints (mocha's spec output).
    if (type === 'error' || type === 'warning' || text.includes('[Extension Host]')) consoleOut.write(`[${type}] ${text}\n`);
  });
  page.on('pageerror', (e) => consoleOut.write(`[pageerror] ${e.stack ?? e}\n`));
  try {
    await page.goto(workbenchUrl(port, dirs), { waitUntil: 'domcontentloaded', timeout: 60_000 });
    log(`${name} window: VS Code ${readCodeVersion()} on 127.0.0.1:${port}, ${dirs.param} ${dirs.open}${grep ? ` (grep ${grep})` : ''}`);

    // Poll for the results file (and serve screenshot requests) until the deadline.
    const deadline = started + TIMEOUT_MS;
    let lastSeq;
    let results;
    let hostExitAt = 0;
    const where = `${name} window`;
    while (!results) {
      if (fs.existsSync(readyFile)) {
        const req = readJson(readyFile);
        if (req && req.seq !== lastSeq) {
          lastSeq = req.seq;
          try { await takeScreenshot(page, req, ctx.shots); } catch (e) { log(`screenshot failed: ${e.message}`); }
          fs.writeFileSync(`${readyFile}.done`, String(req.seq));
        }
      }
      if (fs.existsSync(resultsFile)) results = readJson(resultsFile);
      if (results) {
        if (name === 'installed') writePackageMetrics(dirs);
        break;
      }
      if (server.exitCode !== null || server.signalCode !== null) {
        throw new DriverError(`${where}: code-server exited during the run:\n${tail(serverLog, 30)}`);
      }
      if (!ctx.browser.isConnected()) throw new DriverError(`${where}: the browser closed during the run`);
      // The extension host ends after run() settles; ending without results means the suite died.
      if (!hostExitAt && fs.readFileSync(serverLog, 'utf8').includes('Extension Host Process exited')) hostExitAt = Date.now();
      if (hostExitAt && Date.now() - hostExitAt > 2000) {
        throw new DriverError(`${where}: the extension host exited without writing results (did out/test/index.js export run()? `
          + `did it crash?); see ${dirs.ud}/logs/*/exthost1/remoteexthost.log and out/integration-console.log\n`
          + `  last test events:\n${fs.existsSync(`${resultsFile}.progress`) ? tail(`${resultsFile}.progress`, 10) : '    (none: run() was never called)'}`);
      }
      if (Date.now() - started > START_TIMEOUT_MS && !fs.existsSync(`${resultsFile}.progress`)) {
        throw new DriverError(`${where}: the extension host did not start the suite within ${Math.round(START_TIMEOUT_MS / 1000)} s `
          + `(GROUNDWORK_TEST_START_TIMEOUT_MS); see out/integration-console.log and ${dirs.ud}/logs`);
      }
      if (Date.now() > deadline) {
        throw new DriverError(`${where}: no results after ${Math.round(TIMEOUT_MS / 1000)} s (GROUNDWORK_TEST_TIMEOUT_MS); `
          + `see out/integration-console.log and the extension host log under ${dirs.ud}/logs\n`
          + `  last test events:\n${fs.existsSync(`${resultsFile}.progress`) ? tail(`${resultsFile}.progress`, 10) : '    (the suite never started: did run() load? see the logs above)'}`);
      }
      await delay(200); // polling files the suite writes
    }
    return results;
  } finally {
    consoleOut.end();
    await Promise.race([page.close().catch(() => {}), delay(5000)]);
    await stopCodeServer(server);
  }
}

async function main() {
  const codeServer = preflight();
  const names = selectedLaunches();
  const userGrep = process.env.GROUNDWORK_TEST_GREP || '';
  if (userGrep) {
    try { new RegExp(userGrep); } catch (e) { throw new DriverError(`GROUNDWORK_TEST_GREP is not a valid regexp: ${e.message}`); }
  }
  const requireHost = createRequire(path.join(HOST, 'package.json'));
  const { chromium } = requireHost('playwright-core');

  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'groundwork-it-'));
  // The folder window keeps the temp dir's top level (as before); the others get multiroot/ and installed/.
  const launches = names.map((name) => ({
    name, dir: name === 'folder' ? tmp : path.join(tmp, name === 'multi-root' ? 'multiroot' : name), grep: launchGrep(name, names, userGrep),
  }));
  fs.mkdirSync(OUT, { recursive: true });
  const consoleLog = path.join(OUT, 'integration-console.log');
  fs.writeFileSync(consoleLog, '');

  let browser; let cleaned = false; let ok = false;
  const cleanup = async () => {
    if (cleaned) return;
    cleaned = true;
    await Promise.race([browser?.close().catch(() => {}), delay(10_000)]);
    for (const l of launches) await stopCodeServer(l.server);
    for (const l of launches) {
      if (l.dirs?.pg) spawnSync('bash', [PG_SCRIPT, 'destroy'], { stdio: 'ignore', timeout: 60_000, env: { ...process.env, GROUNDWORK_PG_DIR: l.dirs.pg.dir } });
    }
    if (ok && process.env.GROUNDWORK_KEEP_TMP !== '1') fs.rmSync(tmp, { recursive: true, force: true });
    else log(`kept ${tmp} (code-server.log, user-data/logs/ for the extension host log; multiroot/ and installed/ for the other windows)`);
  };
  // Never leave code-server behind: on Ctrl-C / SIGTERM and at exit.
  const onSignal = (sig) => {
    stopping = true;
    log(`${sig}: stopping`);
    cleanup().finally(() => process.exit(130));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  process.once('SIGHUP', onSignal);
  process.on('exit', () => { for (const l of launches) killGroup(l.server, 'SIGKILL'); });

  const started = Date.now();
  try {
    browser = await chromium.launch({
      executablePath: BROWSER, headless: true, args: CHROMIUM_ARGS,
      handleSIGINT: false, handleSIGTERM: false, handleSIGHUP: false,
    });
    const ctx = { codeServer, browser, consoleLog, shots: new Set() };
    const total = { passed: 0, failed: 0, pending: 0, tests: [] };
    const tagWidth = Math.max(...launches.map((l) => l.name.length)) + 2;
    let suiteError = false;
    for (const launch of launches) {
      const t0 = Date.now();
      const results = await runLaunch(launch, ctx);
      const tag = `${`[${launch.name}]`.padEnd(tagWidth)} `;
      const tests = [...(results.tests ?? [])];
      // Without a user grep the multi-root window must run something: a silent skip is a harness bug.
      if (PREFIX[launch.name] && !userGrep && !results.error && !tests.some((t) => t.state !== 'pending')) {
        tests.push({ title: `run the ${launch.name} tests`, fullTitle: `the ${launch.name} window ran no tests (none titled '${PREFIX[launch.name]} ...', or all skipped)`, state: 'failed', error: { message: `${launch.dirs.open} opened; see out/integration-console.log` } });
      }
      printResults({ tests }, tag);
      if (results.error) {
        suiteError = true;
        process.stdout.write(`suite error (${launch.name} window):\n${results.error.split('\n').map((l) => `    ${l}`).join('\n')}\n`);
      }
      for (const t of tests) {
        if (t.state === 'passed') total.passed++;
        else if (t.state === 'failed') total.failed++;
        else total.pending++;
      }
      log(`${launch.name} window finished in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    }

    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    ok = total.failed === 0 && total.passed > 0 && !suiteError;
    await cleanup();
    if (total.passed + total.failed === 0) log('no tests ran');
    log(`finished in ${seconds} s`);
    process.stdout.write(`${summaryLine(total)}\n`);
    return ok ? 0 : 1;
  } catch (e) {
    ok = false;
    await cleanup();
    throw e;
  }
}

function readCodeVersion() {
  try {
    return JSON.parse(fs.readFileSync(path.join(HOST, 'node_modules/code-server/lib/vscode/package.json'), 'utf8')).version;
  } catch { return '?'; }
}

main().then(
  (code) => { if (!stopping) process.exit(code); },
  (e) => {
    if (stopping) return; // the signal handler exits once everything is stopped
    log(`FAILED: ${e instanceof DriverError ? e.message : e?.stack ?? e}`);
    process.exit(1);
  },
);
