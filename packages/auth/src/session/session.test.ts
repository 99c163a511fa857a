import { type DbHandle, sessions, users } from '@quorum/db';
import { createTestDb, testDatabaseKinds } from '@quorum/db/testing';
import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAuth, hashToken } from './index.ts';

describe.each(testDatabaseKinds())('sessions on %s', (kind) => {
  let handle: DbHandle;
  let userId: string;

  beforeEach(async () => {
    handle = await createTestDb(kind);
    const [row] = await handle.db
      .insert(users)
      .values({ email: 'ana@example.com', name: 'Ana', passwordHash: 'x' })
      .returning({ id: users.id });
    userId = row!.id;
  });
  afterEach(() => handle.close());

  it('keeps the token in an HttpOnly, SameSite=Lax cookie and stores only its SHA-256', async () => {
    const auth = createAuth({ db: handle.db });
    const { token, cookie } = await auth.createSession(userId);
    expect(cookie).toMatch(/^quorum_session=/);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Lax');
    expect(cookie).toContain('Path=/');
    expect(cookie).not.toContain('Secure');
    expect(auth.readSessionToken(`other=1; ${cookie.split(';')[0]}`)).toBe(token);

    const stored = await handle.db.select().from(sessions);
    expect(stored).toHaveLength(1);
    expect(stored[0]!.id).toBe(hashToken(token));
    expect(stored[0]!.id).not.toBe(token);

    const valid = await auth.validateSessionToken(token);
    expect(valid?.user).toEqual({
      id: userId,
      email: 'ana@example.com',
      name: 'Ana',
      organizationId: null,
      orgRole: null,
    });
    expect(valid?.refreshedCookie).toBeNull();
    // The stored id is not a usable token.
    expect(await auth.validateSessionToken(stored[0]!.id)).toBeNull();
  });

  it('marks the cookie Secure when asked (https origins)', async () => {
    const auth = createAuth({ db: handle.db, secure: true });
    const { cookie } = await auth.createSession(userId);
    expect(cookie).toContain('Secure');
  });

  it('refuses an expired session and a logged-out one', async () => {
    const auth = createAuth({ db: handle.db });
    const a = await auth.createSession(userId);
    const b = await auth.createSession(userId);
    await handle.db
      .update(sessions)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(sessions.id, hashToken(a.token)));
    expect(await auth.validateSessionToken(a.token)).toBeNull();

    expect(await auth.validateSessionToken(b.token)).not.toBeNull();
    await auth.invalidateSession(b.token);
    expect(await auth.validateSessionToken(b.token)).toBeNull();
    expect(auth.blankCookie()).toMatch(/^quorum_session=;.*Max-Age=0/);
  });

  it('slides the expiry forward when a session is used in its second half', async () => {
    const auth = createAuth({ db: handle.db, sessionDays: 30 });
    const { token } = await auth.createSession(userId);
    const soon = new Date(Date.now() + 2 * 24 * 3600 * 1000);
    await handle.db
      .update(sessions)
      .set({ expiresAt: soon })
      .where(eq(sessions.id, hashToken(token)));
    const valid = await auth.validateSessionToken(token);
    expect(valid?.refreshedCookie).toMatch(/^quorum_session=/);
    expect(valid!.expiresAt.getTime()).toBeGreaterThan(Date.now() + 29 * 24 * 3600 * 1000);
    const [row] = await handle.db
      .select()
      .from(sessions)
      .where(eq(sessions.id, hashToken(token)));
    expect(row!.expiresAt.getTime()).toBe(valid!.expiresAt.getTime());
  });

  it('deletes expired session rows and keeps live ones', async () => {
    const auth = createAuth({ db: handle.db });
    const old = await auth.createSession(userId);
    const live = await auth.createSession(userId);
    await handle.db
      .update(sessions)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(sessions.id, hashToken(old.token)));
    await auth.deleteExpiredSessions();
    expect((await handle.db.select().from(sessions)).map((r) => r.id)).toEqual([hashToken(live.token)]);
  });

  it('logs every session of a user out', async () => {
    const auth = createAuth({ db: handle.db });
    const a = await auth.createSession(userId);
    const b = await auth.createSession(userId);
    await auth.invalidateUserSessions(userId);
    expect(await auth.validateSessionToken(a.token)).toBeNull();
    expect(await auth.validateSessionToken(b.token)).toBeNull();
  });
});
