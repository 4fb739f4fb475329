/**
 * The local PostgreSQL of scripts/pg-dev.sh for benchmarks and tests: started on first use
 * (fast when it already runs), stopped at exit when this process started it.
 */
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { Client } from 'pg';

const SCRIPT = path.resolve(__dirname, '..', '..', 'scripts', 'pg-dev.sh');

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

/** The running dev server (started when needed; GROUNDWORK_PG_KEEP=1 leaves a started one running). */
export function pgDev(script = SCRIPT): PgDev {
  if (dev) return dev;
  const running = spawnSync('bash', [script, 'url'], { encoding: 'utf8' });
  if (running.status === 0) return (dev = parse(running.stdout));
  const started = spawnSync('bash', [script, 'start'], { encoding: 'utf8', timeout: 600_000 });
  if (started.status !== 0) throw new Error(`scripts/pg-dev.sh start failed:\n${started.stderr}`);
  // Stopped at exit only when this process started it (another run may be using it).
  if (/pg-dev: started/.test(started.stderr) && !process.env.GROUNDWORK_PG_KEEP) {
    process.on('exit', () => {
      spawnSync('bash', [script, 'stop'], { stdio: 'ignore' });
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

/**
 * A fresh, empty database `name` (dropped first if left over), owned by the role of
 * `ownerUrl` and readable by the read-only role; the owner's and the reader's URLs for it.
 * With `adminUrl` (a superuser) the drop and the create run as that role: a leftover
 * database may still have sessions of the read-only role (a killed CLI, a test that
 * failed), and only a superuser or a member of pg_signal_backend may end those.
 */
export async function freshDatabase(ownerUrl: string, readerUrl: string, name: string, adminUrl?: string): Promise<{ owner: string; reader: string }> {
  const admin = new Client({ connectionString: adminUrl ?? ownerUrl });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    const ownerRole = decodeURIComponent(new URL(ownerUrl).username);
    await admin.query(adminUrl ? `CREATE DATABASE ${name} OWNER "${ownerRole.replace(/"/g, '""')}"` : `CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const owner = withDatabase(ownerUrl, name);
  const c = new Client({ connectionString: owner });
  await c.connect();
  try {
    await c.query('GRANT USAGE ON SCHEMA public TO gw_reader');
    await c.query('ALTER DEFAULT PRIVILEGES FOR ROLE gw_owner IN SCHEMA public GRANT SELECT ON TABLES TO gw_reader');
  } finally {
    await c.end();
  }
  return { owner, reader: withDatabase(readerUrl, name) };
}
