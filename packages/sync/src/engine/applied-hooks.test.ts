import type { DbHandle } from '@quorum/db';
import { createTestDb } from '@quorum/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPostgresPersistence } from '../persistence/index.ts';
import { connectClient, synced, until } from '../testing/clients.ts';
import { serveEngine, type WsContext } from '../testing/ws-server.ts';
import { RoomEngine } from './room-engine.ts';
import type { AppliedChange } from './types.ts';

describe('onLoaded, onApplied and storedSeq', () => {
  let handle: DbHandle;
  beforeAll(async () => {
    handle = await createTestDb('pglite');
  }, 60_000);
  afterAll(() => handle.close());

  it('reports the load, each change with its sender and seq, then the seq stored', async () => {
    const events: string[] = [];
    const applied: Array<Omit<AppliedChange, 'doc' | 'transaction'> & { keys: string[] }> = [];
    let storedSeq = 0;
    const engine = new RoomEngine<WsContext>({
      persistence: createPostgresPersistence(handle.db),
      hooks: {
        onConnect: ({ context }) => ({ identity: { who: context.url.searchParams.get('who') } }),
        onLoaded: (room, doc) => events.push(`loaded ${room} ${doc.getMap('m').size}`),
        onApplied: (_room, { transaction, identity, seq, remote }) => {
          const keys = [...transaction.changed.values()].flatMap((set) => [...set].map(String));
          applied.push({ identity, seq, remote, keys });
          // Not stored yet when it is reported.
          expect(storedSeq).toBeLessThan(seq ?? Number.POSITIVE_INFINITY);
        },
        onChange: (_room, _doc, info) => {
          if (!info.remote) storedSeq = Math.max(storedSeq, info.storedSeq ?? 0);
        },
      },
    });
    const server = await serveEngine(engine);
    const client = connectClient(server.url, 'hooks-room', { params: { who: 'mara' } });
    try {
      await synced(client);
      client.doc.getMap('m').set('influence', 4);
      await until(() => applied.length === 1 && storedSeq >= 1, { what: 'the change to be stored' });
      expect(events).toEqual(['loaded hooks-room 0']);
      expect(applied[0]).toEqual({ identity: { who: 'mara' }, seq: 1, remote: false, keys: ['influence'] });

      const opened = await engine.openDoc('hooks-room');
      opened.doc.getMap('m').set('stance', 2);
      await opened.whenStored();
      opened.release();
      expect(applied[1]).toEqual({ identity: undefined, seq: 2, remote: false, keys: ['stance'] });
      expect(storedSeq).toBe(2);
    } finally {
      client.destroy();
      await server.close();
      await engine.close();
    }
  });
});
