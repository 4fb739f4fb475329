/**
 * Groundwork settings and the team ignore file: one model shared by the CLI and the
 * VS Code extension, so CI reports exactly what the editor shows.
 *
 * Pure: no fs, no path, no vscode. Callers read the files and hand in text or a flat
 * map of settings (`"groundwork.corpus.include": [...]`, as in `.vscode/settings.json`).
 */
import picomatch from 'picomatch/posix';
import type { FindingCode } from './types';
import { normalizeSentence } from './text/draft';
import { parse as parseJsonc, printParseErrorCode, type ParseError } from 'jsonc-parser/lib/esm/main.js';

export type CheckFrequency = 'edit' | 'save' | 'manual';
export type FailOn = 'conflict' | 'unsupported' | 'never';
export type SeverityLevel = 'error' | 'warning' | 'information' | 'hint' | 'off';
export type FindingKind = 'conflict' | 'unsupported' | 'citation';

export interface GroundworkConfig {
  corpus: {
    /** Globs (workspace-relative, posix) of corpus files. */
    include: string[];
    exclude: string[];
    /** File extensions (lower case, with the dot) a corpus file must have. */
    extensions: string[];
    /** Files larger than this are skipped with a warning. */
    maxFileBytes: number;
    /**
     * Folders outside the workspace folder that are part of the corpus, named on purpose
     * (absolute, or relative to the workspace folder). Ignored in Restricted Mode and by
     * the CLI (which takes such folders as --corpus arguments).
     */
    externalFolders: string[];
    /**
     * A team corpus on PostgreSQL (`postgres://user@host:port/database`), '' for none. Never
     * with a password: that comes from the environment, ~/.pgpass or the editor's secret storage.
     */
    server: string;
  };
  check: {
    frequency: CheckFrequency;
    delayMs: number;
    failOn: FailOn;
  };
  drafts: {
    include: string[];
    exclude: string[];
  };
  severity: Record<FindingKind, SeverityLevel>;
  /** Globs (workspace-relative) of the team's bibliography files (BibTeX/BibLaTeX, CSL-JSON). */
  bibliography: string[];
}

export const CORPUS_EXTENSIONS: readonly string[] = ['.txt', '.md', '.markdown', '.html', '.htm', '.pdf', '.docx', '.odt'];

export const DEFAULT_CONFIG: GroundworkConfig = deepFreeze({
  corpus: {
    include: ['seeds/**', 'sources/**', 'corpus/**'],
    exclude: ['**/node_modules/**', '**/.git/**'],
    extensions: [...CORPUS_EXTENSIONS],
    maxFileBytes: 5 * 1024 * 1024,
    externalFolders: [],
    server: '',
  },
  check: { frequency: 'edit', delayMs: 500, failOn: 'conflict' },
  drafts: {
    include: ['**/*.md', '**/*.tex', '**/*.txt'],
    exclude: ['**/node_modules/**', '**/.git/**', '**/.groundwork/**'],
  },
  severity: { conflict: 'warning', unsupported: 'information', citation: 'warning' },
  bibliography: ['*.bib', 'references.json', 'bibliography.json'],
} as GroundworkConfig);

function deepFreeze<T>(x: T): T {
  if (x !== null && typeof x === 'object') {
    for (const v of Object.values(x as object)) deepFreeze(v);
    Object.freeze(x);
  }
  return x;
}

/** A fresh, mutable copy of the defaults. */
export function defaultConfig(): GroundworkConfig {
  return {
    corpus: {
      include: [...DEFAULT_CONFIG.corpus.include],
      exclude: [...DEFAULT_CONFIG.corpus.exclude],
      extensions: [...DEFAULT_CONFIG.corpus.extensions],
      maxFileBytes: DEFAULT_CONFIG.corpus.maxFileBytes,
      externalFolders: [...DEFAULT_CONFIG.corpus.externalFolders],
      server: DEFAULT_CONFIG.corpus.server,
    },
    check: { ...DEFAULT_CONFIG.check },
    drafts: {
      include: [...DEFAULT_CONFIG.drafts.include],
      exclude: [...DEFAULT_CONFIG.drafts.exclude],
    },
    severity: { ...DEFAULT_CONFIG.severity },
    bibliography: [...DEFAULT_CONFIG.bibliography],
  };
}

// ---------------------------------------------------------------------------
// Settings schema (mirrored by package.json contributes.configuration)
// ---------------------------------------------------------------------------

export interface SettingSchema {
  /** Full key, e.g. `groundwork.corpus.include`. */
  key: string;
  type: 'array' | 'string' | 'integer';
  default: string | number | string[];
  description: string;
  items?: { type: 'string' };
  enum?: string[];
  enumDescriptions?: string[];
  minimum?: number;
  /** VS Code scope: per folder in multi-root workspaces. */
  scope: 'resource';
}

const SEVERITY_ENUM: SeverityLevel[] = ['error', 'warning', 'information', 'hint', 'off'];
const SEVERITY_DESCRIPTIONS = [
  'Error (red underline; SARIF level error).',
  'Warning (yellow underline; SARIF level warning).',
  'Information (blue underline; SARIF level note).',
  'Hint (dots under the first characters; SARIF level note).',
  'Not shown, not reported by the CLI and never fails a run.',
];

export const SETTINGS_SCHEMA: readonly SettingSchema[] = [
  {
    key: 'groundwork.corpus.include',
    type: 'array',
    items: { type: 'string' },
    default: [...DEFAULT_CONFIG.corpus.include],
    description:
      'Glob patterns (relative to the workspace folder) of the source files the drafts are checked against. Only files with one of `groundwork.corpus.extensions` are read.',
    scope: 'resource',
  },
  {
    key: 'groundwork.corpus.exclude',
    type: 'array',
    items: { type: 'string' },
    default: [...DEFAULT_CONFIG.corpus.exclude],
    description: 'Glob patterns of files to leave out of the corpus.',
    scope: 'resource',
  },
  {
    key: 'groundwork.corpus.extensions',
    type: 'array',
    items: { type: 'string' },
    default: [...DEFAULT_CONFIG.corpus.extensions],
    description: 'File extensions of corpus files (plain text, Markdown, HTML, PDF, Word .docx, OpenDocument .odt).',
    scope: 'resource',
  },
  {
    key: 'groundwork.corpus.maxFileBytes',
    type: 'integer',
    minimum: 1,
    default: DEFAULT_CONFIG.corpus.maxFileBytes,
    description: 'Source files larger than this many bytes are skipped with a warning.',
    scope: 'resource',
  },
  {
    key: 'groundwork.corpus.externalFolders',
    type: 'array',
    items: { type: 'string' },
    default: [],
    description:
      'Folders outside the workspace folder whose files are part of the corpus (absolute paths, or relative to the workspace folder). The corpus is otherwise what lies inside the workspace folder: links to outside are not followed. Ignored in Restricted Mode and by `groundwork check` (pass such a folder with `--corpus`).',
    scope: 'resource',
  },
  {
    key: 'groundwork.corpus.server',
    type: 'string',
    default: '',
    description:
      'A team corpus served by PostgreSQL, as `postgres://user@host:port/database` (TLS with `?sslmode=require`); empty: the local index. Never put a password here: it comes from `PGPASSWORD`, `~/.pgpass` or the command "Groundwork: Set Team Server Password" (secret storage). `GROUNDWORK_DATABASE_URL` is used when this is empty. Ignored in Restricted Mode unless set in your user settings. See docs/TEAM.md.',
    scope: 'resource',
  },
  {
    key: 'groundwork.check.frequency',
    type: 'string',
    enum: ['edit', 'save', 'manual'],
    enumDescriptions: [
      'Check while typing, after a pause of `groundwork.check.delayMs`.',
      'Check when the draft is saved.',
      'Check only with the "Groundwork: Check Document" command.',
    ],
    default: DEFAULT_CONFIG.check.frequency,
    description: 'When drafts are checked.',
    scope: 'resource',
  },
  {
    key: 'groundwork.check.delayMs',
    type: 'integer',
    minimum: 0,
    default: DEFAULT_CONFIG.check.delayMs,
    description: 'Pause in typing (milliseconds) before a draft is checked when the frequency is `edit`.',
    scope: 'resource',
  },
  {
    key: 'groundwork.check.failOn',
    type: 'string',
    enum: ['conflict', 'unsupported', 'never'],
    enumDescriptions: [
      '`groundwork check` exits with 1 when a sentence conflicts with the sources.',
      '`groundwork check` exits with 1 when a sentence conflicts with the sources or is not supported by them (including citation problems).',
      '`groundwork check` exits with 0 whatever it finds.',
    ],
    default: DEFAULT_CONFIG.check.failOn,
    description: 'Which findings make `groundwork check` fail (exit code 1). `--fail-on` overrides it.',
    scope: 'resource',
  },
  {
    key: 'groundwork.drafts.include',
    type: 'array',
    items: { type: 'string' },
    default: [...DEFAULT_CONFIG.drafts.include],
    description: 'Glob patterns of the drafts to check. Corpus files are never checked as drafts.',
    scope: 'resource',
  },
  {
    key: 'groundwork.drafts.exclude',
    type: 'array',
    items: { type: 'string' },
    default: [...DEFAULT_CONFIG.drafts.exclude],
    description: 'Glob patterns of files that are never checked as drafts.',
    scope: 'resource',
  },
  {
    key: 'groundwork.severity.conflict',
    type: 'string',
    enum: SEVERITY_ENUM,
    enumDescriptions: SEVERITY_DESCRIPTIONS,
    default: DEFAULT_CONFIG.severity.conflict,
    description: 'Severity of sentences that the sources contradict (a different number, date, name, or a negation).',
    scope: 'resource',
  },
  {
    key: 'groundwork.severity.unsupported',
    type: 'string',
    enum: SEVERITY_ENUM,
    enumDescriptions: SEVERITY_DESCRIPTIONS,
    default: DEFAULT_CONFIG.severity.unsupported,
    description: 'Severity of factual sentences that no source supports.',
    scope: 'resource',
  },
  {
    key: 'groundwork.severity.citation',
    type: 'string',
    enum: SEVERITY_ENUM,
    enumDescriptions: SEVERITY_DESCRIPTIONS,
    default: DEFAULT_CONFIG.severity.citation,
    description: 'Severity of citation problems: the cited source does not back the sentence, or the key is unknown.',
    scope: 'resource',
  },
  {
    key: 'groundwork.bibliography',
    type: 'array',
    items: { type: 'string' },
    default: [...DEFAULT_CONFIG.bibliography],
    description:
      'Glob patterns (relative to the workspace folder) of the team\'s bibliography: BibTeX/BibLaTeX `.bib` or CSL-JSON `.json` files. A source linked to an entry (by its `file` field, else a DOI, URL or title found in the source) is cited with the entry\'s key; entries without a source are offered as keys with no text to check.',
    scope: 'resource',
  },
];

/** The full setting key for a config path such as `corpus.include`. */
const PREFIX = 'groundwork.';

/**
 * Build a config from VS Code-style settings. Accepts flat keys (`groundwork.check.frequency`),
 * keys without the prefix (`check.frequency`, as from `getConfiguration('groundwork')`) and
 * nested objects (`{"groundwork": {"check": {...}}}`). Wrong values fall back to the default
 * and produce one problem message each; unknown keys are ignored.
 */
export function configFromSettings(settings: Record<string, unknown>): {
  config: GroundworkConfig;
  problems: string[];
} {
  const flat = flattenSettings(settings);
  const config = defaultConfig();
  const problems: string[] = [];
  for (const schema of SETTINGS_SCHEMA) {
    if (!flat.has(schema.key)) continue;
    const raw = flat.get(schema.key);
    if (raw === undefined || raw === null) continue;
    const checked = validate(schema, raw);
    if (checked.problem !== undefined) {
      problems.push(`${schema.key}: ${checked.problem}; using the default ${JSON.stringify(schema.default)}`);
      continue;
    }
    assign(config, schema.key, checked.value);
  }
  return { config, problems };
}

function flattenSettings(settings: Record<string, unknown>): Map<string, unknown> {
  const out = new Map<string, unknown>();
  const known = new Set(SETTINGS_SCHEMA.map((s) => s.key));
  const walk = (prefix: string, value: unknown): void => {
    if (known.has(prefix)) {
      out.set(prefix, value);
      return;
    }
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
        walk(prefix ? `${prefix}.${k}` : k, v);
      }
    }
  };
  if (settings === null || typeof settings !== 'object') return out;
  for (const [k, v] of Object.entries(settings)) {
    const key = k.startsWith(PREFIX) || k === 'groundwork' ? k : PREFIX + k;
    walk(key, v);
  }
  return out;
}

function validate(schema: SettingSchema, raw: unknown): { value?: unknown; problem?: string } {
  switch (schema.type) {
    case 'array': {
      if (!Array.isArray(raw)) return { problem: `expected an array of strings, got ${describe(raw)}` };
      const bad = raw.find((x) => typeof x !== 'string' || x.trim() === '');
      if (bad !== undefined) return { problem: `expected non-empty strings, got ${describe(bad)}` };
      let value = raw.map((x: string) => x.trim());
      if (schema.key === 'groundwork.corpus.extensions') {
        value = value.map((e) => (e.startsWith('.') ? e : `.${e}`).toLowerCase());
      } else {
        value = value.map(toPosixGlob);
      }
      return { value };
    }
    case 'string': {
      if (typeof raw !== 'string') return { problem: `expected a string, got ${describe(raw)}` };
      if (schema.enum && !schema.enum.includes(raw)) {
        return { problem: `expected one of ${schema.enum.map((e) => `"${e}"`).join(', ')}, got ${JSON.stringify(raw)}` };
      }
      if (schema.key === 'groundwork.corpus.server') return serverUrlProblem(raw.trim()) ?? { value: raw.trim() };
      return { value: raw };
    }
    case 'integer': {
      if (typeof raw !== 'number' || !Number.isFinite(raw) || !Number.isInteger(raw)) {
        return { problem: `expected an integer, got ${describe(raw)}` };
      }
      if (schema.minimum !== undefined && raw < schema.minimum) {
        return { problem: `expected at least ${schema.minimum}, got ${raw}` };
      }
      return { value: raw };
    }
  }
}

function describe(x: unknown): string {
  if (Array.isArray(x)) return 'an array';
  if (x === null) return 'null';
  if (typeof x === 'string') return JSON.stringify(x.length > 40 ? `${x.slice(0, 40)}…` : x);
  if (typeof x === 'object') return 'an object';
  return `${typeof x} ${String(x)}`;
}

function assign(config: GroundworkConfig, key: string, value: unknown): void {
  const parts = key.slice(PREFIX.length).split('.');
  let target = config as unknown as Record<string, unknown>;
  for (let i = 0; i < parts.length - 1; i++) target = target[parts[i]] as Record<string, unknown>;
  target[parts[parts.length - 1]] = value;
}

// ---------------------------------------------------------------------------
// Globs
// ---------------------------------------------------------------------------

function toPosixGlob(p: string): string {
  let g = p.replace(/\\/g, '/');
  while (g.startsWith('./')) g = g.slice(2);
  return g;
}

/** Normalize a workspace-relative path for matching: posix slashes, no leading `./` or `/`. */
export function toPosixRelative(relPath: string): string {
  let p = relPath.replace(/\\/g, '/');
  while (p.startsWith('./')) p = p.slice(2);
  return p;
}

const matcherCache = new Map<string, (p: string) => boolean>();
const LINE_BREAKS = /[\n\r\u2028\u2029]/;
const LINE_BREAKS_G = /[\n\r\u2028\u2029]/g;

function matcher(globs: readonly string[]): (p: string) => boolean {
  const id = globs.join('\u0000');
  let m = matcherCache.get(id);
  if (!m) {
    if (globs.length === 0) m = () => false;
    else {
      const re = picomatch(globs as string[], { dot: true });
      // Glob patterns compile to regular expressions whose `.` stops at a line break: a
      // file name with one would match nothing (and silently leave the corpus).
      m = (p: string) => re(LINE_BREAKS.test(p) ? p.replace(LINE_BREAKS_G, '\u2424') : p);
    }
    if (matcherCache.size > 64) matcherCache.clear();
    matcherCache.set(id, m);
  }
  return m;
}

/** The lower-cased extension of a path with its dot (`.md`), or ''. */
export function extensionOf(path: string): string {
  const base = path.slice(path.lastIndexOf('/') + 1);
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot).toLowerCase() : '';
}

/** Whether a workspace-relative (posix) path is part of the corpus under this config. */
export function isCorpusFile(relPath: string, config: GroundworkConfig): boolean {
  const p = toPosixRelative(relPath);
  if (!config.corpus.extensions.includes(extensionOf(p))) return false;
  return matcher(config.corpus.include)(p) && !matcher(config.corpus.exclude)(p);
}

/** Whether a workspace-relative (posix) path is a draft to check. Corpus files never are. */
export function isDraftFile(relPath: string, config: GroundworkConfig): boolean {
  const p = toPosixRelative(relPath);
  if (!matcher(config.drafts.include)(p) || matcher(config.drafts.exclude)(p)) return false;
  return !isCorpusFile(p, config);
}

// ---------------------------------------------------------------------------
// Finding kinds, severities, rule documentation
// ---------------------------------------------------------------------------

/** The severity group a finding code belongs to (undefined for `claim.supported`). */
export function findingKind(code: FindingCode): FindingKind | undefined {
  if (code.startsWith('citation.')) return 'citation';
  if (code.startsWith('claim.conflict')) return 'conflict';
  if (code.startsWith('claim.unsupported')) return 'unsupported';
  return undefined;
}

/** Where finding codes are documented (README section per code). */
export const DOCS_URL = 'https://github.com/groundwork/groundwork/blob/main/README.md';

export interface FindingRule {
  code: FindingCode;
  kind: FindingKind | undefined;
  /** One line, for SARIF `shortDescription` and hover titles. */
  title: string;
  /** A README anchor for this code. */
  helpUri: string;
}

/** GitHub's anchor for a README heading that is exactly the code in backticks. */
export function findingHelpUri(code: FindingCode): string {
  return `${DOCS_URL}#${code.replace(/[^a-z0-9-]/g, '')}`;
}

const RULE_TITLES: Record<FindingCode, string> = {
  'claim.supported': 'The sentence is supported by the sources.',
  'claim.unsupported': 'No source supports the sentence.',
  'claim.unsupported.partial': 'The sources support only part of the sentence.',
  'claim.conflict.number': 'A source gives a different number.',
  'claim.conflict.quantity': 'A source gives a different quantity.',
  'claim.conflict.date': 'A source gives a different date.',
  'claim.conflict.entity': 'A source names a different person, place or organization.',
  'claim.conflict.negation': 'A source says the opposite (negation).',
  'claim.conflict.antonym': 'A source says the opposite (opposite wording).',
  'citation.not-supported': 'The cited source does not back the sentence.',
  'citation.unknown-key': 'The citation key is not in the corpus.',
};

export const FINDING_RULES: readonly FindingRule[] = (Object.keys(RULE_TITLES) as FindingCode[]).map((code) => ({
  code,
  kind: findingKind(code),
  title: RULE_TITLES[code],
  helpUri: findingHelpUri(code),
}));

// ---------------------------------------------------------------------------
// Team ignore file: .groundwork/ignore.json
// ---------------------------------------------------------------------------

/** Workspace-relative location of the team ignore file. */
export const IGNORE_FILE_PATH = '.groundwork/ignore.json';

export interface IgnoreEntry {
  /** The sentence as written in the draft. */
  text: string;
  /** Workspace-relative draft where it was ignored (informational). */
  file?: string;
  /** Why the team ignores it. */
  note?: string;
}

export interface IgnoreFile {
  version: 1;
  sentences: IgnoreEntry[];
}

/**
 * Read JSON as VS Code reads its settings (JSONC): comments and trailing commas allowed,
 * a UTF-8 BOM ignored. An error names the first problem and where it is.
 */
function parseJson(text: string): { data?: unknown; error?: string } {
  const t = text.replace(/^\uFEFF/, '');
  const errors: ParseError[] = [];
  const data = parseJsonc(t, errors, { allowTrailingComma: true, disallowComments: false });
  if (errors.length > 0) {
    const before = t.slice(0, errors[0].offset).split('\n');
    return { error: `${printParseErrorCode(errors[0].error)} at ${before.length}:${before[before.length - 1].length + 1}` };
  }
  return { data };
}

/** Problems reported one by one before the rest are summarized in one line. */
export const MAX_LISTED_PROBLEMS = 20;

/**
 * Parse the team ignore file (JSONC, like settings). Never throws: problems are
 * returned, valid entries kept; bad entries beyond MAX_LISTED_PROBLEMS are summarized.
 */
export function parseIgnoreFile(text: string): { sentences: Set<string>; entries: IgnoreEntry[]; problems: string[] } {
  const sentences = new Set<string>();
  const entries: IgnoreEntry[] = [];
  const problems: string[] = [];
  const { data, error } = parseJson(text);
  if (error !== undefined) {
    problems.push(`not valid JSON (${error})`);
    return { sentences, entries, problems };
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    problems.push('expected an object {"version": 1, "sentences": [...]}');
    return { sentences, entries, problems };
  }
  const obj = data as Record<string, unknown>;
  if (obj.version !== 1) problems.push(`unknown version ${JSON.stringify(obj.version)} (expected 1); reading it anyway`);
  if (!Array.isArray(obj.sentences)) {
    problems.push('"sentences" must be an array');
    return { sentences, entries, problems };
  }
  let bad = 0;
  obj.sentences.forEach((item: unknown, i: number) => {
    let entry: IgnoreEntry | undefined;
    if (typeof item === 'string') entry = { text: item };
    else if (item !== null && typeof item === 'object' && typeof (item as IgnoreEntry).text === 'string') {
      const it = item as Record<string, unknown>;
      entry = { text: it.text as string };
      if (typeof it.file === 'string') entry.file = it.file;
      if (typeof it.note === 'string') entry.note = it.note;
    }
    if (!entry || entry.text.trim() === '') {
      bad++;
      if (bad <= MAX_LISTED_PROBLEMS) problems.push(`sentences[${i}]: expected {"text": "...", "file"?: "...", "note"?: "..."}`);
      return;
    }
    entries.push(entry);
    sentences.add(normalizeSentence(entry.text));
  });
  if (bad > MAX_LISTED_PROBLEMS) problems.push(`${bad - MAX_LISTED_PROBLEMS} more entries like these (${bad} in all) were skipped`);
  return { sentences, entries, problems };
}

export class IgnoreFileError extends Error {
  override name = 'IgnoreFileError';
}

/**
 * Add one sentence to the ignore file text and return the new text: stable formatting
 * (2-space JSON, trailing newline), entries sorted by normalized text then file, no
 * duplicates (same normalized text). Unknown fields of existing entries are kept.
 * Throws IgnoreFileError when the existing text cannot be read, so nothing is lost.
 */
export function addToIgnoreFile(existingText: string | undefined, entry: IgnoreEntry): string {
  let raw: unknown[] = [];
  let extra: Record<string, unknown> = {};
  if (existingText !== undefined && existingText.trim() !== '') {
    const { data, error } = parseJson(existingText);
    if (error !== undefined || data === null || typeof data !== 'object' || Array.isArray(data)) {
      throw new IgnoreFileError(`${IGNORE_FILE_PATH} is not valid JSON; fix it before adding sentences`);
    }
    const { version: _v, sentences, ...rest } = data as Record<string, unknown>;
    extra = rest;
    if (sentences !== undefined && !Array.isArray(sentences)) {
      throw new IgnoreFileError(`${IGNORE_FILE_PATH}: "sentences" must be an array`);
    }
    raw = (sentences as unknown[] | undefined) ?? [];
  }
  const items: Array<Record<string, unknown>> = raw.map((x) =>
    typeof x === 'string' ? { text: x } : (x as Record<string, unknown>),
  );
  const norm = normalizeSentence(entry.text);
  const present = items.some((x) => typeof x?.text === 'string' && normalizeSentence(x.text) === norm);
  if (!present && norm !== '') {
    const added: Record<string, unknown> = { text: entry.text.replace(/\s+/g, ' ').trim() };
    if (entry.file !== undefined) added.file = entry.file.replace(/\\/g, '/');
    if (entry.note !== undefined && entry.note !== '') added.note = entry.note;
    items.push(added);
  }
  const keyOf = (x: Record<string, unknown>): [string, string] => [
    typeof x?.text === 'string' ? normalizeSentence(x.text) : '',
    typeof x?.file === 'string' ? x.file : '',
  ];
  const sorted = items
    .map((x, i) => ({ x, k: keyOf(x), i }))
    .sort((a, b) => cmp(a.k[0], b.k[0]) || cmp(a.k[1], b.k[1]) || a.i - b.i)
    .map((e) => orderEntry(e.x));
  return `${JSON.stringify({ version: 1, sentences: sorted, ...extra }, null, 2)}\n`;
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Keys in a fixed order (text, file, note, then the rest) for stable diffs. */
function orderEntry(x: Record<string, unknown>): Record<string, unknown> {
  if (x === null || typeof x !== 'object') return x;
  const out: Record<string, unknown> = {};
  for (const k of ['text', 'file', 'note']) if (k in x) out[k] = x[k];
  for (const k of Object.keys(x).sort()) if (!(k in out)) out[k] = x[k];
  return out;
}

/**
 * A server URL from a settings file: a PostgreSQL URL without a password (settings files are
 * shared and committed; the password comes from the environment, ~/.pgpass or secret storage).
 */
function serverUrlProblem(url: string): { problem: string } | undefined {
  if (url === '') return undefined;
  if (!/^postgres(?:ql)?:\/\//i.test(url)) return { problem: 'expected a PostgreSQL URL (postgres://user@host:port/database)' };
  if (urlHasPassword(url)) {
    return { problem: 'the URL has a password in it, which a settings file must not hold: remove it and set it with "Groundwork: Set Team Server Password", PGPASSWORD or ~/.pgpass' };
  }
  return undefined;
}

/** Whether a postgres:// URL carries a password (user:password@ or ?password=). */
export function urlHasPassword(url: string): boolean {
  try {
    const u = new URL(url);
    return u.password !== '' || u.searchParams.has('password');
  } catch {
    return /\/\/[^/@:]*:[^/@]*@/.test(url) || /[?&]password=/i.test(url);
  }
}
