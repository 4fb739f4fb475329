import * as assert from 'node:assert/strict';
import { buildCrossPairs, crossFeatures, crossMisses, crossPredictions, pairNumber, unseenIndexes, type CrossSet } from '../../bench/lib/crosslingual';
import { fitWithoutGroup, type TrainRow, type TrainSet } from '../../bench/trainsets';
import { FEATURES } from '../../src/core/verify/features';

const row = (lang: 'en' | 'nl', n: number, premise: string, hypothesis: string, label: TrainRow['label']): TrainRow => ({
  id: `sick-${lang}-${n}`,
  set: `sick-${lang}`,
  lang,
  premise,
  hypothesis,
  label,
});

describe('cross-language SICK pairs (bench/lib/crosslingual.ts)', () => {
  const en = [
    row('en', 1, 'A man is playing a guitar', 'A man is playing an instrument', 'supported'),
    row('en', 2, 'A woman is slicing an onion', 'A woman is not slicing an onion', 'conflict'),
    row('en', 7, 'A dog is running', 'A cat is sleeping', 'unsupported'),
  ];
  // The Dutch file in another order: pairs are matched by the number in the id, not by position.
  const nl = [
    row('nl', 7, 'Een hond rent', 'Een kat slaapt', 'unsupported'),
    row('nl', 1, 'Een man speelt gitaar', 'Een man speelt een instrument', 'supported'),
    row('nl', 2, 'Een vrouw snijdt een ui', 'Een vrouw snijdt geen ui', 'conflict'),
  ];

  it('reads the pair number of an id only in its language', () => {
    assert.equal(pairNumber('sick-en-12', 'en'), 12);
    assert.equal(pairNumber('sick-nl-12', 'en'), undefined);
    assert.equal(pairNumber('sick-en', 'en'), undefined);
  });

  it('aligns the translations by id and builds both directions with the label carried', () => {
    const { sets, problems } = buildCrossPairs(en, nl);
    assert.deepEqual(problems, []);
    assert.deepEqual(sets.map((s) => s.name), ['sick-x-en>nl', 'sick-x-nl>en']);
    const [enNl, nlEn] = sets;
    assert.deepEqual(enNl.rows.map((r) => r.n), [1, 2, 7]);
    // en>nl: the English hypothesis is the claim, the Dutch premise the passage.
    assert.deepEqual(enNl.rows[0], {
      id: 'sick-x-en>nl-1',
      set: 'sick-x-en>nl',
      lang: 'en',
      premiseLang: 'nl',
      premise: 'Een man speelt gitaar',
      hypothesis: 'A man is playing an instrument',
      label: 'supported',
      n: 1,
    });
    // nl>en: the Dutch hypothesis is the claim, the English premise the passage.
    assert.deepEqual(nlEn.rows[2], {
      id: 'sick-x-nl>en-7',
      set: 'sick-x-nl>en',
      lang: 'nl',
      premiseLang: 'en',
      premise: 'A dog is running',
      hypothesis: 'Een kat slaapt',
      label: 'unsupported',
      n: 7,
    });
    assert.deepEqual(enNl.rows.map((r) => r.label), ['supported', 'conflict', 'unsupported']);
    assert.deepEqual(nlEn.rows.map((r) => r.label), ['supported', 'conflict', 'unsupported']);
  });

  it('reports and skips a pair whose labels differ, or that is in one file only', () => {
    const nl2 = [...nl.filter((r) => r.id !== 'sick-nl-7'), row('nl', 7, 'Een hond rent', 'Een kat slaapt', 'conflict'), row('nl', 9, 'Een kind lacht', 'Een kind huilt', 'conflict')];
    const en2 = [...en, row('en', 8, 'A boy jumps', 'A boy is jumping', 'supported')];
    const { sets, problems } = buildCrossPairs(en2, nl2);
    for (const s of sets) assert.deepEqual(s.rows.map((r) => r.n), [1, 2]);
    assert.equal(problems.length, 3);
    assert.match(problems[0], /pair 7: label unsupported in sick-en-7 but conflict in sick-nl-7, skipped/);
    assert.match(problems[1], /sick-en-8: no sick-nl-8, skipped/);
    assert.match(problems[2], /sick-nl-9: no sick-en-9, skipped/);
  });

  it('reports a duplicate or malformed id', () => {
    const { sets, problems } = buildCrossPairs([...en, { ...en[0], hypothesis: 'other' }, { ...en[1], id: 'sick-en-x' }], nl);
    assert.equal(sets[0].rows[0].hypothesis, 'A man is playing an instrument');
    assert.ok(problems.some((p) => /pair 1 appears twice in en/.test(p)), problems.join('\n'));
    assert.ok(problems.some((p) => /sick-en-x: not a en id/.test(p)), problems.join('\n'));
  });

  it('computes the features across languages, and the gate abstains on them', () => {
    const { sets } = buildCrossPairs(en, nl);
    const cross = sets.map((s) => crossFeatures(s.name, s.rows));
    const xl = FEATURES.indexOf('crossLanguage');
    for (const s of cross) {
      assert.equal(s.x.length, 3);
      for (const x of s.x) assert.equal(x[xl], 1, `${s.name}: crossLanguage set`);
      assert.deepEqual(Array.from(s.y), [0, 1, 2]);
    }
    // A model fitted without the sick group: it sees only the other set's rows.
    const set = (name: string, n: number): TrainSet => ({
      name,
      rows: Array.from({ length: n }, (_, i) => row('en', i, 'p', 'h', 'supported')),
      x: Array.from({ length: n }, () => new Float64Array(FEATURES.length)),
      y: new Uint8Array(n),
      weight: name === 'sick-en' ? 2 : 1,
      counts: { supported: n, conflict: 0, unsupported: 0 },
      rule: new Uint8Array(n),
    });
    const seen: number[] = [];
    const fitter = (d: { x: Float64Array[] }) => {
      seen.push(d.x.length);
      return () => Float64Array.from([0.1, 0.2, 0.7]);
    };
    const train = [set('sick-en', 5), set('sick-nl', 5), set('snli', 4)];
    const withUnseen = crossPredictions(train, cross, fitWithoutGroup(train, fitter), unseenIndexes(FEATURES, ['crossLanguage']));
    assert.deepEqual(seen, [4]);
    assert.equal(withUnseen[0].abstained, 3);
    assert.equal(withUnseen[0].raw.weight, 2);
    assert.deepEqual(Array.from(withUnseen[0].raw.sup), [0.1, 0.1, 0.1]);
    assert.deepEqual(Array.from(withUnseen[0].engine.sup), [1, 1, 1]);
    const judged = crossPredictions(train, cross, fitWithoutGroup(train, fitter), unseenIndexes(FEATURES, []));
    assert.equal(judged[1].abstained, 0);
    assert.deepEqual(Array.from(judged[1].engine.conf), [0.2, 0.2, 0.2]);
  });

  it('counts the words unbacked across languages in supported pairs the rules support within the language', () => {
    // The Dutch claim against itself (within the language: every word backed) and against an English premise.
    const claim = 'Een man zit in een veld';
    const mono: TrainSet = {
      name: 'sick-nl',
      rows: [1, 2, 3, 4].map((n) => row('nl', n, claim, claim, n === 3 ? 'unsupported' : 'supported')),
      x: [],
      y: Uint8Array.from([0, 0, 2, 0]),
      weight: 1,
      counts: { supported: 3, conflict: 0, unsupported: 1 },
      // Pair 4: the rules do not support it within the language either.
      rule: Uint8Array.from([0, 0, 2, 2]),
    };
    const rows = [1, 2, 3, 4].map((n) => ({ ...row('nl', n, 'An old man is sitting in a field', claim, n === 3 ? 'unsupported' : 'supported'), id: `sick-x-nl>en-${n}`, premiseLang: 'en' as const, n }));
    const cross: CrossSet = {
      name: 'sick-x-nl>en',
      rows,
      x: [],
      y: Uint8Array.from([0, 0, 2, 0]),
      // Pair 2: supported across languages too; pair 3: not gold supported.
      rule: Uint8Array.from([2, 0, 2, 2]),
      unbacked: [['zit', 'veld'], ['zit'], ['zit'], ['zit']],
      seconds: 0,
    };
    const m = crossMisses(cross, mono, 10);
    assert.equal(m.pairs, 1);
    assert.equal(m.withGap, 1);
    assert.deepEqual(m.words.map((w) => [w.word, w.count, w.examples]), [['veld', 1, [1]], ['zit', 1, [1]]]);
  });
});
