/**
 * Errors of the PostgreSQL backend as one type with a stable `code`, so the CLI and the
 * extension can tell "the server is down" (fall back to the local index) from "wrong
 * password" or "this role may not write". Messages are one line and never contain the
 * password (it is masked out of anything a driver or server says).
 */

export type ServerErrorCode = 'unreachable' | 'auth' | 'timeout' | 'schema' | 'permission' | 'other';

export class ServerError extends Error {
  override name = 'ServerError';
  constructor(
    readonly code: ServerErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/** `postgres://user:secret@host/db` -> `postgres://user@host/db`; also drops `password=` parameters. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    u.password = '';
    u.searchParams.delete('password');
    return u.toString();
  } catch {
    return url.replace(/\/\/([^:@/]*):[^@/]*@/, '//$1@').replace(/([?&]password=)[^&]*/gi, '$1***');
  }
}

/** `message` with each secret replaced by `***`, on one line. */
export function mask(message: string, secrets: readonly (string | undefined)[]): string {
  let m = message.replace(/\s+/g, ' ').trim();
  for (const s of secrets) if (s && s.length >= 1) m = m.split(s).join('***');
  m = m.replace(/(postgres(?:ql)?:\/\/[^:@\s/]*):[^@\s/]*@/g, '$1:***@');
  return m;
}

interface PgLikeError {
  code?: string;
  message?: string;
  errno?: number;
  syscall?: string;
}

/**
 * A ServerError for anything the driver or the server threw. `where`: the server shown in
 * messages (redacted URL or host:port).
 */
export function toServerError(err: unknown, where: string, secrets: readonly (string | undefined)[]): ServerError {
  if (err instanceof ServerError) return new ServerError(err.code, mask(err.message, secrets));
  const e = (err ?? {}) as PgLikeError;
  const raw = typeof e.message === 'string' && e.message ? e.message : String(err);
  const msg = mask(raw, secrets);
  const code = typeof e.code === 'string' ? e.code : '';
  switch (code) {
    case 'ECONNREFUSED':
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
    case 'ECONNRESET':
    case 'EPIPE':
    case '57P01': // admin_shutdown
    case '57P02': // crash_shutdown
    case '57P03': // cannot_connect_now (starting up, shutting down)
    case '08000':
    case '08001':
    case '08003':
    case '08004':
    case '08006':
      return new ServerError('unreachable', `cannot reach the corpus server ${where}: ${msg}`);
    case 'ETIMEDOUT':
    case '57014': // query_canceled (statement_timeout)
      return new ServerError('timeout', `the corpus server ${where} did not answer in time: ${msg}`);
    case '28P01': // invalid_password
    case '28000': // invalid_authorization_specification (no pg_hba entry, no such role)
      return new ServerError('auth', `the corpus server ${where} refused the login: ${msg}`);
    case '42501': // insufficient_privilege
      return new ServerError('permission', `the database role may not do this on ${where}: ${msg} (checking needs SELECT; ingest needs the owner role)`);
    case '3D000': // invalid_catalog_name
      return new ServerError('unreachable', `the corpus server ${where} has no such database: ${msg}`);
    case '42P01': // undefined_table
      return new ServerError('schema', `no Groundwork corpus in ${where} (${msg}); run groundwork ingest first`);
  }
  if (/timeout|timed out/i.test(raw)) return new ServerError('timeout', `the corpus server ${where} did not answer in time: ${msg}`);
  if (/Connection terminated|connect ECONN|getaddrinfo|socket hang up/i.test(raw)) {
    return new ServerError('unreachable', `cannot reach the corpus server ${where}: ${msg}`);
  }
  if (/password|SASL|SCRAM/i.test(raw)) return new ServerError('auth', `the corpus server ${where} needs a password: ${msg}`);
  return new ServerError('other', `the corpus server ${where} failed: ${msg}`);
}
