/**
 * The English part-of-speech tagger (bundled alone to dist/tagger.js and required on
 * first use by runtime.ts): wink-nlp with its lite English model (MIT; about 3.5 MB of
 * model data, so it stays out of the extension host's bundle). Token offsets are found
 * by scanning the text in order, since wink-nlp reports token strings.
 */
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import type { TaggedToken } from '../core/analysis/pos';

const nlp = winkNLP(model, ['pos']);
const its = nlp.its;

export function tagEnglish(text: string): TaggedToken[] {
  const doc = nlp.readDoc(text);
  const words = doc.tokens().out() as string[];
  const tags = doc.tokens().out(its.pos) as string[];
  const out: TaggedToken[] = [];
  let at = 0;
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    const k = text.indexOf(w, at);
    if (k < 0) continue; // a token wink-nlp normalized (rare): no offset, no tag
    out.push({ start: k, end: k + w.length, pos: tags[i] });
    at = k + w.length;
  }
  return out;
}
