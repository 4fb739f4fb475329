/**
 * Schema migrations: numbered modules in ./migrations, applied in order, each in its own
 * transaction with its row in schema_migrations, under an advisory lock (two ingests
 * starting together migrate once). Only `groundwork ingest` migrates; checking reads the
 * version and refuses a schema it was not built for.
 */
import type { Pool, PoolClient } from 'pg';
import { ServerError } from './errors';
import * as m001 from './migrations/001_init';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [m001];

/** The schema version this Groundwork reads and writes. */
export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1].version;

/** Advisory lock keys (pg_advisory_lock(bigint)): "GWMG" and "GWIN". */
export const MIGRATE_LOCK = 0x47574d47;
export const INGEST_LOCK = 0x4757494e;

/** The schema version of the database: 0 when it holds no Groundwork schema. */
export async function schemaVersion(db: Pool | PoolClient): Promise<number> {
  const t = await db.query<{ t: string | null }>(`SELECT to_regclass('schema_migrations')::text AS t`);
  if (!t.rows[0]?.t) return 0;
  const r = await db.query<{ v: number | null }>('SELECT max(version) AS v FROM schema_migrations');
  return r.rows[0]?.v ?? 0;
}

/** Throws ServerError('schema') unless the database is at SCHEMA_VERSION. */
export async function requireSchema(db: Pool | PoolClient, where: string): Promise<number> {
  const v = await schemaVersion(db);
  if (v === SCHEMA_VERSION) return v;
  if (v === 0) throw new ServerError('schema', `no Groundwork corpus in ${where} (no schema); run groundwork ingest first`);
  throw new ServerError(
    'schema',
    v > SCHEMA_VERSION
      ? `the corpus in ${where} has schema version ${v}, this Groundwork needs ${SCHEMA_VERSION}: update Groundwork`
      : `the corpus in ${where} has schema version ${v}, this Groundwork needs ${SCHEMA_VERSION}: run groundwork ingest (it migrates)`,
  );
}

/** Apply the missing migrations; returns the versions applied. */
export async function migrate(pool: Pool): Promise<number[]> {
  const client = await pool.connect();
  const applied: number[] = [];
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATE_LOCK]);
    try {
      const have = await schemaVersion(client);
      if (have > SCHEMA_VERSION) {
        throw new ServerError('schema', `the corpus has schema version ${have}, this Groundwork needs ${SCHEMA_VERSION}: update Groundwork`);
      }
      for (const m of MIGRATIONS) {
        if (m.version <= have) continue;
        await client.query('BEGIN');
        try {
          await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
            version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
          await client.query(m.sql);
          await client.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [m.version, m.name]);
          await client.query('COMMIT');
        } catch (e) {
          await client.query('ROLLBACK').catch(() => undefined);
          throw e;
        }
        applied.push(m.version);
      }
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [MIGRATE_LOCK]).catch(() => undefined);
    }
  } finally {
    client.release();
  }
  return applied;
}
