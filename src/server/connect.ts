/**
 * Connecting to the corpus server: a `pg` pool from a postgres:// URL. The password comes,
 * in this order, from the caller (the extension's secret storage), the URL, PGPASSWORD, or
 * ~/.pgpass (PGPASSFILE), read with the `pgpass` package (pg's own lookup is deprecated).
 * TLS: `sslmode=` in the URL, or `ssl` options passed through to pg.
 */
import { Pool, type PoolConfig } from 'pg';
import { parse as parseConnectionString, toClientConfig } from 'pg-connection-string';
import pgpass = require('pgpass');
import { ServerError, redactUrl, toServerError } from './errors';

export interface ServerOptions {
  /** postgres://user@host:port/database?sslmode=... */
  url: string;
  /** The password, when it does not come from the URL, PGPASSWORD or ~/.pgpass (e.g. VS Code's secret storage). */
  password?: string;
  /** TLS options for pg (`tls.connect` options, or true); `sslmode` in the URL works too. */
  ssl?: PoolConfig['ssl'];
  /** Give up connecting after this long (default 5000 ms). */
  connectTimeoutMs?: number;
  /** Cancel a statement after this long (default 30000 ms; 0: no limit). */
  statementTimeoutMs?: number;
  /** Pool size (default 4). */
  maxConnections?: number;
}

export interface Connection {
  pool: Pool;
  /** The server as shown in messages (URL without password). */
  where: string;
  secrets: string[];
  /** Run `fn` and turn whatever it throws into a ServerError. */
  guard<T>(fn: () => Promise<T>): Promise<T>;
}

export function connect(options: ServerOptions): Connection {
  let parsed: ReturnType<typeof parseConnectionString>;
  if (!/^postgres(?:ql)?:\/\//i.test(options.url)) {
    throw new ServerError('other', `not a PostgreSQL URL: ${redactUrl(options.url)} (expected postgres://user@host:port/database)`);
  }
  try {
    parsed = parseConnectionString(options.url);
  } catch (e) {
    throw new ServerError('other', `not a PostgreSQL URL: ${redactUrl(options.url)} (${(e as Error).message})`);
  }
  const where = redactUrl(options.url);
  const urlPassword = parsed.password ? parsed.password : undefined;
  const secrets = [options.password, urlPassword, process.env.PGPASSWORD].filter((s): s is string => !!s);
  const host = parsed.host ?? process.env.PGHOST ?? 'localhost';
  const port = parsed.port ?? process.env.PGPORT ?? '5432';
  const database = parsed.database ?? process.env.PGDATABASE ?? parsed.user ?? process.env.PGUSER ?? 'postgres';
  const user = parsed.user ?? process.env.PGUSER ?? 'postgres';
  const password = async (): Promise<string | undefined> => {
    if (options.password) return options.password;
    if (urlPassword) return urlPassword;
    if (process.env.PGPASSWORD) return process.env.PGPASSWORD;
    const found = await new Promise<string | undefined>((resolve) => pgpass({ host, port, database, user }, resolve));
    if (found) secrets.push(found);
    return found;
  };
  const statementTimeout = options.statementTimeoutMs ?? 30000;
  // The URL's fields, not `connectionString`: pg would let the URL's (absent) password override the lookup below.
  const fromUrl = toClientConfig(parsed) as PoolConfig & { options?: string };
  delete fromUrl.password;
  const config: PoolConfig = {
    ...fromUrl,
    password: password as unknown as string,
    connectionTimeoutMillis: options.connectTimeoutMs ?? 5000,
    max: options.maxConnections ?? 4,
    idleTimeoutMillis: 10000,
    application_name: 'groundwork',
    // Short statements: JIT compilation would cost more than it saves (150 ms on a small corpus).
    options: [fromUrl.options, '-c jit=off'].filter(Boolean).join(' '),
    ...(statementTimeout > 0 ? { statement_timeout: statementTimeout } : {}),
    ...(options.ssl !== undefined ? { ssl: options.ssl } : {}),
  };
  const pool = new Pool(config);
  // An idle client that loses its server must not crash the process; the next query reports it.
  pool.on('error', () => undefined);
  const guard = async <T>(fn: () => Promise<T>): Promise<T> => {
    try {
      return await fn();
    } catch (e) {
      throw toServerError(e, where, secrets);
    }
  };
  return { pool, where, secrets, guard };
}
