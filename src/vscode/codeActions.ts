/**
 * Quick fixes for a judged sentence: cite the supporting source, take the source's value
 * for a conflicting one, ignore the sentence here (inline directive) or for the team
 * (.groundwork/ignore.json), open the evidence. Every edit is a WorkspaceEdit the user
 * applies (undoable); sources are never written.
 */
import * as vscode from 'vscode';
import type { DraftFormat, Finding } from '../core/types';
import type { DraftChecker } from './checker';
import { DIAGNOSTIC_SOURCE, draftFormat, toRange } from './convert';
import type { CorpusManager } from './corpus';
import { citationInsertOffset, citationInsertText, citedKeySpan, ignoreDirective, valueReplacement } from './draftText';
import { OPEN_EVIDENCE } from './hover';
import type { TeamIgnores } from './ignores';

export const IGNORE_FOR_TEAM = 'groundwork.ignoreForTeam';

export class GroundworkCodeActions implements vscode.CodeActionProvider {
  static readonly kinds = [vscode.CodeActionKind.QuickFix];

  constructor(
    private readonly corpus: CorpusManager,
    private readonly checker: DraftChecker,
    private readonly ignores: TeamIgnores,
  ) {}

  async provideCodeActions(doc: vscode.TextDocument, range: vscode.Range, context: vscode.CodeActionContext): Promise<vscode.CodeAction[]> {
    const format = draftFormat(doc.languageId);
    if (!format || !this.checker.isDraft(doc)) return [];
    if (context.only && !context.only.contains(vscode.CodeActionKind.QuickFix) && !vscode.CodeActionKind.QuickFix.contains(context.only)) return [];
    // Automatic requests (the light bulb on every cursor move) use the current findings
    // only and never start a check; an explicit request (Ctrl+.) checks stale text first.
    const findings =
      this.checker.current(doc) ??
      (context.triggerKind === vscode.CodeActionTriggerKind.Invoke ? await this.checker.findings(doc) : []);
    const actions: vscode.CodeAction[] = [];
    for (const f of findings) {
      const fr = toRange(f.range);
      if (f.verdict === 'none' || !fr.intersection(range)) continue;
      const diags = context.diagnostics.filter((d) => d.source === DIAGNOSTIC_SOURCE && d.range.isEqual(fr));
      actions.push(...this.actionsFor(doc, format, f, diags));
    }
    return actions;
  }

  private actionsFor(doc: vscode.TextDocument, format: DraftFormat, f: Finding, diags: vscode.Diagnostic[]): vscode.CodeAction[] {
    const out: vscode.CodeAction[] = [];
    const fr = toRange(f.range);
    const fc = this.corpus.forUri(doc.uri);
    const problem = f.verdict === 'conflict' || f.verdict === 'unsupported' || !!f.citationProblem;

    // Take the source's value.
    if (f.verdict === 'conflict') {
      for (const r of f.reasons) {
        if (!r.claimRange || r.sourceValue === undefined) continue;
        const ev = r.evidenceIndex !== undefined ? f.evidence[r.evidenceIndex] : f.evidence[0];
        let target = toRange(r.claimRange);
        const rep = valueReplacement(doc.getText(target), r.claimValue, r.sourceValue);
        if (rep.widenLeft || rep.widenRight) {
          const wide = new vscode.Range(
            doc.positionAt(doc.offsetAt(target.start) - rep.widenLeft),
            doc.positionAt(doc.offsetAt(target.end) + rep.widenRight),
          );
          // Only when the document really has the whole claim value there.
          if (doc.getText(wide) === r.claimValue) target = wide;
          else rep.text = r.sourceValue;
        }
        const current = doc.getText(target);
        if (current === rep.text) continue;
        const a = new vscode.CodeAction(`Replace “${current}” with “${rep.text}”${ev ? ` (as in ${ev.key})` : ''}`, vscode.CodeActionKind.QuickFix);
        a.edit = new vscode.WorkspaceEdit();
        a.edit.replace(doc.uri, target, rep.text);
        a.diagnostics = diags;
        a.isPreferred = out.length === 0;
        out.push(a);
      }
    }

    // Cite the supporting source (instead of a cited one that does not back the sentence).
    const support = f.verdict === 'supported' ? f.evidence[0] : undefined;
    const wrong = f.citationProblem?.key;
    const wrongRange = wrong ? keyRange(doc, format, fr, wrong) : undefined;
    if (support && wrong && wrongRange && support.key !== wrong && !f.citations.includes(support.key)) {
      const a = new vscode.CodeAction(`Cite ${support.key} instead of ${wrong}`, vscode.CodeActionKind.QuickFix);
      a.edit = new vscode.WorkspaceEdit();
      a.edit.replace(doc.uri, wrongRange, support.key);
      a.diagnostics = diags;
      a.isPreferred = true;
      out.push(a);
    }
    if (support && !f.citations.includes(support.key)) {
      // Measured on the sentence as written (markup included), not on its cleaned text.
      const offset = doc.offsetAt(fr.start) + citationInsertOffset(doc.getText(fr));
      const at = doc.positionAt(Math.min(offset, doc.offsetAt(fr.end)));
      const charBefore = at.character > 0 ? doc.lineAt(at.line).text[at.character - 1] : undefined;
      const a = new vscode.CodeAction(`Cite ${support.key}${support.title ? ` (“${support.title}”)` : ''}, which supports this sentence`, vscode.CodeActionKind.QuickFix);
      a.edit = new vscode.WorkspaceEdit();
      a.edit.insert(doc.uri, at, citationInsertText(format, support.key, charBefore));
      a.diagnostics = diags;
      a.isPreferred = !!f.citationProblem && !wrongRange;
      out.push(a);
    }

    if (problem) {
      // Ignore here: a directive on its own line above the sentence (inline when the
      // sentence starts in the middle of a line and the format allows it).
      const line = doc.lineAt(fr.start.line);
      const lead = line.text.slice(0, fr.start.character);
      const directive = ignoreDirective(format);
      const a = new vscode.CodeAction(`Ignore this sentence here (${directive})`, vscode.CodeActionKind.QuickFix);
      a.edit = new vscode.WorkspaceEdit();
      if (/^\s*$/.test(lead)) {
        a.edit.insert(doc.uri, new vscode.Position(fr.start.line, 0), `${lead}${directive}\n`);
      } else if (format !== 'markdown') {
        a.edit.insert(doc.uri, fr.start, `\n${directive}\n`);
      } else {
        a.edit.insert(doc.uri, fr.start, `${directive} `);
      }
      a.diagnostics = diags;
      out.push(a);

      const folder = vscode.workspace.getWorkspaceFolder(doc.uri) ?? fc?.folder;
      if (folder) {
        const t = new vscode.CodeAction('Ignore this sentence for the team (.groundwork/ignore.json)', vscode.CodeActionKind.QuickFix);
        t.command = { command: IGNORE_FOR_TEAM, title: t.title, arguments: [doc.uri.toString(), f.text] };
        t.diagnostics = diags;
        out.push(t);
      }
    }

    // Open the evidence.
    const ev = f.evidence[0];
    const evUri = ev ? this.corpus.sourceUri(fc, ev.source) : undefined;
    if (ev && evUri) {
      const o = new vscode.CodeAction(`Open the evidence in ${ev.key}`, vscode.CodeActionKind.QuickFix);
      o.command = { command: OPEN_EVIDENCE, title: o.title, arguments: [evUri.toString(), ev.range] };
      o.diagnostics = diags;
      out.push(o);
    }
    return out;
  }
}

/** Where a cited key is written inside a sentence's range (`[@key]`, `@key`, `\cite{..key..}`). */
function keyRange(doc: vscode.TextDocument, format: DraftFormat, sentence: vscode.Range, key: string): vscode.Range | undefined {
  // The marker may sit just after the sentence's end (before or after the period).
  const end = doc.lineAt(sentence.end.line).range.end;
  const span = citedKeySpan(doc.getText(), format, key, doc.offsetAt(sentence.start), doc.offsetAt(end));
  return span && new vscode.Range(doc.positionAt(span.start), doc.positionAt(span.end));
}

/** Record a sentence in the folder's team ignore file with an undoable WorkspaceEdit, then save it. */
export async function ignoreForTeam(ignores: TeamIgnores, uriString: string, sentence: string): Promise<boolean> {
  const uri = vscode.Uri.parse(uriString);
  const folder = vscode.workspace.getWorkspaceFolder(uri) ?? vscode.workspace.workspaceFolders?.[0];
  if (!folder) return false;
  let edit: vscode.WorkspaceEdit;
  try {
    edit = await ignores.editFor(folder, { text: sentence, file: vscode.workspace.asRelativePath(uri, false) });
  } catch (e) {
    void vscode.window.showErrorMessage(`Groundwork: ${(e as Error).message}`);
    return false;
  }
  const ok = await vscode.workspace.applyEdit(edit);
  if (ok) {
    const doc = await vscode.workspace.openTextDocument(TeamIgnoresFile(folder));
    if (doc.isDirty) await doc.save();
    // Re-check now rather than when the file watcher reports the change.
    ignores.invalidate(doc.uri);
  }
  return ok;
}

function TeamIgnoresFile(folder: vscode.WorkspaceFolder): vscode.Uri {
  return vscode.Uri.joinPath(folder.uri, '.groundwork', 'ignore.json');
}
