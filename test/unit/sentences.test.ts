import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { splitSentences, splitSentencesInRange, MAX_SENTENCE_CHARS } from '../../src/core/text/sentences';

const texts = (t: string, lang?: 'en' | 'nl') => splitSentences(t, lang).map((s) => s.text);

describe('splitSentences', () => {
  it('splits plain sentences and reports exact, trimmed offsets', () => {
    const t = '  The ferry left at noon.  It carried 224 passengers.\n';
    const s = splitSentences(t);
    assert.deepStrictEqual(
      s.map((x) => x.text),
      ['The ferry left at noon.', 'It carried 224 passengers.'],
    );
    for (const x of s) assert.strictEqual(t.slice(x.start, x.end), x.text);
    assert.strictEqual(s[0].start, 2);
  });

  it('does not split after English titles and abbreviations', () => {
    assert.deepStrictEqual(texts('Dr. Smith met Mr. Jones and Mrs. Lee on St. Mary Street. They agreed.'), [
      'Dr. Smith met Mr. Jones and Mrs. Lee on St. Mary Street.',
      'They agreed.',
    ]);
    assert.deepStrictEqual(texts('The ferry runs in Jan. and Feb. only, and from Sept. 3 again. Tickets cost more.'), [
      'The ferry runs in Jan. and Feb. only, and from Sept. 3 again.',
      'Tickets cost more.',
    ]);
    assert.deepStrictEqual(texts('Bring fruit, e.g. apples, i.e. something light, etc. and water. Then go.'), [
      'Bring fruit, e.g. apples, i.e. something light, etc. and water.',
      'Then go.',
    ]);
    assert.deepStrictEqual(texts('It was the city vs. the port authority. Nobody won.'), [
      'It was the city vs. the port authority.',
      'Nobody won.',
    ]);
  });

  it('keeps U.S. and U.K. inside a sentence but splits before a sentence opener', () => {
    assert.deepStrictEqual(texts('The U.S. embassy and the U.K. Foreign Office replied. Both declined.'), [
      'The U.S. embassy and the U.K. Foreign Office replied.',
      'Both declined.',
    ]);
    assert.deepStrictEqual(texts('The ship sailed to the U.S. The crossing took a week.'), [
      'The ship sailed to the U.S.',
      'The crossing took a week.',
    ]);
  });

  it('handles Dutch abbreviations', () => {
    assert.deepStrictEqual(
      texts('De gemeente noemde o.a. de haven, bijv. de kade. Dhr. Jansen en mevr. De Vries waren er. Ook mr. drs. Peters kwam. Het kostte ca. 300 euro, nr. 5 op de lijst.', 'nl'),
      [
        'De gemeente noemde o.a. de haven, bijv. de kade.',
        'Dhr. Jansen en mevr. De Vries waren er.',
        'Ook mr. drs. Peters kwam.',
        'Het kostte ca. 300 euro, nr. 5 op de lijst.',
      ],
    );
  });

  it('handles times, bracketed abbreviations and unknown abbreviations', () => {
    assert.deepStrictEqual(texts('It returned at 5 p.m. The crew rested. It left at 9 a.m. on Monday.'), [
      'It returned at 5 p.m.',
      'The crew rested.',
      'It left at 9 a.m. on Monday.',
    ]);
    assert.deepStrictEqual(texts('Sen. Smith (R-Ariz.) said no. He lives in Tucson, Ariz. He moved. See No. 5 and Fig. 3 below.'), [
      'Sen. Smith (R-Ariz.) said no.',
      'He lives in Tucson, Ariz.',
      'He moved.',
      'See No. 5 and Fig. 3 below.',
    ]);
  });

  it('splits after ordinary words that look like abbreviations elsewhere', () => {
    assert.deepStrictEqual(texts("Nobody has tried to do. It's going to be hard."), ['Nobody has tried to do.', "It's going to be hard."]);
    assert.deepStrictEqual(texts('Sources told the FT. But the port denied it.'), ['Sources told the FT.', 'But the port denied it.']);
    assert.deepStrictEqual(texts('Bring bread, cheese, etc. Much more is not needed.'), ['Bring bread, cheese, etc.', 'Much more is not needed.']);
    assert.deepStrictEqual(texts('He replied: "No. Definitely not."'), ['He replied: "No.', 'Definitely not."']);
    // ...while Ms. the title still holds.
    assert.deepStrictEqual(texts('Ms. Jansen spoke. She left.'), ['Ms. Jansen spoke.', 'She left.']);
  });

  it('splits plain-text lists at their items', () => {
    const t = 'Steps:\n1. The ferry left.\n2) It returned.\n- The crew rested\n## Next Section\n\nDone.';
    const s = splitSentences(t);
    assert.deepStrictEqual(s.map((x) => x.text), ['Steps:', 'The ferry left.', 'It returned.', 'The crew rested', 'Next Section', 'Done.']);
    for (const x of s) assert.strictEqual(t.slice(x.start, x.end), x.text);
  });

  it('handles Dutch elided articles and amounts', () => {
    assert.deepStrictEqual(texts("Hij kwam om vijf uur. 's Avonds ging hij weer. Het kostte 3 mln. De rest kwam later. Het kostte 3 mln. euro.", 'nl'), [
      'Hij kwam om vijf uur.',
      "'s Avonds ging hij weer.",
      'Het kostte 3 mln.',
      'De rest kwam later.',
      'Het kostte 3 mln. euro.',
    ]);
  });

  it('keeps initials with the name', () => {
    assert.deepStrictEqual(texts('The book by J. K. Rowling sold well. Donald J. Trump spoke later.'), [
      'The book by J. K. Rowling sold well.',
      'Donald J. Trump spoke later.',
    ]);
    // A capital letter after a lowercase word is a sentence end, not an initial.
    assert.deepStrictEqual(texts('The ferry got grade A. The bus got grade B.'), ['The ferry got grade A.', 'The bus got grade B.']);
  });

  it('keeps decimals and times', () => {
    assert.deepStrictEqual(texts('The budget grew 3.5 percent. The ferry leaves at 12.30 daily. It costs 2.50 euro.'), [
      'The budget grew 3.5 percent.',
      'The ferry leaves at 12.30 daily.',
      'It costs 2.50 euro.',
    ]);
  });

  it('handles ellipses', () => {
    assert.deepStrictEqual(texts('The council waited... and waited. Then it voted… The motion passed.'), [
      'The council waited... and waited.',
      'Then it voted…',
      'The motion passed.',
    ]);
  });

  it('keeps closing quotes and brackets with the sentence', () => {
    assert.deepStrictEqual(texts('"It was full," she said." Next came the bus.'), ['"It was full," she said."', 'Next came the bus.']);
    assert.deepStrictEqual(texts('He said: “The ferry is full.” The crew agreed.'), ['He said: “The ferry is full.”', 'The crew agreed.']);
    assert.deepStrictEqual(texts('The port reopened (after two weeks.) Boats returned.'), [
      'The port reopened (after two weeks.)',
      'Boats returned.',
    ]);
    // A quoted question followed by a lowercase verb continues the sentence.
    assert.deepStrictEqual(texts('“Is it full?” asked the captain. No.'), ['“Is it full?” asked the captain.', 'No.']);
  });

  it('keeps legal "v." and brand names with a bang inside the sentence', () => {
    assert.deepStrictEqual(texts('In "Brown v. Board of Education" the court ruled. In 2017, Shout! Factory released it. Stop! The ferry is full!'), [
      'In "Brown v. Board of Education" the court ruled.',
      'In 2017, Shout! Factory released it.',
      'Stop!',
      'The ferry is full!',
    ]);
  });

  it('splits at question and exclamation marks', () => {
    assert.deepStrictEqual(texts('Was the ferry late? Yes! It was late again?! Nobody knows.'), [
      'Was the ferry late?',
      'Yes!',
      'It was late again?!',
      'Nobody knows.',
    ]);
  });

  it('ends a sentence at a blank line even without punctuation', () => {
    assert.deepStrictEqual(texts('Ferry season opens\n\nThe first boat left at dawn.\n  \n“Full steam ahead”\n\nThe end'), [
      'Ferry season opens',
      'The first boat left at dawn.',
      '“Full steam ahead”',
      'The end',
    ]);
    assert.deepStrictEqual(texts('Harbour news\r\n\r\nThe port is open.'), ['Harbour news', 'The port is open.']);
  });

  it('ends a headline or caption at a single line break', () => {
    assert.deepStrictEqual(texts('City Budget Grows Again\nThe council approved the budget on Monday.'), [
      'City Budget Grows Again',
      'The council approved the budget on Monday.',
    ]);
    assert.deepStrictEqual(texts('The ferry at the pier in the morning. Foto: ANP\nThe season opened with 224 passengers.'), [
      'The ferry at the pier in the morning.',
      'Foto: ANP',
      'The season opened with 224 passengers.',
    ]);
  });

  it('does not split hard-wrapped prose at line breaks', () => {
    const t = [
      'The ferry company said on Monday that the number of passengers on',
      'Harbour Line routes grew by a quarter, and that the new timetable',
      'would stay in place until the end of the year.',
    ].join('\n');
    assert.strictEqual(splitSentences(t).length, 1);
    // A line break followed by a lowercase continuation never splits.
    assert.strictEqual(splitSentences('The ferry carried\nmany passengers.').length, 1);
  });

  it('does not split inside a parenthetical credit', () => {
    assert.deepStrictEqual(texts('Passengers board the ferry in Harlingen. (photo credit:REUTERS)\n\nThe boat left.'), [
      'Passengers board the ferry in Harlingen. (photo credit:REUTERS)',
      'The boat left.',
    ]);
  });

  it('splits within a range and keeps whole-text offsets', () => {
    const t = 'IGNORED. The ferry left. It returned. IGNORED.';
    const from = t.indexOf('The');
    const to = t.indexOf(' IGNORED', from);
    const s = splitSentencesInRange(t, from, to);
    assert.deepStrictEqual(s.map((x) => x.text), ['The ferry left.', 'It returned.']);
    for (const x of s) assert.strictEqual(t.slice(x.start, x.end), x.text);
  });

  it('drops segments without words and cuts over-long run-ons', () => {
    assert.deepStrictEqual(texts('***\n\n---\n\nThe end.'), ['The end.']);
    const long = Array.from({ length: 400 }, (_, i) => `word${i}`).join(' ');
    const s = splitSentences(long);
    assert.ok(s.length >= 2);
    for (const x of s) assert.ok(x.text.length <= MAX_SENTENCE_CHARS);
    assert.strictEqual(s.map((x) => x.text).join(' '), long);
  });

  it('survives empty and whitespace input', () => {
    assert.deepStrictEqual(splitSentences(''), []);
    assert.deepStrictEqual(splitSentences(' \n\t \r\n'), []);
  });

  describe('on the seed corpus', () => {
    const seeds = path.join(__dirname, '..', '..', 'seeds');
    const dir = fs.existsSync(seeds) ? seeds : path.join(__dirname, '..', '..', '..', 'shared', 'seeds');
    const read = (prefix: string) => {
      const f = fs.readdirSync(dir).find((n) => n.startsWith(prefix))!;
      return fs.readFileSync(path.join(dir, f), 'utf8');
    };

    it('splits the headline, the caption credit and the quotes of 001', () => {
      const s = texts(read('001'));
      assert.strictEqual(s[0], "Gaza's Next War: ISIS Vows to Overthrow Radical Rival Hamas for Failing to Stop Trump");
      assert.ok(s.includes('SITE Intelligence'));
      assert.ok(s.some((x) => x.startsWith('The U.S. and the European Union have designated Hamas')));
      assert.ok(s.includes('The nationality of the man is unclear.'));
    });

    it('keeps "(photo credit:REUTERS)" with its caption in 003', () => {
      const s = texts(read('003'));
      assert.strictEqual(s[0], 'Gaza Jihadists Launch Anti-Hamas Videos In Bid To Get Islamic State Official Recognition');
      assert.ok(s.some((x) => x.endsWith('in Khan Yunis. (photo credit:REUTERS)')));
      assert.ok(!s.some((x) => x.startsWith('(photo')));
    });

    it('handles Dutch headlines, quotes without periods and the Foto caption in 000', () => {
      const s = texts(read('000'), 'nl');
      assert.ok(s.includes('“Gebruik bommen”'));
      assert.ok(s.includes('Aanhangers aanmoedigen'));
      assert.ok(s.includes('Foto: SITE'));
      assert.ok(s.includes('IS pleegde onlangs nog een aanslag op een Egyptische moskee waarbij meer dan 300 doden vielen.'));
    });

    it('ends the quote without a period and the unpunctuated paragraph in 002', () => {
      const s = texts(read('002'));
      assert.ok(s.some((x) => x.endsWith('that prop up its throne”')));
      assert.ok(s.includes('Analysts say this latest escalation has the potential to destabilize an already fragile security situation in Gaza'));
      assert.ok(s.some((x) => x.startsWith('The 22 minute video cited') && x.includes('U.S. declaration')));
    });

    it('splits the single-newline paragraphs of 004 and keeps "dozens.”"', () => {
      const s = texts(read('004'));
      assert.ok(s.includes('The number has not been released, but experts estimate them to be in the “dozens.”'));
      assert.ok(s.includes('The bombings on Friday followed the end of the ultimatum.'));
      assert.strictEqual(s.length, 17);
    });
  });
});
