import type { Database } from '@quorum/db';
import { sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/postgres-js';

/** What the last database probe found, and when it finished (ms since the epoch). */
export interface ProbeResult {
  database: 'ok' | 'down';
  checkedAt: number;
}

/** A connection the probe owns: `select 1` on it never waits behind the app's request traffic. */
export interface ProbeConnection {
  ping(): Promise<unknown>;
  close(): Promise<void>;
}

/** Options of {@link createDatabaseProbe}. */
export interface DatabaseProbeOptions {
  db: Database;
  /** A probe that has not answered by then counts as down (default 2 s). */
  timeoutMs?: number;
  /** How long a reader waits for the probe it started before it takes the last answer instead (default 100 ms). */
  answerWithinMs?: number;
  /**
   * The last answer stands in for a slow probe only while it is younger than this (default 2 s, the timeout: a
   * database that stopped answering is reported down no later than waiting for the probe would report it).
   */
  maxAgeMs?: number;
  /**
   * Opens the probe's own connection, or returns null to probe through `db`. Default: on Postgres, a one-connection
   * postgres.js client with the pool's connection settings (closed after 60 s idle); on PGlite, null (one
   * in-process connection, nothing to set apart).
   */
  connect?: (db: Database) => ProbeConnection | null;
  now?: () => number;
  /** Where a failure to close a broken probe connection is reported. */
  log?: (error: unknown) => void;
}

/** The database check behind /healthz. */
export interface DatabaseProbe {
  /**
   * The database's state: a probe is started (or joined, one at a time) on the probe's own connection; when it
   * takes longer than `answerWithinMs` and the last answer is younger than `maxAgeMs`, that answer is returned.
   */
  read(): Promise<ProbeResult>;
  /** Closes the probe's own connection, if open. */
  close(): Promise<void>;
}

/**
 * Checks the database for /healthz without queueing behind request traffic: `select 1` runs on a connection of the
 * probe's own (Postgres), at most one at a time, and a reader never waits more than `answerWithinMs` while a recent
 * answer exists. When the own connection fails (or times out) it is dropped and reopened by the next probe, and the
 * same probe falls back to the app's pool before reporting the database down (a server refusing one more
 * connection is not down).
 */
export function createDatabaseProbe({
  db,
  timeoutMs = 2000,
  answerWithinMs = 100,
  maxAgeMs = timeoutMs,
  connect = ownConnection,
  now = Date.now,
  log = console.error,
}: DatabaseProbeOptions): DatabaseProbe {
  let connection: ProbeConnection | null | undefined;
  let inFlight: Promise<ProbeResult> | null = null;
  let last: ProbeResult | null = null;

  async function probe(): Promise<'ok' | 'down'> {
    const deadline = now() + timeoutMs;
    connection ??= connect(db);
    if (connection) {
      const own = connection;
      if (await answers(own.ping(), timeoutMs)) return 'ok';
      connection = undefined;
      own.close().catch(log);
    }
    const left = deadline - now();
    return left > 0 && (await answers(db.execute(sql`select 1`), left)) ? 'ok' : 'down';
  }

  async function run(): Promise<ProbeResult> {
    try {
      const database = await probe();
      last = { database, checkedAt: now() };
      return last;
    } finally {
      inFlight = null;
    }
  }

  return {
    async read() {
      inFlight ??= run();
      const fresh = inFlight;
      const recent = last && now() - last.checkedAt < maxAgeMs ? last : null;
      if (!recent) return fresh;
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<null>((resolve) => {
        timer = setTimeout(() => resolve(null), answerWithinMs);
      });
      try {
        return (await Promise.race([fresh, late])) ?? recent;
      } finally {
        clearTimeout(timer);
      }
    },
    async close() {
      const open = connection;
      connection = undefined;
      await open?.close();
    },
  };
}

/** Whether `query` succeeds within `ms`. */
async function answers(query: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
  });
  try {
    return await Promise.race([
      query.then(
        () => true,
        () => false,
      ),
      timeout,
    ]);
  } finally {
    clearTimeout(timer);
  }
}

/** The connection settings of a postgres.js client (`db.$client` on Postgres). */
interface PostgresJsClient {
  options: Record<string, unknown>;
  reserve: unknown;
}

function isPostgresJs(client: unknown): client is PostgresJsClient {
  return typeof client === 'function' && 'options' in client && 'reserve' in client;
}

/** On Postgres, a one-connection client with the pool's connection settings; null on PGlite. */
export function ownConnection(db: Database): ProbeConnection | null {
  const client = (db as unknown as { $client?: unknown }).$client;
  if (!isPostgresJs(client)) return null;
  const { host, port, path, database, user, pass, ssl, connection, connect_timeout, keep_alive, target_session_attrs } =
    client.options;
  const own = drizzle({
    connection: {
      ...{ host, port, path, database, user, pass, ssl, connection, connect_timeout, keep_alive, target_session_attrs },
      max: 1,
      idle_timeout: 60,
      onnotice: () => undefined,
    } as Parameters<typeof drizzle>[0] extends { connection?: infer C } ? Exclude<C, string> : never,
  });
  return {
    ping: () => own.execute(sql`select 1`),
    close: () => own.$client.end({ timeout: 0 }),
  };
}
