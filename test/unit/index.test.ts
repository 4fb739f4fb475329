import { strict as assert } from 'node:assert';
import { PassageIndex, BM25_B, BM25_K1 } from '../../src/core/index/passageIndex';
import { CacheError, ByteReader, ByteWriter, crc32 } from '../../src/core/index/codec';
import { decodeState, encodeState, INDEX_FORMAT_VERSION, passageTie, type StoredDoc } from '../../src/core/index/store';
import { indexTerms } from '../../src/core/analysis/terms';
import type { SourceDocument } from '../../src/core/types';
import { rng } from '../../bench/lib/corpora';


/** A textbook BM25 over the same passages, scoring every passage (the oracle). */
function bruteForce(passages: { id: number; terms: string[] }[], query: string[], k: number) {
  const n = passages.length;
  const avg = passages.reduce((s, p) => s + p.terms.length, 0) / n;
  const df = new Map<string, number>();
  for (const p of passages) for (const t of new Set(p.terms)) df.set(t, (df.get(t) ?? 0) + 1);
  const q = [...new Set(query)].filter((t) => df.has(t));
  const scored = passages.map((p) => {
    let s = 0;
    for (const t of q) {
      const tf = Math.min(15, p.terms.filter((x) => x === t).length);
      if (!tf) continue;
      const d = df.get(t)!;
      const idf = Math.log(1 + (n - d + 0.5) / (d + 0.5));
      s += (idf * tf * (BM25_K1 + 1)) / (tf + BM25_K1 * (1 - BM25_B + (BM25_B * p.terms.length) / avg));
    }
    return { id: p.id, score: s };
  });
  return scored
    .filter((x) => x.score > 0)
    .sort((a, b) => b.score - a.score || a.id - b.id)
    .slice(0, k);
}

function randomCorpus(seed: number, docs: number, vocab: number) {
  const r = rng(seed);
  const words = Array.from({ length: vocab }, (_, i) => `w${i}`);
  // Zipf-like: low ids frequent.
  const pick = () => words[Math.floor(vocab * Math.pow(r(), 2.5))];
  const out: string[][][] = [];
  for (let d = 0; d < docs; d++) {
    const ps: string[][] = [];
    const np = 1 + Math.floor(r() * 6);
    for (let p = 0; p < np; p++) ps.push(Array.from({ length: 3 + Math.floor(r() * 25) }, pick));
    out.push(ps);
  }
  return { out, pick, r };
}

describe('index: PassageIndex (BM25 + MaxScore)', () => {
  it('ranks the passage with the rarer, repeated query terms first', () => {
    const ix = new PassageIndex();
    const texts = [
      'The ferry left the harbour in the morning.',
      'The ferry carried 224 passengers across the bay to the island.',
      'The city council approved the harbour budget.',
      'Passengers waited for the ferry; the ferry was late, the ferry operator said.',
    ];
    texts.forEach((t, i) => ix.addDocument(i, [indexTerms(t, 'en')]));
    const hits = ix.search(indexTerms('ferry with 224 passengers', 'en'), 4);
    assert.equal(ix.locate(hits[0].pid)?.slot, 1, 'the passage with 224 and passengers wins');
    for (let i = 1; i < hits.length; i++) assert.ok(hits[i - 1].score >= hits[i].score, 'scores descend');
    assert.ok(!hits.some((h) => ix.locate(h.pid)?.slot === 2), 'a passage without query terms is not a hit');
    assert.equal(hits[0].coverage, 1);
  });

  it('returns exactly the top-k of an exhaustive BM25 (MaxScore pruning is safe)', () => {
    const { out, pick, r } = randomCorpus(7, 400, 300);
    const ix = new PassageIndex();
    const flat: { id: number; terms: string[] }[] = [];
    out.forEach((ps, d) => {
      ix.addDocument(d, ps);
    });
    // pids are contiguous in insertion order
    let pid = 0;
    for (const ps of out) for (const p of ps) flat.push({ id: pid++, terms: p });
    for (let q = 0; q < 60; q++) {
      const query = Array.from({ length: 2 + Math.floor(r() * 12) }, pick);
      const k = 1 + Math.floor(r() * 15);
      const got = ix.search(query, k);
      const want = bruteForce(flat, query, k);
      assert.deepEqual(
        got.map((h) => h.pid),
        want.map((h) => h.id),
        `query ${q}: ${query.join(' ')}`,
      );
      got.forEach((h, i) => assert.ok(Math.abs(h.score - want[i].score) < 1e-9));
    }
  });

  it('removing and changing documents gives the same results as a fresh build', () => {
    const { out, pick, r } = randomCorpus(11, 200, 150);
    const ix = new PassageIndex();
    out.forEach((ps, d) => ix.addDocument(d, ps));
    // remove every third document, change every fifth
    const final = new Map<number, string[][]>();
    out.forEach((ps, d) => final.set(d, ps));
    for (let d = 0; d < out.length; d += 3) {
      assert.equal(ix.removeDocument(d, out[d]), true);
      final.delete(d);
    }
    assert.equal(ix.removeDocument(0, out[0]), false, 'already removed');
    let slot = 1000;
    for (let d = 1; d < out.length; d += 5) {
      if (!final.has(d)) continue;
      ix.removeDocument(d, final.get(d)!);
      final.delete(d);
      const changed = [Array.from({ length: 8 }, pick)];
      ix.addDocument(slot, changed);
      final.set(slot++, changed);
    }
    const fresh = new PassageIndex();
    for (const [s, ps] of final) fresh.addDocument(s, ps);
    assert.equal(ix.passageCount, fresh.passageCount);
    for (let q = 0; q < 40; q++) {
      const query = Array.from({ length: 2 + Math.floor(r() * 8) }, pick);
      const a = ix.search(query, 10).map((h) => ({ ...ix.locate(h.pid)!, score: h.score.toFixed(9) }));
      const b = fresh.search(query, 10).map((h) => ({ ...fresh.locate(h.pid)!, score: h.score.toFixed(9) }));
      // Same passages and scores; tie order may differ because passage ids differ.
      const key = (x: { slot: number; ordinal: number; score: string }) => `${x.score}|${x.slot}|${x.ordinal}`;
      assert.deepEqual(a.map((x) => x.score), b.map((x) => x.score), `query ${q}`);
      assert.deepEqual(new Set(a.map(key)).size, a.length);
      if (a.length && b.length && a[0].score !== (a[1]?.score ?? '')) assert.deepEqual(a[0], b[0]);
    }
    // After an explicit compaction the results are unchanged.
    const before = ix.search(['w1', 'w2', 'w30'], 5).map((h) => ({ ...ix.locate(h.pid)!, s: h.score }));
    ix.compact();
    const after = ix.search(['w1', 'w2', 'w30'], 5).map((h) => ({ ...ix.locate(h.pid)!, s: h.score }));
    assert.deepEqual(after, before);
  });

  it('restricts a search to one document', () => {
    const ix = new PassageIndex();
    ix.addDocument(1, [['ferri', 'late'], ['ferri', 'budget']]);
    ix.addDocument(2, [['ferri', 'ferri', 'late']]);
    const hits = ix.search(['ferri', 'late'], 10, { docSlot: 1 });
    assert.deepEqual(hits.map((h) => ix.locate(h.pid)), [
      { slot: 1, ordinal: 0 },
      { slot: 1, ordinal: 1 },
    ]);
    assert.deepEqual(ix.search(['ferri'], 10, { docSlot: 99 }), []);
  });
});

describe('index: codec', () => {
  it('round-trips varints, signed varints and strings', () => {
    const w = new ByteWriter(4);
    const nums = [0, 1, 127, 128, 300, 16383, 16384, 2 ** 31, 2 ** 40 + 5, Number.MAX_SAFE_INTEGER];
    for (const n of nums) w.uv(n);
    for (const n of [-1, 1, -300, 0, -(2 ** 33)]) w.sv(n);
    w.str('veerboot – ëë 🚢');
    w.ostr(undefined);
    w.ostr('');
    const r = new ByteReader(w.finish());
    for (const n of nums) assert.equal(r.uv(), n);
    for (const n of [-1, 1, -300, 0, -(2 ** 33)]) assert.equal(r.sv(), n);
    assert.equal(r.str(), 'veerboot – ëë 🚢');
    assert.equal(r.ostr(), undefined);
    assert.equal(r.ostr(), '');
    assert.ok(r.done);
    assert.throws(() => r.u8(), CacheError);
  });

  it('computes the standard CRC-32', () => {
    assert.equal(crc32(new TextEncoder().encode('123456789')), 0xcbf43926);
  });
});

function fixtureDoc(path: string, text: string, lang: 'en' | 'nl', extra: Partial<SourceDocument> = {}): SourceDocument {
  // Passages: sentences split at ". ", ranges on line 0 (plus a second line for the last).
  const passages = [];
  let from = 0;
  const parts = text.split(/(?<=\.)\s+/);
  for (let i = 0; i < parts.length; i++) {
    const off = text.indexOf(parts[i], from);
    passages.push({
      id: `${path}#${i}`,
      ordinal: i,
      text: parts[i],
      range: { start: { line: i, character: 2 }, end: { line: i, character: 2 + parts[i].length } },
    });
    from = off + parts[i].length;
  }
  return { path, key: path.replace(/\W/g, ''), title: `Title of ${path}`, language: lang, text, passages, hash: `h-${path}`, warnings: [], ...extra };
}

describe('index: store (binary index file)', () => {
  const docs: StoredDoc[] = [
    {
      doc: fixtureDoc('a.txt', 'The ferry carried 224 passengers. The weather was calm.  Tickets cost 12 euros.', 'en', {
        date: '2018-01-05',
        author: 'Jane Doe',
      }),
      bytesHash: 'aaaa',
      keyBase: 'doe2018ferry',
    },
    {
      doc: fixtureDoc('b.md', 'De veerboot vervoerde 224 passagiers. Het weer was rustig.', 'nl', { outlet: 'Dagblad' }),
      bytesHash: 'bbbb',
      keyBase: 'dagblad',
    },
  ];
  // A passage whose text is not a substring of the document text (stored literally), and
  // one whose whitespace was collapsed (stored as a reference into the text).
  docs[1].doc.passages[1] = { ...docs[1].doc.passages[1], text: 'Het  weer   was rustig.' };
  docs[0].doc.text = docs[0].doc.text.replace('The weather', 'The\n  weather');
  docs[0].doc.passages[1].text = 'The weather was calm.';

  function build(): PassageIndex {
    const ix = new PassageIndex();
    docs.forEach((d, slot) => ix.addDocument(slot, d.doc.passages.map((p) => indexTerms(p.text, d.doc.language))));
    return ix;
  }

  function encode(ix = build()): Uint8Array {
    return encodeState(
      {
        docs: (slot) => docs[slot],
        skipped: [{ path: 'empty.txt', bytesHash: 'eeee' }],
        warnings: [['empty.txt', [{ path: 'empty.txt', code: 'empty', message: 'empty file', skipped: true }]]],
        index: ix,
      },
      42,
    );
  }

  it('round-trips documents, passages, ranges, warnings and postings', () => {
    const ix = build();
    const bytes = encode(ix);
    const st = decodeState(bytes, 42);
    assert.equal(st.docs.length, 2);
    assert.deepEqual(st.docs.map((d) => d.doc), docs.map((d) => d.doc));
    assert.deepEqual(st.docs.map((d) => [d.bytesHash, d.keyBase]), [['aaaa', 'doe2018ferry'], ['bbbb', 'dagblad']]);
    assert.deepEqual(st.skipped, [{ path: 'empty.txt', bytesHash: 'eeee' }]);
    assert.equal(st.warnings[0][1][0].code, 'empty');
    const q = [...indexTerms('ferry 224 passengers weather', 'en'), ...indexTerms('ferry 224 passengers weather', 'nl')];
    const a = ix.search(q, 10).map((h) => [ix.locate(h.pid), h.score]);
    const b = st.index.search(q, 10).map((h) => [st.index.locate(h.pid), h.score]);
    assert.deepEqual(b, a);
    assert.ok(a.length >= 2);
  });

  it('builds loaded texts and passages on first read, equal to the originals, with the same tie keys', () => {
    const ix = build();
    const st = decodeState(encode(ix), 42);
    const d = st.docs[0].doc;
    assert.deepEqual(Object.keys(d), Object.keys(docs[0].doc));
    assert.equal(typeof Object.getOwnPropertyDescriptor(d, 'passages')!.get, 'function');
    const ps = d.passages;
    assert.equal(d.passages, ps, 'built once');
    assert.equal(Object.getOwnPropertyDescriptor(d, 'passages')!.get, undefined);
    assert.deepEqual(ps, docs[0].doc.passages);
    assert.equal(d.text, docs[0].doc.text);
    assert.deepEqual({ ...st.docs[1].doc }, docs[1].doc);
    // Equal scores are broken by a hash of the passage id: the same in both indexes.
    const same = new PassageIndex();
    const twin = [['ferry'], ['ferry']];
    same.addDocument(0, twin, ['x.txt#0', 'x.txt#1'].map(passageTie));
    const twinDoc = { doc: fixtureDoc('x.txt', 'One ferry. Two ferry.', 'en'), bytesHash: 'x', keyBase: 'k' };
    const back = decodeState(encodeState({ docs: () => twinDoc, skipped: [], warnings: [], index: same }, 1), 1);
    assert.deepEqual(
      back.index.search(['ferry'], 2).map((h) => h.pid),
      same.search(['ferry'], 2).map((h) => h.pid),
    );
    const big = new PassageIndex();
    const many = Array.from({ length: 1234 }, () => ['ferry']);
    const manyDoc = { doc: fixtureDoc('dir/many.txt', many.map((_, i) => `Ferry ${i}.`).join(' '), 'en'), bytesHash: 'x', keyBase: 'k' };
    big.addDocument(0, many, manyDoc.doc.passages.map((p) => passageTie(p.id)));
    const bigBack = decodeState(encodeState({ docs: () => manyDoc, skipped: [], warnings: [], index: big }, 1), 1);
    assert.deepEqual(
      bigBack.index.search(['ferry'], 50).map((h) => h.pid),
      big.search(['ferry'], 50).map((h) => h.pid),
    );
  });

  it('stores any text losslessly (surrogate pairs, CRLF, tabs, odd spacing)', () => {
    const text = 'Ferry \u{1F6A2} left at 9:05.  Then\r\n\tthe 𝔘nicode  café\u00a0closed. Lone \ud800 surrogate ok. Trailing space ';
    const doc = fixtureDoc('odd.txt', text, 'en');
    const ix = new PassageIndex();
    ix.addDocument(0, doc.passages.map((p) => indexTerms(p.text, 'en')));
    const st = decodeState(encodeState({ docs: () => ({ doc, bytesHash: 'x', keyBase: 'k' }), skipped: [], warnings: [], index: ix }, 1), 1);
    assert.equal(st.docs[0].doc.text, text);
    assert.deepEqual(st.docs[0].doc, doc);
  });

  it('is smaller than the text it indexes on ordinary prose', () => {
    const sentences: string[] = [];
    const r = rng(3);
    const vocab = 'ferry passengers harbour council budget rose fell million euros city island weather morning said spokesman operator tickets route service week year'.split(' ');
    for (let i = 0; i < 400; i++) {
      const n = 8 + Math.floor(r() * 15);
      sentences.push(Array.from({ length: n }, () => vocab[Math.floor(r() * vocab.length)]).join(' ') + ` ${Math.floor(r() * 1000)}.`);
    }
    const text = sentences.join(' ');
    const doc = fixtureDoc('big.txt', text, 'en');
    const ix = new PassageIndex();
    ix.addDocument(0, doc.passages.map((p) => indexTerms(p.text, 'en')));
    const bytes = encodeState({ docs: () => ({ doc, bytesHash: 'x', keyBase: 'k' }), skipped: [], warnings: [], index: ix }, 1);
    assert.ok(bytes.length < new TextEncoder().encode(text).length, `${bytes.length} bytes for ${text.length} chars`);
  });

  it('rejects damaged files with CacheError', () => {
    const good = encode();
    decodeState(good, 42);
    // a flipped byte anywhere in the payload
    for (const at of [25, Math.floor(good.length / 2), good.length - 1]) {
      const bad = good.slice();
      bad[at] ^= 0x10;
      assert.throws(() => decodeState(bad, 42), CacheError, `flip at ${at}`);
    }
    // truncated
    assert.throws(() => decodeState(good.slice(0, good.length - 3), 42), CacheError);
    assert.throws(() => decodeState(good.slice(0, 10), 42), CacheError);
    assert.throws(() => decodeState(new Uint8Array(0), 42), CacheError);
    // wrong magic
    const magic = good.slice();
    magic[0] = 0x50;
    assert.throws(() => decodeState(magic, 42), /magic/);
    // wrong version
    const ver = good.slice();
    new DataView(ver.buffer).setUint32(4, INDEX_FORMAT_VERSION + 1, true);
    assert.throws(() => decodeState(ver, 42), (e: unknown) => e instanceof CacheError && /version/.test((e as Error).message));
    // different analyzer
    assert.throws(() => decodeState(good, 43), CacheError);
  });
});
