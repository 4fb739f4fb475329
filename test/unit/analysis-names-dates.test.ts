import { strict as assert } from 'assert';
import { analyze, areAntonyms, conceptOf, entityKey, looseKey, stemWord } from '../../src/core/analysis';
import type { DateMention, EntityMention } from '../../src/core/analysis';

function dates(text: string, lang: 'en' | 'nl' = 'en'): DateMention[] {
  return analyze(text, lang).dates;
}
function oneDate(text: string, lang: 'en' | 'nl' = 'en'): DateMention {
  const d = dates(text, lang);
  assert.equal(d.length, 1, `expected one date in "${text}", got ${JSON.stringify(d.map((x) => x.text))}`);
  return d[0];
}
function names(text: string, lang: 'en' | 'nl' = 'en'): EntityMention[] {
  return analyze(text, lang).entities;
}

describe('analysis: dates', () => {
  it('reads a standalone year', () => {
    const d = oneDate('The ferry line opened in 2015.');
    assert.equal(d.year, 2015);
    assert.equal(d.granularity, 'year');
    assert.equal(d.text, '2015');
  });

  it('reads month + year in both languages', () => {
    for (const [text, lang] of [['The vote was held in July 2015.', 'en'], ['De stemming was in juli 2015.', 'nl']] as const) {
      const d = oneDate(text, lang);
      assert.deepEqual([d.year, d.month, d.granularity], [2015, 7, 'month'], text);
    }
  });

  it('reads full dates in every common order', () => {
    const cases: Array<[string, 'en' | 'nl']> = [
      ['The budget passed on January 5, 2018.', 'en'],
      ['The budget passed on 5 January 2018.', 'en'],
      ['The budget passed on the 5th of January 2018.', 'en'],
      ['De begroting werd op 5 januari 2018 aangenomen.', 'nl'],
      ['Published 2018-01-05 by the council.', 'en'],
      ['Gepubliceerd op 05/01/2018 door de gemeente.', 'nl'],
      ['The budget passed on Jan. 5, 2018.', 'en'],
      ['De begroting kwam op 5 jan. 2018.', 'nl'],
    ];
    for (const [text, lang] of cases) {
      const d = oneDate(text, lang);
      assert.deepEqual([d.year, d.month, d.day, d.granularity], [2018, 1, 5, 'day'], text);
    }
    assert.equal(oneDate('Published 2018-01-05 by the council.').text, '2018-01-05');
  });

  it('reads day + month without a year', () => {
    const d = oneDate('The ferry resumed on 12 March after repairs.');
    assert.deepEqual([d.year, d.month, d.day], [undefined, 3, 12]);
  });

  it('reads month names and abbreviations in both languages', () => {
    const months: Array<[string, 'en' | 'nl', number]> = [
      ['It happened in February.', 'en', 2], ['It happened in October.', 'en', 10], ['Het gebeurde in maart.', 'nl', 3],
      ['Het gebeurde in mei.', 'nl', 5], ['Het gebeurde in oktober.', 'nl', 10], ['It happened on 3 Sept. 2019.', 'en', 9],
      ['Het gebeurde op 3 mrt 2019.', 'nl', 3],
    ];
    for (const [text, lang, month] of months) assert.equal(oneDate(text, lang).month, month, text);
  });

  it('does not read ambiguous English month words as dates', () => {
    assert.equal(dates('The mayor may march with them.').length, 0);
    assert.equal(dates('May I ask a question?').length, 0);
  });

  it('reads weekdays in both languages', () => {
    assert.equal(oneDate('The video was released on Wednesday.').weekday, 3);
    assert.equal(oneDate('De video verscheen woensdag.', 'nl').weekday, 3);
    assert.equal(oneDate('De raad vergaderde dinsdagavond.', 'nl').weekday, 2);
    assert.equal(oneDate("Sunday's vote was close.").weekday, 0);
    assert.equal(oneDate('De raad vergaderde zaterdag.', 'nl').granularity, 'weekday');
  });

  it('reads relative expressions', () => {
    const a = oneDate('The ferry stopped last January.');
    assert.deepEqual([a.month, a.relative, a.granularity], [1, 'last', 'month']);
    const b = oneDate('De veerboot stopte vorige maand.', 'nl');
    assert.deepEqual([b.relative, b.granularity], ['last', 'month']);
    const c = oneDate('De begroting groeide vorig jaar.', 'nl');
    assert.deepEqual([c.relative, c.granularity], ['last', 'year']);
    assert.equal(oneDate('The council meets next Friday.').relative, 'next');
    assert.deepEqual([oneDate('The ferry stopped last week.').granularity, oneDate('De veerboot stopte vorige week.', 'nl').relative], ['week', 'last']);
  });

  it('reads a month of a relative year as one date ("January last year", "januari vorig jaar")', () => {
    const a = oneDate('The ferry stopped in January last year.');
    assert.deepEqual([a.text, a.month, a.relative, a.granularity], ['January last year', 1, 'last', 'month']);
    const b = oneDate('De veerboot stopte in januari vorig jaar.', 'nl');
    assert.deepEqual([b.text, b.month, b.relative], ['januari vorig jaar', 1, 'last']);
    assert.deepEqual([oneDate('The quay reopened in May of this year.').text, oneDate('The quay reopened in May of this year.').relative], ['May of this year', 'this']);
  });

  it('reads seasons and decades', () => {
    const s = oneDate('The line opened in the summer of 2014.');
    assert.deepEqual([s.granularity, s.season, s.year], ['season', 'summer', 2014]);
    assert.equal(oneDate('De lijn opende in de zomer van 2014.', 'nl').season, 'summer');
    const d = oneDate('Ferries were rare in the 1990s.');
    assert.deepEqual([d.granularity, d.year], ['decade', 1990]);
    assert.equal(oneDate('Veerboten waren zeldzaam in de jaren negentig.', 'nl').year, 1990);
    assert.equal(oneDate("Ferries were rare in the '90s.").year, 1990);
    assert.equal(oneDate('Ferries were rare in the fifties.').year, 1950);
  });

  it('reads years inside prefixed words', () => {
    const d = oneDate('The port reopened in mid-2015.');
    assert.deepEqual([d.year, d.text, d.granularity], [2015, '2015', 'year']);
    assert.equal(oneDate('De haven ging begin-2016 open.', 'nl').year, 2016);
  });

  it('does not read a season inside a name', () => {
    assert.equal(dates('The Arab Spring began.').length, 0);
  });

  it('splits year ranges into two years', () => {
    assert.deepEqual(dates('The plan ran 2015-2017.').map((d) => d.year), [2015, 2017]);
    // With an en dash (which the tokenizer splits at) and a two-digit end year.
    assert.deepEqual(dates('During the 2018–19 academic year.').map((d) => [d.text, d.year]), [['2018', 2018], ['19', 2019]]);
    assert.deepEqual(dates('The 1999–2000 season.').map((d) => d.year), [1999, 2000]);
    assert.equal(analyze('The 2018–19 season.', 'en').numbers.length, 0);
  });

  it('keeps day numbers out of the counts', () => {
    const a = analyze('On 5 January 2018, 224 passengers boarded.', 'en');
    assert.deepEqual(a.numbers.map((n) => n.value), [224]);
    assert.equal(a.dates.length, 1);
  });
});

describe('analysis: entities', () => {
  it('finds single and multiword names with connectors', () => {
    const e = names('Officials of Ansar Bayt al-Maqdis visited the Church of the Holy Sepulchre with Abu Kazem al-Maqdisi.');
    assert.deepEqual(e.map((x) => x.text), ['Ansar Bayt al-Maqdis', 'Church of the Holy Sepulchre', 'Abu Kazem al-Maqdisi']);
  });

  it('keeps "of ... and ..." names only when known, otherwise splits at "and"', () => {
    const a = names('Analysts said the Islamic State of Iraq and Syria grew.');
    assert.equal(a.length, 1);
    assert.equal(a[0].norm, 'islamic state');
    const b = names('The Bank of Rotterdam and Utrecht Ferries merged.');
    assert.deepEqual(b.map((x) => x.text), ['Bank of Rotterdam', 'Utrecht Ferries']);
  });

  it('does not start names with sentence-initial function words', () => {
    assert.deepEqual(names('The ferry reached Rotterdam.').map((x) => x.text), ['Rotterdam']);
    assert.deepEqual(names('In Rotterdam the ferry docked.').map((x) => x.text), ['Rotterdam']);
    assert.deepEqual(names('De veerboot bereikte Rotterdam.', 'nl').map((x) => x.text), ['Rotterdam']);
    assert.equal(names('Bomb shelters were opened.').length, 0);
  });

  it('reads acronyms, hyphenated names and possessives', () => {
    const e = names("Gaza's port, the U.S. envoy, ISIS and Al-Qassam were named.");
    assert.deepEqual(e.map((x) => x.norm), ['gaza', 'united states', 'islamic state', 'al qassam']);
    assert.equal(e[0].text, "Gaza's");
    // A plural possessive inside a name continues it; a singular one ends it ("Leith's Harbour Party": two).
    assert.deepEqual(names("The Harbour Workers' Party and the Dock Martyrs’ Brigades met Leith's Harbour Party.").map((x) => x.text), ["Harbour Workers' Party", 'Dock Martyrs’ Brigades', "Leith's", 'Harbour Party']);
  });

  it('reads all-caps stop words as names only when known', () => {
    assert.deepEqual(names('TORONTO, ON (August 22, 2017) - The ferry left.').map((x) => x.text), ['TORONTO']);
    assert.deepEqual(names('De terreurgroep IS pleegde een aanslag.', 'nl').map((x) => x.norm), ['islamic state']);
    assert.deepEqual(names('Officials in the US said so.').map((x) => x.norm), ['united states']);
  });

  it('keeps the name part of Dutch compounds', () => {
    const e = names('Een ISIS-strijder en een Hamas-leider spraken.', 'nl');
    assert.deepEqual(e.map((x) => x.text), ['ISIS', 'Hamas']);
  });

  it('reads a hyphenated compound before a name as its description, not part of it ("Havenbond-voorzitter Mara Vell")', () => {
    const e = names('Volgens voormalig Havenbond-voorzitter Mara Vell is de haven gesloten.', 'nl');
    assert.deepEqual(e.map((x) => x.text), ['Havenbond', 'Mara Vell']);
    assert.equal(e[1].kind, 'person');
  });

  it('merges en/nl variants into one norm', () => {
    const pairs: Array<[string, string]> = [
      ['Jerusalem', 'Jeruzalem'], ['Egypt', 'Egypte'], ['Israel', 'Israël'], ['Syria', 'Syrië'], ['Iraq', 'Irak'],
      ['Gaza Strip', 'Gazastrook'], ['European Union', 'Europese Unie'], ['United States', 'Verenigde Staten'],
    ];
    for (const [en, nl] of pairs) {
      const a = names(`The ferry sailed to ${en} today.`, 'en');
      const b = names(`De veerboot voer vandaag naar ${nl}.`, 'nl');
      assert.equal(a.length, 1, en);
      assert.equal(b.length, 1, nl);
      assert.equal(a[0].norm, b[0].norm, `${en} ~ ${nl}`);
    }
  });

  it('treats news aliases of one organization as one norm', () => {
    const norms = ['ISIS', 'IS', 'Daesh', 'Islamic State', 'Islamitische Staat'].map((n) => names(`Officials blamed ${n} yesterday.`)[0].norm);
    assert.equal(new Set(norms).size, 1, norms.join(','));
    const us = ['U.S.', 'US', 'VS', 'United States'].map((n) => names(`Officials blamed ${n} yesterday.`)[0].norm);
    assert.equal(new Set(us).size, 1, us.join(','));
  });

  it('gives transliteration variants the same loose key', () => {
    assert.equal(looseKey(entityKey('al-Aksa')), looseKey(entityKey('Al Aqsa')));
    assert.equal(looseKey(entityKey('Mohammed')), looseKey(entityKey('Mohamed')));
    assert.notEqual(looseKey(entityKey('Gaza')), looseKey(entityKey('Giza')));
    const a = names('Crowds gathered at al-Aksa on Friday.').find((x) => x.text === 'al-Aksa')!;
    const b = names('Crowds gathered at Al Aqsa on Friday.').find((x) => x.text === 'Al Aqsa')!;
    assert.equal(a.loose, b.loose);
    assert.equal(a.norm, b.norm);
  });

  it('matches long table names one typo away, short ones only exactly', () => {
    assert.equal(names('Aanhangers van Islamtische Staat kwamen.', 'nl')[0].norm, 'islamic state');
    assert.equal(names('Leden van de Moslimbroedershap kwamen.', 'nl')[0].norm, 'muslim brotherhood');
    assert.notEqual(names('The ferry reached Gazo today.')[0].norm, 'gaza');
  });

  it('guesses the kind', () => {
    const e = names('President Joan Smith met spokesman Ahmed Hassan of the Harbour Workers Movement in Cairo and later in Portmore.');
    const byText = new Map(e.map((x) => [x.text, x.kind]));
    assert.equal(byText.get('Joan Smith'), 'person');
    assert.equal(byText.get('Ahmed Hassan'), 'person');
    assert.equal(byText.get('Harbour Workers Movement'), 'org');
    assert.equal(byText.get('Cairo'), 'place');
    assert.equal(byText.get('Portmore'), 'place');
    assert.equal(names('The FRB said so.')[0].kind, 'org');
  });

  it('strips compound titles before a person', () => {
    const e = names('Deputy Prime Minister Joan Smith met Chancellor Piet Jansen.');
    assert.deepEqual(e.map((x) => [x.text, x.kind]), [['Joan Smith', 'person'], ['Piet Jansen', 'person']]);
  });

  it('splits two known names joined by a connector', () => {
    const e = names('De Veiligheidsraad van de Verenigde Naties vergaderde.', 'nl');
    assert.deepEqual(e.map((x) => x.norm), ['security council', 'united nations']);
  });

  it('splits a demonym from a following title and name', () => {
    const e = names('Egyptian President Joan Smith met the crew.');
    assert.deepEqual(e.map((x) => [x.text, x.kind]), [['Egyptian', 'place'], ['Joan Smith', 'person']]);
  });

  it('splits a demonym from the following name', () => {
    const e = names('The Palestinian Hamas movement and the Egyptian Sinai Province met.');
    assert.deepEqual(e.map((x) => x.norm), ['palestine', 'hamas', 'egypt', 'sinai province']);
  });

  it('keeps a known name before a generic head word alone as one name ("Al-Quds University"), and the demonym split otherwise', () => {
    assert.deepEqual(names('Students of Al-Quds University and of the Al-Quds Brigades met.').map((x) => [x.text, x.kind]), [
      ['Al-Quds University', 'org'],
      ['Al-Quds Brigades', 'org'],
    ]);
    assert.deepEqual(names('The European Commission and the Egyptian Sinai Province met.').map((x) => x.text), ['European Commission', 'Egyptian', 'Sinai Province']);
  });

  it('in all-caps text keeps only known names', () => {
    assert.deepEqual(names('ISIS VERKLAART HAMAS OORLOG', 'nl').map((x) => x.norm), ['islamic state', 'hamas']);
  });

  it('in headlines keeps only known names and acronyms', () => {
    const e = names('Ferry Operators Vow To Fight New Gaza Port Rules In EU Court');
    assert.deepEqual(e.map((x) => x.norm), ['gaza', 'european union']);
  });

  it('keeps name-heavy ordinary sentences out of headline mode', () => {
    const e = names('The Bank of Rotterdam and the Harbour Construction Bank met the Rotterdam Ferry Company.');
    assert.deepEqual(e.map((x) => x.text), ['Bank of Rotterdam', 'Harbour Construction Bank', 'Rotterdam Ferry Company']);
  });

  it('strips anti-/pro- prefixes only at the start of a name', () => {
    assert.deepEqual(names('Crowds joined the anti-Hamas protest.').filter((x) => !x.initial).map((x) => x.norm), ['hamas']);
    assert.deepEqual(names('He chairs the World Anti-Doping Authority.').map((x) => x.text), ['World Anti-Doping Authority']);
  });

  it('does not glue comparator words to a preceding name', () => {
    const a = analyze('According to Ferrylink More than 300 passengers sailed.', 'en');
    assert.deepEqual(a.entities.map((x) => x.text), ['Ferrylink']);
    assert.equal(a.numbers[0].comparator, 'gt');
  });

  it('reads names in a seed-style Dutch sentence', () => {
    const text = 'In de video is te zien hoe een ISIS-strijder een man in het hoofd schiet die eerder wapens zou verkocht hebben aan Hamas.';
    assert.deepEqual(names(text, 'nl').map((x) => x.norm), ['islamic state', 'hamas']);
  });
});

describe('analysis: antonyms and concepts', () => {
  const en = (w: string) => stemWord(w, 'en');
  const nl = (w: string) => stemWord(w, 'nl');

  it('recognizes antonym pairs by stem, in both directions and languages', () => {
    assert.ok(areAntonyms(en('increased'), en('decreased')));
    assert.ok(areAntonyms(en('decreased'), en('increased')));
    assert.ok(areAntonyms(en('won'), en('lost')));
    assert.ok(areAntonyms(en('accepted'), en('rejected')));
    assert.ok(areAntonyms(en('allowed'), en('banned')));
    assert.ok(areAntonyms(en('confirmed'), en('denied')));
    assert.ok(areAntonyms(en('before'), en('after')));
    assert.ok(areAntonyms(en('first'), en('last')));
    assert.ok(areAntonyms(nl('gestegen'), nl('gedaald')));
    assert.ok(areAntonyms(nl('gewonnen'), nl('verloren')));
    assert.ok(!areAntonyms(en('increased'), en('rose')));
    assert.ok(!areAntonyms(en('ferry'), en('budget')));
    assert.ok(!areAntonyms(en('won'), en('won')));
    // A reversal at another time is no contradiction: people arrested are often freed later.
    assert.ok(!areAntonyms(en('arrests'), en('freed')));
    assert.ok(!areAntonyms(nl('gearresteerd'), nl('vrijgelaten')));
  });

  it('recognizes negative prefixes and hyphenated opposites', () => {
    assert.ok(areAntonyms(en('unsuccessful'), en('successful')));
    assert.ok(areAntonyms(en('best-selling'), en('worst-selling')));
    assert.ok(areAntonyms(nl('onwettig'), nl('wettig')));
    // Dutch "on-" is no negation of an English word that begins so.
    assert.ok(areAntonyms('ongeldig', 'geldig'));
    assert.ok(!areAntonyms('onstage', 'stage'));
    assert.ok(!areAntonyms('onshore', 'shore'));
    assert.ok(areAntonyms(en('formed'), en('disbanded')));
    assert.ok(!areAntonyms(en('under'), en('der')));
    assert.ok(!areAntonyms(en('best-selling'), en('worst-rated')));
    assert.ok(areAntonyms(en('disassociated'), en('associated')));
    assert.ok(areAntonyms(en('childless'), en('children')));
    assert.ok(!areAntonyms(en('display'), en('play')));
    assert.ok(!areAntonyms(en('disease'), en('ease')));
    assert.ok(areAntonyms('closed', 'opened'));
    assert.ok(!areAntonyms(en('close'), en('opened')), '"close" also means near');
  });

  it('maps en and nl words to shared concepts', () => {
    assert.equal(conceptOf(en('killed'), 'en'), conceptOf(nl('doden'), 'nl'));
    assert.equal(conceptOf(en('dead'), 'en'), conceptOf(en('killed'), 'en'));
    assert.equal(conceptOf(en('weapons'), 'en'), conceptOf(nl('wapens'), 'nl'));
    assert.equal(conceptOf(en('sold'), 'en'), conceptOf(nl('verkocht'), 'nl'));
    assert.equal(conceptOf(en('attack'), 'en'), conceptOf(nl('aanslag'), 'nl'));
    assert.equal(conceptOf(en('attack'), 'en'), conceptOf(nl('aanval'), 'nl'));
    assert.equal(conceptOf(en('mosque'), 'en'), conceptOf(nl('moskee'), 'nl'));
    assert.equal(conceptOf(en('capital'), 'en'), conceptOf(nl('hoofdstad'), 'nl'));
    assert.equal(conceptOf(en('recognizes'), 'en'), conceptOf(nl('erkent'), 'nl'));
    assert.equal(conceptOf(en('released'), 'en'), conceptOf(en('published'), 'en'));
    assert.equal(conceptOf(en('arrested'), 'en'), conceptOf(en('detained'), 'en'));
    assert.equal(conceptOf(en('branch'), 'en'), conceptOf(nl('tak'), 'nl'));
    assert.equal(conceptOf(en('passengers'), 'en'), conceptOf(nl('passagiers'), 'nl'));
    assert.ok(conceptOf(en('killed'), 'en'));
    assert.notEqual(conceptOf(en('killed'), 'en'), conceptOf(en('arrested'), 'en'));
    assert.equal(conceptOf('zzzz', 'en'), undefined);
  });
});
