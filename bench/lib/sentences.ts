/**
 * Benchmark sentences: passages taken verbatim from the corpus, and passages with one
 * number altered (the kind of claim a conflict check must catch). Drawn from the real
 * documents that every corpus size contains, in a seeded order.
 */
import { rng } from './corpora';

export interface BenchSentence {
  kind: 'verbatim' | 'altered';
  text: string;
  /** Real document index it was taken from. */
  real: number;
}

export function pickSentences(
  passagesByReal: Map<number, string[]>,
  candidates: number[],
  perKind: number,
): BenchSentence[] {
  const r = rng(4242);
  const verbatim: BenchSentence[] = [];
  const altered: BenchSentence[] = [];
  const docs = [...candidates];
  for (let i = docs.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [docs[i], docs[j]] = [docs[j], docs[i]];
  }
  const words = (s: string) => s.split(/\s+/).filter(Boolean).length;
  for (const d of docs) {
    if (verbatim.length >= perKind && altered.length >= perKind) break;
    const ps = (passagesByReal.get(d) ?? []).filter((p) => words(p) >= 8 && words(p) <= 45 && !/^(Title|Date|Source):/.test(p));
    if (ps.length === 0) continue;
    const withNum = ps.filter((p) => /\b\d{1,4}\b/.test(p));
    if (altered.length < perKind && withNum.length && r() < 0.6) {
      const p = withNum[Math.floor(r() * withNum.length)];
      const m = /\b(\d{1,4})\b/.exec(p)!;
      const n = Number(m[1]);
      const changed = String(n < 10 ? n + 3 : n < 1900 || n > 2030 ? Math.round(n * 1.5) + 1 : n - 2);
      altered.push({ kind: 'altered', text: p.slice(0, m.index) + changed + p.slice(m.index + m[1].length), real: d });
    } else if (verbatim.length < perKind) {
      verbatim.push({ kind: 'verbatim', text: ps[Math.floor(r() * ps.length)], real: d });
    }
  }
  return [...verbatim, ...altered];
}
