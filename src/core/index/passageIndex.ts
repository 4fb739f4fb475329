/**
 * A compact BM25 passage index, purpose-built for Groundwork.
 *
 * - Term dictionary: Map term -> term id.
 * - One posting list per term in a growable Uint32Array. Each entry packs the passage id
 *   and the term frequency: `pid * 16 + min(tf, 15)`, so lists stay sorted by passage id
 *   and a list costs 4 bytes per posting (BM25's tf saturation makes tf > 15 irrelevant:
 *   tf 15 scores 0.96 of tf 30 with k1 = 1.2).
 * - Passage lengths and owners in typed arrays; a document's passages have contiguous ids.
 * - BM25 (k1 1.2, b 0.75) with MaxScore dynamic pruning (per-term upper bounds from the
 *   largest tf of the list and the shortest passage).
 * - Incremental: adding a document appends; removing one tombstones its passages and
 *   decrements document frequencies exactly; compaction drops dead postings when they
 *   pass a quarter of all postings. No full rebuild.
 *
 * Pure TypeScript: no I/O.
 */

export const BM25_K1 = 1.2;
export const BM25_B = 0.75;

const TF_BITS = 4;
const TF_MUL = 1 << TF_BITS; // 16
const TF_MAX = TF_MUL - 1; // 15
const NO_DOC = -1;

export interface IndexHit {
  /** Internal passage id. */
  pid: number;
  /** BM25 score. */
  score: number;
  /** idf-weighted share of the query terms found in the passage (0..1). */
  coverage: number;
  /** Term ids of the query found in the passage. */
  matched: number[];
}

interface DocRange {
  base: number;
  count: number;
}

type GrowableArray = Uint32Array | Int32Array | Uint8Array;

/**
 * The same array when it holds `need` items, else a copy with room to spare: doubling
 * below 1M items, then 1.5x (posting lists start at 4 items, per-term and per-passage
 * arrays at 64).
 */
function grow<A extends GrowableArray>(a: A, need: number, min = 64): A {
  if (need <= a.length) return a;
  let cap = a.length < min ? min : a.length;
  while (cap < need) cap = cap < 1 << 20 ? cap * 2 : Math.ceil(cap * 1.5);
  const b = new (a.constructor as new (n: number) => A)(cap);
  b.set(a);
  return b;
}

/** First index i >= from with (list[i] >>> TF_BITS) >= pid, or len. Galloping search. */
function seek(list: Uint32Array, len: number, from: number, pid: number): number {
  const target = pid * TF_MUL;
  if (from >= len || list[from] >= target) return from;
  let step = 1;
  let lo = from;
  let hi = from + 1;
  while (hi < len && list[hi] < target) {
    lo = hi;
    step *= 2;
    hi = from + step;
  }
  if (hi > len) hi = len;
  // list[lo] < target, answer in (lo, hi]
  lo += 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (list[mid] < target) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export class PassageIndex {
  private readonly termIds = new Map<string, number>();
  private terms: string[] = [];
  private lists: Uint32Array[] = [];
  private listLen: Int32Array = new Int32Array(0);
  private df: Int32Array = new Int32Array(0);
  private maxTf: Uint8Array = new Uint8Array(0);

  /** Per passage id: owner document slot (NO_DOC when dead) and length in terms. */
  private pDoc: Int32Array = new Int32Array(0);
  private pLen: Int32Array = new Int32Array(0);
  /**
   * Per passage id: tie-break key for equal scores (lower first), given by the caller
   * from the passage's identity so that results do not depend on insertion order.
   */
  private pTie: Uint32Array = new Uint32Array(0);
  private nextPid = 0;

  private readonly docs = new Map<number, DocRange>();
  private live = 0;
  private totalLen = 0;
  private minLen = Infinity;
  private totalPostings = 0;
  private deadPostings = 0;

  /** Live passages. */
  get passageCount(): number {
    return this.live;
  }
  get termCount(): number {
    return this.terms.length;
  }
  get postingCount(): number {
    return this.totalPostings - this.deadPostings;
  }
  get documentCount(): number {
    return this.docs.size;
  }

  hasDocument(slot: number): boolean {
    return this.docs.has(slot);
  }

  /** The document slot and the passage ordinal of a passage id. */
  locate(pid: number): { slot: number; ordinal: number } | undefined {
    const slot = this.pDoc[pid];
    if (slot === undefined || slot === NO_DOC) return undefined;
    const r = this.docs.get(slot);
    if (!r) return undefined;
    return { slot, ordinal: pid - r.base };
  }

  termOf(id: number): string {
    return this.terms[id];
  }

  termId(term: string): number | undefined {
    return this.termIds.get(term);
  }

  private ensureTermCapacity(n: number): void {
    if (n > this.listLen.length) {
      this.listLen = grow(this.listLen, n);
      this.df = grow(this.df, n);
      this.maxTf = grow(this.maxTf, n);
    }
  }

  /** The id of a term, added to the dictionary when new (TermSink for indexTermIds). */
  intern(term: string): number {
    return this.internTerm(term);
  }

  private internTerm(term: string): number {
    let id = this.termIds.get(term);
    if (id === undefined) {
      id = this.terms.length;
      this.termIds.set(term, id);
      this.terms.push(term);
      this.lists.push(new Uint32Array(2));
      this.ensureTermCapacity(id + 1);
    }
    return id;
  }

  /**
   * Index one document's passages (each given as its index terms, in order). The
   * passages get contiguous ids; passage i of the document is ordinal i.
   */
  addDocument(slot: number, passages: readonly (readonly string[])[], ties?: ArrayLike<number>): void {
    const ids: number[] = [];
    const offsets: number[] = [0];
    for (const terms of passages) {
      for (let j = 0; j < terms.length; j++) ids.push(this.internTerm(terms[j]));
      offsets.push(ids.length);
    }
    this.addDocumentIds(slot, ids, offsets, ties);
  }

  /**
   * addDocument with the terms already interned (intern(), indexTermIds): passage i's
   * term ids are ids[offsets[i] .. offsets[i + 1]).
   */
  addDocumentIds(slot: number, ids: ArrayLike<number>, offsets: ArrayLike<number>, ties?: ArrayLike<number>): void {
    if (this.docs.has(slot)) this.removeDocument(slot);
    const base = this.nextPid;
    const n = offsets.length - 1;
    this.pDoc = grow(this.pDoc, base + n);
    this.pLen = grow(this.pLen, base + n);
    this.pTie = grow(this.pTie, base + n);
    this.docs.set(slot, { base, count: n });
    this.nextPid = base + n;
    for (let i = 0; i < n; i++) {
      const pid = base + i;
      const from = offsets[i];
      const to = offsets[i + 1];
      const len = to - from;
      this.pDoc[pid] = slot;
      this.pLen[pid] = len;
      this.pTie[pid] = ties ? ties[i] >>> 0 : 0;
      this.live++;
      this.totalLen += len;
      if (len > 0 && len < this.minLen) this.minLen = len;
      for (let j = from; j < to; j++) {
        const id = ids[j];
        const ll = this.listLen[id];
        let list = this.lists[id];
        if (ll > 0 && list[ll - 1] >= pid * TF_MUL) {
          // Same passage again: bump its tf (capped).
          if ((list[ll - 1] & TF_MAX) < TF_MAX) {
            list[ll - 1]++;
            if ((list[ll - 1] & TF_MAX) > this.maxTf[id]) this.maxTf[id] = list[ll - 1] & TF_MAX;
          }
          continue;
        }
        if (ll >= list.length) list = this.lists[id] = grow(list, ll + 1, 4);
        list[ll] = pid * TF_MUL + 1;
        this.listLen[id] = ll + 1;
        this.df[id]++;
        if (this.maxTf[id] === 0) this.maxTf[id] = 1;
        this.totalPostings++;
      }
    }
  }

  /**
   * Remove a document. `passages` are the terms it was indexed with (re-analyzed by the
   * caller) so that document frequencies stay exact; its postings become tombstones.
   */
  removeDocument(slot: number, passages?: readonly (readonly string[])[]): boolean {
    const r = this.docs.get(slot);
    if (!r) return false;
    this.docs.delete(slot);
    for (let i = 0; i < r.count; i++) {
      const pid = r.base + i;
      this.pDoc[pid] = NO_DOC;
      this.live--;
      this.totalLen -= this.pLen[pid];
    }
    if (passages && passages.length === r.count) {
      const seen = new Set<number>();
      for (const terms of passages) {
        seen.clear();
        for (const t of terms) {
          const id = this.termIds.get(t);
          if (id === undefined || seen.has(id)) continue;
          seen.add(id);
          if (this.df[id] > 0) this.df[id]--;
          this.deadPostings++;
        }
      }
      if (this.deadPostings * 4 > this.totalPostings && this.deadPostings > 4096) this.compact();
    } else {
      // Terms unknown: recount exactly by compaction.
      this.compact();
    }
    return true;
  }

  /** Drop dead postings and renumber passages densely (documents keep their order). */
  compact(): void {
    const ranges = [...this.docs.entries()].sort((a, b) => a[1].base - b[1].base);
    const remap = new Int32Array(this.nextPid).fill(-1);
    let next = 0;
    const pDoc = new Int32Array(Math.max(64, this.live));
    const pLen = new Int32Array(Math.max(64, this.live));
    const pTie = new Uint32Array(Math.max(64, this.live));
    let minLen = Infinity;
    for (const [slot, r] of ranges) {
      for (let i = 0; i < r.count; i++) {
        remap[r.base + i] = next + i;
        pDoc[next + i] = slot;
        const l = this.pLen[r.base + i];
        pLen[next + i] = l;
        pTie[next + i] = this.pTie[r.base + i];
        if (l > 0 && l < minLen) minLen = l;
      }
      r.base = next;
      next += r.count;
    }
    let total = 0;
    for (let id = 0; id < this.lists.length; id++) {
      const list = this.lists[id];
      const len = this.listLen[id];
      let w = 0;
      let mt = 0;
      for (let j = 0; j < len; j++) {
        const v = list[j];
        const np = remap[Math.floor(v / TF_MUL)];
        if (np < 0) continue;
        const tf = v & TF_MAX;
        list[w++] = np * TF_MUL + tf;
        if (tf > mt) mt = tf;
      }
      this.listLen[id] = w;
      this.df[id] = w;
      this.maxTf[id] = mt;
      if (w === 0) this.lists[id] = new Uint32Array(2);
      else if (list.length > 4 * w + 8) this.lists[id] = list.slice(0, w);
      total += w;
    }
    this.pDoc = pDoc;
    this.pLen = pLen;
    this.pTie = pTie;
    this.nextPid = next;
    this.minLen = minLen;
    this.totalPostings = total;
    this.deadPostings = 0;
  }

  /** Query term ids (deduplicated, unknown terms dropped). */
  queryTermIds(terms: Iterable<string>): number[] {
    const out: number[] = [];
    const seen = new Set<number>();
    for (const t of terms) {
      const id = this.termIds.get(t);
      if (id === undefined || seen.has(id) || this.df[id] <= 0) continue;
      seen.add(id);
      out.push(id);
    }
    return out;
  }

  idf(id: number): number {
    const n = this.live;
    const df = this.df[id];
    return Math.log(1 + (n - df + 0.5) / (df + 0.5));
  }

  /**
   * Top-k passages for the query terms by BM25, best first (ties: lower passage id).
   * `docSlot` restricts the search to one document. `missingWeight` adds weight to the
   * coverage denominator for query terms the index does not know.
   */
  search(
    terms: Iterable<string>,
    k: number,
    options: { docSlot?: number; unknownTerms?: number } = {},
  ): IndexHit[] {
    if (k <= 0 || this.live === 0) return [];
    let lo = 0;
    let hi = this.nextPid;
    if (options.docSlot !== undefined) {
      const r = this.docs.get(options.docSlot);
      if (!r) return [];
      lo = r.base;
      hi = r.base + r.count;
    }
    const ids = this.queryTermIds(terms);
    if (ids.length === 0) return [];
    const avgLen = this.totalLen / this.live || 1;
    const k1 = BM25_K1;
    const b = BM25_B;
    const minLen = Number.isFinite(this.minLen) ? this.minLen : 1;

    // Per-term data, sorted by upper bound ascending (ties: term id, for determinism).
    const n = ids.length;
    const tIdf = new Float64Array(n);
    const tUb = new Float64Array(n);
    const order = ids
      .map((id) => {
        const idf = this.idf(id);
        const mt = this.maxTf[id] || 1;
        const ub = (idf * mt * (k1 + 1)) / (mt + k1 * (1 - b + (b * minLen) / avgLen));
        return { id, idf, ub };
      })
      .sort((x, y) => x.ub - y.ub || x.id - y.id);
    const tId = new Int32Array(n);
    const lists: Uint32Array[] = [];
    const lens = new Int32Array(n);
    const pos = new Int32Array(n);
    const prefix = new Float64Array(n);
    let idfSum = 0;
    for (let i = 0; i < n; i++) {
      const o = order[i];
      tId[i] = o.id;
      tIdf[i] = o.idf;
      tUb[i] = o.ub;
      prefix[i] = (i > 0 ? prefix[i - 1] : 0) + o.ub;
      lists.push(this.lists[o.id]);
      lens[i] = this.listLen[o.id];
      pos[i] = lo > 0 ? seek(lists[i], lens[i], 0, lo) : 0;
      idfSum += o.idf;
    }
    const covDen = idfSum + (options.unknownTerms ?? 0);

    // Min-heap of the current top-k (worst at the root): lower score is worse, then higher pid.
    const hPid = new Int32Array(k);
    const hScore = new Float64Array(k);
    let hSize = 0;
    const pTie = this.pTie;
    /** Whether passage a (score sa) ranks below passage b (score sb). */
    const below = (sa: number, a: number, sb: number, b: number): boolean =>
      sa < sb || (sa === sb && (pTie[a] > pTie[b] || (pTie[a] === pTie[b] && a > b)));
    const worse = (i: number, j: number): boolean => below(hScore[i], hPid[i], hScore[j], hPid[j]);
    const swap = (i: number, j: number): void => {
      const p = hPid[i];
      hPid[i] = hPid[j];
      hPid[j] = p;
      const s = hScore[i];
      hScore[i] = hScore[j];
      hScore[j] = s;
    };
    const siftDown = (i: number): void => {
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < hSize && worse(l, m)) m = l;
        if (r < hSize && worse(r, m)) m = r;
        if (m === i) return;
        swap(i, m);
        i = m;
      }
    };
    const siftUp = (i: number): void => {
      while (i > 0) {
        const p = (i - 1) >> 1;
        if (!worse(i, p)) return;
        swap(i, p);
        i = p;
      }
    };

    let theta = 0; // score to beat once the heap is full
    let ess = 0; // first essential term
    const pDoc = this.pDoc;
    const pLen = this.pLen;
    const normA = k1 * (1 - b);
    const normB = (k1 * b) / avgLen;
    const kp1 = k1 + 1;
    // Per-term contributions of the current candidate, summed in term order at the end
    // so that a passage's score is bit-identical however the pruning went.
    const contrib = new Float64Array(n);
    // Bounds may meet actual scores exactly: prune only when a bound is clearly below.
    const slack = 1 + 1e-12;

    for (;;) {
      // Next candidate: smallest passage id among the essential lists.
      let d = 0x7fffffff;
      for (let i = ess; i < n; i++) {
        if (pos[i] < lens[i]) {
          const p = Math.floor(lists[i][pos[i]] / TF_MUL);
          if (p < d) d = p;
        }
      }
      if (d === 0x7fffffff || d >= hi) break;
      const norm = normA + normB * pLen[d];
      let score = 0;
      const dTarget = d * TF_MUL;
      contrib.fill(0);
      for (let i = ess; i < n; i++) {
        const pi = pos[i];
        if (pi < lens[i]) {
          const v = lists[i][pi];
          if (v - dTarget < TF_MUL && v >= dTarget) {
            const tf = v & TF_MAX;
            const c = (tIdf[i] * tf * kp1) / (tf + norm);
            contrib[i] = c;
            score += c;
            pos[i] = pi + 1;
          }
        }
      }
      if (pDoc[d] === NO_DOC) continue;
      let pruned = false;
      for (let i = ess - 1; i >= 0; i--) {
        if (hSize === k && (score + prefix[i]) * slack < theta) {
          pruned = true;
          break;
        }
        const pi = seek(lists[i], lens[i], pos[i], d);
        pos[i] = pi;
        if (pi < lens[i]) {
          const v = lists[i][pi];
          if (v - dTarget < TF_MUL) {
            const tf = v & TF_MAX;
            const c = (tIdf[i] * tf * kp1) / (tf + norm);
            contrib[i] = c;
            score += c;
            pos[i] = pi + 1;
          }
        }
      }
      if (pruned) continue;
      score = 0;
      for (let i = 0; i < n; i++) score += contrib[i];
      if (hSize < k) {
        hPid[hSize] = d;
        hScore[hSize] = score;
        hSize++;
        siftUp(hSize - 1);
      } else if (below(hScore[0], hPid[0], score, d)) {
        hPid[0] = d;
        hScore[0] = score;
        siftDown(0);
      } else continue;
      if (hSize === k) {
        theta = hScore[0];
        while (ess < n && prefix[ess] * slack < theta) ess++;
        if (ess >= n) break;
      }
    }

    const out: IndexHit[] = [];
    for (let i = 0; i < hSize; i++) out.push({ pid: hPid[i], score: hScore[i], coverage: 0, matched: [] });
    out.sort((x, y) => y.score - x.score || pTie[x.pid] - pTie[y.pid] || x.pid - y.pid);
    // Matched terms and coverage for the k results only.
    for (const h of out) {
      let cov = 0;
      for (let i = 0; i < n; i++) {
        const list = lists[i];
        const j = seek(list, lens[i], 0, h.pid);
        if (j < lens[i] && Math.floor(list[j] / TF_MUL) === h.pid) {
          cov += tIdf[i];
          h.matched.push(tId[i]);
        }
      }
      h.coverage = covDen > 0 ? cov / covDen : 0;
      h.matched.sort((x, y) => x - y);
    }
    return out;
  }

  /** The largest BM25 score any passage could get for these terms (for normalization). */
  maxScore(terms: Iterable<string>): number {
    const avgLen = this.totalLen / this.live || 1;
    const minLen = Number.isFinite(this.minLen) ? this.minLen : 1;
    let s = 0;
    for (const id of this.queryTermIds(terms)) {
      const mt = this.maxTf[id] || 1;
      s += (this.idf(id) * mt * (BM25_K1 + 1)) / (mt + BM25_K1 * (1 - BM25_B + (BM25_B * minLen) / avgLen));
    }
    return s;
  }

  // ---- serialization support -------------------------------------------------------

  /** Document slots in passage-id order with their passage counts (after compaction). */
  exportLayout(): { slot: number; count: number }[] {
    if (this.deadPostings > 0 || this.live !== this.nextPid) this.compact();
    return [...this.docs.entries()]
      .sort((a, b) => a[1].base - b[1].base)
      .map(([slot, r]) => ({ slot, count: r.count }));
  }

  /** Visit every term with its live postings (call exportLayout first). */
  forEachTerm(fn: (term: string, list: Uint32Array, len: number, lengths: Int32Array) => void): void {
    for (let id = 0; id < this.terms.length; id++) {
      const len = this.listLen[id];
      if (len > 0) fn(this.terms[id], this.lists[id], len, this.pLen);
    }
  }

  passageLength(pid: number): number {
    return this.pLen[pid];
  }

  /**
   * Rebuild from serialized parts: documents in passage-id order, passage lengths,
   * and per-term packed postings (pid * 16 + tf).
   */
  static restore(
    layout: { slot: number; count: number }[],
    lengths: Int32Array,
    terms: { term: string; list: Uint32Array; len?: number }[],
    ties?: Uint32Array,
  ): PassageIndex {
    const ix = new PassageIndex();
    let base = 0;
    let total = 0;
    const cap = Math.max(64, lengths.length + (lengths.length >> 4));
    ix.pDoc = new Int32Array(cap);
    ix.pLen = new Int32Array(cap);
    ix.pTie = new Uint32Array(cap);
    if (ties) ix.pTie.set(ties.subarray(0, Math.min(ties.length, lengths.length)));
    for (const { slot, count } of layout) {
      ix.docs.set(slot, { base, count });
      for (let i = 0; i < count; i++) {
        const pid = base + i;
        ix.pDoc[pid] = slot;
        const l = lengths[pid];
        ix.pLen[pid] = l;
        total += l;
        if (l > 0 && l < ix.minLen) ix.minLen = l;
      }
      base += count;
    }
    ix.nextPid = base;
    ix.live = base;
    ix.totalLen = total;
    ix.ensureTermCapacity(terms.length);
    for (const { term, list, len: given } of terms) {
      const len = given ?? list.length;
      const id = ix.terms.length;
      ix.termIds.set(term, id);
      ix.terms.push(term);
      ix.lists.push(list);
      ix.listLen[id] = len;
      ix.df[id] = len;
      let mt = 0;
      for (let j = 0; j < len; j++) {
        const tf = list[j] & TF_MAX;
        if (tf > mt) mt = tf;
      }
      ix.maxTf[id] = mt;
      ix.totalPostings += len;
    }
    return ix;
  }
}

export const POSTING_TF_MUL = TF_MUL;
export const POSTING_TF_MAX = TF_MAX;
