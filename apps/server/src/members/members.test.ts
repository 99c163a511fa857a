import { dealMembers, testDatabaseKinds, users } from '@quorum/db';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AccessRevocation, createLocalRevocationBus } from '../sync/index.ts';
import { createTestApp, type TestAccount, type TestApp } from '../testing/test-app.ts';

describe.each(testDatabaseKinds())('deal members (%s)', (kind) => {
  let t: TestApp;
  let manager: TestAccount;
  let seller: TestAccount;
  let dealId: string;
  const published: AccessRevocation[] = [];

  async function join(email: string, role: 'mobilizer' | 'seller', name = email.split('@')[0]!) {
    const invite = await t.call('POST', `/api/deals/${dealId}/invites`, {
      cookie: seller.cookie,
      body: { email, role },
    });
    const account = await t.signup({ email, name });
    const token = new URL(invite.body.url).pathname.split('/').pop();
    expect((await t.call('POST', `/api/invites/${token}/accept`, { cookie: account.cookie })).status).toBe(200);
    return account;
  }
  const members = (as: TestAccount) => t.call('GET', `/api/deals/${dealId}/members`, { cookie: as.cookie });
  const remove = (as: TestAccount, who: TestAccount) =>
    t.call('DELETE', `/api/deals/${dealId}/members/${who.id}`, { cookie: as.cookie });
  const isMember = async (who: TestAccount) =>
    (
      await t.db
        .select()
        .from(dealMembers)
        .where(and(eq(dealMembers.dealId, dealId), eq(dealMembers.userId, who.id)))
    ).length === 1;

  beforeAll(async () => {
    const revocations = createLocalRevocationBus();
    revocations.subscribe((revocation) => published.push(revocation));
    t = await createTestApp(kind, { revocations });
    manager = await t.signup({ email: 'mia@acme.test', name: 'Mia Manager', organization: 'Acme' });
    seller = await t.signup({ email: 'sam@acme.test', name: 'Sam Seller' });
    const [m] = await t.db.select().from(users).where(eq(users.id, manager.id));
    await t.db
      .update(users)
      .set({ organizationId: m!.organizationId, orgRole: 'member' })
      .where(eq(users.id, seller.id));
    dealId = (
      await t.call('POST', '/api/deals', { cookie: seller.cookie, body: { title: 'Fleet', buyer: 'Nordwind' } })
    ).body.id;
  });
  afterAll(() => t.close());

  it('lists who is on the deal with their role, for members and the org’s managers; 404 for outsiders', async () => {
    const mara = await join('mara@nordwind.test', 'mobilizer', 'Mara Jensen');
    const expected = [
      { userId: seller.id, name: 'Sam Seller', email: 'sam@acme.test', role: 'seller' },
      { userId: mara.id, name: 'Mara Jensen', email: 'mara@nordwind.test', role: 'mobilizer' },
    ];
    for (const who of [seller, mara, manager]) {
      const res = await members(who);
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ members: expected });
    }
    const outsider = await t.signup({ email: 'out@else.test', organization: 'Else' });
    expect((await members(outsider)).status).toBe(404);
    expect((await t.call('GET', `/api/deals/${dealId}/members`)).status).toBe(401);
  });

  it('lets a Mobilizer remove no one but themselves; leaving closes their sockets to the deal', async () => {
    const jonas = await join('jonas@nordwind.test', 'mobilizer');
    const refused = await remove(jonas, seller);
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('not_a_seller');
    expect(await isMember(seller)).toBe(true);

    published.length = 0;
    expect((await remove(jonas, jonas)).status).toBe(200);
    expect(await isMember(jonas)).toBe(false);
    expect(published).toEqual([{ kind: 'membership', userId: jonas.id, dealId }]);
    expect((await t.call('GET', `/api/deals/${dealId}`, { cookie: jonas.cookie })).status).toBe(404);
  });

  it('lets a seller remove a Mobilizer, who then loses the deal; a manager not on the deal may not', async () => {
    const lena = await join('lena@nordwind.test', 'mobilizer');
    const byManager = await remove(manager, lena);
    expect(byManager.status).toBe(403);
    published.length = 0;
    expect((await remove(seller, lena)).status).toBe(200);
    expect(published).toEqual([{ kind: 'membership', userId: lena.id, dealId }]);
    expect((await members(lena)).status).toBe(404);
    expect((await remove(seller, lena)).status).toBe(404);
  });

  it('refuses to remove the last seller (409), and lets a seller leave once another one is there', async () => {
    const last = await remove(seller, seller);
    expect(last.status).toBe(409);
    expect(last.body.error.code).toBe('last_seller');
    const ines = await join('ines@acme.test', 'seller');
    expect((await remove(ines, seller)).status).toBe(200);
    expect(await isMember(seller)).toBe(false);
    expect((await remove(ines, ines)).status).toBe(409);
  });
});
