/**
 * The one place where core (LSP-shaped) types become vscode types: ranges, findings
 * to diagnostics, load warnings to diagnostics, severities.
 */
import * as vscode from 'vscode';
import { DOCS_URL, findingHelpUri, type FindingKind, type SeverityLevel } from '../core/config';
import type { DraftFormat, Evidence, Finding, FindingCode, LoadWarning, Range } from '../core/types';

export type { SeverityLevel };
/** The kinds of diagnostic whose severity is a setting (`groundwork.severity.<kind>`). */
export type SeverityKind = FindingKind;

export const DIAGNOSTIC_SOURCE = 'Groundwork';

export function toRange(r: Range): vscode.Range {
  return new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character);
}

export function toSeverity(level: SeverityLevel): vscode.DiagnosticSeverity | undefined {
  switch (level) {
    case 'error':
      return vscode.DiagnosticSeverity.Error;
    case 'warning':
      return vscode.DiagnosticSeverity.Warning;
    case 'information':
      return vscode.DiagnosticSeverity.Information;
    case 'hint':
      return vscode.DiagnosticSeverity.Hint;
    default:
      return undefined;
  }
}

/** VS Code language id → draft format, or undefined when Groundwork does not check it. */
export function draftFormat(languageId: string): DraftFormat | undefined {
  switch (languageId) {
    case 'markdown':
      return 'markdown';
    case 'latex':
    case 'tex':
      return 'latex';
    case 'plaintext':
      return 'plaintext';
    default:
      return undefined;
  }
}

/** The README anchor documenting a code (the same links the CLI puts in SARIF). */
export function codeTarget(code: string): vscode.Uri {
  if (code.startsWith('source.')) return vscode.Uri.parse(`${DOCS_URL}#source-warnings`);
  return vscode.Uri.parse(findingHelpUri(code as FindingCode));
}

export function severityKind(code: string): SeverityKind {
  if (code.startsWith('citation.')) return 'citation';
  if (code.startsWith('claim.conflict')) return 'conflict';
  return 'unsupported';
}

/** A diagnostic with the finding it came from (for hovers and quick fixes). */
export interface FindingDiagnostic {
  diagnostic: vscode.Diagnostic;
  finding: Finding;
  code: string;
}

function sourceName(e: Evidence | undefined): string {
  if (!e) return 'the sources';
  return e.title ? `${e.key} (“${clip(e.title, 40)}”${e.date ? `, ${e.date}` : ''})` : e.key;
}

export function conflictCode(f: Finding): FindingCode {
  if (f.code.startsWith('claim.conflict')) return f.code;
  const kind = f.reasons.find((r) => r.kind !== 'citation' && r.kind !== 'partial' && r.kind !== 'blocked' && r.kind !== 'no-evidence')?.kind;
  switch (kind) {
    case 'number':
    case 'quantity':
    case 'date':
    case 'entity':
    case 'negation':
    case 'antonym':
      return `claim.conflict.${kind}` as FindingCode;
    default:
      return 'claim.conflict.number';
  }
}

export function findingMessage(f: Finding, code: string): string {
  if (code.startsWith('citation.')) {
    return f.citationProblem?.message ?? `The cited source does not back this sentence.`;
  }
  if (f.verdict === 'conflict') {
    const reasons = f.reasons.filter((r) => r.kind !== 'citation');
    const first = reasons[0];
    const ev = first?.evidenceIndex !== undefined ? f.evidence[first.evidenceIndex] : f.evidence[0];
    const details = reasons.map((r) => r.message).join('; ');
    return `Conflicts with ${sourceName(ev)}: ${details || 'the source says otherwise'}.`.replace(/\.\.$/, '.');
  }
  const blocked = f.reasons.find((r) => r.kind === 'blocked');
  if (blocked) return `Not supported by the sources: ${blocked.message}`;
  const partial = f.reasons.find((r) => r.kind === 'partial');
  if (partial) return `Only partly supported: ${partial.message}`;
  return f.reasons[0]?.message && f.reasons[0].kind !== 'no-evidence'
    ? `Not supported by the sources: ${f.reasons[0].message}`
    : 'No source supports this sentence.';
}

/**
 * Diagnostics for one finding: its verdict (conflict, unsupported) and a cited source
 * that does not back the sentence. `severity` maps each kind to its configured level;
 * 'off' drops that kind. `sourceUri` resolves an evidence path to the source file.
 */
export function findingDiagnostics(
  f: Finding,
  severity: Record<SeverityKind, SeverityLevel>,
  sourceUri: (path: string) => vscode.Uri | undefined,
): FindingDiagnostic[] {
  const out: FindingDiagnostic[] = [];
  const codes: string[] = [];
  if (f.verdict === 'conflict') codes.push(conflictCode(f));
  if (f.citationProblem) codes.push(f.code.startsWith('citation.') ? f.code : 'citation.not-supported');
  else if (f.verdict === 'unsupported') codes.push(f.code.startsWith('claim.unsupported') ? f.code : 'claim.unsupported');
  for (const code of codes) {
    const sev = toSeverity(severity[severityKind(code)]);
    if (sev === undefined) continue;
    const d = new vscode.Diagnostic(toRange(f.range), findingMessage(f, code), sev);
    d.source = DIAGNOSTIC_SOURCE;
    d.code = { value: code, target: codeTarget(code) };
    const related: vscode.DiagnosticRelatedInformation[] = [];
    const main = f.reasons.find((r) => r.evidenceIndex !== undefined)?.evidenceIndex ?? 0;
    f.evidence.slice(0, 3).forEach((e, i) => {
      const uri = sourceUri(e.source);
      if (!uri) return;
      const label = f.verdict === 'conflict' ? (i === main ? 'Source says' : 'See also') : f.verdict === 'supported' ? 'Supported by' : 'Closest passage';
      related.push(new vscode.DiagnosticRelatedInformation(new vscode.Location(uri, toRange(e.range)), `${label} [${e.key}]: ${clip(e.text, 100)}`));
    });
    if (related.length) d.relatedInformation = related;
    out.push({ diagnostic: d, finding: f, code });
  }
  return out;
}

export function warningDiagnostic(w: LoadWarning): vscode.Diagnostic {
  // A bibliography entry's problem names its line ("references.bib: line 12: ..."): put it there.
  const line = /^[^\n]*?: line (\d+):/.exec(w.message);
  const at = line ? Math.max(0, Number(line[1]) - 1) : 0;
  const d = new vscode.Diagnostic(
    new vscode.Range(at, 0, at, 0),
    `Groundwork: ${w.message.startsWith(`${w.path}: `) ? w.message.slice(w.path.length + 2) : w.message}${w.skipped && !/skipp/i.test(w.message) ? ' (not indexed)' : ''}`,
    w.skipped ? vscode.DiagnosticSeverity.Warning : vscode.DiagnosticSeverity.Information,
  );
  d.source = DIAGNOSTIC_SOURCE;
  const code = `source.${w.code}`;
  d.code = { value: code, target: codeTarget(code) };
  return d;
}

export function clip(text: string, max: number): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length <= max ? t : t.slice(0, max - 1) + '…';
}

export function verdictLabel(f: Finding): string {
  switch (f.verdict) {
    case 'supported':
      return f.citationProblem ? 'Supported, but not by the cited source' : 'Supported';
    case 'conflict':
      return 'Conflicts with a source';
    case 'unsupported':
      return f.reasons.some((r) => r.kind === 'partial') ? 'Partly supported' : 'Not supported by the sources';
    default:
      return 'Not checked';
  }
}
