/**
 * The real PostgreSQL the server tests run against: scripts/pg-dev.sh (Debian's postgresql,
 * a cluster in a temporary folder run by a non-root user). Started once per test run on
 * first use (fast when it already runs); stopped at exit when this run started it. Each
 * test file works in a fresh database of its own, owned by gw_owner, readable by gw_reader.
 */
import { Client } from 'pg';
import { pgDev, withDatabase } from '../../../bench/lib/pgdev';

export { pgDev, withDatabase, type PgDev } from '../../../bench/lib/pgdev';

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
