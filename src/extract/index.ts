/**
 * Text extraction for binary sources, run where the bytes are read (the engine worker and
 * the CLI), never on the extension host: PDF through pdf.js (`pdfjs-dist`, legacy build for
 * Node), Word (.docx) through mammoth. The result goes to `Engine.upsertSource` with the
 * original bytes (src/core/corpus/extracted.ts).
 *
 * Never throws: a file that cannot be read comes back with `failure` (encrypted, no text
 * layer, malformed), which the engine reports as a warning on the file.
 */
import { Parser } from 'htmlparser2';
import { extractHtml } from '../core/corpus/html';
import { layoutPdf, type ExtractedKind, type ExtractedSource, type PdfPage } from '../core/corpus/extracted';
import { extractedKind } from '../core/corpus/parse';

export { extractedKind };

/** Extract the text of a PDF or Word file. */
export async function extractSource(path: string, bytes: Uint8Array): Promise<ExtractedSource> {
  const kind = extractedKind(path);
  if (!kind) throw new Error(`not a PDF or Word file: ${path}`);
  try {
    return kind === 'pdf' ? await extractPdf(bytes) : kind === 'odt' ? await extractOdt(bytes) : await extractDocx(bytes);
  } catch (e) {
    const what = kind === 'pdf' ? 'PDF' : kind === 'odt' ? 'OpenDocument file' : 'Word file';
    return failed(kind, 'malformed', `skipped, the ${what} could not be read (${errorText(e)})`);
  }
}

function failed(kind: ExtractedKind, code: NonNullable<ExtractedSource['failure']>['code'], message: string): ExtractedSource {
  return { kind, text: '', blocks: [], meta: {}, failure: { code, message } };
}

function errorText(e: unknown): string {
  const m = e instanceof Error ? e.message : String(e);
  return m.replace(/\s+/g, ' ').trim().slice(0, 200) || 'unknown error';
}

// ---- PDF ------------------------------------------------------------------------------

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
let pdfjsLib: PdfJs | undefined;

/** pdf.js, with its worker code run in this thread (we already are off the UI thread). */
async function pdfjs(): Promise<PdfJs> {
  if (!pdfjsLib) {
    const g = globalThis as { pdfjsWorker?: unknown; DOMMatrix?: unknown };
    // pdf.js builds one DOMMatrix when it loads, for canvas rendering, which text extraction
    // never does; in Node it would load @napi-rs/canvas for it. An inert stand-in is enough.
    g.DOMMatrix ??= class DOMMatrix {
      a = 1; b = 0; c = 0; d = 1; e = 0; f = 0;
    };
    // Loading warns on the console that canvas rendering cannot work ("Cannot polyfill ..."):
    // true, and irrelevant to text extraction; keep it out of the CLI's output.
    const { log, warn } = console;
    console.log = console.warn = () => undefined;
    try {
      // The bundled "fake worker": pdf.js looks for globalThis.pdfjsWorker before importing a worker file.
      g.pdfjsWorker = await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
      pdfjsLib = await import('pdfjs-dist/legacy/build/pdf.mjs');
    } finally {
      console.log = log;
      console.warn = warn;
    }
  }
  return pdfjsLib;
}

/** A PDF that takes longer than this to read is given up (it would hold up every file after it). */
export const PDF_TIMEOUT_MS = 120_000;

class Timeout extends Error {
  override name = 'Timeout';
}

/** The library's own text extraction: every page's positioned text items (also used by the benchmark). */
export async function pdfPages(bytes: Uint8Array, timeoutMs = PDF_TIMEOUT_MS): Promise<{ pages: PdfPage[]; info: Record<string, unknown> }> {
  const lib = await pdfjs();
  // pdf.js takes ownership of (detaches) the buffer it is given: hand it a copy.
  const task = lib.getDocument({
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    stopAtErrors: false,
    verbosity: 0,
  });
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Timeout(`reading it took longer than ${Math.round(timeoutMs / 1000)} s`)), timeoutMs);
  });
  try {
    return await Promise.race([readPages(task), deadline]);
  } finally {
    clearTimeout(timer);
    await task.destroy();
  }
}

async function readPages(task: ReturnType<PdfJs['getDocument']>): Promise<{ pages: PdfPage[]; info: Record<string, unknown> }> {
  const doc = await task.promise;
  const meta = await doc.getMetadata().catch(() => undefined);
  const pages: PdfPage[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const content = await page.getTextContent();
    const items: PdfPage['items'] = [];
    for (const it of content.items) {
      if (!('str' in it)) continue;
      items.push({ str: it.str, x: it.transform[4], y: it.transform[5], width: it.width, size: it.height, hasEOL: it.hasEOL });
    }
    pages.push({ items, height: page.view[3] - page.view[1] });
    page.cleanup();
  }
  return { pages, info: (meta?.info as Record<string, unknown>) ?? {} };
}

async function extractPdf(bytes: Uint8Array): Promise<ExtractedSource> {
  let got: Awaited<ReturnType<typeof pdfPages>>;
  try {
    got = await pdfPages(bytes);
  } catch (e) {
    const name = (e as { name?: string }).name;
    if (name === 'PasswordException') return failed('pdf', 'encrypted', 'skipped, the PDF is password-protected');
    if (name === 'InvalidPDFException') return failed('pdf', 'malformed', `skipped, not a valid PDF (${errorText(e)}); it may be truncated or damaged`);
    if (name === 'Timeout') return failed('pdf', 'malformed', `skipped, ${errorText(e)}`);
    throw e;
  }
  const laid = layoutPdf(got.pages);
  if (laid.text.trim() === '') {
    return { ...failed('pdf', 'no-text-layer', `skipped, no text layer: OCR is not supported (${got.pages.length} page${got.pages.length === 1 ? '' : 's'} of images only)`), pages: got.pages.length };
  }
  const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v.trim() : undefined);
  const notes: string[] = [];
  if (laid.dropped > 0) notes.push(`${laid.dropped} running header, footer or page-number line${laid.dropped === 1 ? '' : 's'} left out`);
  return {
    kind: 'pdf',
    text: laid.text,
    blocks: laid.blocks,
    pageStarts: laid.pageStarts,
    pages: laid.pages,
    meta: { title: str(got.info.Title), author: str(got.info.Author) },
    notes,
  };
}

// ---- Word ------------------------------------------------------------------------------

const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];

async function extractDocx(bytes: Uint8Array): Promise<ExtractedSource> {
  if (CFB_MAGIC.every((b, i) => bytes[i] === b)) {
    // Password-protected Office files are stored in a Compound File, as old .doc files are.
    return failed('docx', 'encrypted', 'skipped, the Word file is password-protected (or an old binary .doc saved as .docx)');
  }
  if (!(bytes[0] === 0x50 && bytes[1] === 0x4b)) return failed('docx', 'malformed', 'skipped, not a valid .docx file (it is not a ZIP package)');
  const mammoth = await import('mammoth');
  const result = await mammoth.convertToHtml({ buffer: bytes as unknown as Buffer });
  const h = extractHtml(result.value);
  if (h.text.trim() === '') return failed('docx', 'empty', 'skipped, no text was found in it');
  return { kind: 'docx', text: h.text, blocks: h.blocks, meta: {} };
}

// ---- OpenDocument text (.odt) --------------------------------------------------------------

const escapeHtml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * content.xml of an .odt as simple HTML (headings, paragraphs, list items), for the same
 * `extractHtml` as Word and HTML sources. Annotations, tracked deletions and note bodies
 * are left out; spaces (`text:s`), tabs and line breaks become spaces.
 */
export function odtContentToHtml(xml: string): string {
  let html = '';
  let skip = 0;
  let level = 1;
  const SKIP = new Set(['office:annotation', 'text:tracked-changes', 'text:note-body', 'text:note-citation', 'office:forms']);
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        if (SKIP.has(name)) skip++;
        if (skip) return;
        if (name === 'text:h') {
          level = Math.min(6, Math.max(1, Number(attrs['text:outline-level']) || 1));
          html += `<h${level}>`;
        }
        else if (name === 'text:p') html += '<p>';
        else if (name === 'text:s') html += ' '.repeat(Math.min(64, Number(attrs['text:c']) || 1));
        else if (name === 'text:tab' || name === 'text:line-break') html += ' ';
      },
      ontext(text) {
        if (!skip) html += escapeHtml(text);
      },
      onclosetag(name) {
        if (SKIP.has(name)) {
          skip--;
          return;
        }
        if (skip) return;
        if (name === 'text:h') html += `</h${level}>\n`;
        else if (name === 'text:p') html += '</p>\n';
      },
    },
    { xmlMode: true, decodeEntities: true },
  );
  parser.write(xml);
  parser.end();
  return html;
}

async function extractOdt(bytes: Uint8Array): Promise<ExtractedSource> {
  if (!(bytes[0] === 0x50 && bytes[1] === 0x4b)) return failed('odt', 'malformed', 'skipped, not a valid .odt file (it is not a ZIP package)');
  const { default: JSZip } = await import('jszip');
  const zip = await JSZip.loadAsync(bytes);
  const manifest = await zip.file('META-INF/manifest.xml')?.async('string');
  if (manifest && /encryption-data/.test(manifest)) return failed('odt', 'encrypted', 'skipped, the OpenDocument file is password-protected');
  const content = await zip.file('content.xml')?.async('string');
  if (content === undefined) return failed('odt', 'malformed', 'skipped, not an OpenDocument text (no content.xml)');
  const h = extractHtml(odtContentToHtml(content));
  if (h.text.trim() === '') return failed('odt', 'empty', 'skipped, no text was found in it');
  return { kind: 'odt', text: h.text, blocks: h.blocks, meta: {} };
}
