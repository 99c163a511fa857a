/** Node socket errors and postgres.js connection errors: the database could not be reached. */
const CONNECTION_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EPIPE',
  'CONNECTION_CLOSED',
  'CONNECTION_ENDED',
  'CONNECTION_DESTROYED',
  'CONNECT_TIMEOUT',
]);

/**
 * Postgres SQLSTATEs meaning "not now" rather than "wrong request": connection exceptions (class 08),
 * too many connections, and the server shutting down or starting up.
 */
const UNAVAILABLE_STATES = /^(08...|53300|57P0[123])$/;

/**
 * Whether `error` (or any error in its `cause` chain, e.g. inside drizzle's `DrizzleQueryError`) says the
 * database cannot be reached or is not accepting work: a connection refused, reset or ended, a connect
 * timeout, a Postgres connection exception or shutdown, or the embedded PGlite closed.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let current: unknown = error, depth = 0; current && depth < 8; depth++) {
    if (typeof current !== 'object') return false;
    const { code, message, cause } = current as { code?: unknown; message?: unknown; cause?: unknown };
    if (typeof code === 'string' && (CONNECTION_CODES.has(code) || UNAVAILABLE_STATES.test(code))) return true;
    if (typeof message === 'string' && /^PGlite is closed/.test(message)) return true;
    current = cause;
  }
  return false;
}
