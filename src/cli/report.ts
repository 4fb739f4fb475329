/**
 * The three output formats of `groundwork check`: compiler-style text, the JSON contract
 * of issue 2 §5, and SARIF 2.1.0. Pure functions over the check results.
 */
import { createHash } from 'node:crypto';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type * as Sarif from 'sarif';
import {
  DOCS_URL,
  FINDING_RULES,
  findingKind,
  type FailOn,
  type FindingKind,
  type GroundworkConfig,
  type SeverityLevel,
} from '../core/config';
import type { Evidence, Finding, FindingCode, LoadWarning, Range } from '../core/types';
import { normalizeSentence } from '../core/text/draft';

export interface DraftResult {
  /** The draft's path as given or found (posix slashes); shown to people and in JSON. */
  file: string;
  absPath: string;
  findings: Finding[];
}

export interface CheckReport {
  toolVersion: string;
  /** Absolute workspace root; SARIF URIs are relative to it. */
  workspaceRoot: string;
  files: DraftResult[];
  warnings: LoadWarning[];
  config: GroundworkConfig;
  /** Source path (as given to the engine) → absolute path on disk. */
  sourceAbs: ReadonlyMap<string, string>;
}

/** The severity group and its configured severity for a finding; undefined for plain supported ones. */
export function findingSeverity(f: Finding, config: GroundworkConfig): { kind: FindingKind; severity: SeverityLevel } | undefined {
  let kind = findingKind(f.code);
  if (kind === undefined) {
    if (f.verdict === 'conflict') kind = 'conflict';
    else if (f.verdict === 'unsupported') kind = 'unsupported';
    else if (f.citationProblem) kind = 'citation';
  }
  return kind ? { kind, severity: config.severity[kind] } : undefined;
}

/** One problem a finding reports: a sentence can conflict with a source and have a citation problem too. */
export interface Problem {
  code: FindingCode;
  kind: FindingKind;
}

const CONFLICT_KINDS = new Set(['number', 'quantity', 'date', 'entity', 'negation', 'antonym']);

/**
 * The problems of a finding, each with its own severity group: the conflict (or the
 * lack of support) and the citation problem are reported separately, so turning one
 * severity off never hides the other (as the extension's diagnostics do).
 */
export function findingProblems(f: Finding): Problem[] {
  const out: Problem[] = [];
  if (f.verdict === 'conflict') {
    let code = f.code;
    if (!code.startsWith('claim.conflict')) {
      const kind = f.reasons.find((r) => CONFLICT_KINDS.has(r.kind))?.kind;
      code = (kind ? `claim.conflict.${kind}` : 'claim.conflict.number') as FindingCode;
    }
    out.push({ code, kind: 'conflict' });
  }
  if (f.citationProblem) out.push({ code: f.code.startsWith('citation.') ? f.code : 'citation.not-supported', kind: 'citation' });
  else if (f.verdict === 'unsupported') out.push({ code: f.code.startsWith('claim.unsupported') ? f.code : 'claim.unsupported', kind: 'unsupported' });
  if (out.length === 0) {
    const kind = findingKind(f.code);
    if (kind) out.push({ code: f.code, kind });
  }
  return out;
}

/** 2 for a conflict (a cited source that contradicts the sentence included), 1 for other problems, 0 when its severity is off. */
export function problemRank(f: Finding, p: Problem, config: GroundworkConfig): number {
  if (config.severity[p.kind] === 'off') return 0;
  if (p.kind === 'conflict' || (p.kind === 'citation' && f.citedVerdict === 'conflict')) return 2;
  return 1;
}

/** The highest rank of a finding's problems (see problemRank). */
export function findingRank(f: Finding, config: GroundworkConfig): number {
  return Math.max(0, ...findingProblems(f).map((p) => problemRank(f, p, config)));
}

export function shouldFail(files: DraftResult[], failOn: FailOn, config: GroundworkConfig): boolean {
  if (failOn === 'never') return false;
  const threshold = failOn === 'conflict' ? 2 : 1;
  return files.some((d) => d.findings.some((f) => findingRank(f, config) >= threshold));
}

/** The message of one problem of a finding: the citation problem alone, or the rest. */
export function problemMessage(f: Finding, p: Problem): string {
  const problems = findingProblems(f);
  if (problems.length < 2) return findingMessage(f);
  if (p.kind === 'citation') return oneLine(f.citationProblem?.message ?? 'the cited source does not back this sentence');
  const rest: Finding = { ...f, reasons: f.reasons.filter((r) => r.kind !== 'citation') };
  delete rest.citationProblem;
  return findingMessage(rest);
}

/** Sentences that were judged (verdict other than `none`). */
export function judged(findings: Finding[]): Finding[] {
  return findings.filter((f) => f.verdict !== 'none');
}

export interface Summary {
  sentences: number;
  supported: number;
  conflict: number;
  unsupported: number;
  files: number;
}

export function summarize(files: DraftResult[]): Summary {
  const s: Summary = { sentences: 0, supported: 0, conflict: 0, unsupported: 0, files: files.length };
  for (const d of files) {
    for (const f of judged(d.findings)) {
      s.sentences++;
      if (f.verdict === 'supported') s.supported++;
      else if (f.verdict === 'conflict') s.conflict++;
      else if (f.verdict === 'unsupported') s.unsupported++;
    }
  }
  return s;
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

export function summaryLine(s: Summary): string {
  return (
    `${plural(s.sentences, 'sentence')} checked: ${s.supported} supported, ${s.conflict} conflict, ` +
    `${s.unsupported} unsupported in ${plural(s.files, 'file')}`
  );
}

// ---------------------------------------------------------------------------
// text
// ---------------------------------------------------------------------------

const oneLine = (s: string): string => s.replace(/\s+/g, ' ').trim();

function excerpt(s: string, max = 80): string {
  const t = oneLine(s);
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
}

const at = (r: Range): string => `${r.start.line + 1}:${r.start.character + 1}`;

/** Whether evidence comes from a PDF or Word file: its range is in the extracted text, not the file. */
const isExtracted = (e: Evidence): boolean => /\.(?:pdf|docx|odt)$/i.test(e.source);

/** Where evidence is, for people: `file:line:col`, or `file, p. 12` for a PDF (a Word file has no stable pages). */
export function evidencePlace(e: Evidence): string {
  if (e.page !== undefined) return `${e.source}, p. ${e.page}`;
  return isExtracted(e) ? e.source : `${e.source}:${at(e.range)}`;
}

/** The evidence a finding's text line points at: the passage of the first reason that names one, else the best. */
function mainEvidence(f: Finding): Evidence | undefined {
  for (const r of f.reasons) {
    if (r.evidenceIndex !== undefined && f.evidence[r.evidenceIndex]) return f.evidence[r.evidenceIndex];
  }
  return f.evidence[0];
}

/** The human message of a finding (without location, code or evidence). */
export function findingMessage(f: Finding): string {
  const reasons = f.reasons.map((r) => oneLine(r.message)).filter((m) => m !== '');
  const citation = f.citationProblem ? oneLine(f.citationProblem.message) : '';
  const parts = [...reasons];
  if (citation && !parts.includes(citation)) parts.unshift(citation);
  if (f.verdict === 'supported' && parts.length === 0) {
    const e = f.evidence[0];
    return e ? `supported by ${e.key}: "${excerpt(f.text, 60)}"` : `"${excerpt(f.text, 60)}"`;
  }
  if (f.verdict === 'unsupported' || parts.length === 0) {
    const why = parts.length > 0 ? parts.join('; ') : 'no source supports this sentence';
    return `"${excerpt(f.text, 60)}": ${why}`;
  }
  return parts.join('; ');
}

export function textLines(report: CheckReport, verbose: boolean): string[] {
  const lines: string[] = [];
  for (const d of report.files) {
    for (const f of judged(d.findings)) {
      const e = mainEvidence(f);
      const where = e ? ` (${evidencePlace({ ...e, source: quotePath(e.source) })})` : '';
      const problems = findingProblems(f);
      if (problems.length === 0) {
        if (verbose) lines.push(safeLine(`${quotePath(d.file)}:${at(f.range)}: ${f.verdict}: ${findingMessage(f)} [${f.code}]${where}`));
        continue;
      }
      for (const p of problems) {
        if (report.config.severity[p.kind] === 'off') continue;
        lines.push(safeLine(`${quotePath(d.file)}:${at(f.range)}: ${p.kind}: ${problemMessage(f, p)} [${p.code}]${where}`));
      }
    }
  }
  lines.push(summaryLine(summarize(report.files)));
  return lines;
}

/** A warning's message without a leading repeat of its path. */
export function warningMessage(w: LoadWarning): string {
  let m = oneLine(w.message);
  if (m.startsWith(`${w.path}: `)) m = m.slice(w.path.length + 2);
  if (w.skipped && !/skip/i.test(m)) m += ' (skipped)';
  return m;
}

export function warningLine(w: LoadWarning): string {
  return safeLine(`${quotePath(w.path)}: warning: ${warningMessage(w)}`);
}

/**
 * A path as shown on one line of text output: as is, or JSON-quoted when it holds a line
 * break, a control character or a quote (so one finding stays one line).
 */
export function quotePath(p: string): string {
  return /[\u0000-\u001f\u007f-\u009f"\u2028\u2029]/.test(p) ? JSON.stringify(p) : p;
}

/**
 * A line of text output with control characters escaped: text from drafts and sources
 * (an escape sequence, a carriage return, a bidirectional override) never reaches the
 * terminal raw. `\x1b` becomes `\x1b` in plain letters, U+202E `\u202e`.
 */
export function safeLine(s: string): string {
  return s.replace(/[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, (c) => {
    const n = c.charCodeAt(0);
    return n < 0x100 ? `\\x${n.toString(16).padStart(2, '0')}` : `\\u${n.toString(16).padStart(4, '0')}`;
  });
}

// ---------------------------------------------------------------------------
// json (contract: issue 2 §5)
// ---------------------------------------------------------------------------

export function jsonReport(report: CheckReport): unknown {
  return {
    version: 1,
    tool: { name: 'groundwork', version: report.toolVersion },
    files: report.files.map((d) => ({
      file: d.file,
      findings: judged(d.findings).map((f) => {
        const sev = findingSeverity(f, report.config);
        return {
          range: f.range,
          text: f.text,
          verdict: f.verdict,
          code: f.code,
          severity: sev?.severity ?? 'none',
          reasons: f.reasons.map((r) => ({ ...r })),
          evidence: f.evidence.map((e) => ({
            source: e.source,
            key: e.key,
            range: e.range,
            text: e.text,
            score: e.score,
            ...(e.title !== undefined ? { title: e.title } : {}),
            ...(e.date !== undefined ? { date: e.date } : {}),
            ...(e.page !== undefined ? { page: e.page } : {}),
          })),
          citations: f.citations,
          rules: f.rules ?? [],
          ...(f.citationProblem ? { citationProblem: f.citationProblem } : {}),
          // Each problem with its own severity (a conflict and a citation problem of one sentence).
          problems: findingProblems(f).map((p) => ({ code: p.code, severity: report.config.severity[p.kind] })),
        };
      }),
    })),
    warnings: report.warnings.map((w) => ({ path: w.path, code: w.code, message: w.message, skipped: w.skipped })),
    summary: summarize(report.files),
  };
}

// ---------------------------------------------------------------------------
// SARIF 2.1.0
// ---------------------------------------------------------------------------

const SRCROOT = '%SRCROOT%';
export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

function sarifLevel(s: SeverityLevel): Sarif.ReportingConfiguration.level {
  switch (s) {
    case 'error':
      return 'error';
    case 'warning':
      return 'warning';
    case 'off':
      return 'none';
    default:
      return 'note';
  }
}

function artifactLocation(absPath: string, root: string): Sarif.ArtifactLocation {
  const rel = path.relative(root, absPath);
  if (rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel)) {
    const uri = rel.split(path.sep).map(encodeURIComponent).join('/');
    return { uri, uriBaseId: SRCROOT };
  }
  return { uri: pathToFileURL(absPath).href };
}

function region(r: Range, snippet?: string): Sarif.Region {
  const reg: Sarif.Region = {
    startLine: r.start.line + 1,
    startColumn: r.start.character + 1,
    endLine: r.end.line + 1,
    endColumn: r.end.character + 1,
  };
  if (snippet !== undefined) reg.snippet = { text: snippet };
  return reg;
}

function ruleName(code: string): string {
  return code
    .split(/[.-]/)
    .map((p) => p.charAt(0).toUpperCase() + p.slice(1))
    .join('');
}

export function sarifReport(report: CheckReport): Sarif.Log {
  const root = report.workspaceRoot;
  const rules = FINDING_RULES.filter((r) => r.kind !== undefined);
  const rulesMeta: Sarif.ReportingDescriptor[] = rules.map((r) => ({
    id: r.code,
    name: ruleName(r.code),
    shortDescription: { text: r.title },
    helpUri: r.helpUri,
    help: { text: `${r.title} See ${r.helpUri}` },
    defaultConfiguration: { level: sarifLevel(report.config.severity[r.kind as FindingKind]) },
    properties: { tags: ['groundwork', r.kind as string] },
  }));
  const ruleIndex = new Map(rules.map((r, i) => [r.code as string, i]));

  const results: Sarif.Result[] = [];
  for (const d of report.files) {
    for (const f of judged(d.findings)) for (const p of findingProblems(f)) {
      const sev = { kind: p.kind, severity: report.config.severity[p.kind] };
      if (sev.severity === 'off') continue;
      let code: string = p.code;
      if (!ruleIndex.has(code)) code = sev.kind === 'conflict' ? 'claim.conflict.number' : sev.kind === 'citation' ? 'citation.not-supported' : 'claim.unsupported';
      const related: Sarif.Location[] = f.evidence.map((e, i) => ({
        id: i,
        physicalLocation: {
          artifactLocation: artifactLocation(report.sourceAbs.get(e.source) ?? path.resolve(root, e.source), root),
          // A PDF's or Word file's passage has no line in the file itself: the page goes in the message.
          ...(isExtracted(e) ? {} : { region: region(e.range, e.text) }),
        },
        message: { text: `${e.key}${e.page !== undefined ? `, p. ${e.page}` : ''}: "${excerpt(e.text, 200)}" (score ${e.score.toFixed(2)})` },
      }));
      const result: Sarif.Result = {
        ruleId: code,
        ruleIndex: ruleIndex.get(code),
        level: sarifLevel(sev.severity),
        kind: 'fail',
        message: { text: problemMessage(f, p) },
        locations: [
          {
            physicalLocation: {
              artifactLocation: artifactLocation(d.absPath, root),
              region: region(f.range, f.text),
            },
          },
        ],
        // Stable across edits that move the sentence, so code scanning keeps one alert per claim.
        partialFingerprints: {
          'groundworkClaim/v1': createHash('sha256')
            .update(`${code}\u0000${d.file}\u0000${normalizeSentence(f.text)}`)
            .digest('hex')
            .slice(0, 32),
        },
        properties: {
          verdict: f.verdict,
          reasons: f.reasons.map((r) => ({ kind: r.kind, message: r.message })),
          citations: f.citations,
          rules: f.rules ?? [],
        },
      };
      if (related.length > 0) result.relatedLocations = related;
      results.push(result);
    }
  }

  const notifications: Sarif.Notification[] = report.warnings.map((w) => ({
    level: 'warning',
    message: { text: `${w.path}: ${warningMessage(w)}` },
    descriptor: { id: w.code },
    locations: [
      {
        physicalLocation: {
          artifactLocation: artifactLocation(report.sourceAbs.get(w.path) ?? path.resolve(root, w.path), root),
        },
      },
    ],
  }));

  const run: Sarif.Run = {
    tool: {
      driver: {
        name: 'Groundwork',
        version: report.toolVersion,
        semanticVersion: report.toolVersion,
        informationUri: DOCS_URL,
        rules: rulesMeta,
      },
    },
    originalUriBaseIds: { [SRCROOT]: { uri: pathToFileURL(root.endsWith(path.sep) ? root : root + path.sep).href } },
    invocations: [{ executionSuccessful: true, toolExecutionNotifications: notifications }],
    columnKind: 'utf16CodeUnits',
    results,
  };
  return { $schema: SARIF_SCHEMA, version: '2.1.0', runs: [run] };
}
