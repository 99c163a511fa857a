import { createAuth } from '@quorum/auth';
import { createTestDb, guideLinks, testDatabaseKinds } from '@quorum/db';
import { createPostgresPersistence, RoomEngine } from '@quorum/sync';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createApp } from '../app.ts';
import { signUp } from '../auth/index.ts';
import type { SyncContext } from '../sync/index.ts';
import { GUIDE_TEXT, writeSharedFixture } from './test-fixtures.ts';

const ORIGIN = 'http://quorum.test';

/** A deal with a stakeholder guide link, served by an app whose clock the test moves. */
async function setUp(kind: 'pglite' | 'postgres') {
  const handle = await createTestDb(kind);
  const { db } = handle;
  const auth = createAuth({ db });
  const engine = new RoomEngine<SyncContext>({ persistence: createPostgresPersistence(db) });
  let clock = new Date('2030-01-15T09:00:00Z').getTime();
  const app = createApp({ db, auth, engine, origin: ORIGIN, now: () => clock });
  const sellerId = await signUp(db, {
    email: 'sam@initech.test',
    password: 'correct horse 2',
    name: 'Sam',
    organization: 'Initech',
  });
  const { token } = await auth.createSession(sellerId);
  const cookie = `${auth.cookieName}=${token}`;
  const api = (path: string, method = 'GET', body?: unknown) =>
    app.request(`${ORIGIN}/api${path}`, {
      method,
      headers: { cookie, origin: ORIGIN, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  const created = await api('/deals', 'POST', { title: 'Laptop refresh', buyer: GUIDE_TEXT.buyer });
  const dealId = ((await created.json()) as { id: string }).id;
  expect(created.status).toBe(201);
  const opened = await engine.openDoc(dealId);
  const { stakeholderId } = writeSharedFixture(opened.doc);
  opened.release();
  const res = await api(`/deals/${dealId}/guides/${stakeholderId}/links`, 'POST', {});
  expect(res.status).toBe(201);
  const link = (await res.json()) as { id: string; url: string };
  return {
    handle,
    api,
    dealId,
    link: { id: link.id, path: new URL(link.url).pathname },
    open: (path: string) => app.request(`${ORIGIN}${path}`, { headers: { 'user-agent': 'Mozilla/5.0 Firefox/126.0' } }),
    advance: (ms: number) => {
      clock += ms;
    },
    async close() {
      await engine.close();
      await handle.close();
    },
  };
}

describe.each(testDatabaseKinds())('guide links under load (%s)', (kind) => {
  it('a link revoked in this process stops opening at once, though it was just fetched', async () => {
    const t = await setUp(kind);
    try {
      expect((await t.open(t.link.path)).status).toBe(200);
      expect((await t.open(`${t.link.path}/content.json`)).status).toBe(200);
      expect((await t.api(`/guide-links/${t.link.id}`, 'DELETE')).status).toBe(200);
      expect((await t.open(t.link.path)).status).toBe(410);
      expect((await t.open(`${t.link.path}/content.json`)).status).toBe(410);
    } finally {
      await t.close();
    }
  });

  it('a link revoked by another instance stops opening once this instance’s copy is 5 s old', async () => {
    const t = await setUp(kind);
    try {
      expect((await t.open(t.link.path)).status).toBe(200);
      // Another instance revokes: the row changes in the database, and nothing tells this process.
      await t.handle.db.update(guideLinks).set({ revokedAt: new Date() }).where(eq(guideLinks.id, t.link.id));
      t.advance(4999);
      expect((await t.open(t.link.path)).status).toBe(200);
      t.advance(1);
      expect((await t.open(t.link.path)).status).toBe(410);
    } finally {
      await t.close();
    }
  });

  it('50 concurrent loads of one link are all counted as views', async () => {
    const t = await setUp(kind);
    try {
      const pages = await Promise.all(Array.from({ length: 50 }, () => t.open(t.link.path)));
      expect(pages.map((page) => page.status)).toEqual(Array(50).fill(200));
      const res = await t.api(`/deals/${t.dealId}/links`);
      const { links } = (await res.json()) as { links: Array<{ id: string; viewCount: number }> };
      expect(links).toEqual([expect.objectContaining({ id: t.link.id, viewCount: 50 })]);
    } finally {
      await t.close();
    }
  });
});
