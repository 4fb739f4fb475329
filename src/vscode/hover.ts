/**
 * Hovers: on a sentence, the verdict, the reasons and the best evidence passages as
 * quotes (matching words in bold) with source title, date and a link that opens the
 * source at the passage; on a citation key, the source's metadata and the passage that
 * backs (or fails to back) the sentence.
 */
import * as vscode from 'vscode';
import type { DraftFormat, Evidence, Finding } from '../core/types';
import type { DraftChecker } from './checker';
import { clip, draftFormat, toRange, verdictLabel } from './convert';
import type { CorpusManager, FolderCorpus } from './corpus';
import { citationKeyAt, emphasize, escapeMarkdown, proseOf } from './draftText';
import { emphasizeMatches } from './emphasis';
import type { EngineClient } from './engineClient';
import { SUGGEST_LIMIT } from './ranking';

export const OPEN_EVIDENCE = 'groundwork.openEvidence';

export function openEvidenceLink(uri: vscode.Uri, e: { range: Evidence['range'] }): string {
  const args = encodeURIComponent(JSON.stringify([uri.toString(), e.range]));
  return `command:${OPEN_EVIDENCE}?${args}`;
}

function sourceLine(e: Evidence, uri: vscode.Uri | undefined): string {
  const title = e.title ? `*${escapeMarkdown(e.title)}*` : escapeMarkdown(e.key);
  const parts = [`— ${title}`];
  if (e.date) parts.push(escapeMarkdown(e.date));
  if (e.page !== undefined) parts.push(`p. ${e.page}`);
  parts.push(`\`${e.key}\``);
  if (uri) parts.push(`[Open at passage](${openEvidenceLink(uri, e)} "Open ${escapeMarkdown(e.source)} at this passage")`);
  return parts.join(' · ');
}

/** A quote of an evidence passage with the words that match the claim in bold. */
export function quote(e: Evidence, claim: string, fc: FolderCorpus | undefined): string {
  const text = clip(e.text, 500);
  if (e.matched?.length) return emphasize(text, e.matched);
  const lang = fc?.sources.find((s) => s.key === e.key)?.language ?? 'und';
  return emphasizeMatches(text, claim, lang);
}

export function evidenceMarkdown(md: vscode.MarkdownString, f: Finding, fc: FolderCorpus | undefined, corpus: CorpusManager, max = 3): void {
  for (const e of f.evidence.slice(0, max)) {
    md.appendMarkdown(`> ${quote(e, f.text, fc)}\n\n`);
    md.appendMarkdown(`${sourceLine(e, corpus.sourceUri(fc, e.source))}\n\n`);
  }
}

export class GroundworkHoverProvider implements vscode.HoverProvider {
  constructor(
    private readonly client: EngineClient,
    private readonly corpus: CorpusManager,
    private readonly checker: DraftChecker,
  ) {}

  async provideHover(doc: vscode.TextDocument, pos: vscode.Position): Promise<vscode.Hover | undefined> {
    const format = draftFormat(doc.languageId);
    if (!format || !this.checker.isDraft(doc)) return undefined;
    const fc = this.corpus.forUri(doc.uri);
    const findings = await this.checker.findings(doc);
    const f = findings.find((x) => toRange(x.range).contains(pos) && x.verdict !== 'none');
    const keyAt = citationKeyAt(doc.getText(), format, doc.offsetAt(pos));
    const md = new vscode.MarkdownString();
    md.isTrusted = { enabledCommands: [OPEN_EVIDENCE] };
    md.supportThemeIcons = true;
    if (keyAt && fc) {
      const range = new vscode.Range(doc.positionAt(keyAt.start), doc.positionAt(keyAt.end));
      await this.citationHover(md, keyAt.key, f, fc, doc, pos, format);
      return new vscode.Hover(md, range);
    }
    if (!f) return undefined;
    const icon = f.verdict === 'supported' && !f.citationProblem ? '$(pass)' : f.verdict === 'conflict' ? '$(warning)' : '$(info)';
    const reasons = f.reasons.filter((r) => r.kind !== 'no-evidence' || f.evidence.length === 0).map((r) => r.message);
    if (f.citationProblem) reasons.push(f.citationProblem.message);
    md.appendMarkdown(`${icon} **Groundwork: ${verdictLabel(f)}**${reasons.length ? `: ${escapeMarkdown(reasons.join('; '))}` : ''} · \`${f.code}\`\n\n`);
    if (f.evidence.length) {
      evidenceMarkdown(md, f, fc, this.corpus);
    } else {
      md.appendMarkdown('_No passage in the corpus matches this sentence._\n');
    }
    if (f.rules?.length) md.appendMarkdown(`\n\n_Rules:_ ${f.rules.map((r) => `\`${r}\``).join(' ')}\n`);
    return new vscode.Hover(md, toRange(f.range));
  }

  private async citationHover(
    md: vscode.MarkdownString,
    key: string,
    f: Finding | undefined,
    fc: FolderCorpus,
    doc: vscode.TextDocument,
    pos: vscode.Position,
    format: DraftFormat,
  ): Promise<void> {
    const source = fc.sources.find((s) => s.key === key);
    const bibOnly = source ? undefined : fc.bibOnly.find((s) => s.key === key);
    if (bibOnly) {
      md.appendMarkdown(`$(book) **${escapeMarkdown(bibOnly.title)}** \`${escapeMarkdown(key)}\`\n\n`);
      const meta = [bibOnly.date, bibOnly.author].filter(Boolean);
      md.appendMarkdown(`${meta.length ? `${escapeMarkdown(meta.join(' · '))} · ` : ''}from ${escapeMarkdown(bibOnly.path)}${bibOnly.bibliography?.line ? `:${bibOnly.bibliography.line}` : ''}: no text to check (no source file in the corpus is linked to this entry).\n`);
      return;
    }
    if (!source) {
      md.appendMarkdown(`$(error) **Groundwork:** no source has the key \`${escapeMarkdown(key)}\`.\n`);
      return;
    }
    md.appendMarkdown(`$(book) **${escapeMarkdown(source.title)}** \`${escapeMarkdown(key)}\`\n\n`);
    const meta = [source.date, source.outlet, source.author, source.language !== 'und' ? source.language : undefined, source.pages !== undefined ? `${source.pages} pages` : undefined, `${source.passages} passages`].filter(Boolean);
    md.appendMarkdown(`${escapeMarkdown(meta.join(' · '))} · [${escapeMarkdown(source.path)}](${openEvidenceLink(this.corpus.sourceUri(fc, source.path)!, { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } })})\n\n`);
    const uri = this.corpus.sourceUri(fc, source.path);
    const ev = f?.evidence.find((e) => e.key === key);
    if (f?.citationProblem?.key === key) {
      md.appendMarkdown(`$(warning) ${escapeMarkdown(f.citationProblem.message)}\n\n`);
    } else if (ev && f?.verdict === 'supported') {
      md.appendMarkdown(`$(pass) This source backs the sentence:\n\n`);
    } else if (ev && f?.verdict === 'conflict') {
      md.appendMarkdown(`$(warning) This source says otherwise:\n\n`);
    }
    if (ev) {
      md.appendMarkdown(`> ${quote(ev, f!.text, fc)}\n\n`);
      if (uri) md.appendMarkdown(`[Open at passage](${openEvidenceLink(uri, ev)})\n`);
      return;
    }
    // No finding evidence from this source: show its best passage for the sentence.
    const sentence = f ? f.text : doc.lineAt(pos.line).text;
    const query = f ? f.text : proseOf(sentence, format);
    const suggestions = await this.client.suggest(fc.queryId, query, Math.min(SUGGEST_LIMIT, fc.sources.length)).catch(() => []);
    const best = suggestions.find((s) => s.key === key);
    if (best?.passage && best.score > 0) {
      md.appendMarkdown(`Closest passage (support ${Math.round(best.score * 100)}%):\n\n> ${emphasizeMatches(clip(best.passage.text, 500), sentence, source.language)}\n\n`);
      if (uri) md.appendMarkdown(`[Open at passage](${openEvidenceLink(uri, best.passage)})\n`);
    } else {
      md.appendMarkdown(`_No passage of this source matches the sentence._\n`);
    }
  }
}
