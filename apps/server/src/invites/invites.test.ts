import { hashToken } from '@quorum/auth';
import { invites, users } from '@quorum/db';
import { testDatabaseKinds } from '@quorum/db/testing';
import { CloseCode } from '@quorum/sync';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRoomGuard } from '../sync/index.ts';
import { createTestApp, TEST_ORIGIN, type TestAccount, type TestApp } from '../testing/test-app.ts';

describe.each(testDatabaseKinds())('invites API on %s', (kind) => {
  let t: TestApp;
  let seller: TestAccount;
  let manager: TestAccount;
  let dealId: string;
  let n = 0;

  beforeAll(async () => {
    t = await createTestApp(kind);
    manager = await t.signup({ email: 'mia@acme.example', name: 'Mia', organization: 'Acme' });
    seller = await t.signup({ email: 'sam@acme.example', name: 'Sam Seller' });
    const [m] = await t.db.select().from(users).where(eq(users.id, manager.id));
    await t.db
      .update(users)
      .set({ organizationId: m!.organizationId, orgRole: 'member' })
      .where(eq(users.id, seller.id));
    const deal = await t.call('POST', '/api/deals', {
      cookie: seller.cookie,
      body: { title: 'Laptop refresh', buyer: 'Northwind' },
    });
    dealId = deal.body.id;
  });
  afterAll(() => t.close());

  async function invite(
    role: 'mobilizer' | 'seller',
    { as = seller, email = `guest${++n}@example.com` }: { as?: TestAccount; email?: string } = {},
  ) {
    const res = await t.call('POST', `/api/deals/${dealId}/invites`, {
      cookie: as.cookie,
      body: { email, role },
    });
    return { res, token: res.status === 201 ? (res.body.url as string).split('/').pop()! : '' };
  }

  const accept = (token: string, who: TestAccount | null) =>
    t.call('POST', `/api/invites/${token}/accept`, { cookie: who?.cookie ?? null });
  const roleOn = async (who: TestAccount) =>
    (await t.call('GET', `/api/deals/${dealId}`, { cookie: who.cookie })).body.role as string | undefined;

  it('gives a seller a single-use link on the app origin, valid for 7 days, stored hashed', async () => {
    const before = Date.now();
    const { res, token } = await invite('mobilizer');
    expect(res.status).toBe(201);
    expect(res.body.url).toBe(`${TEST_ORIGIN}/invite/${token}`);
    expect(token.length).toBeGreaterThanOrEqual(22); // ≥ 128 bits in base64url
    const expires = new Date(res.body.expiresAt).getTime();
    expect(expires - before).toBeGreaterThan(7 * 24 * 3600 * 1000 - 60_000);
    expect(expires - before).toBeLessThanOrEqual(7 * 24 * 3600 * 1000 + 60_000);
    const [row] = await t.db
      .select()
      .from(invites)
      .where(eq(invites.tokenHash, hashToken(token)));
    expect(row).toBeDefined();
    const all = await t.db.select().from(invites);
    expect(JSON.stringify(all)).not.toContain(token);
  });

  it('lets only sellers on the deal invite: manager 403, outsiders 404, anonymous 401', async () => {
    const asManager = await invite('mobilizer', { as: manager });
    expect(asManager.res.status).toBe(403);
    const outsider = await t.signup({ email: 'out@else.example', organization: 'Else' });
    expect((await invite('mobilizer', { as: outsider })).res.status).toBe(404);
    const anonymous = await t.call('POST', `/api/deals/${dealId}/invites`, {
      body: { email: 'x@example.com', role: 'mobilizer' },
    });
    expect(anonymous.status).toBe(401);
  });

  it('names the bad field of an invite', async () => {
    const badRole = await t.call('POST', `/api/deals/${dealId}/invites`, {
      cookie: seller.cookie,
      body: { email: 'x@example.com', role: 'manager' },
    });
    expect(badRole.status).toBe(400);
    expect(badRole.body.error.field).toBe('role');
    const badEmail = await t.call('POST', `/api/deals/${dealId}/invites`, {
      cookie: seller.cookie,
      body: { email: 'nope', role: 'seller' },
    });
    expect(badEmail.body.error.field).toBe('email');
  });

  it('refuses a NUL in an invite email with 400 naming the field (never a 500)', async () => {
    const res = await t.call('POST', `/api/deals/${dealId}/invites`, {
      cookie: seller.cookie,
      body: { email: 'bea\u0000@northwind.example', role: 'mobilizer' },
    });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'invalid_input', field: 'email' });
  });

  it('answers 404 for a malformed deal id or invite token', async () => {
    const res = await t.call('POST', `/api/deals/${'-'.repeat(36)}/invites`, {
      cookie: seller.cookie,
      body: { email: 'bea@northwind.example', role: 'mobilizer' },
    });
    expect(res.status).toBe(404);
    const bad = await t.call('POST', `/api/invites/${'%00'.repeat(20)}/accept`, { cookie: seller.cookie });
    expect(bad.status).toBe(404);
    expect(bad.body.error.message).toBe('This invite link is not valid. Check that you copied all of it.');
  });

  it('previews an invite publicly with only title, inviter, role and the masked address it is for', async () => {
    const { token } = await invite('mobilizer', { email: 'beatrice@northwind.example' });
    const res = await t.call('GET', `/api/invites/${token}`);
    expect(res.status).toBe(200);
    expect(Object.keys(res.body).sort()).toEqual([
      'dealTitle',
      'email',
      'expired',
      'expiresAt',
      'inviterName',
      'role',
      'used',
    ]);
    expect(res.body).toMatchObject({
      dealTitle: 'Laptop refresh',
      inviterName: 'Sam Seller',
      role: 'mobilizer',
      email: 'b***@northwind.example',
      expired: false,
      used: false,
    });
    expect((await t.call('GET', '/api/invites/AAAAAAAAAAAAAAAAAAAAAAAAAAA')).status).toBe(404);
    expect((await t.call('GET', '/api/invites/x')).status).toBe(404);
  });

  it('a mobilizer invite works once: the buyer joins, a second account is refused', async () => {
    const { token } = await invite('mobilizer', { email: 'bea@northwind.example' });
    const buyer = await t.signup({ email: 'bea@northwind.example' });
    expect((await accept(token, null)).status).toBe(401);
    const ok = await accept(token, buyer);
    expect(ok.status).toBe(200);
    expect(ok.body).toEqual({ dealId, role: 'mobilizer' });
    expect(await roleOn(buyer)).toBe('mobilizer');
    const other = await t.signup({ email: 'bob@northwind.example' });
    const again = await accept(token, other);
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('invite_used');
    expect((await t.call('GET', `/api/deals/${dealId}`, { cookie: other.cookie })).status).toBe(404);
    expect((await t.call('GET', `/api/invites/${token}`)).body.used).toBe(true);
  });

  it('an expired invite is refused and does not join', async () => {
    const { token } = await invite('mobilizer', { email: 'late@northwind.example' });
    await t.db
      .update(invites)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(invites.tokenHash, hashToken(token)));
    expect((await t.call('GET', `/api/invites/${token}`)).body.expired).toBe(true);
    const late = await t.signup({ email: 'late@northwind.example' });
    const res = await accept(token, late);
    expect(res.status).toBe(410);
    expect(res.body.error.code).toBe('invite_expired');
    expect((await t.call('GET', `/api/deals/${dealId}`, { cookie: late.cookie })).status).toBe(404);
  });

  it('a seller invite makes an account without organization a member of the deal organization', async () => {
    const { token } = await invite('seller', { email: 'nina@example.com' });
    const newcomer = await t.signup({ email: 'nina@example.com' });
    const res = await accept(token, newcomer);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ dealId, role: 'seller' });
    const me = await t.call('GET', '/api/me', { cookie: newcomer.cookie });
    expect(me.body.organization.name).toBe('Acme');
    expect(me.body.orgRole).toBe('member');
    expect(await roleOn(newcomer)).toBe('seller');
  });

  it('a seller invite cannot cross organizations (403), and stays usable', async () => {
    const { token } = await invite('seller', { email: 'rita@rival.example' });
    const rival = await t.signup({ email: 'rita@rival.example', organization: 'Rival' });
    const res = await accept(token, rival);
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('other_organization');
    expect((await t.call('GET', `/api/deals/${dealId}`, { cookie: rival.cookie })).status).toBe(404);
    const me = await t.call('GET', '/api/me', { cookie: rival.cookie });
    expect(me.body.organization.name).toBe('Rival');
    expect((await t.call('GET', `/api/invites/${token}`)).body.used).toBe(false);
  });

  it('a mobilizer invite cannot be accepted from the selling organization (it would expose the buyer room)', async () => {
    const { token } = await invite('mobilizer', { email: manager.email });
    const res = await accept(token, manager);
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('seller_side_account');
    expect(await roleOn(manager)).toBe('manager');
  });

  it('someone already on the deal does not use up an invite', async () => {
    const { token } = await invite('mobilizer', { email: seller.email });
    const res = await accept(token, seller);
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('already_member');
    expect((await t.call('GET', `/api/invites/${token}`)).body.used).toBe(false);
  });

  it('two sessions racing for one invite: exactly one joins', async () => {
    const { token } = await invite('mobilizer', { email: 'race@northwind.example' });
    const a = await t.signup({ email: 'race@northwind.example' });
    const login = await t.call('POST', '/api/auth/login', {
      body: { email: 'race@northwind.example', password: 'a long enough password' },
    });
    const b = { ...a, cookie: login.cookie! };
    const results = await Promise.all([accept(token, a), accept(token, b)]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
  });

  it('an invite is bound to its email: another account gets 403 and never reaches the buyer room', async () => {
    const { token } = await invite('mobilizer', { email: 'anyone@x.example' });
    const stranger = await t.signup({ email: 'stranger@elsewhere.example' });
    const res = await accept(token, stranger);
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('invite_email_mismatch');
    expect(res.body.error.message).toBe(
      'This invite was sent to a***@x.example; sign in with that address to accept it.',
    );
    expect((await t.call('GET', `/api/deals/${dealId}`, { cookie: stranger.cookie })).status).toBe(404);
    const guard = createRoomGuard({ db: t.db, auth: t.auth, origins: [TEST_ORIGIN] });
    const sessionToken = t.auth.readSessionToken(stranger.cookie);
    await expect(
      guard({ room: `${dealId}/buyer`, context: { sessionToken, origin: TEST_ORIGIN } }),
    ).rejects.toMatchObject({ code: CloseCode.forbidden });
    expect((await t.call('GET', `/api/invites/${token}`)).body.used).toBe(false);
  });

  it('the invited address accepts in any case', async () => {
    const { token } = await invite('mobilizer', { email: 'Carla.Mobilizer@Northwind.example' });
    const carla = await t.signup({ email: 'CARLA.mobilizer@northwind.EXAMPLE' });
    const res = await accept(token, carla);
    expect(res.status).toBe(200);
    expect(await roleOn(carla)).toBe('mobilizer');
  });
});
