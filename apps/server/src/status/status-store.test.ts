import { type DbHandle, dealHealthHistory } from '@quorum/db';
import { createTestDb, testDatabaseKinds } from '@quorum/db/testing';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listVisibleStatuses, loadHealthHistory, saveStatus } from './status-store.ts';
import type { StatusViewer } from './status-types.ts';
import { addMember, insertDeal, insertOrganization, insertUser } from './test-fixtures.ts';
import { loadAudience, statusViewFor } from './visibility.ts';

describe.each(testDatabaseKinds())('status store on %s', (kind) => {
  let handle: DbHandle;
  let manager: StatusViewer;
  let seller: StatusViewer;
  let colleague: StatusViewer;
  let mobilizer: StatusViewer;
  let outsider: StatusViewer;
  let dealId: string;
  let otherDealId: string;

  beforeAll(async () => {
    handle = await createTestDb(kind);
    const { db } = handle;
    const org = await insertOrganization(db);
    const otherOrg = await insertOrganization(db, 'Other');
    manager = await insertUser(db, { organizationId: org, orgRole: 'manager' });
    seller = await insertUser(db, { organizationId: org, orgRole: 'member' });
    colleague = await insertUser(db, { organizationId: org, orgRole: 'member' });
    mobilizer = await insertUser(db);
    outsider = await insertUser(db, { organizationId: otherOrg, orgRole: 'manager' });
    dealId = await insertDeal(db, { organizationId: org, createdBy: seller.id });
    await addMember(db, dealId, mobilizer.id, 'mobilizer');
    otherDealId = await insertDeal(db, { organizationId: org, createdBy: colleague.id, title: 'Servers' });
  }, 60_000);
  afterAll(() => handle.close());

  it('gives the full view to sellers and managers, the shared view to Mobilizers, nothing to others', async () => {
    const audience = (await loadAudience(handle.db, dealId))!;
    expect(statusViewFor(seller, audience)).toBe('full');
    expect(statusViewFor(manager, audience)).toBe('full');
    expect(statusViewFor(mobilizer, audience)).toBe('shared');
    expect(statusViewFor(colleague, audience)).toBeNull();
    expect(statusViewFor(outsider, audience)).toBeNull();
  });

  it('lists the stored status of each visible deal in the viewer`s view', async () => {
    await saveStatus(handle.db, {
      dealId,
      status: { id: dealId, health: 40, blockersWithoutPlan: 1 },
      sharedStatus: { id: dealId, health: 55 },
    });
    const forManager = await listVisibleStatuses(handle.db, manager);
    expect(forManager.map((d) => d.dealId).sort()).toEqual([dealId, otherDealId].sort());
    expect(forManager.find((d) => d.dealId === dealId)?.status).toEqual({
      id: dealId,
      health: 40,
      blockersWithoutPlan: 1,
    });
    expect(forManager.find((d) => d.dealId === otherDealId)?.status).toBeNull();

    const forMobilizer = await listVisibleStatuses(handle.db, mobilizer);
    expect(forMobilizer).toEqual([
      {
        dealId,
        organizationId: expect.any(String),
        view: 'shared',
        status: { id: dealId, health: 55 },
        state: 'open',
      },
    ]);
    expect((await listVisibleStatuses(handle.db, colleague)).map((d) => d.dealId)).toEqual([otherDealId]);
    expect(await listVisibleStatuses(handle.db, outsider)).toEqual([]);
  });

  it('appends to the health history only when the health changes', async () => {
    const save = (health: number) =>
      saveStatus(handle.db, {
        dealId: otherDealId,
        status: { id: otherDealId, health },
        sharedStatus: { id: otherDealId, health },
      });
    expect(await save(70)).toBe(true);
    expect(await save(70)).toBe(false);
    expect(await save(35)).toBe(true);
    const rows = await handle.db.select().from(dealHealthHistory).where(eq(dealHealthHistory.dealId, otherDealId));
    expect(rows.map((r) => r.health)).toEqual([70, 35]);

    const history = await loadHealthHistory(handle.db, manager);
    expect(history[otherDealId]?.map((p) => p.health)).toEqual([70, 35]);
    expect((await loadHealthHistory(handle.db, manager, { limit: 1 }))[otherDealId]?.map((p) => p.health)).toEqual([
      35,
    ]);
  });

  it('gives no health history to a Mobilizer or an outsider', async () => {
    expect(await loadHealthHistory(handle.db, mobilizer)).toEqual({});
    expect(await loadHealthHistory(handle.db, outsider, { dealIds: [dealId] })).toEqual({});
  });
});
