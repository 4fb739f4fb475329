/**
 * Index terms: what the passage index stores and what queries are analyzed into.
 * Same tokens, folding and stemming as tokenize(); stop words dropped.
 * Cross-language sharing where cheap and safe:
 *  - numbers as canonical digits ("2,000"/"2.000" -> "2000", "four"/"vier" -> "4");
 *  - scale words shared ("miljoen" -> "million");
 *  - table names (variants.ts) add their canonical compact term
 *    ("Jeruzalem" -> "jerusalem", "Gazastrook"/"Gaza Strip" -> "gazastrip", "VS"/"U.S." -> "unitedstates");
 *  - hyphenated words also yield their parts ("ISIS-strijder" -> "isis", "strijder");
 *  - words in the concept table (synonyms.ts) add "~<concept>" ("killed"/"doden" -> "~kill",
 *    "attack"/"aanslag" -> "~attack"), so an English query reaches Dutch passages.
 * Owned by the analysis module; the index only calls indexTerms().
 */
import type { LanguageCode } from '../types';
import { isAcronym, nextToken, normToken, tokenEnd } from './tokenize';
import { conceptOf } from './synonyms';
import { numberTerm } from './numbers';
import { stemWord } from './stem';
import { stopSet } from './stopwords';
import { KEY_PREFIXES, MULTI_FIRST, MAX_VARIANT_WORDS, canonicalTerm, entityKey, lookupVariant } from './variants';
import { dict } from './dict';

const SHARED: Record<string, string> = dict({
  miljoen: 'million', miljoenen: 'million', millions: 'million', miljard: 'billion', miljarden: 'billion', billions: 'billion',
  duizend: 'thousand', duizenden: 'thousand', thousands: 'thousand', honderd: 'hundred', honderden: 'hundred', hundreds: 'hundred',
  procent: 'percent', pct: 'percent', mln: 'million', bn: 'billion',
});

/** Concepts already shared as plain terms (scale words, units). */
const CONCEPT_SKIP = new Set(['million', 'billion', 'thousand', 'hundred', 'percent']);

function pushWord(out: string[], norm: string, lang: LanguageCode, stops: ReadonlySet<string>, stem?: string): void {
  if (stops.has(norm)) return;
  if (norm.length < 2 && !/\d/.test(norm)) return;
  const shared = SHARED[norm];
  if (shared) { out.push(shared); return; }
  const num = numberTerm(norm, lang);
  if (num !== undefined) { out.push(num); return; }
  out.push(stem ?? stemWord(norm, lang));
}

/**
 * What one token contributes, apart from multiword name variants (which depend on the
 * following tokens). A pure function of the token text and the language, so it is
 * cached per word form: most tokens of a corpus are repeats.
 */
interface WordTerms {
  norm: string;
  /** Terms pushed for the token itself (words, number, name form, concept). */
  terms: readonly string[];
  /** Canonical term of a single-token name variant, pushed unless it repeats the last term. */
  variant: string | undefined;
  /** The token can start a multiword variant (capitalized and in MULTI_FIRST). */
  multi: boolean;
  /** `terms` as ids of `sink` (indexTermIds), interned when first needed: the one id, or all of them. */
  id0: number;
  ids: number[] | undefined;
  /** Id of `variant` in `sink` (-1 until it is first pushed). */
  variantId: number;
  sink: TermSink | undefined;
}

/**
 * A term table that gives every distinct term its own id (the passage index). Ids must
 * be distinct for distinct terms and stable while the table lives.
 */
export interface TermSink {
  intern(term: string): number;
}

const NO_TERMS: readonly string[] = [];
const WORD_CACHE_LIMIT = 100_000;

/**
 * Word form -> WordTerms, looked up by the token's characters in the text (hash and
 * compare in place), so a repeated word costs no substring. Open addressing; emptied
 * when it reaches WORD_CACHE_LIMIT forms (it only speeds up a pure function).
 */
class WordCache {
  private keys: string[] = [];
  private vals: WordTerms[] = [];
  /** Per slot: entry id + 1 (0 = empty) and the entry's hash, side by side. */
  private table = new Int32Array(1 << 12);
  private tableHash = new Int32Array(1 << 12);

  get(text: string, start: number, end: number, h: number): WordTerms | undefined {
    const table = this.table;
    const th = this.tableHash;
    const mask = table.length - 1;
    const len = end - start;
    for (let slot = h & mask; ; slot = (slot + 1) & mask) {
      const v = table[slot];
      if (v === 0) return undefined;
      if (th[slot] !== h) continue;
      const k = this.keys[v - 1];
      if (k.length === len && text.startsWith(k, start)) return this.vals[v - 1];
    }
  }

  set(key: string, h: number, w: WordTerms): void {
    if (this.keys.length >= WORD_CACHE_LIMIT) {
      this.keys = [];
      this.vals = [];
      this.table = new Int32Array(1 << 12);
      this.tableHash = new Int32Array(1 << 12);
    }
    this.keys.push(key);
    this.vals.push(w);
    if (this.keys.length * 2 > this.table.length) this.rehash(this.table.length * 2);
    this.place(this.keys.length, h);
  }

  private place(v: number, h: number): void {
    const mask = this.table.length - 1;
    let slot = h & mask;
    while (this.table[slot] !== 0) slot = (slot + 1) & mask;
    this.table[slot] = v;
    this.tableHash[slot] = h;
  }

  private rehash(size: number): void {
    const oldTable = this.table;
    const oldHash = this.tableHash;
    this.table = new Int32Array(size);
    this.tableHash = new Int32Array(size);
    for (let slot = 0; slot < oldTable.length; slot++) if (oldTable[slot] !== 0) this.place(oldTable[slot], oldHash[slot]);
  }
}

const wordCaches = new Map<LanguageCode, WordCache>();

/** Reused per call (indexTerms is synchronous and not re-entrant). */
const WORDS: WordTerms[] = [];
const OUT: string[] = [];

function wordTerms(raw: string, lang: LanguageCode, stops: ReadonlySet<string>): WordTerms {
  const norm = normToken(raw);
  const out: string[] = [];
  if (norm.includes('-')) {
    const num = numberTerm(norm, lang);
    if (num !== undefined) out.push(num);
    else for (const p of norm.split('-')) if (p) pushWord(out, p, lang, stops);
  } else if (norm.includes('.') && !/\d/.test(norm)) {
    // Dotted acronyms: "u.s." -> "us"
    pushWord(out, norm.replace(/\./g, ''), lang, stops);
  } else {
    // Acronyms ("ISIS", "VS") are names, not words: never stemmed.
    const stem = isAcronym(raw) ? norm : stemWord(norm, lang);
    const stop = stops.has(norm);
    pushWord(out, norm, lang, stops, stem);
    // Names are not inflected words: "Hamas" also indexes as "hamas" (English Snowball says "hama").
    const c0 = raw.charCodeAt(0);
    if (stem !== norm && ((c0 >= 65 && c0 <= 90) || (c0 > 127 && raw[0] !== raw[0].toLowerCase())) && !stop && !/\d/.test(norm)) out.push(norm);
    // Shared en/nl concept ("killed"/"doden" -> "~kill") for cross-language retrieval.
    if (!stop) {
      const c = conceptOf(stem, lang) ?? (norm !== stem ? conceptOf(norm, lang) : undefined);
      if (c !== undefined && !CONCEPT_SKIP.has(c)) out.push('~' + c);
    }
  }
  // Name variants: single token here; phrases are looked up by indexTerms.
  let variant: string | undefined;
  let multi = false;
  const c = raw.charCodeAt(0);
  if ((c >= 65 && c <= 90) || c > 127) {
    const dash = raw.search(/[-‐‑]/);
    const single = lookupVariant(entityKey(raw)) ?? (dash > 0 ? lookupVariant(entityKey(raw.slice(0, dash))) : undefined);
    if (single) variant = canonicalTerm(single);
    multi = MULTI_FIRST.has(norm);
  }
  return { norm, terms: out.length ? out : NO_TERMS, variant, multi, id0: -1, ids: undefined, variantId: -1, sink: undefined };
}

/** Tokens of `text` as cached WordTerms into WORDS; returns their count. */
function scanWords(text: string, lang: LanguageCode): number {
  const stops = stopSet(lang);
  let cache = wordCaches.get(lang);
  if (!cache) wordCaches.set(lang, (cache = new WordCache()));
  const words = WORDS;
  let count = 0;
  for (let at = nextToken(text, 0); at >= 0; at = nextToken(text, at)) {
    const start = at;
    at = tokenEnd();
    let h = 0x811c9dc5 | 0; // int32 seed, so the loop stays in int32 (no deoptimization)
    for (let i = start; i < at; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
    let w = cache.get(text, start, at, h);
    if (w === undefined) {
      const raw = text.slice(start, at);
      w = wordTerms(raw, lang, stops);
      cache.set(raw, h, w);
    }
    words[count++] = w;
  }
  return count;
}

/**
 * Canonical term of the multiword variant spelled by a phrase key, if any; null when no
 * table name starts with the phrase (longer phrases from here cannot match either).
 */
function phraseTerm(key: string): string | undefined | null {
  const k = entityKey(key);
  if (!KEY_PREFIXES.has(k.replace(SPACES, ''))) return null;
  const hit = lookupVariant(k);
  return hit ? canonicalTerm(hit) : undefined;
}
const SPACES = / /g;

/**
 * Canonical terms of the multiword variants that start at WORDS[i] (a word of
 * MULTI_FIRST), in phrase-length order. The returned array is reused by the next call.
 */
function phraseTermsAt(i: number, count: number): readonly string[] {
  const out = PHRASES;
  out.length = 0;
  let key = WORDS[i].norm;
  for (let k = 1; k < MAX_VARIANT_WORDS && i + k < count; k++) {
    key += ' ' + WORDS[i + k].norm;
    const t = phraseTerm(key);
    if (t === null) break;
    if (t !== undefined) out.push(t);
  }
  return out;
}
const PHRASES: string[] = [];

export function indexTerms(text: string, lang: LanguageCode): string[] {
  const count = scanWords(text, lang);
  const words = WORDS;
  const out = OUT;
  out.length = 0;
  for (let i = 0; i < count; i++) {
    const w = words[i];
    const terms = w.terms;
    for (let j = 0; j < terms.length; j++) out.push(terms[j]);
    if (w.variant !== undefined && out[out.length - 1] !== w.variant) out.push(w.variant);
    if (w.multi) for (const t of phraseTermsAt(i, count)) out.push(t);
  }
  if (count > 4096) WORDS.length = 0; // do not keep a very long passage's words alive
  const terms = out.slice();
  out.length = 0;
  return terms;
}

/**
 * indexTerms(text, lang) as ids of `sink`, appended to `out`: the same terms in the same
 * order, each interned the first time it is appended (so ids are handed out in the
 * order the string terms would have been interned). A word's ids are kept with its
 * cached analysis, so a repeated word costs no term lookup.
 */
export function indexTermIds(text: string, lang: LanguageCode, sink: TermSink, out: number[]): void {
  const count = scanWords(text, lang);
  const words = WORDS;
  const base = out.length;
  for (let i = 0; i < count; i++) {
    const w = words[i];
    if (w.sink !== sink) {
      const terms = w.terms;
      w.id0 = -1;
      w.ids = undefined;
      if (terms.length === 1) w.id0 = sink.intern(terms[0]);
      else if (terms.length > 1) {
        const ids = new Array<number>(terms.length);
        for (let j = 0; j < terms.length; j++) ids[j] = sink.intern(terms[j]);
        w.ids = ids;
      }
      w.sink = sink;
      w.variantId = -1;
    }
    const ids = w.ids;
    if (ids !== undefined) for (let j = 0; j < ids.length; j++) out.push(ids[j]);
    else if (w.id0 >= 0) out.push(w.id0);
    if (w.variant !== undefined) {
      // The string form skips the variant when it repeats the last term; ids are
      // distinct per term, so comparing ids is the same test.
      const last = out.length > base ? out[out.length - 1] : -1;
      if (w.variantId < 0) {
        if (last < 0 || sink.intern(w.variant) !== last) {
          w.variantId = sink.intern(w.variant);
          out.push(w.variantId);
        }
      } else if (last !== w.variantId) out.push(w.variantId);
    }
    if (w.multi) for (const t of phraseTermsAt(i, count)) out.push(sink.intern(t));
  }
  if (count > 4096) WORDS.length = 0;
}
