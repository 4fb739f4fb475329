/**
 * The real PostgreSQL the server tests run against: scripts/pg-dev.sh (Debian's postgresql,
 * a cluster in a temporary folder run by a non-root user). Started once per test run on
 * first use (fast when it already runs); stopped at exit when this run started it. Each
 * test file works in a fresh database of its own, owned by gw_owner, readable by gw_reader.
 */
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { Client } from 'pg';

const SCRIPT = path.resolve(__dirname, '../../../scripts/pg-dev.sh');

export interface PgDev {
  ownerUrl: string;
  readerUrl: string;
  adminUrl: string;
}

let dev: PgDev | undefined;

function parse(out: string): PgDev {
  const v = (name: string): string => {
    const m = new RegExp(`^${name}=(.*)$`, 'm').exec(out);
    if (!m) throw new Error(`pg-dev.sh printed no ${name}:\n${out}`);
    return m[1].trim();
  };
  return { ownerUrl: v('GROUNDWORK_PG_OWNER_URL'), readerUrl: v('GROUNDWORK_PG_READER_URL'), adminUrl: v('GROUNDWORK_PG_ADMIN_URL') };
}

/** The running dev server (started when needed). */
export function pgDev(): PgDev {
  if (dev) return dev;
  const running = spawnSync('bash', [SCRIPT, 'url'], { encoding: 'utf8' });
  if (running.status === 0) return (dev = parse(running.stdout));
  const started = spawnSync('bash', [SCRIPT, 'start'], { encoding: 'utf8', timeout: 600_000 });
  if (started.status !== 0) throw new Error(`scripts/pg-dev.sh start failed:\n${started.stderr}`);
  if (!process.env.GROUNDWORK_PG_KEEP) {
    process.on('exit', () => {
      spawnSync('bash', [SCRIPT, 'stop'], { stdio: 'ignore' });
    });
  }
  return (dev = parse(started.stdout));
}

/** `url` with another database. */
export function withDatabase(url: string, db: string): string {
  const u = new URL(url);
  u.pathname = `/${db}`;
  return u.toString();
}

/** A fresh, empty database `name` (dropped first if left over); URLs for the owner and the read-only role. */
export async function freshDatabase(name: string): Promise<{ owner: string; reader: string }> {
  const d = pgDev();
  const admin = new Client({ connectionString: d.ownerUrl });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const owner = withDatabase(d.ownerUrl, name);
  const c = new Client({ connectionString: owner });
  await c.connect();
  try {
    await c.query('GRANT USAGE ON SCHEMA public TO gw_reader');
    await c.query('ALTER DEFAULT PRIVILEGES FOR ROLE gw_owner IN SCHEMA public GRANT SELECT ON TABLES TO gw_reader');
  } finally {
    await c.end();
  }
  return { owner, reader: withDatabase(d.readerUrl, name) };
}

/** Run SQL as the database's owner. */
export async function sql<R extends object = Record<string, unknown>>(url: string, text: string, params: unknown[] = []): Promise<R[]> {
  const c = new Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query<R>(text, params)).rows;
  } finally {
    await c.end();
  }
}
