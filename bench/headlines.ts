/**
 * How the draft parser reads real news text: each article of ../shared/corpora (BBC News,
 * Wikinews) as a plain-text draft, its title on a line of its own before the body.
 *
 *   npx tsx bench/headlines.ts [--list]
 *
 * Prints how many titles read as headings (not checked) and how many body sentences do
 * (with --list, those body sentences). GROUNDWORK_CORPORA overrides where the corpora are.
 */
import { corporaDir, loadRealDocs } from './lib/corpora';
import { repoRoot } from './lib/repo';
import { parseDraft } from '../src/core/text/draft';

const list = process.argv.includes('--list');
const docs = loadRealDocs(corporaDir(repoRoot()));
let titles = 0;
let titleHeadings = 0;
let body = 0;
const bodyHeadings: string[] = [];
for (const d of docs) {
  // The stored file opens with "Title: ...", "Source: ..." lines; the body follows the first blank line.
  const text = new TextDecoder().decode(d.bytes);
  const bodyText = text.slice(text.indexOf('\n\n') + 2);
  const title = d.title.replace(/\s+/g, ' ').trim();
  const draft = `${title}\n\n${bodyText}`;
  for (const s of parseDraft(draft, 'plaintext')) {
    if (s.start < title.length) {
      titles++;
      if (s.block === 'heading') titleHeadings++;
      continue;
    }
    body++;
    if (s.block === 'heading') bodyHeadings.push(s.text);
  }
}
const pct = (a: number, b: number) => `${((100 * a) / Math.max(b, 1)).toFixed(1)}%`;
console.log(`${docs.length} articles: titles read as headings ${titleHeadings} of ${titles} (${pct(titleHeadings, titles)}); body sentences read as headings ${bodyHeadings.length} of ${body} (${pct(bodyHeadings.length, body)})`);
if (list) for (const t of bodyHeadings) console.log(`  ${t}`);
