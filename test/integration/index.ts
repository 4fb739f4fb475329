// Entry point of the integration suite inside a real VS Code extension host.
//
// VS Code (test-electron, or code-server via test/integration/runner/run.mjs) loads the
// bundle of this file (out/test/index.js) and calls its exported `run()`, the contract of
// `@vscode/test-electron`. Test files use mocha's BDD interface (`describe` / `it` /
// `before` / `afterEach` ... as globals) and are registered by `./suites.ts`, which esbuild
// bundles in here. `mocha` itself stays external and is required from the repo's
// node_modules at run time.
//
// Environment (set by the offline driver, run.mjs; all optional):
//   GROUNDWORK_TEST_RESULTS      file to write the JSON results to (see TestResults)
//   GROUNDWORK_TEST_WORKSPACE    the temp workspace folder the driver opened
//   GROUNDWORK_SCREENSHOT_READY  marker file of the screenshot handshake (screenshotPoint)
//   GROUNDWORK_TEST_GREP         only run tests whose full title matches this regexp
//   GROUNDWORK_TEST_MOCHA_TIMEOUT  per-test timeout in ms (default 60000)
import * as fs from 'fs';
import * as path from 'path';
import type MochaType = require('mocha');
import { SourceMap } from 'module';

export interface TestResult {
  /** Title of the test itself. */
  title: string;
  /** Suite titles and test title joined by spaces (mocha's fullTitle()). */
  fullTitle: string;
  state: 'passed' | 'failed' | 'pending';
  durationMs?: number;
  error?: { message: string; stack?: string; actual?: string; expected?: string };
}

export interface TestResults {
  passed: number;
  failed: number;
  pending: number;
  durationMs: number;
  tests: TestResult[];
  /** Set when the suite could not run at all (load error, mocha missing, ...). */
  error?: string;
}

function writeResults(results: TestResults): void {
  const file = process.env.GROUNDWORK_TEST_RESULTS;
  if (!file) return;
  // Write then rename, so the driver never reads a half-written file.
  const tmp = `${file}.${process.pid}.tmp`;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(tmp, JSON.stringify(results, null, 2));
  fs.renameSync(tmp, file);
}

/** One line per test event in `$GROUNDWORK_TEST_RESULTS.progress`: shows where a hung run stopped. */
function progress(line: string): void {
  const file = process.env.GROUNDWORK_TEST_RESULTS;
  if (!file) return;
  try {
    fs.appendFileSync(`${file}.progress`, `${new Date().toISOString()} ${line}\n`);
  } catch {
    /* best effort */
  }
}

let sourceMap: SourceMap | null | undefined;

/** Rewrites `.../out/test/index.js:L:C` frames to the .ts sources (esbuild's index.js.map). */
function mapStack(stack: string | undefined): string | undefined {
  if (!stack) return stack;
  if (sourceMap === undefined) {
    try {
      sourceMap = new SourceMap(JSON.parse(fs.readFileSync(`${__filename}.map`, 'utf8')));
    } catch {
      sourceMap = null;
    }
  }
  const map = sourceMap;
  if (!map) return stack;
  const base = path.basename(__filename).replace(/[.]/g, '[.]');
  const repo = path.resolve(path.dirname(__filename), '../..');
  // mocha may already have shortened the path relative to the working directory.
  return stack.replace(new RegExp(`([^\\s()]*${base}):(\\d+):(\\d+)`, 'g'), (whole, file: string, line: string, col: string) => {
    if (path.resolve(file) !== __filename) return whole;
    const entry = map.findEntry(Number(line) - 1, Number(col) - 1) as { originalSource?: string; originalLine?: number; originalColumn?: number };
    if (!entry || !entry.originalSource) return whole;
    const src = entry.originalSource.startsWith('file://') ? entry.originalSource.slice(7) : path.resolve(path.dirname(__filename), entry.originalSource);
    return `${path.relative(repo, src) || src}:${(entry.originalLine ?? 0) + 1}:${(entry.originalColumn ?? 0) + 1}`;
  });
}

function errorInfo(err: unknown): TestResult['error'] {
  if (err instanceof Error) {
    const e = err as Error & { actual?: unknown; expected?: unknown; showDiff?: boolean };
    const info: NonNullable<TestResult['error']> = { message: e.message, stack: mapStack(e.stack) };
    if (e.showDiff !== false && ('actual' in e || 'expected' in e)) {
      info.actual = safeString(e.actual);
      info.expected = safeString(e.expected);
    }
    return info;
  }
  return { message: String(err) };
}

function safeString(v: unknown): string {
  if (typeof v === 'string') return v;
  try {
    return JSON.stringify(v, null, 2) ?? String(v);
  } catch {
    return String(v);
  }
}

export async function run(): Promise<void> {
  const started = Date.now();
  const results: TestResults = { passed: 0, failed: 0, pending: 0, durationMs: 0, tests: [] };
  let failures = 0;
  progress('run() called');
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const Mocha = require('mocha') as typeof MochaType;
    const mocha = new Mocha({
      ui: 'bdd',
      color: false,
      timeout: Number(process.env.GROUNDWORK_TEST_MOCHA_TIMEOUT) || 60_000,
      reporter: 'spec',
    });
    if (process.env.GROUNDWORK_TEST_GREP) mocha.grep(new RegExp(process.env.GROUNDWORK_TEST_GREP));
    // Install describe/it/... as globals, then let the bundled test files register.
    mocha.suite.emit('pre-require', globalThis, 'bundle', mocha);
    await import('./suites');

    failures = await new Promise<number>((resolve) => {
      const runner = mocha.run((n) => resolve(n));
      const record = (test: MochaType.Runnable, state: TestResult['state'], err?: unknown) => {
        const r: TestResult = { title: test.title, fullTitle: test.fullTitle(), state };
        if (typeof test.duration === 'number') r.durationMs = test.duration;
        if (err !== undefined) r.error = errorInfo(err);
        results.tests.push(r);
        progress(`${state} ${r.fullTitle}${r.error ? `: ${r.error.message}` : ''}`);
      };
      runner.on('test', (t) => progress(`start ${t.fullTitle()}`));
      runner.on('pass', (t) => record(t, 'passed'));
      runner.on('fail', (t, err) => record(t, 'failed', err)); // tests and hooks
      runner.on('pending', (t) => record(t, 'pending'));
    });
  } catch (err) {
    const info = errorInfo(err);
    results.error = info?.stack ?? info?.message ?? String(err);
    results.tests.push({ title: 'load the integration suite', fullTitle: 'load the integration suite', state: 'failed', error: info });
    failures = Math.max(failures, 1);
  }
  results.passed = results.tests.filter((t) => t.state === 'passed').length;
  results.failed = results.tests.filter((t) => t.state === 'failed').length;
  results.pending = results.tests.filter((t) => t.state === 'pending').length;
  results.durationMs = Date.now() - started;
  writeResults(results);
  if (failures > 0 || results.failed > 0) {
    throw new Error(`${Math.max(failures, results.failed)} integration test(s) failed`);
  }
}

export interface ScreenshotOptions {
  /**
   * CSS selectors the driver waits for (each up to `selectorTimeoutMs`) before it takes the
   * shot, e.g. ['.squiggly-warning', '.monaco-hover:not(.hidden)']. A missing selector is
   * logged, never fatal.
   */
  waitForSelectors?: string[];
  selectorTimeoutMs?: number;
  /** How long to wait for the driver's done marker (default 60000 ms). */
  timeoutMs?: number;
}

let screenshotSeq = 0;

/**
 * Screenshot handshake with the offline driver (test/integration/runner/README.md):
 * writes `$GROUNDWORK_SCREENSHOT_READY` (JSON {name, seq, waitForSelectors, selectorTimeoutMs})
 * and resolves when the driver has written `$GROUNDWORK_SCREENSHOT_READY.done` (content: the
 * same seq) after saving the screenshot. A no-op when the variable is unset (test-electron).
 * Put the editor in the state to capture (draft open, underlines shown, hover open) first.
 */
export async function screenshotPoint(name: string, options: ScreenshotOptions = {}): Promise<void> {
  const ready = process.env.GROUNDWORK_SCREENSHOT_READY;
  if (!ready) return;
  const done = `${ready}.done`;
  const seq = `${process.pid}-${++screenshotSeq}-${Date.now()}`;
  rmQuiet(done);
  const tmp = `${ready}.tmp`;
  fs.writeFileSync(
    tmp,
    JSON.stringify({
      name,
      seq,
      waitForSelectors: options.waitForSelectors ?? [],
      selectorTimeoutMs: options.selectorTimeoutMs ?? 10_000,
    }),
  );
  fs.renameSync(tmp, ready);
  const deadline = Date.now() + (options.timeoutMs ?? 60_000);
  try {
    for (;;) {
      let content: string | undefined;
      try {
        content = fs.readFileSync(done, 'utf8');
      } catch {
        content = undefined;
      }
      if (content !== undefined && content.trim() === seq) return;
      if (Date.now() > deadline) throw new Error(`screenshotPoint('${name}'): the driver did not answer within ${options.timeoutMs ?? 60_000} ms (no ${done})`);
      await new Promise((r) => setTimeout(r, 100)); // polling a file the driver writes
    }
  } finally {
    rmQuiet(ready);
    rmQuiet(done);
  }
}

function rmQuiet(file: string): void {
  try {
    fs.rmSync(file, { force: true });
  } catch {
    /* ignore */
  }
}
