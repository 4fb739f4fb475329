/**
 * Which word links of synonyms.ts the matcher already gets from the lexicon (run: `npx tsx bench/overlay-check.ts`).
 * The matcher (src/core/verify/nlp.ts) gives a claim word the synsets of its first 3 senses, and a passage word
 * those plus their hypernyms within 2 levels; words with one stem match without any table.
 * Per row, each word after the first: H linked both ways with the first (head) word, A both ways with another
 * English word of the row, c> only as a claim word of the head, p> only as a passage word for it, - not at all.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadLexicon, type LexLang } from '../src/core/analysis/lexicon';
import { fold } from '../src/core/analysis/fold';
import { stemWord } from '../src/core/analysis/stem';

const ROOT = path.join(__dirname, '..');
const lx = loadLexicon(new Uint8Array(fs.readFileSync(path.join(ROOT, 'data', 'lexicon.bin'))));
const file = process.argv[2] ?? 'synonyms.ts';
const src = fs.readFileSync(path.join(ROOT, 'src', 'core', 'analysis', file), 'utf8');
const m = /const TABLE = `([\s\S]*?)`;/.exec(src)!;
const lexical = (w: string) => w.length >= 3 && /^\p{L}[\p{L}'-]*$/u.test(w);
const claimSyn = (w: string, l: LexLang) => new Set(lexical(w) ? lx.synsets(w, l, undefined, 3) : []);
const passSyn = (w: string, l: LexLang) => {
  const s = claimSyn(w, l);
  for (const x of [...s]) for (const h of lx.hypernyms(x, 2)) s.add(h);
  return s;
};
type W = { w: string; l: LexLang };
const link = (c: W, p: W) => {
  if (c.l === p.l && stemWord(c.w, c.l) === stemWord(p.w, p.l)) return true;
  const a = claimSyn(c.w, c.l);
  const b = passSyn(p.w, p.l);
  for (const x of a) if (b.has(x)) return true;
  return false;
};
for (const line of m[1].split('\n').map((l) => l.trim()).filter(Boolean)) {
  const [id, en, nl] = line.replace(/\s+#.*$/, '').split('|');
  const ws: W[] = [
    ...en.split(',').map((w) => w.trim()).filter(Boolean).map((w) => ({ w: fold(w), l: 'en' as LexLang })),
    ...(nl ?? '').split(',').map((w) => w.trim()).filter(Boolean).map((w) => ({ w: fold(w), l: 'nl' as LexLang })),
  ];
  const head = ws[0];
  const res = ws.slice(1).map((x) => {
    const both = link(x, head) && link(head, x);
    const one = link(x, head) ? 'c>' : link(head, x) ? 'p>' : '';
    // linked both ways to any other English word of the row
    const anyBoth = ws.some((y) => y !== x && y.l === 'en' && link(x, y) && link(y, x));
    return `${x.w}${x.l === 'nl' ? '/nl' : ''}:${both ? 'H' : anyBoth ? 'A' : one || '-'}`;
  });
  console.log(`${id} [${head.w}] ${res.join(' ')}`);
}
