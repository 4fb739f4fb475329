import { strict as assert } from 'node:assert';
import { createEngine, loadEngine, CacheError, type LocalSearch } from '../../src/core/engine';
import type { Engine } from '../../src/core/api';
import { pathSuffix } from '../../src/core/corpus/keys';
import { growth, MAX_RATIO, prng } from './helpers/work';

const enc = (s: string) => new TextEncoder().encode(s);

const FERRY = `Island ferry carries record number of passengers
date 2019-06-12

The island ferry carried 224 passengers on its first crossing of the season on Saturday.
The operator, Bay Lines, said tickets sold out within two hours.
Harbour master Anna Verhoeven said the crossing took 45 minutes in calm weather.
`;

const BUDGET = `City approves budget for new library
date 2020-03-02

The city council approved a budget of 3.5 million euros for the new library on Tuesday.
Construction will start in the autumn and should take eighteen months.
Councillor Peter Jansen voted against the plan.
`;

const DUTCH = `Veerboot vervoert recordaantal passagiers
date 2019-06-13

De veerboot naar het eiland vervoerde zaterdag 224 passagiers tijdens de eerste overtocht van het seizoen.
Havenmeester Anna Verhoeven zei dat de overtocht 45 minuten duurde bij rustig weer.
Volgens de rederij waren de kaartjes binnen twee uur uitverkocht.
`;

const MARKET = `Farmers market moves to the old square
date 2021-09-01

The weekly farmers market will move to the old square in October.
About forty stalls are expected on the first day, the organisers said.
`;

function corpus(): Engine & LocalSearch {
  const e = createEngine();
  e.upsertSource('sources/ferry.txt', enc(FERRY));
  e.upsertSource('sources/budget.txt', enc(BUDGET));
  e.upsertSource('sources/veerboot.txt', enc(DUTCH));
  return e;
}

function topPaths(e: LocalSearch, q: string, n = 3): string[] {
  return e.search(q, { limit: n }).map((h) => h.doc.path);
}

describe('engine: corpus and index', () => {
  it('indexes sources and ranks the passage that shares the rare terms first', () => {
    const e = corpus();
    assert.equal(e.stats.documents, 3);
    assert.ok(e.stats.passages >= 9);
    const hits = e.search('council budget for the library', { language: 'en' });
    assert.equal(hits[0].doc.path, 'sources/budget.txt');
    assert.match(hits[0].passage.text, /budget of 3\.5 million euros/);
    assert.ok(hits.every((h, i) => i === 0 || hits[i - 1].score >= h.score));
    // passage ranges point into the source file
    const line = BUDGET.split('\n')[hits[0].passage.range.start.line];
    assert.equal(line.slice(hits[0].passage.range.start.character, hits[0].passage.range.start.character + 8), 'The city');
  });

  it('sources() is in path order with unique, readable keys', () => {
    const e = corpus();
    const s = e.sources();
    assert.deepEqual(s.map((d) => d.path), ['sources/budget.txt', 'sources/ferry.txt', 'sources/veerboot.txt']);
    const keys = s.map((d) => d.key);
    assert.equal(new Set(keys).size, 3);
    for (const k of keys) assert.match(k, /^[a-z][a-z0-9]*$/);
    assert.equal(e.getSource(keys[0])?.path, 'sources/budget.txt');
    assert.equal(e.getSource('sources/ferry.txt')?.key, keys[1]);
  });

  it('an unchanged file reports changed: false; a changed one is re-indexed alone', () => {
    const e = corpus();
    const again = e.upsertSource('sources/ferry.txt', enc(FERRY));
    assert.equal(again.changed, false);
    assert.equal(again.document?.path, 'sources/ferry.txt');
    const changed = e.upsertSource('sources/ferry.txt', enc(FERRY.replace('224 passengers', '318 cyclists')));
    assert.equal(changed.changed, true);
    assert.equal(e.stats.documents, 3);
    assert.equal(e.search('318 cyclists')[0]?.doc.path, 'sources/ferry.txt');
    assert.ok(!e.search('224 passengers', { language: 'en' }).some((h) => /224/.test(h.passage.text) && h.doc.path === 'sources/ferry.txt'));
    assert.equal(e.search('224 passengers', { language: 'en' }).find((h) => /224/.test(h.passage.text))?.doc.path, 'sources/veerboot.txt');
  });

  it('removes a document', () => {
    const e = corpus();
    assert.equal(e.removeSource('sources/budget.txt'), true);
    assert.equal(e.removeSource('sources/budget.txt'), false);
    assert.equal(e.stats.documents, 2);
    assert.equal(e.getSource('sources/budget.txt'), undefined);
    assert.deepEqual(e.search('council library budget'), []);
  });

  it('keeps keys stable when another document is added, changed or removed', async () => {
    const e = corpus();
    const before = new Map(e.sources().map((d) => [d.path, d.key]));
    const ferryKey = before.get('sources/ferry.txt')!;
    const ferryFull = `${ferryKey}-${pathSuffix('sources/ferry.txt')}`;
    // Every document answers to its full key too, which nothing else can change.
    assert.equal(e.getSource(ferryFull)?.path, 'sources/ferry.txt');
    e.upsertSource('sources/market.txt', enc(MARKET));
    e.upsertSource('sources/budget.txt', enc(BUDGET + '\nThe library opens in 2022.\n'));
    e.removeSource('sources/veerboot.txt');
    let after = new Map(e.sources().map((d) => [d.path, d.key]));
    for (const [p, k] of before) if (after.has(p)) assert.equal(after.get(p), k, p);
    // A document with the same metadata as ferry.txt (a key collision): both now go by
    // their full keys, the short key names neither (never silently the other one).
    e.upsertSource('sources/ferry-copy.txt', enc(FERRY));
    after = new Map(e.sources().map((d) => [d.path, d.key]));
    assert.equal(after.get('sources/ferry.txt'), ferryFull);
    assert.notEqual(after.get('sources/ferry-copy.txt'), ferryFull);
    assert.equal(e.getSource(ferryFull)?.path, 'sources/ferry.txt');
    assert.equal(e.getSource(ferryKey), undefined);
    assert.equal(new Set(after.values()).size, after.size);
    // A draft citing the shared short key is told which sources share it.
    const f = await e.check(`The island ferry carried 224 passengers on its first crossing [@${ferryKey}].`, { format: 'markdown' });
    assert.equal(f[0].code, 'citation.unknown-key');
    assert.match(f[0].citationProblem!.message, new RegExp(`2 sources share "${ferryKey}" \\(.*${ferryFull}`));
    // Removing the copy gives ferry.txt its short key back.
    e.removeSource('sources/ferry-copy.txt');
    assert.equal(e.getSource('sources/ferry.txt')?.key, ferryKey);
  });

  it('keys are a function of the corpus: any order of adds, edits and removals gives the same keys as a fresh index (issue 8)', () => {
    const same = (p: string) => [p, FERRY] as [string, string];
    const files: [string, string][] = [same('z/ferry.txt'), same('a/ferry.txt'), same('m/ferry.txt'), ['budget.txt', BUDGET], ['market.txt', MARKET]];
    const rnd = prng(8);
    for (let round = 0; round < 20; round++) {
      const e = createEngine();
      const present = new Map<string, string>();
      for (let step = 0; step < 12; step++) {
        const [p, t] = files[Math.floor(rnd() * files.length)];
        const op = rnd();
        if (op < 0.6) {
          const text = op < 0.3 ? t : t + `\nEdited ${step}.\n`;
          e.upsertSource(p, enc(text));
          present.set(p, text);
        } else {
          e.removeSource(p);
          present.delete(p);
        }
        // Warm: through the cache file as well.
        const warm = loadEngine(e.serialize());
        const fresh = createEngine();
        for (const [q, text] of [...present].reverse()) fresh.upsertSource(q, enc(text));
        const keys = (x: Engine) => x.sources().map((d) => [d.path, d.key]);
        assert.deepEqual(keys(e), keys(fresh), `round ${round} step ${step}`);
        assert.deepEqual(keys(warm), keys(fresh), `round ${round} step ${step} (warm)`);
      }
    }
  });

  it('indexing many documents with one base key grows linearly (issue 8)', () => {
    // A newsroom's press notes: same outlet, year and title word, so one collision group.
    const note = (i: number) => `Press note\nSource: City Hall\ndate 2024-01-02\n\nThe council met on Monday and discussed item ${i}.\n`;
    const files = (n: number) => Array.from({ length: n }, (_, i) => [`notes/${String(i).padStart(6, '0')}.txt`, enc(note(i))] as const);
    const small = files(250);
    const large = files(2000);
    const index = (fs: ReadonlyArray<readonly [string, Uint8Array]>) => {
      const e = createEngine();
      for (const [p, b] of fs) {
        e.getSource(p);
        e.upsertSource(p, b);
      }
      return e;
    };
    const e = index(small);
    assert.equal(new Set(e.sources().map((d) => d.key)).size, 250);
    const g = growth((n) => String(n), 1, (s) => index(s === '1' ? small : large), 1);
    assert.ok(g.ratio <= MAX_RATIO, `250 -> 2000 files: ${g.small.toFixed(0)} ms -> ${g.large.toFixed(0)} ms (ratio ${g.ratio.toFixed(1)}, linear is about 8)`);
  });

  it('cold starts give the same keys whatever the insertion order', () => {
    const files: [string, string][] = [
      ['b/ferry.txt', FERRY],
      ['a/ferry.txt', FERRY],
      ['budget.txt', BUDGET],
    ];
    const one = createEngine();
    for (const [p, t] of files) one.upsertSource(p, enc(t));
    const two = createEngine();
    for (const [p, t] of [...files].reverse()) two.upsertSource(p, enc(t));
    assert.deepEqual(one.sources().map((d) => [d.path, d.key]), two.sources().map((d) => [d.path, d.key]));
  });

  it('returns the same hits whatever the insertion order, even for duplicate passages', () => {
    const files: [string, string][] = [
      ['b/ferry.txt', FERRY],
      ['a/ferry.txt', FERRY],
      ['c/ferry.txt', FERRY],
      ['budget.txt', BUDGET],
      ['veerboot.txt', DUTCH],
    ];
    const one = createEngine();
    for (const [p, t] of files) one.upsertSource(p, enc(t));
    const two = createEngine();
    for (const [p, t] of [...files].reverse()) two.upsertSource(p, enc(t));
    // an incremental history: add, remove, add again
    const three = createEngine();
    three.upsertSource('a/ferry.txt', enc(FERRY));
    three.upsertSource('c/ferry.txt', enc(BUDGET));
    for (const [p, t] of files) three.upsertSource(p, enc(t));
    for (const q of ['224 passengers first crossing', 'tickets sold out', 'Anna Verhoeven 45 minutes']) {
      for (const limit of [2, 4, 20]) {
        const a = one.search(q, { limit }).map((h) => [h.passage.id, h.score]);
        assert.deepEqual(two.search(q, { limit }).map((h) => [h.passage.id, h.score]), a, q);
        assert.deepEqual(three.search(q, { limit }).map((h) => [h.passage.id, h.score]), a, q);
        assert.deepEqual(loadEngine(three.serialize()).search(q, { limit }).map((h) => [h.passage.id, h.score]), a, q);
      }
    }
  });

  it('warns about a binary and an empty file, and about unreadable ones', () => {
    const e = corpus();
    const bin = e.upsertSource('sources/photo.txt', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 1, 2, 0, 3, 0, 0, 9]));
    assert.equal(bin.document, undefined);
    assert.ok(bin.warnings.some((w) => w.code === 'binary' && w.skipped));
    const empty = e.upsertSource('sources/empty.txt', new Uint8Array(0));
    assert.equal(empty.document, undefined);
    assert.ok(empty.warnings.some((w) => w.code === 'empty' && w.skipped));
    assert.equal(e.upsertSource('sources/empty.txt', new Uint8Array(0)).changed, false);
    e.reportUnreadable('sources/locked.txt', 'permission denied');
    const all = e.warnings();
    assert.deepEqual(
      all.map((w) => [w.path, w.code]),
      [
        ['sources/empty.txt', 'empty'],
        ['sources/locked.txt', 'unreadable'],
        ['sources/photo.txt', 'binary'],
      ],
    );
    assert.equal(e.stats.documents, 3, 'bad files do not disturb the rest');
    e.removeSource('sources/photo.txt');
    assert.ok(!e.warnings().some((w) => w.path === 'sources/photo.txt'));
  });

  it('an English query reaches a Dutch passage through shared numbers and names', async () => {
    const e = createEngine();
    e.upsertSource('sources/veerboot.txt', enc(DUTCH));
    e.upsertSource('sources/budget.txt', enc(BUDGET));
    const hits = e.search('Anna Verhoeven said the trip lasted 45 minutes', { language: 'en' });
    assert.equal(hits[0]?.doc.path, 'sources/veerboot.txt');
    assert.match(hits[0].passage.text, /Verhoeven/);
    assert.deepEqual(await e.retriever().languages(), ['en', 'nl']);
  });

  it('restricts a search to one document by path or key', () => {
    const e = corpus();
    const key = e.getSource('sources/ferry.txt')!.key;
    const a = e.search('passengers 224', { docPath: 'sources/ferry.txt' });
    const b = e.search('passengers 224', { docPath: key });
    assert.ok(a.length > 0);
    assert.ok(a.every((h) => h.doc.path === 'sources/ferry.txt'));
    assert.deepEqual(b.map((h) => h.passage.id), a.map((h) => h.passage.id));
    assert.deepEqual(e.search('passengers', { docPath: 'nope.txt' }), []);
  });
});

describe('engine: suggest', () => {
  it('ranks the supporting source first and lists every source', () => {
    const e = corpus();
    e.upsertSource('sources/market.txt', enc(MARKET));
    const s = e.suggest('The council approved 3.5 million euros for a library');
    assert.equal(s.length, 4);
    assert.equal(s[0].path, 'sources/budget.txt');
    assert.ok(s[0].score > 0.5 && s[0].score <= 1, `score ${s[0].score}`);
    assert.match(s[0].passage!.text, /3\.5 million euros/);
    for (let i = 1; i < s.length; i++) assert.ok(s[i - 1].score >= s[i].score);
    assert.equal(s[s.length - 1].score, 0);
    assert.equal(e.suggest('The council approved 3.5 million euros', 2).length, 2);
    // nothing matches: every source, score 0, path order
    const none = e.suggest('zzz qqq');
    assert.deepEqual(none.map((x) => x.path), e.sources().map((d) => d.path));
    assert.ok(none.every((x) => x.score === 0));
  });
});

describe('engine: serialization', () => {
  it('serialize -> loadEngine gives the same documents, keys, warnings and results', () => {
    const e = corpus();
    e.upsertSource('sources/empty.txt', new Uint8Array(0));
    e.removeSource('sources/budget.txt');
    e.upsertSource('sources/budget.txt', enc(BUDGET));
    const bytes = e.serialize();
    const l = loadEngine(bytes);
    assert.deepEqual(l.stats, e.stats);
    assert.deepEqual(
      l.sources().map((d) => ({ ...d })),
      e.sources().map((d) => ({ ...d })),
    );
    assert.deepEqual(l.warnings(), e.warnings());
    for (const q of ['224 passengers', 'council library budget', 'Anna Verhoeven 45 minutes']) {
      assert.deepEqual(
        l.search(q).map((h) => [h.passage.id, h.score]),
        e.search(q).map((h) => [h.passage.id, h.score]),
      );
      assert.deepEqual(l.suggest(q), e.suggest(q));
    }
    // warm start: unchanged files are recognized, changes still work
    assert.equal(l.upsertSource('sources/ferry.txt', enc(FERRY)).changed, false);
    assert.equal(l.upsertSource('sources/empty.txt', new Uint8Array(0)).changed, false);
    assert.equal(l.upsertSource('sources/market.txt', enc(MARKET)).changed, true);
    assert.equal(l.search('farmers market square')[0].doc.path, 'sources/market.txt');
  });

  it('throws CacheError on a corrupt, truncated or foreign cache', () => {
    const bytes = corpus().serialize();
    const flipped = bytes.slice();
    flipped[Math.floor(bytes.length * 0.6)] ^= 0x01;
    assert.throws(() => loadEngine(flipped), CacheError);
    assert.throws(() => loadEngine(bytes.slice(0, bytes.length - 1)), CacheError);
    const version = bytes.slice();
    version[4] ^= 0xff;
    assert.throws(() => loadEngine(version), CacheError);
    assert.throws(() => loadEngine(enc('{"not":"an index"}')), CacheError);
  });
});

describe('engine: check', () => {
  it('checks a draft through the verification module and honours ignores', async () => {
    const e = corpus();
    const draft = 'The island ferry carried 224 passengers on its first crossing of the season.\n\nThe city council approved a budget of 3.5 million euros for the new library.\n';
    const all = await e.check(draft, { format: 'plaintext' });
    assert.ok(all.length >= 1);
    for (const f of all) assert.ok(['supported', 'conflict', 'unsupported', 'none'].includes(f.verdict));
    const ferry = all.find((f) => /ferry/.test(f.text));
    assert.ok(ferry);
    const ignored = await e.check(draft, { format: 'plaintext', ignoredSentences: [ferry!.text] });
    assert.ok(!ignored.some((f) => /ferry/.test(f.text)));
    assert.equal(ignored.length, all.length - 1);
  });
});

describe('engine: several engines indexing in turn', () => {
  it('gives each engine the same index as indexing alone (term ids, postings, file bytes)', () => {
    const files: [string, string][] = [['a.txt', FERRY], ['b.txt', BUDGET], ['c.txt', DUTCH], ['d.txt', MARKET]];
    const alone = createEngine();
    for (const [p, t] of files) alone.upsertSource(p, enc(t));
    const other = createEngine();
    const turns = createEngine();
    for (const [p, t] of files) {
      turns.upsertSource(p, enc(t));
      other.upsertSource(`x/${p}`, enc(t.replace(/the/g, 'a')));
    }
    assert.deepEqual([...turns.serialize()], [...alone.serialize()]);
    // Changing a document after another engine used the same words.
    turns.upsertSource('b.txt', enc(BUDGET + '\nThe Gaza Strip and the United States were not mentioned.\n'));
    const fresh = createEngine();
    for (const [p, t] of files) fresh.upsertSource(p, enc(p === 'b.txt' ? BUDGET + '\nThe Gaza Strip and the United States were not mentioned.\n' : t));
    for (const q of ['ferry passengers', 'budget library 3.5 million', 'Gaza Strip United States', 'veerboot passagiers']) {
      assert.deepEqual(
        turns.search(q, { limit: 5 }).map((h) => [h.passage.id, h.score]),
        fresh.search(q, { limit: 5 }).map((h) => [h.passage.id, h.score]),
        q,
      );
    }
  });
});
