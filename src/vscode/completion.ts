/**
 * Citation completions: one item per source, ranked by how well each supports the
 * sentence being written (engine.suggest), fuzzy-matched on key, title, outlet, date
 * and passage text (fuse.js) once the user has typed part of a key, inserting the key
 * in the document's syntax. The rich preview is filled lazily in resolveCompletionItem.
 */
import * as vscode from 'vscode';
import type { SourceSuggestion } from '../core/types';
import type { DraftChecker } from './checker';
import { clip, draftFormat } from './convert';
import type { CorpusManager } from './corpus';
import { citationText, completionContext, escapeMarkdown, sentenceForCitation } from './draftText';
import type { EngineClient } from './engineClient';
import { MAX_COMPLETION_ITEMS, rankSources, SUGGEST_LIMIT, type Candidate } from './ranking';

class CitationItem extends vscode.CompletionItem {
  constructor(
    readonly candidate: Candidate,
    readonly syntax: string,
  ) {
    super({ label: candidate.source.key, description: clip(candidate.source.title, 60) }, vscode.CompletionItemKind.Reference);
  }
}

export class CitationCompletionProvider implements vscode.CompletionItemProvider<CitationItem> {
  private last?: { engine: string; revision: number; sentence: string; result: Promise<SourceSuggestion[]> };

  constructor(
    private readonly client: EngineClient,
    private readonly corpus: CorpusManager,
    private readonly checker: DraftChecker,
  ) {}

  /** engine.suggest, remembered for the last sentence (typing a key does not change it). */
  private suggest(engine: string, revision: number, sentence: string, limit: number): Promise<SourceSuggestion[]> {
    const l = this.last;
    if (l && l.engine === engine && l.revision === revision && l.sentence === sentence) return l.result;
    const result = sentence ? this.client.suggest(engine, sentence, limit).catch(() => []) : Promise.resolve([]);
    this.last = { engine, revision, sentence, result };
    return result;
  }

  async provideCompletionItems(
    doc: vscode.TextDocument,
    pos: vscode.Position,
  ): Promise<vscode.CompletionList<CitationItem> | undefined> {
    const format = draftFormat(doc.languageId);
    if (!format || !this.checker.isDraft(doc)) return undefined;
    const before = doc.lineAt(pos.line).text.slice(0, pos.character);
    const ctx = completionContext(format, before);
    if (!ctx) return undefined;
    const fc = this.corpus.forUri(doc.uri);
    if (!fc || fc.citable.length === 0) return undefined;
    const offset = doc.offsetAt(pos);
    const typing = { start: offset - (pos.character - ctx.marker), end: offset };
    const sentence = sentenceForCitation(doc.getText(), offset, format, typing);
    const suggestions = await this.suggest(fc.queryId, fc.revision, sentence, Math.min(SUGGEST_LIMIT, fc.citable.length));
    const ranked = rankSources(fc.citable, suggestions, ctx.prefix).slice(0, MAX_COMPLETION_ITEMS);
    const range = new vscode.Range(pos.line, ctx.start, pos.line, pos.character);
    const items = ranked.map((c, i) => {
      const item = new CitationItem(c, citationText(format, c.source.key));
      item.detail =
        [c.source.date, c.source.outlet, c.source.language !== 'und' ? c.source.language : undefined, c.source.noText ? 'no text to check' : undefined].filter(Boolean).join(' · ') ||
        undefined;
      item.sortText = String(i).padStart(5, '0');
      item.filterText = ctx.prefix ? ctx.prefix : c.source.key;
      item.insertText = c.source.key;
      item.range = range;
      if (i === 0 && c.suggestion && c.suggestion.score > 0) item.preselect = true;
      return item;
    });
    // Re-query on every keystroke: the fuzzy matching and the ranking are ours.
    return new vscode.CompletionList(items, true);
  }

  resolveCompletionItem(item: CitationItem): CitationItem {
    const { source, suggestion } = item.candidate;
    const md = new vscode.MarkdownString();
    md.appendMarkdown(`**${escapeMarkdown(source.title)}**\n\n`);
    const meta = source.noText
      ? [source.date, source.author, 'no text to check: the bibliography entry has no source file in the corpus']
      : [source.date, source.outlet, source.author, source.pages !== undefined ? `${source.pages} pages` : undefined, `${source.passages} passages`, source.language !== 'und' ? source.language : undefined].filter(Boolean);
    md.appendMarkdown(`${escapeMarkdown(meta.join(' · '))}\n\n`);
    if (suggestion?.passage && suggestion.score > 0) {
      md.appendMarkdown(`Best passage for this sentence (support ${Math.round(suggestion.score * 100)}%):\n\n`);
      md.appendMarkdown(`> ${escapeMarkdown(clip(suggestion.passage.text, 400))}\n\n`);
    }
    md.appendMarkdown(`Cites as \`${item.syntax}\` · ${escapeMarkdown(source.bibliography ? `${source.path} (key from ${source.bibliography.path}${source.bibliography.line ? `:${source.bibliography.line}` : ''})` : source.path)}`);
    item.documentation = md;
    return item;
  }
}
