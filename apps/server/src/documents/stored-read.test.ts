import { createTestDb, testDatabaseKinds } from '@quorum/db/testing';
import { createPostgresPersistence, RoomEngine } from '@quorum/sync';
import { holdableAppends } from '@quorum/sync/testing/held-persistence';
import { describe, expect, it } from 'vitest';
import { readSharedDoc } from '../guides/open-shared-doc.ts';
import { StoredReadTimeout } from './index.ts';

const room = '6f1c2a1e-8d6b-4c1e-9a55-3b7e2f1d0c44';

describe.each(testDatabaseKinds())('reads of stored state (%s)', (kind) => {
  it('a guide read never shows an edit that is not stored yet, and shows it once it is', async () => {
    const handle = await createTestDb(kind);
    const held = holdableAppends(createPostgresPersistence(handle.db));
    const engine = new RoomEngine({ persistence: held.persistence });
    try {
      const writer = await engine.openDoc(room);
      writer.doc.getText('t').insert(0, 'stored');
      await writer.whenStored();
      held.hold();
      writer.doc.getText('t').insert(6, ' and not yet');
      let seen: string | undefined;
      const reading = readSharedDoc(engine.openDoc.bind(engine), room, (doc) => doc.getText('t').toString()).then(
        (text) => {
          seen = text;
        },
      );
      await expect.poll(() => held.appendCalls, { timeout: 10_000 }).toBeGreaterThan(1);
      expect(seen).toBeUndefined();
      held.release();
      await reading;
      expect(seen).toBe('stored and not yet');
      writer.release();
    } finally {
      await engine.close();
      await handle.close();
    }
  });

  it('answers "try again" (StoredReadTimeout) when storage does not catch up', async () => {
    const handle = await createTestDb(kind);
    const held = holdableAppends(createPostgresPersistence(handle.db));
    const engine = new RoomEngine({ persistence: held.persistence, storedTimeoutMs: 200 });
    try {
      const writer = await engine.openDoc(room);
      held.hold();
      writer.doc.getText('t').insert(0, 'never stored in time');
      await expect(
        readSharedDoc(engine.openDoc.bind(engine), room, (doc) => doc.getText('t').toString()),
      ).rejects.toBeInstanceOf(StoredReadTimeout);
      held.release();
      writer.release();
    } finally {
      await engine.close();
      await handle.close();
    }
  });
});
