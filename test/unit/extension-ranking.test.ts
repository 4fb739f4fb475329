// Completion ranking (src/vscode/ranking.ts): support first, then key order; a typed prefix
// filters fuzzily on key, title, outlet, date and the previewed passage.
import * as assert from 'assert';
import type { SourceSuggestion } from '../../src/core/types';
import type { SourceSummary } from '../../src/vscode/protocol';
import { rankSources } from '../../src/vscode/ranking';

const src = (key: string, title: string, extra: Partial<SourceSummary> = {}): SourceSummary => ({
  path: `sources/${key}.txt`,
  key,
  title,
  language: 'en',
  passages: 3,
  hash: key,
  warnings: [],
  ...extra,
});
const sources = [
  src('budget2021', 'City council approves library budget', { outlet: 'Town Gazette', date: '2021-03-02' }),
  src('ferry2019', 'Harbour ferry opens', { date: '2019-05-01' }),
  src('zoo2020', 'New zoo wing', { outlet: 'Evening Post' }),
];
const sug = (key: string, score: number, passage?: string): SourceSuggestion => ({
  key,
  path: `sources/${key}.txt`,
  title: key,
  language: 'en',
  score,
  passage: passage ? { text: passage, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } } } : undefined,
});

describe('extension completion ranking', () => {
  it('without a prefix: every source, the best supported first, the rest by key', () => {
    const r = rankSources(sources, [sug('zoo2020', 0.8), sug('ferry2019', 0.3)], '');
    assert.deepStrictEqual(r.map((c) => c.source.key), ['zoo2020', 'ferry2019', 'budget2021']);
  });

  it('a source with zero support does not jump ahead of the key order', () => {
    const r = rankSources(sources, [sug('zoo2020', 0)], '');
    assert.deepStrictEqual(r.map((c) => c.source.key), ['budget2021', 'ferry2019', 'zoo2020']);
  });

  it('a key prefix wins; title, outlet and date match fuzzily', () => {
    assert.strictEqual(rankSources(sources, [sug('zoo2020', 0.9)], 'fer')[0].source.key, 'ferry2019');
    assert.deepStrictEqual(rankSources(sources, [], 'gazette').map((c) => c.source.key), ['budget2021']);
    assert.deepStrictEqual(rankSources(sources, [], 'Evening').map((c) => c.source.key), ['zoo2020']);
    assert.ok(rankSources(sources, [], '2019-05').map((c) => c.source.key).includes('ferry2019'));
  });

  it('the previewed passage text matches too', () => {
    const r = rankSources(sources, [sug('zoo2020', 0.5, 'The penguins arrived from Antwerp in April.')], 'penguins');
    assert.deepStrictEqual(r.map((c) => c.source.key), ['zoo2020']);
  });
});
