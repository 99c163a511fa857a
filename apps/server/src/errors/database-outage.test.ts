import { createAuth } from '@quorum/auth';
import { createTestDb, testDatabaseKinds } from '@quorum/db/testing';
import { createPostgresPersistence, RoomEngine } from '@quorum/sync';
import { describe, expect, it } from 'vitest';
import { createApp } from '../app.ts';
import type { SyncContext } from '../sync/index.ts';
import { isDatabaseUnavailable } from './database-unavailable.ts';

const ORIGIN = 'http://quorum.test';

describe.each(testDatabaseKinds())('a database outage (%s)', (kind) => {
  it('answers /api/me, /api/deals and guide links with 503 unavailable, not 500', async () => {
    const handle = await createTestDb(kind);
    const auth = createAuth({ db: handle.db });
    const engine = new RoomEngine<SyncContext>({
      persistence: createPostgresPersistence(handle.db),
      hooks: { onError: () => undefined },
    });
    const logged: unknown[] = [];
    const app = createApp({ db: handle.db, auth, engine, origin: ORIGIN, log: (error) => logged.push(error) });
    const signup = await app.request(`${ORIGIN}/api/auth/signup`, {
      method: 'POST',
      headers: { origin: ORIGIN, 'content-type': 'application/json' },
      body: JSON.stringify({
        email: 'ada@acme.test',
        password: 'a long enough password',
        name: 'Ada',
        organization: 'Acme',
      }),
    });
    const cookie = signup.headers.get('set-cookie')!.split(';')[0]!;
    await handle.close();
    try {
      for (const path of ['/api/me', '/api/deals', '/g/AAAAAAAAAAAAAAAAAAAAAA', '/g/AAAAAAAAAAAAAAAAAAAAAA/pdf']) {
        const res = await app.request(`${ORIGIN}${path}`, { headers: { cookie } });
        expect(res.status, path).toBe(503);
        expect(res.headers.get('retry-after')).toBe('5');
        expect(((await res.json()) as { error: { code: string } }).error.code).toBe('unavailable');
      }
      // Still logged for the operator.
      expect(logged.length).toBeGreaterThan(0);
    } finally {
      await engine.close().catch(() => undefined);
    }
  });
});

describe('isDatabaseUnavailable', () => {
  it('recognises connection failures through wrapping errors, and nothing else', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
    expect(isDatabaseUnavailable(new Error('Failed query', { cause: refused }))).toBe(true);
    expect(isDatabaseUnavailable(Object.assign(new Error('shutting down'), { code: '57P01' }))).toBe(true);
    expect(isDatabaseUnavailable(Object.assign(new Error('duplicate key'), { code: '23505' }))).toBe(false);
    expect(isDatabaseUnavailable(new TypeError('x is undefined'))).toBe(false);
  });
});
