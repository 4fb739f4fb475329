/**
 * The retrieval contract (src/core/retrieval.ts): verification reads the corpus only through
 * an asynchronous Retriever, so a backend that answers later (a server) gets the same
 * verdicts as the local index. Here a retriever that answers each call after a timer, in
 * scrambled order, checks every seed claim; its findings must equal the engine's own.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createEngine, type LocalSearch } from '../../src/core/engine';
import type { Engine } from '../../src/core/api';
import type { Retriever } from '../../src/core/retrieval';
import { checkSentences } from '../../src/core/verify/index';
import { parseDraft } from '../../src/core/text/draft';

const ROOT = path.resolve(__dirname, '../..');
const SHARED = path.resolve(process.env.GROUNDWORK_SHARED ?? path.join(ROOT, '..', 'shared'));
const CLAIMS = path.join(SHARED, 'eval', 'seed-claims.jsonl');

function seeds(): Engine & LocalSearch {
  const e = createEngine();
  const dir = path.join(ROOT, 'seeds');
  for (const f of fs.readdirSync(dir).filter((f) => f.endsWith('.txt')).sort()) e.upsertSource(`seeds/${f}`, new Uint8Array(fs.readFileSync(path.join(dir, f))));
  return e;
}

/** `inner`, answering every call on a later timer tick; delays vary so answers arrive out of call order. */
function late(inner: Retriever, calls: { n: number }): Retriever {
  const wait = <T>(v: Promise<T>): Promise<T> => {
    const ms = (calls.n++ * 7) % 5;
    return v.then((x) => new Promise<T>((resolve) => setTimeout(() => resolve(x), ms)));
  };
  return {
    search: (t, o) => wait(inner.search(t, o)),
    passagesOf: (k, m) => wait(inner.passagesOf(k, m)),
    getDocument: (k) => wait(inner.getDocument(k)),
    languages: () => wait(inner.languages()),
    ambiguousKey: (k) => wait(inner.ambiguousKey!(k)),
  };
}

describe('retrieval contract: an asynchronous retriever', () => {
  const claims = fs
    .readFileSync(CLAIMS, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as { id: string; text: string; sources?: string[] });

  it('gives every seed claim the local engine verdict, evidence and reasons', async () => {
    const e = seeds();
    const calls = { n: 0 };
    let compared = 0;
    for (const c of claims) {
      const local = await e.check(c.text, { format: 'plaintext' });
      const remote = await checkSentences(late(e.retriever(), calls), parseDraft(c.text, 'plaintext'), { draftText: c.text });
      assert.deepEqual(remote, local, c.id);
      compared += local.length;
    }
    assert.ok(compared >= claims.length / 2, `only ${compared} findings compared`);
    assert.ok(calls.n > claims.length, 'the retriever was called');
  });

  it('gives a cited claim the same verdict, and an unknown key the same problem', async () => {
    const e = seeds();
    const key = e.sources()[0].key;
    const calls = { n: 0 };
    for (const c of claims.slice(0, 10)) {
      const draft = c.text.replace(/([.!?])?\s*$/, ` [@${key}; @no-such-key]$1`);
      const local = await e.check(draft, { format: 'markdown' });
      const remote = await checkSentences(late(e.retriever(), calls), parseDraft(draft, 'markdown'), { draftText: draft });
      assert.deepEqual(remote, local, c.id);
      if (local.length) assert.ok(local.some((f) => f.citationProblem?.key === 'no-such-key'), c.id);
    }
  });

  it('the local retriever leaves an excluded document out of every answer', async () => {
    const e = seeds();
    const doc = e.sources()[0];
    const r = e.retriever(doc.path);
    assert.equal(await r.getDocument(doc.path), undefined);
    assert.equal(await r.getDocument(doc.key), undefined);
    assert.equal(await r.passagesOf(doc.path, 1e6), undefined);
    const words = doc.passages[0].text;
    assert.ok((await e.retriever().search(words)).some((h) => h.doc.path === doc.path));
    assert.ok(!(await r.search(words)).some((h) => h.doc.path === doc.path));
  });

  it('a hit carries its neighbours, nearest first', async () => {
    const e = seeds();
    const doc = e.sources().find((d) => d.passages.length > 6)!;
    const hits = (await e.retriever().passagesOf(doc.path, 1e6))!;
    assert.equal(hits.length, doc.passages.length);
    const h = hits[4];
    assert.deepEqual(h.before.map((p) => p.ordinal), [3, 2, 1]);
    assert.deepEqual(h.after.map((p) => p.ordinal), [5]);
    assert.deepEqual(hits[0].before, []);
    assert.deepEqual(hits[hits.length - 1].after, []);
  });
});
