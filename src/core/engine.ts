/**
 * The engine facade: the one object the CLI and the VS Code glue talk to.
 *
 * Synchronous and pure (no I/O): callers hand in file bytes, drafts and cached index
 * bytes. Per-file work is small (parse one file, index its passages), so adapters can
 * chunk it or move it to a worker.
 */
import type { BibliographyEntry, CheckOptions, Engine, EngineOptions, UpsertResult } from './api';
import { hitAt, type PassageHit, type Retriever, type SearchOptions } from './retrieval';
import type { Finding, LanguageCode, LoadWarning, SourceDocument, SourceSuggestion } from './types';
import { indexTermIds, indexTerms } from './analysis/terms';
import { LEMMA_TABLES } from './analysis/lemmas';
import { SYNONYM_TABLES } from './analysis/synonyms';
import { STOP_LISTS } from './analysis/stopwords';
import { VARIANT_TABLE } from './analysis/variants';
import { DEFAULT_MAX_FILE_BYTES, extractedKind, parseSource } from './corpus/parse';
import type { ExtractedSource } from './corpus/extracted';
import { linkEntries, parseBibliography, type BibEntry, type BibFile } from './corpus/bibliography';
import { citationKey, fullKey, groupKeys, pathSuffix } from './corpus/keys';
import { checkDraft } from './check';
import { PassageIndex } from './index/passageIndex';
import { analyzeQuery, passageTerms, queryTermUnion, termLanguage } from './index/query';
import { contentHash, stringHash, CacheError } from './index/codec';
import { decodeState, encodeState, INDEX_FORMAT_VERSION, passageTie, type StoredState } from './index/store';

export { CacheError } from './index/codec';
export type { Engine, EngineOptions } from './api';

interface Entry {
  slot: number;
  doc: SourceDocument;
  bytesHash: string;
  keyBase: string;
  /** The key: the base key alone, or the full key when others share the base (see keys.ts). */
  key: string;
  /** Warnings of the last successful load of this file. */
  loadWarnings: LoadWarning[];
}

/** Term ids of the document being added (reused). */
const TERM_IDS: number[] = [];

const termLang = termLanguage;

let fingerprintCache: number | undefined;

/** A hit of the local index: the whole document at hand. */
export interface LocalHit extends PassageHit {
  doc: SourceDocument;
}

/** What the local index answers synchronously besides the Engine API (tests, benchmarks, verification's LocalRetriever). */
export interface LocalSearch {
  /** Rank passages for free text, best first (ties: lower passage slot). */
  search(text: string, options?: SearchOptions): LocalHit[];
  /** This corpus as verification reads it; `exclude`: a document never returned (a draft's own file). */
  retriever(exclude?: string): Retriever;
}

/** Changes when the index term analyzer changes, so stale caches are rebuilt. */
export function analyzerFingerprint(): number {
  if (fingerprintCache === undefined) {
    const probe =
      "The ferry's 224 passengers, running quickly, were counted on 5 Jan. 2018 by Dr. Smith-Jones; " +
      'De veerboot vervoerde 3.500 passagiers op woensdag, volgens de gemeentelijke begrotingen en Havenbond-voorzitter Mara Vell.';
    // The word tables (irregular forms, stop words, concepts, name variants) reach only the
    // words they list, which the probe cannot all hold.
    const tables = stringHash([LEMMA_TABLES, STOP_LISTS, SYNONYM_TABLES, VARIANT_TABLE].join('\n'));
    const sig = JSON.stringify([indexTerms(probe, 'en'), indexTerms(probe, 'nl'), INDEX_FORMAT_VERSION, tables]);
    fingerprintCache = stringHash(sig);
  }
  return fingerprintCache;
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}


class GroundworkEngine implements Engine, LocalSearch {
  private readonly options: EngineOptions;
  private index = new PassageIndex();
  private readonly bySlot = new Map<number, Entry>();
  private readonly byPath = new Map<string, Entry>();
  private readonly byKey = new Map<string, Entry>();
  /** Files skipped with warnings: path -> bytes hash. */
  private readonly skipped = new Map<string, string>();
  private readonly warn = new Map<string, LoadWarning[]>();
  /** keyBase -> paths with that base key, and how many of them have each short path suffix. */
  private readonly groups = new Map<string, { paths: Set<string>; suffixes: Map<string, number> }>();
  private readonly langCount = new Map<LanguageCode, number>();
  private nextSlot = 0;
  private sorted: SourceDocument[] | undefined;
  // The bibliography layer (setBibliography): entries, which document each is linked to, and
  // the linked documents' own metadata. Derived keys (keys.ts) stay as they are underneath.
  private bib: BibEntry[] = [];
  private bibWarnings: LoadWarning[] = [];
  /** Bibliography keys that are also another document's derived key (recomputed on linking). */
  private bibClashes: LoadWarning[] = [];
  private bibByKey = new Map<string, BibEntry>();
  /** Document path -> its entry. */
  private bibLinked = new Map<string, BibEntry>();
  /** Entry key -> linked document path. */
  private bibPathOf = new Map<string, string>();
  private bibDirty = false;
  private readonly ownMeta = new WeakMap<SourceDocument, Pick<SourceDocument, 'title' | 'author' | 'date'>>();

  constructor(options: EngineOptions = {}, state?: StoredState) {
    this.options = options;
    if (state) {
      this.index = state.index;
      state.docs.forEach((d, slot) => {
        const e: Entry = {
          slot,
          doc: d.doc,
          bytesHash: d.bytesHash,
          keyBase: d.keyBase,
          key: '',
          loadWarnings: [],
        };
        this.bySlot.set(slot, e);
        this.byPath.set(e.doc.path, e);
        // Keys are recomputed, not trusted from the file: the rule alone decides them.
        this.addToGroup(e);
        this.countLang(e.doc.language, 1);
      });
      this.nextSlot = state.docs.length;
      for (const s of state.skipped) this.skipped.set(s.path, s.bytesHash);
      for (const [path, ws] of state.warnings) {
        this.warn.set(path, ws);
        const e = this.byPath.get(path);
        if (e) e.loadWarnings = ws.filter((w) => w.code !== 'unreadable');
      }
    }
  }

  // ---- bookkeeping -------------------------------------------------------------------

  private countLang(lang: LanguageCode, d: number): void {
    this.langCount.set(lang, (this.langCount.get(lang) ?? 0) + d);
  }

  /**
   * Keys are a function of the corpus (see keys.ts): a base key shared by no other
   * document, else the full key (base, `-`, a hash of the path). Adding or removing a
   * document re-keys at most its own collision group, and only when the group changes
   * between one and several members (or two short path hashes coincide): constant work
   * per document, whatever the order of indexing.
   */
  private addToGroup(e: Entry): void {
    let g = this.groups.get(e.keyBase);
    if (!g) this.groups.set(e.keyBase, (g = { paths: new Set(), suffixes: new Map() }));
    g.paths.add(e.doc.path);
    const suf = pathSuffix(e.doc.path);
    const n = (g.suffixes.get(suf) ?? 0) + 1;
    g.suffixes.set(suf, n);
    if (g.paths.size <= 2 || n > 1) this.rekeyGroup(e.keyBase);
    else this.setKey(e, fullKey(e.keyBase, e.doc.path));
  }

  private removeFromGroup(e: Entry): void {
    const g = this.groups.get(e.keyBase);
    if (!g || !g.paths.delete(e.doc.path)) return;
    const suf = pathSuffix(e.doc.path);
    const n = (g.suffixes.get(suf) ?? 1) - 1;
    if (n > 0) g.suffixes.set(suf, n);
    else g.suffixes.delete(suf);
    if (g.paths.size === 0) this.groups.delete(e.keyBase);
    else if (g.paths.size === 1 || n === 1) this.rekeyGroup(e.keyBase);
  }

  private rekeyGroup(base: string): void {
    const g = this.groups.get(base);
    if (!g) return;
    for (const [path, key] of groupKeys(base, g.paths)) {
      const e = this.byPath.get(path);
      if (e && e.key !== key) this.setKey(e, key);
    }
  }

  private setKey(e: Entry, key: string): void {
    if (e.key && this.byKey.get(e.key) === e) this.byKey.delete(e.key);
    e.key = key;
    // A document linked to a bibliography entry shows the entry's key: link again.
    if (this.bibLinked.has(e.doc.path)) this.bibDirty = true;
    Object.defineProperty(e.doc, 'key', { configurable: true, enumerable: true, writable: true, value: key });
    this.byKey.set(key, e);
  }

  /** The documents whose base key is `key` when several share it (a citation of it is ambiguous). */
  ambiguousKey(key: string): string[] | undefined {
    const g = this.groups.get(key);
    if (!g || g.paths.size < 2) return undefined;
    return [...g.paths].map((p) => this.byPath.get(p)?.key ?? p).sort(cmp);
  }

  /** A document by its full key (`base-suffix`), which every document answers to, even one whose base key is its key. */
  private byFullKey(key: string): Entry | undefined {
    const dash = key.lastIndexOf('-');
    if (dash <= 0) return undefined;
    const g = this.groups.get(key.slice(0, dash));
    const suf = key.slice(dash + 1);
    if (!g || (suf.length !== 4 && suf.length !== 12)) return undefined;
    for (const p of g.paths) if (pathSuffix(p, suf.length) === suf) return this.byPath.get(p);
    return undefined;
  }

  private passageTerms(doc: SourceDocument): string[][] {
    return doc.passages.map((p) => passageTerms(p.text, doc.language));
  }

  private dropEntry(e: Entry): void {
    this.index.removeDocument(e.slot, this.passageTerms(e.doc));
    this.bySlot.delete(e.slot);
    this.byPath.delete(e.doc.path);
    if (e.key && this.byKey.get(e.key) === e) this.byKey.delete(e.key);
    this.removeFromGroup(e);
    this.countLang(e.doc.language, -1);
    this.sorted = undefined;
  }

  // ---- Engine: corpus ----------------------------------------------------------------

  needsExtraction(path: string, bytes: Uint8Array): boolean {
    if (!extractedKind(path)) return false;
    if (bytes.length > (this.options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES)) return false;
    const bytesHash = contentHash(bytes);
    if (this.byPath.get(path)?.bytesHash === bytesHash) return false;
    return this.skipped.get(path) !== bytesHash;
  }

  upsertSource(path: string, bytes: Uint8Array, extracted?: ExtractedSource): UpsertResult {
    const bytesHash = contentHash(bytes);
    const old = this.byPath.get(path);
    if (old && old.bytesHash === bytesHash) {
      this.setWarnings(path, old.loadWarnings);
      return { document: old.doc, warnings: old.loadWarnings, changed: false };
    }
    if (!old && this.skipped.get(path) === bytesHash) {
      const ws = (this.warn.get(path) ?? []).filter((w) => w.code !== 'unreadable');
      this.setWarnings(path, ws);
      return { warnings: ws, changed: false };
    }

    let parsed: ReturnType<typeof parseSource>;
    try {
      parsed = parseSource(path, bytes, {
        maxFileBytes: this.options.maxFileBytes,
        maxPassagesPerFile: this.options.maxPassagesPerFile,
        hash: bytesHash, // hashed once per upsert
        extracted,
      });
    } catch (err) {
      parsed = {
        warnings: [
          { path, code: 'malformed', message: `could not parse: ${(err as Error).message}`, skipped: true },
        ],
      };
    }
    const warnings = dedupeWarnings([...parsed.warnings, ...(parsed.doc?.warnings ?? [])]);
    if (old) this.dropEntry(old);
    this.skipped.delete(path);

    if (!parsed.doc) {
      this.skipped.set(path, bytesHash);
      this.setWarnings(path, warnings);
      return { warnings, changed: true };
    }

    const doc = { ...parsed.doc, key: '' } as SourceDocument;
    const slot = this.nextSlot++;
    const keyBase = citationKey({
      path: doc.path,
      title: doc.title,
      date: doc.date,
      author: doc.author,
      outlet: doc.outlet,
    });
    const e: Entry = { slot, doc, bytesHash, keyBase, key: '', loadWarnings: warnings };
    // Terms straight to term ids (a repeated word's ids are cached with its analysis).
    const lang = termLang(doc.language);
    const ids = TERM_IDS;
    const offsets = [0];
    ids.length = 0;
    for (const p of doc.passages) {
      indexTermIds(p.text, lang, this.index, ids);
      offsets.push(ids.length);
    }
    this.index.addDocumentIds(slot, ids, offsets, doc.passages.map((p) => passageTie(p.id)));
    if (ids.length > 1 << 16) TERM_IDS.length = 0;
    else ids.length = 0;
    this.bySlot.set(slot, e);
    this.byPath.set(path, e);
    this.addToGroup(e);
    this.countLang(doc.language, 1);
    this.sorted = undefined;
    this.bibDirty = this.bib.length > 0;
    this.setWarnings(path, warnings);
    return { document: doc, warnings, changed: true };
  }

  private setWarnings(path: string, ws: LoadWarning[]): void {
    if (ws.length) this.warn.set(path, ws);
    else this.warn.delete(path);
  }

  removeSource(path: string): boolean {
    this.warn.delete(path);
    this.skipped.delete(path);
    const e = this.byPath.get(path);
    if (!e) return false;
    this.dropEntry(e);
    this.bibDirty = this.bib.length > 0;
    return true;
  }

  // ---- the bibliography layer ---------------------------------------------------------

  setBibliography(files: BibFile[]): LoadWarning[] {
    const entries: BibEntry[] = [];
    const warnings: LoadWarning[] = [];
    const seen = new Map<string, BibEntry>();
    for (const f of [...files].sort((a, b) => cmp(a.path, b.path))) {
      const r = parseBibliography(f);
      warnings.push(...r.warnings);
      for (const e of r.entries) {
        const first = seen.get(e.key);
        if (first) {
          warnings.push({ path: f.path, code: 'malformed', message: `${f.path}: line ${e.line}: the key "${e.key}" is also in ${first.bibPath}; that entry is used.`, skipped: false });
          continue;
        }
        seen.set(e.key, e);
        entries.push(e);
      }
    }
    this.unlinkAll();
    this.bib = entries;
    this.bibByKey = seen;
    this.bibWarnings = warnings;
    this.bibDirty = true;
    return warnings;
  }

  bibliography(): BibliographyEntry[] {
    this.settle();
    const pathOf = this.bibPathOf;
    return this.bib.map((e) => {
      const out: BibliographyEntry = { key: e.key, bibPath: e.bibPath, line: e.line };
      if (e.title) out.title = e.title;
      if (e.author) out.author = e.author;
      if (e.date) out.date = e.date;
      const p = pathOf.get(e.key);
      if (p) out.source = p;
      return out;
    });
  }

  /** Keys assigned, then bibliography entries linked to the current documents. */
  private settle(): void {
    if (!this.bibDirty) return;
    this.bibDirty = false;
    this.unlinkAll();
    if (this.bib.length === 0) return;
    const docs = [...this.byPath.values()].map((e) => e.doc).sort((a, b) => cmp(a.path, b.path));
    for (const [key, path] of linkEntries(this.bib, docs)) {
      const entry = this.bibByKey.get(key)!;
      const e = this.byPath.get(path)!;
      const doc = e.doc;
      this.ownMeta.set(doc, { title: doc.title, author: doc.author, date: doc.date });
      if (entry.title) doc.title = entry.title;
      if (entry.author) doc.author = entry.author;
      if (entry.date) doc.date = entry.date;
      doc.bibliography = { path: entry.bibPath, line: entry.line };
      Object.defineProperty(doc, 'key', { configurable: true, enumerable: true, writable: true, value: entry.key });
      this.bibLinked.set(path, entry);
      this.bibPathOf.set(key, path);
    }
    // A derived key equal to a bibliography key: the two would be cited alike. The linked
    // entry wins (getSource); an entry with no text gives way to the document.
    for (const e of this.byPath.values()) {
      const entry = this.bibByKey.get(e.key);
      if (!entry || this.bibLinked.get(e.doc.path) === entry) continue;
      const linked = this.bibPathOf.get(entry.key);
      this.bibClashes.push({
        path: entry.bibPath,
        code: 'malformed',
        message: `${entry.bibPath}: line ${entry.line}: the key "${entry.key}" is also the key Groundwork gave ${e.doc.path}; citations of it are checked against ${linked ?? e.doc.path}. Give the entry another key, or link it to that file.`,
        skipped: false,
      });
    }
  }

  /** Give linked documents back their own key and metadata. */
  private unlinkAll(): void {
    for (const path of this.bibLinked.keys()) {
      const e = this.byPath.get(path);
      if (!e) continue;
      const own = this.ownMeta.get(e.doc);
      if (own) {
        e.doc.title = own.title;
        if (own.author === undefined) delete e.doc.author;
        else e.doc.author = own.author;
        if (own.date === undefined) delete e.doc.date;
        else e.doc.date = own.date;
        this.ownMeta.delete(e.doc);
      }
      delete e.doc.bibliography;
      if (e.key) Object.defineProperty(e.doc, 'key', { configurable: true, enumerable: true, writable: true, value: e.key });
    }
    this.bibLinked.clear();
    this.bibPathOf.clear();
    this.bibClashes = [];
  }

  /** Bibliography keys with no document: known keys with no text to check. */
  private textlessKey(key: string): boolean {
    const entry = this.bibByKey.get(key);
    if (!entry) return false;
    return !this.bibPathOf.has(key) && !this.byKey.has(key) && !this.byPath.has(key);
  }

  reportUnreadable(path: string, message: string): void {
    const ws = (this.warn.get(path) ?? []).filter((w) => w.code !== 'unreadable');
    ws.push({ path, code: 'unreadable', message, skipped: true });
    this.warn.set(path, ws);
  }

  sources(): SourceDocument[] {
    this.settle();
    if (!this.sorted) this.sorted = [...this.byPath.values()].map((e) => e.doc).sort((a, b) => cmp(a.path, b.path));
    return this.sorted.slice();
  }


  languages(): LanguageCode[] {
    return [...this.langCount.entries()]
      .filter(([, n]) => n > 0)
      .map(([l]) => l)
      .sort(cmp);
  }

  getSource(pathOrKey: string): SourceDocument | undefined {
    if (this.bibDirty) this.settle();
    const e = this.byPath.get(pathOrKey);
    if (e) return e.doc;
    this.settle();
    const linked = this.bibPathOf.get(pathOrKey);
    if (linked !== undefined) return this.byPath.get(linked)?.doc;
    return (this.byKey.get(pathOrKey) ?? this.byFullKey(pathOrKey))?.doc;
  }

  getDocument(pathOrKey: string): SourceDocument | undefined {
    return this.getSource(pathOrKey);
  }

  warnings(): LoadWarning[] {
    if (this.bibDirty) this.settle();
    const out: LoadWarning[] = [...this.bibWarnings, ...this.bibClashes];
    for (const path of [...this.warn.keys()].sort(cmp)) out.push(...(this.warn.get(path) ?? []));
    return out;
  }

  get stats(): { documents: number; passages: number } {
    return { documents: this.byPath.size, passages: this.index.passageCount };
  }

  // ---- retrieval ---------------------------------------------------------------------

  /** Query terms per analysis language (first = the query's own language): see index/query.ts. */
  private analyzeQuery(text: string, lang: LanguageCode | undefined): { lang: LanguageCode; terms: string[] }[] {
    return analyzeQuery(text, lang, (l) => (this.langCount.get(l) ?? 0) > 0);
  }

  search(text: string, options: SearchOptions = {}): LocalHit[] {
    this.settle();
    const limit = options.limit ?? 20;
    let docSlot: number | undefined;
    if (options.docPath !== undefined) {
      const e = this.byPath.get(options.docPath) ?? this.byKey.get(options.docPath) ?? this.byFullKey(options.docPath);
      if (!e) return [];
      docSlot = e.slot;
    }
    const terms = queryTermUnion(this.analyzeQuery(text, options.language));
    const hits = this.index.search(terms, limit, { docSlot });
    const out: LocalHit[] = [];
    for (const h of hits) {
      const loc = this.index.locate(h.pid);
      const e = loc && this.bySlot.get(loc.slot);
      if (e && e.doc.passages[loc!.ordinal]) out.push({ ...hitAt(e.doc, e.doc.passages, loc!.ordinal, h.score), doc: e.doc });
    }
    return out;
  }

  // ---- Engine: checking and suggestions -----------------------------------------------

  check(text: string, options: CheckOptions): Promise<Finding[]> {
    this.settle();
    const self = options.excludeSource !== undefined ? this.byPath.get(options.excludeSource) : undefined;
    return checkDraft(this.retriever(self?.doc.path), text, {
      format: options.format,
      ignoredSentences: options.ignoredSentences,
      textlessKey: this.bib.length > 0 ? (k) => this.textlessKey(k) : undefined,
    });
  }

  /** This corpus as verification reads it; `exclude`: a document never returned (a draft's own file). */
  retriever(exclude?: string): Retriever {
    const e = exclude !== undefined ? this.byPath.get(exclude) : undefined;
    return e ? this.without(e) : this.local();
  }

  private local(): Retriever {
    return {
      search: async (text, options) => this.search(text, options),
      passagesOf: async (k, max) => {
        const doc = this.getSource(k);
        if (!doc || doc.passages.length > max) return undefined;
        return doc.passages.map((_, i) => hitAt(doc, doc.passages, i, 0));
      },
      getDocument: async (k) => this.getSource(k),
      languages: async () => this.languages(),
      ambiguousKey: async (k) => this.ambiguousKey(k),
    };
  }

  /** This corpus as a retriever that never returns document `e` (a draft's own file). */
  private without(e: Entry): Retriever {
    const path = e.doc.path;
    const skip = (d: SourceDocument | undefined) => (d && d.path === path ? undefined : d);
    const local = this.local();
    return {
      search: async (text, options = {}) => {
        if (options.docPath !== undefined && skip(this.getSource(options.docPath)) === undefined) return [];
        const limit = options.limit ?? 20;
        // Ask for enough hits that the document's own passages cannot crowd out the rest.
        const hits = this.search(text, { ...options, limit: limit + Math.min(e.doc.passages.length, 1000) });
        return hits.filter((h) => h.doc.path !== path).slice(0, limit);
      },
      passagesOf: async (k, max) => (skip(this.getSource(k)) ? local.passagesOf(k, max) : undefined),
      languages: () => local.languages(),
      getDocument: async (k) => skip(this.getSource(k)),
      ambiguousKey: (k) => local.ambiguousKey!(k),
    };
  }

  suggest(sentence: string, limit?: number): SourceSuggestion[] {
    this.settle();
    const analyses = this.analyzeQuery(sentence, undefined);
    const union = queryTermUnion(analyses);
    const k = Math.max(200, (limit ?? 20) * 10);
    const hits = this.index.search(union, k);
    // Coverage per analysis language: idf-weighted share of that analysis' terms found.
    const langTerms = analyses.map((a) => {
      const ids = new Set<number>();
      let den = 0;
      const maxIdf = Math.log(1 + (this.index.passageCount + 0.5) / 0.5);
      for (const t of a.terms) {
        const id = this.index.termId(t);
        if (id === undefined) den += maxIdf;
        else {
          ids.add(id);
          den += this.index.idf(id);
        }
      }
      return { ids, den };
    });
    const best = new Map<number, { cov: number; score: number; ordinal: number }>();
    for (const h of hits) {
      const loc = this.index.locate(h.pid);
      if (!loc) continue;
      let cov = 0;
      for (const lt of langTerms) {
        if (lt.den <= 0) continue;
        let num = 0;
        for (const id of h.matched) if (lt.ids.has(id)) num += this.index.idf(id);
        cov = Math.max(cov, num / lt.den);
      }
      const prev = best.get(loc.slot);
      if (!prev || cov > prev.cov || (cov === prev.cov && h.score > prev.score)) {
        best.set(loc.slot, { cov, score: h.score, ordinal: loc.ordinal });
      }
    }
    const ranked = [...best.entries()]
      .map(([slot, b]) => ({ e: this.bySlot.get(slot)!, ...b }))
      .filter((r) => r.e)
      .sort((a, b) => b.cov - a.cov || b.score - a.score || cmp(a.e.doc.path, b.e.doc.path));
    const out: SourceSuggestion[] = [];
    const max = limit ?? Infinity;
    const seen = new Set<number>();
    for (const r of ranked) {
      if (out.length >= max) break;
      seen.add(r.e.slot);
      const p = r.e.doc.passages[r.ordinal];
      out.push({
        ...suggestionBase(r.e.doc),
        score: Math.min(1, Math.max(0, r.cov)),
        passage: p ? { text: p.text, range: p.range, ...(p.page !== undefined ? { page: p.page } : {}) } : undefined,
      });
    }
    if (out.length < max) {
      for (const doc of this.sources()) {
        if (out.length >= max) break;
        const e = this.byPath.get(doc.path)!;
        if (seen.has(e.slot)) continue;
        out.push({ ...suggestionBase(doc), score: 0 });
      }
    }
    // Bibliography entries without a source file: known keys, no text to check.
    for (const b of this.bib) {
      if (out.length >= max) break;
      if (!this.textlessKey(b.key)) continue;
      const s: SourceSuggestion = { key: b.key, path: b.bibPath, title: b.title ?? b.key, language: 'und', score: 0, noText: true };
      if (b.date) s.date = b.date;
      out.push(s);
    }
    return out;
  }

  // ---- persistence -------------------------------------------------------------------

  serialize(): Uint8Array {
    this.settle();
    const warnings = [...this.warn.entries()].sort((a, b) => cmp(a[0], b[0]));
    return encodeState(
      {
        docs: (slot) => {
          const e = this.bySlot.get(slot)!;
          // The index keeps a document's own key and metadata; the bibliography is read anew.
          const own = this.bibLinked.has(e.doc.path) ? this.ownMeta.get(e.doc) : undefined;
          if (own) {
            const { bibliography: _b, ...doc } = { ...e.doc, key: e.key, title: own.title };
            if (own.author === undefined) delete doc.author;
            else doc.author = own.author;
            if (own.date === undefined) delete doc.date;
            else doc.date = own.date;
            return { doc: doc as SourceDocument, bytesHash: e.bytesHash, keyBase: e.keyBase };
          }
          return { doc: e.doc, bytesHash: e.bytesHash, keyBase: e.keyBase };
        },
        skipped: [...this.skipped.entries()].sort((a, b) => cmp(a[0], b[0])).map(([path, bytesHash]) => ({ path, bytesHash })),
        warnings,
        index: this.index,
      },
      analyzerFingerprint(),
    );
  }
}

function suggestionBase(doc: SourceDocument): Omit<SourceSuggestion, 'score' | 'passage'> {
  const s: Omit<SourceSuggestion, 'score' | 'passage'> = {
    key: doc.key,
    path: doc.path,
    title: doc.title,
    language: doc.language,
  };
  if (doc.date !== undefined) s.date = doc.date;
  if (doc.outlet !== undefined) s.outlet = doc.outlet;
  return s;
}

function dedupeWarnings(ws: LoadWarning[]): LoadWarning[] {
  const seen = new Set<string>();
  const out: LoadWarning[] = [];
  for (const w of ws) {
    const k = `${w.code}\u0000${w.message}`;
    if (seen.has(k)) continue;
    seen.add(k);
    out.push(w);
  }
  return out;
}

/** A new, empty engine. */
export function createEngine(options?: EngineOptions): Engine & LocalSearch {
  return new GroundworkEngine(options);
}

/**
 * An engine restored from `serialize()` bytes. Throws CacheError when the bytes are not a
 * valid index of this format and analyzer (wrong magic, version, checksum, truncation):
 * callers then rebuild from the sources.
 */
export function loadEngine(bytes: Uint8Array, options?: EngineOptions): Engine & LocalSearch {
  const state = decodeState(bytes, analyzerFingerprint());
  return new GroundworkEngine(options, state);
}

/** Whether an error means "the cache is unusable, rebuild". */
export function isCacheError(err: unknown): err is CacheError {
  return err instanceof CacheError;
}
