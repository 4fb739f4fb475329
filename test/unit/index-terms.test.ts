/**
 * indexTerms(): the terms the passage index stores. It analyzes each word form once and
 * caches the result, so these tests pin its output against a token-by-token reference
 * built on tokenize(), on fixed neutral inputs, in both languages, cold and warm.
 */
import { strict as assert } from 'node:assert';
import { indexTerms } from '../../src/core/analysis/terms';
import { nextToken, tokenEnd, tokenize, tokenRegex } from '../../src/core/analysis/tokenize';
import { stemWord } from '../../src/core/analysis/stem';
import { stemEnglish } from '../../src/core/analysis/snowballEnglish';
import { rng } from '../../bench/lib/corpora';
import { stopSet } from '../../src/core/analysis/stopwords';
import { numberTerm } from '../../src/core/analysis/numbers';
import { conceptOf } from '../../src/core/analysis/synonyms';
import { MULTI_FIRST, MAX_VARIANT_WORDS, canonicalTerm, entityKey, lookupVariant } from '../../src/core/analysis/variants';
import type { LanguageCode } from '../../src/core/types';

const SHARED: Record<string, string> = {
  miljoen: 'million', miljoenen: 'million', millions: 'million', miljard: 'billion', miljarden: 'billion', billions: 'billion',
  duizend: 'thousand', duizenden: 'thousand', thousands: 'thousand', honderd: 'hundred', honderden: 'hundred', hundreds: 'hundred',
  procent: 'percent', pct: 'percent', mln: 'million', bn: 'billion',
};
const SKIP = new Set(['million', 'billion', 'thousand', 'hundred', 'percent']);

/** The straightforward token-by-token formulation (Token objects, no per-word cache). */
function reference(text: string, lang: LanguageCode): string[] {
  const tokens = tokenize(text, lang);
  const stops = stopSet(lang);
  const out: string[] = [];
  const word = (norm: string, stem?: string) => {
    if (stops.has(norm)) return;
    if (norm.length < 2 && !/\d/.test(norm)) return;
    if (Object.prototype.hasOwnProperty.call(SHARED, norm)) return void out.push(SHARED[norm]);
    const num = numberTerm(norm, lang);
    if (num !== undefined) return void out.push(num);
    out.push(stem ?? stemWord(norm, lang));
  };
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.norm.includes('-')) {
      const num = numberTerm(t.norm, lang);
      if (num !== undefined) out.push(num);
      else for (const p of t.norm.split('-')) if (p) word(p);
    } else if (t.norm.includes('.') && !/\d/.test(t.norm)) word(t.norm.replace(/\./g, ''));
    else {
      word(t.norm, t.stem);
      const c0 = t.text.charCodeAt(0);
      if (t.stem !== t.norm && ((c0 >= 65 && c0 <= 90) || (c0 > 127 && t.text[0] !== t.text[0].toLowerCase())) && !t.stop && !/\d/.test(t.norm)) out.push(t.norm);
      if (!t.stop) {
        const c = conceptOf(t.stem, lang) ?? (t.norm !== t.stem ? conceptOf(t.norm, lang) : undefined);
        if (c !== undefined && !SKIP.has(c)) out.push('~' + c);
      }
    }
    const c = t.text.charCodeAt(0);
    if ((c >= 65 && c <= 90) || c > 127) {
      const dash = t.text.search(/[-‐‑]/);
      const single = lookupVariant(entityKey(t.text)) ?? (dash > 0 ? lookupVariant(entityKey(t.text.slice(0, dash))) : undefined);
      if (single && out[out.length - 1] !== canonicalTerm(single)) out.push(canonicalTerm(single));
      if (MULTI_FIRST.has(t.norm)) {
        let key = t.norm;
        for (let k = 1; k < MAX_VARIANT_WORDS && i + k < tokens.length; k++) {
          key += ' ' + tokens[i + k].norm;
          const hit = lookupVariant(entityKey(key));
          if (hit) out.push(canonicalTerm(hit));
        }
      }
    }
  }
  return out;
}

const TEXTS: [string, LanguageCode][] = [
  ['The ferry carried 2,000 passengers across the bay on 5 March 2021.', 'en'],
  ["The city's budget rose to 3.5 million euros, twenty-two percent more than in 2019.", 'en'],
  ['De veerboot vervoerde tweeduizend passagiers en 4 procent meer vracht dan vorig jaar.', 'nl'],
  ['Officials in Jerusalem and the Gaza Strip said the U.S. budget was not approved.', 'en'],
  ['Ambtenaren in Jeruzalem en de Gazastrook zeiden dat de VS het budget niet goedkeurden.', 'nl'],
  ['Hamas and the ISIS-led groups were named; the council voted 7-2 in Tel Aviv.', 'en'],
  ['Caïro en Sinaï: 12.000 bezoekers, ’s avonds open; e.g. de U.N.-raad.', 'nl'],
  ['', 'en'],
  ['Gaza Gaza Gaza: Jerusalem Jerusalem.', 'und'],
];

describe('index terms (indexTerms)', () => {
  it('equals the token-by-token reference, cold and warm, in every language', () => {
    for (const lang of ['en', 'nl', 'und'] as LanguageCode[]) {
      for (let round = 0; round < 2; round++) {
        for (const [text] of TEXTS) assert.deepEqual(indexTerms(text, lang), reference(text, lang), `${lang}: ${text}`);
      }
    }
  });

  it('drops stop words, canonicalizes numbers and shares scale words', () => {
    const t = indexTerms(TEXTS[0][0], 'en');
    assert.ok(!t.includes('the') && !t.includes('on'));
    assert.ok(t.includes('2000'), t.join(' '));
    assert.ok(t.includes('ferri'), t.join(' '));
    const b = indexTerms(TEXTS[1][0], 'en');
    assert.ok(b.includes('million') && b.includes('22') && b.includes('percent'), b.join(' '));
    const nl = indexTerms(TEXTS[2][0], 'nl');
    assert.ok(nl.includes('2000') && nl.includes('percent') && !nl.includes('de'), nl.join(' '));
  });

  it('indexes names unstemmed and adds canonical variant terms, single and multiword', () => {
    const en = indexTerms(TEXTS[3][0], 'en');
    const nl = indexTerms(TEXTS[4][0], 'nl');
    for (const term of ['jerusalem', 'gazastrip', 'unitedstates']) {
      assert.ok(en.includes(term), `en lacks ${term}: ${en.join(' ')}`);
      assert.ok(nl.includes(term), `nl lacks ${term}: ${nl.join(' ')}`);
    }
    const h = indexTerms(TEXTS[5][0], 'en');
    assert.ok(h.includes('hamas') && h.includes('islamicstate') && h.includes('telaviv'), h.join(' '));
  });

  it('does not repeat a variant term right after the same term', () => {
    const t = indexTerms(TEXTS[8][0], 'und');
    for (let i = 1; i < t.length; i++) assert.ok(!(t[i] === 'jerusalem' && t[i - 1] === 'jerusalem' && t[i - 2] === 'jerusalem'));
    assert.deepEqual(t, reference(TEXTS[8][0], 'und'));
  });

  it('does not depend on call order (per-word cache)', () => {
    const a = TEXTS.map(([x, l]) => indexTerms(x, l));
    const b = [...TEXTS].reverse().map(([x, l]) => indexTerms(x, l)).reverse();
    assert.deepEqual(a, b);
  });
});

describe('index terms: the English stemmer port', () => {
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  const pkg = (require('snowball-stemmers') as { newStemmer(l: string): { stem(w: string): string } }).newStemmer('english');

  it('stems exactly as the snowball-stemmers package on words, suffixed words and random strings', () => {
    const words = new Set<string>([
      'running', 'ran', 'generously', 'communism', 'arsenal', 'skies', 'dying', 'news', 'howe', 'succeeded',
      'proceeding', 'exceeds', 'cannings', 'innings', 'earrings', 'herrings', 'outings', 'yes', 'eyes', 'say', 'sayings',
      'players', 'playing', "ferry's", "passengers'", "'quoted'", 'y', 'yy', 'ys', 'agreed', 'feed', 'bled', 'hoping',
      'hopping', 'filing', 'filling', 'national', 'relational', 'conditional', 'rational', 'valency', 'hesitancy',
      'digitizer', 'conformably', 'radically', 'differently', 'vilely', 'analogously', 'vietnamization', 'predication',
      'operator', 'feudalism', 'decisiveness', 'hopefulness', 'callousness', 'formality', 'sensitivity', 'sensibility',
      'triplicate', 'formative', 'formalize', 'electricity', 'electrical', 'hopeful', 'goodness', 'revival', 'allowance',
      'inference', 'airliner', 'gyroscopic', 'adjustable', 'defensible', 'irritant', 'replacement', 'adjustment',
      'dependent', 'adoption', 'homologou', 'communism', 'activate', 'angularity', 'homologous', 'effective', 'bowdlerize',
      'probate', 'rate', 'cease', 'controll', 'roll', 'gently', 'singly', 'early', 'only', 'ugly', 'idly', 'atlas', 'cosmos', 'bias', 'andes',
    ]);
    const r = rng(11);
    const alpha = "abcdefghijklmnopqrstuvwxyz'yyeeiiaaoouusslleedd";
    for (let i = 0; i < 20000; i++) {
      const n = 1 + Math.floor(r() * 12);
      let w = '';
      for (let k = 0; k < n; k++) w += alpha[Math.floor(r() * alpha.length)];
      words.add(w);
    }
    const suffixes = ['ing', 'ed', 'ly', 'ness', 'ational', 'izer', 'ies', 'sses', 'eedly', 'ingly', 'fulness', 'biliti', 'ement', 'ion', "'s", "s'"];
    for (const w of [...words].slice(0, 2000)) for (const x of suffixes) words.add(w + x);
    for (const w of words) assert.equal(stemEnglish(w), pkg.stem(w), JSON.stringify(w));
  });
});

describe('index terms: the token scanner', () => {
  it('finds exactly the tokens of the token regex (random strings, every BMP character in context)', () => {
    const viaRe = (t: string) => {
      const re = tokenRegex();
      const out: string[] = [];
      let m: RegExpExecArray | null;
      while ((m = re.exec(t))) out.push(`${m.index}:${m[0]}`);
      return out.join('|');
    };
    const viaScan = (t: string) => {
      const out: string[] = [];
      for (let at = nextToken(t, 0); at >= 0; at = nextToken(t, tokenEnd())) out.push(`${at}:${t.slice(at, tokenEnd())}`);
      return out.join('|');
    };
    const alpha = ['a', 'Z', 'e', 's', '1', '0', '.', ',', "'", '’', '-', '‐', '‑', ' ', '\u0301', 'é', '٣', '𝔘', '𝟙', '\ud800', '\udc00', '²', 'Ⅳ', '中', '_', '\u00a0', 'U', 'S', '\n', 'ǅ', 'ß', '\u0903'];
    const r = rng(5);
    for (let k = 0; k < 30000; k++) {
      const len = 1 + Math.floor(r() * 14);
      let t = '';
      for (let i = 0; i < len; i++) t += alpha[Math.floor(r() * alpha.length)];
      assert.equal(viaScan(t), viaRe(t), JSON.stringify(t));
    }
    for (let c = 0; c < 65536; c += 1) {
      const ch = String.fromCharCode(c);
      for (const t of [`a${ch}b`, `1${ch}2`, `${ch}.${ch}.`]) assert.equal(viaScan(t), viaRe(t), `U+${c.toString(16)}`);
    }
    const prose = "The U.S.-led talks, e.g. in Gaza's north, cost $2,000.50 (3.5bn) on 2018-01-05; twenty-two ISIS-strijders' rock'n'roll U.S.A 𝔘nicode café.";
    assert.equal(viaScan(prose), viaRe(prose));
  });
});
