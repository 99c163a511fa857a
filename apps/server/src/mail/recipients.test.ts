import type { DbHandle } from '@quorum/db';
import { createTestDb } from '@quorum/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember, insertDeal, insertOrganization, insertUser } from '../status/test-fixtures.ts';
import { dealRecipients } from './recipients.ts';

describe('dealRecipients (PGlite)', () => {
  let handle: DbHandle;
  beforeAll(async () => {
    handle = await createTestDb('pglite');
  });
  afterAll(async () => {
    await handle.close();
  });

  it('counts a seller membership only inside the deal’s organization, as access does; Mobilizers from anywhere', async () => {
    const db = handle.db;
    const org = await insertOrganization(db, 'Seller Co');
    const elsewhere = await insertOrganization(db, 'Other Co');
    const seller = await insertUser(db, { organizationId: org, orgRole: 'member' });
    const manager = await insertUser(db, { organizationId: org, orgRole: 'manager' });
    const formerSeller = await insertUser(db, { organizationId: elsewhere, orgRole: 'member' });
    const mobilizer = await insertUser(db);
    const dealId = await insertDeal(db, { organizationId: org, createdBy: seller.id });
    await addMember(db, dealId, formerSeller.id, 'seller');
    await addMember(db, dealId, mobilizer.id, 'mobilizer');

    const found = await dealRecipients(db, dealId, ['seller', 'mobilizer', 'manager']);
    const ids = found?.recipients.map((r) => r.userId).sort();
    expect(ids).toEqual([seller.id, manager.id, mobilizer.id].sort());
    expect((await dealRecipients(db, dealId, ['seller']))?.recipients.map((r) => r.userId)).toEqual([seller.id]);
  });
});
