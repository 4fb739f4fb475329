/**
 * conflict.negation: an aligned content word whose polarity differs in every occurrence
 * ("was opened" / "was not opened"). The differing polarity must be on the word the cue
 * governs directly (or, after a negated modifier, the word it modifies when the modifier
 * lines up too), near the rest of the aligned claim. With occurrences of both polarities
 * ("has modelled for Mango, but declined to model for L'Oréal") the one tied to the
 * claim's neighbouring aligned word decides.
 */
import { broaderOf, type CToken, type Prepared } from '../nlp';
import type { AlignContext, Rule, Signal } from './types';
import type { Unit } from '../align';
import { findToken } from '../match';
import { NEG_GOVERN_WINDOW, NEG_LOCALITY, cueAfter, cueBefore, negationPhrase, tiedOccurrence } from '../slots';
import { isClauseVerb, structureOf } from '../structure';
import { getLexicon } from '../../analysis/lexicon';

/**
 * Passage token b backs claim token a only through b's senses two levels up ("allowing"
 * reaches "react" through "accept"): too little to deny it by. Every other match findToken
 * makes (a form, a spelling variant, an agent noun, a sense of b's own or one level up)
 * still counts.
 */
function onlyTwoLevelsUp(a: CToken, b: CToken): boolean {
  const own = [...b.concepts, ...(b.stemConcepts ?? [])];
  const shares = (xs: string[]) => a.concepts.some((x) => xs.includes(x));
  return !shares(own) && !shares(broaderOf(own, 1)) && shares(broaderOf(own, 2));
}

/** How many negation cues ("refused to" is one) sit close to token k in its clause. */
function cuesAround(q: Prepared, k: number): number {
  let n = 0;
  for (let j = k - 1; j >= 0 && k - j <= NEG_GOVERN_WINDOW && !q.tokens[j].breakAfter; j--) if (q.tokens[j].cue && !q.tokens[j - 1]?.cue) n++;
  for (let j = k + 1; j < q.tokens.length && j - k <= NEG_GOVERN_WINDOW; j++) {
    if (q.tokens[j].cue && !q.tokens[j - 1].cue) n++;
    if (q.tokens[j].breakAfter) break;
  }
  return n;
}

/** The norms of the negation cues before token k in its clause (up to the clause's start). */
function cuesBefore(q: Prepared, k: number): Set<string> {
  const out = new Set<string>();
  for (let j = k - 1; j >= 0 && !q.tokens[j].breakAfter; j--) if (q.tokens[j].cue) out.add(q.tokens[j].norm);
  return out;
}

/** A negation cue of the same word before claim token ti and before passage token k, each in its clause. */
function sameCueBefore(c: Prepared, ti: number, p: Prepared, k: number): boolean {
  const a = cuesBefore(c, ti);
  if (a.size === 0) return false;
  for (const n of cuesBefore(p, k)) if (a.has(n)) return true;
  return false;
}

/** Claim tokens before the denied word that may stand at the cue's place. */
const CUE_PLACE = 3;
/**
 * Claim words the passage lacks that stand where the passage has its negation: right before
 * the denied word, after the claim's aligned word before it, while the passage's cue sits
 * between that word's place and the denied one ("have repeatedly attacked" / "have never
 * attacked", "genoeg macht" / "te weinig macht"). They belong to the differing slot: what the
 * passage's cue denies, the claim's words assert.
 */
function atCuePlace(ctx: AlignContext, ti: number, k: number): Unit[] {
  const { c, p, pos } = ctx;
  const cue = cueBefore(p, k);
  if (cue < 0) return [];
  const out: Unit[] = [];
  for (let j = ti - 1; j >= 0 && ti - j <= CUE_PLACE && !c.tokens[j].breakAfter; j--) {
    const anchor = pos.get(j);
    if (anchor !== undefined) return anchor < cue ? out : [];
    const w = ctx.units.find((x) => x.kind === 'word' && x.tokens.includes(j));
    if (!w || ctx.state.get(w) !== 'miss') continue;
    // Only an adverb (how often, how much): an adjective there ("an old man" / "no man")
    // adds a fact of its own.
    if (!adverb(c, j)) return [];
    out.push(w);
  }
  return out;
}
/** An adverb by the English tags, or (Dutch, untagged) by the lexicon: an adverb sense and no other part of speech. */
function adverb(c: Prepared, j: number): boolean {
  // (Not one before a noun, which it modifies as an adjective would: "a backwards hat".)
  const tags = structureOf(c).tags;
  if (tags) return tags[j] === 'ADV' && tags[j + 1] !== 'NOUN';
  const lex = getLexicon();
  if (!lex || (c.lang !== 'en' && c.lang !== 'nl')) return false;
  const w = c.tokens[j].norm;
  // An inflected form ("achterwaartse") is an adjective: adverbs do not inflect.
  if (!lex.lemmas(w, c.lang).includes(w)) return false;
  return lex.synsets(w, c.lang, 'r').length > 0 && (['n', 'v', 'a'] as const).every((x) => lex.synsets(w, c.lang as 'en' | 'nl', x).length === 0);
}
export const negation: Rule = {
  id: 'conflict.negation',
  stage: 'contrast',
  summary: 'an aligned predicate stated with the other polarity',
  run(ctx) {
    const { c, p, units, pos, usedPassage } = ctx;
    const aligned = [...pos.values()];
    // The passage states the antonym of the word the claim negates (context.ts
    // align.negated-antonym): the claim's negation is stated, so no claim-negated word differs.
    const absorbed = units.some((u) => ctx.via.get(u) === 'align.negated-antonym');
    for (const u of units) {
      if (u.kind !== 'word' || ctx.state.get(u) !== 'match') continue;
      const ti = u.tokens[0];
      const ct = c.tokens[ti];
      if (absorbed && ct.negated) continue;
      const occ = findToken(ct, c, p).filter((k) => !onlyTwoLevelsUp(ct, p.tokens[k]));
      if (occ.length === 0) continue;
      const modifierOk = (t: CToken, backed: (i: number) => boolean) => t.negModifier === undefined || backed(t.negModifier);
      const claimModBacked = (i: number) => {
        const v = units.find((x) => x.tokens.includes(i));
        return v ? ctx.state.get(v) === 'match' : findToken(c.tokens[i], c, p).length > 0;
      };
      const headOk = (k: number) =>
        ct.negated ? !!ct.negHead && modifierOk(ct, claimModBacked) : !!p.tokens[k].negHead && modifierOk(p.tokens[k], (i) => usedPassage.has(i) || aligned.includes(i));
      const others = [...pos.entries()].filter(([ci]) => ci !== ti).map(([, pk]) => pk);
      const nearOthers = (k: number) => others.some((pk) => Math.abs(pk - k) <= NEG_LOCALITY);
      const tied = occ.length > 1 && !occ.every((k) => p.tokens[k].negated === p.tokens[occ[0]].negated) ? tiedOccurrence(c, ti, occ, pos) : undefined;
      const differs =
        tied !== undefined
          ? p.tokens[tied].negated !== ct.negated && headOk(tied)
          : occ.every((k) => p.tokens[k].negated !== ct.negated) && occ.some((k) => headOk(k) && nearOthers(k));
      if (!differs) continue;
      const k = tied ?? pos.get(ti) ?? occ[0];
      // The passage word's polarity is accounted for by another claim word it backs with
      // the same polarity ("ontbreekt het de partij aan macht" for "heeft de partij te weinig
      // macht": the claim's "kracht" lands on the same negated "macht").
      if ([...pos.entries()].some(([ci, pk]) => ci !== ti && pk === k && c.tokens[ci].negated === p.tokens[k].negated)) continue;
      // A negated claim word that the passage has right before a negation of its own clause
      // ("not even the rival parties had" / "even the rival parties had not"): the passage negates
      // the predicate the word takes part in.
      // (Only with as many cues around the word on both sides: "had not so far failed to"
      // against "had so far failed to" still differs.)
      if (ct.negated && cueAfter(p, k) >= 0 && cuesAround(c, ti) % 2 === cuesAround(p, k) % 2) continue;
      // The same cue stands before the word in both texts, within its clause ("their lack of
      // religious fervour and of religious rulings" / "lack of religious fervor and lack of
      // religious rulings"): the texts differ in how far the cue reaches, not in polarity.
      if (sameCueBefore(c, ti, p, k)) continue;
      const negSide = ct.negated ? c : p;
      const tok = ct.negated ? ct : p.tokens[k];
      const phrase = negationPhrase(negSide, tok.i);
      const also = ct.negated ? [] : atCuePlace(ctx, ti, k);
      const out: Signal[] = [
        {
          type: 'conflict',
          conflict: {
            kind: 'negation',
            unit: u,
            claimValue: ct.negated ? phrase : ct.text,
            sourceValue: ct.negated ? p.tokens[k].text : phrase,
            strong: false,
            claimNegated: ct.negated,
            predicate: isClauseVerb(c, ti),
            rule: this.id,
            ...(also.length ? { also } : {}),
          },
        },
      ];
      return out;
    }
    return [];
  },
  examples: [
    { claim: 'The mayor opened the new bridge on Friday.', passage: 'The mayor did not open the new bridge on Friday.', expect: 'conflict', sourceValue: 'not open' },
    { claim: 'De burgemeester opende de brug niet.', passage: 'De burgemeester opende de brug op vrijdag.', lang: 'nl', expect: 'conflict' },
    { claim: 'The mayor opened the new bridge on Friday.', passage: 'The mayor opened the new bridge on Friday, not on Thursday.', expect: 'none' },
    // A word the passage has only through a sense two levels up says too little to deny it
    // by ("allowing" reaches "react" through "accept"); one level up it does ("singer" is a
    // musician).
    { claim: 'Hij heeft nog niet gereageerd op het plan van de haven.', lang: 'nl', passage: 'The council was praised for allowing the plan of the harbour.', passageLang: 'en', expect: 'none' },
    { claim: 'The report faulted the council for its lack of public planning and of public oversight.', passage: 'The report faulted the council for its lack of public planning and lack of public oversight.', expect: 'none' },
    // A negative indefinite denies the indefinite ("Nobody" is "not somebody"): the claim's
    // "Someone" lines up with it (nlp.ts NEG_INDEFINITE; verify-words.test.ts checks the verdict).
    { claim: 'Someone is painting the fence.', passage: 'Nobody is painting the fence.', expect: 'conflict', sourceValue: 'Nobody' },
    { claim: 'Nobody is painting the fence.', passage: 'Nobody is painting the fence.', expect: 'none' },
    // The antonym of the negated word states the negation (the words around it too).
    { claim: 'De oorzaak van de brand is niet duidelijk.', passage: 'De oorzaak van de brand is onduidelijk.', lang: 'nl', expect: 'none' },
    { claim: 'Dana Wells is not a musician.', passage: 'Dana Wells is a singer from Leith.', expect: 'conflict' },
    // "not yet" denies as "not" does.
    { claim: 'The council has not yet approved the harbour plan.', passage: 'The council has not approved the harbour plan.', expect: 'none' },
    { claim: 'The council has not yet approved the harbour plan.', passage: 'The council approved the harbour plan on Friday.', expect: 'conflict' },
    // The passage negates the same predicate elsewhere: its subject before the cue, or the
    // same negated word that another claim word lands on.
    { claim: 'The mayor said that not even the rival parties had.', passage: 'The mayor said that even the rival parties had not.', expect: 'none' },
    { claim: 'Voor een grote aanval op eigen kracht ontbreekt het de partij aan macht.', passage: 'Om zelf een grote aanval uit te voeren, heeft de partij te weinig macht.', lang: 'nl', expect: 'none' },
    // The noun states the failure as the verb does ("its failure to stop" / "failing to stop").
    { claim: 'The mayor was faulted for his failure to stop the sale of the harbour.', passage: 'The mayor was faulted for failing to stop the sale of the harbour.', expect: 'none' },
    // A word that only strengthens the negation passes it on ("geen enkele voetballer").
    { claim: 'Een voetballer wordt getackeld door een tegenstander.', passage: 'Er is geen enkele voetballer die door een tegenstander wordt getackeld.', lang: 'nl', expect: 'conflict', claimValue: 'voetballer' },
  ],
};
