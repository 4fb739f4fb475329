/**
 * The real PostgreSQL the server tests run against: scripts/pg-dev.sh (Debian's postgresql,
 * a cluster in a temporary folder run by a non-root user). Started once per test run on
 * first use (fast when it already runs); stopped at exit when this run started it. Each
 * test file works in a fresh database of its own, owned by gw_owner, readable by gw_reader.
 */
import { Client } from 'pg';
import { freshDatabase as freshDb, pgDev } from '../../../bench/lib/pgdev';

export { pgDev, withDatabase, type PgDev } from '../../../bench/lib/pgdev';

/** A fresh, empty database `name` (dropped first if left over); URLs for the owner and the read-only role. */
export function freshDatabase(name: string): Promise<{ owner: string; reader: string }> {
  const d = pgDev();
  return freshDb(d.ownerUrl, d.readerUrl, name, d.adminUrl);
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
