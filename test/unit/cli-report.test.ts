/**
 * The CLI's output formats on hand-written findings (data, not a mocked engine): severity
 * settings, citation findings, fail-on thresholds, SARIF URIs and regions.
 */
import { strict as assert } from 'node:assert';
import * as path from 'node:path';
import { configFromSettings, defaultConfig } from '../../src/core/config';
import type { Finding } from '../../src/core/types';
import {
  findingRank,
  jsonReport,
  sarifReport,
  shouldFail,
  summaryLine,
  summarize,
  textLines,
  type CheckReport,
} from '../../src/cli/report';
import { displayPath, draftFormat } from '../../src/cli/inputs';

const root = path.resolve('/tmp/ferry-ws');
const range = (line: number, a: number, b: number) => ({ start: { line, character: a }, end: { line, character: b } });

const conflict: Finding = {
  range: range(2, 0, 40),
  text: 'The ferry carried 324 passengers in May.',
  verdict: 'conflict',
  code: 'claim.conflict.number',
  reasons: [
    { kind: 'number', message: 'the source says 224 passengers, the sentence says 324', evidenceIndex: 1 },
  ],
  evidence: [
    { source: 'sources/other.txt', key: 'other2020', range: range(0, 0, 10), text: 'Ferry news', score: 0.4 },
    { source: 'sources/harbour report.txt', key: 'harbour2021', range: range(4, 6, 50), text: 'The ferry carried 224 passengers in May.', score: 0.9 },
  ],
  citations: [],
};
const unsupported: Finding = {
  range: range(4, 2, 30),
  text: 'The council  approved a new quay.',
  verdict: 'unsupported',
  code: 'claim.unsupported',
  reasons: [],
  evidence: [],
  citations: [],
};
const citation: Finding = {
  range: range(6, 0, 20),
  text: 'Budgets grew [@harbour2021].',
  verdict: 'supported',
  code: 'citation.not-supported',
  reasons: [{ kind: 'citation', message: 'harbour2021 does not back this sentence; other2020 does' }],
  evidence: [{ source: 'sources/other.txt', key: 'other2020', range: range(1, 0, 12), text: 'Budgets grew.', score: 0.8 }],
  citations: ['harbour2021'],
  citationProblem: { key: 'harbour2021', message: 'harbour2021 does not back this sentence; other2020 does' },
};
const supported: Finding = {
  range: range(8, 0, 12),
  text: 'Budgets grew.',
  verdict: 'supported',
  code: 'claim.supported',
  reasons: [],
  evidence: [{ source: 'sources/other.txt', key: 'other2020', range: range(1, 0, 12), text: 'Budgets grew.', score: 0.95 }],
  citations: [],
};
const none: Finding = { ...supported, verdict: 'none', range: range(10, 0, 5), text: 'Why?' };

function report(findings: Finding[], settings: Record<string, unknown> = {}): CheckReport {
  return {
    toolVersion: '9.9.9',
    workspaceRoot: root,
    files: [{ file: 'drafts/a b.md', absPath: path.join(root, 'drafts', 'a b.md'), findings }],
    warnings: [{ path: 'sources/bin.txt', code: 'binary', message: 'binary file', skipped: true }],
    config: configFromSettings(settings).config,
    sourceAbs: new Map([
      ['sources/other.txt', path.join(root, 'sources/other.txt')],
      ['sources/harbour report.txt', path.join(root, 'sources/harbour report.txt')],
    ]),
  };
}

describe('cli report: text', () => {
  it('prints compiler lines with the evidence of the reason, hides supported unless verbose', () => {
    const lines = textLines(report([conflict, unsupported, citation, supported, none]), false);
    assert.equal(
      lines[0],
      'drafts/a b.md:3:1: conflict: the source says 224 passengers, the sentence says 324 [claim.conflict.number] (sources/harbour report.txt:5:7)',
    );
    assert.equal(lines[1], 'drafts/a b.md:5:3: unsupported: "The council approved a new quay.": no source supports this sentence [claim.unsupported]');
    assert.match(lines[2], /^drafts\/a b\.md:7:1: citation: harbour2021 does not back .* \[citation\.not-supported\] \(sources\/other\.txt:2:1\)$/);
    assert.equal(lines.length, 4);
    assert.equal(lines[3], '4 sentences checked: 2 supported, 1 conflict, 1 unsupported in 1 file');
    const verbose = textLines(report([supported]), true);
    assert.match(verbose[0], /^drafts\/a b\.md:9:1: supported: .*\[claim\.supported\] \(sources\/other\.txt:2:1\)$/);
  });

  it('leaves out kinds whose severity is off', () => {
    const lines = textLines(report([conflict, unsupported], { 'groundwork.severity.unsupported': 'off' }), false);
    assert.equal(lines.length, 2);
    assert.match(lines[0], /conflict/);
  });

  it('pluralizes the summary', () => {
    assert.equal(summaryLine({ sentences: 1, supported: 1, conflict: 0, unsupported: 0, files: 2 }), '1 sentence checked: 1 supported, 0 conflict, 0 unsupported in 2 files');
    assert.deepEqual(summarize(report([none]).files), { sentences: 0, supported: 0, conflict: 0, unsupported: 0, files: 1 });
  });
});

describe('cli report: fail-on', () => {
  const c = defaultConfig();
  it('ranks conflicts above unsupported and citation problems', () => {
    assert.equal(findingRank(conflict, c), 2);
    assert.equal(findingRank(unsupported, c), 1);
    assert.equal(findingRank(citation, c), 1);
    assert.equal(findingRank(supported, c), 0);
    // A cited source that contradicts the sentence ranks with conflicts, even when another source backs it.
    const contradicted: Finding = { ...citation, citedVerdict: 'conflict' };
    assert.equal(findingRank(contradicted, c), 2);
    assert.equal(shouldFail(report([contradicted]).files, 'conflict', c), true);
  });
  it('applies the thresholds and ignores severity off', () => {
    const files = (fs: Finding[]) => report(fs).files;
    assert.equal(shouldFail(files([conflict]), 'conflict', c), true);
    assert.equal(shouldFail(files([conflict]), 'never', c), false);
    assert.equal(shouldFail(files([unsupported, citation]), 'conflict', c), false);
    assert.equal(shouldFail(files([citation]), 'unsupported', c), true);
    const off = configFromSettings({ 'groundwork.severity.conflict': 'off' }).config;
    assert.equal(shouldFail(files([conflict]), 'conflict', off), false);
  });
});

describe('cli report: json', () => {
  it('keeps the contract fields and leaves out non-claims', () => {
    const j = jsonReport(report([conflict, none])) as {
      version: number;
      files: Array<{ file: string; findings: Array<Record<string, unknown>> }>;
      warnings: unknown[];
    };
    assert.equal(j.version, 1);
    assert.deepEqual((j as unknown as { tool: unknown }).tool, { name: 'groundwork', version: '9.9.9' });
    assert.equal(j.files[0].file, 'drafts/a b.md');
    assert.equal(j.files[0].findings.length, 1);
    const f = j.files[0].findings[0];
    assert.deepEqual(f.range, conflict.range);
    assert.equal(f.verdict, 'conflict');
    assert.equal(f.severity, 'warning');
    assert.deepEqual((f.reasons as Array<{ kind: string }>).map((r) => r.kind), ['number']);
    const ev = (f.evidence as Array<Record<string, unknown>>)[1];
    assert.deepEqual(
      { source: ev.source, key: ev.key, range: ev.range, text: ev.text, score: ev.score },
      { source: 'sources/harbour report.txt', key: 'harbour2021', range: range(4, 6, 50), text: conflict.evidence[1].text, score: 0.9 },
    );
    assert.deepEqual(j.warnings, [{ path: 'sources/bin.txt', code: 'binary', message: 'binary file', skipped: true }]);
  });
});

describe('cli report: sarif', () => {
  it('maps severities to levels, encodes URIs, and gives 1-based regions', () => {
    const log = sarifReport(report([conflict, unsupported, citation, supported], { 'groundwork.severity.citation': 'hint', 'groundwork.severity.conflict': 'error' }));
    const run = log.runs[0];
    assert.equal(log.version, '2.1.0');
    assert.equal(run.tool.driver.version, '9.9.9');
    const levels = Object.fromEntries(run.results!.map((r) => [r.ruleId, r.level]));
    assert.deepEqual(levels, { 'claim.conflict.number': 'error', 'claim.unsupported': 'note', 'citation.not-supported': 'note' });
    const r0 = run.results![0];
    assert.equal(run.tool.driver.rules![r0.ruleIndex!].id, 'claim.conflict.number');
    assert.deepEqual(r0.locations![0].physicalLocation!.artifactLocation, { uri: 'drafts/a%20b.md', uriBaseId: '%SRCROOT%' });
    assert.deepEqual(
      [r0.locations![0].physicalLocation!.region!.startLine, r0.locations![0].physicalLocation!.region!.startColumn, r0.locations![0].physicalLocation!.region!.endColumn],
      [3, 1, 41],
    );
    const rel = r0.relatedLocations![1];
    assert.equal(rel.physicalLocation!.artifactLocation!.uri, 'sources/harbour%20report.txt');
    assert.equal(rel.physicalLocation!.region!.startLine, 5);
    assert.equal(rel.physicalLocation!.region!.startColumn, 7);
    assert.match(rel.message!.text!, /harbour2021/);
    assert.equal(run.originalUriBaseIds!['%SRCROOT%'].uri, `file://${root}/`);
    const notes = run.invocations![0].toolExecutionNotifications!;
    assert.equal(notes.length, 1);
    assert.equal(notes[0].descriptor!.id, 'binary');
  });

  it('fingerprints a claim by its text, not its line', () => {
    const fp = (f: Finding) => sarifReport(report([f])).runs[0].results![0].partialFingerprints!['groundworkClaim/v1'];
    const moved = { ...conflict, range: range(12, 4, 44) };
    assert.equal(fp(moved), fp(conflict));
    assert.notEqual(fp({ ...conflict, text: 'The ferry carried 325 passengers in May.' }), fp(conflict));
  });

  it('uses absolute file URIs for files outside the workspace and drops severity off', () => {
    const rep = report([unsupported], { 'groundwork.severity.unsupported': 'off' });
    assert.equal(sarifReport(rep).runs[0].results!.length, 0);
    const outside = report([conflict]);
    outside.sourceAbs = new Map([['../elsewhere/x.txt', '/elsewhere/x.txt']]);
    outside.files[0].findings = [{ ...conflict, evidence: [{ ...conflict.evidence[0], source: '../elsewhere/x.txt' }] }];
    const loc = sarifReport(outside).runs[0].results![0].relatedLocations![0].physicalLocation!.artifactLocation!;
    assert.deepEqual(loc, { uri: 'file:///elsewhere/x.txt' });
  });
});

describe('cli inputs: helpers', () => {
  it('normalizes display paths and picks draft formats', () => {
    assert.equal(displayPath('./refs/'), 'refs');
    assert.equal(displayPath('refs\\a.txt'), 'refs/a.txt');
    assert.equal(displayPath('a//b/../c.md'), 'a/c.md');
    assert.equal(draftFormat('x/Paper.TEX'), 'latex');
    assert.equal(draftFormat('a.markdown'), 'markdown');
    assert.equal(draftFormat('notes.txt'), 'plaintext');
    assert.equal(draftFormat('README'), 'plaintext');
  });
});
