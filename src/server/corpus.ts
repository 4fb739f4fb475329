/**
 * A corpus served by PostgreSQL: the Retriever verification reads (src/core/retrieval.ts),
 * plus what an editor needs (sources, passages by id, suggestions, full-text lookups).
 *
 * Ranking is the local index's BM25, exactly (src/core/index/passageIndex.ts): the same
 * index terms (src/core/index/query.ts), k1 1.2, b 0.75, tf capped at 15, idf
 * ln(1 + (N - df + 0.5) / (df + 0.5)) over the live passages, the average length over the
 * whole corpus, ties by the passage's tie key then insertion order. PostgreSQL sums the
 * scores of every passage holding a query term and keeps those within 1e-9 of the k-th;
 * those few are rescored here in the local index's summation order, so the order and the
 * scores are the local index's to the last bit. One round trip per search returns the
 * hits with their document's metadata and neighbours; no document text is downloaded.
 */
import type { Pool } from 'pg';
import { checkDraft, type DraftCheckOptions } from '../core/check';
import { groupKeys, pathSuffix } from '../core/corpus/keys';
import { analyzerFingerprint } from '../core/engine';
import { BM25_B, BM25_K1 } from '../core/index/passageIndex';
import { analyzeQuery, queryTermUnion } from '../core/index/query';
import { NEARBY_AFTER, NEARBY_BEFORE, type PassageHit, type Retriever, type SearchOptions, type SourceInfo } from '../core/retrieval';
import type { Finding, LanguageCode, Passage, SourceSuggestion } from '../core/types';
import { connect, type Connection, type ServerOptions } from './connect';
import { ServerError } from './errors';
import { requireSchema, SCHEMA_VERSION } from './migrate';

export type { ServerOptions } from './connect';
export { ServerError, type ServerErrorCode } from './errors';

/** What the sources view and completions show of a source (no text). */
export interface ServerSourceSummary extends SourceInfo {
  passages: number;
  /** When the source was last ingested (ISO 8601). */
  indexedAt: string;
  /** Content hash of the file's bytes as ingested. */
  hash: string;
}

export interface ServerStats {
  documents: number;
  passages: number;
  schemaVersion: number;
}

/** A full-text hit of PostgreSQL's own search (ts_rank over the passage's language configuration). */
export interface FullTextHit {
  doc: SourceInfo;
  passage: Passage;
  rank: number;
}

export interface ServerCorpus {
  /** The server as shown in messages (no password). */
  readonly where: string;
  /** This corpus as verification reads it; `exclude`: a document (path) never returned (a draft's own file). */
  retriever(exclude?: string): Retriever;
  /** Check a draft (same code as the local engine: core/check.ts). */
  check(text: string, options: DraftCheckOptions & { excludeSource?: string }): Promise<Finding[]>;
  stats(): Promise<ServerStats>;
  /** Sources in path order (metadata only); `after`/`limit` page through a large corpus. */
  sources(options?: { after?: string; limit?: number }): Promise<ServerSourceSummary[]>;
  /** A source's passages (all, or those at `ordinals`), in ordinal order; undefined when the source is unknown. */
  passages(pathOrKey: string, ordinals?: readonly number[]): Promise<Passage[] | undefined>;
  /** Sources for a sentence being written, like Engine.suggest (no bibliography entries). */
  suggest(sentence: string, limit?: number): Promise<SourceSuggestion[]>;
  /** PostgreSQL full-text search (websearch syntax) in the English and Dutch configurations; not used for verdicts. */
  fullText(query: string, options?: { limit?: number }): Promise<FullTextHit[]>;
  close(): Promise<void>;
}

interface SourceRow {
  id: number;
  path: string;
  key_base: string;
  title: string;
  date: string | null;
  outlet: string | null;
  author: string | null;
  language: string;
  kind: string | null;
  pages: number | null;
  passage_count: number;
  grp: string[];
}

interface PassageRow {
  id: number;
  ordinal: number;
  text: string;
  start_line: number;
  start_char: number;
  end_line: number;
  end_char: number;
  page: number | null;
}

const SOURCE_COLS = `so.id, so.path, so.key_base, so.title, so.date, so.outlet, so.author, so.language, so.kind, so.pages, so.passage_count,
  (SELECT array_agg(g.path) FROM sources g WHERE g.key_base = so.key_base) AS grp`;

function keyOf(row: { path: string; key_base: string; grp: string[] | null }): string {
  const grp = row.grp ?? [row.path];
  if (grp.length <= 1) return row.key_base;
  return groupKeys(row.key_base, grp).get(row.path) ?? row.key_base;
}

function sourceInfo(row: SourceRow): SourceInfo {
  const d: SourceInfo = { path: row.path, key: keyOf(row), title: row.title, language: row.language as LanguageCode };
  if (row.date !== null) d.date = row.date;
  if (row.outlet !== null) d.outlet = row.outlet;
  if (row.author !== null) d.author = row.author;
  if (row.kind !== null) d.kind = row.kind as SourceInfo['kind'];
  if (row.pages !== null) d.pages = row.pages;
  return d;
}

/** The passage as the local index hands it out (same fields, same order). */
function passageOf(path: string, r: PassageRow | { o: number; t: string; sl: number; sc: number; el: number; ec: number; pg: number | null }): Passage {
  const x =
    'o' in r
      ? r
      : { o: r.ordinal, t: r.text, sl: r.start_line, sc: r.start_char, el: r.end_line, ec: r.end_char, pg: r.page };
  const p: Passage = {
    id: `${path}#${x.o}`,
    ordinal: x.o,
    text: x.t,
    range: { start: { line: x.sl, character: x.sc }, end: { line: x.el, character: x.ec } },
  };
  if (x.pg !== null && x.pg !== undefined) p.page = x.pg;
  return p;
}

interface QTerm {
  id: number;
  term: string;
  df: number;
  maxTf: number;
}

/** A ranked passage: exact score, its tie keys, matched term ids with their tf. */
interface Ranked {
  id: number;
  score: number;
  tie: number;
  hit: PassageHit;
  matched: Map<number, number>;
}

interface RankResult {
  hits: Ranked[];
  terms: QTerm[];
  live: number;
}

/** Open a corpus on a PostgreSQL server; throws ServerError (unreachable, auth, timeout, schema, ...). */
export async function openServerCorpus(options: ServerOptions): Promise<ServerCorpus> {
  const conn = connect(options);
  try {
    await conn.guard(async () => {
      await requireSchema(conn.pool, conn.where);
      const r = await conn.pool.query<{ value: string }>(`SELECT value FROM corpus_meta WHERE name = 'analyzer'`);
      const fp = r.rows[0]?.value;
      if (fp !== undefined && fp !== String(analyzerFingerprint())) {
        throw new ServerError(
          'schema',
          `the corpus in ${conn.where} was indexed by a Groundwork with other index terms; run groundwork ingest with this version to re-index it`,
        );
      }
    });
  } catch (e) {
    await conn.pool.end().catch(() => undefined);
    throw e;
  }
  return new PgCorpus(conn);
}

class PgCorpus implements ServerCorpus {
  readonly where: string;
  private readonly pool: Pool;
  private closed = false;

  constructor(private readonly conn: Connection) {
    this.where = conn.where;
    this.pool = conn.pool;
  }

  private q<R extends object>(sql: string, params: unknown[] = []): Promise<R[]> {
    if (this.closed) return Promise.reject(new ServerError('other', `the connection to ${this.where} is closed`));
    return this.conn.guard(async () => (await this.pool.query<R>(sql, params)).rows);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.pool.end().catch(() => undefined);
  }

  async stats(): Promise<ServerStats> {
    const rows = await this.q<{ documents: string; passages: string; v: number }>(
      `SELECT documents, passages, (SELECT max(version) FROM schema_migrations) AS v FROM corpus_stats`,
    );
    const r = rows[0];
    return { documents: Number(r?.documents ?? 0), passages: Number(r?.passages ?? 0), schemaVersion: r?.v ?? SCHEMA_VERSION };
  }

  async languages(): Promise<LanguageCode[]> {
    const rows = await this.q<{ language: string }>(`SELECT language FROM language_counts WHERE documents > 0 ORDER BY language COLLATE "C"`);
    return rows.map((r) => r.language as LanguageCode);
  }

  /** The source a path, key or full key names (as the local engine's getSource, without bibliography). */
  async resolve(pathOrKey: string): Promise<SourceRow | undefined> {
    const dash = pathOrKey.lastIndexOf('-');
    const base = dash > 0 ? pathOrKey.slice(0, dash) : pathOrKey;
    const rows = await this.q<SourceRow>(
      `SELECT ${SOURCE_COLS} FROM sources so WHERE so.path = $1 OR so.key_base = $1 OR so.key_base = $2`,
      [pathOrKey, base],
    );
    const byPath = rows.find((r) => r.path === pathOrKey);
    if (byPath) return byPath;
    const byKey = rows.find((r) => keyOf(r) === pathOrKey);
    if (byKey) return byKey;
    // Every document answers to its full key (base-suffix), even one whose key is its base key.
    if (dash > 0) {
      const suf = pathOrKey.slice(dash + 1);
      if (suf.length === 4 || suf.length === 12) {
        const found = rows.filter((r) => r.key_base === base).sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
        for (const r of found) if (pathSuffix(r.path, suf.length) === suf) return r;
      }
    }
    return undefined;
  }

  async ambiguousKey(key: string): Promise<string[] | undefined> {
    const rows = await this.q<{ path: string }>(`SELECT path FROM sources WHERE key_base = $1`, [key]);
    if (rows.length < 2) return undefined;
    const keys = groupKeys(
      key,
      rows.map((r) => r.path),
    );
    return [...keys.values()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  }

  /**
   * Top-k passages for `terms` by BM25, best first, exactly as PassageIndex.search ranks
   * them. `docId` restricts to one source; `excludeId` leaves one out.
   */
  async rank(terms: Set<string>, k: number, restrict: { docId?: number; excludeId?: number } = {}): Promise<RankResult> {
    if (k <= 0 || terms.size === 0) return { hits: [], terms: [], live: 0 };
    const params: unknown[] = [[...terms], k, BM25_K1, BM25_B];
    let scored: string;
    if (restrict.docId !== undefined) {
      params.push(restrict.docId);
      scored = `SELECT p.passage_id, sum(w.idf * p.tf * ($3::float8 + 1) / (p.tf + ($3::float8 * (1 - $4::float8) + ($3::float8 * $4::float8 / st.avg) * p.length))) AS score
        FROM passages pa JOIN postings p ON p.passage_id = pa.id JOIN w ON w.id = p.term_id CROSS JOIN st
        WHERE pa.source_id = $5 GROUP BY p.passage_id`;
    } else {
      let where = '';
      if (restrict.excludeId !== undefined) {
        params.push(restrict.excludeId);
        where = `WHERE p.passage_id NOT IN (SELECT id FROM passages WHERE source_id = $5)`;
      }
      scored = `SELECT p.passage_id, sum(w.idf * p.tf * ($3::float8 + 1) / (p.tf + ($3::float8 * (1 - $4::float8) + ($3::float8 * $4::float8 / st.avg) * p.length))) AS score
        FROM postings p JOIN w ON w.id = p.term_id CROSS JOIN st ${where} GROUP BY p.passage_id`;
    }
    const sql = `
      WITH q AS MATERIALIZED (SELECT id, term, df, max_tf FROM terms WHERE term = ANY($1::text[]) AND df > 0),
      st AS MATERIALIZED (SELECT passages::float8 AS n, total_length::float8 AS tl, min_length,
             CASE WHEN passages > 0 AND total_length > 0 THEN total_length::float8 / passages ELSE 1 END AS avg FROM corpus_stats),
      w AS MATERIALIZED (SELECT q.id, ln(1 + (st.n - q.df + 0.5) / (q.df + 0.5)) AS idf FROM q CROSS JOIN st),
      s AS MATERIALIZED (${scored}),
      kth AS (SELECT score FROM s ORDER BY score DESC OFFSET $2 - 1 LIMIT 1),
      c AS (SELECT passage_id, score FROM s WHERE score >= coalesce((SELECT score FROM kth), 0) * (1 - 1e-9))
      SELECT pa.id, pa.tie, pa.length, pa.ordinal, pa.text, pa.start_line, pa.start_char, pa.end_line, pa.end_char, pa.page,
        ${SOURCE_COLS},
        (SELECT json_agg(json_build_object('o', n.ordinal, 't', n.text, 'sl', n.start_line, 'sc', n.start_char,
                 'el', n.end_line, 'ec', n.end_char, 'pg', n.page) ORDER BY n.ordinal)
           FROM passages n WHERE n.source_id = pa.source_id AND n.ordinal <> pa.ordinal
            AND n.ordinal BETWEEN pa.ordinal - ${NEARBY_BEFORE} AND pa.ordinal + ${NEARBY_AFTER}) AS near,
        (SELECT json_agg(json_build_array(p2.term_id, p2.tf)) FROM postings p2
           WHERE p2.passage_id = pa.id AND p2.term_id IN (SELECT id FROM q)) AS matched,
        (SELECT json_agg(json_build_array(id, term, df, max_tf)) FROM q) AS qterms,
        (SELECT json_build_array(n, tl, min_length) FROM st) AS stats
      FROM c JOIN passages pa ON pa.id = c.passage_id JOIN sources so ON so.id = pa.source_id`;
    type Row = SourceRow &
      PassageRow & {
        tie: string;
        length: number;
        near: { o: number; t: string; sl: number; sc: number; el: number; ec: number; pg: number | null }[] | null;
        matched: [number, number][] | null;
        qterms: [number, string, number, number][] | null;
        stats: [number, number, number | null];
        source_id?: number;
      };
    const rows = await this.q<Row>(sql, params);
    if (rows.length === 0) return { hits: [], terms: [], live: 0 };
    const qterms: QTerm[] = (rows[0].qterms ?? []).map(([id, term, df, maxTf]) => ({ id, term, df, maxTf }));
    const [live, totalLen, minLenRaw] = rows[0].stats;
    // The local index's arithmetic (PassageIndex.search), in its summation order.
    const avgLen = totalLen / live || 1;
    const minLen = minLenRaw !== null && minLenRaw > 0 ? minLenRaw : 1;
    const k1 = BM25_K1;
    const b = BM25_B;
    const order = qterms
      .map((t) => {
        const idf = Math.log(1 + (live - t.df + 0.5) / (t.df + 0.5));
        const mt = Math.min(t.maxTf, 15) || 1;
        const ub = (idf * mt * (k1 + 1)) / (mt + k1 * (1 - b + (b * minLen) / avgLen));
        return { ...t, idf, ub };
      })
      .sort((x, y) => x.ub - y.ub || (x.term < y.term ? -1 : x.term > y.term ? 1 : 0));
    const normA = k1 * (1 - b);
    const normB = (k1 * b) / avgLen;
    const kp1 = k1 + 1;
    const ranked: Ranked[] = rows.map((r) => {
      const matched = new Map<number, number>(r.matched ?? []);
      const norm = normA + normB * r.length;
      let score = 0;
      for (const t of order) {
        const tf = matched.get(t.id);
        score += tf === undefined ? 0 : (t.idf * tf * kp1) / (tf + norm);
      }
      const doc = sourceInfo(r);
      const passage = passageOf(r.path, r);
      const near = (r.near ?? []).map((n) => passageOf(r.path, n));
      const before = near.filter((n) => n.ordinal < passage.ordinal).reverse();
      const after = near.filter((n) => n.ordinal > passage.ordinal);
      return { id: r.id, score, tie: Number(r.tie), matched, hit: { doc, passage, score, before, after } };
    });
    ranked.sort((x, y) => y.score - x.score || x.tie - y.tie || x.id - y.id);
    return { hits: ranked.slice(0, k), terms: qterms, live };
  }

  retriever(exclude?: string): Retriever {
    let langs: Promise<LanguageCode[]> | undefined;
    const languages = (): Promise<LanguageCode[]> => (langs ??= this.languages());
    let excluded: Promise<number | undefined> | undefined;
    const excludedId = (): Promise<number | undefined> =>
      (excluded ??=
        exclude === undefined
          ? Promise.resolve(undefined)
          : this.q<{ id: number }>(`SELECT id FROM sources WHERE path = $1`, [exclude]).then((r) => r[0]?.id));
    const visible = async (row: SourceRow | undefined): Promise<SourceRow | undefined> =>
      row && exclude !== undefined && row.path === exclude ? undefined : row;
    return {
      search: async (text: string, options: SearchOptions = {}) => {
        const limit = options.limit ?? 20;
        let docId: number | undefined;
        if (options.docPath !== undefined) {
          const row = await visible(await this.resolve(options.docPath));
          if (!row) return [];
          docId = row.id;
        }
        const present = new Set(await languages());
        const terms = queryTermUnion(analyzeQuery(text, options.language, (l) => present.has(l)));
        const exId = docId === undefined ? await excludedId() : undefined;
        const r = await this.rank(terms, limit, { docId, excludeId: exId });
        return r.hits.map((h) => h.hit);
      },
      passagesOf: async (k: string, max: number) => {
        const row = await visible(await this.resolve(k));
        if (!row) return undefined;
        if (row.passage_count > max) return undefined;
        const rows = await this.q<PassageRow>(
          `SELECT id, ordinal, text, start_line, start_char, end_line, end_char, page FROM passages WHERE source_id = $1 ORDER BY ordinal`,
          [row.id],
        );
        const doc = sourceInfo(row);
        const ps = rows.map((p) => passageOf(row.path, p));
        return ps.map((p, i) => ({
          doc,
          passage: p,
          score: 0,
          before: ps.slice(Math.max(0, i - NEARBY_BEFORE), i).reverse(),
          after: ps.slice(i + 1, i + 1 + NEARBY_AFTER),
        }));
      },
      getDocument: async (k: string) => {
        const row = await visible(await this.resolve(k));
        return row ? sourceInfo(row) : undefined;
      },
      languages,
      ambiguousKey: (k: string) => this.ambiguousKey(k),
    };
  }

  check(text: string, options: DraftCheckOptions & { excludeSource?: string }): Promise<Finding[]> {
    const { excludeSource, ...rest } = options;
    return checkDraft(this.retriever(excludeSource), text, rest);
  }

  async sources(options: { after?: string; limit?: number } = {}): Promise<ServerSourceSummary[]> {
    const params: unknown[] = [];
    let where = '';
    if (options.after !== undefined) {
      params.push(options.after);
      where = `WHERE so.path COLLATE "C" > $${params.length}`;
    }
    let lim = '';
    if (options.limit !== undefined) {
      params.push(Math.max(0, Math.floor(options.limit)));
      lim = `LIMIT $${params.length}`;
    }
    const rows = await this.q<Omit<SourceRow, 'grp'> & { indexed_at: Date; bytes_hash: string }>(
      `SELECT so.id, so.path, so.key_base, so.title, so.date, so.outlet, so.author, so.language, so.kind, so.pages, so.passage_count,
              so.indexed_at, so.bytes_hash
         FROM sources so ${where} ORDER BY so.path COLLATE "C" ${lim}`,
      params,
    );
    // The key groups with several members (their keys are full keys), each fetched once.
    const bases = options.limit !== undefined ? [...new Set(rows.map((r) => r.key_base))] : undefined;
    const groups = await this.q<{ key_base: string; grp: string[] }>(
      `SELECT key_base, array_agg(path) AS grp FROM sources ${bases ? 'WHERE key_base = ANY($1::text[])' : ''}
        GROUP BY key_base HAVING count(*) > 1`,
      bases ? [bases] : [],
    );
    const keys = new Map<string, string>();
    for (const g of groups) for (const [p, k] of groupKeys(g.key_base, g.grp)) keys.set(p, k);
    return rows.map((r) => ({
      ...sourceInfo({ ...r, grp: [r.path] }),
      key: keys.get(r.path) ?? r.key_base,
      passages: r.passage_count,
      indexedAt: new Date(r.indexed_at).toISOString(),
      hash: r.bytes_hash,
    }));
  }

  async passages(pathOrKey: string, ordinals?: readonly number[]): Promise<Passage[] | undefined> {
    const row = await this.resolve(pathOrKey);
    if (!row) return undefined;
    const rows = await this.q<PassageRow>(
      `SELECT id, ordinal, text, start_line, start_char, end_line, end_char, page FROM passages
        WHERE source_id = $1 ${ordinals ? 'AND ordinal = ANY($2::int[])' : ''} ORDER BY ordinal`,
      ordinals ? [row.id, [...ordinals]] : [row.id],
    );
    return rows.map((p) => passageOf(row.path, p));
  }

  async suggest(sentence: string, limit = 20): Promise<SourceSuggestion[]> {
    const present = new Set(await this.languages());
    const analyses = analyzeQuery(sentence, undefined, (l) => present.has(l));
    const union = queryTermUnion(analyses);
    const k = Math.max(200, limit * 10);
    const { hits, terms, live } = await this.rank(union, k);
    // Coverage per analysis language: idf-weighted share of that analysis' terms found (Engine.suggest).
    const byTerm = new Map(terms.map((t) => [t.term, t]));
    const idf = (df: number): number => Math.log(1 + (live - df + 0.5) / (df + 0.5));
    const maxIdf = Math.log(1 + (live + 0.5) / 0.5);
    const langTerms = analyses.map((a) => {
      const ids = new Map<number, number>();
      let den = 0;
      for (const t of a.terms) {
        const q = byTerm.get(t);
        if (q === undefined) den += maxIdf;
        else {
          ids.set(q.id, idf(q.df));
          den += idf(q.df);
        }
      }
      return { ids, den };
    });
    const best = new Map<string, { cov: number; score: number; hit: PassageHit }>();
    for (const h of hits) {
      let cov = 0;
      for (const lt of langTerms) {
        if (lt.den <= 0) continue;
        let num = 0;
        for (const id of [...h.matched.keys()].sort((a, b) => a - b)) {
          const w = lt.ids.get(id);
          if (w !== undefined) num += w;
        }
        cov = Math.max(cov, num / lt.den);
      }
      const path = h.hit.doc.path;
      const prev = best.get(path);
      if (!prev || cov > prev.cov || (cov === prev.cov && h.score > prev.score)) best.set(path, { cov, score: h.score, hit: h.hit });
    }
    const ranked = [...best.values()].sort(
      (a, b) => b.cov - a.cov || b.score - a.score || (a.hit.doc.path < b.hit.doc.path ? -1 : a.hit.doc.path > b.hit.doc.path ? 1 : 0),
    );
    const out: SourceSuggestion[] = [];
    for (const r of ranked) {
      if (out.length >= limit) break;
      const p = r.hit.passage;
      out.push({
        ...suggestionBase(r.hit.doc),
        score: Math.min(1, Math.max(0, r.cov)),
        passage: { text: p.text, range: p.range, ...(p.page !== undefined ? { page: p.page } : {}) },
      });
    }
    if (out.length < limit) {
      const rest = await this.q<SourceRow>(
        `SELECT ${SOURCE_COLS} FROM sources so WHERE NOT (so.path = ANY($1::text[])) ORDER BY so.path COLLATE "C" LIMIT $2`,
        [[...best.keys()], limit - out.length],
      );
      for (const r of rest) out.push({ ...suggestionBase(sourceInfo(r)), score: 0 });
    }
    return out;
  }

  async fullText(query: string, options: { limit?: number } = {}): Promise<FullTextHit[]> {
    const rows = await this.q<SourceRow & PassageRow & { rank: number }>(
      `WITH qq AS (SELECT websearch_to_tsquery('english', $1) AS en, websearch_to_tsquery('dutch', $1) AS nl,
                          websearch_to_tsquery('simple', $1) AS si)
       SELECT pa.id, pa.ordinal, pa.text, pa.start_line, pa.start_char, pa.end_line, pa.end_char, pa.page, ${SOURCE_COLS},
              ts_rank(pa.tsv, CASE so.language WHEN 'en' THEN qq.en WHEN 'nl' THEN qq.nl ELSE qq.si END) AS rank
         FROM passages pa CROSS JOIN qq JOIN sources so ON so.id = pa.source_id
        WHERE pa.tsv @@ qq.en OR pa.tsv @@ qq.nl OR pa.tsv @@ qq.si
        ORDER BY rank DESC, pa.id LIMIT $2`,
      [query, options.limit ?? 20],
    );
    return rows.map((r) => ({ doc: sourceInfo(r), passage: passageOf(r.path, r), rank: r.rank }));
  }
}

function suggestionBase(doc: SourceInfo): Omit<SourceSuggestion, 'score' | 'passage'> {
  const s: Omit<SourceSuggestion, 'score' | 'passage'> = { key: doc.key, path: doc.path, title: doc.title, language: doc.language };
  if (doc.date !== undefined) s.date = doc.date;
  if (doc.outlet !== undefined) s.outlet = doc.outlet;
  return s;
}
