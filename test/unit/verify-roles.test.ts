import { strict as assert } from 'node:assert';
import { createEngine } from '../../src/core/engine';
import type { Finding } from '../../src/core/types';
import { checkAgainst, engineWith } from './helpers/engine';
import { prepare } from '../../src/core/verify/nlp';
import { align, claimUnits } from '../../src/core/verify/align';
import { nameLentIntoOtherName } from '../../src/core/verify/index';

// Names in roles: which passage name a differing claim name is compared with, and when
// a claim name the passage mentions elsewhere does not back the claim.

const enc = (s: string) => new TextEncoder().encode(s);

const CITY = `Oakdale budget news

The council sent letters telling Riverside residents that the budget was balanced, said city spokesman Tom Berg on Facebook.
The museum received paintings from Oslo and from Bergen for its new wing.
`;

const MAYOR = `Mayor presents budget

Mayor Anna Kovacs presented the budget to Oakdale voters on Twitter.
The new budget adds 12 electric buses to the city fleet.
`;

const TV = `Cooking show

The cooking show aired on Danish television in May 2019, and it praised Swedish chefs more than any other guests.
`;

const KEEPER = `Lighthouse keeper

The lighthouse keeper Ada Moss was born 3 March 1931 and retired on 3 March 1961 after thirty years.
`;

function engine() {
  const e = createEngine();
  e.upsertSource('sources/city.txt', enc(CITY));
  e.upsertSource('sources/mayor.txt', enc(MAYOR));
  e.upsertSource('sources/tv.txt', enc(TV));
  e.upsertSource('sources/keeper.txt', enc(KEEPER));
  return e;
}

async function checkOne(text: string): Promise<Finding> {
  const findings = await engine().check(text, { format: 'plaintext' });
  assert.equal(findings.length, 1, JSON.stringify(findings, null, 1));
  return findings[0];
}

function claimSlice(text: string, f: Finding, i = 0): string {
  const r = f.reasons[i].claimRange!;
  assert.ok(r, 'reason has a claimRange');
  return text.split('\n')[r.start.line].slice(r.start.character, r.end.character);
}

describe('verify: the differing name fills the same role', () => {
  it('prefers the name after the same governing word near the aligned context', async () => {
    // "Riverside" sits right after the aligned "letters"; "Facebook" is the platform.
    const text = 'City spokesman Tom Berg posted the letters on Twitter.';
    const f = await checkOne(text);
    assert.equal(f.verdict, 'conflict');
    assert.equal(f.code, 'claim.conflict.entity');
    assert.equal(f.reasons[0].sourceValue, 'Facebook');
    assert.equal(f.reasons[0].claimValue, 'Twitter');
    assert.equal(claimSlice(text, f), 'Twitter');
  });
  it('skips a place name that sits closer but in another role', async () => {
    const text = 'Mayor Anna Kovacs presented the budget on Facebook.';
    const f = await checkOne(text);
    assert.equal(f.verdict, 'conflict');
    assert.equal(f.reasons[0].sourceValue, 'Twitter');
    assert.doesNotMatch(f.reasons[0].message, /Oakdale/);
  });
  it('raises no entity conflict when two passage names fit the slot equally', async () => {
    const f = await checkOne('The museum received paintings from Utrecht for its new wing.');
    assert.notEqual(f.verdict, 'conflict');
    assert.notEqual(f.verdict, 'supported');
  });
});

describe('verify: a name the passage has only in another role', () => {
  it('another name of the same kind between the same aligned words is a conflict', async () => {
    const text = 'The cooking show aired on Swedish television in May 2019.';
    const f = await checkOne(text);
    assert.equal(f.verdict, 'conflict');
    assert.equal(f.code, 'claim.conflict.entity');
    assert.equal(f.reasons[0].sourceValue, 'Danish');
    assert.equal(claimSlice(text, f), 'Swedish');
  });
  it('the same name at the aligned place is support', async () => {
    const f = await checkOne('The cooking show aired on Danish television in May 2019.');
    assert.equal(f.verdict, 'supported');
  });
  it('the name in its own role elsewhere still backs a claim about that role', async () => {
    const f = await checkOne('The cooking show praised Swedish chefs.');
    assert.equal(f.verdict, 'supported');
  });
  it('a looser positional tie makes the claim unbacked, not a conflict', async () => {
    // "national" lies between the name and the aligned "television".
    const f = await checkOne('The cooking show aired on Swedish national television in May 2019.');
    assert.equal(f.verdict, 'unsupported');
  });
});

describe('verify: a date the passage gives only for another event', () => {
  it('the date right after the aligned verb differs: a conflict', async () => {
    const text = 'The lighthouse keeper Ada Moss was born on 3 March 1961.';
    const f = await checkOne(text);
    assert.equal(f.verdict, 'conflict');
    assert.equal(f.code, 'claim.conflict.date');
    assert.equal(f.reasons[0].sourceValue, '3 March 1931');
    assert.equal(claimSlice(text, f), '3 March 1961');
  });
  it('the date in its own role backs the claim', async () => {
    assert.equal((await checkOne('The lighthouse keeper Ada Moss retired on 3 March 1961.')).verdict, 'supported');
    assert.equal((await checkOne('The lighthouse keeper Ada Moss was born on 3 March 1931.')).verdict, 'supported');
  });
});

describe('verify: evidence terms', () => {
  it('matched lists claim terms as written in the evidence passage', async () => {
    const f = await checkOne('The cooking show was broadcast on Danish television in May 2019.');
    const ev = f.evidence[0];
    assert.ok(ev.matched && ev.matched.length >= 3, JSON.stringify(ev));
    for (const t of ev.matched!) assert.ok(ev.text.includes(t), `${t} is in the passage`);
    assert.ok(ev.matched!.includes('Danish'));
    assert.ok(ev.matched!.includes('May 2019'));
  });
  it('figures are given as the passage writes them', async () => {
    const f = await checkOne('The new budget adds twelve electric buses to the city fleet.');
    assert.equal(f.verdict, 'supported');
    const m = f.evidence[0].matched ?? [];
    assert.ok(m.includes('12'), JSON.stringify(m));
    assert.ok(!m.includes('twelve'));
  });
  it('a name backed only elsewhere in the passage is not emphasized', async () => {
    const f = await checkOne('The cooking show aired on Swedish television in May 2019.');
    assert.ok(!(f.evidence[0].matched ?? []).includes('Swedish'));
  });
});

describe('verify: two names the other way round around the same word (role.names-exchanged)', () => {
  const e = () => engineWith({ 's/notice.txt': 'On Friday Leith Works announced that the Northbury Port Authority was opening an inquiry into its safety practices.\n' });
  it('the names in the source\'s order are backed', async () => {
    const f = (await e().check('On Friday Leith Works announced that the Northbury Port Authority was opening an inquiry into its safety practices.', { format: 'plaintext' }))[0];
    assert.equal(f.verdict, 'supported', JSON.stringify(f.reasons));
  });
  it('the names exchanged are not, and the finding names the rule', async () => {
    const f = (await e().check('On Friday the Northbury Port Authority announced that Leith Works was opening an inquiry into its safety practices.', { format: 'plaintext' }))[0];
    assert.notEqual(f.verdict, 'supported', JSON.stringify(f));
    assert.ok(f.rules?.includes('role.names-exchanged'), JSON.stringify(f.rules));
    const why = f.reasons.find((r) => r.kind === 'blocked');
    assert.ok(why, JSON.stringify(f.reasons));
    assert.match(why.message, /"Northbury Port Authority" and "Leith Works" in another role or place/);
  });
});

describe('verify: a name backed by an earlier sentence, at a place another name fills (role.name-elsewhere)', () => {
  it('an unaligned word right after the claim name ("TVK One does ...") does not hide the name\'s place', async () => {
    const x = engineWith({
      's/island.txt':
        'The survey, printed on Thursday in TVK One, counted the wells of the valley.\n\nLower Leith does not have wells that run dry in summer but it does have a spring that feeds the reservoir during the wet season.\n',
    });
    const f = (await x.check('TVK One does not have wells that run dry in summer but it does have a spring that feeds the reservoir during the wet season.', { format: 'plaintext' }))[0];
    assert.notEqual(f.verdict, 'supported', JSON.stringify(f));
    const g = (await x.check('Lower Leith does not have wells that run dry in summer but it does have a spring that feeds the reservoir during the wet season.', { format: 'plaintext' }))[0];
    assert.equal(g.verdict, 'supported', JSON.stringify(g.reasons));
  });
});

describe('verify: a document whose own statement a rule refuses lends no pieced-together support', () => {
  it('the names of the refused sentence do not back a neighbouring passage (decide: docBlocked)', async () => {
    const x = engineWith({
      's/medal.txt':
        'Mayor Dana Wells has honoured the local choir Harbor Lights with the Northbury Civic Medal, in Leith.\n\n' +
        'The ceremony, held in the old town hall, also saw medals for two other local choirs. "They have sung for this town for forty years," said Wells.\n',
    });
    const f = (await x.check('The local choir Harbor Lights has honoured mayor Dana Wells with the Northbury Civic Medal, in Leith.', { format: 'plaintext' }))[0];
    assert.notEqual(f.verdict, 'supported', JSON.stringify(f));
    // The finding says why, from the sentence that states it the other way round.
    assert.equal(f.reasons[0].kind, 'blocked', JSON.stringify(f.reasons));
    assert.match(f.reasons[0].message, /"Harbor Lights"/);
    assert.ok(f.rules?.includes('role.names-exchanged'), JSON.stringify(f.rules));
    // The statement as the source makes it is still backed.
    const g = (await x.check('Mayor Dana Wells has honoured the local choir Harbor Lights with the Northbury Civic Medal, in Leith.', { format: 'plaintext' }))[0];
    assert.equal(g.verdict, 'supported', JSON.stringify(g.reasons));
  });
});

describe('verify: a name that shares a word with another name is not backed by it (match.ts nameMatched)', () => {
  const one = (source: string, text: string) => checkAgainst(`Report\n\n${source}\n`, text);
  it('a person\'s last name with another given name backs no claim about the claim\'s person', async () => {
    const src = 'The award went to Pavel Dorn, the engineer who designed the northern bridge.';
    assert.notEqual((await one(src, 'The award went to Ivan Dorn, the engineer who designed the northern bridge.')).verdict, 'supported');
    // The same person written with a short given name, or by the last name alone, is still backed.
    assert.equal((await one('The award went to Christopher Dorn, the engineer who designed the northern bridge.', 'The award went to Chris Dorn, the engineer who designed the northern bridge.')).verdict, 'supported');
    assert.equal((await one('The award went to Dorn, the engineer who designed the northern bridge.', 'The award went to Ivan Dorn, the engineer who designed the northern bridge.')).verdict, 'supported');
  });
  it('a name that shares only its last word with the passage\'s name is not half backed by it', async () => {
    // Not backed: the passage's name in the same place, sharing the head word, is another
    // name, so the sentence is contradicted (conflict.name, sharedHeadOnly).
    const f = await one('The film was distributed by a company called Kessel Pictures, which also financed it.', 'The film was distributed by a company called Harlow Pictures.');
    assert.equal(f.verdict, 'conflict');
    assert.match(f.reasons[0].message, /Harlow Pictures/);
    assert.match(f.reasons[0].message, /Kessel Pictures/);
  });
  it('a word of the name that the passage has only as an ordinary word of another meaning is no part of it', async () => {
    // "communication" is a hypernym of "video": a lookup by concept, not a word of the name.
    const f = await one('The video was filmed by a crew that its members called independent.', 'The video was filmed by a crew called Amberline Communication.');
    assert.equal(f.verdict, 'unsupported');
  });
  it('a name that differs from the passage\'s name in one word of several is another name', async () => {
    const src = 'The report was presented by Omar Yusuf Haddad, the council\'s auditor, on Monday.';
    assert.notEqual((await one(src, 'The report was presented by Omar Saleh Haddad, the council\'s auditor, on Monday.')).verdict, 'supported');
    assert.notEqual((await one('The trophy went to the Northbury Sailing Club of Leith.', 'The trophy went to the Northbury Rowing Club of Leith.')).verdict, 'supported');
    // A word merely left out ("Omar Haddad") is no other name.
    assert.equal((await one('The report was presented by Omar Haddad, the council\'s auditor, on Monday.', 'The report was presented by Omar Saleh Haddad, the council\'s auditor, on Monday.')).verdict, 'supported');
  });
  it('a person\'s last name is found by its form, not by a concept of the word (a headline\'s capitals)', async () => {
    // "Communication" is a hypernym of "videos", capitalized in the Title Case headline.
    const doc = 'Harbour Crews Launch Anti-Noise Videos In Bid To Get City Official Recognition\n\nThe videos were filmed on the quay by a crew from the harbour.\n\nThe crew was formed in the spring, its founder said.\n';
    const f = await checkAgainst(doc, 'The videos were filmed on the quay by a crew called Amberline Communication.');
    assert.notEqual(f.verdict, 'supported', JSON.stringify(f.rules));
  });
  it('an acronym of the claim name\'s words and a longer form of the name still back it', async () => {
    assert.equal((await one('Nadia Roos is the first chair of the Coastal RTB, which plans bus routes.', 'Nadia Roos is the first chair of the Coastal Regional Transit Board.')).verdict, 'supported');
    assert.equal((await one('Nadia Roos is the first chair of the Coastal Regional Transit Board Authority, which plans bus routes.', 'Nadia Roos is the first chair of the Coastal Regional Transit Board.')).verdict, 'supported');
  });
});

describe('verify: a date from another sentence of the document does not date what a sentence with its own date tells (documentSupport datesApart)', () => {
  const FESTIVAL = `Festival news

Mara Lind, who left the post of festival director in April, opened the new concert hall on Saturday.
The volunteers run the ticket office and the food stalls every summer.
The festival moved to the harbour in 2019 after two seasons in the park.
`;
  const one = (text: string) => checkAgainst(FESTIVAL, text);
  it('the year of another event is not pieced onto the sentence that dates the claim\'s event otherwise', async () => {
    const f = await one('Mara Lind left the post of festival director in 2019.');
    assert.equal(f.verdict, 'unsupported');
    assert.ok(!f.rules?.includes('decide.document'), JSON.stringify(f.rules));
  });
  it('the sentence with its own date still backs the claim with that date', async () => {
    assert.equal((await one('Mara Lind left the post of festival director in April.')).verdict, 'supported');
  });
});

describe('verify: a neighbouring sentence adds no value where the passage has words of its own (slotFilledHere)', () => {
  it('a figure from the next sentence does not fill a place the passage fills otherwise', async () => {
    const src = 'Harbour report\n\nThe port police detained a large number of protesters at the north gate on Monday.\nOfficers said dozens of people had gathered there since the morning.\n';
    const f = await checkAgainst(src, 'The port police detained dozens of protesters at the north gate on Monday.');
    assert.equal(f.verdict, 'unsupported', JSON.stringify(f.rules));
    // The passage's own wording is still backed.
    assert.equal((await checkAgainst(src, 'The port police detained a large number of protesters at the north gate on Monday.')).verdict, 'supported');
  });
});

describe('verify: support pieced from one document adds only words (documentSupport)', () => {
  const REVIEW = `Harbour review

The council published its review of the bridge repairs on Monday, after a year of work.
The engineers inspected every pier of the bridge during the winter and replaced the old cables.
A second review, on the ferry terminal, ran to 40 pages and was sent to the minister.
`;
  const one = (text: string) => checkAgainst(REVIEW, text);
  it('a figure another sentence gives for another thing is not pieced on', async () => {
    const f = await one('The council published its review of the bridge repairs on Monday, a review that ran to 40 pages.');
    assert.equal(f.verdict, 'unsupported', JSON.stringify(f.rules));
    assert.ok(!f.rules?.includes('decide.document'), JSON.stringify(f.rules));
  });
  it('words from another sentence still complete the statement', async () => {
    const f = await one('The council published its review of the bridge repairs on Monday, after engineers inspected every pier and replaced the cables.');
    assert.equal(f.verdict, 'supported', JSON.stringify(f.reasons));
  });
});

describe('verify: a claim name named only in an earlier sentence, whose place another claim name takes (role.name-elsewhere)', () => {
  const CLUB = `Club news

The Northbury Rowing Club opened a new boathouse on the river in May.
The Leith council often compares the club to the Harbour Trust, which it praises for its work with schools.
`;
  const one = (text: string) => checkAgainst(CLUB, text);
  it('the two the other way round are not backed, and the finding names the rule', async () => {
    const f = await one('The Northbury Rowing Club often compares the Leith council to the Harbour Trust.');
    assert.equal(f.verdict, 'unsupported');
    assert.ok(f.rules?.includes('role.name-elsewhere'), JSON.stringify(f.rules));
  });
  it('the same roles, with the name from the earlier sentence, are backed', async () => {
    assert.equal((await one('The Leith council often compares the Northbury Rowing Club to the Harbour Trust.')).verdict, 'supported');
  });
});

describe('verify: a claim\'s own condition is checked (words under a negated condition)', () => {
  const STRIKE = 'News\n\nThe Harbour Union threatened to strike if the dock workers were not paid by Thursday.\n';
  it('another day in the claim\'s condition is a conflict', async () => {
    const f = await checkAgainst(STRIKE, 'The Harbour Union threatened to strike if the dock workers were not paid by Tuesday.');
    assert.equal(f.verdict, 'conflict');
    assert.equal(f.reasons[0].sourceValue, 'Thursday');
  });
  it('the same condition is backed; the condition alone, stated as a fact, is not', async () => {
    assert.equal((await checkAgainst(STRIKE, 'The Harbour Union threatened to strike if the dock workers were not paid by Thursday.')).verdict, 'supported');
    assert.notEqual((await checkAgainst(STRIKE, 'The dock workers were not paid by Thursday.')).verdict, 'supported');
  });
  it('what the claim says someone demanded is read as a condition too: another day is a conflict that names the condition\'s day', async () => {
    const f = await checkAgainst(STRIKE, 'The Harbour Union demanded that the dock workers be paid by Friday.');
    assert.equal(f.verdict, 'conflict', JSON.stringify(f.reasons));
    assert.equal(f.reasons[0].sourceValue, 'Thursday');
  });
  it('a word under the passage\'s negated condition backs no plain statement of the claim', async () => {
    const f = await checkAgainst('News\n\nAda Moss said she would leave the club if she was not paid.\n', 'Ada Moss was paid.');
    assert.equal(f.verdict, 'unsupported');
  });
});

describe('verify: a name enclosed by aligned words is tied only when the rest of the claim is backed (conflict.name strong)', () => {
  it('unbacked words between the anchors leave the name slot untied: no conflict at the lower bar', async () => {
    const f = await checkAgainst(
      'Port news\n\nThe Danish branch of the Harbour Union has released a new statement declaring a strike at the port.\n',
      'Denmark closed the Tarvik crossing after the statement was released.',
    );
    assert.notEqual(f.verdict, 'conflict', JSON.stringify(f.reasons));
  });
  it('a name between backed words is still tied', async () => {
    const f = await checkAgainst('Port news\n\nThe ferry was first registered in Leith by the company in 1990.\n', 'The ferry was first registered in Dover by the company in 1990.');
    assert.equal(f.verdict, 'conflict', JSON.stringify(f.reasons));
  });
});

describe('verify: a refused sentence that has nearly the whole claim outweighs support pieced together elsewhere', () => {
  const A = 'Valley report\n\nThe council blamed the farmers of Northbury for the flooding of the valley in March.\n';
  const B = 'Farm news\n\nThe farmers of Northbury met the council in March. They discussed the flooding of the valley.\n';
  it('the roles the other way round in one source: two sentences of another source back nothing', async () => {
    const e = createEngine();
    e.upsertSource('sources/a.txt', enc(A));
    e.upsertSource('sources/b.txt', enc(B));
    const [swapped] = await e.check('The farmers of Northbury blamed the council for the flooding of the valley in March.', { format: 'plaintext' });
    assert.equal(swapped.verdict, 'unsupported', JSON.stringify(swapped.reasons));
    assert.ok(swapped.rules?.includes('blocks.swapped-roles'), JSON.stringify(swapped.rules));
    const [same] = await e.check('The council blamed the farmers of Northbury for the flooding of the valley in March.', { format: 'plaintext' });
    assert.equal(same.verdict, 'supported', JSON.stringify(same.reasons));
  });
  it('without the refusing source, the two sentences still back it together', async () => {
    const e = createEngine();
    e.upsertSource('sources/b.txt', enc(B));
    const [f] = await e.check('The farmers of Northbury discussed the flooding of the valley with the council in March.', { format: 'plaintext' });
    assert.equal(f.verdict, 'supported', JSON.stringify(f.reasons));
  });
});

describe('verify: a passage that lines up better and says the opposite outweighs weaker support', () => {
  it('the sentence with the whole claim denies it; a sentence elsewhere with most of its words does not back it', async () => {
    const e = createEngine();
    e.upsertSource('sources/a.txt', enc('Harbour\n\nSo far, the council of Northbury has not formally approved the harbour plan and has failed to say why.\n'));
    e.upsertSource('sources/b.txt', enc('Northbury\n\nThe council of Northbury, a body formally tied to the regional harbour plan, met on Monday.\n'));
    const [f] = await e.check('The council of Northbury has formally approved the harbour plan.', { format: 'plaintext' });
    assert.equal(f.verdict, 'conflict', JSON.stringify(f.reasons));
    assert.equal(f.evidence[0].source, 'sources/a.txt');
  });
});

describe('verify: who did what to whom where a text is Dutch (blocks.word-order)', () => {
  const SOURCE = 'Feud\n\nThe Kessler group (KG) has declared war on Brightwater in a new video.\n';
  it('a Dutch claim with subject and object the other way round is not backed by the English source', async () => {
    const f = await checkAgainst(SOURCE, 'Brightwater verklaart de Kessler-groep in een nieuwe video de oorlog.');
    assert.equal(f.verdict, 'unsupported', JSON.stringify(f.reasons));
    assert.ok(f.rules?.includes('blocks.word-order'), JSON.stringify(f.rules));
  });
  it('the same roles are backed', async () => {
    const f = await checkAgainst(SOURCE, 'De Kessler-groep verklaart Brightwater in een nieuwe video de oorlog.');
    assert.equal(f.verdict, 'supported', JSON.stringify(f.reasons));
  });
});

describe('verify: a title the passage gives another name (blocks.title-elsewhere)', () => {
  const SOURCE = 'Film\n\nThe film goes on to praise Tom Reed and the “Harbour Lion” Dana Wells.\n';
  it('the title the claim gives one name, standing at another in the passage, does not back it', async () => {
    const f = await checkAgainst(SOURCE, "The film praises Tom Reed as the 'Harbour Lion'.");
    assert.equal(f.verdict, 'unsupported', JSON.stringify(f.reasons));
    assert.ok(f.rules?.includes('blocks.title-elsewhere'), JSON.stringify(f.rules));
    assert.match(f.reasons.map((r) => r.message).join(' '), /Dana Wells/);
  });
  it('the name the title stands at is backed', async () => {
    const f = await checkAgainst(SOURCE, "The film praises Dana Wells as the 'Harbour Lion'.");
    assert.equal(f.verdict, 'supported', JSON.stringify(f.reasons));
  });
});

describe('verify: a name from the next sentence at a place where this one has its own name (nameLentIntoOtherName)', () => {
  const c = prepare('The study was a joint project between Dana Wells of Harbour College and Morven Bay, a company that runs seal trips.', 'en');
  const units = claimUnits(c);
  const here = prepare('The study covered 800 hours of seal observations in Morven Bay.', 'en');
  const next = prepare('The study was a joint project between Dana Wells of Harbour College and Tom Reed of Kestrel Tours, a company that runs seal trips.', 'en');
  it('the neighbour has the words around the claim name and another name between them: no pieced support', () => {
    const pair = align(c, units, [here, next]);
    assert.equal(nameLentIntoOtherName(c, units, next, pair), true);
  });
  it('the neighbour with nothing of its own at that place pieces the support', () => {
    const plain = prepare('The study was a joint project between Dana Wells of Harbour College and a company that runs seal trips.', 'en');
    const pair = align(c, units, [here, plain]);
    assert.equal(nameLentIntoOtherName(c, units, plain, pair), false);
  });
});

describe('verify: support pieced from a sentence whose name the neighbour has another name in place of', () => {
  const SOURCE =
    'Survey\n\nThe study was a joint project between Dana Wells of Harbour College and Tom Reed of Kestrel Tours, a company that runs seal trips.\n\nThe study covered 800 hours of seal observations in Morven Bay over ten years.\n';
  it('a name from the next sentence, where this one names another company, is neither backed nor contradicted', async () => {
    const f = await checkAgainst(SOURCE, 'The study was a joint project between Dana Wells of Harbour College and Morven Bay, a company that runs seal trips.');
    assert.equal(f.verdict, 'unsupported', JSON.stringify(f.reasons));
  });
  it('the sentence as the source has it is backed', async () => {
    const f = await checkAgainst(SOURCE, 'The study was a joint project between Dana Wells of Harbour College and Tom Reed of Kestrel Tours, a company that runs seal trips.');
    assert.equal(f.verdict, 'supported', JSON.stringify(f.reasons));
  });
});
