/**
 * blocks.title-elsewhere: the claim gives a title or epithet to one name ("hails X as the
 * Lord of the Isles", "X, known as the Harbour Lion", "X is called the Harbour Lion"),
 * and the passage has both, but the title stands right before or after another name of its
 * own ("praised X and the Lord of the Isles Y", "praised X and Y, the Harbour Lion"):
 * the title is that name's. A name in the passage right at the title is the one it names;
 * the claim's name elsewhere in the sentence is no evidence that it holds it.
 */
import type { Rule } from './types';
import type { Prepared } from '../nlp';
import { quotesOrCommaBetween } from '../slots';

/** Words that give a name a title after it: "as", "called", "named", "dubbed", "known as", "nicknamed", Dutch "als", "genoemd", "bijgenaamd". */
const GIVES_TITLE = new Set(['as', 'called', 'named', 'dubbed', 'nicknamed', 'titled', 'als', 'genoemd', 'bijgenaamd', 'noemt', 'noemde']);

/** Function words inside a title ("Lord of the Isles", "Heer der Eilanden"). */
const TITLE_JOINERS = new Set(['of', 'the', 'van', 'de', 'der']);
/** Words that may stand between a title and its name: articles. */
const ARTICLE = new Set(['the', 'a', 'an', 'de', 'het', 'een']);

/**
 * The content token right next to k (dir 1: after, -1: before), past articles, quotation
 * marks and a comma ("Y, the Prince", "the Prince, Y"); any other word or punctuation
 * between ends the search.
 */
function nextContent(q: Prepared, k: number, dir: 1 | -1): number | undefined {
  for (let j = k + dir; j >= 0 && j < q.tokens.length; j += dir) {
    if (!(dir === 1 ? quotesOrCommaBetween(q, j - 1, j) : quotesOrCommaBetween(q, j, j + 1))) return undefined;
    if (!q.tokens[j].stop) return j;
    if (!ARTICLE.has(q.tokens[j].norm)) return undefined;
  }
  return undefined;
}

export const titleElsewhere: Rule = {
  id: 'blocks.title-elsewhere',
  stage: 'contrast',
  summary: 'the title the claim gives a name stands at another name in the passage',
  run(ctx) {
    const { c, p, pos } = ctx;
    // Claim: a backed name X, then a word that gives a title, then the title's backed content words up to the clause's end.
    for (const u of ctx.units) {
      if (u.kind !== 'name' || ctx.state.get(u) !== 'match') continue;
      const xEnd = Math.max(...u.tokens);
      let g = xEnd + 1;
      // Past "is", "was", "being" and stop words to the word that gives the title.
      while (g < c.tokens.length && c.tokens[g].stop && !GIVES_TITLE.has(c.tokens[g].norm) && !c.tokens[g - 1].breakAfter) g++;
      if (g >= c.tokens.length || !GIVES_TITLE.has(c.tokens[g].norm)) continue;
      const title: number[] = [];
      for (let k = g + 1; k < c.tokens.length; k++) {
        if (!c.tokens[k].stop) title.push(k);
        if (c.tokens[k].breakAfter) break;
        // A function word other than "of" or an article after the title's first word ends it ("... in the video").
        if (title.length && c.tokens[k + 1]?.stop && !TITLE_JOINERS.has(c.tokens[k + 1].norm)) break;
      }
      if (title.length === 0 || title.some((k) => c.tokens[k].name === u.ref)) continue;
      const at = title.map((k) => pos.get(k));
      if (at.some((k) => k === undefined)) continue;
      const lo = Math.min(...(at as number[]));
      const hi = Math.max(...(at as number[]));
      // The title's words together in the passage (no more content words between them than in the claim).
      let between = 0;
      for (let k = lo; k <= hi; k++) if (!p.tokens[k].stop && !(at as number[]).includes(k)) between++;
      if (between > 0) continue;
      // The passage's name right after the title, or right before it across a comma; the
      // claim's own name there holds the title.
      const sides = [nextContent(p, hi, 1), nextContent(p, lo, -1)];
      if ((ctx.namePos.get(u) ?? []).some((k) => sides.includes(k))) continue;
      for (const side of sides) {
        if (side === undefined) continue;
        const ni = p.tokens[side].name;
        // Another name: one that backs nothing of the claim.
        if (ni === undefined || ctx.usedPassage.has(side)) continue;
        return [{ type: 'blocks', message: `the source gives ${JSON.stringify(c.text.slice(c.tokens[title[0]].start, c.tokens[title[title.length - 1]].end))} to ${JSON.stringify(p.names[ni].text)}`, unit: u }];
      }
    }
    return [];
  },
  examples: [
    { claim: 'The film hails Tom Reed as the Harbour Lion.', passage: 'It goes on to praise Tom Reed and the "Harbour Lion" Dana Wells.', expect: 'blocks' },
    { claim: 'The film hails Dana Wells as the Harbour Lion.', passage: 'It goes on to praise Tom Reed and the "Harbour Lion" Dana Wells.', expect: 'none' },
    { claim: 'Tom Reed is called the Harbour Lion in the film.', passage: 'The film praises Tom Reed and Dana Wells, the Harbour Lion.', expect: 'blocks' },
    { claim: 'Tom Reed is called the Harbour Lion in the film.', passage: 'The film praises Dana Wells and Tom Reed, the Harbour Lion.', expect: 'none' },
  ],
};
