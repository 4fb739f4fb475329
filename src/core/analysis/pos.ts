/**
 * Part-of-speech tags for structure (verify/structure.ts), from a tagger the host
 * installs (src/node/runtime.ts: wink-nlp's English model, loaded on first use in the
 * worker or the CLI, never on the extension host's thread). The engine stays free of
 * I/O: without a tagger, structure falls back to what word lists can tell.
 *
 * Tags are Universal Dependencies POS tags (NOUN, PROPN, VERB, AUX, ADP, NUM, ...).
 */
import type { LanguageCode } from '../types';

export interface TaggedToken {
  start: number;
  end: number;
  pos: string;
}

export type PosTagger = (text: string) => TaggedToken[];

const taggers = new Map<LanguageCode, () => PosTagger | undefined>();
const loaded = new Map<LanguageCode, PosTagger | null>();

/** Installs a tagger for a language; `load` runs on first use (lazy). */
export function setPosTagger(lang: LanguageCode, load: (() => PosTagger | undefined) | undefined): void {
  if (load) taggers.set(lang, load);
  else taggers.delete(lang);
  loaded.delete(lang);
}

export function hasPosTagger(lang: LanguageCode): boolean {
  return taggers.has(lang);
}

/** Tags of a text, or undefined when no tagger serves the language (or it failed to load). */
export function posTags(text: string, lang: LanguageCode): TaggedToken[] | undefined {
  let t = loaded.get(lang);
  if (t === undefined) {
    const load = taggers.get(lang);
    try {
      t = load?.() ?? null;
    } catch {
      t = null;
    }
    loaded.set(lang, t);
  }
  return t ? t(text) : undefined;
}
