import type { DbHandle } from '@quorum/db';
import { dealActivity } from '@quorum/db';
import { createTestDb } from '@quorum/db/testing';
import { addStakeholder, updateStakeholder } from '@quorum/deal-model';
import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { insertDeal, insertOrganization, insertUser } from '../status/test-fixtures.ts';
import { ActivityRecorder } from './activity-recorder.ts';

describe('ActivityRecorder', () => {
  let handle: DbHandle;
  let userId: string;
  let dealId: string;

  beforeAll(async () => {
    handle = await createTestDb('pglite');
    const org = await insertOrganization(handle.db);
    userId = (await insertUser(handle.db, { organizationId: org, orgRole: 'member' })).id;
    dealId = await insertDeal(handle.db, { organizationId: org, createdBy: userId });
  }, 60_000);
  afterAll(() => handle.close());

  /** A document fed to the recorder the way the engine feeds it: each transaction numbered, stored on demand. */
  function room(recorder: ActivityRecorder) {
    const doc = new Y.Doc();
    let seq = 0;
    recorder.onLoaded(dealId, doc);
    const identity = { userId, name: 'Mara', side: 'seller', room: 'shared' };
    doc.on('afterTransaction', (transaction: Y.Transaction) => {
      seq += 1;
      recorder.onApplied(dealId, { doc, transaction, identity, seq, remote: false });
    });
    return {
      doc,
      store: async () => {
        recorder.onChange(dealId, doc, { remote: false, storedSeq: seq });
        await recorder.flush();
      },
    };
  }

  const rows = () =>
    handle.db
      .select({ words: dealActivity.words, kind: dealActivity.kind })
      .from(dealActivity)
      .where(eq(dealActivity.dealId, dealId))
      .orderBy(asc(dealActivity.at));

  it('writes nothing before the change is stored; folds a run of edits; starts a new entry after the window', async () => {
    let now = new Date('2026-05-01T09:00:00Z');
    const recorder = new ActivityRecorder({ db: handle.db, coalesceMs: 5 * 60_000, now: () => now });
    const { doc, store } = room(recorder);
    const henrik = addStakeholder(doc, { name: 'Henrik', influence: 2 });
    await recorder.flush();
    expect(await rows()).toEqual([]);
    await store();
    expect(await rows()).toEqual([{ words: 'Mara added Henrik to the map', kind: 'added' }]);

    // Edited within the window: still one entry, an addition, with the name as it is now.
    now = new Date('2026-05-01T09:02:00Z');
    updateStakeholder(doc, henrik, { name: 'Henrik Berg' });
    await store();
    expect(await rows()).toEqual([{ words: 'Mara added Henrik Berg to the map', kind: 'added' }]);

    // Later edits are entries of their own; one and its undo within the window cancel out.
    now = new Date('2026-05-01T09:20:00Z');
    updateStakeholder(doc, henrik, { influence: 4 });
    updateStakeholder(doc, henrik, { influence: 5 });
    await store();
    now = new Date('2026-05-01T09:40:00Z');
    updateStakeholder(doc, henrik, { stance: 1 });
    updateStakeholder(doc, henrik, { stance: 0 });
    await store();
    expect(await rows()).toEqual([
      { words: 'Mara added Henrik Berg to the map', kind: 'added' },
      { words: 'Mara raised Henrik Berg’s influence to 5', kind: 'changed' },
    ]);
  });
});
