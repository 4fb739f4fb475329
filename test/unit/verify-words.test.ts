import { strict as assert } from 'node:assert';
import { createEngine } from '../../src/core/engine';
import { prepare } from '../../src/core/verify/nlp';
import { findToken } from '../../src/core/verify/match';
import { engineWith } from './helpers/engine';
import { claimLanguage } from '../../src/core/verify/index';

// Words and slots: agent nouns, a word stated both ways, generic name heads, misplaced
// anchors, the other sex in one relation.

const enc = (s: string) => new TextEncoder().encode(s);
/** Whether the claim's `word` lines up with some token of the passage (match.ts findToken). */
const find = (claim: string, cl: 'en' | 'nl', passage: string, pl: 'en' | 'nl', word: string) => {
  const c = prepare(claim, cl);
  return findToken(c.tokens.find((t) => t.norm === word)!, c, prepare(passage, pl)).length > 0;
};

describe('verify: agent nouns', () => {
  it('an agent noun matches the word it is made from ("drummer" / "drums"), so a denial conflicts', async () => {
    const e = createEngine();
    e.upsertSource('s/band.txt', enc('Dana Wells plays the drums in the band Harbor Lights.\n'));
    const f = (await e.check('Dana Wells is not a drummer in the band Harbor Lights.', { format: 'plaintext' }))[0];
    assert.equal(f.verdict, 'conflict', JSON.stringify(f.reasons));
    assert.equal(f.reasons[0].kind, 'negation');
    assert.equal((await e.check('Dana Wells is a drummer in the band Harbor Lights.', { format: 'plaintext' }))[0].verdict, 'supported');
  });
});

describe('verify: a negative indefinite denies the indefinite', () => {
  it('"Nobody is ..." contradicts "Someone is ...", and "Niemand ..." "Iemand ..."', async () => {
    const e = createEngine();
    e.upsertSource('s/quay.txt', enc('Harbour report\n\nNobody is repairing the north quay.\n'));
    e.upsertSource('s/kade.txt', enc('Havenbericht\n\nNiemand herstelt de noordkade in Leith.\n'));
    const en = (await e.check('Someone is repairing the north quay.', { format: 'plaintext' }))[0];
    assert.equal(en.verdict, 'conflict', JSON.stringify(en.reasons));
    assert.equal(en.reasons[0].kind, 'negation');
    assert.match(en.reasons[0].message, /Nobody/);
    const nl = (await e.check('Iemand herstelt de noordkade in Leith.', { format: 'plaintext' }))[0];
    assert.equal(nl.verdict, 'conflict', JSON.stringify(nl.reasons));
    // The same denial is backed.
    assert.equal((await e.check('Nobody is repairing the north quay.', { format: 'plaintext' }))[0].verdict, 'supported');
  });
});

describe('verify: words of place across languages (synonyms.ts overlay)', () => {
  it('"buiten", "achter", "naast" back "outside", "behind", "next to"; the Dutch "elkaar" is a function word like "each other"', async () => {
    const e = createEngine();
    e.upsertSource('s/markt.txt', enc('Marktbericht\n\nDe vissers verkopen buiten vis achter de kerk van Leith.\n'));
    e.upsertSource('s/dock.txt', enc('Harbour report\n\nTwo fishermen stand next to each other at the church of Leith.\n'));
    const f = (await e.check('The fishermen sell fish outside behind the church of Leith.', { format: 'plaintext' }))[0];
    assert.equal(f.verdict, 'supported', JSON.stringify(f.reasons));
    const g = (await e.check('Twee vissers staan naast elkaar bij de kerk van Leith.', { format: 'plaintext' }))[0];
    assert.equal(g.verdict, 'supported', JSON.stringify(g.reasons));
  });
});

describe('verify: a word the source states both ways', () => {
  const e = () => {
    const x = createEngine();
    x.upsertSource('s/model.txt', enc('Dana Wells has modelled for Northwind and Leith Works, but declined to model for Harbor Lights.\n'));
    return x;
  };
  it('the occurrence next to the claim word\'s object decides: a negation conflict', async () => {
    const f = (await e().check('Dana Wells modelled for Harbor Lights.', { format: 'plaintext' }))[0];
    assert.equal(f.verdict, 'conflict', JSON.stringify(f.reasons));
    assert.equal(f.reasons[0].kind, 'negation');
  });
  it('the plain occurrence still backs its own object', async () => {
    assert.equal((await e().check('Dana Wells modelled for Northwind.', { format: 'plaintext' }))[0].verdict, 'supported');
  });
});

describe('verify: names that share only a generic head', () => {
  it('"School" alone does not half-back another school: not supported', async () => {
    const x = createEngine();
    x.upsertSource('s/art.txt', enc('Dana Wells studied under Tom Berg at the Cartoonist and Illustrators School in New York City.\n'));
    const f = (await x.check('Dana Wells studied at the Berklee School of Music.', { format: 'plaintext' }))[0];
    assert.notEqual(f.verdict, 'supported', JSON.stringify(f.reasons));
    // The same school, named in part, still counts in part.
    assert.equal((await x.check('Dana Wells studied under Tom Berg at the Illustrators School.', { format: 'plaintext' }))[0].verdict, 'supported');
  });
});

describe('verify: no conflict from a misplaced anchor', () => {
  const e = () => {
    const x = createEngine();
    x.upsertSource('s/crash.txt', enc('The Sinai crash in 2015 killed 224 passengers, and in 2017 an assault killed over 300 people at a Sufi mosque, the deadliest attack in modern Egyptian history.\n'));
    return x;
  };
  it("the passage gives the claim's figure for a noun worded otherwise: no number conflict", async () => {
    const f = (await e().check('The Sinai crash in 2015 killed 224 people.', { format: 'plaintext' }))[0];
    assert.notEqual(f.verdict, 'conflict', JSON.stringify(f.reasons));
  });
  it('anchors in the opposite order in the passage place no rival name', async () => {
    const x = createEngine();
    x.upsertSource('s/mosque.txt', enc('In November 2017, it claimed the killing of more than 300 people at a Sufi mosque in Sinai, the deadliest attack in modern Egyptian history.\n'));
    const f = (await x.check('In November 2017 an attack on a Shia mosque in Sinai killed more than 300 people.', { format: 'plaintext' }))[0];
    assert.ok(!f.reasons.some((r) => r.sourceValue === 'Egyptian'), JSON.stringify(f.reasons));
  });
});

describe('verify: the other sex in one relation', () => {
  const e = () => {
    const x = createEngine();
    x.upsertSource('s/clip.txt', enc('In the video a fighter shoots a man in the head near the harbour of Leith.\n'));
    x.upsertSource('s/nl.txt', enc('In de video schiet een strijder een man in het hoofd bij de haven van Leith.\n'));
    return x;
  };
  it('"a woman" where the source says "a man" at the same place: a conflict naming both (en and nl)', async () => {
    const f = (await e().check('In the video a fighter shoots a woman in the head near the harbour of Leith.', { format: 'plaintext' }))[0];
    assert.equal(f.verdict, 'conflict', JSON.stringify(f.reasons));
    assert.deepEqual([f.reasons[0].claimValue, f.reasons[0].sourceValue], ['woman', 'man']);
    const g = (await e().check('In de video schiet een strijder een vrouw in het hoofd bij de haven van Leith.', { format: 'plaintext' }))[0];
    assert.equal(g.verdict, 'conflict', JSON.stringify(g.reasons));
  });
  it('words of different relations are no conflict ("a boy" / "a man")', async () => {
    const f = (await e().check('In the video a fighter shoots a boy in the head near the harbour of Leith.', { format: 'plaintext' }))[0];
    assert.notEqual(f.verdict, 'conflict');
  });
});

describe('verify: counted people', () => {
  const e = () => {
    const x = createEngine();
    x.upsertSource('s/nl.txt', enc('Bij een aanslag op een moskee in Noordstad vielen meer dan 300 doden.\n'));
    x.upsertSource('s/en.txt', enc('The city council has held three votes on the harbour plan, the last in 2014, but a fourth round of talks is planned.\n'));
    return x;
  };
  it('"more than 300 people" killed is backed by "meer dan 300 doden"; "more than 900 people" conflicts', async () => {
    assert.equal((await e().check('An attack on a mosque in Noordstad killed more than 300 people.', { format: 'plaintext' }))[0].verdict, 'supported');
    const f = (await e().check('An attack on a mosque in Noordstad killed more than 900 people.', { format: 'plaintext' }))[0];
    assert.equal(f.verdict, 'conflict', JSON.stringify(f.reasons));
    assert.match(f.reasons[0].sourceValue ?? '', /300/);
  });
  it('an ordinal of the same value ("a fourth round") does not back a count ("four votes")', async () => {
    const f = (await e().check('The city council has held four votes on the harbour plan.', { format: 'plaintext' }))[0];
    assert.equal(f.verdict, 'conflict', JSON.stringify(f.reasons));
  });
});

describe('verify: a negated modifier', () => {
  const one = async (source: string, claim: string) => {
    const x = createEngine();
    x.upsertSource('s/a.txt', enc(source + '\n'));
    return (await x.check(claim, { format: 'plaintext' }))[0];
  };
  it('"is not an American series" against "is an American drama series": a negation conflict', async () => {
    const f = await one('Harbor Lights is an American drama series created by Dana Wells.', 'Harbor Lights is not an American series.');
    assert.equal(f.verdict, 'conflict', JSON.stringify(f.reasons));
    assert.equal(f.reasons[0].kind, 'negation');
  });
  it('"was not the first woman" conflicts with "the first woman", not with "the second woman"', async () => {
    const claim = 'Dana Wells was not the first woman to lead the Leith harbour council.';
    assert.equal((await one('In 1975 Dana Wells became the first woman to lead the Leith harbour council.', claim)).verdict, 'conflict');
    assert.notEqual((await one('In 1975 Dana Wells became the second woman to lead the Leith harbour council.', claim)).verdict, 'conflict');
  });
});

describe('verify: a word of several concepts', () => {
  it('keeps the overlay concept beside the WordNet synsets, so "power" lines up with "macht"', async () => {
    const c = prepare('The group has the power to attack.', 'en').tokens.find((t) => t.norm === 'power')!;
    assert.ok(c.concepts.includes('power') && c.concepts.some((x) => /^w\d+$/.test(x)), c.concepts.join(','));
    const x = createEngine();
    x.upsertSource('s/nl.txt', enc('Om de haven van Leith te verkopen, heeft de groep te weinig macht.\n'));
    const f = (await x.check('The group has the power to sell the harbour of Leith.', { format: 'plaintext' }))[0];
    assert.equal(f.verdict, 'conflict', JSON.stringify(f.reasons));
    assert.equal(f.reasons[0].kind, 'negation');
  });
});

describe('verify: a last name is a name', () => {
  it('the word "books" does not stand for the name "Harbor Books"', async () => {
    const x = createEngine();
    x.upsertSource('s/shop.txt', enc('The shop in Leeds sells mostly children\'s books.\n'));
    assert.notEqual((await x.check('Harbor Books sells mostly cookbooks.', { format: 'plaintext' }))[0].verdict, 'supported');
    // A capitalized last name still stands for the person.
    x.upsertSource('s/bio.txt', enc('Wells sold the shop in Leeds in 1998.\n'));
    assert.equal((await x.check('Dana Wells sold the shop in Leeds in 1998.', { format: 'plaintext' }))[0].verdict, 'supported');
  });
});

describe('verify: another word of the same kind in a word\'s place (blocks.substituted-word)', () => {
  const e = () => engineWith({ 's/square.txt': 'On Tuesday evening the army fired tear gas at protesters gathered outside the parliament building in Northbury.\n' });
  it('the source\'s word backs the sentence', async () => {
    const f = (await e().check('The army fired tear gas at protesters gathered outside the parliament building in Northbury.', { format: 'plaintext' }))[0];
    assert.equal(f.verdict, 'supported', JSON.stringify(f.reasons));
  });
  it('a coordinate term in its place ("police" for "army") is not backed, and the finding names the rule', async () => {
    const f = (await e().check('The police fired tear gas at protesters gathered outside the parliament building in Northbury.', { format: 'plaintext' }))[0];
    assert.notEqual(f.verdict, 'supported', JSON.stringify(f));
    assert.ok(f.rules?.includes('blocks.substituted-word'), JSON.stringify(f.rules));
    // The finding says why, first: the closest passage and the two words.
    assert.equal(f.reasons[0].kind, 'blocked', JSON.stringify(f.reasons));
    assert.match(f.reasons[0].message, /closest passage does not back it \(the source has "army" where the sentence has "police"\)/);
  });
  it('a word the sentence only adds is still tolerated', async () => {
    const f = (await e().check('The army fired tear gas at peaceful protesters gathered outside the parliament building in Northbury.', { format: 'plaintext' }))[0];
    assert.equal(f.verdict, 'supported', JSON.stringify(f.reasons));
  });
});

describe('verify: a quoted title in the other language (nlp.ts prepare)', () => {
  const content = (text: string, lang: 'en' | 'nl') => {
    const p = prepare(text, lang);
    return p.content.map((i) => p.tokens[i].norm);
  };
  it('the other language\'s function words in a quotation are function words', () => {
    const words = content("De documentaire 'Lights over the harbour, for all of us' verscheen vorige week.", 'nl');
    for (const w of ['the', 'for', 'all', 'of', 'us']) assert.ok(!words.includes(w), `${w} in ${words.join(' ')}`);
    for (const w of ['lights', 'harbour', 'documentaire', 'verscheen']) assert.ok(words.includes(w), `${w} missing from ${words.join(' ')}`);
    // Outside quotes they stay content words of a Dutch text ("us" is no Dutch word).
    assert.ok(content('De band speelde voor us en de rest.', 'nl').includes('us'));
    // A negation is no function word in a quotation either.
    const q = prepare('Het boek \u201cWe are not leaving\u201d verscheen in mei.', 'nl');
    assert.equal(q.tokens.find((t) => t.norm === 'not')?.stop, false);
    assert.ok(!content('Het boek \u201cWe are not leaving\u201d verscheen in mei.', 'nl').includes('are'));
    // And Dutch function words in an English text's quotation ("Van de haven").
    assert.ok(!content("The film 'Liedjes van de haven' opened on Friday.", 'en').includes('van'));
  });
});

describe('verify: a gap another source fills with its own word (decide: substituted elsewhere)', () => {
  const OTHER = 'Quay news\n\nThe guard was filmed at the gate of the harbour.\n\nHe is shown striking the man with a stick near the gate.\n';
  it('support that leaves unbacked the word another source has another word for is none', async () => {
    const x = engineWith({ 's/a.txt': 'Harbour report\n\nThe guard was seen striking the man in the leg with a stick.\n', 's/b.txt': OTHER });
    const f = (await x.check('The guard at the harbour gate struck the man in the arm with a stick.', { format: 'plaintext' }))[0];
    assert.notEqual(f.verdict, 'supported', JSON.stringify(f.rules));
  });
  it('without the source that has another word there, the same gap is overlooked as before', async () => {
    const y = engineWith({ 's/b.txt': OTHER });
    const g = (await y.check('The guard at the harbour gate struck the man in the arm with a stick.', { format: 'plaintext' }))[0];
    assert.equal(g.verdict, 'supported', JSON.stringify(g.reasons));
  });
});

describe('verify: Dutch function words are stop words, as their English counterparts are', () => {
  it('"met" (with) and its kind are not content words a source must back', () => {
    const p = prepare('De raad tekende het contract met de vakbond, hoewel de burgemeester tijdens de stemming weer tegen was.', 'nl');
    for (const w of ['met', 'hoewel', 'tijdens', 'weer']) assert.ok(p.tokens.find((t) => t.norm === w)!.stop, w);
    // The counterparts of English stop words ("itself", "all", "own", "very", "most", "such", "further", "even", "ever", "however").
    const q = prepare('De raad noemt zichzelf echter zelfs de eigen en verder allemaal zeer dergelijke meeste ooit.', 'nl');
    for (const w of ['zichzelf', 'echter', 'zelfs', 'eigen', 'verder', 'allemaal', 'zeer', 'dergelijke', 'meeste', 'ooit']) assert.ok(q.tokens.find((t) => t.norm === w)!.stop, w);
    // Never a negation ("zonder", "geen") or a number word.
    for (const w of ['zonder', 'geen', 'drie']) assert.ok(!prepare(`De raad tekende ${w} contract.`, 'nl').tokens.find((t) => t.norm === w)!.stop, w);
  });
  it('a Dutch sentence is backed by an English source without "met" and "haar" left over', async () => {
    const e = engineWith({ 'sources/family.txt': 'Dana Wells lives with her brother.\n' });
    const f = (await e.check('Dana Wells woont met haar broer.', { format: 'plaintext' }))[0];
    assert.equal(f.verdict, 'supported', JSON.stringify(f.reasons));
  });
});

describe('verify: a denial about another participant', () => {
  const e = () => {
    const x = createEngine();
    x.upsertSource('s/council.txt', enc('The Leith council has not backed the plan for a new harbour bridge, its spokesman said on Monday.\n'));
    return x;
  };
  it('the other polarity on the same subject is a conflict', async () => {
    const f = (await e().check('The Leith council has backed the plan for a new harbour bridge.', { format: 'plaintext' }))[0];
    assert.equal(f.verdict, 'conflict', JSON.stringify(f.reasons));
    assert.equal(f.reasons[0].kind, 'negation');
  });
  it('the other polarity with another subject besides says nothing of the claim: unsupported, not a conflict', async () => {
    const f = (await e().check('The Northbury council has backed the plan for a new harbour bridge.', { format: 'plaintext' }))[0];
    assert.equal(f.verdict, 'unsupported', JSON.stringify(f.reasons));
  });
  it('a negated modifier beside another name is still a difference of its own', async () => {
    const x = createEngine();
    x.upsertSource('s/walk.txt', enc('Two men from Leith look down at an unfinished walkway near the harbour.\n'));
    const f = (await x.check('Two men from Northbury look down at a finished walkway near the harbour.', { format: 'plaintext' }))[0];
    assert.notEqual(f.verdict, 'unsupported', JSON.stringify(f.reasons));
  });
});

describe('verify: a negated word backed by its antonym', () => {
  const e = () =>
    engineWith({
      's/fire.txt': 'The cause of the fire at the Leith warehouse is unclear, the police said on Monday.\n',
      's/brand.txt': 'De oorzaak van de brand in het pakhuis van Northbury is onduidelijk, zei de politie maandag.\n',
    });
  it('"is not clear" is backed by "is unclear", in English and Dutch, naming the lookup', async () => {
    const f = (await e().check('The cause of the fire at the Leith warehouse is not clear.', { format: 'plaintext' }))[0];
    assert.equal(f.verdict, 'supported', JSON.stringify(f.reasons));
    assert.ok(f.rules?.includes('align.negated-antonym'), JSON.stringify(f.rules));
    const g = (await e().check('De oorzaak van de brand in het pakhuis van Northbury is niet duidelijk.', { format: 'plaintext' }))[0];
    assert.equal(g.verdict, 'supported', JSON.stringify(g.reasons));
  });
  it('not the other way round, and not a denial of a referent ("no one inside" is no "outside")', async () => {
    const x = engineWith({ 's/fire.txt': 'The cause of the fire at the Leith warehouse is not clear, the police said on Monday.\n', 's/jet.txt': 'A fighter jet stood outside the hangar at Leith airfield at night.\n' });
    // (Either claim may still be supported by the one unbacked word the coverage bar lets go.)
    const f = (await x.check('The cause of the fire at the Leith warehouse is unclear.', { format: 'plaintext' }))[0];
    assert.ok(!f.rules?.includes('align.negated-antonym'), JSON.stringify(f.rules));
    const g = (await x.check('The fighter jet at Leith airfield had no one inside.', { format: 'plaintext' }))[0];
    assert.ok(!g.rules?.includes('align.negated-antonym'), JSON.stringify(g.rules));
  });
});

describe('verify: verbs WordNet groups together, where a text is Dutch', () => {
  it('"bespeelt" (play an instrument) backs "is playing" across languages; not between English texts', () => {
    assert.ok(find('A girl is playing a flute on the square in Leith.', 'en', 'Op het plein in Leith bespeelt een meisje een fluit.', 'nl', 'playing'));
    assert.ok(find('Op het plein in Leith bespeelt een meisje een fluit.', 'nl', 'A girl is playing a flute on the square in Leith.', 'en', 'bespeelt'));
    // Two English verbs of one group stay apart: who led the council did not leave it.
    assert.ok(!find('The mayor left the council of Leith in March.', 'en', 'The mayor led the council of Leith in March.', 'en', 'left'));
  });
});

describe('verify: across languages, a word whose translation is the other word', () => {
  it('"bal" backs "ball" and "ui" backs "onion", both ways, though their first senses differ', () => {
    assert.ok(find('Two dogs chase a red ball in Leith.', 'en', 'Twee honden jagen in Leith op een rode bal.', 'nl', 'ball'));
    assert.ok(find('Twee honden jagen in Leith op een rode bal.', 'nl', 'Two dogs chase a red ball in Leith.', 'en', 'bal'));
    assert.ok(find('A cook in Leith is slicing an onion.', 'en', 'Een kok in Leith snijdt een ui.', 'nl', 'onion'));
    assert.ok(find('Een kok in Leith snijdt een ui.', 'nl', 'A cook in Leith is slicing an onion.', 'en', 'ui'));
  });
  it('a name is not translated', () => {
    assert.ok(!find('Two dogs chase a red ball in Leith.', 'en', 'Twee honden jagen in Dover op een rode bal.', 'nl', 'leith'));
  });
});

describe('verify: a known place name before a generic head names one organization', () => {
  it('"the Al-Quds Brigades" against "the Leith Brigades" is a name conflict, though another source names Jerusalem (Al-Quds)', async () => {
    const x = engineWith({ 's/a.txt': 'The militia attacked posts linked to the Leith Brigades, the armed wing of the Harbour Party, on Monday.\n', 's/b.txt': 'The militia attacked posts in Jerusalem on Monday, the Harbour Party said.\n' });
    const f = (await x.check('The militia attacked posts linked to the Al-Quds Brigades, the armed wing of the Harbour Party.', { format: 'plaintext' }))[0];
    assert.equal(f.verdict, 'conflict', JSON.stringify(f.reasons));
    assert.deepEqual([f.reasons[0].claimValue, f.reasons[0].sourceValue], ['Al-Quds Brigades', 'Leith Brigades']);
  });
});

describe('verify: the same count of persons named otherwise', () => {
  const x = engineWith({ 's/arrests.txt': 'Arrests\n\nIn May, the harbour police arrested four senior smugglers of the Northwind gang in Leith.\n' });
  const verdict = async (claim: string) => (await x.check(claim, { format: 'plaintext' }))[0];
  it('"four senior members" is backed by "four senior smugglers": the figure counts persons both times', async () => {
    const f = await verdict('Four senior members of the Northwind gang were arrested by the harbour police in Leith in May.');
    assert.equal(f.verdict, 'supported', JSON.stringify(f.reasons));
    assert.ok(f.rules?.includes('align.number'));
  });
  it('another figure for persons named otherwise contradicts nothing', async () => {
    const f = await verdict('Five senior members of the Northwind gang were arrested by the harbour police in Leith in May.');
    assert.notEqual(f.verdict, 'supported');
    assert.notEqual(f.verdict, 'conflict');
  });
  it('a count of things is not a count of persons', async () => {
    const y = engineWith({ 's/boats.txt': 'Boats\n\nIn May, the harbour police seized four senior boats of the Northwind gang in Leith.\n' });
    const f = (await y.check('Four senior members of the Northwind gang were seized by the harbour police in Leith in May.', { format: 'plaintext' }))[0];
    assert.notEqual(f.verdict, 'supported');
  });
});

describe('verify: an adverb where the source has its negation (conflict.negation atCuePlace)', () => {
  it('"have repeatedly attacked" contradicts "have never attacked", "genoeg macht" "te weinig macht"; an adjective there does not', async () => {
    const e = engineWith({
      's/port.txt': 'Harbour report\n\nThe Rovers have never attacked the ferry.\n',
      's/partij.txt': 'Havenbericht\n\nVoor een staking heeft de Havenbond te weinig macht.\n',
      's/quay.txt': 'Quay notes\n\nNo docker is sleeping on the quay.\n',
    });
    const en = (await e.check('The Rovers have repeatedly attacked the ferry.', { format: 'plaintext' }))[0];
    assert.equal(en.verdict, 'conflict', JSON.stringify(en.reasons));
    assert.equal(en.reasons[0].kind, 'negation');
    const nl = (await e.check('De Havenbond heeft genoeg macht voor een staking.', { format: 'plaintext' }))[0];
    assert.equal(nl.verdict, 'conflict', JSON.stringify(nl.reasons));
    // An adjective at the cue's place adds a fact of its own ("the old docker" / "no docker").
    const adj = (await e.check('The old docker is sleeping.', { format: 'plaintext' }))[0];
    assert.notEqual(adj.verdict, 'conflict', JSON.stringify(adj.reasons));
  });
});

describe('verify: a name of an earlier sentence needs a word that refers back to it (context.ts contextUnreferred)', () => {
  it('backs "The Harbour Union held a vote" by "the union held a vote" after a sentence naming it, not by "a vote was held on the strike"', async () => {
    const referred = engineWith({ 's/union.txt': 'Harbour report\n\nThe Harbour Union was founded in Leith in 1990.\n\nThe port has four cranes. Its ferries sail twice a day.\n\nOn Monday the union held a vote on the strike.\n' });
    const f = (await referred.check('The Harbour Union held a vote on the strike on Monday.', { format: 'plaintext' }))[0];
    assert.equal(f.verdict, 'supported', JSON.stringify(f.reasons));
    const unreferred = engineWith({ 's/union.txt': 'Harbour report\n\nThe Harbour Union was founded in Leith in 1990.\n\nThe port has four cranes. Its ferries sail twice a day.\n\nOn Monday a vote was held on the strike.\n' });
    const g = (await unreferred.check('The Harbour Union held a vote on the strike on Monday.', { format: 'plaintext' }))[0];
    assert.notEqual(g.verdict, 'supported', JSON.stringify(g));
    // A pronoun after a name of the passage itself stands for that name ("Leith and its ports").
    const local = engineWith({ 's/union.txt': 'Harbour report\n\nThe Harbour Union was founded in Leith in 1990.\n\nThe port has four cranes. Its ferries sail twice a day.\n\nOn Monday a vote on the strike was held in Leith and its two ports.\n' });
    const h = (await local.check('The Harbour Union held a vote on the strike on Monday.', { format: 'plaintext' }))[0];
    assert.notEqual(h.verdict, 'supported', JSON.stringify(h));
  });
});

describe('verify: a quoted title in the other language does not decide the sentence language (index.ts claimLanguage)', () => {
  it('reads "De film \'The harbour at night\' werd twee maanden geleden vertoond" as Dutch, and a Dutch quotation in a Dutch sentence too', async () => {
    const both = new Set(['en', 'nl'] as const);
    assert.equal(claimLanguage("De film 'The harbour at night and the ships of the bay' werd twee maanden geleden vertoond.", both), 'nl');
    assert.equal(claimLanguage('The film “De haven bij nacht en de schepen van de baai” was shown two months ago.', both), 'en');
    // Words outside the quotation that tell nothing: the quotation decides.
    assert.equal(claimLanguage("Havenbond noemt zich inmiddels 'De bond van de haven en de kade'.", both), 'nl');
    const e = engineWith({ 's/film.txt': 'Harbour report\n\nEntitled “Ships leaving the harbour at night,” the film was published two weeks ago.\n' });
    const f = (await e.check("De film 'Ships leaving the harbour at night' werd twee maanden geleden gepubliceerd.", { format: 'plaintext' }))[0];
    assert.equal(f.verdict, 'conflict', JSON.stringify(f.reasons));
  });
});

describe('verify: "according to" is a report\'s frame a verb of saying gives (context.ts reportFrame)', () => {
  it('backs "According to the source, ..." by "..., the source said"', async () => {
    const e = engineWith({ 's/port.txt': 'Harbour report\n\nThe harbour board voted on Monday, the source said.\n' });
    // Two words the passage lacks ("According", "quietly") were one too many; "According" is now backed by "said".
    const en = (await e.check('According to the source, the harbour board quietly voted.', { format: 'plaintext' }))[0];
    assert.equal(en.verdict, 'supported', JSON.stringify(en.reasons));
  });
});

describe('verify: a year the claim adds to an undated relative date is not backed (match.ts compareDates)', () => {
  it('"in January 2015" is not backed by an undated "Last January", as it is not by "in January"; "last January" is', async () => {
    const e = engineWith({ 's/council.txt': 'Council notes\n\nLast January, the harbour council voted to close the north quay.\n' });
    const year = (await e.check('The harbour council voted to close the north quay in January 2015.', { format: 'plaintext' }))[0];
    assert.notEqual(year.verdict, 'supported', JSON.stringify(year));
    const same = (await e.check('The harbour council voted to close the north quay last January.', { format: 'plaintext' }))[0];
    assert.equal(same.verdict, 'supported', JSON.stringify(same.reasons));
  });
});

describe('verify: a month of a relative year ("januari vorig jaar") is one date (analysis/dates.ts)', () => {
  const e = () => engineWith({ 's/council.txt': 'Council notes\n\nLast January, the harbour council voted to close the north quay.\n' });
  it('"in januari vorig jaar" is backed by "Last January"; "in maart vorig jaar" contradicts it', async () => {
    const x = e();
    const same = (await x.check('In januari vorig jaar stemde de havenraad voor de sluiting van de noordkade.', { format: 'plaintext' }))[0];
    assert.equal(same.verdict, 'supported', JSON.stringify(same.reasons));
    const other = (await x.check('The harbour council voted to close the north quay in March last year.', { format: 'plaintext' }))[0];
    assert.equal(other.verdict, 'conflict', JSON.stringify(other.reasons));
  });
  it('"last January" is no "last month"', async () => {
    const x = engineWith({ 's/council.txt': 'Council notes\n\nLast month, the harbour council voted to close the north quay.\n' });
    const f = (await x.check('The harbour council voted to close the north quay last January.', { format: 'plaintext' }))[0];
    assert.notEqual(f.verdict, 'supported', JSON.stringify(f.reasons));
  });
});

describe('verify: an adjacent sentence that denies a predicate of a shared noun (index.ts deniesSharedNoun)', () => {
  const doc = (second: string) => ({ 's/harbour.txt': `Harbour notes\n\nThe harbour police indeed arrested a large number of smugglers in Leith this week. ${second}\n` });
  const claim = 'The harbour police have published the number of arrests of smugglers in Leith this week.';
  it('"The number has not been released" refuses support for "published the number" that the passage lacks', async () => {
    const f = (await engineWith(doc('The number has not been released, but officials estimate it in the dozens.')).check(claim, { format: 'plaintext' }))[0];
    assert.notEqual(f.verdict, 'supported', JSON.stringify(f));
  });
  it('a denial about another noun does not, nor does it touch a claim the passage backs whole', async () => {
    const other = (await engineWith(doc('The reason has not been released, but officials blame the tides.')).check(claim, { format: 'plaintext' }))[0];
    assert.equal(other.verdict, 'supported', JSON.stringify(other.reasons));
    const whole = (await engineWith(doc('The number has not been released, but officials estimate it in the dozens.')).check('The harbour police arrested a large number of smugglers in Leith this week.', { format: 'plaintext' }))[0];
    assert.equal(whole.verdict, 'supported', JSON.stringify(whole.reasons));
  });
});

describe('verify: a count of occasions counts the events its sentence names (match.ts unitsMatch)', () => {
  const e = () => engineWith({ 's/harbour.txt': 'Harbour notes\n\nThe dock workers have held three strikes against the port authority, the last in 2019.\n' });
  it('"gone on strike ... three times" is backed by "held three strikes"; "four times" contradicts it', async () => {
    const x = e();
    const same = (await x.check('The dock workers have gone on strike against the port authority three times, the last in 2019.', { format: 'plaintext' }))[0];
    assert.equal(same.verdict, 'supported', JSON.stringify(same.reasons));
    const other = (await x.check('The dock workers have gone on strike against the port authority four times, the last in 2019.', { format: 'plaintext' }))[0];
    assert.equal(other.verdict, 'conflict', JSON.stringify(other.reasons));
    assert.match(other.reasons[0].message, /three strikes/);
  });
});

describe('verify: Dutch pronominal adverbs are function words (analysis/stopwords.ts)', () => {
  it('"de laatste daarvan vond plaats in 2012" contradicts "the last in 2014"', async () => {
    const e = engineWith({ 's/harbour.txt': 'Harbour notes\n\nThe dock workers have held three strikes against the port authority, the last in 2014.\n' });
    const f = (await e.check('De havenarbeiders hielden drie stakingen tegen het havenbedrijf; de laatste daarvan vond plaats in 2012.', { format: 'plaintext' }))[0];
    assert.equal(f.verdict, 'conflict', JSON.stringify(f.reasons));
    assert.match(f.reasons[0].message, /2014/);
  });
});

describe('verify: a privative adjective is its noun, negated', () => {
  const e = () =>
    engineWith({
      's/harbour.txt': 'Harbour report\n\nA man without a shirt was seen on the pier of Leith on Monday.\n\nThe harbour master Mara Vell has three children.\n\nThe strike in Leith in 2019 was a bloodless dispute.\n',
    });
  it('"shirtless" is backed by "without a shirt"', async () => {
    const x = e();
    const f = (await x.check('A shirtless man was seen on the pier of Leith on Monday.', { format: 'plaintext' }))[0];
    assert.equal(f.verdict, 'supported', JSON.stringify(f.reasons));
  });
  it('"childless" contradicts "has three children"; "not bloodless" contradicts "bloodless"', async () => {
    const x = e();
    const childless = (await x.check('The harbour master Mara Vell is childless.', { format: 'plaintext' }))[0];
    assert.equal(childless.verdict, 'conflict', JSON.stringify(childless.reasons));
    assert.equal(childless.reasons[0].kind, 'negation');
    const bloody = (await x.check('The strike in Leith in 2019 was not a bloodless dispute.', { format: 'plaintext' }))[0];
    assert.equal(bloody.verdict, 'conflict', JSON.stringify(bloody.reasons));
    assert.equal((await x.check('The strike in Leith in 2019 was a bloodless dispute.', { format: 'plaintext' }))[0].verdict, 'supported');
  });
  it('Dutch "-loos" too: "kinderloos" contradicts "heeft drie kinderen"', async () => {
    const x = engineWith({ 's/haven.txt': 'De haven van Leith\n\nDe havenmeester van Leith, Mara Vell, heeft drie kinderen en woont aan de kade.\n' });
    const f = (await x.check('De havenmeester van Leith, Mara Vell, is kinderloos en woont aan de kade.', { format: 'plaintext' }))[0];
    assert.equal(f.verdict, 'conflict', JSON.stringify(f.reasons));
  });
});
