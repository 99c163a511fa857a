import { deals, testDatabaseKinds, users } from '@quorum/db';
import { readQualification } from '@quorum/deal-model';
import { createPostgresPersistence, RoomEngine } from '@quorum/sync';
import { eq, inArray } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SyncContext } from '../sync/index.ts';
import { createTestApp, type TestAccount, type TestApp } from '../testing/test-app.ts';

describe.each(testDatabaseKinds())('the seller’s method on the server (%s)', (kind) => {
  let t: TestApp;
  let engine: RoomEngine<SyncContext>;
  let manager: TestAccount;
  let seller: TestAccount;
  let mobilizer: TestAccount;
  let dealId: string;

  async function joinOrg(account: TestAccount, of: TestAccount): Promise<TestAccount> {
    const [m] = await t.db.select().from(users).where(eq(users.id, of.id));
    await t.db
      .update(users)
      .set({ organizationId: m!.organizationId, orgRole: 'member' })
      .where(eq(users.id, account.id));
    return account;
  }

  async function sampleDeal(as: TestAccount = seller): Promise<string> {
    const res = await t.call('POST', '/api/deals/sample', { cookie: as.cookie });
    expect(res.status).toBe(201);
    return res.body.id;
  }

  async function storedDecision(id: string) {
    const opened = await engine.openDoc(`${id}/seller`);
    try {
      await opened.whenStored();
      return readQualification(opened.doc).decision;
    } finally {
      opened.release();
    }
  }

  const decide = (as: TestAccount, body: unknown, id = dealId) =>
    t.call('PUT', `/api/deals/${id}/decision`, { cookie: as.cookie, body });

  beforeEach(async () => {
    t = await createTestApp(kind, (db) => {
      engine = new RoomEngine<SyncContext>({ persistence: createPostgresPersistence(db) });
      return { engine };
    });
    manager = await t.signup({ email: 'mia@acme.test', name: 'Mia Manager', organization: 'Acme Devices' });
    seller = await joinOrg(await t.signup({ email: 'sam@acme.test', name: 'Sam Seller' }), manager);
    dealId = await sampleDeal();
    const invite = await t.call('POST', `/api/deals/${dealId}/invites`, {
      cookie: seller.cookie,
      body: { email: 'mara@nordwind.test', role: 'mobilizer' },
    });
    mobilizer = await t.signup({ email: 'mara@nordwind.test', name: 'Mara Jensen' });
    const token = new URL(invite.body.url).pathname.split('/').pop();
    expect((await t.call('POST', `/api/invites/${token}/accept`, { cookie: mobilizer.cookie })).status).toBe(200);
  });

  afterEach(async () => {
    await engine.close();
    await t.close();
  });

  describe('PUT /api/deals/:id/decision', () => {
    it('lets a manager record a no-go with its reason in the seller document', async () => {
      const res = await decide(manager, { value: 'no-go', reason: 'No budget until next fiscal year.' });
      expect(res.status).toBe(200);
      expect(res.body.decision).toMatchObject({
        value: 'no-go',
        reason: 'No budget until next fiscal year.',
        by: 'Mia Manager',
      });
      expect(await storedDecision(dealId)).toMatchObject({
        value: 'no-go',
        reason: 'No budget until next fiscal year.',
      });
    });

    it('refuses a seller with 403 and leaves the decision as it was', async () => {
      const before = await storedDecision(dealId);
      const res = await decide(seller, { value: 'no-go', reason: 'I decide myself' });
      expect(res.status).toBe(403);
      expect(res.body.error.code).toBe('managers_only');
      expect(await storedDecision(dealId)).toEqual(before);
    });

    it('answers a Mobilizer 404, as for a deal that does not exist', async () => {
      const res = await decide(mobilizer, { value: 'go', reason: 'Let us buy' });
      expect(res.status).toBe(404);
      const missing = await decide(manager, { value: 'go', reason: 'x' }, '00000000-0000-4000-8000-000000000000');
      expect(missing.status).toBe(404);
    });

    it('validates the decision and requires a reason', async () => {
      expect((await decide(manager, { value: 'maybe', reason: 'Hm' })).status).toBe(400);
      const blank = await decide(manager, { value: 'go', reason: '  ' });
      expect(blank.status).toBe(400);
      expect(blank.body.error.field).toBe('reason');
    });
  });

  describe('GET /api/organization/learning', () => {
    it('says there are too few closed deals instead of guessing', async () => {
      const res = await t.call('GET', '/api/organization/learning', { cookie: seller.cookie });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ enough: false, deals: 0, winRateBySize: [], typicalGroup: [] });
      expect(res.body.message).toMatch(/closed deal/i);
    });

    it('is never answered to a buyer account (a Mobilizer)', async () => {
      expect((await t.call('GET', '/api/organization/learning', { cookie: mobilizer.cookie })).status).toBe(404);
    });

    it('learns from won, lost and no-decision deals of the organization only', async () => {
      const ids = [dealId, ...(await Promise.all([1, 2, 3, 4].map(() => sampleDeal())))];
      const states = ['won', 'won', 'won', 'lost', 'no-decision'];
      for (const [index, id] of ids.entries()) {
        await t.db.update(deals).set({ state: states[index]!, stateChangedAt: new Date() }).where(eq(deals.id, id));
      }
      // An open deal and another organization's won deal do not count.
      await sampleDeal();
      const rival = await t.signup({ email: 'rita@rival.test', organization: 'Rival' });
      const rivalDeal = await sampleDeal(rival);
      await t.db
        .update(deals)
        .set({ state: 'won' })
        .where(inArray(deals.id, [rivalDeal]));

      const res = await t.call('GET', '/api/organization/learning', { cookie: manager.cookie });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ enough: true, deals: 5, won: 3, winRate: 0.6 });
      expect(res.body.outcomes).toEqual({ won: 3, lost: 1, noDecision: 1 });
      expect(res.body.message).toBeUndefined();
      const [bucket] = res.body.winRateBySize;
      expect(bucket).toMatchObject({ deals: 5, won: 3, rate: 0.6 });
      expect(bucket.research).toBeGreaterThan(0.3);
      expect(bucket.research).toBeLessThan(0.81);
      expect(res.body.typicalGroup.map((m: { title: string }) => m.title)).toContain('Chief Financial Officer');
      expect(JSON.stringify(res.body)).not.toContain('Anna Kowalski');

      // A new deal with nobody mapped: the typical group is suggested; the sample's own map lacks nobody.
      const fresh = await t.call('POST', '/api/deals', {
        cookie: seller.cookie,
        body: { title: 'Tablets', buyer: 'Nordwind' },
      });
      const suggested = await t.call('GET', `/api/deals/${fresh.body.id}/suggested-group`, { cookie: seller.cookie });
      expect(suggested.status).toBe(200);
      expect(suggested.body.enough).toBe(true);
      expect(suggested.body.members.map((m: { title: string }) => m.title)).toContain('Chief Financial Officer');
      const covered = await t.call('GET', `/api/deals/${ids[0]}/suggested-group`, { cookie: seller.cookie });
      expect(covered.body.members).toEqual([]);
    });
  });

  describe('GET /api/deals/:id/suggested-group', () => {
    it('is empty with a message before there is history, and hidden from a Mobilizer', async () => {
      const res = await t.call('GET', `/api/deals/${dealId}/suggested-group`, { cookie: seller.cookie });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ enough: false, members: [] });
      expect(res.body.message).toBeTruthy();
      expect((await t.call('GET', `/api/deals/${dealId}/suggested-group`, { cookie: mobilizer.cookie })).status).toBe(
        404,
      );
    });
  });
});
