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
    const servers = [...this.corpus.folders.values()].map((f) => f.server).filter((s): s is NonNullable<typeof s> => s !== undefined);
    const down = servers.find((s) => s.state === 'down');
    const connected = servers.find((s) => s.state === 'connected');
    let text: string;
    const tip: string[] = [];
    if (indexing) {
      text = `$(sync~spin) Groundwork: ${servers.some((s) => s.state === 'connecting') ? 'connecting' : `indexing ${t.done}/${t.total}`}`;
      tip.push(`Indexing sources: ${t.done} of ${t.total}`);
    } else if (connected && !down) {
      text = `$(database) ${t.sources} source${t.sources === 1 ? '' : 's'}`;
      tip.push(`Groundwork: ${t.sources} sources in the team corpus on ${connected.where}`);
    } else {
      text = `$(book) ${t.sources} source${t.sources === 1 ? '' : 's'}`;
      tip.push(`Groundwork: ${t.sources} sources indexed`);
    }
    if (down) {
      text = `$(warning) ${text.replace(/^\$\([^)]*\) /, '')} (local)`;
      tip.push(`The team corpus server ${down.where} is not available (${down.message ?? 'no answer'}); checking against the local index. Click to reconnect.`);
    }
    if (t.warnings) tip.push(`${t.warnings} source warning${t.warnings === 1 ? '' : 's'}`);
    const editor = vscode.window.activeTextEditor;
    const counts = editor && this.checker.isDraft(editor.document) ? this.checker.counts(editor.document.uri) : undefined;
    if (counts) {
      text += ` $(warning) ${counts.errors + counts.warnings} $(info) ${counts.infos}`;
      tip.push(`This draft: ${counts.errors + counts.warnings} conflicts or citation problems, ${counts.infos} other notes. Click for the Problems view.`);
      this.item.command = 'workbench.actions.view.problems';
    } else if (down) {
      this.item.command = 'groundwork.reconnectServer';
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
