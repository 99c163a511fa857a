import { createAuth } from '@quorum/auth';
import { createTestDb, testDatabaseKinds } from '@quorum/db';
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
