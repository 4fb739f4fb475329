/**
 * Lexical knowledge compiled from real resources: English WordNet 3.0 (Princeton) and the Dutch
 * links to its synsets (Open Dutch WordNet, Wiktionary, CLDR). `scripts/build-lexicon.mjs` writes
 * `data/lexicon.bin`; this module reads it (pure: the bytes arrive through `loadLexicon` or a
 * source the adapters register with `setLexiconSource`, so the engine does no I/O).
 *
 * Queries take a word as written (any case; folded here) and a language:
 * - `lemmas`: the WordNet lemmas the word can be a form of (English: WordNet's morphy rules and
 *   exception lists; Dutch: hand-written suffix rules checked against the Dutch lemma table);
 * - `synsets`: the word's synsets, most frequent sense first, optionally of one part of speech;
 * - `relation`: how two words relate through their first `senses` senses (per part of speech):
 *   'same' lemma, 'synonym' (a shared synset), 'antonym', 'hypernym' (A is more general than B,
 *   within `depth` hypernym steps: B backs A), 'hyponym' (the reverse), 'derivation';
 * - `sharesConcept`: a shared synset or a derivation, across English and Dutch.
 * Rare senses make nearly everything related, which is why every query takes the first senses.
 */
import { fold } from './fold';
import { lemma as irregularLemma } from './lemmas';

export type LexLang = 'en' | 'nl';
export type LexPos = 'n' | 'v' | 'a' | 'r';
export type LexRelation = 'same' | 'synonym' | 'hypernym' | 'hyponym' | 'antonym' | 'derivation';

export interface RelationOptions {
  /** Senses of each word considered, per part of speech, most frequent first (default 3). */
  senses?: number;
  /** Hypernym steps for 'hypernym'/'hyponym' (default 2); instance-of counts as a step. */
  depth?: number;
  /**
   * English antonyms from WordNet's word-sense pointers only ('word', the default: increase/decrease
   * but not gain/decrease) or between any words of the two synsets ('synset'). Dutch and
   * cross-language pairs always use the synset level (Dutch has no word-sense pointers).
   * 'extended' also lets each side climb one hypernym step first (grow and shrink are ways to
   * increase and decrease); measure before trusting it (bench/lexicon-probe.ts).
   * 'indirect' is WordNet's indirect antonymy of adjectives: each side may first step to an
   * adjective it is "similar to" ("minute" is similar to "small", the antonym of "large").
   */
  antonyms?: 'word' | 'synset' | 'extended' | 'indirect';
  /** For `coordinates`: the shared hypernym is at least this many steps below the top of its hierarchy. */
  specific?: number;
}

export interface SynsetInfo {
  id: number;
  pos: LexPos | 's';
  /** WordNet 3.0 offset, e.g. 1323958 for kill.v.01 */
  offset: number;
  en: string[];
  nl: string[];
}

export interface LexiconStats {
  bytes: number;
  synsets: number;
  englishLemmas: number;
  dutchLemmas: number;
  senses: number;
  exceptions: number;
}

export interface Lexicon {
  readonly stats: LexiconStats;
  lemmas(word: string, lang: LexLang): string[];
  synsets(word: string, lang: LexLang, pos?: LexPos, senses?: number): number[];
  /**
   * A Dutch form no rule reads as a lemma, read as a bare verb stem (the first and third
   * person present: zit -> zitten, eet -> eten, praat -> praten) or a participle in -d with
   * an unstressed prefix (bespeeld -> bespelen): the verb senses of those infinitives.
   */
  stemSynsets(word: string, senses?: number): number[];
  synset(id: number): SynsetInfo;
  hypernyms(id: number, depth?: number): number[];
  /** WordNet's verb group of a verb synset: senses of other verbs close in meaning ("lead" / "leave"; Dutch "bespelen" / "play"). */
  verbGroup(id: number): number[];
  /** WordNet's "similar to" of an adjective synset: a satellite's head ("fascinating" -> "interesting"), a head's satellites. */
  similarTo(id: number): number[];
  /** The first relation that holds, in the order same, synonym, antonym, hypernym, hyponym, derivation. */
  relation(a: string, langA: LexLang, b: string, langB: LexLang, opts?: RelationOptions): LexRelation | undefined;
  /** Every relation that holds through the first senses (a pair can be both synonym and antonym). */
  relations(a: string, langA: LexLang, b: string, langB: LexLang, opts?: RelationOptions): readonly LexRelation[];
  sharesConcept(a: string, langA: LexLang, b: string, langB: LexLang, opts?: RelationOptions): boolean;
  /**
   * Two kinds of one thing ("cat" and "dog", "mountain" and "hill"): through the first senses
   * they share a hypernym within `depth` steps of each (default 2), and neither word is the
   * other, a synonym, a hypernym or hyponym of it or derived from it.
   */
  coordinates(a: string, langA: LexLang, b: string, langB: LexLang, opts?: RelationOptions): boolean;
  /** Hypernym steps from the synset up to the top of its hierarchy (the longest path). */
  rootDepth(id: number): number;
}

// relation types in the file (see scripts/build-lexicon.mjs)
const HYPERNYM = 1;
const INSTANCE = 2;
const SIMILAR = 3;
const ANTONYM = 5;
const DERIVATION = 6;
const PERTAINYM = 7;
const PARTICIPLE = 8;
const VERB_GROUP = 9;
const POS_LETTERS: Array<LexPos | 's'> = ['n', 'v', 'a', 's', 'r'];
const POS_GROUP = [0, 1, 2, 2, 3]; // satellites count as adjectives
const GROUP_OF: Record<LexPos, number> = { n: 0, v: 1, a: 2, r: 3 };
const ALL = 0b1111;

/** A word's reading: lemma id and the parts of speech (bit mask by group) it can be that lemma in. */
interface Reading {
  lemma: number;
  mask: number;
}
interface Senses {
  synsets: Set<number>;
  /** English global sense indices (for word-sense pointers); empty for Dutch */
  senses: number[];
}

// ---- English morphy (WordNet's morph.c rules) ----------------------------------------------------
const MORPHY: Array<[number, string, string]> = [
  [0, 's', ''], [0, 'ses', 's'], [0, 'xes', 'x'], [0, 'zes', 'z'], [0, 'ches', 'ch'], [0, 'shes', 'sh'],
  [0, 'men', 'man'], [0, 'ies', 'y'],
  [1, 's', ''], [1, 'ies', 'y'], [1, 'es', 'e'], [1, 'es', ''], [1, 'ed', 'e'], [1, 'ed', ''], [1, 'ing', 'e'],
  [1, 'ing', ''],
  [2, 'er', ''], [2, 'est', ''], [2, 'er', 'e'], [2, 'est', 'e'],
];

// ---- Dutch lemma candidates (hand-written: no library lemmatizes Dutch for us) ---------------------
const VOWELS = 'aeiou';
const isV = (c: string | undefined) => c !== undefined && VOWELS.includes(c);
/** Stem as written in a closed syllable -> forms of the same stem for an open syllable + 'en'. */
function stemToInfinitives(stem: string): string[] {
  const out = [stem + 'en', stem + 'n'];
  const last = stem[stem.length - 1];
  const voiced = last === 'f' ? stem.slice(0, -1) + 'v' : last === 's' ? stem.slice(0, -1) + 'z' : stem;
  out.push(voiced + 'en');
  // a long vowel written double in a closed syllable is single in an open one: dood -> doden
  const m = /^(.*[^aeiou])?([aeiou])\2([^aeiou]+)$/.exec(voiced);
  if (m) out.push(`${m[1] ?? ''}${m[2]}${m[3]}en`);
  // verbs in -iëren write -ieer- in a closed syllable: (ge)parodieerd -> parodiëren
  if (voiced.endsWith('ieer')) out.push(voiced.slice(0, -2) + 'ren');
  // a short vowel keeps its consonant doubled: zit -> zitten
  if (!isV(last) && isV(stem[stem.length - 2]) && !isV(stem[stem.length - 3])) out.push(stem + last + 'en');
  return out;
}
/** Stem of an inflected form ('huiz', 'bak', 'bot') -> the lemma spelling of a closed syllable. */
function closedStems(stem: string): string[] {
  if (stem.length < 2) return [];
  const out = [stem];
  const last = stem[stem.length - 1];
  const unvoiced = last === 'v' ? stem.slice(0, -1) + 'f' : last === 'z' ? stem.slice(0, -1) + 's' : stem;
  if (unvoiced !== stem) out.push(unvoiced);
  // bakken -> bak (doubled consonant after a short vowel)
  if (!isV(last) && stem[stem.length - 2] === last) out.push(stem.slice(0, -1));
  // boten -> boot, huizen -> huis: a single vowel before the last consonant is long
  const m = /^(.*[^aeiou])?([aeiou])([^aeiou])$/.exec(unvoiced);
  if (m && !(m[1] ?? '').endsWith(m[2])) out.push(`${m[1] ?? ''}${m[2]}${m[2]}${m[3]}`);
  // adjectives in -ieel lose an e before an ending: officiële -> officieel, financiële
  if (/ie[^aeiou]$/.test(unvoiced)) out.push(unvoiced.slice(0, -1) + 'e' + unvoiced.slice(-1));
  return out;
}
export function dutchCandidates(w: string): string[] {
  const out: string[] = [w];
  const add = (...xs: string[]) => out.push(...xs);
  const verbStem = (s: string) => add(s, ...stemToInfinitives(s));
  if (w.endsWith("'s")) add(w.slice(0, -2));
  if (w.endsWith('s') && w.length > 3) add(w.slice(0, -1));
  if (w.endsWith('eren')) add(w.slice(0, -4)); // kinderen -> kind
  if (w.endsWith('en') && w.length > 4) add(...closedStems(w.slice(0, -2))); // huizen, boten, bakken
  if (w.endsWith('en') && w.length > 5) add(w.slice(0, -1)); // a noun in -e takes -n: deskundigen, ziekten
  for (const suf of ['etjes', 'etje', 'tjes', 'tje', 'pjes', 'pje', 'jes', 'je']) {
    if (w.endsWith(suf) && w.length > suf.length + 2) {
      add(w.slice(0, -suf.length));
      break;
    }
  }
  // adjectives: grote -> groot, oude -> oud, dikke -> dik, lieve -> lief; -er/-ere/-st/-ste
  for (const suf of ['ste', 'st', 'ere', 'er', 'e']) {
    if (w.endsWith(suf) && w.length > suf.length + 2) add(...closedStems(w.slice(0, -suf.length)));
  }
  // verbs: doodt, speelde, gedood, aangevallen, spelend
  if (w.endsWith('t') && w.length > 3) verbStem(w.slice(0, -1));
  for (const suf of ['den', 'ten', 'de', 'te']) {
    if (w.endsWith(suf) && w.length > suf.length + 2) verbStem(w.slice(0, -suf.length));
  }
  // participles of verbs with an unstressed prefix take no "ge-" and may end in -d:
  // verjaagd -> verjagen, bedreigd -> bedreigen, ontvoerd -> ontvoeren
  if (w.endsWith('d') && /^(?:be|ver|ont|her|er)[^aeiou]?/.test(w) && w.length > 5) add(...stemToInfinitives(w.slice(0, -1)));
  if (w.endsWith('end') || w.endsWith('ende')) verbStem(w.slice(0, w.endsWith('d') ? -3 : -4)); // spelend, verontrustende
  for (let at = w.indexOf('ge'); at >= 0; at = w.indexOf('ge', at + 1)) {
    const rest = w.slice(0, at) + w.slice(at + 2); // gedood -> dood, aangevallen -> aanvallen
    if (rest.length < 3) continue;
    add(rest);
    if (rest.endsWith('d') || rest.endsWith('t')) verbStem(rest.slice(0, -1));
    verbStem(rest);
  }
  return out;
}

class LexiconImpl implements Lexicon {
  readonly stats: LexiconStats;
  private readonly spos: Uint8Array;
  private readonly soff: Uint32Array;
  private readonly srlo: Uint32Array;
  private readonly srel: Uint32Array;
  private readonly enso: Uint32Array;
  private readonly ensn: Uint32Array;
  private readonly enlx: Uint32Array;
  private readonly nlso: Uint32Array;
  private readonly nlsn: Uint32Array;
  private readonly en: Map<string, number>;
  private readonly nl: Map<string, number>;
  private readonly enWords: string[];
  private readonly nlWords: string[];
  private readonly exc: Array<Map<string, string[]>>;
  private readonly readingCache = [new Map<string, Reading[]>(), new Map<string, Reading[]>()];
  private readonly sensesCache = new Map<string, Senses>();
  private readonly ancestorCache = new Map<number, number[]>();
  private readonly depthCache = new Map<number, number>();
  private readonly relationCache = new Map<string, readonly LexRelation[]>();
  private members?: { en: Uint32Array; enStart: Uint32Array; nl: Uint32Array; nlStart: Uint32Array };
  private senseLemma?: Uint32Array;

  constructor(bytes: Uint8Array) {
    const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const dec = new TextDecoder();
    if (bytes.byteLength < 12 || dec.decode(bytes.subarray(0, 4)) !== 'GWLX') throw new Error('lexicon: not a Groundwork lexicon file');
    const version = dv.getUint32(4, true);
    if (version !== 1) throw new Error(`lexicon: unsupported version ${version}`);
    const n = dv.getUint32(8, true);
    const sec = new Map<string, Uint8Array>();
    for (let i = 0; i < n; i++) {
      const tag = dec.decode(bytes.subarray(12 + i * 12, 16 + i * 12));
      const at = dv.getUint32(16 + i * 12, true);
      const len = dv.getUint32(20 + i * 12, true);
      if (at + len > bytes.byteLength) throw new Error(`lexicon: section ${tag} runs past the end (truncated file?)`);
      sec.set(tag, bytes.subarray(at, at + len));
    }
    const get = (tag: string) => {
      const s = sec.get(tag);
      if (!s) throw new Error(`lexicon: section ${tag} missing`);
      return s;
    };
    const u32 = (tag: string) => {
      const s = get(tag);
      // copy when the view is not 4-byte aligned in its buffer (e.g. a Node Buffer from a pool)
      return s.byteOffset % 4 === 0 ? new Uint32Array(s.buffer, s.byteOffset, s.byteLength / 4) : new Uint32Array(s.slice().buffer);
    };
    this.spos = get('SPOS');
    this.soff = u32('SOFF');
    this.srlo = u32('SRLO');
    this.srel = u32('SREL');
    this.enso = u32('ENSO');
    this.ensn = u32('ENSN');
    this.enlx = u32('ENLX');
    this.nlso = u32('NLSO');
    this.nlsn = u32('NLSN');
    this.enWords = dec.decode(get('ENLM')).split('\n');
    this.nlWords = dec.decode(get('NLLM')).split('\n');
    const index = (words: string[]) => {
      const m = new Map<string, number>();
      for (let i = 0; i < words.length; i++) m.set(words[i], i);
      return m;
    };
    this.en = index(this.enWords);
    this.nl = index(this.nlWords);
    this.exc = [new Map(), new Map(), new Map(), new Map()];
    let exceptions = 0;
    for (const line of dec.decode(get('EXCP')).split('\n')) {
      const [p, form, lemma] = line.split('\t');
      const m = this.exc[GROUP_OF[p as LexPos]];
      if (!m || !form || !lemma) continue;
      const list = m.get(form) ?? [];
      list.push(lemma);
      m.set(form, list);
      exceptions++;
    }
    this.stats = {
      bytes: bytes.byteLength,
      synsets: this.spos.length,
      englishLemmas: this.enWords.length,
      dutchLemmas: this.nlWords.length,
      senses: this.ensn.length + this.nlsn.length,
      exceptions,
    };
  }

  // ---- lemmas ----------------------------------------------------------------------------------
  private posMask(lang: number, lemma: number): number {
    const [so, sn] = lang === 0 ? [this.enso, this.ensn] : [this.nlso, this.nlsn];
    let mask = 0;
    for (let i = so[lemma]; i < so[lemma + 1]; i++) mask |= 1 << POS_GROUP[this.spos[sn[i]]];
    return mask;
  }

  private readings(word: string, lang: LexLang): Reading[] {
    const w = fold(word).trim().replace(/_/g, ' ');
    const li = lang === 'en' ? 0 : 1;
    const cache = this.readingCache[li];
    const hit = cache.get(w);
    if (hit) return hit;
    const table = li === 0 ? this.en : this.nl;
    const found = new Map<number, number>();
    const add = (lemma: string, mask: number) => {
      const id = table.get(lemma);
      if (id === undefined) return;
      const m = this.posMask(li, id) & mask;
      if (m) found.set(id, (found.get(id) ?? 0) | m);
    };
    if (li === 0) {
      add(w, ALL);
      for (let g = 0; g < 4; g++) for (const l of this.exc[g].get(w) ?? []) add(l, 1 << g);
      for (const [g, suf, rep] of MORPHY) {
        if (w.length > suf.length && w.endsWith(suf)) add(w.slice(0, -suf.length) + rep, 1 << g);
      }
      // noun rule for -ful compounds is omitted; WordNet lists most such lemmas itself
    } else {
      for (const c of dutchCandidates(w)) add(c, ALL);
      // strong verbs (stierf -> sterven) follow no suffix rule: the hand list of lemmas.ts has them
      const strong = irregularLemma(w, 'nl');
      if (strong !== w) add(strong, ALL);
    }
    const out = [...found].map(([lemma, mask]) => ({ lemma, mask }));
    if (cache.size > 200_000) cache.clear();
    cache.set(w, out);
    return out;
  }

  lemmas(word: string, lang: LexLang): string[] {
    const words = lang === 'en' ? this.enWords : this.nlWords;
    return this.readings(word, lang).map((r) => words[r.lemma]);
  }

  /** The first `n` senses of each part of speech of each reading of the word. */
  private senses(word: string, lang: LexLang, n: number, pos?: LexPos): Senses {
    const key = `${lang}\u0000${n}\u0000${pos ?? ''}\u0000${word}`;
    const hit = this.sensesCache.get(key);
    if (hit) return hit;
    const li = lang === 'en' ? 0 : 1;
    const [so, sn] = li === 0 ? [this.enso, this.ensn] : [this.nlso, this.nlsn];
    const synsets = new Set<number>();
    const senses: number[] = [];
    const want = pos === undefined ? ALL : 1 << GROUP_OF[pos];
    for (const r of this.readings(word, lang)) {
      const count = [0, 0, 0, 0];
      for (let i = so[r.lemma]; i < so[r.lemma + 1]; i++) {
        const s = sn[i];
        const g = POS_GROUP[this.spos[s]];
        if (!(r.mask & want & (1 << g)) || count[g] >= n) continue;
        count[g]++;
        synsets.add(s);
        if (li === 0) senses.push(i);
      }
    }
    const out = { synsets, senses };
    if (this.sensesCache.size > 200_000) this.sensesCache.clear();
    this.sensesCache.set(key, out);
    return out;
  }

  synsets(word: string, lang: LexLang, pos?: LexPos, senses = Infinity): number[] {
    return [...this.senses(word, lang, senses, pos).synsets];
  }

  stemSynsets(word: string, senses = Infinity): number[] {
    const w = fold(word).trim();
    if (w.length < 3 || !/^\p{L}+$/u.test(w) || this.readings(w, 'nl').length > 0) return [];
    const stems = [w];
    if (w.endsWith('d') && w.length > 4) stems.push(w.slice(0, -1));
    const out = new Set<number>();
    for (const stem of stems) {
      for (const inf of stemToInfinitives(stem)) {
        if (inf === w || !this.nl.has(inf)) continue;
        for (const s of this.synsets(inf, 'nl', 'v', senses)) out.add(s);
      }
    }
    return [...out];
  }

  private relTargets(id: number, types: number[]): number[] {
    const out: number[] = [];
    for (let i = this.srlo[id]; i < this.srlo[id + 1]; i++) {
      const v = this.srel[i];
      if (types.includes(v >>> 24)) out.push(v & 0xffffff);
    }
    return out;
  }

  verbGroup(id: number): number[] {
    return this.relTargets(id, [VERB_GROUP]);
  }

  similarTo(id: number): number[] {
    return this.relTargets(id, [SIMILAR]);
  }

  hypernyms(id: number, depth = 1): number[] {
    const key = id * 8 + depth;
    const hit = this.ancestorCache.get(key);
    if (hit) return hit;
    const seen = new Set<number>();
    let frontier = [id];
    for (let d = 0; d < depth && frontier.length; d++) {
      const next: number[] = [];
      for (const s of frontier) {
        for (const t of this.relTargets(s, [HYPERNYM, INSTANCE])) {
          if (!seen.has(t)) {
            seen.add(t);
            next.push(t);
          }
        }
      }
      frontier = next;
    }
    const out = [...seen];
    this.ancestorCache.set(key, out);
    return out;
  }

  private membersIndex() {
    if (this.members) return this.members;
    const build = (so: Uint32Array, sn: Uint32Array) => {
      const counts = new Uint32Array(this.spos.length + 1);
      for (let i = 0; i < sn.length; i++) counts[sn[i] + 1]++;
      for (let i = 1; i < counts.length; i++) counts[i] += counts[i - 1];
      const start = counts.slice();
      const fill = counts.slice();
      const lemmas = new Uint32Array(sn.length);
      for (let l = 0; l + 1 < so.length; l++) for (let i = so[l]; i < so[l + 1]; i++) lemmas[fill[sn[i]]++] = l;
      return { lemmas, start };
    };
    const e = build(this.enso, this.ensn);
    const d = build(this.nlso, this.nlsn);
    this.members = { en: e.lemmas, enStart: e.start, nl: d.lemmas, nlStart: d.start };
    return this.members;
  }

  synset(id: number): SynsetInfo {
    if (!(id >= 0 && id < this.spos.length)) throw new RangeError(`lexicon: no synset ${id}`);
    const m = this.membersIndex();
    const en: string[] = [];
    for (let i = m.enStart[id]; i < m.enStart[id + 1]; i++) en.push(this.enWords[m.en[i]]);
    const nl: string[] = [];
    for (let i = m.nlStart[id]; i < m.nlStart[id + 1]; i++) nl.push(this.nlWords[m.nl[i]]);
    return { id, pos: POS_LETTERS[this.spos[id]], offset: this.soff[id], en, nl };
  }

  /** Word-sense pointers of English sense `s` whose type is in `types`, as target sense indices. */
  private lexTargets(s: number, types: number[]): number[] {
    const a = this.enlx;
    let lo = 0;
    let hi = a.length / 2;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (a[mid * 2] < s) lo = mid + 1;
      else hi = mid;
    }
    const out: number[] = [];
    for (let i = lo; i < a.length / 2 && a[i * 2] === s; i++) {
      const v = a[i * 2 + 1];
      if (types.includes(v >>> 24)) out.push(v & 0xffffff);
    }
    return out;
  }

  private anyLex(from: Senses, to: Senses, types: number[]): boolean {
    if (!to.senses.length) return false;
    const target = new Set(to.senses);
    for (const s of from.senses) for (const t of this.lexTargets(s, types)) if (target.has(t)) return true;
    return false;
  }

  private anySyn(from: Senses, to: Senses, types: number[]): boolean {
    for (const s of from.synsets) for (const t of this.relTargets(s, types)) if (to.synsets.has(t)) return true;
    return false;
  }

  /** The senses with their direct hypernyms (or, with `via`, the synsets of that relation) added (synset level only). */
  private lifted(x: Senses, via?: number): Senses {
    const synsets = new Set(x.synsets);
    for (const s of x.synsets) for (const h of via === undefined ? this.hypernyms(s, 1) : this.relTargets(s, [via])) synsets.add(h);
    return { synsets, senses: [] };
  }

  private generalizes(general: Senses, specific: Senses, depth: number): boolean {
    for (const s of specific.synsets) for (const h of this.hypernyms(s, depth)) if (general.synsets.has(h)) return true;
    return false;
  }

  relation(a: string, langA: LexLang, b: string, langB: LexLang, opts: RelationOptions = {}): LexRelation | undefined {
    return this.relations(a, langA, b, langB, opts)[0];
  }

  relations(a: string, langA: LexLang, b: string, langB: LexLang, opts: RelationOptions = {}): readonly LexRelation[] {
    const n = opts.senses ?? 3;
    const depth = opts.depth ?? 2;
    const ant = opts.antonyms === 'indirect' ? 3 : opts.antonyms === 'extended' ? 2 : opts.antonyms === 'synset' ? 1 : 0;
    const key = `${langA}\u0000${a}\u0000${langB}\u0000${b}\u0000${n}\u0000${depth}\u0000${ant}`;
    const hit = this.relationCache.get(key);
    if (hit) return hit;
    const out = this.computeRelations(a, langA, b, langB, n, depth, ant);
    if (this.relationCache.size > 500_000) this.relationCache.clear();
    this.relationCache.set(key, out);
    return out;
  }

  private computeRelations(a: string, la: LexLang, b: string, lb: LexLang, n: number, depth: number, ant: number): LexRelation[] {
    const ra = this.readings(a, la);
    const rb = this.readings(b, lb);
    if (la === lb) {
      if (fold(a) === fold(b)) return ['same'];
      if (ra.some((x) => rb.some((y) => x.lemma === y.lemma))) return ['same'];
    }
    if (!ra.length || !rb.length) return [];
    const A = this.senses(a, la, n);
    const B = this.senses(b, lb, n);
    const out: LexRelation[] = [];
    for (const s of A.synsets) {
      if (B.synsets.has(s)) {
        out.push('synonym');
        break;
      }
    }
    // English pairs use WordNet's word-sense pointers as they are; other pairs their synset view
    const lexical = la === 'en' && lb === 'en';
    const antonym =
      lexical && ant === 0
        ? this.anyLex(A, B, [ANTONYM]) || this.anyLex(B, A, [ANTONYM])
        : ant === 2
          ? this.anySyn(this.lifted(A), this.lifted(B), [ANTONYM])
          : ant === 3
            ? this.anySyn(this.lifted(A, SIMILAR), this.lifted(B, SIMILAR), [ANTONYM])
            : this.anySyn(A, B, [ANTONYM]);
    if (antonym) out.push('antonym');
    if (depth > 0 && this.generalizes(A, B, depth)) out.push('hypernym');
    if (depth > 0 && this.generalizes(B, A, depth)) out.push('hyponym');
    const DER = [DERIVATION, PERTAINYM, PARTICIPLE];
    if (lexical ? this.anyLex(A, B, DER) || this.anyLex(B, A, DER) : this.anySyn(A, B, [DERIVATION]) || this.anySyn(B, A, [DERIVATION])) {
      out.push('derivation');
    }
    return out;
  }

  sharesConcept(a: string, langA: LexLang, b: string, langB: LexLang, opts: RelationOptions = {}): boolean {
    const r = this.relations(a, langA, b, langB, { senses: opts.senses, depth: 0 });
    return r.includes('same') || r.includes('synonym') || r.includes('derivation');
  }

  coordinates(a: string, langA: LexLang, b: string, langB: LexLang, opts: RelationOptions = {}): boolean {
    const n = opts.senses ?? 3;
    const depth = opts.depth ?? 2;
    // One step further than the shared hypernym may be: a word that is the other's
    // hypernym at that distance is its kind, not a second kind of the same thing.
    const rel = this.relations(a, langA, b, langB, { senses: n, depth: depth + 1 });
    if (rel.some((r) => r !== 'antonym')) return false;
    const A = this.senses(a, langA, n);
    const B = this.senses(b, langB, n);
    const up = new Set<number>();
    for (const s of A.synsets) for (const h of this.hypernyms(s, depth)) up.add(h);
    const min = opts.specific ?? 0;
    for (const s of B.synsets) for (const h of this.hypernyms(s, depth)) if (up.has(h) && this.rootDepth(h) >= min) return true;
    return false;
  }

  /** Hypernym steps from the synset up to the top of its hierarchy (the longest path). */
  rootDepth(id: number): number {
    const hit = this.depthCache.get(id);
    if (hit !== undefined) return hit;
    let d = 0;
    for (const h of this.hypernyms(id, 1)) d = Math.max(d, this.rootDepth(h) + 1);
    this.depthCache.set(id, d);
    return d;
  }
}

/** Parses a compiled lexicon (data/lexicon.bin). Throws a clear error on a foreign or truncated file. */
export function loadLexicon(bytes: Uint8Array): Lexicon {
  return new LexiconImpl(bytes);
}

let source: (() => Uint8Array) | undefined;
let loaded: Lexicon | undefined;
let loadError: Error | undefined;

/**
 * Registers where the lexicon's bytes come from (the CLI, worker and eval read data/lexicon.bin
 * next to their bundle). Loading happens on the first `getLexicon()` call.
 */
export function setLexiconSource(read: (() => Uint8Array) | undefined): void {
  source = read;
  loaded = undefined;
  loadError = undefined;
}

/**
 * The lexicon, loaded on first use; undefined when no source is registered or it failed to load
 * (see `lexiconError()`), so verification degrades to what it does without one.
 */
export function getLexicon(): Lexicon | undefined {
  if (loaded || loadError || !source) return loaded;
  try {
    loaded = loadLexicon(source());
  } catch (e) {
    loadError = e instanceof Error ? e : new Error(String(e));
  }
  return loaded;
}

export function lexiconError(): Error | undefined {
  return loadError;
}
