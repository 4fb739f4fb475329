/**
 * How much the lexicon's relations tell about a claim's label (run: `npx tsx bench/lexicon-probe.ts`).
 *
 * For each premise/hypothesis pair of ../shared/eval/train/*.jsonl, take the hypothesis' content
 * words (not stop words, not numbers) whose lemma the premise does not contain, and ask the lexicon
 * how each relates to some content word of the premise. Reported per set and label: the share of
 * such words that have each kind (and the share of pairs whose absent words all have a backing
 * kind), for
 * several sense depths N (first N senses per part of speech) and hypernym distances D.
 * A useful backing relation is much more frequent in 'supported' pairs than in 'unsupported' ones;
 * a useful conflict signal (antonym) is more frequent in 'conflict' pairs.
 *
 * Kinds, with H the hypothesis word and P a premise word:
 *   synonym     H and P share a synset
 *   hypernym    H is more general than P (the premise backs H: "vehicle" vs "car")
 *   hyponym     H is more specific than P (the premise does not back H)
 *   antonym     WordNet antonyms (word-sense pointers for English, synset level for Dutch)
 *   antonym:synset    antonyms between any words of the two synsets (option antonyms: 'synset')
 *   antonym:extended  the same after one hypernym step on each side (option antonyms: 'extended')
 *   cohyponym   nouns in different synsets under one direct hypernym (cat/dog); not an API relation
 *   derivation  derivationally related forms (kill/killer)
 *   backing     synonym or hypernym or derivation
 *   hand        the hand concept table (src/core/analysis/synonyms.ts) puts H and P in one concept
 *   absent      the pair has at least one hypothesis word absent from the premise
 *
 * Options: --sets snli,sick-nl  --limit 2000 (pairs per set)  --out file.md
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadLexicon, type LexLang, type RelationOptions } from '../src/core/analysis/lexicon';
import { tokenize } from '../src/core/analysis/tokenize';
import { conceptIds } from '../src/core/analysis/synonyms';

interface Pair {
  set: string;
  lang: LexLang;
  premise: string;
  hypothesis: string;
  label: 'supported' | 'conflict' | 'unsupported';
}

const ROOT = path.join(__dirname, '..');
const args = process.argv.slice(2);
const opt = (k: string) => {
  const i = args.indexOf(k);
  return i >= 0 ? args[i + 1] : undefined;
};
const TRAIN = opt('--train') ?? path.join(ROOT, '..', 'shared', 'eval', 'train');
const LIMIT = Number(opt('--limit') ?? Infinity);
const SETS = (opt('--sets') ?? 'snli,sick-en,sick-nl,healthver,citint,wice-train').split(',');
const OUT = opt('--out');

const t0 = performance.now();
const lx = loadLexicon(new Uint8Array(fs.readFileSync(path.join(ROOT, 'data', 'lexicon.bin'))));
const loadMs = performance.now() - t0;

const CONFIGS: Array<{ name: string; opts: RelationOptions }> = [
  { name: 'N=1 D=1', opts: { senses: 1, depth: 1 } },
  { name: 'N=1 D=2', opts: { senses: 1, depth: 2 } },
  { name: 'N=2 D=2', opts: { senses: 2, depth: 2 } },
  { name: 'N=3 D=1', opts: { senses: 3, depth: 1 } },
  { name: 'N=3 D=2', opts: { senses: 3, depth: 2 } },
  { name: 'N=3 D=3', opts: { senses: 3, depth: 3 } },
  { name: 'N=5 D=2', opts: { senses: 5, depth: 2 } },
  { name: 'N=all D=2', opts: { senses: 1000, depth: 2 } },
];
const KINDS = ['absent', 'synonym', 'hypernym', 'hyponym', 'antonym', 'antonym:synset', 'antonym:extended', 'cohyponym', 'derivation', 'backing', 'hand'] as const;
type Kind = (typeof KINDS)[number];
const LABELS = ['supported', 'conflict', 'unsupported'] as const;

function content(text: string, lang: LexLang) {
  return tokenize(text, lang).filter((t) => !t.stop && /\p{L}/u.test(t.norm) && t.norm.length > 1);
}

/** Different synsets with a shared direct hypernym (cat/dog, man/woman?): a candidate conflict signal. */
function cohyponyms(a: string, b: string, lang: LexLang, n: number): boolean {
  const sa = lx.synsets(a, lang, 'n', n);
  const sb = new Set(lx.synsets(b, lang, 'n', n));
  if (!sa.length || !sb.size || sa.some((s) => sb.has(s))) return false;
  const parents = new Set([...sb].flatMap((s) => lx.hypernyms(s, 1)));
  return sa.some((s) => lx.hypernyms(s, 1).some((h) => parents.has(h)));
}

/** Per absent hypothesis word, the kinds it has; and whether every absent word has a backing kind. */
function pairKinds(p: Pair, opts: RelationOptions): { words: Array<Set<Kind>>; closed: boolean } {
  const prem = content(p.premise, p.lang);
  const premNorms = [...new Set(prem.map((t) => t.norm))];
  const premStems = new Set(prem.map((t) => t.stem));
  const premConcepts = new Set(prem.flatMap((t) => conceptIds(t.stem, p.lang)));
  const words: Array<Set<Kind>> = [];
  const seen = new Set<string>();
  for (const h of content(p.hypothesis, p.lang)) {
    if (premStems.has(h.stem) || seen.has(h.norm)) continue;
    seen.add(h.norm);
    if (premNorms.some((w) => lx.relation(h.norm, p.lang, w, p.lang, opts) === 'same')) continue;
    const kinds = new Set<Kind>(['absent']);
    if (conceptIds(h.stem, p.lang).some((c) => premConcepts.has(c))) kinds.add('hand');
    for (const w of premNorms) {
      for (const r of lx.relations(h.norm, p.lang, w, p.lang, opts)) {
        if (r === 'same') continue;
        kinds.add(r);
        if (r === 'synonym' || r === 'hypernym' || r === 'derivation') kinds.add('backing');
      }
      if (lx.relations(h.norm, p.lang, w, p.lang, { ...opts, antonyms: 'synset' }).includes('antonym')) kinds.add('antonym:synset');
      if (lx.relations(h.norm, p.lang, w, p.lang, { ...opts, antonyms: 'extended' }).includes('antonym')) kinds.add('antonym:extended');
      if (cohyponyms(h.norm, w, p.lang, opts.senses ?? 3)) kinds.add('cohyponym');
    }
    words.push(kinds);
  }
  return { words, closed: words.length > 0 && words.every((k) => k.has('backing')) };
}

const pct = (a: number, b: number) => (b ? ((100 * a) / b).toFixed(1) : '–');
const lines: string[] = [];
const log = (s = '') => {
  lines.push(s);
  console.log(s);
};
log(`# Lexicon probe: relation rates per label`);
log();
log(`lexicon ${(fs.statSync(path.join(ROOT, 'data', 'lexicon.bin')).size / 1e6).toFixed(2)} MB, loaded in ${loadMs.toFixed(0)} ms.`);
log(`Cells: % of the hypothesis words absent from the premise (in pairs of that label) that have the relation to some premise word;`);
log(`'gap closed': % of the pairs with absent words where every absent word has a backing relation (synonym, hypernym or derivation).`);
log(`'sup/uns' and 'con/uns' are the ratios of the rates (lift against 'unsupported').`);
const t1 = performance.now();
let calls = 0;
for (const set of SETS) {
  const file = path.join(TRAIN, `${set}.jsonl`);
  if (!fs.existsSync(file)) {
    log(`\n(${set}: ${file} not found, skipped)`);
    continue;
  }
  const pairs: Pair[] = fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Pair)
    .slice(0, LIMIT);
  const n: Record<string, number> = { supported: 0, conflict: 0, unsupported: 0 };
  for (const p of pairs) n[p.label]++;
  log(`\n## ${set} (${pairs.length} pairs: ${LABELS.map((l) => `${n[l]} ${l}`).join(', ')}; ${pairs[0]?.lang})`);
  log();
  log(`| config | kind | supported | conflict | unsupported | sup/uns | con/uns | con/sup |`);
  log(`|---|---|---|---|---|---|---|---|`);
  for (const c of CONFIGS) {
    const words: Record<string, Record<Kind, number>> = {};
    const closed: Record<string, number> = {};
    const withAbsent: Record<string, number> = {};
    for (const l of LABELS) {
      words[l] = Object.fromEntries(KINDS.map((k) => [k, 0])) as Record<Kind, number>;
      closed[l] = 0;
      withAbsent[l] = 0;
    }
    for (const p of pairs) {
      const r = pairKinds(p, c.opts);
      for (const w of r.words) for (const k of w) words[p.label][k]++;
      if (r.words.length) withAbsent[p.label]++;
      if (r.closed) closed[p.label]++;
      calls++;
    }
    const row = (kind: string, num: Record<string, number>, den: Record<string, number>) => {
      const r = LABELS.map((l) => (den[l] ? num[l] / den[l] : NaN));
      const ratio = (a: number, b: number) => (Number.isFinite(a) && Number.isFinite(b) && b > 0 ? (a / b).toFixed(2) : '–');
      log(`| ${c.name} | ${kind} | ${LABELS.map((l) => pct(num[l], den[l])).join(' | ')} | ${ratio(r[0], r[2])} | ${ratio(r[1], r[2])} | ${ratio(r[1], r[0])} |`);
    };
    const absent = Object.fromEntries(LABELS.map((l) => [l, words[l].absent]));
    if (c === CONFIGS[0]) {
      row('absent words per pair (x100)', absent, n);
      row('hand (table)', Object.fromEntries(LABELS.map((l) => [l, words[l].hand])), absent);
    }
    for (const k of KINDS) {
      if (k === 'absent' || k === 'hand') continue;
      row(k, Object.fromEntries(LABELS.map((l) => [l, words[l][k]])), absent);
    }
    row('gap closed (pairs)', closed, withAbsent);
  }
}
log(`\n${calls} pair analyses in ${((performance.now() - t1) / 1000).toFixed(1)} s.`);
if (OUT) fs.writeFileSync(OUT, lines.join('\n') + '\n');
