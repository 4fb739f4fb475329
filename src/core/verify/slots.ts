/**
 * Where a claim's value sits in a passage: the window between the passage positions of
 * the aligned claim words around it, the word that governs a name, the passage name or
 * date that fills the claim's place (rivals), anaphors that stand for an unnamed
 * referent, and the noun phrase after a copula. Shared by the rules in rules/.
 */
import type { DateMention, NumberMention } from '../analysis/types';
import type { CToken, Prepared } from './nlp';
import type { Unit } from './align';
import { compareDates, findToken, withYear } from './match';
import { ADVERBIAL, structureOf } from './structure';

export interface Window {
  lo: number;
  hi: number;
  /** Aligned words on both sides. */
  both?: boolean;
  /** Claim token indexes of the anchors (the slot lies strictly between them). */
  claimLeft?: number;
  claimRight?: number;
}

/**
 * The passage token range where the counterpart of a claim span should sit: between
 * the passage positions of the nearest aligned claim words on either side.
 */
export function anchoredWindow(c: Prepared, span: number[], pos: ReadonlyMap<number, number>, p?: Prepared): Window | undefined {
  const first = Math.min(...span);
  const last = Math.max(...span);
  let left: number | undefined;
  let right: number | undefined;
  let leftDist = 0;
  let rightDist = 0;
  let claimLeft: number | undefined;
  let claimRight: number | undefined;
  for (let k = c.content.indexOf(first) - 1, d = 1; k >= 0; k--, d++) {
    const ti = c.content[k];
    if (pos.has(ti)) {
      left = pos.get(ti);
      leftDist = d;
      claimLeft = ti;
      break;
    }
    if (d >= 3) break;
  }
  for (let k = c.content.indexOf(last) + 1, d = 1; k < c.content.length && k > 0; k++, d++) {
    const ti = c.content[k];
    if (pos.has(ti)) {
      right = pos.get(ti);
      rightDist = d;
      claimRight = ti;
      break;
    }
    if (d >= 3) break;
  }
  const width = span.length + 5;
  if (left !== undefined && right !== undefined && left < right && right - left <= width + leftDist + rightDist + 3) {
    return { lo: left + 1, hi: right - 1, both: true, claimLeft, claimRight };
  }
  // Anchors in the opposite order in the passage ("an attack on a ___ mosque" against
  // "a Sufi mosque ... the deadliest attack"): one of them aligned to another mention, so
  // neither tells where the counterpart sits.
  if (left !== undefined && right !== undefined && left >= right) return undefined;
  // One-sided: the counterpart must follow (precede) the aligned word closely, and the
  // anchor must lie in the order of the alignment. A right anchor placed after the next
  // aligned claim word's counterpart ("de Egyptische tak ... leden ... Al-Qaeda" against
  // "Its members ... Al-Qaeda defectors ... Egyptian radical Islamists") was aligned to
  // another mention, and tells nothing of where the counterpart sits; so for a left one.
  if (left !== undefined && right === undefined && crossed(c, claimLeft!, left, pos, -1)) return undefined;
  if (right !== undefined && left === undefined && crossed(c, claimRight!, right, pos, 1)) return undefined;
  const near = span.length + 2;
  if (left !== undefined && right === undefined) {
    // A Dutch clause puts its verbs after the object ("die wapens verkocht heeft aan X" for
    // "who sold weapons to X"): words aligned to claim words before the anchor, and the
    // auxiliaries among them, are passed over.
    let hi = left + near;
    if (p?.lang === 'nl') {
      const before = new Set<number>();
      for (const [ct, pt] of pos) if (claimLeft !== undefined && ct < claimLeft) before.add(pt);
      for (let k = left + 1; k <= hi && k < p.tokens.length; k++) if (before.has(k) || DUTCH_AUXILIARY.has(p.tokens[k].norm)) hi++;
    }
    return { lo: left + 1, hi };
  }
  if (right !== undefined) return { lo: Math.max(0, right - near), hi: right - 1 };
  return undefined;
}

/**
 * Whether every aligned claim word on side `dir` of the anchor `ti` (1: after it, -1:
 * before it) lies on the other side of the anchor's passage position `at`: the anchor is
 * out of the alignment's order. One neighbour out of order is a local reordering (a Dutch
 * object before its verb) or a misplaced neighbour, not a misplaced anchor.
 */
function crossed(c: Prepared, ti: number, at: number, pos: ReadonlyMap<number, number>, dir: 1 | -1): boolean {
  let n = 0;
  for (let k = c.content.indexOf(ti) + dir; k >= 0 && k < c.content.length; k += dir) {
    const pk = pos.get(c.content[k]);
    if (pk === undefined) continue;
    if (dir === 1 ? pk > at : pk < at) return false;
    n++;
  }
  return n >= 2;
}

/** Dutch auxiliaries of a verb cluster ("verkocht heeft", "zou hebben verkocht"). */
const DUTCH_AUXILIARY = new Set(['heeft', 'hebben', 'had', 'hadden', 'is', 'zijn', 'was', 'waren', 'werd', 'werden', 'wordt', 'worden', 'zou', 'zouden', 'zal', 'zullen']);

/** The content tokens right before `first` and right after `last` (both content tokens of q), -1 where there is none. */
export function contentAround(q: Prepared, first: number, last: number): [number, number] {
  const i = q.content.indexOf(first);
  const j = q.content.indexOf(last);
  return [i > 0 ? q.content[i - 1] : -1, j >= 0 && j + 1 < q.content.length ? q.content[j + 1] : -1];
}

/**
 * The claim content word right before or right after the span is aligned: a one-sided
 * window anchored by the span's neighbour, not by an aligned word past unbacked ones.
 */
export function adjacentAnchor(c: Prepared, span: number[], pos: ReadonlyMap<number, number>): boolean {
  const [before, after] = contentAround(c, Math.min(...span), Math.max(...span));
  return (before >= 0 && pos.has(before)) || (after >= 0 && pos.has(after));
}

/**
 * A two-sided window whose anchors lie across a passage clause with a verb of its own
 * (besides an anchor): "a video begins with a shot of ___ in Jerusalem" is not placed by
 * "begins ..." and "... a source in Gaza told Breitbart Jerusalem". A verbless clause
 * between them, an apposition ("Vice Presidents, ___, also commented"), does not count.
 */
export function acrossClause(p: Prepared, win: Window): boolean {
  const s = structureOf(p);
  const left = win.lo - 1;
  const right = win.hi + 1;
  const a = s.clauseOf[left];
  const b = s.clauseOf[right];
  for (let k = Math.min(a, b) + 1; k <= Math.max(a, b); k++) if (s.clauses[k].verbs.some((v) => v !== left && v !== right)) return true;
  return false;
}

/** Words skipped when looking for the word that governs a name ("on the BBC"). */
/** Articles and possessives: passed over between a noun and the word that governs or quantifies it. */
export const GOV_SKIP: ReadonlySet<string> = new Set(['a', 'an', 'the', 'een', 'de', 'het', 'his', 'her', 'its', 'their', 'our', 'my', 'your', 'zijn', 'haar', 'hun', 'ons', 'onze', 'mijn']);
const POSSESSIVE_NAME = /['’]s?$/;

/** A passage name as a candidate for a claim name's slot ("Jerusalem's Al Aqsa Mosque" is one, headed by its last name). */
export interface NameCandidate {
  text: string;
  kind: string;
  tokens: number[];
}

export function nameCandidates(p: Prepared): NameCandidate[] {
  const out: NameCandidate[] = [];
  for (let k = 0; k < p.names.length; k++) {
    let n = p.names[k];
    const start = n.start;
    let tokens = [...n.tokens];
    // A possessive name right before another name modifies it.
    while (k + 1 < p.names.length && POSSESSIVE_NAME.test(n.text) && p.names[k + 1].tokens[0] === n.tokens[n.tokens.length - 1] + 1) {
      k++;
      n = p.names[k];
      tokens = tokens.concat(n.tokens);
    }
    out.push({ text: p.text.slice(start, n.end), kind: n.kind, tokens });
  }
  return out;
}

/** Adjectives made from names: Dutch "Egyptische", "Palestijnse"; English "Egyptian", "Lebanese". */
const ADJECTIVE_END = /(?:isch|ische|ijnse|aanse|eense|ian|ese)$/;

/**
 * A one-word name that is an adjective before a plain noun ("de Palestijnse Islamitische
 * beweging", "an Egyptian court"): it describes the noun and fills no slot of a person,
 * place or organisation. `byEnding` false: any one-word name before a plain noun (a claim's
 * "British organization" may have such a rival).
 */
function adjectivalName(q: Prepared, tokens: number[], byEnding = true): boolean {
  if (tokens.length !== 1) return false;
  const t = q.tokens[tokens[0]];
  if ((byEnding && !ADJECTIVE_END.test(t.norm)) || t.breakAfter) return false;
  let k = tokens[0] + 1;
  while (k < q.tokens.length && q.tokens[k].name !== undefined && ADJECTIVE_END.test(q.tokens[k].norm) && !q.tokens[k].breakAfter) k++;
  const next = q.tokens[k];
  return !!next && next.name === undefined && !next.stop && /^\p{Ll}/u.test(next.text);
}

/** The word governing a name: the token before it, skipping articles, possessives and a possessive name; none across a clause break. */
export function governor(q: Prepared, first: number): CToken | undefined {
  let k = first - 1;
  while (k >= 0) {
    const t = q.tokens[k];
    if (t.breakAfter) return undefined;
    if (GOV_SKIP.has(t.norm)) {
      k--;
      continue;
    }
    if (t.name !== undefined && POSSESSIVE_NAME.test(q.names[t.name].text)) {
      k = q.names[t.name].tokens[0] - 1;
      continue;
    }
    return /[\p{L}\p{N}]/u.test(t.text) ? t : undefined;
  }
  return undefined;
}

export function sameGovernor(c: Prepared, ct: CToken | undefined, p: Prepared, pt: CToken | undefined): boolean {
  if (!ct || !pt) return false;
  if (ct.norm === pt.norm) return true;
  if (ct.stop || pt.stop) return false;
  return findToken(ct, c, p).includes(pt.i);
}

/** Claim content tokens this close to a name (in content words) count as its aligned context. */
const ROLE_CONTEXT = 3;
/** A passage name this close (in content words) to the aligned context is next to it. */
const ROLE_NEAR = 3;

/** Distance between two passage tokens in content words (the later one counted, stop words not). */
function contentDistance(p: Prepared, a: number, b: number): number {
  const lo = Math.min(a, b);
  const hi = Math.max(a, b);
  let d = 0;
  for (let k = lo + 1; k <= hi; k++) if (!p.tokens[k].stop && /[\p{L}\p{N}]/u.test(p.tokens[k].text)) d++;
  return d;
}

/**
 * The passage name that fills the role of a claim name the passage lacks. Each
 * candidate (a name the claim does not use) scores: the same governing word (2), the
 * same entity kind (1; a different known kind -1), inside the anchored window (1), next
 * to the aligned context (1). Only candidates inside the window, or with the same
 * governing word next to the aligned context, qualify. A tie for the best score is
 * ambiguous: no rival. So is a best candidate without the claim name's governing word
 * when a name with it, further from the context, scores as high.
 */
export function pickRival(
  c: Prepared,
  span: number[],
  kinds: string[],
  p: Prepared,
  win: Window | undefined,
  pos: ReadonlyMap<number, number>,
  usedPassage: ReadonlySet<number>,
): (NameCandidate & { inWin: boolean }) | undefined {
  const first = Math.min(...span);
  const last = Math.max(...span);
  const cGov = governor(c, first);
  // Passage positions of the aligned claim words around the name.
  const ci = c.content.indexOf(first);
  const cj = c.content.indexOf(last);
  const ctxPos: number[] = [];
  for (let k = Math.max(0, ci - ROLE_CONTEXT); k <= Math.min(c.content.length - 1, cj + ROLE_CONTEXT); k++) {
    if (k >= ci && k <= cj) continue;
    const pk = pos.get(c.content[k]);
    if (pk !== undefined) ctxPos.push(pk);
  }
  const known = (k: string) => k !== 'other';
  const scored: Array<{ cand: NameCandidate; inWin: boolean; score: number; gov: boolean }> = [];
  let farGov = -Infinity;
  const claimAdj = adjectivalName(c, span, false);
  for (const cand of nameCandidates(p)) {
    if (cand.tokens.some((k) => usedPassage.has(k))) continue;
    if (adjectivalName(p, cand.tokens) && !claimAdj) continue;
    const inWin = !!win && cand.tokens.every((k) => k >= win.lo && k <= win.hi);
    const pGov = governor(p, cand.tokens[0]);
    const gov = sameGovernor(c, cGov, p, pGov);
    const near = ctxPos.some((pk) => cand.tokens.some((k) => contentDistance(p, k, pk) <= ROLE_NEAR));
    let score = (gov ? 2 : 0) + (inWin ? 1 : 0) + (near ? 1 : 0);
    if (known(cand.kind) && kinds.some(known)) score += kinds.includes(cand.kind) ? 1 : -1;
    // A name after the same governing word away from the aligned context ("on Twitter" /
    // "... on Facebook" past the rest of the sentence) is no rival by itself, but it makes a
    // rival found by position alone ambiguous ("from Rafah" is not what "on Twitter" names).
    if (!inWin && !(gov && near)) {
      if (gov) farGov = Math.max(farGov, score);
      continue;
    }
    scored.push({ cand, inWin, score, gov });
  }
  if (scored.length === 0) return undefined;
  scored.sort((a, b) => b.score - a.score);
  if (scored.length > 1 && scored[1].score === scored[0].score) return undefined;
  if (!scored[0].gov && farGov >= scored[0].score) return undefined;
  return { ...scored[0].cand, inWin: scored[0].inWin };
}

/**
 * A claim name the passage backs only outside the claim's aligned place (between the
 * passage positions of the aligned claim words on both sides), while a different
 * passage name of the same kind (unused by the claim) fills that place, a slot at most
 * two tokens longer than the claim's. `tight`: the aligned words are the name's direct
 * neighbours in the claim (then the names differ; otherwise the name is merely unbacked).
 */
export function roleRival(
  c: Prepared,
  u: Unit,
  p: Prepared,
  at: number[],
  pos: ReadonlyMap<number, number>,
  usedPassage: ReadonlySet<number>,
): { text: string; tight: boolean } | undefined {
  // Only a place between aligned words on both sides, at most two tokens longer than the
  // claim's slot, is a place at all.
  const place = placeOf(c, u, p, pos, true);
  if (!place) return undefined;
  const inside = (k: number) => k >= place.lo && k <= place.hi;
  if (at.some(inside)) return undefined;
  // Another mention of the claim's name at the place: backed there.
  if (u.tokens.some((ti) => findToken(c.tokens[ti], c, p).some(inside))) return undefined;
  const cn = c.names[u.ref];
  const rivals = nameCandidates(p).filter((n) => n.kind === cn.kind && n.tokens.every(inside) && !n.tokens.some((k) => usedPassage.has(k) && !at.includes(k)));
  if (rivals.length !== 1) return undefined;
  const rival = rivals[0];
  // The claim's name joined to the rival by "and" a few words on ("praise Tom Reed and the
  // “Harbour Lion” Dana Wells"): both fill the place.
  if (at.some((k) => coordinated(p, Math.max(...rival.tokens), k))) return undefined;
  // Strong when the aligned words are the name's direct neighbours in the claim.
  return { text: rival.text, tight: anchorsAdjacent(c, u.tokens, place.claimLeft, place.claimRight) };
}

/** Whether the claim anchors of a place are the span's own neighbouring content words (a tight slot). */
export function anchorsAdjacent(c: Prepared, span: readonly number[], claimLeft: number | undefined, claimRight: number | undefined): boolean {
  const [before, after] = contentAround(c, Math.min(...span), Math.max(...span));
  return before === claimLeft && after === claimRight;
}

/** Whether only spaces, quotation marks and commas stand between tokens a and b of q (b after a). */
export function quotesOrCommaBetween(q: Prepared, a: number, b: number): boolean {
  return /^[\s"'“”‘’«»,]*$/.test(q.text.slice(q.tokens[a].end, q.tokens[b].start));
}

const AND = new Set(['and', 'or', 'en', 'of']);
/** Whether passage token k follows token `from` within six tokens of one clause past an "and" (or "or", "en", "of"). */
function coordinated(p: Prepared, from: number, k: number): boolean {
  if (k <= from || k - from > 6) return false;
  let joined = false;
  for (let j = from; j < k; j++) {
    if (j > from && AND.has(p.tokens[j].norm)) joined = true;
    if (p.tokens[j].breakAfter && !quotesOrCommaBetween(p, j, j + 1)) return false;
  }
  return joined;
}

/**
 * The passage tokens where a claim name's counterpart should sit: between the passage
 * positions of the aligned claim words on both sides (a slot at most two tokens longer
 * than the claim's), or, for a name that opens (closes) its clause in the claim, from the
 * start of the passage's clause to the next aligned word (from the previous aligned word to
 * the clause's end); that word is the nearest aligned content word within three, past the
 * first only inside the claim's clause. `bothSides`: only the first kind.
 */
export function placeOf(
  c: Prepared,
  u: Unit,
  p: Prepared,
  pos: ReadonlyMap<number, number>,
  bothSides = false,
): { lo: number; hi: number; claimLeft?: number; claimRight?: number } | undefined {
  // At most two tokens longer than the claim's slot: the same place.
  const fits = (lo: number, hi: number, claimGap: number) => hi >= lo && hi - lo + 1 <= claimGap + 2;
  const win = anchoredWindow(c, u.tokens, pos);
  if (win?.both && win.claimLeft !== undefined && win.claimRight !== undefined) {
    if (!fits(win.lo, win.hi, win.claimRight - win.claimLeft - 1)) return undefined;
    return { lo: win.lo, hi: win.hi, claimLeft: win.claimLeft, claimRight: win.claimRight };
  }
  if (bothSides) return undefined;
  // A name that opens (closes) its clause in the claim, nothing but function words before
  // (after) it, with the next (previous) content word aligned: the passage's clause opens
  // (closes) with its counterpart.
  const first = Math.min(...u.tokens);
  const last = Math.max(...u.tokens);
  const plain = (k: number) => c.tokens[k].stop || !/[\p{L}\p{N}]/u.test(c.tokens[k].text);
  let claimStart = first;
  while (claimStart > 0 && !c.tokens[claimStart - 1].breakAfter && plain(claimStart - 1)) claimStart--;
  let claimEnd = last;
  while (claimEnd + 1 < c.tokens.length && !c.tokens[claimEnd].breakAfter && plain(claimEnd + 1)) claimEnd++;
  const opens = claimStart === 0 || c.tokens[claimStart - 1].breakAfter;
  const closes = claimEnd === c.tokens.length - 1 || c.tokens[claimEnd].breakAfter;
  // The nearest aligned content word on each side within three, inside the claim's clause
  // (as anchoredWindow reads them): an unaligned word next to the name ("TVK One") does not hide its place.
  const aligned = (from: number, dir: 1 | -1): number | undefined => {
    for (let k = c.content.indexOf(from) + dir, d = 1; k >= 0 && k < c.content.length && d <= 3; k += dir, d++) {
      const ti = c.content[k];
      if (d > 1) {
        // Past the next content word, only within the clause.
        const lo = Math.min(from, ti);
        const hi = Math.max(from, ti);
        for (let j = lo; j < hi; j++) if (c.tokens[j].breakAfter) return undefined;
      }
      if (pos.has(ti)) return ti;
    }
    return undefined;
  };
  const next = aligned(last, 1);
  const prev = aligned(first, -1);
  const right = next !== undefined ? pos.get(next) : undefined;
  const left = prev !== undefined ? pos.get(prev) : undefined;
  if (opens && right !== undefined) {
    let start = right - 1;
    while (start > 0 && !p.tokens[start - 1].breakAfter) start--;
    // An apposition between the subject and its verb ("Northwind, a firm based in Leith, has
    // bought"): the clause opens with the name before it.
    const before = appositionBefore(p, start);
    if (before) return fits(before.lo, before.hi, next! - claimStart) ? before : undefined;
    return fits(start, right - 1, next! - claimStart) ? { lo: start, hi: right - 1 } : undefined;
  }
  if (closes && left !== undefined) {
    let end = left + 1;
    while (end < p.tokens.length - 1 && !p.tokens[end].breakAfter) end++;
    return fits(left + 1, end, claimEnd - prev!) ? { lo: left + 1, hi: end } : undefined;
  }
  return undefined;
}

/** Articles, English and Dutch: they open an apposition (", a firm based in Leith,"). */
export const DETERMINERS = new Set(['a', 'an', 'the', 'de', 'het', 'een']);

/** Whether a comma follows token k of q. */
export function commaAfter(q: Prepared, k: number): boolean {
  return k >= 0 && k < q.tokens.length && /^\s*,/.test(q.text.slice(q.tokens[k].end, q.tokens[k + 1]?.start ?? q.text.length));
}

/**
 * The stretch before an apposition that ends right before token `start` (", a group based
 * in Leith," closed by a comma, opened by a comma and an article), from the clause's start:
 * the noun phrase the apposition describes. Undefined when there is none.
 */
function appositionBefore(p: Prepared, start: number): { lo: number; hi: number } | undefined {
  if (start < 3 || !commaAfter(p, start - 1)) return undefined;
  let open = start - 1;
  while (open > 0 && !p.tokens[open - 1].breakAfter) open--;
  if (open < 1 || !commaAfter(p, open - 1) || !DETERMINERS.has(p.tokens[open].norm)) return undefined;
  let lo = open - 1;
  while (lo > 0 && !p.tokens[lo - 1].breakAfter) lo--;
  return { lo, hi: open - 1 };
}

/** Whether name `u` stands in an apposition right after name `v` (", a director at u"). */
function describes(q: Prepared, v: Unit, u: Unit): boolean {
  const vLast = Math.max(...v.tokens);
  const uFirst = Math.min(...u.tokens);
  if (vLast >= uFirst || !commaAfter(q, vLast) || !DETERMINERS.has(q.tokens[vLast + 1]?.norm ?? '')) return false;
  for (let k = vLast + 1; k < uFirst; k++) if (q.tokens[k].breakAfter) return false;
  return true;
}

/**
 * For a claim name this passage does not have at all (backed by an earlier sentence it
 * refers back to, or by an added passage) or has only in part: the passage names, of any kind, that fill
 * the claim name's place (placeOf), so that the passage speaks of that one ("Tom Berg,
 * alone, was also charged" for "Dana Wells, alone, was also charged"). A word of the
 * claim's name at the place means the passage may name it there in part: no rival.
 */
export function placeRival(c: Prepared, u: Unit, p: Prepared, pos: ReadonlyMap<number, number>, usedPassage: ReadonlySet<number>): string | undefined {
  const place = placeOf(c, u, p, pos);
  if (!place) return undefined;
  const { lo, hi } = place;
  const inside = (k: number) => k >= lo && k <= hi;
  // A word of the claim's name at the place: the passage may name it there in part.
  if (u.tokens.some((ti) => findToken(c.tokens[ti], c, p).some(inside))) return undefined;
  // Names at the place (a title and a name, "Russian President Vladimir Putin", may be two).
  const rivals = nameCandidates(p).filter((n) => n.tokens.every(inside) && !n.tokens.some((k) => usedPassage.has(k)));
  if (rivals.length === 0) return undefined;
  return p.text.slice(Math.min(...rivals.map((n) => p.tokens[n.tokens[0]].start)), Math.max(...rivals.map((n) => p.tokens[n.tokens[n.tokens.length - 1]].end)));
}

/**
 * Two claim names the passage has in each other's place ("Ms Adeyemi told Radio Tern's
 * morning programme" for "Ms Radio Tern told Adeyemi's morning programme"): this name sits outside its place
 * in the passage, and the other claim name fills that place, and the other way round. This
 * name's place has aligned words on both sides; the other's may also be the start or end of
 * its clause ("Hamas fired shells at X targets" / "X, a group ..., claimed shells launched at
 * Hamas targets"), unless the claim describes the other name by this one in an apposition.
 * The other name is returned.
 */
export function crossedName(c: Prepared, u: Unit, units: readonly Unit[], p: Prepared, pos: ReadonlyMap<number, number>, namePos: ReadonlyMap<Unit, readonly number[]>): Unit | undefined {
  const at = namePos.get(u);
  if (!at || at.length === 0) return undefined;
  const place = placeOf(c, u, p, pos, true);
  if (!place) return undefined;
  const inPlace = (k: number, q: { lo: number; hi: number }) => k >= q.lo && k <= q.hi;
  if (at.some((k) => inPlace(k, place))) return undefined;
  for (const v of units) {
    if (v === u || v.kind !== 'name') continue;
    const vat = namePos.get(v);
    if (!vat || vat.length === 0 || !vat.every((k) => inPlace(k, place))) continue;
    // The other name's place may be the start or end of its clause; not where the claim
    // describes it by this one ("Dana Wells, a director at Leith Works," is "Leith Works
    // director Dana Wells").
    const vplace = placeOf(c, v, p, pos, describes(c, v, u));
    if (vplace && at.every((k) => inPlace(k, vplace)) && !vat.some((k) => inPlace(k, vplace))) return v;
  }
  return undefined;
}

/**
 * A claim date the primary passage matches only outside the claim's aligned place,
 * while exactly one differing date of the passage sits there (and nothing compatible
 * does). `tight`: the anchoring aligned word is the date's direct neighbour in the claim
 * and the passage's date starts (or ends) within two tokens of its counterpart.
 */
export function dateRoleRival(c: Prepared, u: Unit, p: Prepared, pos: ReadonlyMap<number, number>): { text: string; tight: boolean } | undefined {
  const win = anchoredWindow(c, u.tokens, pos);
  if (!win || win.hi < win.lo) return undefined;
  const cd = c.dates[u.ref];
  // A neighbouring claim word aligned to a matching date itself ("born" to the first of
  // a person's life dates): the date is at its place.
  for (const k of neighbourPositions(c, u, pos)) {
    const at = p.dates.find((sd) => within(p, k, sd));
    if (at && compareDates(cd, withYear(at, p.defaultYear)) === 'match') return undefined;
  }
  const first = (sd: DateMention) => p.tokens.findIndex((t) => t.end > sd.start);
  const lastTok = (sd: DateMention) => {
    let k = -1;
    for (let j = 0; j < p.tokens.length && p.tokens[j].start < sd.end; j++) k = j;
    return k;
  };
  const inWin = (sd: DateMention) => first(sd) >= win.lo && lastTok(sd) <= win.hi;
  const dates = p.dates.map((sd0) => ({ sd0, rel: compareDates(cd, withYear(sd0, p.defaultYear)) }));
  if (dates.some((x) => inWin(x.sd0) && x.rel !== 'conflict' && x.rel !== 'none')) return undefined;
  if (!dates.some((x) => !inWin(x.sd0) && x.rel === 'match')) return undefined;
  const rivals = dates.filter((x) => inWin(x.sd0) && x.rel === 'conflict' && !x.sd0.anchored);
  if (rivals.length !== 1) return undefined;
  const rival = rivals[0].sd0;
  // A date another date of the claim matches is no rival.
  if (c.dates.some((d) => d !== cd && compareDates(d, withYear(rival, p.defaultYear)) === 'match')) return undefined;
  const ci = c.content.indexOf(Math.min(...u.tokens));
  const cj = c.content.indexOf(Math.max(...u.tokens));
  const leftN = c.content[ci - 1];
  const rightN = c.content[cj + 1];
  const leftTie = leftN !== undefined && pos.has(leftN) && first(rival) - pos.get(leftN)! > 0 && first(rival) - pos.get(leftN)! <= 2;
  const rightTie = rightN !== undefined && pos.has(rightN) && pos.get(rightN)! - lastTok(rival) > 0 && pos.get(rightN)! - lastTok(rival) <= 2;
  return { text: rival.text, tight: leftTie || rightTie };
}

/** Passage positions of the claim's content words right before and after a unit, where aligned. */
export function neighbourPositions(c: Prepared, u: Unit, pos: ReadonlyMap<number, number>): number[] {
  const out: number[] = [];
  for (const ti of [c.content[c.content.indexOf(Math.min(...u.tokens)) - 1], c.content[c.content.indexOf(Math.max(...u.tokens)) + 1]]) {
    const k = ti === undefined ? undefined : pos.get(ti);
    if (k !== undefined) out.push(k);
  }
  return out;
}

/** Passage token `k` lies inside the date mention. */
export function within(p: Prepared, k: number, sd: DateMention): boolean {
  return p.tokens[k].start >= sd.start && p.tokens[k].end <= sd.end;
}

/**
 * Whether the passage value at [start, end) belongs to a clause that tells something of the
 * claim: one that holds a claim word the passage backs (`words`: passage positions of the
 * claim's backed plain words). A value in a clause that says nothing of the claim ("a
 * territory that Hamas has controlled since it routed Fatah forces in 2007" for "Hamas has
 * targeted the group since 2013": only the name lines up there) belongs to another
 * statement. An adverbial clause ("since it replaced the Navy in 2007") is read with the
 * clause it modifies; a clause of the value alone or with names only (a fronted "In 2007,
 * ...", a dateline, "(10 February 1894 – 1986)") with the clauses around it, where a backed
 * name ties it too.
 */
export function valueClauseAligned(p: Prepared, start: number, end: number, words: readonly number[], names: readonly number[]): boolean {
  const k = p.tokens.findIndex((t) => t.start >= start);
  if (k < 0) return true;
  const s = structureOf(p);
  const ci = s.clauseOf[k];
  const own = (j: number) => p.tokens[j].start >= start && p.tokens[j].end <= end;
  let lo = s.clauses[ci].from;
  let hi = s.clauses[ci].to;
  // Bare: the value with names at most ("On Thursday, the United Kingdom's ...").
  const bare = !p.tokens.slice(lo, hi + 1).some((t, i) => !own(lo + i) && !t.stop && t.num === undefined && t.date === undefined && t.name === undefined);
  if (bare) {
    if (ci + 1 < s.clauses.length) hi = s.clauses[ci + 1].to;
    if (ci > 0) lo = s.clauses[ci - 1].from;
  } else if (ci > 0 && ADVERBIAL.has(p.tokens[lo].norm)) lo = s.clauses[ci - 1].from;
  const inside = (j: number) => j >= lo && j <= hi && !own(j);
  return words.some(inside) || (bare && names.some(inside));
}

/** Pronouns that refer back to a named referent (English and Dutch), by the referents they fit. */
const PERSON_ANAPHORS = new Set(['he', 'she', 'his', 'her', 'him', 'hij', 'zij', 'hem', 'haar', 'diens']);
const THING_ANAPHORS = new Set(['it', 'its']);
const ANY_ANAPHORS = new Set(['they', 'their', 'them', 'ze', 'hun']);
export const DEFINITE = new Set(['the', 'this', 'de', 'het', 'deze', 'dit']);
/** A pronoun that refers back to a named referent (possessives included: "its", "hun"). */
export function anaphorWord(norm: string): boolean {
  return PERSON_ANAPHORS.has(norm) || THING_ANAPHORS.has(norm) || ANY_ANAPHORS.has(norm);
}

export type AnaphorKind = 'person' | 'thing' | 'any';

/**
 * References to an unnamed referent in a passage, in order: pronouns, and definite
 * descriptions at the start of a clause ("The film was released...", "Distributed by
 * Columbia, the film...").
 */
export function anaphors(p: Prepared): Array<{ k: number; kind: AnaphorKind }> {
  const out: Array<{ k: number; kind: AnaphorKind }> = [];
  for (let k = 0; k < p.tokens.length; k++) {
    const t = p.tokens[k];
    if (PERSON_ANAPHORS.has(t.norm)) out.push({ k, kind: 'person' });
    else if (THING_ANAPHORS.has(t.norm)) out.push({ k, kind: 'thing' });
    else if (ANY_ANAPHORS.has(t.norm)) out.push({ k, kind: 'any' });
    else if ((k === 0 || p.tokens[k - 1].breakAfter) && DEFINITE.has(t.norm)) {
      const next = p.tokens[k + 1];
      if (next && next.name === undefined && /^\p{Ll}/u.test(next.text)) out.push({ k, kind: 'any' });
    }
  }
  return out;
}

/**
 * The claim's subject: the unit the claim opens with (after an article at most), a name
 * or a capitalized word ("Northbury was established..."); or the first name after
 * words the passage backs ("The final episode of Harbor Nights" for "The final episode
 * aired...": the passage's description stands for the name).
 */
export function subjectUnit(c: Prepared, units: readonly Unit[], backed: (u: Unit) => boolean): Unit | undefined {
  const ordered = [...units].sort((a, b) => Math.min(...a.tokens) - Math.min(...b.tokens));
  const first = ordered[0];
  if (!first || first.kind === 'number' || first.kind === 'date') return undefined;
  const at = Math.min(...first.tokens);
  for (let k = 0; k < at; k++) if (!DEFINITE.has(c.tokens[k].norm) && /[\p{L}\p{N}]/u.test(c.tokens[k].text)) return undefined;
  if (first.kind === 'name' || /^\p{Lu}/u.test(c.tokens[first.tokens[0]].text)) return first;
  for (let i = 1; i < ordered.length && i <= 3; i++) {
    if (!backed(ordered[i - 1]) || ordered[i - 1].kind !== 'word') return undefined;
    if (ordered[i].kind === 'name') return ordered[i];
  }
  return undefined;
}

/**
 * Whether an anaphor can refer to the subject: a place or organization is no "he"; a
 * person is "it" only in a passage that names no other person (person names are told
 * from capitalized phrases by shape, too loosely to reject on that alone).
 */
export function agrees(kind: AnaphorKind, c: Prepared, subject: Unit, p: Prepared, usedPassage: ReadonlySet<number>): boolean {
  if (kind === 'any' || subject.kind !== 'name') return true;
  const k = c.names[subject.ref].kind;
  if (k === 'place' || k === 'org') return kind === 'thing';
  if (k === 'person' && kind === 'thing') return !p.names.some((n) => n.kind === 'person' && !n.tokens.some((t) => usedPassage.has(t)));
  return true;
}

/**
 * @param context preceding passages of the same document: names the passage refers to
 *   by pronoun or description ("Its members...", "the movement") are backed there.
 */
/**
 * Of several passage occurrences of a claim word, the one next to the passage position of
 * the claim's nearest aligned neighbour (the next aligned content word within two, else
 * the previous one; at most four tokens away in the passage); undefined when none is, or
 * two are equally near.
 */
export function tiedOccurrence(c: Prepared, ti: number, occ: number[], pos: ReadonlyMap<number, number>): number | undefined {
  const ci = c.content.indexOf(ti);
  // The word after it first (its object: "modelled for L'Oréal"), else the one before.
  let anchor: number | undefined;
  for (const d of [1, 2, -1, -2]) {
    const cj = c.content[ci + d];
    if (cj !== undefined && pos.has(cj)) {
      anchor = pos.get(cj)!;
      break;
    }
  }
  if (anchor === undefined) return undefined;
  let best: number | undefined;
  let bestD = Infinity;
  let tie = false;
  for (const k of occ) {
    const d = Math.abs(anchor - k);
    if (d < bestD) {
      bestD = d;
      best = k;
      tie = false;
    } else if (d === bestD) tie = true;
  }
  return best !== undefined && !tie && bestD <= 4 ? best : undefined;
}

/** Closed word classes whose members exclude each other (English and Dutch colours, the sexes in one relation). */
export const NEG_LOCALITY = 12;
/** Tokens between a negation and the aligned words it governs (subject before, object after). */
export const NEG_GOVERN_WINDOW = 7;

/** The negation cue closest before token k in its clause, within NEG_GOVERN_WINDOW, or -1. */
export function cueBefore(q: Prepared, k: number): number {
  for (let j = k - 1; j >= 0 && k - j <= NEG_GOVERN_WINDOW && !q.tokens[j].breakAfter; j--) if (q.tokens[j].cue) return j;
  return -1;
}

/** The negation cue closest after token k in its clause, within NEG_GOVERN_WINDOW, or -1. */
export function cueAfter(q: Prepared, k: number): number {
  for (let j = k + 1; j < q.tokens.length && j - k <= NEG_GOVERN_WINDOW; j++) {
    if (q.tokens[j].cue) return j;
    if (q.tokens[j].breakAfter) return -1;
  }
  return -1;
}

/** Verbs of saying, which put their subject after them ("..., said the minister"), English and Dutch. */
export const SAYING = new Set([
  'say', 'says', 'said', 'tell', 'tells', 'told', 'report', 'reports', 'reported', 'add', 'adds', 'added', 'write', 'writes', 'wrote', 'note', 'notes', 'noted',
  'ask', 'asks', 'asked', 'claim', 'claims', 'claimed', 'announce', 'announces', 'announced', 'state', 'states', 'stated',
  'zegt', 'zei', 'zeiden', 'gezegd', 'meldt', 'meldde', 'meldden', 'gemeld', 'schrijft', 'schreef', 'schreven', 'geschreven', 'bericht', 'berichtte',
]);

const REPORT_THAT = new Set(['that', 'dat']);

/**
 * The claim's name at token span is the source of a report ("Reuters reported that ...",
 * "according to Reuters", "volgens Reuters"): a report's source is not exclusive (several
 * outlets report one fact), so another source of the passage is no other value.
 */
export function reportSource(c: Prepared, span: readonly number[]): boolean {
  const first = Math.min(...span);
  const last = Math.max(...span);
  // "Reuters reported that", "Reuters said on Monday that" (not "writes for the paper").
  if (c.tokens[last + 1] && SAYING.has(c.tokens[last + 1].norm)) {
    for (let k = last + 2; k < c.tokens.length && k <= last + 5; k++) if (REPORT_THAT.has(c.tokens[k].norm)) return true;
  }
  // "according to (the) Reuters", "volgens (de) Reuters".
  let j = first - 1;
  if (j >= 0 && DETERMINER.has(c.tokens[j].norm)) j--;
  if (j >= 0 && (c.tokens[j].norm === 'volgens' || (c.tokens[j].norm === 'to' && c.tokens[j - 1]?.norm === 'according'))) return true;
  // "..., said Reuters".
  return first > 0 && SAYING.has(c.tokens[first - 1].norm);
}

export const COPULA = new Set(['is', 'are', 'was', 'were', 'zijn', 'waren', 'wordt', 'werd']);
export const DETERMINER = new Set(['a', 'an', 'the', 'een', 'de', 'het']);
export const NP_BOUNDARY = new Set([
  'of', 'in', 'on', 'at', 'for', 'from', 'by', 'with', 'to', 'that', 'who', 'which', 'whose', 'where', 'when', 'and', 'or', 'but', 'as', 'than', 'since', 'after', 'before', 'during', 'born',
  'van', 'op', 'voor', 'met', 'die', 'dat', 'door', 'en', 'of', 'uit', 'bij', 'naar', 'sinds', 'na', 'tijdens',
]);

/** The noun phrase after "is a/an/the" starting at token `k` (the copula): its content tokens, up to a boundary. */
export function predicateAfter(p: Prepared, k: number): number[] | undefined {
  if (p.tokens[k].breakAfter) return undefined;
  let j = k + 1;
  if (j >= p.tokens.length || !DETERMINER.has(p.tokens[j].norm)) return undefined;
  if (p.tokens[j].breakAfter) return undefined;
  j++;
  const out: number[] = [];
  for (; j < p.tokens.length; j++) {
    const t = p.tokens[j];
    if (NP_BOUNDARY.has(t.norm) || t.cue) break;
    if (out.length > 0 && /(?:ed|ing)$/.test(t.norm) && t.norm.length > 5) break;
    if (!t.stop) out.push(j);
    if (t.breakAfter || out.length >= 6) break;
  }
  return out.length ? out : undefined;
}

/** Content tokens within `radius` content positions of a span (excluding the span). */
export function around(p: Prepared, span: number[], radius: number): number[] {
  const first = p.content.indexOf(Math.min(...span));
  const last = p.content.indexOf(Math.max(...span));
  const out: number[] = [];
  if (first < 0 || last < 0) return out;
  for (let k = Math.max(0, first - radius); k <= Math.min(p.content.length - 1, last + radius); k++) {
    if (k >= first && k <= last) continue;
    out.push(p.content[k]);
  }
  return out;
}

/**
 * The claim's number and the passage's number share a neighbouring word (the counted
 * noun or the verb, possibly through an en↔nl concept): "injuring more than 40 people"
 * and "raakten meer dan 20 mensen gewond".
 */
export function localTie(c: Prepared, span: number[], p: Prepared, pTok: number, onUnit?: { c?: string; p?: string }): boolean {
  const pSpan = [pTok];
  if (!p.content.includes(pTok)) return false;
  const near = new Set(around(p, pSpan, 2));
  for (const ci of around(c, span, 2)) {
    const t = c.tokens[ci];
    if (t.name !== undefined || t.num !== undefined || t.date !== undefined) continue;
    for (const k of findToken(t, c, p)) {
      if (!near.has(k)) continue;
      if (!onUnit || t.stem === onUnit.c || p.tokens[k].stem === onUnit.p) return true;
    }
  }
  return false;
}

/** The negation cue and the negated word, as written ("has not aligned"). */
export function negationPhrase(p: Prepared, tokenIdx: number): string {
  let cue = -1;
  for (let k = tokenIdx; k >= Math.max(0, tokenIdx - 4); k--) if (p.tokens[k].cue) { cue = k; break; }
  if (cue < 0) for (let k = tokenIdx; k < Math.min(p.tokens.length, tokenIdx + 4); k++) if (p.tokens[k].cue) { cue = k; break; }
  if (cue < 0) return p.tokens[tokenIdx].text;
  const from = Math.max(0, Math.min(cue, tokenIdx) - (cue < tokenIdx ? 1 : 0));
  const to = Math.max(cue, tokenIdx);
  return p.text.slice(p.tokens[from].start, p.tokens[to].end);
}

/** A claim that denies a value ("was not a French film") contradicts no source that gives another value. */
export function claimDenies(c: Prepared, u: Unit): boolean {
  return u.tokens.some((t) => c.tokens[t].negated);
}
