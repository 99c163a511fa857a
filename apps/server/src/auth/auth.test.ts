import { testDatabaseKinds } from '@quorum/db/testing';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestApp, type TestApp } from '../testing/test-app.ts';

describe.each(testDatabaseKinds())('accounts API on %s', (kind) => {
  let t: TestApp;
  /** Moves the limiters' clock (Date only: timers and the database run in real time). */
  const advance = (ms: number) => vi.setSystemTime(Date.now() + ms);
  beforeAll(async () => {
    vi.useFakeTimers({ toFake: ['Date'], shouldAdvanceTime: true });
    t = await createTestApp(kind, {
      rateLimits: {
        loginPerAccount: { limit: 5, windowMs: 60_000 },
        loginPerIp: { limit: 30, windowMs: 60_000 },
        signupPerIp: { limit: 40, windowMs: 60_000 },
      },
    });
  });
  afterAll(async () => {
    vi.useRealTimers();
    await t.close();
  });

  it('signs up with an organization: the first user is its manager, logged in by cookie', async () => {
    const res = await t.call('POST', '/api/auth/signup', {
      body: { email: ' Ana@Example.com ', password: 'correct horse battery', name: 'Ana', organization: 'Acme' },
    });
    expect(res.status).toBe(201);
    expect(res.body.user).toMatchObject({ email: 'ana@example.com', name: 'Ana' });
    expect(res.body.organization).toMatchObject({ name: 'Acme' });
    expect(res.body.orgRole).toBe('manager');
    expect(res.body.user.passwordHash).toBeUndefined();
    const setCookie = res.headers.get('set-cookie')!;
    expect(setCookie).toMatch(/^quorum_session=[A-Za-z0-9_-]{20,};/);
    expect(setCookie).toContain('HttpOnly');
    expect(setCookie).toContain('SameSite=Lax');

    const me = await t.call('GET', '/api/me', { cookie: res.cookie });
    expect(me.status).toBe(200);
    expect(me.body).toEqual(res.body);
  });

  it('signs up without an organization (a buyer account)', async () => {
    const res = await t.call('POST', '/api/auth/signup', {
      body: { email: 'bob@buyer.example', password: 'correct horse battery', name: 'Bob' },
    });
    expect(res.status).toBe(201);
    expect(res.body.organization).toBeNull();
    expect(res.body.orgRole).toBeNull();
  });

  it('refuses a second account for the same email, whatever its case (409 naming email)', async () => {
    await t.signup({ email: 'dup@example.com' });
    const res = await t.call('POST', '/api/auth/signup', {
      body: { email: 'DUP@example.com', password: 'another long password', name: 'Dup' },
    });
    expect(res.status).toBe(409);
    expect(res.body.error).toMatchObject({ code: 'email_taken', field: 'email' });
  });

  it.each([
    [{ email: 'not-an-email', password: 'long enough pw', name: 'X' }, 'email'],
    [{ password: 'long enough pw', name: 'X' }, 'email'],
    [{ email: 'x@example.com', password: 'short', name: 'X' }, 'password'],
    [{ email: 'x@example.com', password: 12345678901, name: 'X' }, 'password'],
    [{ email: 'x@example.com', password: 'long enough pw', name: '  ' }, 'name'],
    [{ email: 'x@example.com', password: 'long enough pw', name: 'X', organization: 'o'.repeat(101) }, 'organization'],
  ])('rejects bad signup input %j with 400 naming %s', async (body, field) => {
    const res = await t.call('POST', '/api/auth/signup', { body });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('invalid_input');
    expect(res.body.error.field).toBe(field);
    expect(res.body.error.message).toMatch(/\w/);
  });

  it.each([
    [{ email: 'x@example.com', password: 'long enough pw', name: 'Ana\u0000' }, 'name'],
    [{ email: 'x@example.com', password: 'long enough pw', name: 'Ana', organization: 'Acme\u0000' }, 'organization'],
    [{ email: 'x\u0000@example.com', password: 'long enough pw', name: 'Ana' }, 'email'],
    [{ email: 'x@example.com', password: 'long enough pw', name: 'Ana\u001bBold' }, 'name'],
  ])('refuses control characters in signup %j with 400 naming %s (never a 500)', async (body, field) => {
    const res = await t.call('POST', '/api/auth/signup', { body });
    expect(res.status).toBe(400);
    expect(res.body.error.field).toBe(field);
    expect(res.body.error.message).toMatch(/cannot contain control characters/);
  });

  it('refuses a NUL in a login email with 400 naming the field (never a 500)', async () => {
    const res = await t.call('POST', '/api/auth/login', {
      body: { email: 'ana\u0000@example.com', password: 'long enough pw' },
    });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'invalid_input', field: 'email' });
  });

  it('answers malformed JSON with 400, a non-JSON body with 415, an oversized body with 413', async () => {
    const broken = await t.call('POST', '/api/auth/login', { raw: '{"email": "a@b.c",' });
    expect(broken.status).toBe(400);
    expect(broken.body.error.code).toBe('invalid_json');
    const array = await t.call('POST', '/api/auth/login', { raw: '[1,2]' });
    expect(array.status).toBe(400);
    const form = await t.call('POST', '/api/auth/login', { raw: 'email=a', contentType: 'text/plain' });
    expect(form.status).toBe(415);
    expect(form.body.error.code).toBe('unsupported_media_type');
    const huge = await t.call('POST', '/api/auth/signup', {
      body: { email: 'big@example.com', password: 'x'.repeat(100_000), name: 'Big' },
    });
    expect(huge.status).toBe(413);
    expect(huge.body.error.code).toBe('body_too_large');
  });

  it('logs in with the right password only, and the same answer for an unknown email', async () => {
    await t.signup({ email: 'carol@example.com', password: 'carol password 1' });
    const wrong = await t.call('POST', '/api/auth/login', {
      body: { email: 'carol@example.com', password: 'carol password 2' },
    });
    expect(wrong.status).toBe(401);
    expect(wrong.cookie).toBeNull();
    const unknown = await t.call('POST', '/api/auth/login', {
      body: { email: 'nobody@example.com', password: 'carol password 2' },
    });
    expect(unknown.status).toBe(401);
    expect(unknown.body).toEqual(wrong.body);
    const right = await t.call('POST', '/api/auth/login', {
      body: { email: 'CAROL@example.com', password: 'carol password 1' },
    });
    expect(right.status).toBe(200);
    expect(right.body.user.email).toBe('carol@example.com');
    expect((await t.call('GET', '/api/me', { cookie: right.cookie })).status).toBe(200);
  });

  it('logout invalidates the session server-side (the old cookie no longer works)', async () => {
    const dave = await t.signup({ email: 'dave@example.com' });
    expect((await t.call('GET', '/api/me', { cookie: dave.cookie })).status).toBe(200);
    const out = await t.call('POST', '/api/auth/logout', { cookie: dave.cookie });
    expect(out.status).toBe(200);
    expect(out.headers.get('set-cookie')).toMatch(/^quorum_session=;.*Max-Age=0/);
    const me = await t.call('GET', '/api/me', { cookie: dave.cookie });
    expect(me.status).toBe(401);
    expect(me.body.error.code).toBe('unauthenticated');
  });

  it('answers /api/auth/session with 200 whether or not anyone is signed in (no 401 on logged-out pages)', async () => {
    const nobody = await t.call('GET', '/api/auth/session');
    expect(nobody.status).toBe(200);
    expect(nobody.body).toEqual({ account: null });
    const forged = await t.call('GET', '/api/auth/session', { cookie: 'quorum_session=forged-token-value' });
    expect(forged.status).toBe(200);
    expect(forged.body).toEqual({ account: null });
    const gina = await t.signup({ email: 'gina@example.com' });
    const signedIn = await t.call('GET', '/api/auth/session', { cookie: gina.cookie });
    expect(signedIn.status).toBe(200);
    expect(signedIn.body.account).toEqual((await t.call('GET', '/api/me', { cookie: gina.cookie })).body);
  });

  it('answers /api/me without a session with 401', async () => {
    expect((await t.call('GET', '/api/me')).status).toBe(401);
    expect((await t.call('GET', '/api/me', { cookie: 'quorum_session=forged-token-value' })).status).toBe(401);
  });

  it('rate-limits login per account: brute force gets 429 with Retry-After, until the window passes', async () => {
    await t.signup({ email: 'erin@example.com', password: 'erin password 1' });
    const attempt = (password: string) =>
      t.call('POST', '/api/auth/login', { body: { email: 'erin@example.com', password } });
    for (let i = 0; i < 5; i++) expect((await attempt(`guess ${i}`)).status).toBe(401);
    const blocked = await attempt('erin password 1');
    expect(blocked.status).toBe(429);
    expect(blocked.body.error.code).toBe('rate_limited');
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
    // In minutes, never "895 seconds", and the right password, refused during the lockout, is explained.
    expect(blocked.body.error.message).toMatch(/Try again in 1 minute\./);
    expect(blocked.body.error.message).toContain('even the right one');
    advance(61_000);
    expect((await attempt('erin password 1')).status).toBe(200);
  });

  it('rate-limits login per IP across accounts', async () => {
    advance(61_000);
    const statuses: number[] = [];
    for (let i = 0; i < 31; i++) {
      const res = await t.call('POST', '/api/auth/login', {
        body: { email: `spray${i}@example.com`, password: 'some password' },
      });
      statuses.push(res.status);
    }
    expect(statuses.slice(0, 30).every((s) => s === 401)).toBe(true);
    expect(statuses[30]).toBe(429);
    advance(61_000);
  });

  it('refuses state-changing requests without the app Origin (403), allows safe ones', async () => {
    const body = { email: 'frank@example.com', password: 'frank password 1', name: 'Frank' };
    const missing = await t.call('POST', '/api/auth/signup', { body, origin: null });
    expect(missing.status).toBe(403);
    expect(missing.body.error.code).toBe('bad_origin');
    const evil = await t.call('POST', '/api/auth/signup', { body, origin: 'https://evil.example' });
    expect(evil.status).toBe(403);
    const frank = await t.signup({ email: 'frank@example.com' });
    const logout = await t.call('POST', '/api/auth/logout', { cookie: frank.cookie, origin: 'https://evil.example' });
    expect(logout.status).toBe(403);
    expect((await t.call('GET', '/api/me', { cookie: frank.cookie, origin: null })).status).toBe(200);
  });

  it('answers unknown API paths with a JSON 404', async () => {
    const res = await t.call('GET', '/api/nothing-here');
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('not_found');
  });
});

describe.each(testDatabaseKinds())('signup rate limit on %s', (kind) => {
  it('limits signups per IP with 429 and Retry-After', async () => {
    const t = await createTestApp(kind, { rateLimits: { signupPerIp: { limit: 2, windowMs: 3_600_000 } } });
    try {
      await t.signup({ email: 'g1@example.com' });
      await t.signup({ email: 'g2@example.com' });
      const res = await t.call('POST', '/api/auth/signup', {
        body: { email: 'g3@example.com', password: 'long enough pw', name: 'G' },
      });
      expect(res.status).toBe(429);
      expect(res.headers.get('retry-after')).toBe('3600');
    } finally {
      await t.close();
    }
  });
});
