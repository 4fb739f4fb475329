/**
 * Status bar item: index state (indexing n/N, N sources) and the active draft's counts.
 * A click opens the Problems view for a draft, the Sources view otherwise.
 */
import * as vscode from 'vscode';
import type { DraftChecker } from './checker';
import type { CorpusManager } from './corpus';

export class StatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('groundwork.status', vscode.StatusBarAlignment.Left, 20);
  private readonly subs: vscode.Disposable[];

  constructor(
    private readonly corpus: CorpusManager,
    private readonly checker: DraftChecker,
  ) {
    this.item.name = 'Groundwork';
    this.subs = [
      corpus.onDidChangeState(() => this.update()),
      checker.onDidCheck(() => this.update()),
      vscode.window.onDidChangeActiveTextEditor(() => this.update()),
    ];
    this.update();
    this.item.show();
  }

  /** The text shown (for tests). */
  get text(): string {
    return this.item.text;
  }

  update(): void {
    const t = this.corpus.totals;
    const indexing = this.corpus.phase !== 'ready';
    let text = indexing ? `$(sync~spin) Groundwork: indexing ${t.done}/${t.total}` : `$(book) ${t.sources} source${t.sources === 1 ? '' : 's'}`;
    const tip = [indexing ? `Indexing sources: ${t.done} of ${t.total}` : `Groundwork: ${t.sources} sources indexed`];
    if (t.warnings) tip.push(`${t.warnings} source warning${t.warnings === 1 ? '' : 's'}`);
    const editor = vscode.window.activeTextEditor;
    const counts = editor && this.checker.isDraft(editor.document) ? this.checker.counts(editor.document.uri) : undefined;
    if (counts) {
      text += ` $(warning) ${counts.errors + counts.warnings} $(info) ${counts.infos}`;
      tip.push(`This draft: ${counts.errors + counts.warnings} conflicts or citation problems, ${counts.infos} other notes. Click for the Problems view.`);
      this.item.command = 'workbench.actions.view.problems';
    } else {
      tip.push('Click for the Sources view.');
      this.item.command = 'groundwork.sources.focus';
    }
    this.item.text = text;
    this.item.tooltip = tip.join('\n');
  }

  dispose(): void {
    for (const s of this.subs) s.dispose();
    this.item.dispose();
  }
}
