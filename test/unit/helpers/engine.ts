/** Engines over a few invented sources, for the engine tests of the verifier. */
import { strict as assert } from 'node:assert';
import { createEngine } from '../../../src/core/engine';
import type { Finding } from '../../../src/core/types';

const enc = (s: string) => new TextEncoder().encode(s);

/** An engine over the given sources (corpus path -> text). */
export function engineWith(sources: Record<string, string>): ReturnType<typeof createEngine> {
  const e = createEngine();
  for (const [path, text] of Object.entries(sources)) e.upsertSource(path, enc(text));
  return e;
}

/** The one finding of `text`, checked as plain text against a corpus of one source, `source`. */
export async function checkAgainst(source: string, text: string): Promise<Finding> {
  const findings = await engineWith({ 'sources/source.txt': source }).check(text, { format: 'plaintext' });
  assert.equal(findings.length, 1, JSON.stringify(findings, null, 1));
  return findings[0];
}
