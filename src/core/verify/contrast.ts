/**
 * Contrast of two versions of one statement. A sentence cites source A, which does not
 * back it, while a passage B of another source does. When A's passage and B are the
 * same statement except for a short stretch (a wire report and its update, an article
 * and its correction), and the sentence's words sit in B's version of that stretch and
 * nowhere in A, then A contradicts the sentence there: the differing stretches are the
 * two values. Nothing is inferred when the passages differ in more than two places, when
 * the sentence also agrees with A where the versions differ, or when the stretches are
 * the same words in other forms.
 */
import type { CToken, Prepared } from './nlp';
import { findToken, type Unit } from './align';

/** Share of the longer passage's words the two versions must have in common, in order. */
export const CONTRAST_SIMILARITY = 0.6;
/** At most this many differing stretches, each at most this many words on either side. */
const MAX_HUNKS = 2;
const MAX_HUNK_WORDS = 6;
/** Passages longer than this (in words) are not compared word by word. */
const MAX_WORDS = 160;

export interface Contrast {
  /** The versions differ in a negation (else in a value: a name, figure, date or word). */
  negation: boolean;
  /** The sentence's value (as written in the sentence) and A's value (as written in A). */
  claimValue: string;
  sourceValue: string;
  /** Share of words A and B have in common. */
  similarity: number;
}

interface Hunk {
  a: number[];
  b: number[];
}

const WORD = /[\p{L}\p{N}]/u;

function words(p: Prepared): number[] {
  const out: number[] = [];
  for (const t of p.tokens) if (WORD.test(t.text)) out.push(t.i);
  return out;
}

/** Longest common subsequence of two token lists by normalized form: the matched index pairs. */
function lcs(p: Prepared, a: number[], q: Prepared, b: number[]): Array<[number, number]> {
  const n = a.length;
  const m = b.length;
  const dp = new Uint16Array((n + 1) * (m + 1));
  const at = (i: number, j: number) => i * (m + 1) + j;
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      dp[at(i, j)] = p.tokens[a[i]].norm === q.tokens[b[j]].norm ? dp[at(i + 1, j + 1)] + 1 : Math.max(dp[at(i + 1, j)], dp[at(i, j + 1)]);
    }
  }
  const pairs: Array<[number, number]> = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (p.tokens[a[i]].norm === q.tokens[b[j]].norm) {
      pairs.push([i, j]);
      i++;
      j++;
    } else if (dp[at(i + 1, j)] >= dp[at(i, j + 1)]) i++;
    else j++;
  }
  return pairs;
}

function hunks(a: number[], b: number[], pairs: Array<[number, number]>): Hunk[] {
  const out: Hunk[] = [];
  let pi = 0;
  let pj = 0;
  for (const [i, j] of [...pairs, [a.length, b.length] as [number, number]]) {
    if (i > pi || j > pj) out.push({ a: a.slice(pi, i), b: b.slice(pj, j) });
    pi = i + 1;
    pj = j + 1;
  }
  return out;
}

/** The text of a stretch, without the articles and other stop words at its edges when content remains. */
function span(p: Prepared, toks: number[]): string {
  let lo = 0;
  let hi = toks.length - 1;
  while (lo < hi && p.tokens[toks[lo]].stop && !p.tokens[toks[lo]].cue) lo++;
  while (hi > lo && p.tokens[toks[hi]].stop && !p.tokens[toks[hi]].cue) hi--;
  toks = toks.slice(lo, hi + 1);
  if (toks.length === 0) return '';
  return p.text.slice(p.tokens[toks[0]].start, p.tokens[toks[toks.length - 1]].end);
}

/** The stretches say the same in other forms ("film" / "movie", "said" / "says"). */
function sameWords(pa: Prepared, ha: number[], pb: Prepared, hb: number[]): boolean {
  const content = (p: Prepared, h: number[]) => h.filter((k) => !p.tokens[k].stop);
  const ca = content(pa, ha);
  const cb = content(pb, hb);
  if (ca.length === 0 && cb.length === 0) return true;
  // Every content word of B's stretch has a counterpart in A's (same stem or concept).
  return cb.length > 0 && cb.every((k) => findToken(pb.tokens[k], pb, pa).some((x) => ha.includes(x)));
}

const hasCue = (p: Prepared, toks: number[]) => toks.some((k) => p.tokens[k].cue);

/**
 * @param c the claim, `units` its units
 * @param a the cited source's passage (does not back the claim)
 * @param b another source's passage that backs the claim
 */
export function contrast(c: Prepared, units: Unit[], a: Prepared, b: Prepared): Contrast | undefined {
  const wa = words(a);
  const wb = words(b);
  if (wa.length === 0 || wb.length === 0 || wa.length > MAX_WORDS || wb.length > MAX_WORDS) return undefined;
  const pairs = lcs(a, wa, b, wb);
  const similarity = pairs.length / Math.max(wa.length, wb.length);
  if (similarity < CONTRAST_SIMILARITY) return undefined;
  const diff = hunks(wa, wb, pairs).filter((h) => !sameWords(a, h.a, b, h.b));
  if (diff.length === 0 || diff.length > MAX_HUNKS) return undefined;
  if (diff.some((h) => h.a.length > MAX_HUNK_WORDS || h.b.length > MAX_HUNK_WORDS)) return undefined;
  const claimCue = c.tokens.some((t) => t.cue);
  // Claim tokens found in each version.
  const inA = (ct: CToken) => findToken(ct, c, a);
  const inB = (ct: CToken) => findToken(ct, c, b);
  let found: Contrast | undefined;
  for (const h of diff) {
    // Negation: one version negates, the other does not, and the claim sides with B.
    const cueA = hasCue(a, h.a);
    const cueB = hasCue(b, h.b);
    if (cueA !== cueB) {
      if (cueB !== claimCue) return undefined; // the claim sides with A here
      if (found) return undefined;
      // The values are the two versions of the stretch (one of them may be empty).
      found = { negation: true, claimValue: span(b, h.b), sourceValue: span(a, h.a), similarity };
      continue;
    }
    // Claim units whose words sit in B's stretch and nowhere in A.
    const hit = units.filter((u) =>
      u.tokens.some((ti) => {
        const ct = c.tokens[ti];
        return inB(ct).some((k) => h.b.includes(k)) && inA(ct).length === 0;
      }),
    );
    // The claim uses A's version of this stretch: it agrees with A here.
    const withA = units.some((u) => u.tokens.some((ti) => inA(c.tokens[ti]).some((k) => h.a.includes(k)) && !inB(c.tokens[ti]).some((k) => h.b.includes(k))));
    if (withA) return undefined;
    if (hit.length === 0 || h.a.length === 0) continue;
    if (found) return undefined; // two differing values: which one the claim means is unclear
    const sorted = [...hit].sort((x, y) => x.start - y.start);
    found = {
      negation: false,
      claimValue: c.text.slice(sorted[0].start, sorted[sorted.length - 1].end),
      sourceValue: span(a, h.a),
      similarity,
    };
  }
  return found;
}
