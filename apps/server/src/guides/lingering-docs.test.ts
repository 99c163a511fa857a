import { createTestDb } from '@quorum/db/testing';
import { createPostgresPersistence, RoomEngine } from '@quorum/sync';
import { describe, expect, it } from 'vitest';
import { lingeringDocs } from './lingering-docs.ts';
import { readSharedDoc } from './open-shared-doc.ts';

describe('lingering guide documents', () => {
  it('opens a room once for a burst of reads, stays live, and releases it after the last reader', async () => {
    const handle = await createTestDb('pglite');
    const engine = new RoomEngine({ persistence: createPostgresPersistence(handle.db) });
    try {
      let opens = 0;
      let releases = 0;
      const openDoc = lingeringDocs(
        async (room) => {
          opens += 1;
          const opened = await engine.openDoc(room);
          return {
            doc: opened.doc,
            release: () => {
              releases += 1;
              opened.release();
            },
          };
        },
        { lingerMs: 50 },
      );
      const writer = await engine.openDoc('deal-1');
      writer.doc.getText('t').insert(0, 'v1');
      const burst = await Promise.all(
        Array.from({ length: 50 }, () => readSharedDoc(openDoc, 'deal-1', (doc) => doc.getText('t').toString())),
      );
      expect(new Set(burst)).toEqual(new Set(['v1']));
      writer.doc.getText('t').insert(2, '+v2');
      writer.release();
      expect(await readSharedDoc(openDoc, 'deal-1', (doc) => doc.getText('t').toString())).toBe('v1+v2');
      expect(opens).toBe(1);
      await expect.poll(() => releases, { timeout: 10_000 }).toBe(1);
      expect(await readSharedDoc(openDoc, 'deal-1', (doc) => doc.getText('t').toString())).toBe('v1+v2');
      expect(opens).toBe(2);
    } finally {
      await engine.close();
      await handle.close();
    }
  });
});
