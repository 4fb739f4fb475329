import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  DEFAULT_CONFIG,
  FINDING_RULES,
  SETTINGS_SCHEMA,
  addToIgnoreFile,
  configFromSettings,
  defaultConfig,
  findingKind,
  isCorpusFile,
  isDraftFile,
  parseIgnoreFile,
} from '../../src/core/config';
import { normalizeSentence } from '../../src/core/text/draft';

describe('config: defaults', () => {
  it('has the documented defaults', () => {
    assert.deepEqual(DEFAULT_CONFIG.corpus.include, ['seeds/**', 'sources/**', 'corpus/**']);
    assert.equal(DEFAULT_CONFIG.corpus.maxFileBytes, 5 * 1024 * 1024);
    assert.equal(DEFAULT_CONFIG.check.frequency, 'edit');
    assert.equal(DEFAULT_CONFIG.check.delayMs, 500);
    assert.equal(DEFAULT_CONFIG.check.failOn, 'conflict');
    assert.deepEqual(DEFAULT_CONFIG.severity, { conflict: 'warning', unsupported: 'information', citation: 'warning' });
  });

  it('cannot be mutated through DEFAULT_CONFIG, and defaultConfig() returns a fresh copy', () => {
    assert.throws(() => (DEFAULT_CONFIG.corpus.include as string[]).push('x'));
    const a = defaultConfig();
    a.corpus.include.push('refs/**');
    assert.deepEqual(defaultConfig().corpus.include, DEFAULT_CONFIG.corpus.include);
  });

  it('schema defaults equal DEFAULT_CONFIG, and every config leaf has a setting', () => {
    const { config, problems } = configFromSettings(
      Object.fromEntries(SETTINGS_SCHEMA.map((s) => [s.key, s.default])),
    );
    assert.deepEqual(problems, []);
    assert.deepEqual(config, defaultConfig());
    const leaves: string[] = [];
    const walk = (prefix: string, o: object): void => {
      for (const [k, v] of Object.entries(o)) {
        if (v && typeof v === 'object' && !Array.isArray(v)) walk(`${prefix}${k}.`, v);
        else leaves.push(`groundwork.${prefix}${k}`);
      }
    };
    walk('', DEFAULT_CONFIG);
    assert.deepEqual(leaves.sort(), SETTINGS_SCHEMA.map((s) => s.key).sort());
    for (const s of SETTINGS_SCHEMA) {
      assert.ok(s.description.length > 10, s.key);
      if (s.enum) assert.ok(s.enum.includes(s.default as string), s.key);
    }
  });

  it('package.json contributes.configuration agrees with SETTINGS_SCHEMA when present', function () {
    const pkg = JSON.parse(readFileSync(join(__dirname, '../../package.json'), 'utf8'));
    const conf = pkg.contributes?.configuration;
    const blocks = Array.isArray(conf) ? conf : conf ? [conf] : [];
    const props: Record<string, { type?: string; default?: unknown; enum?: string[] }> = Object.assign(
      {},
      ...blocks.map((b: { properties?: object }) => b.properties ?? {}),
    );
    const keys = Object.keys(props).filter((k) => SETTINGS_SCHEMA.some((s) => s.key === k));
    if (keys.length === 0) this.skip(); // extension manifest not written yet
    for (const s of SETTINGS_SCHEMA) {
      const p = props[s.key];
      assert.ok(p, `package.json lacks ${s.key}`);
      assert.deepEqual(p.default, s.default, `${s.key} default`);
      if (s.enum) assert.deepEqual(p.enum, s.enum, `${s.key} enum`);
    }
  });
});

describe('config: settings', () => {
  it('reads flat VS Code keys', () => {
    const { config, problems } = configFromSettings({
      'groundwork.corpus.include': ['refs/**'],
      'groundwork.check.frequency': 'save',
      'groundwork.check.delayMs': 1200,
      'groundwork.check.failOn': 'unsupported',
      'groundwork.severity.conflict': 'error',
      'groundwork.severity.unsupported': 'off',
      'groundwork.corpus.maxFileBytes': 1000,
      'editor.fontSize': 14,
    });
    assert.deepEqual(problems, []);
    assert.deepEqual(config.corpus.include, ['refs/**']);
    assert.equal(config.check.frequency, 'save');
    assert.equal(config.check.delayMs, 1200);
    assert.equal(config.check.failOn, 'unsupported');
    assert.equal(config.severity.conflict, 'error');
    assert.equal(config.severity.unsupported, 'off');
    assert.equal(config.severity.citation, 'warning');
    assert.equal(config.corpus.maxFileBytes, 1000);
  });

  it('reads keys without prefix and nested objects', () => {
    const a = configFromSettings({ 'check.frequency': 'manual', corpus: { exclude: ['x/**'] } });
    assert.deepEqual(a.problems, []);
    assert.equal(a.config.check.frequency, 'manual');
    assert.deepEqual(a.config.corpus.exclude, ['x/**']);
    const b = configFromSettings({ groundwork: { severity: { citation: 'hint' } } });
    assert.equal(b.config.severity.citation, 'hint');
  });

  it('falls back to the default with one problem per bad value', () => {
    const { config, problems } = configFromSettings({
      'groundwork.corpus.include': 'seeds/**',
      'groundwork.corpus.exclude': ['ok/**', 3],
      'groundwork.check.frequency': 'sometimes',
      'groundwork.check.delayMs': -5,
      'groundwork.corpus.maxFileBytes': 1.5,
      'groundwork.severity.conflict': 'fatal',
      'groundwork.check.failOn': true,
    });
    assert.equal(problems.length, 7);
    assert.deepEqual(config, defaultConfig());
    assert.ok(problems.some((p) => p.startsWith('groundwork.check.frequency:') && p.includes('"sometimes"')));
    assert.ok(problems.some((p) => p.startsWith('groundwork.check.delayMs:') && p.includes('at least 0')));
    assert.ok(problems.every((p) => p.includes('using the default')));
  });

  it('normalizes globs and extensions', () => {
    const { config } = configFromSettings({
      'groundwork.corpus.include': ['./refs\\**'],
      'groundwork.corpus.extensions': ['TXT', '.Md'],
    });
    assert.deepEqual(config.corpus.include, ['refs/**']);
    assert.deepEqual(config.corpus.extensions, ['.txt', '.md']);
  });
});

describe('config: globs', () => {
  const c = defaultConfig();
  it('matches corpus files by folder and extension', () => {
    assert.equal(isCorpusFile('seeds/001_af11d3e077b90d3f.txt', c), true);
    assert.equal(isCorpusFile('sources/deep/a.HTML', c), true);
    assert.equal(isCorpusFile('./corpus/b.md', c), true);
    assert.equal(isCorpusFile('seeds/photo.png', c), false);
    assert.equal(isCorpusFile('drafts/a.md', c), false);
    assert.equal(isCorpusFile('seeds/node_modules/x.txt', c), false);
    assert.equal(isCorpusFile('seeds\\win.txt', c), true);
  });
  it('matches drafts, never corpus files', () => {
    assert.equal(isDraftFile('drafts/a.md', c), true);
    assert.equal(isDraftFile('paper.tex', c), true);
    assert.equal(isDraftFile('notes.txt', c), true);
    assert.equal(isDraftFile('seeds/000_77dd5cafab056d3d.txt', c), false);
    assert.equal(isDraftFile('node_modules/pkg/README.md', c), false);
    assert.equal(isDraftFile('drafts/a.html', c), false);
  });
  it('follows custom settings', () => {
    const { config } = configFromSettings({
      'groundwork.corpus.include': ['refs/**'],
      'groundwork.drafts.exclude': ['archive/**'],
    });
    assert.equal(isCorpusFile('refs/a.txt', config), true);
    assert.equal(isCorpusFile('seeds/a.txt', config), false);
    assert.equal(isDraftFile('seeds/a.txt', config), true);
    assert.equal(isDraftFile('archive/old.md', config), false);
  });
});

describe('config: finding rules', () => {
  it('classifies codes and documents every one', () => {
    assert.equal(findingKind('claim.conflict.number'), 'conflict');
    assert.equal(findingKind('claim.unsupported.partial'), 'unsupported');
    assert.equal(findingKind('citation.unknown-key'), 'citation');
    assert.equal(findingKind('claim.supported'), undefined);
    const codes = FINDING_RULES.map((r) => r.code);
    assert.equal(new Set(codes).size, codes.length);
    assert.ok(codes.includes('claim.conflict.date'));
    for (const r of FINDING_RULES) assert.match(r.helpUri, /^https:\/\/.+#[a-z0-9-]+$/);
  });
});

describe('config: ignore file', () => {
  it('parses entries and normalizes sentences', () => {
    const { sentences, entries, problems } = parseIgnoreFile(
      JSON.stringify({
        version: 1,
        sentences: [
          { text: 'The ferry carried  224 passengers.', file: 'drafts/a.md', note: 'checked by hand' },
          { text: 'The city’s budget grew.' },
        ],
      }),
    );
    assert.deepEqual(problems, []);
    assert.equal(entries.length, 2);
    assert.equal(entries[0].note, 'checked by hand');
    assert.ok(sentences.has(normalizeSentence('The ferry carried 224 passengers.')));
    assert.ok(sentences.has(normalizeSentence("The city's budget grew.")));
    assert.equal(sentences.size, 2);
  });

  it('reports problems without throwing and keeps valid entries', () => {
    assert.equal(parseIgnoreFile('{not json').problems.length, 1);
    assert.equal(parseIgnoreFile('[]').problems.length, 1);
    const r = parseIgnoreFile('{"version": 2, "sentences": [{"text": "A."}, {"nope": 1}, ""]}');
    assert.equal(r.sentences.size, 1);
    assert.equal(r.problems.length, 3);
  });

  it('adds sentences sorted, without duplicates, with stable formatting (round trip)', () => {
    let text = addToIgnoreFile(undefined, { text: 'Zebra crossings were painted.', file: 'drafts/b.md' });
    text = addToIgnoreFile(text, { text: 'An  ambulance arrived.', file: 'drafts\\a.md', note: 'fine' });
    const again = addToIgnoreFile(text, { text: 'an ambulance ARRIVED.', file: 'drafts/c.md' });
    assert.equal(again, text);
    const parsed = JSON.parse(text);
    assert.equal(parsed.version, 1);
    assert.deepEqual(
      parsed.sentences.map((s: { text: string }) => s.text),
      ['An ambulance arrived.', 'Zebra crossings were painted.'],
    );
    assert.deepEqual(parsed.sentences[0], { text: 'An ambulance arrived.', file: 'drafts/a.md', note: 'fine' });
    assert.ok(text.endsWith('}\n'));
    assert.ok(text.includes('\n  "sentences": [\n    {\n      "text"'));
    const back = parseIgnoreFile(text);
    assert.deepEqual(back.problems, []);
    assert.deepEqual(
      [...back.sentences].sort(),
      [normalizeSentence('an ambulance arrived.'), normalizeSentence('Zebra crossings were painted.')].sort(),
    );
    // Re-adding in another order gives the same bytes.
    let other = addToIgnoreFile(undefined, { text: 'An  ambulance arrived.', file: 'drafts\\a.md', note: 'fine' });
    other = addToIgnoreFile(other, { text: 'Zebra crossings were painted.', file: 'drafts/b.md' });
    assert.equal(other, text);
  });

  it('keeps unknown fields and refuses to overwrite a broken file', () => {
    const text = addToIgnoreFile('{"version":1,"owner":"desk","sentences":[{"text":"B.","by":"kim"}]}', { text: 'A.' });
    const parsed = JSON.parse(text);
    assert.equal(parsed.owner, 'desk');
    assert.deepEqual(parsed.sentences[1], { text: 'B.', by: 'kim' });
    assert.throws(() => addToIgnoreFile('{broken', { text: 'A.' }), /not valid JSON/);
  });
});

describe('config: groundwork.corpus.server', () => {
  it('takes a PostgreSQL URL without a password', () => {
    const r = configFromSettings({ 'groundwork.corpus.server': ' postgres://reader@db.example.org:5432/news?sslmode=require ' });
    assert.deepEqual(r.problems, []);
    assert.equal(r.config.corpus.server, 'postgres://reader@db.example.org:5432/news?sslmode=require');
    assert.equal(configFromSettings({}).config.corpus.server, '');
  });

  it('refuses a URL with a password, and says so without repeating it', () => {
    for (const url of ['postgres://reader:s3cret@db.example.org/news', 'postgresql://reader@db.example.org/news?password=s3cret']) {
      const r = configFromSettings({ groundwork: { corpus: { server: url } } });
      assert.equal(r.config.corpus.server, '', url);
      assert.equal(r.problems.length, 1);
      assert.match(r.problems[0], /password/);
      assert.ok(!r.problems[0].includes('s3cret'), r.problems[0]);
    }
  });

  it('refuses what is not a PostgreSQL URL', () => {
    const r = configFromSettings({ 'groundwork.corpus.server': 'mysql://db.example.org/news' });
    assert.equal(r.config.corpus.server, '');
    assert.match(r.problems[0], /PostgreSQL URL/);
  });
});
