/**
 * Which entries of the hand tables the compiled lexicon covers (run: `npx tsx bench/lexicon-coverage.ts`).
 *
 * - synonyms.ts (concepts: id | English words | Dutch words): a word is covered when the lexicon
 *   relates it to another English word of its concept as the same lemma, a synonym or a derivation
 *   ("concept"), or only through the hypernym hierarchy ("hierarchy"), through the first 3 senses.
 * - antonyms.ts (side | side): a word is covered when the lexicon finds it an antonym of some word
 *   of the other side (same language, English or Dutch).
 * - variants.ts (canonical | kind | variants): a variant is covered when it shares a synset or a
 *   derivation with the canonical name.
 * - lemmas.ts (irregular forms): a form is covered when lexicon.lemmas() gives its base.
 * Prints counts and writes the uncovered entries to --out (default: stdout only).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadLexicon, type LexLang } from '../src/core/analysis/lexicon';
import { fold } from '../src/core/analysis/fold';

const ROOT = path.join(__dirname, '..');
const args = process.argv.slice(2);
const OUT = args.includes('--out') ? args[args.indexOf('--out') + 1] : undefined;
const lx = loadLexicon(new Uint8Array(fs.readFileSync(path.join(ROOT, 'data', 'lexicon.bin'))));
const OPTS = { senses: 3, depth: 2 };

function table(file: string, name = 'TABLE'): string[] {
  const src = fs.readFileSync(path.join(ROOT, 'src', 'core', 'analysis', file), 'utf8');
  const m = new RegExp(`const ${name} = \`([\\s\\S]*?)\`;`).exec(src);
  if (!m) throw new Error(`${file}: ${name} not found`);
  return m[1].split('\n').map((l) => l.replace(/\s+#.*$/, '').trim()).filter(Boolean);
}
const words = (s: string) => s.split(',').map((w) => w.trim()).filter(Boolean);
const report: string[] = [];
const say = (s: string) => {
  console.log(s);
  report.push(s);
};

// ---- synonyms.ts ------------------------------------------------------------------------------
{
  let total = 0;
  let concept = 0;
  let hierarchy = 0;
  const missing: string[] = [];
  for (const line of table('synonyms.ts')) {
    const [id, en, nl] = line.split('|');
    const english = [...new Set([id, ...words(en ?? '')])];
    const check = (w: string, lang: LexLang) => {
      total++;
      const others = english.filter((e) => !(lang === 'en' && e === w));
      const rels = others.flatMap((e) => [...lx.relations(w, lang, e, 'en', OPTS)]);
      if (rels.some((r) => r === 'same' || r === 'synonym' || r === 'derivation')) concept++;
      else if (rels.some((r) => r === 'hypernym' || r === 'hyponym')) hierarchy++;
      else missing.push(`${id}: ${w} (${lang})`);
    };
    for (const w of words(en ?? '')) check(w, 'en');
    for (const w of words(nl ?? '')) check(w, 'nl');
  }
  say(`synonyms.ts: ${total} word entries; ${concept} covered as same/synonym/derivation, ${hierarchy} only via hypernyms, ${missing.length} not covered`);
  report.push(`  not covered: ${missing.join('; ')}`);
}

// ---- antonyms.ts ------------------------------------------------------------------------------
{
  let total = 0;
  let covered = 0;
  const missing: string[] = [];
  for (const line of table('antonyms.ts', 'PAIRS')) {
    const [a, b] = line.split('|').map((s) => words(s).map((w) => w.replace(/^=/, '')));
    const check = (w: string, other: string[]) => {
      total++;
      const hit = other.some((o) =>
        (['en', 'nl'] as LexLang[]).some((l) => lx.relations(w, l, o, l, OPTS).includes('antonym')),
      );
      if (hit) covered++;
      else missing.push(w);
    };
    for (const w of a ?? []) check(w, b ?? []);
    for (const w of b ?? []) check(w, a ?? []);
  }
  say(`antonyms.ts: ${total} word entries; ${covered} covered as WordNet antonyms, ${missing.length} not covered`);
  report.push(`  not covered: ${missing.join(', ')}`);
}

// ---- variants.ts ------------------------------------------------------------------------------
{
  let total = 0;
  let covered = 0;
  let known = 0;
  const missing: string[] = [];
  for (const line of table('variants.ts')) {
    const [canonical, , vs] = line.split('|');
    for (const v of words(vs ?? '')) {
      const key = fold(v).replace(/[-\s]+/g, ' ').trim();
      if (key === canonical) continue;
      total++;
      const langs: LexLang[] = ['en', 'nl'];
      if (langs.some((l) => lx.lemmas(key, l).length)) known++;
      if (langs.some((l) => lx.sharesConcept(key, l, canonical, 'en', { senses: 3 }))) covered++;
      else missing.push(`${canonical}: ${v}`);
    }
  }
  say(`variants.ts: ${total} variants (other than the canonical form); ${known} are lemmas of the lexicon, ${covered} share a synset or derivation with the canonical name, ${missing.length} not covered`);
  report.push(`  not covered: ${missing.join('; ')}`);
}

// ---- lemmas.ts --------------------------------------------------------------------------------
for (const [name, lang] of [['EN', 'en'], ['NL', 'nl']] as const) {
  let total = 0;
  let covered = 0;
  const missing: string[] = [];
  for (const line of table('lemmas.ts', name)) {
    for (const item of line.split(/\s+/)) {
      const [base, forms] = item.split(':');
      for (const f of words(forms ?? '')) {
        total++;
        if (lx.lemmas(f, lang).includes(base)) covered++;
        else missing.push(`${f}->${base}`);
      }
    }
  }
  say(`lemmas.ts ${name}: ${total} irregular forms; ${covered} lemmatized to their base by the lexicon, ${missing.length} not`);
  report.push(`  not covered: ${missing.join(', ')}`);
}

if (OUT) fs.writeFileSync(OUT, report.join('\n') + '\n');
