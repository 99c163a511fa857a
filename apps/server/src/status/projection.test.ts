import { type DbHandle, dealHealthHistory } from '@quorum/db';
import { createTestDb, testDatabaseKinds } from '@quorum/db/testing';
import { addStakeholder, computeStatus, initSharedDoc, updateBlockerPlan } from '@quorum/deal-model';
import { createPostgresPersistence, RoomEngine } from '@quorum/sync';
import { until } from '@quorum/testing';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { StatusProjection } from './projection.ts';
import { createLocalStatusBus, type StatusEvent } from './status-bus.ts';
import { listVisibleStatuses } from './status-store.ts';
import type { StatusViewer } from './status-types.ts';
import { insertDeal, insertOrganization, insertUser } from './test-fixtures.ts';

describe.each(testDatabaseKinds())('status projection on %s', (kind) => {
  let handle: DbHandle;
  let engine: RoomEngine;
  let projection: StatusProjection;
  let seller: StatusViewer;
  const events: StatusEvent[] = [];
  const errors: unknown[] = [];
  const bus = createLocalStatusBus();
  bus.subscribe((event) => events.push(event));

  /** A deal with its shared document initialised on the engine. */
  async function newDeal(title: string) {
    const dealId = await insertDeal(handle.db, { organizationId: seller.organizationId!, createdBy: seller.id, title });
    const shared = await engine.openDoc(dealId);
    initSharedDoc(shared.doc, { title, buyer: 'Acme' });
    return { dealId, shared };
  }

  const settled = () => vi.waitFor(() => expect(projection.busy).toBe(0), { timeout: 10_000, interval: 10 });
  const eventsOf = (dealId: string) => events.filter((e) => e.dealId === dealId);

  beforeAll(async () => {
    handle = await createTestDb(kind);
    const org = await insertOrganization(handle.db);
    seller = await insertUser(handle.db, { organizationId: org, orgRole: 'member' });
    engine = new RoomEngine({
      persistence: createPostgresPersistence(handle.db),
      hooks: { onChange: (room) => projection.onChange(room) },
    });
    projection = new StatusProjection({
      db: handle.db,
      engine,
      bus,
      compute: computeStatus,
      debounceMs: 150,
      onError: (error) => errors.push(error),
    });
  }, 60_000);

  afterAll(async () => {
    await projection.stop();
    await engine.close();
    await handle.close();
  });

  it('folds a burst of edits into one recomputation that reflects all of them', async () => {
    const { dealId, shared } = await newDeal('Burst');
    try {
      for (let i = 0; i < 20; i++) addStakeholder(shared.doc, { name: `Person ${i}`, profile: 'friend' });
      await vi.waitFor(() => expect(eventsOf(dealId).at(-1)?.status.stakeholders).toBe(20), { timeout: 10_000 });
      await settled();
      expect(eventsOf(dealId).length).toBeLessThanOrEqual(2);
      const [stored] = (await listVisibleStatuses(handle.db, seller)).filter((d) => d.dealId === dealId);
      expect(stored?.status).toMatchObject({ id: dealId, title: 'Burst', stakeholders: 20 });
      expect(errors).toEqual([]);
    } finally {
      shared.release();
    }
  });

  it('spaces the recomputations of a deal edited without pause by minIntervalMs', async () => {
    const spaced = new StatusProjection({
      db: handle.db,
      engine,
      bus: createLocalStatusBus(),
      compute: computeStatus,
      debounceMs: 10,
      minIntervalMs: 400,
      onError: (error) => errors.push(error),
      onPublished: (id) => {
        if (id === dealId) published += 1;
      },
    });
    let published = 0;
    const { dealId, shared } = await newDeal('Spaced');
    const started = performance.now();
    try {
      // 30 edits over at least 600 ms: with a 10 ms debounce alone that would be ~30 recomputations.
      for (let i = 0; i < 30; i++) {
        addStakeholder(shared.doc, { name: `Person ${i}`, profile: 'friend' });
        spaced.schedule(dealId, { shared: true });
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      const elapsed = performance.now() - started;
      await spaced.flush();
      // Every recomputation of an edited deal publishes (a changed status, or the edit's updatedAt).
      expect(published).toBeGreaterThanOrEqual(1);
      expect(published).toBeLessThanOrEqual(Math.ceil(elapsed / 400) + 1);
      expect(errors).toEqual([]);
    } finally {
      await spaced.stop();
      shared.release();
    }
  });

  it('projects a join or leave without loading the seller document', async () => {
    const quick = new RoomEngine({ persistence: createPostgresPersistence(handle.db), idleUnloadMs: 50 });
    const own = new StatusProjection({
      db: handle.db,
      engine: quick,
      bus: createLocalStatusBus(),
      compute: computeStatus,
      debounceMs: 10,
      minIntervalMs: 0,
      onError: (error) => errors.push(error),
    });
    const dealId = await insertDeal(handle.db, { organizationId: seller.organizationId!, createdBy: seller.id });
    const shared = await quick.openDoc(dealId);
    try {
      initSharedDoc(shared.doc, { title: 'Presence', buyer: 'Acme' });
      own.schedule(dealId, { shared: true });
      await own.flush();
      // The projection of the edit read the seller document; once released, the engine unloads it.
      await until(() => !quick.isLoaded(`${dealId}/seller`), { what: 'the seller room unloaded' });
      own.onPresence(dealId);
      await own.flush();
      expect(quick.isLoaded(`${dealId}/seller`)).toBe(false);
      const [stored] = (await listVisibleStatuses(handle.db, seller)).filter((d) => d.dealId === dealId);
      expect(stored?.status).toMatchObject({ id: dealId, title: 'Presence', online: 0 });
      expect(errors).toEqual([]);
    } finally {
      shared.release();
      await own.stop();
      await quick.close();
    }
  });

  it('records health history only when the health changes, and keeps seller-only changes out of the shared view', async () => {
    const { dealId, shared } = await newDeal('Blocker');
    const seller = await engine.openDoc(`${dealId}/seller`);
    try {
      const blockerId = addStakeholder(shared.doc, { name: 'Dana', profile: 'blocker', influence: 5, stance: -2 });
      await vi.waitFor(() => expect(eventsOf(dealId).at(-1)?.status.blockersWithoutPlan).toBe(1), { timeout: 10_000 });
      const red = eventsOf(dealId).at(-1)!;
      expect(red.changed).toEqual({ full: true, shared: true });
      expect(red.sharedStatus).not.toHaveProperty('blockersWithoutPlan');

      updateBlockerPlan(seller.doc, blockerId, { action: 'approach-directly' });
      await vi.waitFor(() => expect(eventsOf(dealId).at(-1)?.status.blockersWithoutPlan).toBe(0), { timeout: 10_000 });
      const recovered = eventsOf(dealId).at(-1)!;
      expect(recovered.changed).toEqual({ full: true, shared: false });
      expect(recovered.status.health).toBeGreaterThan(red.status.health);
      expect(recovered.sharedStatus).toEqual(red.sharedStatus);

      // A change that leaves the health as it is adds no history row.
      seller.doc.getText('notes').insert(0, 'call Dana on Monday');
      await vi.waitFor(() => expect(eventsOf(dealId).length).toBeGreaterThan(eventsOf(dealId).indexOf(recovered) + 1), {
        timeout: 10_000,
      });
      await settled();
      const history = await handle.db.select().from(dealHealthHistory).where(eq(dealHealthHistory.dealId, dealId));
      const healths = eventsOf(dealId).map((e) => e.status.health);
      const distinct = healths.filter((h, i) => i === 0 || h !== healths[i - 1]);
      expect(history.map((row) => row.health)).toEqual(distinct);
    } finally {
      seller.release();
      shared.release();
    }
  });

  it('moves the stored and published updatedAt on every edit, also one that changes no status field', async () => {
    const { dealId, shared } = await newDeal('Notes');
    try {
      addStakeholder(shared.doc, { name: 'Ann', profile: 'friend' });
      await vi.waitFor(() => expect(eventsOf(dealId).at(-1)?.status.stakeholders).toBe(1), { timeout: 10_000 });
      await settled();
      const before = eventsOf(dealId).at(-1)!;
      for (const round of [1, 2]) {
        const count = eventsOf(dealId).length;
        shared.doc.getText('scratch').insert(0, `edit ${round}`);
        await vi.waitFor(() => expect(eventsOf(dealId).length).toBeGreaterThan(count), { timeout: 10_000 });
        await settled();
        const after = eventsOf(dealId).at(-1)!;
        expect(after.changed).toEqual({ full: true, shared: true });
        expect({ ...after.status, updatedAt: null }).toEqual({ ...before.status, updatedAt: null });
        expect(Date.parse(after.status.updatedAt!)).toBeGreaterThanOrEqual(Date.parse(before.status.updatedAt!));
        expect(after.sharedStatus.updatedAt).toBe(after.status.updatedAt);
        const [stored] = (await listVisibleStatuses(handle.db, seller)).filter((d) => d.dealId === dealId);
        expect(stored?.status).toEqual(after.status);
      }
      const history = await handle.db.select().from(dealHealthHistory).where(eq(dealHealthHistory.dealId, dealId));
      expect(history.map((row) => row.health)).toEqual([before.status.health]);
      expect(errors).toEqual([]);
    } finally {
      shared.release();
    }
  });

  it('publishes nothing when only presence was signalled and nothing changed', async () => {
    const { dealId, shared } = await newDeal('Quiet');
    try {
      projection.schedule(dealId);
      await vi.waitFor(() => expect(eventsOf(dealId)).toHaveLength(1), { timeout: 10_000 });
      projection.onPresence(dealId);
      await projection.flush();
      expect(eventsOf(dealId)).toHaveLength(1);
    } finally {
      shared.release();
    }
  });

  it('ignores buyer documents, rooms of no deal and names that are not rooms', async () => {
    const before = events.length;
    projection.onChange('not-a-room');
    projection.onChange(`${crypto.randomUUID()}/buyer`);
    projection.onChange(crypto.randomUUID());
    await projection.flush();
    expect(events.length).toBe(before);
    expect(errors).toEqual([]);
  });

  it('leaves nothing scheduled after stop, and schedules nothing after it', async () => {
    const other = new StatusProjection({ db: handle.db, engine, bus, compute: computeStatus, debounceMs: 60_000 });
    const { dealId, shared } = await newDeal('Stopped');
    try {
      other.schedule(dealId, { shared: true });
      expect(other.busy).toBe(1);
      await other.stop({ flush: false });
      expect(other.busy).toBe(0);
      other.schedule(dealId, { shared: true });
      expect(other.busy).toBe(0);
    } finally {
      shared.release();
    }
  });
});
