/**
 * `groundwork` command line: `groundwork check [options] FILE...`, `groundwork sources [options]`,
 * `groundwork ingest [options] PATH...` (the team corpus on PostgreSQL).
 * Exit codes: 0 nothing at or above --fail-on, 1 something was, 2 usage or input error.
 */
import { Command, CommanderError, Option } from 'commander';
import { version } from '../../package.json';
import { runCheck, type CheckCommandOptions, type OutputFormat } from './check';
import { runSources } from './sources';
import { runIngest } from './server';
import { ServerError } from '../server/errors';
import { UsageError } from './inputs';
import type { FailOn } from '../core/config';
import { installNodeRuntime } from '../node/runtime';

installNodeRuntime();


export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_USAGE = 2;

function oneLine(s: string): string {
  return s.replace(/^error: /, '').replace(/\s+/g, ' ').trim();
}

export async function main(argv: string[]): Promise<number> {
  const out = (s: string): void => {
    process.stdout.write(s);
  };
  const err = (s: string): void => {
    process.stderr.write(s.endsWith('\n') ? s : `${s}\n`);
  };
  let exitCode = EXIT_OK;

  const program = new Command('groundwork')
    .description('Check drafts against a corpus of sources: supported, conflict or unsupported, with evidence.')
    .version(version, '-V, --version', 'print the version')
    .helpCommand('help [command]', 'show help for a command')
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput({
      writeOut: out,
      writeErr: err,
      outputError: (s, write) => write(`groundwork: ${oneLine(s)}\n`),
    });

  program
    .command('check')
    .description('Check drafts (files, folders or globs) against the corpus.')
    .argument('<FILE...>', 'drafts to check: .md/.markdown (Markdown), .tex (LaTeX), anything else plain text; folders and globs take the drafts matching groundwork.drafts.*')
    .option('-c, --corpus <PATH>', 'corpus folder, file or glob (repeatable); default: groundwork.corpus.* of the workspace settings', (v: string, prev: string[]) => [...prev, v], [] as string[])
    .addOption(new Option('-f, --format <FORMAT>', 'output format').choices(['text', 'json', 'sarif']).default('text'))
    .addOption(
      new Option('--fail-on <LEVEL>', 'exit 1 when a finding at or above this level is found (default: groundwork.check.failOn, else conflict)').choices([
        'conflict',
        'unsupported',
        'never',
      ]),
    )
    .option('-w, --workspace <DIR>', 'workspace folder (settings, ignore file, cache); default: nearest folder up with .vscode/settings.json, .groundwork/ or .git')
    .option('--no-cache', 'do not read or write the index cache (.groundwork/cache/index.bin)')
    .option('-v, --verbose', 'also print supported sentences and progress notes', false)
    .option('--server <URL>', 'check against the team corpus on this PostgreSQL server (default: groundwork.corpus.server, else GROUNDWORK_DATABASE_URL); falls back to the local corpus when it cannot be reached')
    .action(async (files: string[], o: { corpus: string[]; format: OutputFormat; failOn?: FailOn; workspace?: string; cache: boolean; verbose: boolean; server?: string }) => {
      const opts: CheckCommandOptions = {
        corpus: o.corpus,
        format: o.format,
        failOn: o.failOn,
        workspace: o.workspace,
        cache: o.cache,
        verbose: o.verbose,
        server: o.server,
      };
      exitCode = await runCheck(files, opts, { cwd: process.cwd(), out, err }, version);
    });

  program
    .command('sources')
    .description('List every source with its citation key, title, date, language, kind, pages, passage count and warnings, and the bibliography entries without a source.')
    .option('-c, --corpus <PATH>', 'corpus folder, file or glob (repeatable); default: groundwork.corpus.* of the workspace settings', (v: string, prev: string[]) => [...prev, v], [] as string[])
    .addOption(new Option('-f, --format <FORMAT>', 'output format').choices(['text', 'json']).default('text'))
    .option('-w, --workspace <DIR>', 'workspace folder (settings, bibliography, cache); default: nearest folder up with .vscode/settings.json, .groundwork/ or .git')
    .option('--no-cache', 'do not read or write the index cache (.groundwork/cache/index.bin)')
    .option('--server <URL>', 'list the team corpus on this PostgreSQL server (default: groundwork.corpus.server, else GROUNDWORK_DATABASE_URL; not with --corpus); the local corpus when it cannot be reached')
    .action(async (o: { corpus: string[]; format: 'text' | 'json'; workspace?: string; cache: boolean; server?: string }) => {
      exitCode = await runSources({ corpus: o.corpus, format: o.format, workspace: o.workspace, cache: o.cache, ...(o.server ? { server: o.server } : {}) }, { cwd: process.cwd(), out, err });
    });

  program
    .command('ingest')
    .description('Add, update and remove sources of the team corpus on a PostgreSQL server (files, folders or globs; unchanged files cost nothing).')
    .argument('<PATH...>', 'corpus folders, files or globs; stored relative to the workspace folder; sources under a folder whose file is gone are removed')
    .option('--server <URL>', 'postgres://user@host:port/database (default: groundwork.corpus.server, else GROUNDWORK_DATABASE_URL); the password from PGPASSWORD or ~/.pgpass')
    .option('-w, --workspace <DIR>', 'workspace folder (settings); default: nearest folder up with .vscode/settings.json, .groundwork/ or .git')
    .option('--commit-every <N>', 'commit after every N files (a first load of a large archive keeps its progress when interrupted); default: one transaction, so an interrupted ingest leaves the previous corpus intact')
    .action(async (paths: string[], o: { server?: string; workspace?: string; commitEvery?: string }) => {
      let commitEvery: number | undefined;
      if (o.commitEvery !== undefined) {
        commitEvery = Number(o.commitEvery);
        if (!Number.isInteger(commitEvery) || commitEvery < 1) {
          err(`groundwork: --commit-every expects a whole number of files of at least 1, got ${JSON.stringify(o.commitEvery)}\n`);
          exitCode = EXIT_USAGE;
          return;
        }
      }
      exitCode = await runIngest(paths, { server: o.server, workspace: o.workspace, ...(commitEvery ? { commitEvery } : {}) }, { cwd: process.cwd(), out, err });
    });

  try {
    if (argv.length <= 2) {
      program.outputHelp({ error: true });
      return EXIT_USAGE;
    }
    await program.parseAsync(argv);
    return exitCode;
  } catch (e) {
    if (e instanceof CommanderError) {
      // help and version exit with 0; everything else commander refuses is a usage error.
      return e.exitCode === 0 ? EXIT_OK : EXIT_USAGE;
    }
    if (e instanceof ServerError) {
      err(`groundwork: ${oneLine(e.message)}`);
      return EXIT_USAGE;
    }
    if (e instanceof UsageError) {
      err(`groundwork: ${oneLine(e.message)}`);
      return EXIT_USAGE;
    }
    const message = e instanceof Error ? e.stack ?? e.message : String(e);
    err(`groundwork: internal error: ${oneLine(e instanceof Error ? e.message : String(e))}`);
    if (process.env.GROUNDWORK_DEBUG) err(message);
    return EXIT_USAGE;
  }
}

if (require.main === module) {
  // `groundwork check ... | head` closes stdout early: stop quietly.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
  main(process.argv).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      process.stderr.write(`groundwork: internal error: ${String(e)}\n`);
      process.exitCode = EXIT_USAGE;
    },
  );
}
