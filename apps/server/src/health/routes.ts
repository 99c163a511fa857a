import type { Database } from '@quorum/db';
import { sql } from 'drizzle-orm';
import { Hono } from 'hono';
import type { AppEnv } from '../context.ts';

/** Options of {@link healthRoutes}. */
export interface HealthOptions {
  db: Database;
  /** How long the database may take to answer before it counts as down. */
  timeoutMs?: number;
  /** With several instances: whether Redis (fan-out and status bus) is connected; adds `redis` to the answer. */
  redis?: () => boolean;
}

/**
 * `GET /healthz`: 200 `{status: 'ok', database: 'ok'}`, or 503 with `database: 'down'` (the instance cannot serve
 * documents). With Redis configured it adds `redis: 'ok' | 'down'`; Redis down with the database up is
 * 200 `{status: 'degraded', database: 'ok', redis: 'down'}`: the instance still serves its own clients (and heals
 * from Postgres), so a proxy should keep routing to it.
 */
export function healthRoutes({ db, timeoutMs = 2000, redis }: HealthOptions) {
  return new Hono<AppEnv>().get('/healthz', async (c) => {
    const database = await ping(db, timeoutMs);
    const ok = database === 'ok';
    c.header('cache-control', 'no-store');
    if (!redis) return c.json({ status: ok ? 'ok' : 'error', database }, ok ? 200 : 503);
    const redisState = redis() ? 'ok' : 'down';
    const status = !ok ? 'error' : redisState === 'ok' ? 'ok' : 'degraded';
    return c.json({ status, database, redis: redisState }, ok ? 200 : 503);
  });
}

async function ping(db: Database, timeoutMs: number): Promise<'ok' | 'down'> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'down'>((resolve) => {
    timer = setTimeout(() => resolve('down'), timeoutMs);
  });
  const query = db.execute(sql`select 1`).then(
    () => 'ok' as const,
    () => 'down' as const,
  );
  try {
    return await Promise.race([query, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
