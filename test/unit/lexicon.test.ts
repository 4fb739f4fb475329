// The compiled lexicon (data/lexicon.bin from WordNet 3.0 + Dutch links) and its queries.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  dutchCandidates,
  getLexicon,
  lexiconError,
  loadLexicon,
  setLexiconSource,
  type Lexicon,
} from '../../src/core/analysis/lexicon';
import { findLexiconFile, registerLexiconFile } from '../../src/node/lexiconFile';

const ROOT = path.join(__dirname, '..', '..');
const FILE = path.join(ROOT, 'data', 'lexicon.bin');
const SHARED = path.join(ROOT, '..', 'shared', 'lexicons');

describe('lexicon (WordNet 3.0 + Dutch links)', () => {
  // Some tests below swap the lazy source; the test files after this one need the runtime's
  // (test/unit/setup.ts) back, or they run without WordNet.
  after(() => registerLexiconFile(path.join(ROOT, 'src', 'node')));
  let lx: Lexicon;
  before(() => {
    const bytes = fs.readFileSync(FILE);
    const t0 = performance.now();
    lx = loadLexicon(new Uint8Array(bytes));
    const ms = performance.now() - t0;
    // reported, not asserted: timing belongs to the benchmark
    console.log(`      lexicon: ${(bytes.length / 1e6).toFixed(2)} MB, loaded in ${ms.toFixed(0)} ms, ${JSON.stringify(lx.stats)}`);
  });

  it('holds both languages and the exception lists', () => {
    assert.ok(lx.stats.synsets > 117_000, `${lx.stats.synsets} synsets`);
    assert.ok(lx.stats.englishLemmas > 140_000);
    assert.ok(lx.stats.dutchLemmas > 40_000);
    assert.ok(lx.stats.exceptions > 6_000);
  });

  describe('lemmas', () => {
    it('English: exceptions and morphy rules', () => {
      assert.deepEqual(lx.lemmas('went', 'en'), ['go']);
      assert.deepEqual(lx.lemmas('mice', 'en'), ['mouse']);
      assert.deepEqual(lx.lemmas('Killed', 'en'), ['kill']);
      assert.deepEqual(lx.lemmas('leaves', 'en').sort(), ['leaf', 'leave']);
      assert.deepEqual(lx.lemmas('children', 'en'), ['child']);
      assert.ok(lx.lemmas('biggest', 'en').includes('big'));
      assert.deepEqual(lx.lemmas('xqzt', 'en'), []);
    });
    it('Dutch: suffix rules checked against the lemma table', () => {
      assert.ok(lx.lemmas('huizen', 'nl').includes('huis'));
      assert.deepEqual(lx.lemmas('kinderen', 'nl'), ['kind']);
      assert.deepEqual(lx.lemmas('speelde', 'nl'), ['spelen']);
      assert.deepEqual(lx.lemmas('aangevallen', 'nl'), ['aanvallen']);
      assert.ok(lx.lemmas('doodt', 'nl').includes('doden'));
      assert.ok(lx.lemmas("auto's", 'nl').includes('auto'));
      assert.ok(lx.lemmas('grote', 'nl').includes('groot'));
      assert.ok(lx.lemmas('boten', 'nl').includes('boot'));
      assert.ok(lx.lemmas('stierf', 'nl').includes('sterven')); // strong verb, from lemmas.ts
    });
    it('Dutch candidates undo vowel and consonant spelling changes', () => {
      assert.ok(dutchCandidates('boten').includes('boot'));
      assert.ok(dutchCandidates('bakken').includes('bak'));
      assert.ok(dutchCandidates('brieven').includes('brief'));
      assert.ok(dutchCandidates('doodt').includes('doden'));
      assert.ok(dutchCandidates('gezet').includes('zetten'));
    });
    it('a noun in -e with its plural -n, a present participle, the -iëren verbs and the -ieel adjectives read as their lemmas', () => {
      assert.ok(lx.lemmas('deskundigen', 'nl').includes('deskundige'));
      assert.ok(lx.lemmas('verontrustende', 'nl').includes('verontrusten'));
      assert.ok(lx.lemmas('geparodieerd', 'nl').length > 0);
      assert.equal(lx.relation('geparodieerd', 'nl', 'parodied', 'en'), 'synonym');
      assert.ok(lx.lemmas('officiële', 'nl').includes('officieel'));
      assert.ok(lx.lemmas('officiele', 'nl').includes('officieel'));
    });
    it('a participle of a verb with an unstressed prefix (no "ge-") ending in -d reads as its infinitive', () => {
      assert.deepEqual(lx.lemmas('verjaagd', 'nl'), ['verjagen']);
      assert.ok(lx.lemmas('ontvoerd', 'nl').includes('ontvoeren'));
      assert.equal(lx.relation('ontvoerd', 'nl', 'kidnapped', 'en'), 'synonym');
      // Only after such a prefix: "tijd" does not read as "tij" (tide) plus a verb ending.
      assert.ok(!dutchCandidates('tijd').includes('tijen'));
    });
    it('a strong verb with a prefix or a particle written to it inflects as the verb does', () => {
      assert.ok(lx.lemmas('zwoer', 'nl').includes('zweren'));
      assert.ok(lx.lemmas('ontsloeg', 'nl').includes('ontslaan'));
      assert.ok(lx.lemmas('verliet', 'nl').includes('verlaten'));
      // A form that is mostly a word of its own is left out: "leden" (members), not "lijden".
      assert.ok(!lx.lemmas('leden', 'nl').includes('lijden'));
      assert.ok(!lx.lemmas('reden', 'nl').includes('rijden'));
      assert.equal(lx.relation('ontstond', 'nl', 'arose', 'en') !== undefined || lx.relation('ontstond', 'nl', 'originate', 'en') !== undefined, true);
    });
    it('a bare Dutch verb stem reads as its infinitive, as a verb only and only when nothing else does', () => {
      const sits = new Set(lx.synsets('zitten', 'nl', 'v', 3));
      assert.ok(lx.stemSynsets('zit', 3).length > 0 && lx.stemSynsets('zit', 3).every((x) => sits.has(x)));
      const eats = new Set(lx.synsets('eten', 'nl', 'v', 3));
      assert.ok(lx.stemSynsets('eet', 3).some((x) => eats.has(x)));
      assert.ok(lx.stemSynsets('praat', 3).length > 0, 'praat -> praten');
      // A lemma of its own ("bal", a ball) gains no verb senses ("ballen").
      assert.deepEqual(lx.stemSynsets('bal', 3), []);
    });
  });

  describe('synsets', () => {
    it('most frequent sense first, with part of speech and WordNet offset', () => {
      const [first] = lx.synsets('kill', 'en', 'v');
      const info = lx.synset(first);
      assert.equal(info.pos, 'v');
      assert.equal(info.offset, 1323958); // kill.v.01 "cause to die"
      assert.ok(info.nl.includes('doden'));
      assert.ok(lx.synsets('kill', 'en').length > lx.synsets('kill', 'en', 'v', 2).length);
      assert.equal(lx.synsets('kill', 'en', 'v', 2).length, 2);
    });
    it('verb groups join close senses of verbs (WordNet "$"), both ways', () => {
      const bespelen = lx.synsets('bespelen', 'nl', 'v');
      const play = lx.synsets('play', 'en', 'v', 3);
      assert.ok(!bespelen.some((s) => play.includes(s)), 'no shared sense: the verb group is what joins them');
      assert.ok(bespelen.some((s) => lx.verbGroup(s).some((g) => play.includes(g))), JSON.stringify(bespelen.map((s) => lx.synset(s).en)));
      for (const s of bespelen) for (const g of lx.verbGroup(s)) assert.ok(lx.verbGroup(g).includes(s), 'symmetric');
    });
    it('hypernyms walk up (instance-of included)', () => {
      const car = lx.synsets('car', 'en', 'n', 1)[0];
      const up = lx.hypernyms(car, 2).map((id) => lx.synset(id).en);
      assert.ok(up.some((en) => en.includes('motor vehicle')), JSON.stringify(up));
      const paris = lx.synsets('paris', 'en', 'n', 1)[0];
      assert.ok(lx.hypernyms(paris, 1).some((id) => lx.synset(id).en.includes('national capital')));
    });
  });

  describe('relation', () => {
    const rel = (a: string, la: 'en' | 'nl', b: string, lb: 'en' | 'nl', senses = 3) => lx.relation(a, la, b, lb, { senses });
    it('same lemma and synonyms', () => {
      assert.equal(rel('killed', 'en', 'kills', 'en'), 'same');
      assert.equal(rel('car', 'en', 'automobile', 'en'), 'synonym');
      assert.equal(rel('bought', 'en', 'purchase', 'en'), 'synonym');
    });
    it('hypernym in both directions (A more general than B: B backs A)', () => {
      assert.equal(rel('vehicle', 'en', 'car', 'en'), 'hypernym');
      assert.equal(rel('car', 'en', 'vehicle', 'en'), 'hyponym');
      assert.equal(rel('kill', 'en', 'slay', 'en'), 'hypernym'); // WordNet: slay is a way to kill
      assert.equal(rel('slay', 'en', 'kill', 'en'), 'hyponym');
      assert.equal(rel('animal', 'en', 'dog', 'en'), 'hypernym');
    });
    it('antonyms (WordNet word-sense pointers) in both directions', () => {
      assert.equal(rel('increase', 'en', 'decrease', 'en'), 'antonym');
      assert.equal(rel('decreased', 'en', 'increases', 'en'), 'antonym');
      assert.equal(rel('hot', 'en', 'cold', 'en'), 'antonym');
    });
    it('antonym levels: word-sense pointers, synset level, one hypernym step up', () => {
      assert.equal(rel('grow', 'en', 'shrink', 'en'), undefined);
      assert.ok(!lx.relations('grow', 'en', 'shrink', 'en', { antonyms: 'synset' }).includes('antonym'));
      assert.ok(lx.relations('grow', 'en', 'shrink', 'en', { antonyms: 'extended' }).includes('antonym'));
      assert.ok(lx.relations('winnen', 'nl', 'verliezen', 'nl').includes('antonym'));
      assert.deepEqual(lx.relations('vehicle', 'en', 'car', 'en'), ['hypernym']);
    });
    it('indirect antonyms: adjectives through the adjective each is similar to', () => {
      assert.ok(!lx.relations('large', 'en', 'minute', 'en', { depth: 3 }).includes('antonym'));
      assert.ok(lx.relations('large', 'en', 'minute', 'en', { antonyms: 'indirect' }).includes('antonym'));
      assert.ok(lx.relations('big', 'en', 'tiny', 'en', { antonyms: 'indirect' }).includes('antonym'));
      // Near-synonyms are not made antonyms by it.
      assert.ok(!lx.relations('large', 'en', 'huge', 'en', { antonyms: 'indirect' }).includes('antonym'));
    });
    it('derivations', () => {
      assert.equal(rel('kill', 'en', 'killer', 'en'), 'derivation');
      assert.equal(rel('killer', 'en', 'kill', 'en'), 'derivation');
    });
    it('Dutch and English share synsets', () => {
      assert.equal(rel('doden', 'nl', 'kill', 'en'), 'synonym');
      assert.equal(rel('kill', 'en', 'doden', 'nl'), 'synonym');
      assert.equal(rel('huis', 'nl', 'house', 'en'), 'synonym');
      assert.equal(rel('auto', 'nl', 'car', 'en'), 'synonym');
      assert.equal(rel("auto's", 'nl', 'cars', 'en'), 'synonym');
      assert.ok(lx.sharesConcept('doden', 'nl', 'kill', 'en'));
      assert.ok(lx.sharesConcept('huizen', 'nl', 'house', 'en'));
      assert.equal(lx.sharesConcept('huis', 'nl', 'car', 'en'), false);
    });
    it('pairs the hand tables equated stay unrelated', () => {
      assert.equal(rel('kill', 'en', 'life', 'en'), undefined);
      assert.equal(rel('allow', 'en', 'state', 'en'), undefined);
      assert.equal(rel('old', 'en', 'former', 'en'), undefined);
      assert.equal(rel('levens', 'nl', 'kill', 'en'), undefined);
      assert.equal(rel('staat', 'nl', 'allow', 'en'), undefined);
      assert.equal(lx.sharesConcept('levens', 'nl', 'kill', 'en'), false);
    });
    it('rare senses are what make words related: old/former only from the 5th sense on', () => {
      assert.equal(rel('old', 'en', 'former', 'en', 5), 'synonym');
      assert.equal(rel('old', 'en', 'former', 'en', 3), undefined);
    });
    it('coordinate terms: two kinds of one thing, and how specific that thing is', () => {
      assert.ok(lx.coordinates('cat', 'en', 'dog', 'en')); // carnivore
      assert.ok(lx.coordinates('kat', 'nl', 'dog', 'en'));
      assert.ok(lx.coordinates('police', 'en', 'army', 'en'));
      // related otherwise, or not at all: not coordinates
      assert.equal(lx.coordinates('vehicle', 'en', 'car', 'en'), false);
      assert.equal(lx.coordinates('car', 'en', 'automobile', 'en'), false);
      assert.equal(lx.coordinates('time', 'en', 'world', 'en'), false);
      // "relationship" and "association" share only "state", near the top of its hierarchy
      assert.ok(lx.coordinates('relationship', 'en', 'association', 'en'));
      assert.equal(lx.coordinates('relationship', 'en', 'association', 'en', { specific: 5 }), false);
      assert.ok(lx.coordinates('cat', 'en', 'dog', 'en', { specific: 5 }));
    });
    it('rootDepth counts hypernym steps to the top', () => {
      const [dog] = lx.synsets('dog', 'en', 'n', 1);
      const [entity] = lx.synsets('entity', 'en', 'n', 1);
      assert.equal(lx.rootDepth(entity), 0);
      assert.ok(lx.rootDepth(dog) > 8, String(lx.rootDepth(dog)));
      assert.ok(lx.rootDepth(dog) > Math.max(...lx.hypernyms(dog, 1).map((h) => lx.rootDepth(h))));
    });
    it('unknown words relate to nothing', () => {
      assert.equal(rel('xqzt', 'en', 'car', 'en'), undefined);
      assert.equal(rel('xqzt', 'en', 'xqzt', 'en'), 'same');
    });
  });

  describe('loading', () => {
    it('rejects a foreign or truncated file with a clear message', () => {
      assert.throws(() => loadLexicon(new TextEncoder().encode('not a lexicon at all')), /not a Groundwork lexicon/);
      const bytes = new Uint8Array(fs.readFileSync(FILE));
      assert.throws(() => loadLexicon(bytes.subarray(0, 4096)), /truncated/);
    });
    it('loads from an unaligned view (a pooled Node Buffer)', () => {
      const bytes = fs.readFileSync(FILE);
      const shifted = new Uint8Array(bytes.length + 1);
      shifted.set(bytes, 1);
      const l2 = loadLexicon(shifted.subarray(1));
      assert.equal(l2.relation('vehicle', 'en', 'car', 'en'), 'hypernym');
    });
    it('the lazy source reads the file on first use and reports a failure', () => {
      let reads = 0;
      setLexiconSource(() => {
        reads++;
        return new Uint8Array(fs.readFileSync(FILE));
      });
      assert.equal(reads, 0);
      assert.equal(getLexicon()?.relation('auto', 'nl', 'car', 'en'), 'synonym');
      getLexicon();
      assert.equal(reads, 1);
      setLexiconSource(() => new Uint8Array(8));
      assert.equal(getLexicon(), undefined);
      assert.match(String(lexiconError()), /not a Groundwork lexicon/);
      setLexiconSource(undefined);
    });
    it('the Node adapter finds data/lexicon.bin from a bundle in dist/ and from the sources', () => {
      assert.equal(findLexiconFile(path.join(ROOT, 'dist')), FILE);
      assert.equal(findLexiconFile(path.join(ROOT, 'src', 'node')), FILE);
      assert.equal(registerLexiconFile(path.join(ROOT, 'dist')), FILE);
      assert.equal(getLexicon()?.relation('huis', 'nl', 'house', 'en'), 'synonym');
      setLexiconSource(undefined);
    });
  });

  describe('the committed file', () => {
    it('matches the checksum recorded in data/README.md', () => {
      const readme = fs.readFileSync(path.join(ROOT, 'data', 'README.md'), 'utf8');
      const recorded = /lexicon\.bin.*sha256 `([0-9a-f]{64})`/.exec(readme)?.[1];
      assert.ok(recorded, 'data/README.md records the sha256 of lexicon.bin');
      const sha = createHash('sha256').update(fs.readFileSync(FILE)).digest('hex');
      assert.equal(sha, recorded);
      assert.ok(fs.statSync(FILE).size < 8_000_000);
    });
    it('the compiler reproduces it byte for byte (when ../shared/lexicons is present)', function () {
      if (!fs.existsSync(SHARED)) this.skip();
      this.timeout(120_000);
      const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'gw-lex-'));
      try {
        const out = path.join(tmp, 'lexicon.bin');
        execFileSync(process.execPath, [path.join(ROOT, 'scripts', 'build-lexicon.mjs'), '--out', out, '--shared', SHARED]);
        assert.ok(fs.readFileSync(out).equals(fs.readFileSync(FILE)), 'a fresh compile differs from data/lexicon.bin');
      } finally {
        fs.rmSync(tmp, { recursive: true, force: true });
      }
    });
  });
});
