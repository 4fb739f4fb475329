/**
 * Checking a draft against any corpus: parse it, drop the ignored sentences, verify the
 * rest through a Retriever (src/core/retrieval.ts). The local engine (engine.ts) and the
 * PostgreSQL backend (src/server/) both check through this one function, so only
 * retrieval differs between them.
 */
import type { DraftFormat, Finding, Range } from './types';
import type { Retriever } from './retrieval';
import { parseDraft, normalizeSentence } from './text/draft';
import { checkSentences } from './verify/index';

export interface DraftCheckOptions {
  format: DraftFormat;
  /** Sentences the team chose to ignore (as written or normalized). */
  ignoredSentences?: Iterable<string>;
  /**
   * Bibliography keys with no source text (known keys, nothing to check them against):
   * a sentence citing one is not called unsupported for that reason. Absent: no bibliography.
   */
  textlessKey?: (key: string) => boolean;
}

/** The findings of a draft, checked against the corpus `retriever` reads. */
export async function checkDraft(retriever: Retriever, text: string, options: DraftCheckOptions): Promise<Finding[]> {
  const ignored = new Set<string>();
  for (const s of options.ignoredSentences ?? []) {
    ignored.add(s);
    ignored.add(normalizeSentence(s));
  }
  const sentences = parseDraft(text, options.format).filter(
    (s) => !s.ignored && !(ignored.size > 0 && ignored.has(normalizeSentence(s.text))),
  );
  const textless = options.textlessKey ? citesWithoutText(sentences, options.textlessKey) : undefined;
  const findings = await checkSentences(retriever, sentences, { ignoredSentences: ignored, draftText: text });
  return textless ? withTextlessCitations(findings, textless) : findings;
}

/**
 * Sentences citing bibliography entries that have no source text: those keys are taken out
 * of the sentence's citations before verification (they are known, so not
 * `citation.unknown-key`, and there is nothing to check them against). Sentence start -> the
 * keys taken out and the sentence's full citation list.
 */
function citesWithoutText(sentences: { citations: string[]; range: Range }[], textless: (key: string) => boolean): Map<string, { keys: string[]; all: string[] }> | undefined {
  let out: Map<string, { keys: string[]; all: string[] }> | undefined;
  for (const s of sentences) {
    const keys = s.citations.filter(textless);
    if (keys.length === 0) continue;
    (out ??= new Map()).set(`${s.range.start.line}:${s.range.start.character}`, { keys, all: s.citations });
    s.citations = s.citations.filter((k) => !keys.includes(k));
  }
  return out;
}

/**
 * The findings of those sentences: their citations as written; and a sentence that only the
 * missing text could back is not called unsupported for that reason (verdict `none`, with
 * the reason). Conflicts with other sources stay.
 */
function withTextlessCitations(findings: Finding[], textless: Map<string, { keys: string[]; all: string[] }>): Finding[] {
  for (const f of findings) {
    const t = textless.get(`${f.range.start.line}:${f.range.start.character}`);
    if (!t) continue;
    f.citations = [...t.all];
    if (f.verdict === 'unsupported') {
      f.verdict = 'none';
      f.reasons = [{ kind: 'citation', message: `cites ${t.keys.map((k) => `@${k}`).join(', ')}, a bibliography entry with no text to check` }];
    }
  }
  return findings;
}

