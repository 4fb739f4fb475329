/**
 * Groundwork's VS Code entry point: wires the corpus (engine in a worker thread),
 * draft checks, completions, hovers, quick fixes, the Sources view, the status bar and
 * the commands. `activate()` returns at once; indexing runs in the background.
 *
 * The returned API lets integration tests (and other extensions) wait on events
 * instead of sleeping.
 */
import { existsSync } from 'node:fs';
import * as vscode from 'vscode';
import type { Finding, Range as CoreRange } from '../core/types';
import { Activity } from './activity';
import { DraftChecker, type CheckEvent } from './checker';
import { GroundworkCodeActions, IGNORE_FOR_TEAM, ignoreForTeam } from './codeActions';
import { CitationCompletionProvider } from './completion';
import { clip, draftFormat, toRange, verdictLabel } from './convert';
import { CorpusManager, type IndexEvent } from './corpus';
import { redactUrl } from '../server/errors';
import { citationText, sentenceForCitation } from './draftText';
import { EngineClient } from './engineClient';
import { GroundworkHoverProvider, OPEN_EVIDENCE } from './hover';
import { TeamIgnores } from './ignores';
import { SUGGEST_LIMIT } from './ranking';
import type { IngestResult, SourceSummary } from './protocol';
import { SourcesView } from './sourcesView';
import { isExtractedSource, OPEN_ORIGINAL, SOURCE_SCHEME, SourceTextViews, type OpenedPassage } from './sourceText';
import { StatusBar } from './statusBar';

export interface GroundworkApi {
  /** Resolves when no indexing, scheduled check or running check is left. */
  whenIdle(): Promise<void>;
  readonly onDidIndex: vscode.Event<IndexEvent>;
  readonly onDidCheck: vscode.Event<CheckEvent>;
  /** Fires after the index of a folder was saved to workspace storage. */
  readonly onDidSaveIndex: vscode.Event<vscode.Uri>;
  /** 'worker' when the engine runs in a worker thread. */
  engineMode(): 'worker' | 'in-thread';
  /** The indexed sources of the folder a URI belongs to (first folder by default). */
  sources(uri?: vscode.Uri): SourceSummary[];
  /** The latest findings of an open draft, when they match its version. */
  findings(doc: vscode.TextDocument): Finding[] | undefined;
  /** The status bar text. */
  statusText(): string;
  /** The team corpus server of the folder of `uri` (first folder by default), when one is configured. */
  server(uri?: vscode.Uri): { where: string; state: 'connecting' | 'connected' | 'down'; message?: string } | undefined;
  /** Index every folder again starting from the saved index, as after a window reload. */
  restartFromCache(): Promise<void>;
  /** Where the index of the folder of `uri` (first folder by default) is saved. */
  indexCacheUri(uri?: vscode.Uri): Promise<vscode.Uri | undefined>;
  /** The PDF or Word passage last opened in its text view (uri, range, page). */
  lastOpenedPassage(): OpenedPassage | undefined;
}

const SELECTOR: vscode.DocumentSelector = ['markdown', 'latex', 'plaintext'].flatMap((language) =>
  ['file', 'untitled', 'vscode-remote', 'vscode-vfs'].map((scheme) => ({ language, scheme })),
);

export function activate(context: vscode.ExtensionContext): GroundworkApi {
  const log = vscode.window.createOutputChannel('Groundwork', { log: true });
  const activity = new Activity();
  const workerPath = context.asAbsolutePath('dist/worker.js');
  const client = new EngineClient(existsSync(workerPath) ? workerPath : undefined, (line) => log.warn(line));
  if (client.mode === 'in-thread') log.warn('Engine worker (dist/worker.js) not available; running the engine on the extension host thread, one file at a time.');
  else log.info('Engine running in a worker thread.');

  const corpus = new CorpusManager(client, activity, log, context.storageUri, context.secrets);
  client.onFallback = () => void corpus.reindexAll();
  const ignores = new TeamIgnores(log);
  const checker = new DraftChecker(client, corpus, ignores, activity, log);
  const sourcesView = new SourcesView(corpus);
  const statusBar = new StatusBar(corpus, checker);
  const sourceViews = new SourceTextViews(client, corpus);

  context.subscriptions.push(
    log,
    corpus,
    ignores,
    checker,
    sourcesView,
    statusBar,
    sourceViews,
    vscode.workspace.registerTextDocumentContentProvider(SOURCE_SCHEME, sourceViews),
    vscode.languages.registerCodeLensProvider({ scheme: SOURCE_SCHEME }, sourceViews),
    vscode.commands.registerCommand(OPEN_ORIGINAL, (uri: vscode.Uri | string) => vscode.commands.executeCommand('vscode.open', typeof uri === 'string' ? vscode.Uri.parse(uri) : uri)),
    { dispose: () => client.terminate() },
    vscode.window.registerTreeDataProvider('groundwork.sources', sourcesView),
    vscode.languages.registerCompletionItemProvider(SELECTOR, new CitationCompletionProvider(client, corpus, checker), '@', '{', ','),
    vscode.languages.registerHoverProvider(SELECTOR, new GroundworkHoverProvider(client, corpus, checker)),
    vscode.languages.registerCodeActionsProvider(SELECTOR, new GroundworkCodeActions(corpus, checker, ignores), {
      providedCodeActionKinds: GroundworkCodeActions.kinds,
    }),
    vscode.commands.registerCommand('groundwork.reindexCorpus', async () => {
      log.info('Re-indexing the corpus (command).');
      await corpus.reindexAll();
      return corpus.totals.sources;
    }),
    vscode.commands.registerCommand('groundwork.reconnectServer', async () => {
      log.info('Connecting to the team corpus server again (command).');
      await corpus.reconnect();
      return [...corpus.folders.values()].map((fc) => fc.server?.state ?? 'none');
    }),
    vscode.commands.registerCommand('groundwork.setServerPassword', (password?: string) => setServerPassword(corpus, password)),
    vscode.commands.registerCommand('groundwork.ingestCorpus', (options?: { confirmed?: boolean }) => ingestCorpus(client, corpus, log, options?.confirmed === true)),
    vscode.commands.registerCommand('groundwork.checkDocument', async (uri?: vscode.Uri) => {
      const doc = uri ? await vscode.workspace.openTextDocument(uri) : vscode.window.activeTextEditor?.document;
      if (!doc || !checker.isDraft(doc)) {
        void vscode.window.showInformationMessage('Groundwork checks Markdown, LaTeX and plain-text drafts (not the sources). Open one first.');
        return [];
      }
      return checker.checkNow(doc, 'command');
    }),
    vscode.commands.registerCommand('groundwork.checkWorkspace', () =>
      vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: 'Groundwork: checking all drafts', cancellable: true },
        async (_p, token) => {
          const r = await checker.checkWorkspace(token);
          void vscode.window.showInformationMessage(`Groundwork checked ${r.files} draft${r.files === 1 ? '' : 's'}: ${r.findings} finding${r.findings === 1 ? '' : 's'}.`);
          return r;
        },
      ),
    ),
    vscode.commands.registerCommand(OPEN_EVIDENCE, async (uriOrString: string | vscode.Uri, range: CoreRange) => {
      const uri = typeof uriOrString === 'string' ? vscode.Uri.parse(uriOrString) : uriOrString;
      // PDF and Word sources open as their extracted text, at the passage, with its page.
      const fc = corpus.forUri(uri);
      const rel = fc?.relPath(uri);
      if (fc && rel !== undefined && isExtractedSource(rel)) return sourceViews.open(fc, rel, range);
      const r = toRange(range);
      const editor = await vscode.window.showTextDocument(uri, { selection: r, preview: true, viewColumn: vscode.ViewColumn.Beside });
      editor.revealRange(r, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
      return editor;
    }),
    vscode.commands.registerCommand(IGNORE_FOR_TEAM, (uri: string, sentence: string) => ignoreForTeam(ignores, uri, sentence)),
    vscode.commands.registerCommand('groundwork.showEvidence', () => showEvidence(checker, corpus)),
    vscode.commands.registerCommand('groundwork.insertCitation', (key?: string) => insertCitation(client, corpus, checker, key)),
  );

  // Everything below runs after activate() has returned.
  const starting = activity.begin();
  setImmediate(() => {
    try {
      corpus.start();
      checker.start();
    } finally {
      starting();
    }
  });

  return {
    whenIdle: () => activity.whenIdle(),
    onDidIndex: corpus.onDidIndex,
    onDidCheck: checker.onDidCheck,
    onDidSaveIndex: corpus.onDidSaveIndex,
    engineMode: () => client.mode,
    sources: (uri) => (uri ? corpus.forUri(uri) : corpus.folders.values().next().value)?.sources ?? [],
    findings: (doc) => checker.current(doc),
    statusText: () => statusBar.text,
    server: (uri) => {
      const s = (uri ? corpus.forUri(uri) : corpus.folders.values().next().value)?.server;
      return s ? { where: s.where, state: s.state, ...(s.message ? { message: s.message } : {}) } : undefined;
    },
    restartFromCache: () => Promise.all([...corpus.folders.values()].map((fc) => fc.indexAll('initial', { useCache: true }))).then(() => undefined),
    indexCacheUri: async (uri) => (await (uri ? corpus.forUri(uri) : corpus.folders.values().next().value)?.cacheUris())?.index,
    lastOpenedPassage: () => sourceViews.last,
  };
}

export function deactivate(): void {
  // Disposables registered in activate() stop the worker and the watchers.
}

interface EvidenceItem extends vscode.QuickPickItem {
  uri?: vscode.Uri;
  range?: CoreRange;
}

/** QuickPick of the evidence for the sentence at the cursor (no webview). Returns the items shown. */
async function showEvidence(checker: DraftChecker, corpus: CorpusManager): Promise<EvidenceItem[]> {
  const editor = vscode.window.activeTextEditor;
  if (!editor || !checker.isDraft(editor.document)) {
    void vscode.window.showInformationMessage('Groundwork: put the cursor in a sentence of a draft.');
    return [];
  }
  const pos = editor.selection.active;
  const findings = await checker.findings(editor.document);
  const f = findings.find((x) => toRange(x.range).contains(pos) && x.verdict !== 'none');
  if (!f) {
    void vscode.window.showInformationMessage('Groundwork: the sentence at the cursor is not a checked claim.');
    return [];
  }
  const fc = corpus.forUri(editor.document.uri);
  const items: EvidenceItem[] = f.evidence.map((e) => ({
    label: `$(quote) ${clip(e.text, 90)}`,
    description: [e.key, e.title, e.date].filter(Boolean).join(' · '),
    detail: clip(e.text, 300),
    uri: corpus.sourceUri(fc, e.source),
    range: e.range,
  }));
  const qp = vscode.window.createQuickPick<EvidenceItem>();
  qp.title = `Groundwork: ${verdictLabel(f)}${f.reasons.length ? ` (${clip(f.reasons.map((r) => r.message).join('; '), 120)})` : ''}`;
  qp.placeholder = items.length ? 'Pick a passage to open it in its source' : 'No passage in the corpus matches this sentence';
  qp.items = items;
  qp.matchOnDescription = true;
  qp.matchOnDetail = true;
  qp.onDidAccept(() => {
    const pick = qp.selectedItems[0];
    qp.hide();
    if (pick?.uri && pick.range) void vscode.commands.executeCommand(OPEN_EVIDENCE, pick.uri.toString(), pick.range);
  });
  qp.onDidHide(() => qp.dispose());
  qp.show();
  return items;
}

/** Insert a citation at the cursor, chosen from a QuickPick ranked by support (or `key` directly). */
async function insertCitation(
  client: EngineClient,
  corpus: CorpusManager,
  checker: DraftChecker,
  key?: string,
): Promise<string | undefined> {
  const editor = vscode.window.activeTextEditor;
  const format = editor ? draftFormat(editor.document.languageId) : undefined;
  if (!editor || !format || !checker.isDraft(editor.document)) {
    void vscode.window.showInformationMessage('Groundwork: open a Markdown, LaTeX or plain-text draft to insert a citation.');
    return undefined;
  }
  const fc = corpus.forUri(editor.document.uri);
  if (!fc) return undefined;
  const insert = async (k: string): Promise<string> => {
    const text = citationText(format, k);
    await editor.edit((b) => b.replace(editor.selection, text));
    return text;
  };
  if (key) return insert(key);
  const doc = editor.document;
  const sentence = sentenceForCitation(doc.getText(), doc.offsetAt(editor.selection.active), format);
  const suggestions = sentence ? await client.suggest(fc.queryId, sentence, Math.min(SUGGEST_LIMIT, fc.sources.length)) : [];
  const rank = new Map(suggestions.map((s, i) => [s.key, { i, s }]));
  const ordered = [...fc.sources].sort((a, b) => (rank.get(a.key)?.i ?? 1e9) - (rank.get(b.key)?.i ?? 1e9) || a.key.localeCompare(b.key));
  const picked = await vscode.window.showQuickPick(
    ordered.map((s) => {
      const hit = rank.get(s.key)?.s;
      return {
        label: s.key,
        description: [s.title, s.date].filter(Boolean).join(' · '),
        detail: hit?.passage && hit.score > 0 ? `${Math.round(hit.score * 100)}% · ${clip(hit.passage.text, 160)}` : undefined,
      };
    }),
    { title: 'Groundwork: insert citation', placeHolder: 'Sources ranked by how well they support the sentence at the cursor', matchOnDescription: true, matchOnDetail: true },
  );
  return picked ? insert(picked.label) : undefined;
}

/** Store the password of the team corpus server in VS Code's secret storage (never in settings). */
async function setServerPassword(corpus: CorpusManager, given?: string): Promise<boolean> {
  const folders = [...corpus.folders.values()];
  const fc = folders.find((f) => f.server) ?? folders[0];
  const target = fc ? corpus.serverTarget(fc.folder) : undefined;
  if (!fc || !target) {
    void vscode.window.showInformationMessage('Groundwork: no team corpus server is configured (setting groundwork.corpus.server or GROUNDWORK_DATABASE_URL).');
    return false;
  }
  const password =
    given ??
    (await vscode.window.showInputBox({
      title: `Groundwork: password for ${redactUrl(target.url)}`,
      prompt: 'Kept in VS Code\'s secret storage on this machine; empty to forget it.',
      password: true,
      ignoreFocusOut: true,
    }));
  if (password === undefined) return false;
  await corpus.setServerPassword(target.url, password);
  await corpus.reconnect();
  return true;
}

/**
 * Ingest each folder's corpus files into its team corpus server, after the user confirms
 * (the server's copy of the corpus changes for the whole team). Runs in the engine worker.
 */
async function ingestCorpus(client: EngineClient, corpus: CorpusManager, log: vscode.LogOutputChannel, confirmed: boolean): Promise<IngestResult[]> {
  if (!vscode.workspace.isTrusted) {
    void vscode.window.showWarningMessage('Groundwork: ingesting into the team corpus server needs a trusted workspace.');
    return [];
  }
  const out: IngestResult[] = [];
  for (const fc of corpus.folders.values()) {
    const target = corpus.serverTarget(fc.folder);
    if (!target) continue;
    if (target.problem) {
      void vscode.window.showErrorMessage(`Groundwork: groundwork.corpus.server of ${fc.folder.name}: ${target.problem}`);
      continue;
    }
    if (fc.folder.uri.scheme !== 'file') {
      void vscode.window.showErrorMessage(`Groundwork: ${fc.folder.name} is not a local folder; ingest it with \`groundwork ingest\` where the files are.`);
      continue;
    }
    const where = redactUrl(target.url);
    const uris = await fc.findSources();
    const files = uris.map((u) => fc.relPath(u)!).filter((r) => r !== undefined && !r.startsWith('../'));
    if (!confirmed) {
      const ok = await vscode.window.showWarningMessage(
        `Ingest the ${files.length} corpus file${files.length === 1 ? '' : 's'} of ${fc.folder.name} into the team corpus on ${where}? Sources on the server that match this folder's corpus settings but are not in it are removed for everyone.`,
        { modal: true },
        'Ingest',
      );
      if (ok !== 'Ingest') continue;
    }
    const password = await corpus.serverPassword(target.url);
    try {
      const r = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: `Groundwork: ingesting ${files.length} files into ${where}` },
        () => client.ingest(fc.serverId, { url: target.url, ...(password ? { password } : {}), root: fc.folder.uri.fsPath, files, config: fc.config }),
      );
      const line = `${r.added} added, ${r.updated} updated, ${r.removed} removed, ${r.unchanged} unchanged, ${r.skipped} skipped (${(r.ms / 1000).toFixed(1)} s)`;
      log.info(`${fc.folder.name}: ingested into ${where}: ${line}.`);
      for (const w of r.warnings) log.warn(`${fc.folder.name}/${w.path}: ${w.message} [source.${w.code}]`);
      void vscode.window.showInformationMessage(`Groundwork: ingested ${fc.folder.name} into ${where}: ${line}.`);
      out.push(r);
    } catch (e) {
      log.error(`${fc.folder.name}: ingest into ${where} failed: ${(e as Error).message}`);
      void vscode.window.showErrorMessage(`Groundwork: ingest into ${where} failed: ${(e as Error).message}`);
    }
  }
  if (out.length) await corpus.reconnect();
  return out;
}
