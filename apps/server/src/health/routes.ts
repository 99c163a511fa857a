import type { Database } from '@quorum/db';
import { Hono } from 'hono';
import type { AppEnv } from '../context.ts';
import { createDatabaseProbe, type DatabaseProbe } from './probe.ts';

/** Options of {@link healthRoutes}. */
export interface HealthOptions {
  db: Database;
  /** How long the database may take to answer before it counts as down (default 2 s). */
  timeoutMs?: number;
  /** With several instances: whether Redis (fan-out and status bus) is connected; adds `redis` to the answer. */
  redis?: () => boolean;
  /** The database check; default: {@link createDatabaseProbe} on its own connection, with `timeoutMs`. */
  probe?: DatabaseProbe;
}

/**
 * `GET /healthz`: 200 `{status: 'ok', database: 'ok'}`, or 503 with `database: 'down'` (the instance cannot serve
 * documents). With Redis configured it adds `redis: 'ok' | 'down'`; Redis down with the database up is
 * 200 `{status: 'degraded', database: 'ok', redis: 'down'}`: the instance still serves its own clients (and heals
 * from Postgres), so a proxy should keep routing to it.
 *
 * The database answer comes from {@link createDatabaseProbe}: its own connection, so a pool saturated by request
 * traffic does not delay it; `Database-Checked-At` says when the answer was measured (it may be up to 2 s old
 * while a probe is slow).
 */
export function healthRoutes({
  db,
  timeoutMs = 2000,
  redis,
  probe = createDatabaseProbe({ db, timeoutMs }),
}: HealthOptions) {
  return new Hono<AppEnv>().get('/healthz', async (c) => {
    const { database, checkedAt } = await probe.read();
    const ok = database === 'ok';
    c.header('cache-control', 'no-store');
    c.header('database-checked-at', new Date(checkedAt).toISOString());
    if (!redis) return c.json({ status: ok ? 'ok' : 'error', database }, ok ? 200 : 503);
    const redisState = redis() ? 'ok' : 'down';
    const status = !ok ? 'error' : redisState === 'ok' ? 'ok' : 'degraded';
    return c.json({ status, database, redis: redisState }, ok ? 200 : 503);
  });
}
