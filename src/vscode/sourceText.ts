/**
 * PDF, Word and OpenDocument sources opened at a passage: a read-only text view of the extracted text
 * (a virtual document, scheme `groundwork-source`), scrolled to the passage and
 * highlighting it, with its page; the original file is one click away (a CodeLens).
 * The text comes from the engine worker, which extracted it when indexing.
 */
import * as vscode from 'vscode';
import type { Range as CoreRange } from '../core/types';
import { toRange } from './convert';
import type { CorpusManager, FolderCorpus } from './corpus';
import type { EngineClient } from './engineClient';

export const SOURCE_SCHEME = 'groundwork-source';
export const OPEN_ORIGINAL = 'groundwork.openOriginal';

/** Whether a source path is a binary kind shown through its extracted text. */
export function isExtractedSource(path: string): boolean {
  return /\.(?:pdf|docx|odt)$/i.test(path);
}

/** What the last "open at passage" showed (for the status and the integration tests). */
export interface OpenedPassage {
  uri: vscode.Uri;
  original: vscode.Uri;
  range: vscode.Range;
  page?: number;
}

export class SourceTextViews implements vscode.TextDocumentContentProvider, vscode.CodeLensProvider, vscode.Disposable {
  private readonly highlight = vscode.window.createTextEditorDecorationType({
    backgroundColor: new vscode.ThemeColor('editor.findMatchHighlightBackground'),
    border: '1px solid',
    borderColor: new vscode.ThemeColor('editor.findMatchBorder'),
    isWholeLine: false,
  });
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  private readonly lensChanged = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.lensChanged.event;
  last: OpenedPassage | undefined;
  private readonly meta = new Map<string, { original: vscode.Uri; kind?: string; pages?: number }>();

  constructor(
    private readonly client: EngineClient,
    private readonly corpus: CorpusManager,
  ) {}

  /** The virtual document of a source of a folder: `groundwork-source:/<path> (text)?<folder>`. */
  uriFor(fc: FolderCorpus, rel: string): vscode.Uri {
    return vscode.Uri.from({ scheme: SOURCE_SCHEME, path: `/${rel} (text)`, query: fc.folder.uri.toString() });
  }

  private locate(uri: vscode.Uri): { fc: FolderCorpus; rel: string } | undefined {
    const fc = this.corpus.folders.get(uri.query);
    if (!fc) return undefined;
    return { fc, rel: uri.path.replace(/^\//, '').replace(/ \(text\)$/, '') };
  }

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    const at = this.locate(uri);
    if (!at) return 'Groundwork: this source is not in an open workspace folder.';
    const r = await this.client.sourceText(at.fc.engineId, at.rel);
    if (!r) return `Groundwork: ${at.rel} is not indexed (see the Groundwork output for its warnings).`;
    this.meta.set(uri.toString(), { original: at.fc.uriOf(at.rel), kind: r.kind, pages: r.pages });
    return r.text;
  }

  provideCodeLenses(doc: vscode.TextDocument): vscode.CodeLens[] {
    const m = this.meta.get(doc.uri.toString());
    if (!m) return [];
    const what = m.kind === 'pdf' ? `PDF${m.pages !== undefined ? `, ${m.pages} page${m.pages === 1 ? '' : 's'}` : ''}` : m.kind === 'odt' ? 'OpenDocument file' : 'Word document';
    const lenses = [
      new vscode.CodeLens(new vscode.Range(0, 0, 0, 0), { title: `Text extracted from the ${what} (read-only)`, command: '' }),
      new vscode.CodeLens(new vscode.Range(0, 0, 0, 0), { title: 'Open the original', command: OPEN_ORIGINAL, arguments: [m.original] }),
    ];
    const l = this.last;
    if (l && l.uri.toString() === doc.uri.toString() && l.page !== undefined) {
      lenses.push(new vscode.CodeLens(new vscode.Range(l.range.start, l.range.start), { title: `p. ${l.page} of the original`, command: OPEN_ORIGINAL, arguments: [m.original] }));
    }
    return lenses;
  }

  /** Open the extracted text of a PDF or Word source at a passage. */
  async open(fc: FolderCorpus, rel: string, range: CoreRange): Promise<vscode.TextEditor> {
    const uri = this.uriFor(fc, rel);
    const r = toRange(range);
    const text = await this.client.sourceText(fc.engineId, rel);
    const passage = text?.passages.find(
      (p) => p.range.start.line === range.start.line && p.range.start.character <= range.start.character && (p.range.end.line > range.start.line || p.range.end.character > range.start.character),
    );
    this.last = { uri, original: fc.uriOf(rel), range: r, page: passage?.page };
    this.changed.fire(uri);
    const doc = await vscode.workspace.openTextDocument(uri);
    const editor = await vscode.window.showTextDocument(doc, { selection: new vscode.Range(r.start, r.start), preview: true, viewColumn: vscode.ViewColumn.Beside });
    editor.revealRange(r, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    editor.setDecorations(this.highlight, [
      {
        range: r,
        hoverMessage: passage?.page !== undefined ? `p. ${passage.page} of ${rel}` : rel,
        renderOptions: passage?.page !== undefined ? { after: { contentText: `  p. ${passage.page}`, color: new vscode.ThemeColor('editorCodeLens.foreground'), fontStyle: 'italic' } } : undefined,
      },
    ]);
    this.lensChanged.fire();
    return editor;
  }

  dispose(): void {
    this.highlight.dispose();
    this.changed.dispose();
    this.lensChanged.dispose();
  }
}
