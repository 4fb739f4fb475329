/**
 * Checks open drafts (Markdown, LaTeX, plain text; never corpus files) from the buffer,
 * not the disk, and publishes diagnostics. Debounced (`groundwork.check.delayMs`),
 * `groundwork.check.frequency` edit | save | manual, and quiet while typing: a NEW
 * underline on the sentence under the cursor waits until the cursor leaves it or the
 * typing has paused (old underlines stay).
 */
import * as vscode from 'vscode';
import { isDraftFile, type GroundworkConfig } from '../core/config';
import type { DraftFormat, Finding } from '../core/types';
import type { Activity } from './activity';
import { draftFormat, findingDiagnostics, type FindingDiagnostic } from './convert';
import type { CorpusManager, FolderCorpus } from './corpus';
import { serverErrorCode, type EngineClient } from './engineClient';
import type { TeamIgnores } from './ignores';
import { readConfig } from './settings';

export type CheckReason = 'open' | 'edit' | 'save' | 'command' | 'corpus' | 'settings' | 'ignore';

export interface CheckEvent {
  uri: vscode.Uri;
  version: number;
  reason: CheckReason;
  findings: number;
  diagnostics: number;
}

interface DocState {
  version: number;
  /** Index and ignore-file revisions the findings were computed with. */
  rev: string;
  text: string;
  format: DraftFormat;
  findings: Finding[];
  diags: FindingDiagnostic[];
  /** Diagnostics currently held back under the cursor. */
  held: FindingDiagnostic[];
  /** Shown diagnostics (published). */
  shown: FindingDiagnostic[];
}

const key = (uri: vscode.Uri) => uri.toString();

export class DraftChecker implements vscode.Disposable {
  readonly diagnostics = vscode.languages.createDiagnosticCollection('groundwork');
  private readonly states = new Map<string, DocState>();
  private readonly timers = new Map<string, { timer: NodeJS.Timeout; end: () => void }>();
  private readonly running = new Map<string, Promise<DocState | undefined>>();
  private readonly releaseTimers = new Map<string, { timer: NodeJS.Timeout; end: () => void }>();
  /** Drafts checked from disk by "Check Workspace" (kept when no editor has them open). */
  private readonly workspaceChecked = new Set<string>();
  private readonly emitter = new vscode.EventEmitter<CheckEvent>();
  readonly onDidCheck = this.emitter.event;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly client: EngineClient,
    private readonly corpus: CorpusManager,
    private readonly ignores: TeamIgnores,
    private readonly activity: Activity,
    private readonly log: vscode.LogOutputChannel,
  ) {
    this.disposables.push(
      this.diagnostics,
      this.emitter,
      vscode.workspace.onDidOpenTextDocument((doc) => this.onOpen(doc)),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length === 0 || !this.isDraft(e.document)) return;
        const cfg = this.configFor(e.document.uri);
        if (cfg.check.frequency === 'edit') this.schedule(e.document, 'edit', cfg.check.delayMs);
      }),
      vscode.workspace.onDidSaveTextDocument((doc) => {
        if (!this.isDraft(doc)) return;
        const cfg = this.configFor(doc.uri);
        if (cfg.check.frequency === 'manual') return;
        this.schedule(doc, 'save', 0);
      }),
      vscode.workspace.onDidCloseTextDocument((doc) => {
        const k = key(doc.uri);
        this.cancel(k);
        this.states.delete(k);
        if (!this.workspaceChecked.has(k)) this.diagnostics.delete(doc.uri);
      }),
      vscode.window.onDidChangeTextEditorSelection((e) => this.maybeRelease(e.textEditor)),
      vscode.window.onDidChangeActiveTextEditor((ed) => {
        for (const k of [...this.releaseTimers.keys()]) if (!ed || key(ed.document.uri) !== k) this.release(k);
      }),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (!e.affectsConfiguration('groundwork')) return;
        for (const doc of vscode.workspace.textDocuments) {
          if (!draftFormat(doc.languageId)) continue;
          if (e.affectsConfiguration('groundwork.drafts', doc.uri) || e.affectsConfiguration('groundwork.corpus', doc.uri)) {
            if (!this.isDraft(doc)) {
              this.cancel(key(doc.uri));
              this.states.delete(key(doc.uri));
              this.diagnostics.delete(doc.uri);
            } else this.schedule(doc, 'settings', 0);
          } else if (e.affectsConfiguration('groundwork.severity', doc.uri)) {
            this.republish(doc.uri);
          } else if (e.affectsConfiguration('groundwork.check.frequency', doc.uri) && this.isDraft(doc)) {
            // Leaving "manual": bring the draft up to date at once.
            if (this.configFor(doc.uri).check.frequency !== 'manual' && !this.current(doc)) this.schedule(doc, 'settings', 0);
          }
        }
      }),
      this.corpus.onDidIndex((ev) => {
        for (const doc of vscode.workspace.textDocuments) {
          if (this.corpus.forUri(doc.uri)?.folder.uri.toString() !== ev.folder.toString()) continue;
          if (this.isDraft(doc) && (this.states.has(key(doc.uri)) || this.configFor(doc.uri).check.frequency !== 'manual')) {
            this.schedule(doc, 'corpus', 0);
          }
        }
      }),
      this.ignores.onDidChange((folder) => {
        for (const doc of vscode.workspace.textDocuments) {
          if (!this.isDraft(doc)) continue;
          if (folder && vscode.workspace.getWorkspaceFolder(doc.uri)?.uri.toString() !== folder.uri.toString()) continue;
          if (this.states.has(key(doc.uri))) this.schedule(doc, 'ignore', 0);
        }
      }),
    );
  }

  /** Check the drafts already open at activation. */
  start(): void {
    for (const doc of vscode.workspace.textDocuments) this.onOpen(doc);
  }

  private onOpen(doc: vscode.TextDocument): void {
    if (!this.isDraft(doc)) return;
    if (this.configFor(doc.uri).check.frequency === 'manual') return;
    this.schedule(doc, 'open', 0);
  }

  configFor(uri: vscode.Uri): GroundworkConfig {
    return readConfig(uri.scheme === 'untitled' ? undefined : uri).config;
  }

  /** Whether Groundwork checks this document: a Markdown/LaTeX/plain-text draft, not a source. */
  isDraft(doc: vscode.TextDocument): boolean {
    if (!draftFormat(doc.languageId)) return false;
    if (doc.uri.scheme === 'untitled') return true;
    if (doc.uri.scheme !== 'file' && doc.uri.scheme !== 'vscode-remote' && doc.uri.scheme !== 'vscode-vfs') return false;
    const fc = this.corpus.forUri(doc.uri);
    const folder = vscode.workspace.getWorkspaceFolder(doc.uri);
    if (!folder || !fc) return true;
    const rel = fc.relPath(doc.uri);
    if (rel === undefined) return true;
    return isDraftFile(rel, this.configFor(doc.uri));
  }

  private cancel(k: string): void {
    const t = this.timers.get(k);
    if (t) {
      clearTimeout(t.timer);
      t.end();
      this.timers.delete(k);
    }
  }

  /** Check after `delayMs` (restarting the wait on every call). */
  schedule(doc: vscode.TextDocument, reason: CheckReason, delayMs: number): void {
    const k = key(doc.uri);
    this.cancel(k);
    const end = this.activity.begin();
    const timer = setTimeout(() => {
      this.timers.delete(k);
      void this.checkNow(doc, reason).finally(end);
    }, delayMs);
    this.timers.set(k, { timer, end });
  }

  /** Check a document now and publish its diagnostics. */
  async checkNow(doc: vscode.TextDocument, reason: CheckReason): Promise<Finding[]> {
    const k = key(doc.uri);
    if (doc.isClosed) return [];
    const state = await this.activity.track(this.compute(doc));
    if (!state || doc.isClosed) return [];
    // A newer check is waiting: do not flash results for text that is gone.
    if (state.version !== doc.version && this.timers.has(k)) return state.findings;
    this.publish(doc.uri, state, reason);
    return state.findings;
  }

  /** Findings for the current text of a document (cached per version). */
  async findings(doc: vscode.TextDocument): Promise<Finding[]> {
    return (await this.compute(doc))?.findings ?? [];
  }

  /** The current state, when it matches the document's version. */
  current(doc: vscode.TextDocument): Finding[] | undefined {
    const s = this.states.get(key(doc.uri));
    return s && s.version === doc.version && s.rev === this.revision(doc) ? s.findings : undefined;
  }

  private compute(doc: vscode.TextDocument): Promise<DocState | undefined> {
    const k = key(doc.uri);
    const fresh = (s: DocState | undefined): s is DocState =>
      !!s && s.version === doc.version && s.rev === this.revision(doc) && !doc.isClosed && s.text === doc.getText();
    const cached = this.states.get(k);
    if (fresh(cached)) return Promise.resolve(cached);
    const inflight = this.running.get(k);
    const next = async () => {
      const again = this.states.get(k);
      if (fresh(again)) return again;
      return this.run(doc);
    };
    const run = (inflight ?? Promise.resolve(undefined)).then(next, next);
    this.running.set(k, run);
    void run.finally(() => {
      if (this.running.get(k) === run) this.running.delete(k);
    });
    return run;
  }

  private revision(doc: vscode.TextDocument): string {
    return `${this.corpus.forUri(doc.uri)?.revision ?? -1}:${this.ignores.revision}`;
  }

  private async run(doc: vscode.TextDocument): Promise<DocState | undefined> {
    const format = draftFormat(doc.languageId);
    if (!format || doc.isClosed) return undefined;
    const fc = this.corpus.forUri(doc.uri);
    // Until the first index pass ends every sentence would look unsupported; the
    // index event re-checks open drafts.
    if (!fc || !fc.everReady) return undefined;
    const version = doc.version;
    const rev = this.revision(doc);
    const text = doc.getText();
    const ignored = await this.ignores.sentences(vscode.workspace.getWorkspaceFolder(doc.uri) ?? fc.folder);
    let findings: Finding[];
    try {
      findings = await this.client.check(fc.queryId, text, { format, ignoredSentences: ignored });
    } catch (e) {
      this.log.error(`Checking ${vscode.workspace.asRelativePath(doc.uri)} failed: ${(e as Error).message}`);
      // The server went away: the local index takes over, and its index event checks again.
      if (serverErrorCode(e) && fc.server?.state === 'connected') fc.serverLost(e);
      findings = [];
    }
    const prev = this.states.get(key(doc.uri));
    const state: DocState = {
      version,
      rev,
      text,
      format,
      findings,
      diags: this.toDiagnostics(doc.uri, findings, fc),
      held: [],
      shown: prev?.shown ?? [],
    };
    this.states.set(key(doc.uri), state);
    return state;
  }

  private toDiagnostics(uri: vscode.Uri, findings: Finding[], fc: FolderCorpus): FindingDiagnostic[] {
    const cfg = this.configFor(uri);
    return findings.flatMap((f) => findingDiagnostics(f, cfg.severity, (p) => this.corpus.sourceUri(fc, p)));
  }

  private republish(uri: vscode.Uri): void {
    const s = this.states.get(key(uri));
    const fc = this.corpus.forUri(uri);
    if (!s || !fc) return;
    s.diags = this.toDiagnostics(uri, s.findings, fc);
    this.publish(uri, s, 'settings');
  }

  private publish(uri: vscode.Uri, state: DocState, reason: CheckReason): void {
    const k = key(uri);
    let shown = state.diags;
    let held: FindingDiagnostic[] = [];
    const editor = vscode.window.activeTextEditor;
    const delay = this.configFor(uri).check.delayMs;
    // A check after typing (frequency "edit"): the user is in the middle of writing.
    const typing = reason === 'edit';
    if (typing && editor && key(editor.document.uri) === k) {
      const cursor = editor.selection.active;
      const sameSpot = (a: FindingDiagnostic, b: FindingDiagnostic) => a.code === b.code && a.finding.text === b.finding.text;
      const oldAtCursor = state.shown.filter((d) => d.diagnostic.range.contains(cursor));
      held = state.diags.filter((d) => d.diagnostic.range.contains(cursor) && !oldAtCursor.some((o) => sameSpot(o, d)));
      if (held.length) {
        const keepOld = oldAtCursor.filter((o) => !state.diags.some((d) => sameSpot(o, d)));
        shown = state.diags.filter((d) => !held.includes(d)).concat(keepOld);
      }
    }
    state.held = held;
    state.shown = shown;
    this.diagnostics.set(
      uri,
      shown.map((d) => d.diagnostic),
    );
    this.clearRelease(k);
    if (held.length) {
      const end = this.activity.begin();
      const timer = setTimeout(() => {
        this.releaseTimers.delete(k);
        this.release(k);
        end();
      }, Math.max(1500, 3 * delay));
      this.releaseTimers.set(k, { timer, end });
    }
    this.emitter.fire({ uri, version: state.version, reason, findings: state.findings.length, diagnostics: shown.length });
  }

  private clearRelease(k: string): void {
    const r = this.releaseTimers.get(k);
    if (r) {
      clearTimeout(r.timer);
      r.end();
      this.releaseTimers.delete(k);
    }
  }

  private maybeRelease(editor: vscode.TextEditor): void {
    const k = key(editor.document.uri);
    const s = this.states.get(k);
    if (!s || s.held.length === 0) return;
    const cursor = editor.selection.active;
    if (!s.held.some((d) => d.diagnostic.range.contains(cursor))) this.release(k);
  }

  /** Show what was held back under the cursor. */
  private release(k: string): void {
    this.clearRelease(k);
    const s = this.states.get(k);
    if (!s || s.held.length === 0) return;
    s.held = [];
    s.shown = s.diags;
    const uri = vscode.Uri.parse(k);
    this.diagnostics.set(
      uri,
      s.diags.map((d) => d.diagnostic),
    );
    this.emitter.fire({ uri, version: s.version, reason: 'edit', findings: s.findings.length, diagnostics: s.diags.length });
  }

  /** The finding diagnostic behind a diagnostic VS Code hands back (code actions). */
  lookup(uri: vscode.Uri, d: vscode.Diagnostic): FindingDiagnostic | undefined {
    const s = this.states.get(key(uri));
    if (!s) return undefined;
    const code = typeof d.code === 'object' ? String(d.code.value) : String(d.code);
    return s.diags.find((x) => x.code === code && x.diagnostic.range.isEqual(d.range));
  }

  /** Check every draft of the workspace (open ones from their buffers, the rest from disk). */
  async checkWorkspace(token?: vscode.CancellationToken): Promise<{ files: number; findings: number }> {
    let files = 0;
    let findings = 0;
    for (const fc of this.corpus.folders.values()) {
      const cfg = fc.config;
      const exclude = cfg.drafts.exclude.length ? `{${cfg.drafts.exclude.join(',')}}` : null;
      const uris = new Map<string, vscode.Uri>();
      for (const glob of cfg.drafts.include) {
        for (const uri of await vscode.workspace.findFiles(new vscode.RelativePattern(fc.folder, glob), exclude)) uris.set(uri.toString(), uri);
      }
      for (const uri of uris.values()) {
        if (token?.isCancellationRequested) break;
        const doc = await vscode.workspace.openTextDocument(uri);
        if (!this.isDraft(doc)) continue;
        this.workspaceChecked.add(key(uri));
        const fs = await this.checkNow(doc, 'command');
        files++;
        findings += fs.filter((f) => f.verdict === 'conflict' || f.verdict === 'unsupported' || f.citationProblem).length;
      }
    }
    return { files, findings };
  }

  /** Counts of the shown diagnostics of a document, by severity. */
  counts(uri: vscode.Uri): { errors: number; warnings: number; infos: number } | undefined {
    const s = this.states.get(key(uri));
    if (!s) return undefined;
    const c = { errors: 0, warnings: 0, infos: 0 };
    for (const d of s.shown) {
      if (d.diagnostic.severity === vscode.DiagnosticSeverity.Error) c.errors++;
      else if (d.diagnostic.severity === vscode.DiagnosticSeverity.Warning) c.warnings++;
      else c.infos++;
    }
    return c;
  }

  dispose(): void {
    for (const k of [...this.timers.keys()]) this.cancel(k);
    for (const k of [...this.releaseTimers.keys()]) this.clearRelease(k);
    for (const d of this.disposables) d.dispose();
  }
}
