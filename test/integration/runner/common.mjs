// Shared by the offline driver (run.mjs) and the test-electron launcher (electron.mjs).
import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * A fresh workspace in `tmp`: a copy of test/fixtures/workspace/ (or an empty folder) plus
 * the repo's seeds/, a user-data dir whose settings keep the workbench quiet and trusted,
 * and an empty extensions dir. Returns absolute, real paths.
 */
export function makeWorkspace(tmp, ROOT) {
  const ws = path.join(tmp, 'workspace');
  const fixture = path.join(ROOT, 'test/fixtures/workspace');
  if (fs.existsSync(fixture)) fs.cpSync(fixture, ws, { recursive: true });
  else fs.mkdirSync(ws, { recursive: true });
  const seeds = path.join(ROOT, 'seeds');
  if (fs.existsSync(seeds) && !fs.existsSync(path.join(ws, 'seeds'))) fs.cpSync(seeds, path.join(ws, 'seeds'), { recursive: true });
  const ud = path.join(tmp, 'user-data');
  fs.mkdirSync(path.join(ud, 'User'), { recursive: true });
  fs.writeFileSync(path.join(ud, 'User/settings.json'), JSON.stringify({
    'security.workspace.trust.enabled': false,
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'workbench.enableExperiments': false,
    'telemetry.telemetryLevel': 'off',
    'update.mode': 'none',
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'extensions.ignoreRecommendations': true,
    'git.enabled': false,
    'editor.hover.delay': 300,
    'window.dialogStyle': 'custom',
  }, null, 2));
  fs.mkdirSync(path.join(tmp, 'extensions'), { recursive: true });
  return { ws: fs.realpathSync(ws), ud, extDir: path.join(tmp, 'extensions') };
}

/**
 * Prints each test of a results file (test/integration/index.ts TestResults) to stdout;
 * `tag` (e.g. '[folder] ') goes before each title to say which window ran it.
 */
export function printResults(results, tag = '') {
  const lines = [];
  for (const t of results.tests ?? []) {
    const ms = typeof t.durationMs === 'number' ? ` (${t.durationMs} ms)` : '';
    if (t.state === 'passed') lines.push(`  ok    ${tag}${t.fullTitle}${ms}`);
    else if (t.state === 'pending') lines.push(`  skip  ${tag}${t.fullTitle}`);
    else {
      lines.push(`  FAIL  ${tag}${t.fullTitle}${ms}`);
      const e = t.error ?? {};
      const body = (e.stack && e.stack.includes(e.message ?? '') ? e.stack : `${e.message ?? ''}\n${e.stack ?? ''}`).trim();
      for (const l of body.split('\n').slice(0, 15)) lines.push(`        ${l}`);
      if ((e.expected !== undefined || e.actual !== undefined) && !String(e.message).includes('actual - expected')) {
        lines.push(`        expected: ${String(e.expected).split('\n').join('\n                  ')}`);
        lines.push(`        actual:   ${String(e.actual).split('\n').join('\n                  ')}`);
      }
    }
  }
  if (lines.length) process.stdout.write(`${lines.join('\n')}\n`);
}

/** The closing line CI reads: `N passed, N failed` (`, N skipped` when any). */
export function summaryLine(results) {
  const skipped = results.pending ?? 0;
  return `${results.passed ?? 0} passed, ${results.failed ?? 0} failed${skipped ? `, ${skipped} skipped` : ''}`;
}

/**
 * Save a screenshot of the suite: always under `out/` (out/screenshots/<name>.png, and
 * out/screenshot.png for the README point). The tracked README image
 * media/screenshot.png is written only on purpose, with GROUNDWORK_SCREENSHOT_MEDIA=1:
 * running the tests never changes a tracked file.
 */
export function saveScreenshot({ root, out, name, png, readme, env = process.env }) {
  fs.mkdirSync(path.join(out, 'screenshots'), { recursive: true });
  fs.writeFileSync(path.join(out, 'screenshots', `${name}.png`), png);
  const written = [path.join(out, 'screenshots', `${name}.png`)];
  if (readme) {
    fs.writeFileSync(path.join(out, 'screenshot.png'), png);
    written.push(path.join(out, 'screenshot.png'));
    if (env.GROUNDWORK_SCREENSHOT_MEDIA === '1') {
      fs.mkdirSync(path.join(root, 'media'), { recursive: true });
      fs.writeFileSync(path.join(root, 'media/screenshot.png'), png);
      written.push(path.join(root, 'media/screenshot.png'));
    }
  }
  return written;
}
