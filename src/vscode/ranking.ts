/**
 * Ranking of sources for citation completions and the Insert Citation picker (no
 * 'vscode' import; unit-tested): support for the sentence first (engine.suggest), fuzzy
 * matching (fuse.js) on key, title, outlet, date and the previewed passage once a
 * prefix is typed.
 */
import Fuse from 'fuse.js';
import type { SourceSuggestion } from '../core/types';
import type { SourceSummary } from './protocol';

export interface Candidate {
  source: SourceSummary;
  suggestion?: SourceSuggestion;
  rank: number;
}

/** How many sources engine.suggest ranks per request; the rest follow in key order. */
export const SUGGEST_LIMIT = 50;
/**
 * Items in one completion list. Small corpora get one item per source; large ones the
 * best ranked, and typing a prefix (the list is re-queried on every keystroke) reaches
 * every other source by key, title, outlet or date.
 */
export const MAX_COMPLETION_ITEMS = 200;

interface MetaRecord {
  i: number;
  key: string;
  title: string;
  outlet: string;
  date: string;
}

const metaIndexes = new WeakMap<readonly SourceSummary[], Fuse<MetaRecord>>();

/** Fuzzy index over the metadata of a source list (built once per list). */
function metaIndex(sources: readonly SourceSummary[]): Fuse<MetaRecord> {
  let fuse = metaIndexes.get(sources);
  if (!fuse) {
    fuse = new Fuse(
      sources.map((s, i) => ({ i, key: s.key, title: s.title, outlet: s.outlet ?? '', date: s.date ?? '' })),
      {
        keys: [
          { name: 'key', weight: 4 },
          { name: 'title', weight: 2 },
          { name: 'outlet', weight: 1 },
          { name: 'date', weight: 1 },
        ],
        includeScore: true,
        ignoreLocation: true,
        threshold: 0.35,
      },
    );
    metaIndexes.set(sources, fuse);
  }
  return fuse;
}

/**
 * Order the sources for a completion list: by support for the sentence (the order of
 * `suggestions`), then by key. With a typed prefix, only sources whose key, title,
 * outlet, date or best passage match it fuzzily, an exact key prefix first.
 */
const byKeyOrder = new WeakMap<readonly SourceSummary[], SourceSummary[]>();
/** The sources in key order, computed once per sources array. */
function rankOf(sources: readonly SourceSummary[]): SourceSummary[] {
  let sorted = byKeyOrder.get(sources);
  if (!sorted) {
    sorted = [...sources].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    byKeyOrder.set(sources, sorted);
  }
  return sorted;
}

export function rankSources(
  sources: readonly SourceSummary[],
  suggestions: readonly SourceSuggestion[],
  prefix: string,
): Candidate[] {
  const byKey = new Map(suggestions.map((s, i) => [s.key, { s, i }]));
  const base: Candidate[] = sources.map((source) => {
    const hit = byKey.get(source.key);
    return { source, suggestion: hit?.s, rank: hit && hit.s.score > 0 ? hit.i : suggestions.length + 1 };
  });
  const cmp = (a: Candidate, b: Candidate) => a.rank - b.rank || (a.source.key < b.source.key ? -1 : a.source.key > b.source.key ? 1 : 0);
  if (!prefix) {
    // The same order as sorting by (rank, key), without sorting the whole corpus on every
    // completion (10,000 sources): the ranked few, then the rest in key order (cached).
    const ranked = base.filter((c) => c.rank <= suggestions.length).sort(cmp);
    const taken = new Set(ranked.map((c) => c.source));
    const rest = rankOf(sources).filter((src) => !taken.has(src));
    const tail = suggestions.length + 1;
    return ranked.concat(rest.map((source) => ({ source, suggestion: byKey.get(source.key)?.s, rank: tail })));
  }
  const lower = prefix.toLowerCase();
  const best = new Map<number, number>();
  for (const h of metaIndex(sources).search(prefix)) best.set(h.item.i, h.score ?? 1);
  // Passage text: only the passages previewed for this sentence (a few dozen).
  const withPassage = base.map((c, i) => ({ i, passage: c.suggestion?.passage?.text ?? '' })).filter((r) => r.passage);
  if (withPassage.length) {
    const pf = new Fuse(withPassage, { keys: ['passage'], includeScore: true, ignoreLocation: true, threshold: 0.3 });
    for (const h of pf.search(prefix)) {
      const sc = (h.score ?? 1) + 0.2; // a passage match counts less than a metadata match
      if (sc < (best.get(h.item.i) ?? Infinity)) best.set(h.item.i, sc);
    }
  }
  const scored = [...best.entries()].map(([i, score]) => {
    const c = base[i];
    const bucket = c.source.key.toLowerCase().startsWith(lower) ? -1 : Math.round(score * 5);
    return { c, bucket };
  });
  scored.sort((a, b) => a.bucket - b.bucket || cmp(a.c, b.c));
  return scored.map((x) => x.c);
}

