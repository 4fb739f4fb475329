/**
 * The team ignore file (`.groundwork/ignore.json`, committed with the drafts) per
 * workspace folder: read from the open buffer when it is open, else from disk, and
 * kept current with a watcher. Parsing and editing are the shared model's
 * (src/core/config.ts), so the CLI ignores exactly the same sentences.
 */
import * as vscode from 'vscode';
import { addToIgnoreFile, IGNORE_FILE_PATH, parseIgnoreFile, type IgnoreEntry } from '../core/config';

export class TeamIgnores implements vscode.Disposable {
  private readonly cache = new Map<string, Set<string>>();
  private readonly emitter = new vscode.EventEmitter<vscode.WorkspaceFolder | undefined>();
  readonly onDidChange = this.emitter.event;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly log: vscode.LogOutputChannel) {
    const watcher = vscode.workspace.createFileSystemWatcher(`**/${IGNORE_FILE_PATH}`);
    const changed = (uri: vscode.Uri) => this.invalidate(uri);
    this.disposables.push(
      watcher,
      watcher.onDidCreate(changed),
      watcher.onDidChange(changed),
      watcher.onDidDelete(changed),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length && e.document.uri.path.endsWith(`/${IGNORE_FILE_PATH}`)) this.invalidate(e.document.uri);
      }),
      this.emitter,
    );
  }

  static fileUri(folder: vscode.WorkspaceFolder): vscode.Uri {
    return vscode.Uri.joinPath(folder.uri, ...IGNORE_FILE_PATH.split('/'));
  }

  /** Bumped whenever an ignore file changes. */
  revision = 0;

  invalidate(uri: vscode.Uri): void {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    if (!folder) return;
    this.revision++;
    this.cache.delete(folder.uri.toString());
    this.emitter.fire(folder);
  }

  private async readText(uri: vscode.Uri): Promise<string | undefined> {
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    if (open) return open.getText();
    try {
      return Buffer.from(await vscode.workspace.fs.readFile(uri)).toString('utf8');
    } catch {
      return undefined;
    }
  }

  /** The sentences the team ignores in a folder, as written (the engine normalizes them). */
  async sentences(folder: vscode.WorkspaceFolder | undefined): Promise<Set<string>> {
    if (!folder) return new Set();
    const key = folder.uri.toString();
    const hit = this.cache.get(key);
    if (hit) return hit;
    const text = await this.readText(TeamIgnores.fileUri(folder));
    let result = new Set<string>();
    if (text !== undefined) {
      const parsed = parseIgnoreFile(text);
      for (const p of parsed.problems) this.log.warn(`${folder.name}/${IGNORE_FILE_PATH}: ${p}`);
      result = new Set(parsed.entries.map((e) => e.text));
    }
    this.cache.set(key, result);
    return result;
  }

  /** A WorkspaceEdit (undoable) that records a sentence in the folder's ignore file. */
  async editFor(folder: vscode.WorkspaceFolder, entry: IgnoreEntry): Promise<vscode.WorkspaceEdit> {
    const uri = TeamIgnores.fileUri(folder);
    const existing = await this.readText(uri);
    const next = addToIgnoreFile(existing, entry);
    const edit = new vscode.WorkspaceEdit();
    if (existing === undefined) {
      edit.createFile(uri, { ignoreIfExists: true, contents: Buffer.from(next, 'utf8') });
    } else {
      const doc = await vscode.workspace.openTextDocument(uri);
      edit.replace(uri, new vscode.Range(0, 0, doc.lineCount, 0), next);
    }
    return edit;
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
