import { strict as assert } from 'node:assert';
import { createEngine } from '../../src/core/engine';
import type { Finding } from '../../src/core/types';
import { isCheckWorthy } from '../../src/core/verify/index';
import { classifySentence } from '../../src/core/verify/checkworthy';

const enc = (s: string) => new TextEncoder().encode(s);

const FERRY = `Harbor ferry service resumes after storm

The harbor ferry carried 224 passengers on its first crossing on Wednesday.
The city council approved a budget of 3.5 million euros for the new ferry terminal in March 2019.
The ferry operator Northwind Lines has not raised ticket prices this year.
The crossing to the island takes about 40 minutes in calm weather.
Dozens of volunteers helped clean the pier after the storm.
Mayor Helen Brandt opened the renovated terminal with a short speech.
Ticket sales increased sharply after the new timetable started.
The Harbor Museum is a maritime museum next to the terminal.
The museum reopened in May 2022 after a long renovation.
It now shows 40 model ships from the old shipyard.
The harbor ferry has a green hull and a white deck.
`;

const LIBRARY = `City library extends opening hours

The central library will open on Sundays from next month.
The library board counted the reader votes on Monday.
The result has not been published yet.
The board will close the reading room if the heating is not repaired by Friday.
The library lent out 81,000 books last year, a record for the city.
`;

const VEERBOOT = `Nieuwe veerdienst naar het eiland

De stad kocht in 2021 een nieuwe veerboot voor 12 miljoen euro.
De nieuwe veerboot heeft plaats voor 180 passagiers.
`;

function engineWithFixtures() {
  const engine = createEngine();
  engine.upsertSource('sources/ferry.txt', enc(FERRY));
  engine.upsertSource('sources/library.txt', enc(LIBRARY));
  engine.upsertSource('sources/veerboot.txt', enc(VEERBOOT));
  return engine;
}

async function checkOne(text: string, format: 'plaintext' | 'markdown' = 'plaintext'): Promise<Finding> {
  const engine = engineWithFixtures();
  const findings = await engine.check(text, { format });
  assert.equal(findings.length, 1, `expected one finding for ${JSON.stringify(text)}, got ${JSON.stringify(findings, null, 1)}`);
  return findings[0];
}

function slice(text: string, f: Finding, i = 0): string {
  const r = f.reasons[i].claimRange!;
  assert.ok(r, 'reason has a claimRange');
  assert.equal(r.start.line, r.end.line);
  const line = text.split('\n')[r.start.line];
  return line.slice(r.start.character, r.end.character);
}

describe('verify: check-worthiness of evaluations', () => {
  it('an evaluation without any number or date is an opinion, names or not', () => {
    assert.equal(isCheckWorthy('This is a worrying development for the city.'), false);
    // A name says what is evaluated, not a fact to check.
    assert.equal(isCheckWorthy('The rivalry between Northport and Leith is the most worrying development in the region.'), false);
    assert.equal(isCheckWorthy('The new timetable is a welcome change for commuters.'), false);
    assert.equal(isCheckWorthy('Dit is een zorgwekkende ontwikkeling voor de stad.'), false);
  });
  it('excess by the writer\'s measure ("far too complacent", "veel te laconiek") is an opinion; a quantity or what the excess prevents is a claim', () => {
    assert.equal(classifySentence('The harbour union has been far too complacent in its response to the strike.').reason, 'opinion');
    assert.equal(classifySentence('The council responded much too slowly to the flooding.').reason, 'opinion');
    assert.equal(classifySentence('De havenbond reageerde veel te laconiek op de staking.').reason, 'opinion');
    assert.equal(isCheckWorthy('Far too many passengers were on the ferry in May.'), true);
    assert.equal(isCheckWorthy('The union is far too weak to call a strike on its own.'), true);
    assert.equal(isCheckWorthy('The water was far too cold for the divers to reach the wreck.'), true);
    assert.equal(isCheckWorthy('De havenbond heeft veel te weinig leden.'), true);
  });
  it('"behoort te" (ought to) is an opinion; "behoren tot" (belong to) states a fact', () => {
    assert.equal(classifySentence('De havenbond behoort de leden beter te informeren.').reason, 'opinion');
    assert.equal(isCheckWorthy('Tot de leden van de havenbond behoren onder meer loodsen en sleepbootschippers.'), true);
    assert.equal(isCheckWorthy('De havenbond behoort tot de grootste bonden van Leith.'), true);
  });
  it('an acronym that spells a copula ("IS") is a name, not the sentence\'s verb', () => {
    assert.equal(classifySentence('De rivaliteit tussen IS en de havenbond is zorgwekkender dan veel waarnemers denken.').reason, 'opinion');
    assert.equal(classifySentence('The rivalry between IS and the harbour union is a worrying development.').reason, 'opinion');
    assert.equal(isCheckWorthy('The rivalry between IS and the harbour union is over.'), true);
  });
  it('figures, dates or a reporting verb keep it a claim', () => {
    assert.equal(isCheckWorthy('The ferry was good for 224 passengers.'), true);
    assert.equal(isCheckWorthy('The Northport ferry was a welcome sight in May 2019.'), true);
    assert.equal(isCheckWorthy('The Northport ferry was a welcome sight on Friday.'), true);
    assert.equal(isCheckWorthy('De veerboot van Northport was vrijdag een bemoedigende verschijning.'), true);
    assert.equal(isCheckWorthy('The council said this is a worrying development.'), true);
    assert.equal(isCheckWorthy('The crossing was rough for the passengers.'), true);
  });
  it('"today" (the time of writing) is no date that makes an evaluation checkable', () => {
    assert.equal(classifySentence('The rivalry between Northport and Leith is the most fascinating story in the region today.').reason, 'opinion');
    assert.equal(classifySentence('The harbour strike is a worrying development for Leith today.').reason, 'opinion');
    assert.equal(isCheckWorthy('The rivalry between Northport and Leith was the most fascinating story on 5 May 2017.'), true);
  });
});

describe('verify: check-worthiness of judgements WordNet classes', () => {
  it('an adjective in a cluster of judgement (interesting, humorous, unprofessional, brave, evil) makes an evaluation, English and Dutch', () => {
    // "fascinating" is similar to "interesting", "amateurish" to "unprofessional",
    // "courageous" to "brave", "despicable" to "evil": none of them is in the word list.
    assert.equal(classifySentence('The rivalry between Northport and Leith is the most fascinating story in the region.').reason, 'opinion');
    assert.equal(classifySentence("The council's leaflets look amateurish next to the port's brochures.").reason, 'opinion');
    assert.equal(classifySentence('The sketch about the harbour master was a courageous piece of satire.').reason, 'opinion');
    assert.equal(classifySentence('The leaflet is a despicable piece of propaganda.').reason, 'opinion');
    assert.equal(classifySentence('De nieuwe dienstregeling is bijzonder weerzinwekkend.').reason, 'opinion');
    // An adverb and a participle after a noun do not make the evaluation reported.
    assert.equal(classifySentence('The sketch mocking the harbour master was genuinely funny.').reason, 'opinion');
    assert.equal(classifySentence("The council's plan to close the ferry lines is a sensible way to save money.").reason, 'opinion');
  });
  it('adjectives that state facts, and reported judgements, stay claims', () => {
    assert.equal(isCheckWorthy('The storm was the deadliest in the history of Northport.'), true);
    assert.equal(isCheckWorthy('The sketch was popular with the dock workers.'), true);
    assert.equal(isCheckWorthy('The crossing was rough for the passengers.'), true);
    assert.equal(isCheckWorthy('The ferry was small and old.'), true);
    assert.equal(isCheckWorthy('The mayor said the plan was a sensible way to save money.'), true);
  });
});

describe('verify: check-worthiness of advice, extraposed evaluations and headings with names', () => {
  it('an evaluation that takes the rest of the sentence as its subject is an opinion, names or not', () => {
    assert.equal(classifySentence('Het is verontrustend dat de spanningen in Northport opnieuw oplopen.').reason, 'opinion');
    assert.equal(classifySentence('It is worrying that the Northport council delayed the vote.').reason, 'opinion');
    // Dutch adjectives in both forms: "onaanvaardbaar" (long vowel) and "onaanvaardbare".
    assert.equal(classifySentence('Het is onaanvaardbaar dat de raad van Northport de stemming uitstelde.').reason, 'opinion');
    assert.equal(classifySentence('Het is een onaanvaardbare vertraging.').reason, 'opinion');
    // Reported, it stays a claim.
    assert.equal(isCheckWorthy('The mayor said it was worrying that the Northport council delayed the vote.'), true);
  });
  it('advice and a first-person "seems to me" are opinions', () => {
    assert.equal(classifySentence('The Northport council would be wise to seek closer ties with Leith.').reason, 'opinion');
    assert.equal(classifySentence('It would be wise for all sides to avoid a further delay.').reason, 'opinion');
    assert.equal(classifySentence('De reactie van de raad op het plan lijkt mij te laconiek.').reason, 'opinion');
    // "would do well to", "had better not", "it is to be hoped", English and Dutch.
    assert.equal(classifySentence('De havenautoriteiten doen er goed aan deze ontwikkeling te volgen.').reason, 'opinion');
    assert.equal(classifySentence('The port authority would do well to follow this closely.').reason, 'opinion');
    assert.equal(classifySentence('Kranten zouden zulke beelden beter niet verspreiden.').reason, 'opinion');
    assert.equal(classifySentence('Het is te hopen dat de spanningen in Northport snel afnemen.').reason, 'opinion');
    assert.equal(classifySentence('It is to be hoped that the talks in Northport resume.').reason, 'opinion');
    // "beter maken" (to improve) is no advice.
    assert.equal(isCheckWorthy('De raad zou de brug in mei beter maken.'), true);
    // A relative clause before the cue leaves the rest the writer's; a clause after a verb is reported.
    assert.equal(classifySentence('The threat that the strike poses to Northport should not be underestimated.').reason, 'opinion');
    assert.equal(isCheckWorthy('The council declared that the schools of Northport should close.'), true);
    assert.equal(isCheckWorthy('The council, which said the plan should be dropped, met on Monday.'), true);
    // A claim about what someone would do stays a claim.
    assert.equal(isCheckWorthy('The council said it would be ready to vote in May.'), true);
  });
  it('a name ending in -s is no verb: a verbless line with names is a heading', () => {
    assert.equal(classifySentence('Achtergrond: de breuk tussen Northport en Thomas').reason, 'heading');
    assert.equal(classifySentence('Northport and Texas: a rivalry across the border').reason, 'heading');
    // A line with a verb stays a claim.
    assert.equal(isCheckWorthy('The council of Northport closes the old harbour on Friday'), true);
  });
  it('a one-word label and a colon open a heading, whatever follows; with a final period it is a claim', () => {
    assert.equal(classifySentence('Timeline: tensions between the council and the dock workers').reason, 'heading');
    assert.equal(classifySentence('Achtergrond: de spanningen tussen de raad en de havenarbeiders').reason, 'heading');
    assert.equal(isCheckWorthy('Update: the council closed the old harbour on Friday.'), true);
  });
});

describe('verify: check-worthiness', () => {
  it('skips questions, headings, opinions and imperatives', () => {
    assert.equal(isCheckWorthy('Why did the ferry stop running in winter?'), false);
    assert.equal(isCheckWorthy('Reactions'), false);
    assert.equal(isCheckWorthy('Harbor Ferry Service Resumes After Storm'), false);
    assert.equal(isCheckWorthy('We believe the terminal deserves a larger budget.'), false);
    assert.equal(isCheckWorthy('I think the crossing is too slow.'), false);
    assert.equal(isCheckWorthy('The council should lower ticket prices.'), false);
    assert.equal(isCheckWorthy('Consider the cost of a second ferry.'), false);
    assert.equal(isCheckWorthy('Volgens mij is de overtocht te duur.'), false);
    assert.equal(isCheckWorthy('Ok.'), false);
    assert.equal(isCheckWorthy('The leader of the council must resign.'), false);
    assert.equal(isCheckWorthy('Maybe the ferry left earlier.'), false);
    assert.equal(isCheckWorthy('Ferry Services and Timetables'), false);
  });
  it('judges factual sentences', () => {
    assert.equal(isCheckWorthy('The harbor ferry carried 224 passengers on Wednesday.'), true);
    assert.equal(isCheckWorthy('Mayor Helen Brandt opened the renovated terminal.'), true);
    assert.equal(isCheckWorthy('De veerboot vervoert 180 passagiers.'), true);
    // Reported speech and subordinate clauses are claims about what was said.
    assert.equal(isCheckWorthy('"We will add a second ferry," the mayor said.'), true);
    assert.equal(isCheckWorthy('The council declared that the terminal must close at night.'), true);
  });
  it('leaves non-claims out of the findings', async () => {
    const engine = engineWithFixtures();
    const text = 'Reactions\n\nWhy did the ferry stop?\n\nWe believe the terminal deserves more money.\n';
    assert.deepEqual(await engine.check(text, { format: 'plaintext' }), []);
  });
});

describe('verify: supported', () => {
  it('supports a paraphrase with the same figures', async () => {
    const f = await checkOne('On Wednesday the harbor ferry carried 224 passengers on its first crossing.');
    assert.equal(f.verdict, 'supported');
    assert.equal(f.code, 'claim.supported');
    assert.equal(f.evidence[0].source, 'sources/ferry.txt');
    assert.ok(f.evidence[0].score > 0 && f.evidence[0].score <= 1);
    assert.ok((f.evidence[0].matched ?? []).length > 0);
  });
  it('accepts a vague amount the source states', async () => {
    const f = await checkOne('Dozens of volunteers helped clean the pier after the storm.');
    assert.equal(f.verdict, 'supported');
  });
});

describe('verify: conflicts', () => {
  it('number: names both values and where the claim value sits', async () => {
    const text = 'The harbor ferry carried 324 passengers on its first crossing on Wednesday.';
    const f = await checkOne(text);
    assert.equal(f.verdict, 'conflict');
    assert.equal(f.code, 'claim.conflict.number');
    assert.equal(f.reasons[0].kind, 'number');
    assert.match(f.reasons[0].message, /the source says 224 passengers, the sentence says 324/);
    assert.equal(slice(text, f), '324');
    assert.equal(f.reasons[0].evidenceIndex, 0);
    assert.match(f.evidence[0].text, /224/);
  });
  it('quantity: a vague amount outside the source range', async () => {
    const f = await checkOne('Thousands of volunteers helped clean the pier after the storm.');
    assert.equal(f.verdict, 'conflict');
    assert.equal(f.code, 'claim.conflict.quantity');
  });
  it('date: weekday', async () => {
    const text = 'The harbor ferry carried 224 passengers on its first crossing on Friday.';
    const f = await checkOne(text);
    assert.equal(f.verdict, 'conflict');
    assert.equal(f.code, 'claim.conflict.date');
    assert.match(f.reasons[0].message, /Wednesday/);
    assert.equal(slice(text, f), 'Friday');
  });
  it('date: year', async () => {
    const f = await checkOne('The city council approved a budget of 3.5 million euros for the new ferry terminal in March 2017.');
    assert.equal(f.verdict, 'conflict');
    assert.equal(f.code, 'claim.conflict.date');
    assert.match(f.reasons[0].sourceValue ?? '', /2019/);
  });
  it('entity: a different name in the same role', async () => {
    const f = await checkOne('Mayor Peter Olsen opened the renovated terminal with a short speech.');
    assert.equal(f.verdict, 'conflict');
    assert.equal(f.code, 'claim.conflict.entity');
    assert.match(f.reasons[0].sourceValue ?? '', /Helen Brandt/);
  });
  it('negation: the source says it did not happen', async () => {
    const f = await checkOne('The ferry operator Northwind Lines has raised ticket prices this year.');
    assert.equal(f.verdict, 'conflict');
    assert.equal(f.code, 'claim.conflict.negation');
    assert.match(f.reasons[0].message, /did not happen/);
  });
  it('antonym: the opposite word in the same place', async () => {
    const f = await checkOne('Ticket sales decreased sharply after the new timetable started.');
    assert.equal(f.verdict, 'conflict');
    assert.equal(f.code, 'claim.conflict.antonym');
  });
});

describe('verify: more conflict kinds and their limits', () => {
  it('category: "X is a Y" where the source says "X is a Z"', async () => {
    const f = await checkOne('The Harbor Museum is a shopping mall.');
    assert.equal(f.verdict, 'conflict');
    assert.equal(f.code, 'claim.conflict.entity');
    assert.match(f.reasons[0].sourceValue ?? '', /museum/);
  });
  it('closed class: another colour at the same place', async () => {
    const f = await checkOne('The harbor ferry has a red hull and a white deck.');
    assert.equal(f.verdict, 'conflict');
    assert.match(f.reasons[0].message, /the source says green, the sentence says red/);
  });
  it('a claim that denies a value does not contradict a source giving another value', async () => {
    const f = await checkOne('The harbor ferry did not carry 324 passengers on its first crossing on Wednesday.');
    assert.notEqual(f.verdict, 'conflict');
  });
  it('a negation inside a condition is no contradiction', async () => {
    const f = await checkOne('The board said the heating is repaired by Friday.');
    assert.notEqual(f.verdict, 'conflict');
  });
  it('a word the passage lacks and the next sentence denies blocks support', async () => {
    const f = await checkOne('The library board counted and published the reader votes on Monday.');
    assert.notEqual(f.verdict, 'supported');
  });
  it('two adjacent passages of one source back a claim together', async () => {
    const f = await checkOne('The museum reopened in May 2022 and now shows 40 model ships.');
    assert.equal(f.verdict, 'supported');
    assert.ok(f.evidence.every((e) => e.source === 'sources/ferry.txt'));
    assert.ok(f.evidence.some((e) => /40 model ships/.test(e.text)));
  });
});

describe('verify: unsupported', () => {
  it('partial: names the part no source backs', async () => {
    const f = await checkOne('The harbor ferry carried 224 passengers to Copenhagen on its first crossing on Wednesday.');
    assert.equal(f.verdict, 'unsupported');
    assert.equal(f.code, 'claim.unsupported.partial');
    assert.equal(f.reasons[0].kind, 'partial');
    assert.match(f.reasons[0].message, /Copenhagen/);
  });
  it('nothing backs an unrelated claim', async () => {
    const f = await checkOne('The airport opened a third runway for cargo flights.');
    assert.equal(f.verdict, 'unsupported');
    assert.notEqual(f.code, 'claim.supported');
  });
  it('a different figure without a matching counted noun is not a conflict', async () => {
    const f = await checkOne('The new museum attracted 5,000 visitors in its first week.');
    assert.notEqual(f.verdict, 'conflict');
  });
});

describe('verify: citations', () => {
  it('checks the cited source first and names the one that backs it', async () => {
    const engine = engineWithFixtures();
    const lib = engine.sources().find((d) => d.path === 'sources/library.txt')!;
    const ferry = engine.sources().find((d) => d.path === 'sources/ferry.txt')!;
    const text = `The harbor ferry carried 224 passengers on its first crossing on Wednesday [@${lib.key}].`;
    const fs = await engine.check(text, { format: 'markdown' });
    assert.equal(fs.length, 1);
    const f = fs[0];
    assert.equal(f.verdict, 'supported');
    assert.equal(f.code, 'citation.not-supported');
    assert.equal(f.citationProblem?.key, lib.key);
    assert.ok(f.citationProblem?.message.includes(ferry.key), f.citationProblem?.message);
    assert.equal(f.citedVerdict, 'unsupported');
  });
  it('a cited source that backs the sentence raises no problem', async () => {
    const engine = engineWithFixtures();
    const ferry = engine.sources().find((d) => d.path === 'sources/ferry.txt')!;
    const fs = await engine.check(`The harbor ferry carried 224 passengers on its first crossing on Wednesday [@${ferry.key}].`, { format: 'markdown' });
    assert.equal(fs[0].code, 'claim.supported');
    assert.equal(fs[0].citationProblem, undefined);
    assert.equal(fs[0].evidence[0].key, ferry.key);
  });
  it('an unknown key is reported', async () => {
    const engine = engineWithFixtures();
    const fs = await engine.check('The harbor ferry carried 224 passengers on its first crossing on Wednesday [@nosuchkey2020].', { format: 'markdown' });
    assert.equal(fs[0].code, 'citation.unknown-key');
    assert.equal(fs[0].citationProblem?.key, 'nosuchkey2020');
  });
});

describe('verify: across languages', () => {
  it('a Dutch passage backs an English claim through figures and concepts', async () => {
    const f = await checkOne('The new ferry has room for 180 passengers.');
    assert.equal(f.verdict, 'supported');
    assert.equal(f.evidence[0].source, 'sources/veerboot.txt');
  });
  it('a Dutch passage contradicts an English figure', async () => {
    const f = await checkOne('The city bought a new ferry for 15 million euros in 2021.');
    assert.equal(f.verdict, 'conflict');
    assert.equal(f.evidence[0].source, 'sources/veerboot.txt');
  });
});

describe('verify: value ranges in the draft', () => {
  it('points at the value across markup and line breaks', async () => {
    const engine = engineWithFixtures();
    const text = '# Ferries\n\nThe **harbor ferry** carried\n324 passengers on its *first* crossing on Wednesday.\n';
    const fs = await engine.check(text, { format: 'markdown' });
    const f = fs.find((x) => x.verdict === 'conflict');
    assert.ok(f, JSON.stringify(fs));
    const r = f!.reasons[0].claimRange!;
    assert.equal(r.start.line, 3);
    assert.equal(text.split('\n')[3].slice(r.start.character, r.end.character), '324');
  });
});

describe('verify: determinism', () => {
  it('same input twice gives identical JSON', async () => {
    const text =
      'The harbor ferry carried 324 passengers on Wednesday. Mayor Helen Brandt opened the renovated terminal.\n\nDozens of volunteers cleaned the pier.';
    const a = JSON.stringify(await engineWithFixtures().check(text, { format: 'plaintext' }));
    const b = JSON.stringify(await engineWithFixtures().check(text, { format: 'plaintext' }));
    assert.equal(a, b);
    assert.ok(JSON.parse(a).length >= 2);
  });
});

describe('verify: the scope of a negation in the passage', () => {
  const HARBOUR = `Harbour works

The council has not approved the budget for the new harbour.
The port authority published the plans for the new marina, but it did not reveal the costs.
`;
  async function checkHarbour(text: string): Promise<Finding> {
    const engine = createEngine();
    engine.upsertSource('sources/harbour.txt', enc(HARBOUR));
    const findings = await engine.check(text, { format: 'plaintext' });
    assert.equal(findings.length, 1);
    return findings[0];
  }
  it('the same predicate, negated in the source: a negation conflict', async () => {
    const f = await checkHarbour('The council approved the budget for the new harbour.');
    assert.equal(f.verdict, 'conflict');
    assert.equal(f.code, 'claim.conflict.negation');
  });
  it('another predicate under the negation: not supported, and no conflict', async () => {
    const f = await checkHarbour('The council supports the budget for the new harbour.');
    assert.equal(f.verdict, 'unsupported');
  });
  it('a negation elsewhere in the sentence, not governing the aligned part, still supports', async () => {
    const f = await checkHarbour('The port authority published the plans for the new marina.');
    assert.equal(f.verdict, 'supported');
  });
});

describe('verify: the source value of a conflict comes from the statement the claim means', () => {
  const COAST = `Ferry routes of the north coast

Westland borders Norland along the river.
The Coast Guard does not have a station in Norland and, in spite of its posters, its boats have a small presence in Port Bay, a harbour that the Coast Guard has controlled since it replaced the Navy in 2007. Norland and Westland also control the ferries in and out of the harbour, although private boats have long been used.
`;
  function engine() {
    const e = createEngine();
    e.upsertSource('sources/coast.txt', enc(COAST));
    e.upsertSource('sources/museum-a.txt', enc('Museum news\n\nThe maritime museum has hosted school visits since 2015.\n'));
    e.upsertSource('sources/museum-b.txt', enc('Museum history\n\nThe maritime museum has hosted school visits since 2009.\n'));
    return e;
  }
  const one = async (text: string): Promise<Finding> => {
    const fs = await engine().check(text, { format: 'plaintext' });
    assert.equal(fs.length, 1);
    return fs[0];
  };
  it('no conflict from a passage when the adjacent sentence states the claim better', async () => {
    const f = await one('Westland and Ostland control the ferries in and out of Port Bay.');
    assert.notEqual(f.verdict, 'conflict');
  });
  it('two passages equally aligned with different values: no conflict', async () => {
    const f = await one('The maritime museum has hosted school visits since 2012.');
    assert.notEqual(f.verdict, 'conflict');
  });
  it('a figure tied by its counted noun stays a conflict next to a sentence that names the subject', async () => {
    const e = createEngine();
    e.upsertSource(
      'sources/film.txt',
      enc('Harbour festival film\n\nThe harbour festival showed a new film about the Northwind ferry on Saturday.\nThe 22 minute film followed the crew through a winter storm and the repairs that came after it.\n'),
    );
    const f = (await e.check('The Northwind film lasts 45 minutes.', { format: 'plaintext' }))[0];
    assert.equal(f.verdict, 'conflict');
    assert.match(f.reasons[0].message, /the source says 22 minute/);
  });
  it('the value of the passage that aligns the rest is still a conflict', async () => {
    const f = await one('The Coast Guard has controlled Port Bay since 2005.');
    assert.equal(f.verdict, 'conflict');
    assert.match(f.reasons[0].message, /the source says 2007, the sentence says 2005/);
  });
});

describe('verify: the scope of a negation in the claim', () => {
  const BRIDGE = `Bridge opening

The bridge was formally opened by the mayor in May.
The ferry service was not resumed after the storm.
`;
  async function checkBridge(text: string): Promise<Finding> {
    const engine = createEngine();
    engine.upsertSource('sources/bridge.txt', enc(BRIDGE));
    const findings = await engine.check(text, { format: 'plaintext' });
    assert.equal(findings.length, 1);
    return findings[0];
  }
  it('the same predicate, negated in the claim, adverb in between in the source: a negation conflict', async () => {
    const f = await checkBridge('The bridge was not opened by the mayor.');
    assert.equal(f.verdict, 'conflict');
    assert.equal(f.code, 'claim.conflict.negation');
  });
  it('"never" on the same predicate: a negation conflict', async () => {
    const f = await checkBridge('The bridge was never opened.');
    assert.equal(f.verdict, 'conflict');
    assert.equal(f.code, 'claim.conflict.negation');
  });
  it('the claim negates a predicate the source does not address: not supported, and no conflict', async () => {
    const f = await checkBridge('The bridge was not blessed by the mayor in May.');
    assert.equal(f.verdict, 'unsupported');
  });
  it('a negation the source shares still supports', async () => {
    const f = await checkBridge('The ferry service was not resumed after the storm.');
    assert.equal(f.verdict, 'supported');
  });
});
