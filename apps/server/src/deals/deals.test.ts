import { dealMembers, dealStatus, docUpdates, users } from '@quorum/db';
import { testDatabaseKinds } from '@quorum/db/testing';
import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createTestApp, type TestAccount, type TestApp } from '../testing/test-app.ts';

describe.each(testDatabaseKinds())('deals API on %s', (kind) => {
  let t: TestApp;
  let manager: TestAccount;
  let seller: TestAccount;
  let colleague: TestAccount;
  let rival: TestAccount;
  let buyer: TestAccount;
  let dealId: string;

  beforeAll(async () => {
    t = await createTestApp(kind);
    manager = await t.signup({ email: 'mia@acme.example', organization: 'Acme' });
    seller = await joinOrg(await t.signup({ email: 'sam@acme.example' }), manager);
    colleague = await joinOrg(await t.signup({ email: 'cole@acme.example' }), manager);
    rival = await t.signup({ email: 'rita@rival.example', organization: 'Rival' });
    buyer = await t.signup({ email: 'bea@northwind.example' });
    const res = await t.call('POST', '/api/deals', {
      cookie: seller.cookie,
      body: { title: 'Laptop refresh', buyer: 'Northwind' },
    });
    expect(res.status).toBe(201);
    dealId = res.body.id;
  });
  afterAll(() => t.close());

  async function joinOrg(account: TestAccount, of: TestAccount): Promise<TestAccount> {
    const [m] = await t.db.select().from(users).where(eq(users.id, of.id));
    await t.db
      .update(users)
      .set({ organizationId: m!.organizationId, orgRole: 'member' })
      .where(eq(users.id, account.id));
    return account;
  }

  it('creates a deal with its creator as seller and the three documents initialised', async () => {
    const res = await t.call('GET', `/api/deals/${dealId}`, { cookie: seller.cookie });
    expect(res.status).toBe(200);
    expect(res.body.deal).toMatchObject({ id: dealId, title: 'Laptop refresh', buyer: 'Northwind' });
    expect(res.body.role).toBe('seller');
    expect(res.body.rooms).toEqual([
      { name: dealId, kind: 'shared', access: 'write' },
      { name: `${dealId}/seller`, kind: 'seller', access: 'write' },
    ]);
    expect(res.body.status).toBeNull();

    const rows = await t.db.select().from(docUpdates).orderBy(asc(docUpdates.id));
    expect(rows.map((r) => r.room).filter((r) => r.startsWith(dealId))).toEqual([
      dealId,
      `${dealId}/seller`,
      `${dealId}/buyer`,
    ]);
    const shared = new Y.Doc();
    Y.applyUpdate(shared, rows.find((r) => r.room === dealId)!.update);
    const meta = shared.getMap('meta');
    expect(meta.get('title')).toBe('Laptop refresh');
    expect(meta.get('buyer')).toBe('Northwind');
    expect(meta.get('seller')).toBe('Acme');
    expect(meta.get('schemaVersion')).toBe(1);
    expect([...shared.getMap('plan').keys()].sort()).toEqual(
      ['define-criteria', 'evaluate-options', 'learn', 'understand-need', 'validate-select'].sort(),
    );
    const options = [...shared.getMap<Y.Map<unknown>>('options').values()];
    expect(options.filter((o) => o.get('isStatusQuo') === true)).toHaveLength(1);
  });

  it('answers 201 with the deal for its creator', async () => {
    const res = await t.call('POST', '/api/deals', {
      cookie: manager.cookie,
      body: { title: 'Mgr deal', buyer: 'Initech' },
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ title: 'Mgr deal', buyer: 'Initech', role: 'seller' });
    expect(res.body.id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('refuses deal creation to accounts without an organization, and to anonymous callers', async () => {
    const res = await t.call('POST', '/api/deals', { cookie: buyer.cookie, body: { title: 'x', buyer: 'y' } });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('no_organization');
    expect((await t.call('POST', '/api/deals', { body: { title: 'x', buyer: 'y' } })).status).toBe(401);
  });

  it('names the bad field when a deal is created with bad input', async () => {
    const noTitle = await t.call('POST', '/api/deals', { cookie: seller.cookie, body: { title: ' ', buyer: 'y' } });
    expect(noTitle.status).toBe(400);
    expect(noTitle.body.error.field).toBe('title');
    const badBuyer = await t.call('POST', '/api/deals', { cookie: seller.cookie, body: { title: 'x', buyer: 42 } });
    expect(badBuyer.body.error.field).toBe('buyer');
  });

  it('refuses control characters in a deal title or buyer (400 naming the field, never a 500)', async () => {
    for (const [body, field] of [
      [{ title: 'Laptop\u0000refresh', buyer: 'Northwind' }, 'title'],
      [{ title: 'Laptop refresh', buyer: 'North\u0007wind' }, 'buyer'],
      [{ title: 'Laptop\nrefresh', buyer: 'Northwind' }, 'title'],
    ] as const) {
      const res = await t.call('POST', '/api/deals', { cookie: seller.cookie, body });
      expect(res.status).toBe(400);
      expect(res.body.error).toEqual({
        code: 'invalid_input',
        field,
        message: `${field === 'title' ? 'Title' : 'Buyer company'} cannot contain control characters.`,
      });
    }
  });

  it('answers 404 for a deal id that is not a UUID, like for any deal the caller may not see', async () => {
    for (const id of ['-'.repeat(36), 'not-a-deal', '00000000-0000-0000-0000-00000000000G']) {
      const res = await t.call('GET', `/api/deals/${id}`, { cookie: seller.cookie });
      expect(res.status).toBe(404);
      expect(res.body.error.message).toBe('There is no deal room here, or you do not have access to it.');
    }
  });

  it('lists exactly the deals each person may see, with their role', async () => {
    const list = async (who: TestAccount) => {
      const res = await t.call('GET', '/api/deals', { cookie: who.cookie });
      expect(res.status).toBe(200);
      return (res.body.deals as { id: string; role: string }[]).map((d) => [d.id, d.role]);
    };
    expect(await list(seller)).toEqual([[dealId, 'seller']]);
    expect((await list(manager)).find(([id]) => id === dealId)).toEqual([dealId, 'manager']);
    expect(await list(colleague)).toEqual([]);
    expect(await list(rival)).toEqual([]);
    expect(await list(buyer)).toEqual([]);
    expect((await t.call('GET', '/api/deals')).status).toBe(401);
  });

  it('shows a manager the deal read-only, and 404s alike for others and for nonexistent deals', async () => {
    const asManager = await t.call('GET', `/api/deals/${dealId}`, { cookie: manager.cookie });
    expect(asManager.body.role).toBe('manager');
    expect(asManager.body.rooms).toEqual([
      { name: dealId, kind: 'shared', access: 'read' },
      { name: `${dealId}/seller`, kind: 'seller', access: 'read' },
    ]);
    const nonexistent = await t.call('GET', '/api/deals/00000000-0000-4000-8000-000000000000', {
      cookie: rival.cookie,
    });
    expect(nonexistent.status).toBe(404);
    for (const who of [colleague, rival, buyer]) {
      const res = await t.call('GET', `/api/deals/${dealId}`, { cookie: who.cookie });
      expect(res.status).toBe(404);
      expect(res.body).toEqual(nonexistent.body);
    }
    expect((await t.call('GET', '/api/deals/not-a-uuid', { cookie: seller.cookie })).status).toBe(404);
    expect((await t.call('GET', `/api/deals/${dealId}`)).status).toBe(401);
  });

  it('shows the stored status: the full view to the seller side, the shared view to the mobilizer', async () => {
    await t.db.insert(dealMembers).values({ dealId, userId: buyer.id, role: 'mobilizer' });
    await t.db.insert(dealStatus).values({
      dealId,
      status: { view: 'full', health: 40 },
      sharedStatus: { view: 'shared' },
      health: 40,
    });
    const asSeller = await t.call('GET', `/api/deals/${dealId}`, { cookie: seller.cookie });
    expect(asSeller.body.status).toEqual({ view: 'full', health: 40 });
    const asBuyer = await t.call('GET', `/api/deals/${dealId}`, { cookie: buyer.cookie });
    expect(asBuyer.body.role).toBe('mobilizer');
    expect(asBuyer.body.status).toEqual({ view: 'shared' });
    expect(asBuyer.body.rooms).toEqual([
      { name: dealId, kind: 'shared', access: 'write' },
      { name: `${dealId}/buyer`, kind: 'buyer', access: 'write' },
    ]);
    const list = await t.call('GET', '/api/deals', { cookie: buyer.cookie });
    expect(list.body.deals).toEqual([
      expect.objectContaining({ id: dealId, role: 'mobilizer', status: { view: 'shared' } }),
    ]);
  });

  it('creates a sample deal room in one call', async () => {
    const res = await t.call('POST', '/api/deals/sample', { cookie: colleague.cookie });
    expect(res.status).toBe(201);
    expect(res.body.role).toBe('seller');
    const rows = await t.db.select().from(docUpdates).where(eq(docUpdates.room, res.body.id));
    const shared = new Y.Doc();
    for (const r of rows) Y.applyUpdate(shared, r.update);
    expect(shared.getMap('meta').get('title')).toBe(res.body.title);
    expect(shared.getMap('stakeholders').size).toBeGreaterThan(0);
  });
});
