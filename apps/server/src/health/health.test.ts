import { createAuth } from '@quorum/auth';
import { createTestDb, testDatabaseKinds } from '@quorum/db/testing';
import { describe, expect, it } from 'vitest';
import { createApp } from '../app.ts';

describe.each(testDatabaseKinds())('/healthz on %s', (kind) => {
  it('reports the database up, then down once it is gone (503)', async () => {
    const handle = await createTestDb(kind);
    const app = createApp({ db: handle.db, auth: createAuth({ db: handle.db }), origin: 'http://quorum.test' });
    const up = await app.request('/healthz');
    expect(up.status).toBe(200);
    expect(await up.json()).toEqual({ status: 'ok', database: 'ok' });
    await handle.close();
    const down = await app.request('/healthz');
    expect(down.status).toBe(503);
    expect(await down.json()).toEqual({ status: 'error', database: 'down' });
  });
});

describe('/healthz with Redis configured', () => {
  it('is degraded (200) while Redis is down and the database answers, ok once Redis is back', async () => {
    const handle = await createTestDb('pglite');
    let redisUp = false;
    const app = createApp({
      db: handle.db,
      auth: createAuth({ db: handle.db }),
      origin: 'http://quorum.test',
      redis: () => redisUp,
    });
    const degraded = await app.request('/healthz');
    expect(degraded.status).toBe(200);
    expect(await degraded.json()).toEqual({ status: 'degraded', database: 'ok', redis: 'down' });
    redisUp = true;
    expect(await (await app.request('/healthz')).json()).toEqual({ status: 'ok', database: 'ok', redis: 'ok' });
    await handle.close();
    const down = await app.request('/healthz');
    expect(down.status).toBe(503);
    expect(await down.json()).toEqual({ status: 'error', database: 'down', redis: 'ok' });
  });
});
