/**
 * The Sources view (activity bar): every source with title, date, language, kind, pages,
 * passage count and its load warnings (skipped files too), then the bibliography entries
 * with no source file; a click opens the file (a PDF or Word file as its extracted text).
 */
import * as vscode from 'vscode';
import { OPEN_EVIDENCE } from './hover';
import type { LoadWarning } from '../core/types';
import type { CorpusManager, FolderCorpus } from './corpus';
import type { SourceSummary } from './protocol';

type Node =
  | { kind: 'folder'; fc: FolderCorpus }
  | { kind: 'source'; fc: FolderCorpus; source: SourceSummary }
  | { kind: 'skipped'; fc: FolderCorpus; path: string; warnings: LoadWarning[] }
  | { kind: 'warning'; fc: FolderCorpus; warning: LoadWarning };

export class SourcesView implements vscode.TreeDataProvider<Node>, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.emitter.event;
  private readonly sub: vscode.Disposable;
  private timer?: NodeJS.Timeout;

  constructor(private readonly corpus: CorpusManager) {
    // Refresh at most every 300 ms while indexing reports progress.
    this.sub = corpus.onDidChangeState(() => {
      if (this.timer) return;
      this.timer = setTimeout(() => {
        this.timer = undefined;
        this.emitter.fire(undefined);
      }, 300);
    });
  }

  getChildren(node?: Node): Node[] {
    if (!node) {
      const folders = [...this.corpus.folders.values()];
      if (folders.length === 1) return this.folderChildren(folders[0]);
      return folders.map((fc) => ({ kind: 'folder', fc }));
    }
    if (node.kind === 'folder') return this.folderChildren(node.fc);
    if (node.kind === 'source') return node.source.warnings.map((warning) => ({ kind: 'warning', fc: node.fc, warning }));
    if (node.kind === 'skipped') return node.warnings.map((warning) => ({ kind: 'warning', fc: node.fc, warning }));
    return [];
  }

  private folderChildren(fc: FolderCorpus): Node[] {
    // Sources, then the bibliography's entries that have no source file (no text to check).
    const nodes: Node[] = fc.citable.map((source) => ({ kind: 'source', fc, source }));
    const indexed = new Set(fc.sources.map((s) => s.path));
    const skipped = new Map<string, LoadWarning[]>();
    for (const w of fc.warnings) {
      if (indexed.has(w.path)) continue;
      skipped.set(w.path, [...(skipped.get(w.path) ?? []), w]);
    }
    for (const [path, warnings] of skipped) nodes.push({ kind: 'skipped', fc, path, warnings });
    return nodes;
  }

  getTreeItem(node: Node): vscode.TreeItem {
    switch (node.kind) {
      case 'folder': {
        const item = new vscode.TreeItem(node.fc.folder.name, vscode.TreeItemCollapsibleState.Expanded);
        item.description = node.fc.phase === 'ready' ? `${node.fc.sources.length} sources` : `indexing ${node.fc.progress.done}/${node.fc.progress.total}`;
        item.iconPath = vscode.ThemeIcon.Folder;
        return item;
      }
      case 'source': {
        const s = node.source;
        if (s.noText) {
          const item = new vscode.TreeItem(s.title.length > 24 ? `${s.title.slice(0, 23).trimEnd()}…` : s.title, vscode.TreeItemCollapsibleState.None);
          item.id = `${node.fc.engineId}#bib#${s.key}`;
          item.description = [s.key, s.date, 'no text to check'].filter(Boolean).join(' · ');
          item.iconPath = new vscode.ThemeIcon('bookmark');
          item.tooltip = `${s.key}: a bibliography entry (${s.path}${s.bibliography?.line ? `:${s.bibliography.line}` : ''}) with no source file in the corpus; it can be cited, but there is no text to check it against.`;
          const line = Math.max(0, (s.bibliography?.line ?? 1) - 1);
          item.command = { command: OPEN_EVIDENCE, title: 'Open the entry', arguments: [node.fc.uriOf(s.path).toString(), { start: { line, character: 0 }, end: { line, character: 0 } }] };
          return item;
        }
        // A short label leaves room for the date, language and passage count in a narrow side bar.
        const title = s.title || s.key;
        const item = new vscode.TreeItem(title.length > 24 ? `${title.slice(0, 23).trimEnd()}…` : title, s.warnings.length ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
        item.id = `${node.fc.engineId}#${s.path}`;
        item.description = [s.date, s.language !== 'und' ? s.language : undefined, s.kind, s.pages !== undefined ? `${s.pages} p.` : undefined, `${s.passages} passages`, s.warnings.length ? `${s.warnings.length} warning${s.warnings.length > 1 ? 's' : ''}` : undefined]
          .filter(Boolean)
          .join(' · ');
        item.iconPath = new vscode.ThemeIcon(s.warnings.length ? 'warning' : 'book');
        item.resourceUri = node.fc.uriOf(s.path);
        item.contextValue = 'groundwork.source';
        // PDF and Word files open as their extracted text (the original is one click away there).
        item.command = s.kind
          ? { command: OPEN_EVIDENCE, title: 'Open Source', arguments: [node.fc.uriOf(s.path).toString(), { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }] }
          : { command: 'vscode.open', title: 'Open Source', arguments: [node.fc.uriOf(s.path)] };
        return item;
      }
      case 'skipped': {
        const item = new vscode.TreeItem(node.path, vscode.TreeItemCollapsibleState.Collapsed);
        item.id = `${node.fc.engineId}#skipped#${node.path}`;
        item.description = node.warnings.some((w) => w.skipped) ? 'skipped' : 'warning';
        item.tooltip = node.warnings.map((w) => w.message).join('\n');
        item.iconPath = new vscode.ThemeIcon('error');
        item.command = { command: 'vscode.open', title: 'Open Source', arguments: [node.fc.uriOf(node.path)] };
        return item;
      }
      case 'warning': {
        const item = new vscode.TreeItem(node.warning.message, vscode.TreeItemCollapsibleState.None);
        item.description = `source.${node.warning.code}`;
        item.iconPath = new vscode.ThemeIcon(node.warning.skipped ? 'error' : 'warning');
        return item;
      }
    }
  }

  /** Tooltips are built only for the item the pointer rests on. */
  resolveTreeItem(item: vscode.TreeItem, node: Node): vscode.TreeItem {
    if (node.kind === 'source' && !node.source.noText) {
      const s = node.source;
      const tip = new vscode.MarkdownString();
      tip.appendMarkdown(`**${s.title.replace(/[*_`\[\]]/g, '\\$&')}**\n\n`);
      tip.appendMarkdown(`key \`${s.key}\` · ${s.path}\n\n`);
      tip.appendText([s.date, s.outlet, s.author, s.language, `${s.passages} passages`].filter(Boolean).join(' · '));
      item.tooltip = tip;
    }
    return item;
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.sub.dispose();
    this.emitter.dispose();
  }
}
