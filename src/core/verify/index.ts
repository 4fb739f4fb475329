/**
 * Verification: check-worthiness, retrieval of candidate passages, alignment, verdicts.
 *
 *   checkSentences(retriever, sentences) -> Finding[]   (called by the engine)
 *   isCheckWorthy(sentence)              -> boolean
 *
 * Decision rules (see docs/EVAL.md for how the thresholds were chosen):
 *  - supported: one passage, or a passage plus an adjacent passage of the same
 *    document, backs every name, number and date of the claim and at least
 *    SUPPORT_COVERAGE of its weighted content, with no conflict in that passage
 *    (several passages of one document together at a stricter bar); a passage a rule
 *    says does not back the claim (negation, swapped roles, a value in another role)
 *    lends nothing to an adjacent or a document-level combination, and when it lines up
 *    better than they do, the combination is refused;
 *  - conflict: a passage that lines up with the rest of the claim (rest coverage at
 *    least CONFLICT_COVERAGE, or STRONG_CONFLICT_COVERAGE when the slot is tied by the
 *    same counted noun or the only comparable date) differs in a named slot;
 *  - unsupported otherwise; "partial" when most of the claim is backed, naming the rest.
 * When in doubt between conflict and unsupported, unsupported.
 */
import type { DraftSentence, Evidence, Finding, FindingCode, LanguageCode, Position, Passage, Range, Reason } from '../types';
import type { PassageHit, Retriever, SourceInfo } from '../retrieval';
import { classifySentence, isCheckWorthy, stripCitations } from './checkworthy';
import { prepare, preparePassage, type Prepared } from './nlp';
import { align, claimUnits, findToken, stageContext, type Alignment, type LazyContext, type Conflict, type Unit } from './align';
import { anchoredWindow, anchorsAdjacent } from './slots';
import { LineIndex } from '../text/positions';
import { structureOf, type Structure } from './structure';
import { compareDates, withYear } from './match';
import { normalizeSentence } from '../text/draft';
import { contrast, type Contrast } from './contrast';
import { modelGates, modelKnows, predict, type Probabilities } from './model';

export { isCheckWorthy, classifySentence } from './checkworthy';

/** Weighted share of the claim a passage (pair) must back to support it. */
export const SUPPORT_COVERAGE = 0.75;
export const SUPPORT_COVERAGE_LONG = 0.65;
const LONG_FROM = 8;
const LONG_TO = 20;
/** Share of the rest of the claim that must line up before a differing slot is a conflict. */
export const CONFLICT_COVERAGE = 0.75;
/** Same, when the slot is tied by the same counted noun or is the only comparable date. */
export const STRONG_CONFLICT_COVERAGE = 0.6;
/** Negation needs more of the claim aligned: its scope is approximate. */
export const NEGATION_CONFLICT_COVERAGE = 0.8;
/** Share of the claim's plain words a supporting passage must contain. */
export const MIN_WORD_COVERAGE = 0.5;
/** A conflict this clear (rest of the claim all backed by the same passage) outweighs indirect support. */
export const CLEAR_CONFLICT_COVERAGE = 0.9;
/** Below this, an unsupported claim has no partial backing worth naming. */
export const PARTIAL_COVERAGE = 0.5;
const CANDIDATES = 16;
/** Hits of a query kept whatever their score, and the share of the best score the others need. */
const KEEP_ALWAYS = 6;
const RELEVANCE_CUT = 0.3;
/** A cited source with at most this many passages is read whole. */
const CITED_SCAN = 48;
/** Rest coverages closer than this make two conflicting passages equally plausible. */
export const AMBIGUOUS_CONFLICT_MARGIN = 0.1;
/** Several passages of one document together: a stricter bar, at most this many passages, each backing some of the claim. */
export const DOC_SUPPORT_COVERAGE = 0.8;
const DOC_PASSAGES = 4;
const DOC_PASSAGE_MIN = 0.25;
const DOC_FIRST_MIN = 0.5;
/** Preceding passages whose names a passage may refer to ("Its members", "the movement"). */
const CONTEXT_PASSAGES = 3;
const EVIDENCE = 3;

export interface CheckSentencesOptions {
  ignoredSentences?: Set<string>;
  /** The draft the sentences come from: lets reasons point at the exact characters of a value. */
  draftText?: string;
}

interface Candidate {
  hit: PassageHit;
  rank: number;
  prepared: Prepared;
  single: Alignment;
  /** An adjacent sentence alone backs more of the claim than this passage does by itself. */
  elsewhere?: boolean;
  /** Best alignment with an adjacent passage added (for support). */
  pair?: { alignment: Alignment; neighbor: PassageHit };
  /**
   * Another passage of the same document (its neighbour among them) lines up better with
   * the claim than this one but a rule says it does not back it (decide): this passage's
   * support may not rest on its neighbour or on names of earlier sentences.
   */
  docBlocked?: boolean;
}

interface Decision {
  verdict: 'supported' | 'conflict' | 'unsupported';
  /** Candidates to show as evidence, best first. */
  evidence: Candidate[];
  conflicts: Conflict[];
  best?: Candidate;
  /** A decision step beyond one passage's alignment: `decide.document` (several passages of one source), `decide.clear-conflict` (a clear conflict outweighs indirect support). */
  how?: 'decide.document' | 'decide.clear-conflict';
}

/** A value's text folded for comparison (quotes, dashes, spaces, case). */
function foldValue(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\u2018\u2019\u201a\u201b\u2032]/g, "'")
    .replace(/[\u201c\u201d\u201e\u201f\u2033]/g, '"')
    .replace(/[\u2010-\u2015]/g, '-')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

const NL_HINTS = new Set(
  'de het een en van in is dat op te zijn voor met niet die aan er ook als bij door maar om dan zou wordt werd naar uit nog wel geen heeft hebben deze tot onder tegen over'.split(' '),
);
const EN_HINTS = new Set(
  'the a an and of in is that on to be for with not this at by but from as was were has have had it its which who their they would been will are'.split(' '),
);

/** Language of a claim: function words decide; English when unsure. */
export function claimLanguage(text: string, corpusLanguages: Set<LanguageCode>): LanguageCode {
  let nl = 0;
  let en = 0;
  const count = (t: string) => {
    for (const m of t.toLowerCase().matchAll(/\p{L}+/gu)) {
      if (NL_HINTS.has(m[0])) nl++;
      if (EN_HINTS.has(m[0])) en++;
    }
  };
  // A quoted title or quotation may be in the other language ("De video 'Palestine
  // sacrificing itself for the Caliphate' werd ..."): the words around it decide, when
  // they tell.
  count(text.replace(QUOTED, ' '));
  if (nl === 0 && en === 0) count(text);
  if (nl > en) return 'nl';
  if (en > 0 || !corpusLanguages.has('nl') || corpusLanguages.has('en')) return 'en';
  return 'nl';
}

/** A quoted span: in double or curly quotes, or in single quotes that open after a space and close before one. */
const QUOTED = /"[^"]*"|“[^”]*”|‘[^’]*’|„[^”“]*[”“]|(?<=^|\s)'[^']+'(?=[\s.,;:!?]|$)/gu;

function docLang(doc: SourceInfo): LanguageCode {
  return doc.language === 'nl' ? 'nl' : 'en';
}

/**
 * Maps offsets in a sentence's text to ranges in the draft. The sentence text is the
 * draft slice with markup masked and whitespace collapsed, so its non-blank characters
 * appear in the draft in the same order; with the draft text at hand each one is found
 * there. Without it, only a sentence whose text is its exact slice maps; otherwise the
 * whole sentence range is given rather than a wrong one.
 */
class RangeMapper {
  private map?: Int32Array;
  private lines?: LineIndex;
  constructor(private readonly s: DraftSentence, draft?: string) {
    if (draft === undefined || s.end > draft.length) return;
    const slice = draft.slice(s.start, s.end);
    const text = s.text;
    const map = new Int32Array(text.length + 1);
    let j = 0;
    for (let i = 0; i < text.length; i++) {
      const ch = text[i];
      if (/\s/.test(ch)) {
        map[i] = j;
        continue;
      }
      const k = slice.indexOf(ch, j);
      map[i] = k < 0 ? j : k;
      if (k >= 0) j = k + 1;
    }
    map[text.length] = j;
    this.map = map;
    this.lines = draftLines(draft);
  }
  range(start: number, end: number): Range {
    const s = this.s;
    if (this.map && this.lines) {
      const a = s.start + this.map[Math.min(start, this.map.length - 1)];
      const b = end > start ? s.start + this.map[Math.min(end - 1, this.map.length - 1)] + 1 : a;
      return this.lines.rangeAt(a, b);
    }
    if (s.end - s.start !== s.text.length || s.range.start.line !== s.range.end.line) return s.range;
    const line = s.range.start.line;
    return { start: { line, character: s.range.start.character + start }, end: { line, character: s.range.start.character + end } };
  }
}

let lastDraft: { text: string; lines: LineIndex } | undefined;
function draftLines(text: string): LineIndex {
  if (!lastDraft || lastDraft.text !== text) lastDraft = { text, lines: new LineIndex(text) };
  return lastDraft.lines;
}

function evaluate(c: Prepared, units: Unit[], hit: PassageHit, rank: number, cited = false): Candidate {
  const lang = docLang(hit.doc);
  const prepared = preparePassage(hit.passage, lang, hit.doc.date);
  const doc = hit.doc;
  // Preceding passages, nearest first, prepared on demand (a name found in the nearest
  // one spares preparing the others).
  const ctx: Prepared[] = [];
  const context: LazyContext = {
    at(j: number): Prepared | undefined {
      if (j >= CONTEXT_PASSAGES || j >= hit.before.length) return undefined;
      return (ctx[j] ??= preparePassage(hit.before[j], lang, doc.date));
    },
    citedTopic: cited && hit.passage.ordinal === 0,
  };
  // The adjacent passages: the one before, the one after.
  const adjacent = [hit.before[0], hit.after[0]].filter((x): x is Passage => x !== undefined);
  const single = align(c, units, [prepared], context);
  const cand: Candidate = { hit, rank, prepared, single };
  // A claim word this passage lacks, which an adjacent sentence denies ("The number has
  // not been released"), is no gap to overlook.
  const missingWords = single.unmatched.filter((u) => u.kind === 'word');
  if (missingWords.length && single.coverage >= PARTIAL_COVERAGE) {
    for (const p of adjacent) {
      const nb = preparePassage(p, lang, doc.date);
      for (const u of missingWords) {
        const ct = c.tokens[u.tokens[0]];
        if (findToken(ct, c, nb).some((k) => nb.tokens[k].negHead && nb.tokens[k].negated !== ct.negated)) single.polarityClash = true;
      }
    }
  }
  // A claim predicate this passage lacks, where an adjacent sentence denies a predicate of
  // a noun both share ("Hamas arrested ... men" and then "The number has not been released"
  // for "Hamas has published the number of men it arrested"): no gap to overlook either.
  if (!single.polarityClash && missingWords.length && single.coverage >= PARTIAL_COVERAGE && missingWords.some((u) => predicateWord(c, u.tokens[0]))) {
    for (const p of adjacent) {
      if (deniesSharedNoun(c, units, single, prepared, preparePassage(p, lang, doc.date))) single.polarityClash = true;
    }
  }
  // An adjacent passage may carry the rest of the claim (e.g. a figure in the next sentence).
  if (single.coverage >= PARTIAL_COVERAGE && single.coverage < 1 && (single.unmatched.length > 0 || single.loose.length > 0)) {
    for (const nb of adjacent) {
      const nbp = preparePassage(nb, lang, doc.date);
      const a = align(c, units, [prepared, nbp], context);
      // Only a pair that backs more than what it would replace is checked further.
      if (a.coverage <= (cand.pair?.alignment.coverage ?? single.coverage)) continue;
      if (detachedPairDate(c, a, [prepared, nbp])) continue;
      if (slotFilledHere(c, units, prepared, single, a)) continue;
      if (nameLentIntoOtherName(c, units, nbp, a)) continue;
      if (single.polarityClash) a.polarityClash = true;
      cand.pair = { alignment: a, neighbor: { doc, passage: nb, score: 0, before: [], after: [] } };
    }
  }
  if (single.conflicts.length > 0) {
    const direct = align(c, units, [prepared]).coverage;
    for (const p of adjacent) {
      if (align(c, units, [preparePassage(p, lang, doc.date)]).coverage > direct) cand.elsewhere = true;
    }
  }
  return cand;
}

/**
 * A name, figure or date the neighbour adds, whose place in this passage (between the
 * passage positions of the claim words around it) holds words of its own: this passage
 * fills the slot with something else ("arrested a large number of men" for "arrested dozens
 * of men"), so the neighbour's value belongs to another statement.
 */
function slotFilledHere(c: Prepared, units: Unit[], p: Prepared, single: Alignment, pair: Alignment): boolean {
  return gainedPlaces(c, units, p, single, pair, (u) => u.kind !== 'word').some(({ win, ctx }) => {
    for (let k = win.lo; k <= win.hi; k++) if (p.content.includes(k) && !ctx.usedPassage.has(k)) return true;
    return false;
  });
}

/**
 * The other way round: a name this passage lends the pair, whose place in the neighbour
 * `nb` (the claim words right before and after it aligned there) holds another name, not
 * just a word such as "the group" that may stand for it ("... at the University of Leith and
 * Tom Reed of Kestrel Tours, a company that ..." beside "... in Morven Bay").
 */
export function nameLentIntoOtherName(c: Prepared, units: Unit[], nb: Prepared, pair: Alignment): boolean {
  return gainedPlaces(c, units, nb, align(c, units, [nb]), pair, (u) => u.kind === 'name').some(({ u, win, ctx }) => {
    if (!anchorsAdjacent(c, u.tokens, win.claimLeft, win.claimRight)) return false;
    for (let k = win.lo; k <= win.hi; k++) if (nb.content.includes(k) && !ctx.usedPassage.has(k) && nb.tokens[k].name !== undefined) return true;
    return false;
  });
}

/** The units `pair` backs that `p` alone does not (of the kinds `keep` takes), each with its two-sided place in `p`. */
function gainedPlaces(c: Prepared, units: Unit[], p: Prepared, single: Alignment, pair: Alignment, keep: (u: Unit) => boolean) {
  const gained = pair.matched.filter((u) => keep(u) && !single.matched.includes(u) && !single.loose.includes(u));
  if (gained.length === 0) return [];
  const ctx = stageContext(c, units, [p], 'role');
  return gained.flatMap((u) => {
    const win = anchoredWindow(c, u.tokens, ctx.pos);
    return win?.both ? [{ u, win, ctx }] : [];
  });
}

/** Prepositions that open a fronted date ("In October, ..."). */
const DATE_PREPOSITIONS = new Set(['in', 'on', 'at', 'since', 'by', 'until', 'from', 'during', 'op', 'sinds', 'tot', 'vanaf', 'tijdens', 'rond']);

/**
 * Words that open a relative date used as a fronted adverbial ("Last January, ...", "Vorige
 * week, ..."), as a preposition opens one. An absolute date alone at a sentence's start is a
 * dateline, which dates the whole text (measured: reading those as adverbials lost WiCE
 * supports, docs/EVAL.md).
 */
const RELATIVE_DATE = new Set(['last', 'this', 'next', 'vorige', 'vorig', 'afgelopen', 'volgende', 'komende', 'deze']);

/**
 * A claim date backed by passages pieced together (a passage and its neighbour, or
 * several of one document), where the clause that holds the date says nothing of the
 * claim: "In October, the police arrested two men" next to "The council has been working
 * with the port authority" dates the arrests, not the work. The date backs the claim's
 * only when a claim word (not a name) stands in the date's clause in a passage that has
 * it. A dateline ("12 July 2019") and a year taken from the document's date date the
 * whole text.
 */
function detachedPairDate(c: Prepared, pair: Alignment, passages: Prepared[]): boolean {
  const dates = pair.matched.filter((u) => u.kind === 'date');
  if (dates.length === 0) return false;
  const words = pair.matched.filter((u) => u.kind === 'word');
  return dates.some((u) => {
    const cd = c.dates[u.ref];
    let seen = false;
    for (const q of passages) {
      const s = structureOf(q);
      for (const d of q.dates) {
        if (compareDates(cd, withYear(d, q.defaultYear)) !== 'match') continue;
        // A year the passage's date takes from its document's date is the document's.
        if (d.year === undefined && cd.month === undefined && cd.day === undefined && cd.weekday === undefined) return false;
        seen = true;
        const k = q.tokens.findIndex((t) => t.start >= d.start);
        if (k < 0) continue;
        // A clause of the date alone: a fronted adverbial ("In October, ...", "Last January,
        // ...") dates the clause after it; a dateline ("12 July 2019", "Calgary (January 23,
        // 2019) –") dates the text.
        // Untagged (Dutch) clauses list no verbs, so there only the opening word tells.
        const ci = s.clauseOf[k];
        const from = s.clauses[ci].from;
        let to = s.clauses[ci].to;
        const dateAlone = !s.tags || (s.clauses[ci].verbs.length === 0 && !q.tokens.slice(from, to + 1).some((t) => !t.stop && t.date === undefined && t.name === undefined && t.num === undefined && !/^\d/.test(t.norm)));
        if (dateAlone) {
          if (!DATE_PREPOSITIONS.has(q.tokens[from].norm) && !RELATIVE_DATE.has(q.tokens[from].norm)) return false;
          if (ci + 1 < s.clauses.length) to = s.clauses[ci + 1].to;
        }
        // A word of the date phrase itself ("late last year", "early in 2019") ties nothing.
        const dateWord = (j: number) =>
          (s.tags?.[j] === 'ADJ' || s.tags?.[j] === 'ADV') && (j === k - 1 || (j === k - 2 && s.tags?.[k - 1] === 'ADP'));
        if (!words.some((w) => findToken(c.tokens[w.tokens[0]], c, q).some((j) => j >= from && j <= to && !dateWord(j)))) continue;
        // The clause names an actor of its own, who backs nothing of the claim: "Last January,
        // the militia Army of Islam pledged allegiance" dates that group's pledge, not one the
        // claim tells of someone else.
        if (otherSubject(c, pair, q, s, from, to)) continue;
        return false;
      }
    }
    return seen;
  });
}

/**
 * A clause within from..to of passage q (tagged) whose own verb backs the claim's verb but
 * whose subject (nouns or names) backs nothing of the claim's subject: the passage tells of
 * another actor doing it.
 */
function otherSubject(c: Prepared, pair: Alignment, q: Prepared, s: Structure, from: number, to: number): boolean {
  if (!s.tags) return false;
  const cs = structureOf(c);
  // Passage token -> the claim tokens it backs.
  const backs = new Map<number, number[]>();
  for (const u of pair.matched) for (const t of u.tokens) for (const j of findToken(c.tokens[t], c, q)) backs.set(j, [...(backs.get(j) ?? []), t]);
  for (const cl of s.clauses) {
    if (cl.from < from || cl.to > to || cl.subject.length === 0 || cl.verbs.length === 0) continue;
    // The subject of the claim's own verb: the clause's first verb backs a claim word ("The
    // association confirmed that X was appointed" names who confirmed, not who was appointed).
    const verbOf = backs.get(cl.verbs[0]);
    if (!verbOf) continue;
    if (!cl.subject.some((j) => s.tags![j] === 'NOUN' || s.tags![j] === 'PROPN' || q.tokens[j].name !== undefined)) continue;
    const claimSubject = new Set(verbOf.flatMap((t) => cs.clauses[cs.clauseOf[t]].subject));
    const tied = cl.subject.some((j) => (backs.get(j) ?? []).some((t) => claimSubject.size === 0 || claimSubject.has(t)));
    if (!tied) return true;
  }
  return false;
}

/** A claim word that may be its predicate: a verb or adjective (English, tagged), or a Dutch participle or clause-final word. */
function predicateWord(c: Prepared, ti: number): boolean {
  const tags = structureOf(c).tags;
  if (tags) return tags[ti] === 'VERB' || tags[ti] === 'ADJ';
  if (c.lang !== 'nl') return false;
  const next = c.tokens[ti + 1];
  return !next || c.tokens[ti].breakAfter || /[.;:!?]/.test(c.text.slice(c.tokens[ti].end, next.start));
}

/**
 * Whether passage q (an adjacent sentence, tagged) negates a verb that backs nothing of the
 * claim, in a clause whose subject noun backs a claim word that passage p backs too: it
 * denies something of the claim's referent ("The number has not been released").
 */
function deniesSharedNoun(c: Prepared, units: Unit[], a: Alignment, p: Prepared, q: Prepared): boolean {
  const qs = structureOf(q);
  if (!qs.tags) return false;
  const shared = a.matched.filter((u) => u.kind === 'word');
  for (const cl of qs.clauses) {
    const denied = cl.verbs.find((v) => q.tokens[v].negHead && q.tokens[v].negated);
    if (denied === undefined) continue;
    if (units.some((u) => u.kind === 'word' && findToken(c.tokens[u.tokens[0]], c, q).includes(denied))) continue;
    const nouns = cl.subject.filter((j) => qs.tags![j] === 'NOUN');
    if (shared.some((u) => findToken(c.tokens[u.tokens[0]], c, q).some((j) => nouns.includes(j)) && findToken(c.tokens[u.tokens[0]], c, p).length > 0)) return true;
  }
  return false;
}

/**
 * The coverage a claim of `n` units needs. Long sentences carry more peripheral words
 * (adverbs, light verbs) that no source repeats; the bar eases linearly from
 * SUPPORT_COVERAGE at LONG_FROM units to SUPPORT_COVERAGE_LONG at LONG_TO units.
 */
export function supportBar(n: number): number {
  if (n <= LONG_FROM) return SUPPORT_COVERAGE;
  if (n >= LONG_TO) return SUPPORT_COVERAGE_LONG;
  return SUPPORT_COVERAGE - ((SUPPORT_COVERAGE - SUPPORT_COVERAGE_LONG) * (n - LONG_FROM)) / (LONG_TO - LONG_FROM);
}


/** Share of the claim's plain words (its predicate, as opposed to names and figures) backed. */
function wordCoverage(a: Alignment): number {
  const m = a.matched.filter((u) => u.kind === 'word').length;
  const all = m + a.unmatched.filter((u) => u.kind === 'word').length;
  return all ? m / all : 1;
}

function rulesSupport(a: Alignment): boolean {
  const n = a.matched.length + a.loose.length + a.unmatched.length;
  // Names and figures alone do not back a statement about them: most of its words must be there too.
  return (
    a.coverage >= supportBar(n) &&
    // Every name, figure and date backed, however long the sentence (a long sentence used
    // to be allowed one missing: WiCE dev supported precision 0.78 -> 0.81 without it).
    a.keyMissing === 0 &&
    a.conflicts.length === 0 &&
    !a.polarityClash &&
    !a.contextUnreferred &&
    wordCoverage(a) >= MIN_WORD_COVERAGE
  );
}

function conflictThreshold(x: Conflict): number {
  if (x.kind === 'negation') return NEGATION_CONFLICT_COVERAGE;
  return x.strong ? STRONG_CONFLICT_COVERAGE : CONFLICT_COVERAGE;
}

/** Coverage of the claim without the units of the given conflicts. */
export function restCoverage(a: Alignment, conflicts: Conflict[]): number {
  const out = new Set(conflicts.flatMap((x) => [x.unit, ...(x.also ?? [])]));
  let total = 0;
  let got = 0;
  for (const u of a.matched) if (!out.has(u)) (total += u.weight), (got += u.weight);
  for (const u of a.loose) if (!out.has(u)) (total += u.weight), (got += 0.5 * u.weight);
  for (const u of a.unmatched) if (!out.has(u)) total += u.weight;
  return total ? got / total : 0;
}

/** Conflicts of a candidate that meet the bar (the rest of the claim lines up). */
function ruleConflicts(a: Alignment): Conflict[] {
  if (a.conflicts.length === 0) return [];
  // Drop conflicts whose bar is not met, then re-measure the rest without them (a
  // rejected slot counts as unbacked), until stable.
  let ok = a.conflicts;
  for (;;) {
    const rest = restCoverage(a, ok);
    const next = ok.filter((x) => rest >= conflictThreshold(x));
    if (next.length === ok.length) break;
    ok = next;
    if (ok.length === 0) return [];
  }
  // Other names, numbers and dates of the claim must not be missing: a different
  // event is not a contradiction.
  const inConflict = new Set(ok.flatMap((x) => [x.unit, ...(x.also ?? [])]));
  if (a.unmatched.some((u) => u.kind !== 'word' && !inConflict.has(u))) return [];
  // More than two differing slots: not the same statement.
  if (ok.length > 2) return [];
  // The predicate in the other polarity and another value besides ("Hamas has aligned
  // itself with" against "ISIS has not aligned itself with"): the passage denies its own
  // statement, about another participant, figure or date, and says nothing of the claim's.
  // (A negated or opposite modifier is a difference of its own: "a finished walkway" against
  // "an unfinished walkway" still contradicts beside another name.)
  const polarity = (x: Conflict) => x.kind === 'negation' || x.kind === 'antonym';
  if (ok.some((x) => polarity(x) && x.predicate === true) && ok.some((x) => !polarity(x))) return [];
  return ok;
}

/**
 * The learned gate (data/model.json `gates`, chosen by `npm run train` on held-out training
 * pairs): a verdict the rules propose stands only when the model gives its label at least
 * this probability. Without a model (no source installed, or a file without gates) the
 * rules decide alone.
 */
function gateOk(a: Alignment, label: 'supported' | 'conflict'): boolean {
  const g = modelGates();
  if (!g) return true;
  let probs = gateMemo.get(a);
  if (probs === undefined) {
    // Once per alignment: supportScore() runs inside sort comparators.
    const x = a.features();
    probs = modelKnows(x) ? predict(x) : null;
    gateMemo.set(a, probs);
  }
  return probs === null || probs[label] >= g[label];
}
const gateMemo = new WeakMap<Alignment, Probabilities | null>();

function supports(a: Alignment): boolean {
  return rulesSupport(a) && gateOk(a, 'supported');
}

/** Conflicts the rules accept and the learned gate lets through. */
function acceptedConflicts(a: Alignment): Conflict[] {
  const xs = ruleConflicts(a);
  return xs.length > 0 && gateOk(a, 'conflict') ? xs : [];
}

/**
 * The rules' verdict on one claim–passage alignment alone (no other passages, no
 * citation): what `npm run train` compares the learned gate with on the training pairs.
 */
export function alignmentVerdict(a: Alignment): 'supported' | 'conflict' | 'unsupported' {
  if (rulesSupport(a)) return 'supported';
  if (ruleConflicts(a).length > 0) return 'conflict';
  return 'unsupported';
}

function supportScore(cand: Candidate): Alignment | undefined {
  if (supports(cand.single) && !(cand.docBlocked && cand.single.contextNames > 0)) return cand.single;
  if (cand.pair && !cand.docBlocked && supports(cand.pair.alignment) && cand.single.conflicts.length === 0) return cand.pair.alignment;
  return undefined;
}

function bestCoverage(c: Candidate): number {
  return Math.max(c.single.coverage, c.pair?.alignment.coverage ?? 0);
}

/**
 * Passages of one document combined (`joined`) back the claim's date with one passage while
 * another of them gives a date of its own ("X, who left the post in April, ..." and,
 * sentences later, "... moved to the harbour in 2019"): each date belongs to what its own passage
 * tells, so the claim's date is not backed for the claim's event. `alone[i]`: passage i's
 * own alignment. (Not applied to a passage and its neighbour: there a date of the one often
 * dates the other's statement, and refusing the pair left a conflict on a passage that
 * does not tell the claim's event; measured in docs/EVAL.md.)
 */
function datesApart(joined: Alignment, alone: Alignment[], passages: Prepared[]): boolean {
  const dates = joined.matched.filter((u) => u.kind === 'date');
  if (dates.length === 0) return false;
  return passages.some((q, i) => q.dates.length > 0 && dates.some((u) => !alone[i].matched.includes(u)));
}

function documentSupport(c: Prepared, units: Unit[], cands: Candidate[], filled: ReadonlySet<Unit>): Decision | undefined {
  const byDoc = new Map<string, Candidate[]>();
  for (const x of cands) {
    if (x.single.coverage < DOC_PASSAGE_MIN) continue;
    const list = byDoc.get(x.hit.doc.path) ?? [];
    list.push(x);
    byDoc.set(x.hit.doc.path, list);
  }
  let best: { a: Alignment; used: Candidate[] } | undefined;
  for (const [, list] of [...byDoc.entries()].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))) {
    if (list.some((x) => acceptedConflicts(x.single).length > 0)) continue;
    // A passage a rule says does not back the claim (a negation, swapped roles, a name or
    // figure it has in another role) lends none of its words to the document's support.
    // And when the passage that lines up best with the claim is such a passage, the
    // document states something else there: no support pieced together from the rest.
    const usable = list.filter((x) => !blockedCandidate(x));
    if (usable.length < 2) continue;
    const ranked = [...usable].sort((a, b) => b.single.coverage - a.single.coverage || a.rank - b.rank);
    if (ranked[0].single.coverage < DOC_FIRST_MIN) continue;
    // (docBlocked, set in decide(): such a passage in this document, or one of any source
    // with nearly the whole claim in one sentence.)
    if (ranked[0].docBlocked) continue;
    // Greedy: add a passage only when it backs two further words (a lone common word from
    // elsewhere in the text proves little) and no further name, number or date (below).
    const used = [ranked[0]];
    let a = ranked[0].single;
    for (const x of ranked.slice(1)) {
      if (used.length >= DOC_PASSAGES) break;
      const group = [...used, x];
      const passages = group.map((y) => y.prepared);
      const b = align(c, units, passages);
      const gained = b.matched.filter((u) => !a.matched.includes(u));
      // Only words: a name, figure or date another sentence of the document gives belongs
      // to what that sentence tells (the length of another video, the date of another
      // pledge, a speaker quoted on something else), not to the claim's statement. So the
      // passage that lines up best must back every one of them itself, and a further
      // passage adds two words or more.
      if (gained.some((u) => u.kind !== 'word') || gained.length < 2) continue;
      if (datesApart(b, group.map((y) => y.single), passages) || detachedPairDate(c, b, passages)) continue;
      used.push(x);
      a = b;
    }
    if (used.length < 2) continue;
    if (a.coverage < DOC_SUPPORT_COVERAGE || a.keyMissing > 0 || a.conflicts.length > 0 || a.polarityClash || wordCoverage(a) < MIN_WORD_COVERAGE) continue;
    if (a.unmatched.some((u) => filled.has(u))) continue;
    if (!best || a.coverage > best.a.coverage) best = { a, used };
  }
  if (!best) return undefined;
  return { verdict: 'supported', evidence: best.used, conflicts: [], best: best.used[0], how: 'decide.document' };
}

/** Two conflicts name different source values (figures compared by their digits). */
function differentValues(x: Conflict, y: Conflict): boolean {
  // Two negation conflicts on one word state the same thing (the source affirms it),
  // whatever form of the word each passage uses ("opened", "opening").
  if (x.kind === 'negation' && y.kind === 'negation') return x.claimNegated !== y.claimNegated;
  if (x.unit.kind === 'number' || x.unit.kind === 'date') {
    const dx = (x.sourceValue.match(/\d+/g) ?? []).join(' ');
    const dy = (y.sourceValue.match(/\d+/g) ?? []).join(' ');
    return dx !== '' && dy !== '' && dx !== dy;
  }
  return foldValue(x.sourceValue) !== foldValue(y.sourceValue);
}

/** A rule says this passage does not back the claim (a negation, swapped roles, a value it has in another role). */
function blockedCandidate(x: Candidate): boolean {
  return x.single.polarityClash || x.single.displaced > 0;
}

function decide(c: Prepared, units: Unit[], cands: Candidate[]): Decision {
  // A passage of the document (the adjacent one or any other) that lines up better with
  // the claim than this one, but that a rule says does not back it, states something else:
  // support pieced together around it (a neighbour, the names of earlier sentences) is not
  // support. So is a passage of another source that has nearly the whole claim in one
  // sentence (lined up before the rules, CLEAR_CONFLICT_COVERAGE): its refusal outweighs
  // support pieced together from weaker passages.
  for (const x of cands) {
    x.docBlocked = cands.some(
      (y) => y !== x && blockedCandidate(y) && y.single.lined > x.single.coverage && (y.hit.doc.path === x.hit.doc.path || y.single.lined >= CLEAR_CONFLICT_COVERAGE),
    );
  }
  // A claim word another passage fills with a word of its own ("hoofd" where the claim has
  // "chest") is no gap to overlook: support that leaves it unbacked is none.
  const filled = new Set(cands.flatMap((x) => x.single.substituted));
  const leavesFilled = (a: Alignment | undefined) => !!a && a.unmatched.some((u) => filled.has(u));
  let supported = cands
    .filter((c) => supportScore(c) !== undefined && !leavesFilled(supportScore(c)))
    .sort((a, b) => supportScore(b)!.coverage - supportScore(a)!.coverage || a.rank - b.rank);
  // And a passage that lines up with more of the claim than the best support, and says
  // the opposite of one of its slots, outweighs that support (the conflict is decided below).
  if (supported.length) {
    const top = supportScore(supported[0])!.coverage;
    if (cands.some((x) => x.single.coverage > top && x.single.contextNames === 0 && acceptedConflicts(x.single).length > 0)) supported = [];
  }
  // Support that needs an adjacent passage or names from earlier sentences is weaker
  // than a passage that says the opposite about every word of the claim.
  const direct = supported.find((x) => supportScore(x) === x.single && x.single.contextNames === 0);
  if (supported.length && !direct) {
    const clash = cands
      .map((x) => ({ x, xs: acceptedConflicts(x.single) }))
      .find(({ x, xs }) => xs.length > 0 && x.single.contextNames === 0 && restCoverage(x.single, xs) >= CLEAR_CONFLICT_COVERAGE);
    if (clash) return { verdict: 'conflict', evidence: [clash.x, ...supported], conflicts: clash.xs, best: clash.x, how: 'decide.clear-conflict' };
  }
  if (supported.length) return { verdict: 'supported', evidence: supported, conflicts: [], best: supported[0] };
  // A slot whose value another passage backs (with at least half of the claim) is not
  // contradicted: the sources then speak of different things, or disagree.
  const backedElsewhere = (x: Conflict, self: Candidate): boolean =>
    (x.unit.kind === 'number' || x.unit.kind === 'date' || (x.unit.kind === 'name' && x.kind === 'entity')) &&
    cands.some((o) => o !== self && o.single.coverage >= PARTIAL_COVERAGE && o.single.matched.includes(x.unit));
  // A passage next to a sentence that by itself backs more of the claim (without the
  // names of earlier sentences) speaks of another statement: the name it has at the
  // claim's place (a rival found by position) is no conflict. Figures tied by their
  // counted noun keep theirs.
  const conflicting = cands
    .map((c) => ({ c, xs: acceptedConflicts(c.single).filter((x) => !backedElsewhere(x, c) && !(c.elsewhere && x.kind === 'entity')) }))
    .filter((x) => x.xs.length > 0)
    .sort((a, b) => restCoverage(b.c.single, b.xs) - restCoverage(a.c.single, a.xs) || a.c.rank - b.c.rank);
  // Two passages that line up about equally well give different values for the same
  // slot: which statement the claim means is unclear, so neither is a conflict.
  const ambiguous =
    conflicting.length >= 2 &&
    restCoverage(conflicting[0].c.single, conflicting[0].xs) - restCoverage(conflicting[1].c.single, conflicting[1].xs) < AMBIGUOUS_CONFLICT_MARGIN &&
    conflicting[0].xs.some((x) =>
      conflicting[1].xs.some((y) => y.unit === x.unit && differentValues(x, y)),
    );
  if (conflicting.length && !ambiguous) {
    const first = conflicting[0];
    const others = conflicting.slice(1).map((x) => x.c);
    return { verdict: 'conflict', evidence: [first.c, ...others], conflicts: first.xs, best: first.c };
  }
  // A document whose passages together back the claim (a summary sentence drawing on
  // several sentences of one source).
  const docSupport = documentSupport(c, units, cands, filled);
  if (docSupport) return docSupport;
  const byCoverage = [...cands].sort((a, b) => bestCoverage(b) - bestCoverage(a) || a.rank - b.rank);
  return { verdict: 'unsupported', evidence: byCoverage.filter((c) => bestCoverage(c) >= 0.3), conflicts: [], best: byCoverage[0] };
}

function toEvidence(c: Candidate): Evidence {
  const a = c.pair && c.pair.alignment.coverage > c.single.coverage ? c.pair.alignment : c.single;
  const d = c.hit.doc;
  const ev: Evidence = {
    source: d.path,
    key: d.key,
    range: c.hit.passage.range,
    text: c.hit.passage.text,
    score: Math.round(Math.min(1, Math.max(0, c.single.coverage)) * 1000) / 1000,
    // Exact substrings of `text` (terms an adjacent passage carries are left out).
    matched: a.terms.filter((t) => c.hit.passage.text.includes(t)),
  };
  if (d.title) ev.title = d.title;
  if (d.date) ev.date = d.date;
  if (c.hit.passage.page !== undefined) ev.page = c.hit.passage.page;
  return ev;
}

function quote(s: string): string {
  return `"${s.replace(/\s+/g, ' ').trim()}"`;
}

function conflictMessage(x: Conflict, source: string): string {
  switch (x.kind) {
    case 'negation':
      if (x.claimNegated) {
        return `the source says it did (${quote(x.sourceValue)}), the sentence says it did not (${quote(x.claimValue)})`;
      }
      return `the source says this did not happen (${quote(x.sourceValue)}), the sentence says it did`;
    case 'antonym':
      return `the source says ${quote(x.sourceValue)}, the sentence says the opposite, ${quote(x.claimValue)}`;
    default:
      void source;
      return `the source says ${x.sourceValue}, the sentence says ${x.claimValue}`;
  }
}

function unitList(units: Unit[]): string {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const u of [...units].sort((a, b) => a.start - b.start)) {
    const key = u.text.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(u.kind === 'word' ? u.text : u.text);
  }
  return out.map((x) => `"${x}"`).join(', ');
}

interface Judgement {
  decision: Decision;
  cands: Candidate[];
}

async function judge(retriever: Retriever, c: Prepared, units: Unit[], query: string, lang: LanguageCode, corpusLangs: Set<LanguageCode>, docPath?: string): Promise<Judgement> {
  const hits: PassageHit[] = [];
  const seen = new Set<string>();
  const add = (list: PassageHit[]) => {
    for (const h of list) {
      if (seen.has(h.passage.id)) continue;
      seen.add(h.passage.id);
      hits.push(h);
    }
  };
  // Passages far below a query's best score rarely line up with the claim and cost an
  // analysis each: past the first few, keep those within RELEVANCE_CUT of the best.
  const relevant = (list: PassageHit[]): PassageHit[] => {
    const top = list.length ? list[0].score : 0;
    return list.filter((h, i) => i < KEEP_ALWAYS || h.score >= RELEVANCE_CUT * top);
  };
  add(relevant(await retriever.search(query, { limit: CANDIDATES, language: lang, ...(docPath ? { docPath } : {}) })));
  // A cited source is read whole when it is short: a passage that shares no indexed term
  // with the sentence ("She started a career in politics" for "Jenna Jameson was a
  // politician") may still back it.
  if (docPath && hits.length < CANDIDATES) {
    const whole = await retriever.passagesOf(docPath, CITED_SCAN);
    if (whole) add(whole);
  }
  // Names, numbers and dates travel across languages: a second query on them alone
  // reaches passages in the other corpus language.
  const keyText = units.filter((u) => u.kind !== 'word').map((u) => u.text).join(' ');
  const other: LanguageCode = lang === 'nl' ? 'en' : 'nl';
  if (keyText && keyText !== query && corpusLangs.has(other)) {
    add(relevant(await retriever.search(keyText, { limit: Math.ceil(CANDIDATES / 2), language: other, ...(docPath ? { docPath } : {}) })));
  }
  const cands = hits.map((h, i) => evaluate(c, units, h, i, !!docPath));
  let decision = decide(c, units, cands);
  // The rest of the claim may sit elsewhere in the best source: look there for the
  // units its best passage lacks, then judge again (document-level support).
  if (decision.verdict === 'unsupported' && !docPath) {
    const best = [...cands].sort((a, b) => b.single.coverage - a.single.coverage || a.rank - b.rank)[0];
    if (best && best.single.coverage >= PARTIAL_COVERAGE) {
      const missing = [...best.single.unmatched, ...best.single.loose].map((u) => u.text).join(' ');
      if (missing.trim()) {
        const before = hits.length;
        add(await retriever.search(missing, { limit: 4, language: lang, docPath: best.hit.doc.path }));
        if (hits.length > before) {
          for (let i = before; i < hits.length; i++) cands.push(evaluate(c, units, hits[i], i, !!docPath));
          decision = decide(c, units, cands);
        }
      }
    }
  }
  return { decision, cands };
}

async function checkOne(retriever: Retriever, s: DraftSentence, corpusLangs: Set<LanguageCode>, draftText?: string): Promise<Finding | undefined> {
  const text = stripCitations(s.text);
  const lang = claimLanguage(text, corpusLangs);
  const c = prepare(text, lang);
  const units = claimUnits(c);
  if (units.length === 0) return undefined;
  const query = text.replace(/\s+/g, ' ').trim();
  const citations = [...s.citations];
  // The whole corpus is only searched when no cited source backs the sentence (or
  // backs it only in part, see below).
  let decision: Decision | undefined;
  let whole: Decision | undefined;
  const wholeCorpus = async (): Promise<Decision> => (whole ??= (await judge(retriever, c, units, query, lang, corpusLangs)).decision);
  const overall = async (): Promise<Decision> => (decision ??= await wholeCorpus());
  let citationProblem: Finding['citationProblem'];
  const citationReasons: Reason[] = [];
  let citedVerdict: Finding['verdict'] | undefined;
  let citedDecisionOut: Decision | undefined;
  let contrastCand: Candidate | undefined;
  if (citations.length) {
    const docs = new Map<string, SourceInfo | undefined>();
    for (const k of citations) if (!docs.has(k)) docs.set(k, await retriever.getDocument(k));
    const unknown = citations.filter((k) => !docs.get(k));
    const known = citations.filter((k) => docs.get(k));
    let citedBacks = false;
    let citedDecision: Decision | undefined;
    const citedCands: Candidate[] = [];
    for (const key of known) {
      const doc = docs.get(key)!;
      const j = await judge(retriever, c, units, query, lang, corpusLangs, doc.path);
      citedCands.push(...j.cands);
      if (j.decision.verdict === 'supported') {
        citedBacks = true;
        citedDecision = j.decision;
        break;
      }
      if (!citedDecision || (j.decision.verdict === 'conflict' && citedDecision.verdict !== 'conflict')) citedDecision = j.decision;
    }
    // Another source's version of the statement (see contrast.ts) that backs the
    // sentence where the cited version does not.
    let contrasted: { cand: Candidate; contrast: Contrast; other: SourceInfo } | undefined;
    const citedPaths = new Set(citedCands.map((x) => x.hit.doc.path));
    const tryContrast = async (citedCoverage: number) => {
      const w = await wholeCorpus();
      if (w.verdict !== 'supported' || !w.best || citedPaths.has(w.best.hit.doc.path)) return;
      const backing = supportScore(w.best);
      if (!backing || backing.coverage <= citedCoverage) return;
      const vs = contrastWith(c, units, citedCands, w.best);
      if (vs) contrasted = { ...vs, other: w.best.hit.doc };
    };
    if (citedBacks && citedDecision?.best) {
      // Backed with gaps: a word of the sentence the cited passage lacks may be one it says otherwise.
      const a = supportScore(citedDecision.best);
      if (a && a.unmatched.some((u) => u.kind === 'word')) {
        await tryContrast(a.coverage);
        if (contrasted) citedBacks = false;
      }
    } else if (citedDecision?.verdict === 'unsupported') await tryContrast(citedDecision.best ? bestCoverage(citedDecision.best) : 0);
    if (citedDecision) citedVerdict = contrasted ? 'conflict' : citedBacks ? 'supported' : citedDecision.verdict;
    citedDecisionOut = citedDecision;
    if (citedBacks && citedDecision) {
      decision = citedDecision; // evidence from the cited source first
    } else if (citedDecision && citedDecision.verdict === 'conflict' && (await overall()).verdict !== 'supported') {
      decision = citedDecision;
    }
    if (unknown.length) {
      let shared: { k: string; keys: string[] } | undefined;
      for (const k of unknown) {
        const keys = await retriever.ambiguousKey?.(k);
        if (keys) {
          shared = { k, keys };
          break;
        }
      }
      let msg = `no source has the citation key ${unknown.map((k) => `"${k}"`).join(', ')}`;
      if (shared) msg += `: ${shared.keys!.length} sources share "${shared.k}" (${shared.keys!.slice(0, 5).join(', ')}${shared.keys!.length > 5 ? ', ...' : ''}); cite one of them`;
      citationProblem = { key: unknown[0], message: msg };
      citationReasons.push({ kind: 'citation', message: msg });
    } else if (known.length && !citedBacks) {
      const keys = known.join(', ');
      let msg = `the cited source ${keys} does not back this sentence`;
      const d = await overall();
      if (contrasted) {
        contrastCand = contrasted.cand;
        const other = contrasted.other;
        msg = `the cited source ${keys} contradicts this sentence: ${contrastMessage(contrasted.contrast)}, as ${other.key} (${other.title || other.path}) does`;
      } else {
        if (citedDecision?.verdict === 'conflict') {
          const x = citedDecision.conflicts[0];
          msg = `the cited source ${keys} contradicts this sentence${x ? ` (${conflictMessage(x, keys)})` : ''}`;
        }
        if (d.verdict === 'supported' && d.best) {
          const other = d.best.hit.doc;
          msg += `; ${other.key} (${other.title || other.path}) does`;
        }
      }
      citationProblem = { key: known[0], message: msg };
      citationReasons.push({ kind: 'citation', message: msg });
    }
  }
  const finding = buildFinding(s, new RangeMapper(s, draftText), await overall(), citations, citationProblem, citationReasons);
  // Show the cited source's closest passage too: the one that fails to back the sentence.
  const citedBest = citationProblem && (contrastCand ?? citedDecisionOut?.best);
  if (citedBest && citedBest.single.coverage > 0 && !finding.evidence.some((e) => e.source === citedBest.hit.doc.path && e.text === citedBest.hit.passage.text)) {
    finding.evidence.push(toEvidence(citedBest));
  }
  if (citedVerdict) finding.citedVerdict = citedVerdict;
  if (contrastCand) finding.rules = [...new Set([...(finding.rules ?? []), 'contrast.versions'])].sort();
  if (citationProblem) finding.rules = [...new Set([...(finding.rules ?? []), citationProblem.message.startsWith('no source has') ? 'citation.unknown-key' : 'citation.not-supported'])].sort();
  return finding;
}

/**
 * The cited passage that is another version of the backing passage `backing`, and
 * where the two differ (see contrast.ts); the most similar one when several are.
 */
function contrastWith(c: Prepared, units: Unit[], cited: Candidate[], backing: Candidate): { cand: Candidate; contrast: Contrast } | undefined {
  let best: { cand: Candidate; contrast: Contrast } | undefined;
  for (const x of cited) {
    const k = contrast(c, units, x.prepared, backing.prepared);
    if (k && (!best || k.similarity > best.contrast.similarity)) best = { cand: x, contrast: k };
  }
  return best;
}

function contrastMessage(k: Contrast): string {
  if (k.negation) {
    return k.sourceValue ? `it says ${quote(k.sourceValue)} where the other version does not` : `it lacks the negation of the other version (${quote(k.claimValue)})`;
  }
  return `it says ${quote(k.sourceValue)} where the sentence says ${quote(k.claimValue)}`;
}

/** The ids behind a decision: the lookups and rules of the alignment it rests on, and how it was decided. */
function decisionRules(d: Decision): string[] {
  const ids = new Set<string>();
  const best = d.best;
  if (d.verdict === 'conflict') {
    for (const x of d.conflicts) if (x.rule) ids.add(x.rule);
    if (best) for (const r of best.single.rules) if (r.startsWith('align.')) ids.add(r);
  } else if (best) {
    const a = d.verdict === 'supported' ? (supportScore(best) ?? best.single) : best.pair && best.pair.alignment.coverage > best.single.coverage ? best.pair.alignment : best.single;
    for (const r of a.rules) if (d.verdict !== 'supported' || !r.startsWith('conflict.')) ids.add(r);
    if (d.verdict === 'supported' && a !== best.single) ids.add('decide.neighbour');
  }
  if (d.how) ids.add(d.how);
  return [...ids].sort();
}

function buildFinding(
  s: DraftSentence,
  mapper: RangeMapper,
  decision: Decision,
  citations: string[],
  citationProblem: Finding['citationProblem'],
  citationReasons: Reason[],
): Finding {
  const evidence = decision.evidence.slice(0, EVIDENCE).map(toEvidence);
  const reasons: Reason[] = [];
  /** The rules behind a "blocked" reason (they join the finding's `rules`). */
  const whyRules: string[] = [];
  let code: FindingCode;
  if (decision.verdict === 'supported') {
    code = 'claim.supported';
    const best = decision.best!;
    if (best.pair && !supports(best.single)) {
      // Show the adjacent passage that carries the rest of the claim.
      const nb: Candidate = { ...best, hit: best.pair.neighbor, single: best.pair.alignment, pair: undefined };
      if (!decision.evidence.some((e) => e.hit.passage.id === nb.hit.passage.id) && evidence.length) {
        evidence.splice(1, 0, toEvidence(nb));
        evidence.length = Math.min(evidence.length, EVIDENCE);
      }
    }
  } else if (decision.verdict === 'conflict') {
    const src = decision.best!.hit.doc;
    const srcName = src.key;
    for (const x of decision.conflicts) {
      // The whole differing slot (a name of several units, a predicate phrase): what claimValue spells.
      const slot = [x.unit, ...(x.also ?? [])];
      const from = Math.min(...slot.map((u) => u.start));
      const to = Math.max(...slot.map((u) => u.end));
      reasons.push({
        kind: x.kind,
        message: conflictMessage(x, srcName),
        claimValue: x.claimValue,
        sourceValue: x.sourceValue,
        claimRange: mapper.range(from, to),
        evidenceIndex: 0,
      });
    }
    code = `claim.conflict.${decision.conflicts[0].kind}` as FindingCode;
  } else {
    const best = decision.best;
    const a = best ? (best.pair && best.pair.alignment.coverage > best.single.coverage ? best.pair.alignment : best.single) : undefined;
    // The passage that lines up best with the sentence (before role rules), when a rule
    // says why it does not back it.
    const shown = decision.evidence.slice(0, EVIDENCE);
    const closest = shown.reduce<Candidate | undefined>((m, x) => (!m || x.single.lined > m.single.lined ? x : m), undefined);
    if (closest && closest.single.why.length && closest.single.lined >= PARTIAL_COVERAGE) {
      for (const r of closest.single.rules) if (r.startsWith('blocks.') || r.startsWith('role.')) whyRules.push(r);
      reasons.push({
        kind: 'blocked',
        message: `the closest passage does not back it (${closest.single.why.join('; ')})`,
        evidenceIndex: shown.indexOf(closest),
      });
    }
    if (a && a.coverage >= PARTIAL_COVERAGE && (a.unmatched.length || a.loose.length)) {
      const missing = [...a.unmatched, ...a.loose];
      const list = unitList(missing);
      const first = [...missing].sort((x, y) => x.start - y.start)[0];
      reasons.push({
        kind: 'partial',
        message: `the sources back part of this sentence, but not ${list}`,
        claimValue: list,
        claimRange: mapper.range(first.start, first.end),
        evidenceIndex: evidence.length ? 0 : undefined,
      });
      code = 'claim.unsupported.partial';
    } else {
      reasons.push({ kind: 'no-evidence', message: 'no passage in the sources backs this sentence' });
      code = 'claim.unsupported';
    }
  }
  reasons.push(...citationReasons);
  if (citationProblem) code = citationProblem.message.startsWith('no source has') ? 'citation.unknown-key' : 'citation.not-supported';
  for (const r of reasons) if (r.evidenceIndex === undefined) delete r.evidenceIndex;
  const finding: Finding = {
    range: s.range,
    text: s.text,
    verdict: decision.verdict,
    code,
    reasons,
    evidence,
    citations,
    rules: [...new Set([...decisionRules(decision), ...whyRules])].sort(),
  };
  if (citationProblem) finding.citationProblem = citationProblem;
  return finding;
}

export async function checkSentences(retriever: Retriever, sentences: DraftSentence[], options: CheckSentencesOptions = {}): Promise<Finding[]> {
  const ignored = options.ignoredSentences;
  const normIgnored = ignored ? new Set([...ignored].map(normalizeSentence)) : undefined;
  const langs = new Set<LanguageCode>(await retriever.languages());
  const out: Finding[] = [];
  for (const s of sentences) {
    if (s.ignored) continue;
    if (normIgnored && (ignored!.has(s.text) || normIgnored.has(normalizeSentence(s.text)))) continue;
    if (!classifySentence(s).worthy) continue;
    try {
      const f = await checkOne(retriever, s, langs, options.draftText);
      if (f) out.push(f);
    } catch (err) {
      // Bad input never crashes a check: report the sentence as unchecked.
      out.push({
        range: s.range,
        text: s.text,
        verdict: 'unsupported',
        code: 'claim.unsupported',
        reasons: [{ kind: 'no-evidence', message: `could not check this sentence: ${(err as Error).message}` }],
        evidence: [],
        citations: [...s.citations],
        rules: [],
      });
    }
  }
  return out;
}
