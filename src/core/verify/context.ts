/**
 * The alignment context of one claim and one passage (or a passage and an adjacent one):
 * each claim unit looked up in the passage once, and the claim's words and names placed
 * on passage tokens (monotone where possible). Built once per pair; the rules in rules/
 * read it and never change it.
 *
 * Lookups, each recorded as the unit's `via`:
 *  - `align.word`: a content word by stem, en↔nl concept, spelling variant, agent noun
 *    or long shared prefix (match.ts findToken);
 *  - `align.negated-antonym`: a word the claim negates, whose antonym the passage states
 *    ("not clear" / "unclear"; nlp.ts areAntonyms);
 *  - `align.name`: a name by key or by most of its words; `align.name-context`: named
 *    only in the preceding passages ("Its members"); `align.name-partial` (loose): a
 *    distinctive part of a longer name;
 *  - `align.cited-topic`: the cited document's opening passage refers to an unnamed
 *    referent that stands for the claim's subject (see LazyContext.citedTopic);
 *  - `align.number` / `align.date`: a figure or date compatible with the claim's, for a
 *    compatible counted noun (match.ts compareNumbers, compareDates).
 */
import type { AlignContext, UnitState } from './rules/types';
import type { LazyContext, Unit } from './align';
import { areAntonyms, type Prepared } from './nlp';
import { compareDates, compareNumbers, findToken, isExact, nameMatched, nounUnder, unitsMatch, withYear } from './match';
import { DEFINITE, SAYING, agrees, anaphors, cueBefore, subjectUnit } from './slots';
import { structureOf } from './structure';

/** Cues that negate a predicate (with "isn't" and the like), not a noun phrase ("no", "geen", "nobody" deny a referent). */
const PREDICATE_NEGATION = new Set(['not', 'never', 'cannot', 'niet', 'nooit']);

/** WordNet's noun over the descriptions that may stand for a name of each kind ("the movement" for an organization). */
const DESCRIBES: Record<string, string | undefined> = { person: 'person', org: 'group', place: 'location' };
/** Senses of a description's noun read ("movement" is a group of people in its fifth). */
const DESCRIPTION_SENSES = 5;
/**
 * Whether the passage has a word that may stand for a name of an earlier sentence of kind
 * `kind`: a pronoun, or a definite description whose noun is of that kind ("the
 * organization", "the Palestinian resistance movement", "de beweging"; not "the strike").
 */
function refersBack(p: Prepared, kind: string): boolean {
  // A pronoun after a name of the passage itself most likely stands for that name ("the US
  // and its allies", "the Islamic State ... their weapons"), not for one of an earlier sentence.
  const firstName = p.tokens.findIndex((t) => t.name !== undefined);
  if (anaphors(p).some((a) => firstName < 0 || a.k < firstName)) return true;
  const root = DESCRIBES[kind];
  for (let k = 0; k < p.tokens.length; k++) {
    if (!DEFINITE.has(p.tokens[k].norm)) continue;
    // The noun may come after adjectives ("the Palestinian resistance movement").
    for (let j = k + 1; j <= k + 3 && j < p.tokens.length && !p.tokens[j - 1].breakAfter; j++) {
      const q = p.tokens[j];
      if (q.name !== undefined || q.stop || !/^\p{Ll}/u.test(q.text)) continue;
      if (!root || nounUnder(q.norm, p.lang, root, DESCRIPTION_SENSES, true)) return true;
    }
  }
  return false;
}

/** "according to": a report's frame, which the passage may give by a verb of saying ("X said", "volgens X"). */
function reportFrame(c: Prepared, i: number): boolean {
  return c.tokens[i].norm === 'according' && c.tokens[i + 1]?.norm === 'to';
}
function reportVerbs(p: Prepared): number[] {
  return p.tokens.filter((t) => SAYING.has(t.norm) || t.norm === 'according' || t.norm === 'volgens').map((t) => t.i);
}

export function buildContext(c: Prepared, units: readonly Unit[], passages: readonly Prepared[], context: Prepared[] | (() => Prepared[]) | LazyContext = []): AlignContext {
  // Whether some context passage satisfies `pred`, preparing them one at a time, nearest first.
  const contextSome = (pred: (cp: Prepared) => boolean): boolean => {
    if (Array.isArray(context)) return context.some(pred);
    if (typeof context === 'function') return context().some(pred);
    for (let j = 0; ; j++) {
      const cp = context.at(j);
      if (!cp) return false;
      if (pred(cp)) return true;
    }
  };
  const p = passages[0];
  const pos = new Map<number, number>();
  const usedPassage = new Set<number>();
  const unitTerms = new Map<Unit, string[]>();
  const via = new Map<Unit, string>();
  const addTerm = (u: Unit, q: Prepared, from: number, to: number) => {
    const list = unitTerms.get(u) ?? [];
    const t = q.text.slice(from, to);
    if (t && !list.includes(t)) list.push(t);
    unitTerms.set(u, list);
  };
  const cs = structureOf(c);
  const claimHedged = (i: number): boolean => {
    const cl = cs.clauses[cs.clauseOf[i]];
    return !!cl && (cl.modal || cl.reportative);
  };
  // Words and names, monotone where possible.
  let last = -1;
  let polarityClash = false;
  const wordHit = (u: Unit, i: number): boolean => {
    let hit = false;
    for (let pi = 0; pi < passages.length; pi++) {
      let f = findToken(c.tokens[i], c, passages[pi]);
      if (f.length === 0 && reportFrame(c, i)) f = reportVerbs(passages[pi]);
      // In an added passage only same-polarity occurrences back the word (the primary
      // passage reports a polarity difference as a negation conflict); an added passage
      // that says the opposite of the claim's word spoils the combination.
      if (pi > 0) {
        const same = f.filter((k) => passages[pi].tokens[k].negated === c.tokens[i].negated);
        if (same.length === 0 && f.some((k) => passages[pi].tokens[k].negHead || c.tokens[i].negHead)) polarityClash = true;
        f = same;
        // Nor what the added passage states as a possibility or intention ("vowed to free"),
        // unless the claim does too (the rules of rules/ judge the primary passage only).
        if (f.length && !claimHedged(i)) {
          const st = structureOf(passages[pi]);
          f = f.filter((k) => !st.clauses[st.clauseOf[k]]?.modal);
        }
      }
      if (f.length === 0) continue;
      hit = true;
      if (pi === 0) {
        const next = f.find((k) => k > last) ?? f[0];
        pos.set(i, next);
        last = Math.max(last, next);
        for (const k of f) usedPassage.add(k);
        addTerm(u, p, p.tokens[next].start, p.tokens[next].end);
      } else addTerm(u, passages[pi], passages[pi].tokens[f[0]].start, passages[pi].tokens[f[0]].end);
    }
    return hit;
  };
  // A word the claim negates, where the primary passage states its antonym ("is not clear"
  // for "is unclear", "was not open" for "was closed"): the antonym entails the negation.
  // Not the other way round ("not clear" does not entail "unclear").
  const negatedByAntonym = (u: Unit, i: number): boolean => {
    const ct = c.tokens[i];
    if (!ct.negated || !ct.negHead) return false;
    // Only a negated predicate ("is not clear"): "no one inside" denies that anyone is
    // there, not that the place is inside.
    const cue = cueBefore(c, i);
    if (cue < 0 || !(PREDICATE_NEGATION.has(c.tokens[cue].norm) || /n[’']?t$/.test(c.tokens[cue].norm))) return false;
    const k = p.content.find((j) => !p.tokens[j].negated && !usedPassage.has(j) && areAntonyms(ct, p.tokens[j]));
    if (k === undefined) return false;
    pos.set(i, k);
    last = Math.max(last, k);
    usedPassage.add(k);
    addTerm(u, p, p.tokens[k].start, p.tokens[k].end);
    return true;
  };
  const state = new Map<Unit, UnitState>();
  const namePos = new Map<Unit, number[]>();
  let contextNames = 0;
  const contextKinds: string[] = [];
  for (const u of units) {
    if (u.kind === 'word') {
      const hit = wordHit(u, u.tokens[0]);
      const opposite = !hit && negatedByAntonym(u, u.tokens[0]);
      state.set(u, hit || opposite ? 'match' : 'miss');
      if (hit) via.set(u, 'align.word');
      else if (opposite) via.set(u, 'align.negated-antonym');
    } else if (u.kind === 'name') {
      let hit = false;
      for (let pi = 0; pi < passages.length; pi++) {
        const r = nameMatched(c, u.ref, passages[pi]);
        if (r.hit) {
          hit = true;
          if (pi === 0) {
            namePos.set(u, r.pos);
            for (const k of r.pos) usedPassage.add(k);
            const ordered = [...r.pos].sort((a, b) => a - b);
            u.tokens.forEach((ti, j) => {
              const k = ordered[Math.min(j, ordered.length - 1)];
              if (k !== undefined) pos.set(ti, k);
            });
            if (ordered.length) last = Math.max(last, ordered[ordered.length - 1]);
          }
          const pp = passages[pi];
          if (r.pos.length) addTerm(u, pp, pp.tokens[Math.min(...r.pos)].start, pp.tokens[Math.max(...r.pos)].end);
          break;
        }
      }
      let viaContext = false;
      if (!hit) {
        viaContext = contextSome((cp) => nameMatched(c, u.ref, cp).hit);
        if (viaContext) {
          contextNames++;
          contextKinds.push(c.names[u.ref].kind);
        }
      }
      const partial = !hit && u.tokens.length >= 2 && passages.some((pp) => nameMatched(c, u.ref, pp).partial);
      state.set(u, hit || viaContext ? 'match' : partial ? 'loose' : 'miss');
      if (hit) via.set(u, 'align.name');
      else if (viaContext) via.set(u, 'align.name-context');
      else if (partial) via.set(u, 'align.name-partial');
    }
  }
  // The cited document's unnamed referent is the claim's subject: backed by the first
  // anaphor that fits it, which stands in for it in the passage.
  if (!Array.isArray(context) && typeof context !== 'function' && context.citedTopic) {
    const subject = subjectUnit(c, units as Unit[], (u) => state.get(u) === 'match');
    if (subject && state.get(subject) !== 'match' && !subject.tokens.some((ti) => findToken(c.tokens[ti], c, p).length > 0)) {
      const ref = anaphors(p).find((a) => !usedPassage.has(a.k) && agrees(a.kind, c, subject, p, usedPassage));
      if (ref) {
        state.set(subject, 'match');
        via.set(subject, 'align.cited-topic');
        contextNames++;
        for (const ti of subject.tokens) pos.set(ti, ref.k);
        usedPassage.add(ref.k);
        if (subject.kind === 'name') namePos.set(subject, [ref.k]);
        addTerm(subject, p, p.tokens[ref.k].start, p.tokens[ref.k].end);
      }
    }
  }
  // Numbers and dates. `valueAt`: the primary passage's mentions that back the unit at its final state.
  const valueAt = new Map<Unit, number[]>();
  const tokensOf = (from: number, to: number): number[] => {
    const out: number[] = [];
    for (const t of p.tokens) if (t.start >= from && t.end <= to) out.push(t.i);
    return out;
  };
  const backers = new Map<Unit, { match: number[]; loose: number[] }>();
  const noteBacker = (u: Unit, pp: Prepared, rel: 'match' | 'loose', from: number, to: number) => {
    if (pp !== p) return;
    const b = backers.get(u) ?? { match: [], loose: [] };
    b[rel].push(...tokensOf(from, to));
    backers.set(u, b);
  };
  for (const u of units) {
    if (u.kind === 'number') {
      const cn = c.numbers[u.ref];
      let st: UnitState = 'miss';
      for (const pp of passages) {
        // A figure for the same counted noun that differs outweighs one for a noun that
        // is merely compatible ("324 passengers" / "224 passengers ... over 300 people").
        const sameNounDiffers = pp.numbers.some((sn) => sn.kind === cn.kind && unitsMatch(cn, sn, c, pp) === 'same' && compareNumbers(cn, sn) === 'conflict');
        for (const sn of pp.numbers) {
          if (sn.kind !== cn.kind && !(sn.kind === 'count' || cn.kind === 'count')) continue;
          const rel = compareNumbers(cn, sn);
          const um = unitsMatch(cn, sn, c, pp);
          if (um === 'none' && cn.unit && sn.unit && sameNounDiffers) continue;
          const before: string = st;
          if (rel === 'match' && um !== 'differ') {
            st = 'match';
            noteBacker(u, pp, 'match', sn.start, sn.end);
          } else if (rel === 'match' && isExact(cn)) {
            if (st !== 'match') st = 'loose';
            noteBacker(u, pp, 'loose', sn.start, sn.end);
          } else if (rel === 'loose' && um !== 'differ') {
            if (st === 'miss') st = 'loose';
            noteBacker(u, pp, 'loose', sn.start, sn.end);
          }
          if (st !== before) addTerm(u, pp, sn.start, sn.end);
        }
        if (st === 'match') break;
      }
      state.set(u, st);
      if (st !== 'miss') via.set(u, 'align.number');
    } else if (u.kind === 'date') {
      const cd = c.dates[u.ref];
      let st: UnitState = 'miss';
      for (const pp of passages) {
        for (const sd0 of pp.dates) {
          const sd = withYear(sd0, pp.defaultYear);
          const rel = compareDates(cd, sd);
          const before: string = st;
          if (rel === 'match') {
            st = 'match';
            noteBacker(u, pp, 'match', sd0.start, sd0.end);
          } else if (rel === 'loose') {
            if (st === 'miss') st = 'loose';
            noteBacker(u, pp, 'loose', sd0.start, sd0.end);
          }
          if (st !== before) addTerm(u, pp, sd0.start, sd0.end);
        }
        // A bare year may also appear as a plain number in the passage.
        if (st === 'miss' && cd.year !== undefined && cd.month === undefined && cd.weekday === undefined) {
          const n = pp.numbers.find((n) => isExact(n) && n.value === cd.year);
          if (n) {
            st = 'match';
            addTerm(u, pp, n.start, n.end);
            noteBacker(u, pp, 'match', n.start, n.end);
          }
        }
        if (st === 'match') break;
      }
      state.set(u, st);
      if (st !== 'miss') via.set(u, 'align.date');
    }
  }
  for (const [u, b] of backers) {
    const st = state.get(u);
    const at = st === 'match' ? b.match : st === 'loose' ? b.loose : [];
    if (at.length) valueAt.set(u, [...new Set(at)].sort((a, b) => a - b));
  }
  return {
    c,
    units,
    valueAt,
    passages,
    p,
    pos,
    usedPassage,
    namePos,
    state,
    via,
    terms: unitTerms,
    contextNames,
    contextUnreferred: contextKinds.some((kind) => !refersBack(p, kind)),
    addedPolarityClash: polarityClash,
  };
}
