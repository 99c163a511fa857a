import { createAuth } from '@quorum/auth';
import { createTestDb, testDatabaseKinds } from '@quorum/db';
import { createPostgresPersistence, RoomEngine } from '@quorum/sync';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createApp } from '../app.ts';
import type { SyncContext } from '../sync/index.ts';

describe.each(testDatabaseKinds())('/metrics on %s', (kind) => {
  it('exposes the engine figures in Prometheus text, and they move with the rooms', async () => {
    const handle = await createTestDb(kind);
    const engine = new RoomEngine<SyncContext>({ persistence: createPostgresPersistence(handle.db) });
    try {
      const app = createApp({ db: handle.db, auth: createAuth({ db: handle.db }), engine, origin: 'http://q.test' });
      const read = async () => {
        const res = await app.request('/metrics');
        expect(res.headers.get('content-type')).toContain('text/plain; version=0.0.4');
        return res.text();
      };
      const before = await read();
      for (const name of [
        'quorum_sync_connections',
        'quorum_sync_rooms',
        'quorum_sync_updates_in_total',
        'quorum_sync_persist_latency_ms',
      ]) {
        expect(before).toContain(`# TYPE ${name} `);
      }
      expect(before).toMatch(/^quorum_sync_rooms 0$/m);
      expect(before).toMatch(/^quorum_sync_persist_latency_ms\{quantile="0.99"\} [\d.]+$/m);

      const opened = await engine.openDoc('metrics-room');
      opened.doc.getMap('m').set('k', 1);
      const after = await read();
      expect(after).toMatch(/^quorum_sync_rooms 1$/m);
      opened.release();
      expect(Y.encodeStateAsUpdate(opened.doc).length).toBeGreaterThan(2);
    } finally {
      await engine.close();
      await handle.close();
    }
  });
});
