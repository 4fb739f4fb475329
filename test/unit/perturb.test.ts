// The perturbed-claims generator of `npm run eval` (bench/lib/perturb.ts), on hand-written articles.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { dateSlots, generateClaims, GOLD, KINDS, nameClass, nameSpans, numberSlots, numericValues, perturbArticle, rolePattern, usableSentences, writeSet, type Article, type PerturbedClaim } from '../../bench/lib/perturb';

const STORM: Article = {
  id: 'storm',
  title: 'Hurricane damages Louisiana town',
  date: '2019-09-03',
  text: [
    'On Monday, Hurricane Delta struck the town of Port Allen in Louisiana and damaged 48 houses along the river.',
    'Officials said 12 residents were injured and taken to Memorial Hospital in Baton Rouge overnight.',
    'Governor John Edwards thanked Mayor Rachel Green on Tuesday for the quick work of the rescue teams.',
    'The storm was the strongest to hit the region since 2005, according to the National Weather Service.',
    'Repairs to the 48 houses are expected to cost the state 30 million dollars by December.',
  ].join(' '),
};

const sentencesOf = (a: Article) => usableSentences(a.text).map((s) => s.text);
const byKind = (claims: PerturbedClaim[]) => new Map(claims.map((c) => [c.kind, c]));
/** The sentence a claim was made from: the one it differs least from (same words in the same order but one slot). */
function sourceSentence(a: Article, claim: PerturbedClaim): string {
  const prefix = (x: string, y: string) => {
    let i = 0;
    while (i < x.length && x[i] === y[i]) i++;
    return i;
  };
  const suffix = (x: string, y: string) => prefix([...x].reverse().join(''), [...y].reverse().join(''));
  return sentencesOf(a).sort((x, y) => prefix(y, claim.text) + suffix(y, claim.text) - (prefix(x, claim.text) + suffix(x, claim.text)))[0];
}
const newValue = (c: PerturbedClaim) => c.note.split(/ → | ↔ /)[1];
const oldValue = (c: PerturbedClaim) => c.note.split(/ → | ↔ /)[0];

describe('perturbed claims (bench/lib/perturb.ts)', () => {
  const claims = perturbArticle(STORM);
  const k = byKind(claims);

  it('makes every kind from the hand-written article, each with its gold label and no sources', () => {
    assert.deepEqual([...k.keys()].sort(), [...KINDS].sort());
    for (const c of claims) {
      assert.equal(c.label, GOLD[c.kind]);
      assert.deepEqual(c.sources, []);
      assert.equal(c.article, 'storm');
      assert.equal(c.id, `storm:${c.kind}`);
    }
    assert.equal(GOLD.original, 'supported');
    assert.equal(GOLD['number-novel'], 'conflict');
    assert.equal(GOLD['negated'], 'conflict');
    assert.equal(GOLD['roles-swapped'], 'unsupported');
  });

  it('original: a sentence of the article, verbatim', () => {
    assert.ok(sentencesOf(STORM).includes(k.get('original')!.text));
    assert.equal(k.get('original')!.note, 'verbatim');
  });

  it('number-novel: one figure changed to one the article never states', () => {
    const c = k.get('number-novel')!;
    const from = sourceSentence(STORM, c);
    assert.notEqual(c.text, from);
    const v = Number(newValue(c).replace(/[^\d.]/g, ''));
    assert.ok(!numericValues(`${STORM.title} ${STORM.date} ${STORM.text}`).has(v), `${v} is in the article`);
    assert.ok(c.text.includes(newValue(c)));
    assert.ok(!c.text.includes(` ${oldValue(c)} `) || from.split(oldValue(c)).length > 2);
  });

  it('number-novel: over many seeds, the new figure is never one the article states', () => {
    const used = numericValues(`${STORM.title} ${STORM.date} ${STORM.text}`);
    const seen = new Set<string>();
    for (let seed = 1; seed <= 60; seed++) {
      const c = perturbArticle(STORM, { seed }).find((x) => x.kind === 'number-novel')!;
      assert.ok(c, `seed ${seed}: no number-novel claim`);
      const v = Number(newValue(c).replace(/,/g, ''));
      assert.ok(!used.has(v), `seed ${seed}: ${c.note} uses a value of the article`);
      assert.ok(!['2005', '2019'].includes(oldValue(c)), `seed ${seed}: a year was treated as a figure`);
      seen.add(c.note);
    }
    assert.ok(seen.size > 3, 'the seed should vary the change');
  });

  it('number-novel: a figure whose neighbours the article all uses gets a value from farther away', () => {
    const crowded: Article = {
      id: 'crowded',
      title: 'Buses',
      text: 'The board approved 20 new buses for the city transport network on the day. Earlier plans listed 11, 12, 13, 14, 15, 16, 17, 18, 19, 21, 22, 23, 24, 25, 26, 27, 28, 29 and 30 buses for other towns.',
    };
    const used = numericValues(`${crowded.title} ${crowded.text}`);
    let made = 0;
    for (let seed = 1; seed <= 40; seed++) {
      const c = perturbArticle(crowded, { seed }).find((x) => x.kind === 'number-novel');
      if (!c) continue;
      made++;
      assert.ok(!used.has(Number(newValue(c))), `seed ${seed}: ${c.note} uses a value of the article`);
    }
    assert.ok(made > 10, `only ${made} claims`);
  });

  it('date-novel: a year, month or weekday replaced by one the article never names', () => {
    for (let seed = 1; seed <= 40; seed++) {
      const c = perturbArticle(STORM, { seed }).find((x) => x.kind === 'date-novel')!;
      const v = newValue(c);
      assert.ok(/^(\d{4}|[A-Z][a-z]+)$/.test(v));
      const whole = `${STORM.title} ${STORM.date} ${STORM.text}`;
      assert.ok(!new RegExp(`\\b${v}\\b`).test(whole), `seed ${seed}: ${v} is in the article`);
      assert.ok(/^\d/.test(v) || !new RegExp(`\\b${v.slice(0, 3)}\\b`).test(whole), `seed ${seed}: ${v} abbreviated is in the article`);
      assert.ok(c.text.includes(v));
    }
  });

  it('number-elsewhere and date-elsewhere: the value comes from another sentence of the same article', () => {
    for (const kind of ['number-elsewhere', 'date-elsewhere'] as const) {
      const c = k.get(kind)!;
      const from = sourceSentence(STORM, c);
      const v = newValue(c);
      assert.ok(!from.includes(v), `${kind}: ${v} was already in the sentence`);
      assert.ok(sentencesOf(STORM).some((s) => s !== from && s.includes(v)), `${kind}: ${v} is in no other sentence`);
      assert.equal(c.text, from.replace(oldValue(c), v));
    }
  });

  it('name-elsewhere: a multiword name replaced by a name of another sentence the sentence lacks', () => {
    const c = k.get('name-elsewhere')!;
    const [oldName, newName] = c.note.split(' → ');
    assert.ok(oldName.includes(' ') && newName.includes(' '), c.note);
    const from = sourceSentence(STORM, c);
    assert.ok(from.includes(oldName) && !from.includes(newName));
    assert.ok(sentencesOf(STORM).some((s) => s !== from && s.includes(newName)));
    assert.equal(c.text, from.replace(oldName, newName));
  });

  it('roles-swapped: the names on either side of the verb change places', () => {
    const c = k.get('roles-swapped')!;
    assert.equal(c.text, 'Mayor Rachel Green thanked Governor John Edwards on Tuesday for the quick work of the rescue teams.');
    assert.equal(c.note, 'Governor John Edwards ↔ Mayor Rachel Green');
  });

  it('negated: "not" after the first auxiliary of a sentence that had no negation', () => {
    const c = k.get('negated')!;
    const from = sourceSentence(STORM, c);
    assert.ok(!/\bnot\b/.test(from));
    const aux = oldValue(c);
    assert.equal(c.text, from.replace(new RegExp(`\\b${aux}\\b`), `${aux} not`));
  });

  it('is deterministic: the same seed gives the same claims, another seed other choices', () => {
    const articles: Article[] = [STORM, { ...STORM, id: 'storm-2' }, { ...STORM, id: 'storm-3' }];
    assert.deepEqual(generateClaims(articles, { seed: 7 }), generateClaims(articles, { seed: 7 }));
    const a = JSON.stringify(generateClaims(articles, { seed: 7 }).map((c) => c.text));
    const differs = [8, 9, 10, 11].some((seed) => JSON.stringify(generateClaims(articles, { seed }).map((c) => c.text)) !== a);
    assert.ok(differs);
  });

  it('leaves out the kinds an article cannot give', () => {
    const plain: Article = {
      id: 'plain',
      title: 'A quiet week',
      text: 'Nothing much happened in the small town during the quiet week, residents said. The bakery did not open because the owner was never told about the new rules.',
    };
    const kinds = perturbArticle(plain).map((c) => c.kind);
    assert.deepEqual(kinds, ['original'], `got ${kinds.join(', ')}`);
    assert.deepEqual(perturbArticle({ id: 'short', title: 'Short', text: 'Too short. Also short.' }), []);
    // one sentence with a figure: no other sentence to take a figure from
    const one: Article = { id: 'one', title: 'One figure', text: 'The committee approved the budget of the school with 14 votes in favour on the evening.' };
    const oneKinds = perturbArticle(one).map((c) => c.kind);
    assert.ok(oneKinds.includes('number-novel') && !oneKinds.includes('number-elsewhere'), oneKinds.join(', '));
  });

  it('leaves quoted sentences, questions, too short and too long ones out', () => {
    const text = [
      '"We will rebuild every house in the town, whatever it costs," the mayor told reporters.',
      'It rained.',
      Array.from({ length: 45 }, () => 'word').join(' ') + '.',
      'But is the mayor the right person for one of the hardest jobs in the region?',
      'The mayor said: "The river rose faster than anyone expected this week.',
      'Every house on the lower streets of the old town was flooded by the water overnight.',
      'It will take years."',
      'We specialise in rebuilding houses and bridges after floods in the whole region.',
      'The council approved a plan to rebuild the bridge over the river next year.',
    ].join(' ');
    assert.deepEqual(usableSentences(text).map((s) => s.text), ['The council approved a plan to rebuild the bridge over the river next year.']);
  });

  it('figures: no years, days of a date, times, hedged figures or parts of a name', () => {
    const figs = (s: string) => numberSlots(s).map((n) => `${n.prefix}${n.core}${n.suffix}`);
    assert.deepEqual(figs('In 2019 the firm sold 1,200 cars and earned $3.5bn, up 7%.'), ['1,200', '$3.5bn', '7%']);
    assert.deepEqual(figs('The meeting on January 4 began at 6:30 and ended at 9 pm.'), []);
    assert.deepEqual(figs('At least 25 people died and around 50 were hurt; 12 remain missing.'), ['12']);
    assert.deepEqual(figs('Traffic on Route 66 stopped after a Boeing 747 landed at 10 Downing Street, and 3 cars crashed.'), ['3']);
    assert.deepEqual(figs('They published a detailed map[3] of the 40 sites, see [12].'), ['40']);
    assert.deepEqual(figs('The team won 2-1 and the vote passed 230-to-198 with F-16 jets overhead.'), []);
  });

  it('dates: years, months and weekdays; "May" only next to a number', () => {
    const ds = (s: string) => dateSlots(s).map((d) => `${d.type}:${d.value}`);
    assert.deepEqual(ds('On Friday, May 3, 2019, Theresa May spoke; in March the bill passed in June 1998.'), ['weekday:Friday', 'month:May', 'year:2019', 'month:June', 'year:1998']);
  });

  it('names: multiword capitalized runs without the leading function word or a date word', () => {
    const ns = (s: string) => nameSpans(s).map((n) => n.text);
    assert.deepEqual(ns('The National Weather Service said Governor John Edwards met George W. Bush on Monday in Baton Rouge.'), ['National Weather Service', 'Governor John Edwards', 'George W. Bush', 'Baton Rouge']);
    assert.deepEqual(ns('Officials said the University of Miami and Falcon 9 rockets were ready.'), ['University of Miami']);
    assert.deepEqual(nameSpans('Police said Smith arrived.', true).map((n) => n.text), ['Smith']);
  });

  it('name classes: a person (title, or the surname alone elsewhere), an organization or place, or other', () => {
    const art = 'Governor John Edwards visited Baton Rouge. Later Edwards said the Louisiana National Guard helped. Mayor Rachel Green agreed. Green, 54, thanked him. Tell Tamer was hit.';
    const cls = (n: string) => nameClass(n, art);
    assert.deepEqual(['Governor John Edwards', 'John Edwards', 'Rachel Green', 'Louisiana National Guard', 'Baton Rouge', 'Tell Tamer', 'Justice Party'].map(cls), ['person', 'person', 'person', 'org', 'other', 'other', 'org']);
    // name-elsewhere keeps to the class: a person is replaced by a person, a place or body by a place or body
    const people = new Set(['Governor John Edwards', 'Mayor Rachel Green']);
    let changes = 0;
    for (let seed = 1; seed <= 30; seed++) {
      const c = perturbArticle(STORM, { seed }).find((x) => x.kind === 'name-elsewhere');
      if (!c) continue;
      const [a, b] = c.note.split(' → ');
      assert.equal(people.has(a), people.has(b), `seed ${seed}: ${c.note}`);
      changes++;
    }
    assert.ok(changes > 20);
  });

  it('roles: a verb, then at most two function words, between the names', () => {
    assert.ok(rolePattern(['VERB']));
    assert.ok(rolePattern(['AUX', 'VERB', 'DET']));
    assert.ok(!rolePattern(['VERB', 'NOUN', 'ADP']));
    assert.ok(!rolePattern(['ADP', 'DET']));
  });

  it('writes a set once into the temp folder and reuses it', () => {
    const spec = writeSet(`perturbed-test-${process.pid}`, [STORM]);
    try {
      assert.ok(spec.claims.startsWith(os.tmpdir()));
      const claims = fs.readFileSync(spec.claims, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as PerturbedClaim);
      assert.deepEqual(claims, perturbArticle(STORM));
      assert.deepEqual(fs.readdirSync(spec.corpus), ['storm.txt']);
      assert.ok(fs.readFileSync(path.join(spec.corpus, 'storm.txt'), 'utf8').startsWith('Hurricane damages Louisiana town\n\nOn Monday'));
      const stamp = fs.statSync(spec.claims).mtimeMs;
      assert.deepEqual(writeSet(`perturbed-test-${process.pid}`, [STORM]), spec);
      assert.equal(fs.statSync(spec.claims).mtimeMs, stamp);
    } finally {
      fs.rmSync(path.dirname(spec.claims), { recursive: true, force: true });
    }
  });
});
