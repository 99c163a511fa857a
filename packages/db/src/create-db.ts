import { execFile } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { PGlite, PGliteOptions } from '@electric-sql/pglite';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import postgres from 'postgres';
import { DatabaseStartError } from './errors.ts';
import { pgliteStartParams } from './pglite-options.ts';
import * as schema from './schema/index.ts';

/** The drizzle database every package uses, whichever driver is behind it. */
export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;

/** An open database with its driver kind and a way to close it. */
export interface DbHandle {
  db: Database;
  kind: 'pglite' | 'postgres';
  close(): Promise<void>;
}

export interface CreateDbOptions {
  /** A postgres:// URL. When unset, PGlite (embedded Postgres) is used. */
  url?: string;
  /** PGlite's data directory; `memory://` (or omitted with `url` unset and `memory: true`) keeps it in memory. */
  dataDir?: string;
  /** Run migrations before returning (default true). */
  migrate?: boolean;
  /** postgres.js pool size (default 10). */
  poolSize?: number;
}

const migrationsFolder = fileURLToPath(new URL('../migrations', import.meta.url));
const initdbScript = fileURLToPath(new URL('./pglite-initdb.mjs', import.meta.url));
/** Arbitrary constant key for the advisory lock that serialises migrations across processes. */
const MIGRATION_LOCK = 7_236_001;

/**
 * Opens the database: postgres.js when `url` is given, PGlite in `dataDir` otherwise,
 * and runs the migrations (several processes starting at once migrate one at a time).
 */
export async function createDb({
  url,
  dataDir = '.data',
  migrate = true,
  poolSize = 10,
}: CreateDbOptions = {}): Promise<DbHandle> {
  if (url) {
    const client = postgres(url, { max: poolSize, onnotice: () => undefined });
    const db = drizzlePostgres(client, { schema }) as unknown as Database;
    try {
      if (migrate) {
        const lockConn = await client.reserve();
        try {
          await lockConn`select pg_advisory_lock(${MIGRATION_LOCK})`;
          await migratePostgres(drizzlePostgres(client, { schema }), { migrationsFolder });
        } finally {
          await lockConn`select pg_advisory_unlock(${MIGRATION_LOCK})`;
          lockConn.release();
        }
      }
    } catch (error) {
      await client.end({ timeout: 1 });
      throw new DatabaseStartError(`Could not open or migrate Postgres at ${redact(url)}: ${String(error)}`, {
        cause: error,
      });
    }
    return { db, kind: 'postgres', close: () => client.end({ timeout: 5 }) };
  }

  // Loaded only for the embedded database: a server on Postgres never holds PGlite's code.
  const [{ PGlite }, { drizzle: drizzlePglite }, { migrate: migratePglite }] = await Promise.all([
    import('@electric-sql/pglite'),
    import('drizzle-orm/pglite'),
    import('drizzle-orm/pglite/migrator'),
  ]);
  const memory = dataDir.startsWith('memory://');
  const options: PGliteOptions = { startParams: pgliteStartParams(PGlite.defaultStartParams) };
  if (!memory) mkdirSync(dataDir, { recursive: true });
  let client: PGlite;
  try {
    if (!memory && !existsSync(join(dataDir, 'PG_VERSION'))) await initDataDir(dataDir, options);
    client = memory ? new PGlite(options) : new PGlite(dataDir, options);
    await client.waitReady;
  } catch (error) {
    throw new DatabaseStartError(
      `Could not open the embedded database in ${dataDir} (is another Quorum process using it?): ${String(error)}`,
      { cause: error },
    );
  }
  const db = drizzlePglite(client, { schema });
  if (migrate) {
    try {
      await migratePglite(db, { migrationsFolder });
    } catch (error) {
      await client.close();
      throw new DatabaseStartError(`Could not migrate the embedded database in ${dataDir}: ${String(error)}`, {
        cause: error,
      });
    }
  }
  return { db: db as unknown as Database, kind: 'pglite', close: () => client.close() };
}

const execFileAsync = promisify(execFile);

/**
 * Runs initdb for a new data directory in a child Node process: the WebAssembly memory initdb needs
 * (several hundred MiB) goes back to the system when the child exits instead of staying in the server.
 */
async function initDataDir(dataDir: string, options: object): Promise<void> {
  await execFileAsync(process.execPath, [initdbScript, dataDir, JSON.stringify(options)]);
}

function redact(url: string): string {
  return url.replace(/\/\/([^:@/]+):([^@/]+)@/, '//$1:***@');
}
