import { strict as assert } from 'assert';
import { analyze, indexTerms, isStopWord, stemWord, tokenize } from '../../src/core/analysis';
import type { NumberMention } from '../../src/core/analysis';

function nums(text: string, lang: 'en' | 'nl' = 'en'): NumberMention[] {
  return analyze(text, lang).numbers;
}
function one(text: string, lang: 'en' | 'nl' = 'en'): NumberMention {
  const n = nums(text, lang);
  assert.equal(n.length, 1, `expected one number in "${text}", got ${JSON.stringify(n.map((x) => x.text))}`);
  return n[0];
}

describe('analysis: tokens', () => {
  it('keeps exact offsets, folds diacritics and stems', () => {
    const text = 'Passengers crossed the Sinaï by ferry.';
    const toks = tokenize(text, 'en');
    for (const t of toks) assert.equal(text.slice(t.start, t.end), t.text);
    const sinai = toks.find((t) => t.text === 'Sinaï')!;
    assert.equal(sinai.norm, 'sinai');
    assert.equal(toks[0].stem, 'passeng');
    assert.ok(toks.find((t) => t.norm === 'the')!.stop);
  });

  it('keeps numbers with separators, hyphenated words and dotted acronyms as one token', () => {
    const toks = tokenize('The U.S. paid 2,000 and 3.5 units for a 22-minute ride.', 'en').map((t) => t.text);
    assert.deepEqual(toks, ['The', 'U.S.', 'paid', '2,000', 'and', '3.5', 'units', 'for', 'a', '22-minute', 'ride']);
  });

  it('removes the possessive from norm and handles curly apostrophes', () => {
    const toks = tokenize('Gaza’s port and the city\'s budget', 'en');
    assert.equal(toks[0].norm, 'gaza');
    assert.equal(toks[0].text, 'Gaza’s');
    assert.equal(toks.find((t) => t.text === "city's")!.norm, 'city');
  });

  it('stems English and Dutch with Snowball', () => {
    assert.equal(stemWord('passengers', 'en'), stemWord('passenger', 'en'));
    assert.equal(stemWord('killed', 'en'), 'kill');
    assert.equal(stemWord('aanslagen', 'nl'), stemWord('aanslag', 'nl'));
    assert.equal(stemWord('wapens', 'nl'), 'wapen');
    const nl = tokenize('De veerboten vervoerden passagiers', 'nl');
    assert.equal(nl[1].stem, stemWord('veerboot', 'nl'));
  });

  it('joins irregular inflections to their base form', () => {
    for (const [a, b] of [['sold', 'sells'], ['taught', 'teaches'], ['fled', 'fleeing'], ['won', 'wins'], ['shot', 'shoots']]) {
      assert.equal(stemWord(a, 'en'), stemWord(b, 'en'), `${a} ~ ${b}`);
    }
    for (const [a, b] of [['verkocht', 'verkopen'], ['schoot', 'schieten'], ['stierf', 'sterven'], ['gestorven', 'sterven'], ['won', 'winnen'], ['zwoer', 'zweren'], ['trad', 'treden'], ['aanviel', 'aanvallen'], ['ontsloeg', 'ontslaan']]) {
      assert.equal(stemWord(a, 'nl'), stemWord(b, 'nl'), `${a} ~ ${b}`);
    }
  });

  it('does not stem acronyms', () => {
    assert.equal(tokenize('ISIS', 'en')[0].stem, 'isis');
  });

  it('marks stop words per language but never negations or number words', () => {
    assert.ok(isStopWord('the', 'en'));
    assert.ok(isStopWord('het', 'nl'));
    assert.ok(!isStopWord('het', 'en'));
    for (const w of ['not', 'no', 'never', 'four']) assert.ok(!isStopWord(w, 'en'), w);
    for (const w of ['niet', 'geen', 'nooit', 'vier']) assert.ok(!isStopWord(w, 'nl'), w);
    const toks = tokenize('The ferry did not sail', 'en');
    assert.equal(toks.find((t) => t.norm === 'not')!.stop, false);
  });

  it('reads Dutch pronominal adverbs ("erin", "daarvan", "ertoe") as stop words, not "zonder" ones', () => {
    for (const w of ['erin', 'daarvan', 'ertoe', 'waarmee', 'hierover', 'daarnaast']) assert.ok(isStopWord(w, 'nl'), w);
    assert.ok(!isStopWord('daarvan', 'en'));
    assert.ok(!isStopWord('erzonder', 'nl'));
  });
});

describe('analysis: numbers', () => {
  it('a small vague amount of a scale word is that many hundreds or thousands ("a few hundred", "enkele honderden")', () => {
    const a = one('The club has only a few hundred members.');
    assert.deepEqual([a.text, a.min, a.max, a.unitText], ['a few hundred', 200, 600, 'members']);
    const b = one('The police held several thousand people.');
    assert.deepEqual([b.min, b.max], [3000, 10000]);
    const c = one('De club telt enkele honderden leden.', 'nl');
    assert.deepEqual([c.min, c.max, c.unitText], [200, 900, 'leden']);
    assert.deepEqual([one('Several people left.').min, one('Several people left.').max], [3, 10]);
  });
  it('a figure after a verb of counting counts that verb\'s subject ("which number in the thousands")', () => {
    assert.equal(one('Its fighters, which number in the thousands, came from the north.').unitText, 'fighters');
    assert.equal(one('The fighters of the northern militia number in the hundreds.').unitText, 'fighters');
    assert.equal(one('The crowd, numbering about 400, left the square.').unitText, 'crowd');
    // A noun after the figure comes first.
    assert.equal(one('The convoy numbered 40 trucks.').unitText, 'trucks');
  });
  it('reads plain digits with the counted noun', () => {
    const n = one('The ferry carried 224 passengers.');
    assert.equal(n.value, 224);
    assert.equal(n.comparator, 'eq');
    assert.equal(n.min, 224);
    assert.equal(n.max, 224);
    assert.equal(n.unit, stemWord('passengers', 'en'));
    assert.equal(n.unitText, 'passengers');
    assert.equal(n.kind, 'count');
    assert.equal(n.vague, false);
  });

  it('reads thousands separators in both conventions and decimals', () => {
    assert.equal(one('It cost 2,000 euros.').value, 2000);
    assert.equal(one('Er kwamen 2.000 kiezers.', 'nl').value, 2000);
    assert.equal(one('Het budget steeg met 3,5 procent.', 'nl').value, 3.5);
    assert.equal(one('A 1,250,000 budget.').value, 1250000);
  });

  it('applies scale words and suffixes', () => {
    assert.equal(one('The city spent 3.5 million on roads.').value, 3_500_000);
    assert.equal(one('De stad gaf 3,5 miljoen uit.', 'nl').value, 3_500_000);
    assert.equal(one('The port earned 1.2bn last decade.').value, 1_200_000_000);
  });

  it('reads money with symbols and currency words', () => {
    const m = one('The council approved $5m for ferries.');
    assert.equal(m.value, 5_000_000);
    assert.equal(m.kind, 'money');
    assert.equal(m.unit, 'dollar');
    assert.equal(m.text, '$5m');
    const e = one('De gemeente betaalde 40 euro per kaartje.', 'nl');
    assert.equal(e.kind, 'money');
    assert.equal(e.unit, 'euro');
  });

  it('reads currency codes before the amount', () => {
    const m = one('The council set aside EUR 3 million.');
    assert.deepEqual([m.kind, m.unit, m.value, m.text], ['money', 'euro', 3_000_000, 'EUR 3 million']);
  });

  it('reads measurement units glued to digits', () => {
    const m = one('They walked a 5km route.');
    assert.deepEqual([m.value, m.unit, m.kind], [5, 'km', 'measure']);
  });

  it('reads percentages', () => {
    const p = one('Turnout rose to 64% this year.');
    assert.equal(p.kind, 'percent');
    assert.equal(p.value, 64);
    assert.equal(one('Turnout was 64 percent.').kind, 'percent');
    assert.equal(one('De opkomst was 64 procent.', 'nl').unit, 'percent');
  });

  it('reads English number words', () => {
    assert.equal(one('Four ferries left.').value, 4);
    assert.equal(one('There were twenty-two passengers.').value, 22);
    assert.equal(one('They counted one hundred and twenty-five cars.').value, 125);
    assert.equal(one('They moved three thousand five hundred crates.').value, 3500);
    assert.equal(one('The port handled two million crates.').value, 2_000_000);
    assert.equal(one('A hundred voters came.').value, 100);
  });

  it('reads Dutch number words and compounds', () => {
    assert.equal(one('Er vertrokken vier veerboten.', 'nl').value, 4);
    assert.equal(one('Er waren tweeëntwintig passagiers.', 'nl').value, 22);
    assert.equal(one('Er stonden driehonderd auto\'s.', 'nl').value, 300);
    assert.equal(one('Er kwamen vijfentwintig bussen.', 'nl').value, 25);
    assert.equal(one('Er stemden tweeduizend kiezers.', 'nl').value, 2000);
    assert.equal(one('Er stemden twaalf kiezers.', 'nl').value, 12);
    assert.equal(nums('Er was een veerboot.', 'nl').length, 0, 'the article "een" is not a number');
  });

  it('reads hyphen compounds as number + unit', () => {
    const en = one('A 22-minute video was shown.');
    assert.equal(en.value, 22);
    assert.equal(en.kind, 'duration');
    assert.equal(en.unitText, 'minute');
    const nl = one('De 22-minuten durende video.', 'nl');
    assert.equal(nl.value, 22);
    assert.equal(nl.unit, stemWord('minuten', 'nl'));
    assert.equal(one('A 22-year-old skipper.').kind, 'age');
  });

  it('reads ordinals in both languages', () => {
    for (const [text, lang, v] of [
      ['The third ferry left.', 'en', 3],
      ['It was the first vote.', 'en', 1],
      ['The 21st session opened.', 'en', 21],
      ['De eerste veerboot vertrok.', 'nl', 1],
      ['De derde bus kwam.', 'nl', 3],
      ['De eenentwintigste zitting.', 'nl', 21],
    ] as const) {
      const n = one(text, lang);
      assert.equal(n.value, v, text);
      assert.equal(n.kind, 'ordinal', text);
    }
  });

  it('sets comparators and intervals', () => {
    const cases: Array<[string, 'en' | 'nl', string, number, number]> = [
      ['More than 300 people were rescued.', 'en', 'gt', 300, Infinity],
      ['Over 200 tourists waited.', 'en', 'gt', 200, Infinity],
      ['At least 12 people waited.', 'en', 'gte', 12, Infinity],
      ['About 300 cars queued.', 'en', 'about', 240, 360],
      ['Nearly 50 boats sailed.', 'en', 'lt', 40, 50],
      ['Almost 40 buses ran.', 'en', 'lt', 32, 40],
      ['Up to 20 ferries sail.', 'en', 'lte', 0, 20],
      ['Fewer than 10 crew stayed.', 'en', 'lt', 0, 10],
      ['Meer dan 300 kiezers kwamen.', 'nl', 'gt', 300, Infinity],
      ['Ruim 200 kiezers kwamen.', 'nl', 'gt', 200, Infinity],
      ['Bijna 50 boten voeren.', 'nl', 'lt', 40, 50],
      ['Ongeveer 20 bussen reden.', 'nl', 'about', 16, 24],
      ['Minstens 12 mensen wachtten.', 'nl', 'gte', 12, Infinity],
    ];
    for (const [text, lang, cmp, min, max] of cases) {
      const n = one(text, lang);
      assert.equal(n.comparator, cmp, text);
      assert.equal(n.min, min, text);
      assert.equal(n.max, max, text);
    }
    assert.equal(one('More than 300 people were rescued.').text, 'More than 300');
  });

  it('reads vague amounts with conventional intervals', () => {
    const cases: Array<[string, 'en' | 'nl', number, number, string]> = [
      ['Dozens of passengers waited.', 'en', 24, 99, 'passengers'],
      ['Hundreds of residents left.', 'en', 200, 999, 'residents'],
      ['Thousands of voters came.', 'en', 2000, 9999, 'voters'],
      ['Tens of thousands of people came.', 'en', 20000, 99999, 'people'],
      ['Hundreds of thousands of people came.', 'en', 200000, 999999, 'people'],
      ['Several officials resigned.', 'en', 3, 10, 'officials'],
      ['A few ferries sailed.', 'en', 2, 6, 'ferries'],
      ['Tientallen passagiers wachtten.', 'nl', 20, 99, 'passagiers'],
      ['Honderden bewoners vertrokken.', 'nl', 200, 999, 'bewoners'],
      ['Duizenden kiezers kwamen.', 'nl', 2000, 9999, 'kiezers'],
    ];
    for (const [text, lang, min, max, unit] of cases) {
      const n = one(text, lang);
      assert.equal(n.vague, true, text);
      assert.equal(n.min, min, text);
      assert.equal(n.max, max, text);
      assert.equal(n.unitText, unit, text);
    }
    assert.equal(nums('Geen enkele passagier bleef.', 'nl').length, 0, '"geen enkele" is not an amount');
  });

  it('reads ranges', () => {
    const b = one('Between 200 and 300 passengers boarded.');
    assert.equal(b.min, 200);
    assert.equal(b.max, 300);
    assert.equal(b.unitText, 'passengers');
    const h = one('Some 10-15 ferries run daily.');
    assert.equal(h.min, 10);
    assert.equal(h.max, 15);
    assert.deepEqual([one('Between 5 to 10 people waited.').max, one('5 or 6 ferries waited.').max], [10, 6]);
    assert.deepEqual(one('Vijf of zes veerboten wachtten.', 'nl').unitText, 'veerboten');
    assert.equal(nums('Fares rose from 5 to 10 euros.').length, 2, '"from X to Y" is a change, not a range');
    assert.equal(nums('The council voted 5 to 4.').length, 2);
    assert.deepEqual(nums('Het aantal daalde met 27 procent tot 31.000.', 'nl').map((n) => n.value), [27, 31000]);
  });

  it('takes a capitalized plural as the counted noun', () => {
    assert.equal(one('Since March, 120 Palestinians were counted.').unitText, 'Palestinians');
    assert.equal(one('Sinds maart zijn 120 Palestijnen geteld.', 'nl').unitText, 'Palestijnen');
    assert.equal(one('Officials arrested four senior Harbour officials.').unitText, 'officials');
  });

  it('skips hyphenated and capitalized modifiers before the counted noun', () => {
    assert.equal(one('The port hired dozens of pro-union Dutch pilots.').unitText, 'pilots');
    assert.equal(one('The port hired 40 well-trained pilots.').unitText, 'pilots');
  });

  it('reads fractions in both languages, but not ordinals after "a"', () => {
    const cases: Array<[string, 'en' | 'nl', number, string]> = [
      ['Half of the passengers left.', 'en', 0.5, 'passengers'],
      ['A third of voters stayed home.', 'en', 1 / 3, 'voters'],
      ['Two-thirds of residents agreed.', 'en', 2 / 3, 'residents'],
      ['De helft van de passagiers vertrok.', 'nl', 0.5, 'passagiers'],
      ['Een derde van de kiezers bleef thuis.', 'nl', 1 / 3, 'kiezers'],
      ['Driekwart van het budget ging op.', 'nl', 0.75, 'budget'],
    ];
    for (const [text, lang, v, unit] of cases) {
      const n = one(text, lang);
      assert.equal(n.kind, 'fraction', text);
      assert.ok(Math.abs(n.value - v) < 1e-9, text);
      assert.equal(n.unitText, unit, text);
    }
    const gt = one('More than half of the ferries were late.');
    assert.deepEqual([gt.comparator, gt.min, gt.max], ['gt', 0.5, 1]);
    assert.equal(one('Half a million people came.').value, 500_000);
    assert.equal(one('A third attack followed.').kind, 'ordinal');
    assert.equal(one('Een derde aanval volgde.', 'nl').kind, 'ordinal');
  });

  it('finds the counted noun past adjectives and "of the"', () => {
    assert.equal(one('Officials said three armed men fled.').unitText, 'men');
    assert.equal(one('The vote drew 300 young voters.').unitText, 'voters');
    assert.equal(one('It was killing more than 300 people.').unitText, 'people');
    assert.equal(one('Meer dan 300 doden werden geteld.', 'nl').unitText, 'doden');
    assert.equal(one('Er zaten 40 jonge passagiers aan boord.', 'nl').unitText, 'passagiers');
    assert.equal(one('Some 300 of the passengers stayed.').unitText, 'passengers');
    assert.equal(one('The ferry returned 300 in total.').unit, undefined, 'a preposition ends the search');
  });

  it('does not report years as counts', () => {
    const a = analyze('In 2015 the ferry sank and the 2018 budget passed.', 'en');
    assert.equal(a.numbers.length, 0);
    assert.deepEqual(a.dates.map((d) => d.year), [2015, 2018]);
    const b = analyze('The ferry carried 2000 passengers in 2016.', 'en');
    assert.deepEqual(b.numbers.map((n) => n.value), [2000]);
    assert.deepEqual(b.dates.map((d) => d.year), [2016]);
    assert.deepEqual(analyze('More than 2000 were rescued.', 'en').numbers.map((n) => n.value), [2000]);
    assert.equal(analyze('Hamas richt zich al sinds 2015 tegen de groep.', 'nl').numbers.length, 0);
  });

  it('does not count the pronoun "one"', () => {
    assert.equal(nums('The one who left was the captain.').length, 0);
    assert.equal(nums('They helped one another.').length, 0);
    assert.equal(one('They saw one ferry.').value, 1);
  });

  it('keeps numbers after names simple', () => {
    const a = analyze('Ferry Line 22 said the crossing resumed.', 'en');
    assert.deepEqual(a.numbers.map((n) => [n.value, n.unit]), [[22, undefined]]);
  });

  it('ignores clock times and identifiers', () => {
    assert.equal(nums('The ferry left at 10:30 on route A7.').length, 0);
    assert.equal(nums('The ferry left at 10.30 am.').length, 0);
    assert.equal(nums('De veerboot vertrok om 22.00 uur.', 'nl').length, 0);
    assert.equal(one('De tocht duurde 3 uur.', 'nl').value, 3);
  });

  it('never crashes on odd input', () => {
    for (const s of ['', '   ', '...', '2,,3', '1.2.3.4', 'constructor toString __proto__ hasOwnProperty', '$', '%', '––', '9'.repeat(400), 'a-'.repeat(300)]) {
      const a = analyze(s, 'en');
      assert.equal(a.text, s);
      analyze(s, 'nl');
      analyze(s, 'und');
    }
  });
});

describe('analysis: negation', () => {
  it('finds English cues including the n\'t suffix and "failed to"', () => {
    const a = analyze("The council didn't approve it, never will, and the mayor failed to respond without notice; nobody came.", 'en');
    assert.deepEqual(a.negations.map((n) => n.text), ["n't", 'never', 'failed to', 'without', 'nobody']);
    // The noun says it as the verb does; "failure" alone is no cue.
    assert.deepEqual(analyze('Its failure to act and the failure of the pump were reported.', 'en').negations.map((n) => n.text), ['failure to']);
    const didnt = a.negations[0];
    assert.equal(a.text.slice(didnt.start, didnt.end), "n't");
  });

  it('finds absence cues: unable, lacks, has yet to', () => {
    const a = analyze('The ferry has yet to sail, the crew was unable to help and the port lacks funds.', 'en');
    assert.deepEqual(a.negations.map((n) => n.text), ['yet to', 'unable to', 'lacks']);
    assert.equal(analyze('The ferry is not yet full, yet to many it looks full.', 'en').negations.length, 1);
  });

  it('finds negative implicatives and absences, whose complement did not happen', () => {
    const en = analyze('She declined to model for the brand, turned down offers to work there and had too little time.', 'en');
    assert.deepEqual(en.negations.map((n) => n.text), ['declined to', 'turned down', 'too little']);
    const nl = analyze('Hij weigerde te tekenen; er was gebrek aan geld, te weinig macht en onvoldoende steun.', 'nl');
    assert.deepEqual(nl.negations.map((n) => n.text), ['weigerde te', 'gebrek aan', 'te weinig', 'onvoldoende']);
    // "te" alone (om te tekenen) and "down" alone are no cues.
    assert.equal(analyze('Hij kwam om te tekenen en liep down town.', 'nl').negations.length, 0);
  });

  it('finds Dutch cues', () => {
    const a = analyze('De raad keurde het niet goed, geen wethouder stemde, nooit meer; niemand weet niets zonder hulp.', 'nl');
    assert.deepEqual(a.negations.map((n) => n.text), ['niet', 'geen', 'nooit', 'niemand', 'niets', 'zonder']);
  });

  it('skips comparators and additive phrases', () => {
    assert.equal(analyze('No more than 300 voters came.', 'en').negations.length, 0);
    assert.equal(analyze('Not only the mayor came.', 'en').negations.length, 0);
    assert.equal(analyze('Niet meer dan 300 kiezers kwamen.', 'nl').negations.length, 0);
    assert.equal(analyze('Niet alleen de burgemeester kwam.', 'nl').negations.length, 0);
    assert.equal(analyze('Whether or not the ferry sails, the port opens.', 'en').negations.length, 0);
    assert.equal(analyze('De veerboot vaart al dan niet.', 'nl').negations.length, 0);
  });
});

describe('analysis: index terms', () => {
  it('drops stop words and stems like tokenize', () => {
    const terms = indexTerms('The passengers boarded the ferries', 'en');
    assert.ok(!terms.includes('the'));
    assert.ok(terms.includes(stemWord('passengers', 'en')));
    assert.ok(terms.includes(stemWord('ferries', 'en')));
  });

  it('shares numbers and names across languages', () => {
    const en = indexTerms('The U.S. counted four ferries, 2,000 voters and 3.5 million in Jerusalem and the Gaza Strip.', 'en');
    const nl = indexTerms('De VS telden vier veerboten, 2.000 kiezers en 3,5 miljoen in Jeruzalem en de Gazastrook.', 'nl');
    for (const shared of ['4', '2000', '3.5', 'million', 'jerusalem', 'gazastrip', 'unitedstates']) {
      assert.ok(en.includes(shared), `en ${shared}: ${en.join(' ')}`);
      assert.ok(nl.includes(shared), `nl ${shared}: ${nl.join(' ')}`);
    }
  });

  it('adds shared concept terms so English queries reach Dutch passages', () => {
    const en = indexTerms('The ferry company sold weapons and two passengers were killed.', 'en');
    const nl = indexTerms('Het veerbedrijf verkocht wapens en twee passagiers werden gedood.', 'nl');
    for (const shared of ['~sell', '~weapon', '~kill', '~passenger', '2']) {
      assert.ok(en.includes(shared), `en ${shared}: ${en.join(' ')}`);
      assert.ok(nl.includes(shared), `nl ${shared}: ${nl.join(' ')}`);
    }
  });

  it('indexes capitalized names unstemmed as well', () => {
    assert.ok(indexTerms('Ferries left Portmoresby yesterday.', 'en').includes('portmoresby'));
    assert.ok(indexTerms('Veerboten verlieten Portmoresby gisteren.', 'nl').includes('portmoresby'));
  });

  it('splits hyphenated compounds into their parts', () => {
    const t = indexTerms('Een ISIS-strijder sprak.', 'nl');
    assert.ok(t.includes('isis'));
    assert.ok(t.includes('strijder'));
  });
});

describe('analysis: determinism', () => {
  it('gives identical results on repeated calls', () => {
    const s = 'On Wednesday, more than 300 passengers of the Egyptian ferry did not reach Jerusalem, officials said on 5 January 2018.';
    const a = JSON.stringify(analyze(s, 'en'));
    analyze('Iets anders in het Nederlands met 22 bussen.', 'nl');
    assert.equal(JSON.stringify(analyze(s, 'en')), a);
    assert.deepEqual(indexTerms(s, 'en'), indexTerms(s, 'en'));
  });
});

describe('analysis: module boundary', () => {
  it('imports neither fs, path, vscode nor other Node modules', () => {
    // eslint-disable-next-line @typescript-eslint/no-var-requires
    const fs = require('fs') as typeof import('fs');
    // eslint-disable-next-line @typescript-eslint/no-var-requires
    const path = require('path') as typeof import('path');
    const dir = path.join(__dirname, '../../src/core/analysis');
    for (const f of fs.readdirSync(dir).filter((x) => x.endsWith('.ts'))) {
      const src = fs.readFileSync(path.join(dir, f), 'utf8');
      const imports = [...src.matchAll(/(?:from\s+|require\()\s*['"]([^'"]+)['"]/g)].map((m) => m[1]);
      for (const m of imports) assert.ok(m.startsWith('.') || m === 'snowball-stemmers', `${f} imports ${m}`);
    }
  });

  it('does not treat "scores" as an amount unless followed by "of"', () => {
    assert.equal(analyze('The team scores often.', 'en').numbers.length, 0);
    assert.equal(analyze('Scores of ferries waited.', 'en').numbers[0].min, 40);
  });
});
