import { type Auth, createAuth } from '@quorum/auth';
import { type DbHandle, dealMembers, guideLinkViews, users } from '@quorum/db';
import { createTestDb, testDatabaseKinds } from '@quorum/db/testing';
import { addObjection } from '@quorum/deal-model';
import { createPostgresPersistence, RoomEngine } from '@quorum/sync';
import { eq } from 'drizzle-orm';
import { extractText, getDocumentProxy } from 'unpdf';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { createApp, type QuorumApp } from '../app.ts';
import { signUp } from '../auth/index.ts';
import type { SyncContext } from '../sync/index.ts';
import {
  type FixtureIds,
  GUIDE_TEXT,
  markersOutsideObjectionGuide,
  PRIVATE_MARKERS,
  writeBuyerFixture,
  writeSellerFixture,
  writeSharedFixture,
} from './test-fixtures.ts';

const ORIGIN = 'http://quorum.test';
const CHROME_MAC =
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36';

describe.each(testDatabaseKinds())('guide links (%s)', (kind) => {
  let handle: DbHandle;
  let auth: Auth;
  let engine: RoomEngine<SyncContext>;
  let app: QuorumApp;
  let clock: Date;
  let dealId: string;
  let ids: FixtureIds;
  const cookies: Record<'seller' | 'mobilizer' | 'manager' | 'outsider', string> = {
    seller: '',
    mobilizer: '',
    manager: '',
    outsider: '',
  };

  async function sessionCookie(userId: string): Promise<string> {
    const { token } = await auth.createSession(userId);
    return `${auth.cookieName}=${token}`;
  }

  function api(
    path: string,
    { as, method = 'GET', body }: { as: keyof typeof cookies; method?: string; body?: unknown },
  ) {
    return app.request(`${ORIGIN}/api${path}`, {
      method,
      headers: {
        cookie: cookies[as],
        origin: ORIGIN,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  }

  async function createLink(path: string, body: unknown = {}, as: keyof typeof cookies = 'mobilizer') {
    const res = await api(path, { as, method: 'POST', body });
    expect(res.status).toBe(201);
    const link = (await res.json()) as { id: string; url: string; expiresAt: string | null };
    return { ...link, path: new URL(link.url).pathname };
  }

  const open = (path: string) => app.request(`${ORIGIN}${path}`, { headers: { 'user-agent': CHROME_MAC } });

  async function pdfText(res: Response): Promise<string> {
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect(new TextDecoder().decode(bytes.subarray(0, 5))).toBe('%PDF-');
    const { text } = await extractText(await getDocumentProxy(bytes), { mergePages: true });
    return text.replace(/\s+/g, ' ');
  }

  async function edit(room: string, change: (doc: Y.Doc) => void) {
    const opened = await engine.openDoc(room);
    try {
      change(opened.doc);
    } finally {
      opened.release();
    }
  }

  let userIds: { mobilizer: string };

  // One database and its people per database kind; each test gets a fresh deal, engine and app (so the
  // guess limiter and the clock start clean).
  beforeAll(async () => {
    handle = await createTestDb(kind);
    const { db } = handle;
    auth = createAuth({ db });
    const managerId = await signUp(db, {
      email: 'mo@initech.test',
      password: 'correct horse 1',
      name: 'Mo',
      organization: 'Initech',
    });
    const [manager] = await db.select().from(users).where(eq(users.id, managerId));
    const sellerId = await signUp(db, { email: 'sam@initech.test', password: 'correct horse 2', name: 'Sam' });
    await db
      .update(users)
      .set({ organizationId: manager!.organizationId, orgRole: 'member' })
      .where(eq(users.id, sellerId));
    const mobilizerId = await signUp(db, { email: 'dana@globex.test', password: 'correct horse 3', name: 'Dana' });
    const outsiderId = await signUp(db, { email: 'eve@elsewhere.test', password: 'correct horse 4', name: 'Eve' });
    userIds = { mobilizer: mobilizerId };
    cookies.seller = await sessionCookie(sellerId);
    cookies.mobilizer = await sessionCookie(mobilizerId);
    cookies.manager = await sessionCookie(managerId);
    cookies.outsider = await sessionCookie(outsiderId);
  }, 120_000);

  afterAll(async () => {
    await handle?.close();
  });

  beforeEach(async () => {
    const { db } = handle;
    engine = new RoomEngine<SyncContext>({ persistence: createPostgresPersistence(db) });
    clock = new Date('2030-01-15T09:00:00Z');
    app = createApp({ db, auth, engine, origin: ORIGIN, now: () => clock.getTime() });
    const created = await api('/deals', {
      as: 'seller',
      method: 'POST',
      body: { title: 'Laptop refresh', buyer: GUIDE_TEXT.buyer },
    });
    expect(created.status).toBe(201);
    dealId = ((await created.json()) as { id: string }).id;
    await db.insert(dealMembers).values({ dealId, userId: userIds.mobilizer, role: 'mobilizer' });
    await edit(dealId, (doc) => {
      ids = writeSharedFixture(doc);
    });
    await edit(`${dealId}/seller`, (doc) => writeSellerFixture(doc, ids.stakeholderId));
    await edit(`${dealId}/buyer`, (doc) => writeBuyerFixture(doc, ids.stakeholderId));
  }, 60_000);

  afterEach(async () => {
    await engine.close();
  });

  it('a stakeholder guide link opens the guide and nothing private, in the page, its JSON and its PDF', async () => {
    const link = await createLink(`/deals/${dealId}/guides/${ids.stakeholderId}/links`);
    expect(link.url).toMatch(new RegExp(`^${ORIGIN}/g/[A-Za-z0-9_-]{22}$`));
    expect(link.expiresAt).toBeNull();

    const page = await open(link.path);
    expect(page.status).toBe(200);
    expect(page.headers.get('referrer-policy')).toBe('same-origin');
    const html = await page.text();
    const json = await (await open(`${link.path}/content.json`)).text();
    const pdf = await pdfText(await open(`${link.path}/pdf`));

    for (const body of [html, json, pdf]) {
      for (const part of [
        GUIDE_TEXT.name,
        GUIDE_TEXT.title,
        GUIDE_TEXT.summary,
        GUIDE_TEXT.asks,
        GUIDE_TEXT.objectionTitle,
      ]) {
        expect(body).toContain(part);
      }
      // The page also asks the stakeholder for their own view of the purchase criteria (DESIGN.md 7a): their
      // names and descriptions appear in its form, and nowhere else; every other marker appears nowhere.
      const shown: string[] = body === html ? [PRIVATE_MARKERS.criterion] : [];
      for (const marker of Object.values(PRIVATE_MARKERS)) {
        if (!shown.includes(marker)) expect(body).not.toContain(marker);
      }
    }
    expect(html).toContain('Your view');
  });

  it('the objection guide shows every objection with response and evidence, and nothing private', async () => {
    const link = await createLink(`/deals/${dealId}/objection-guide/links`, { expiresInDays: 7 }, 'seller');
    expect(new Date(link.expiresAt!).getTime()).toBe(clock.getTime() + 7 * 86_400_000);
    const html = await (await open(link.path)).text();
    const json = await (await open(`${link.path}/content.json`)).text();
    const pdf = await pdfText(await open(`${link.path}/pdf`));
    for (const body of [html, json, pdf]) {
      expect(body).toContain(GUIDE_TEXT.objectionResponse);
      expect(body).toContain(PRIVATE_MARKERS.unlistedObjection);
      expect(body).toContain('Pilot with twenty engineers first.');
      for (const marker of markersOutsideObjectionGuide) expect(body).not.toContain(marker);
    }
  });

  it('never publishes an untitled objection (a draft) in the objection guide: page, JSON or PDF', async () => {
    const draft = 'MARKER-UNTITLED-DRAFT-XYZ';
    await edit(dealId, (doc) => {
      addObjection(doc, { title: '  ', response: draft });
    });
    const link = await createLink(`/deals/${dealId}/objection-guide/links`, { expiresInDays: 7 }, 'seller');
    const html = await (await open(link.path)).text();
    const json = await (await open(`${link.path}/content.json`)).text();
    const pdf = await pdfText(await open(`${link.path}/pdf`));
    for (const body of [html, json, pdf]) {
      expect(body).toContain(GUIDE_TEXT.objectionResponse);
      expect(body).not.toContain(draft);
      expect(body).not.toContain('Untitled');
    }
  });

  it('the open page’s content follows edits to the guide', async () => {
    const link = await createLink(`/deals/${dealId}/guides/${ids.stakeholderId}/links`);
    const before = (await (await open(`${link.path}/content.json`)).json()) as { version: string; html: string };
    await edit(dealId, (doc) => {
      const guide = doc.getMap('guides').get(ids.stakeholderId) as Y.Map<unknown>;
      (guide.get('asks') as Y.Text).insert(0, 'Join the pilot review on Friday. ');
    });
    const after = (await (await open(`${link.path}/content.json`)).json()) as {
      version: string;
      html: string;
      guide: { asks: string };
    };
    expect(after.guide.asks).toBe(`Join the pilot review on Friday. ${GUIDE_TEXT.asks}`);
    expect(after.html).toContain('Join the pilot review on Friday.');
    expect(after.version).not.toBe(before.version);
  });

  it('revoking takes effect at once, on the page, its JSON and its PDF', async () => {
    const link = await createLink(`/deals/${dealId}/guides/${ids.stakeholderId}/links`);
    expect((await open(link.path)).status).toBe(200);
    const revoke = await api(`/guide-links/${link.id}`, { as: 'mobilizer', method: 'DELETE' });
    expect(revoke.status).toBe(200);
    const page = await open(link.path);
    expect(page.status).toBe(410);
    const html = await page.text();
    expect(html).toContain('no longer shared');
    expect(html).not.toContain(GUIDE_TEXT.summary);
    const json = await open(`${link.path}/content.json`);
    expect(json.status).toBe(410);
    expect(((await json.json()) as { error: { code: string } }).error.code).toBe('link_revoked');
    expect((await open(`${link.path}/pdf`)).status).toBe(410);
  });

  it('a guide whose stakeholder was taken off the map answers 410, saying so', async () => {
    const link = await createLink(`/deals/${dealId}/guides/${ids.stakeholderId}/links`);
    await edit(dealId, (doc) => {
      doc.getMap('stakeholders').delete(ids.stakeholderId);
    });
    const page = await open(link.path);
    expect(page.status).toBe(410);
    const html = await page.text();
    expect(html).toContain('no longer available');
    expect(html).not.toContain(GUIDE_TEXT.summary);
  });

  it('expiry takes effect the moment it passes', async () => {
    const link = await createLink(`/deals/${dealId}/guides/${ids.stakeholderId}/links`, { expiresInDays: 1 });
    clock = new Date(clock.getTime() + 86_400_000 - 1000);
    expect((await open(link.path)).status).toBe(200);
    clock = new Date(clock.getTime() + 1000);
    const page = await open(link.path);
    expect(page.status).toBe(410);
    expect(await page.text()).toContain('expired');
  });

  it('counts views with a coarse client hint, never an address, and lists them to the deal’s people', async () => {
    const link = await createLink(`/deals/${dealId}/guides/${ids.stakeholderId}/links`);
    await open(link.path);
    await open(link.path);
    await open(`${link.path}/content.json`);
    await open(`${link.path}/pdf`);
    const res = await api(`/deals/${dealId}/links`, { as: 'seller' });
    expect(res.status).toBe(200);
    const { links } = (await res.json()) as {
      links: Array<{
        id: string;
        viewCount: number;
        lastViewedAt: string;
        state: string;
        recentViews: Array<{ clientHint: string }>;
      }>;
    };
    expect(links).toHaveLength(1);
    expect(links[0]).toMatchObject({ id: link.id, viewCount: 3, state: 'active', stakeholderId: ids.stakeholderId });
    expect(links[0]!.lastViewedAt).toBe(clock.toISOString());
    expect(links[0]!.recentViews.map((v) => v.clientHint).sort()).toEqual([
      'Chrome on macOS',
      'Chrome on macOS',
      'Chrome on macOS (PDF)',
    ]);
    const stored = await handle.db.select().from(guideLinkViews).where(eq(guideLinkViews.linkId, link.id));
    expect(JSON.stringify(stored)).not.toMatch(/127\.0\.0\.1|::1|unknown/);
  });

  it('sellers and Mobilizers manage links; managers only list; anyone else sees nothing', async () => {
    const path = `/deals/${dealId}/guides/${ids.stakeholderId}/links`;
    const link = await createLink(path, {}, 'seller');
    expect((await api(path, { as: 'manager', method: 'POST', body: {} })).status).toBe(403);
    expect((await api(`/deals/${dealId}/links`, { as: 'manager' })).status).toBe(200);
    expect((await api(`/guide-links/${link.id}`, { as: 'manager', method: 'DELETE' })).status).toBe(403);

    expect((await api(path, { as: 'outsider', method: 'POST', body: {} })).status).toBe(404);
    expect((await api(`/deals/${dealId}/links`, { as: 'outsider' })).status).toBe(404);
    expect((await api(`/guide-links/${link.id}`, { as: 'outsider', method: 'DELETE' })).status).toBe(404);

    const anonymous = await app.request(`${ORIGIN}/api/deals/${dealId}/links`);
    expect(anonymous.status).toBe(401);
    const foreignOrigin = await app.request(`${ORIGIN}/api${path}`, {
      method: 'POST',
      headers: { cookie: cookies.mobilizer, origin: 'https://evil.test', 'content-type': 'application/json' },
      body: '{}',
    });
    expect(foreignOrigin.status).toBe(403);
    expect((await open(link.path)).status).toBe(200);
  });

  it('validates input: expiry in days, and a stakeholder that is on the map', async () => {
    const path = `/deals/${dealId}/guides/${ids.stakeholderId}/links`;
    for (const expiresInDays of [0, -1, 'soon', 10_000]) {
      const res = await api(path, { as: 'mobilizer', method: 'POST', body: { expiresInDays } });
      expect(res.status).toBe(400);
      expect(((await res.json()) as { error: { field: string } }).error.field).toBe('expiresInDays');
    }
    const missing = await api(`/deals/${dealId}/guides/99999999-9999-4999-8999-999999999999/links`, {
      as: 'mobilizer',
      method: 'POST',
      body: {},
    });
    expect(missing.status).toBe(404);
  });

  it('answers 404 for link and deal ids that are not UUIDs (never a 500)', async () => {
    for (const id of ['-'.repeat(36), 'g'.repeat(36), 'x']) {
      const res = await api(`/guide-links/${id}`, { as: 'mobilizer', method: 'DELETE' });
      expect(res.status).toBe(404);
      expect(((await res.json()) as { error: { message: string } }).error.message).toBe('No such guide link.');
    }
    const list = await api(`/deals/${'-'.repeat(36)}/links`, { as: 'mobilizer' });
    expect(list.status).toBe(404);
    const create = await api(`/deals/${'-'.repeat(36)}/objection-guide/links`, {
      as: 'mobilizer',
      method: 'POST',
      body: {},
    });
    expect(create.status).toBe(404);
  });

  it('unknown tokens answer 404, and guessing is cut off with 429', async () => {
    const link = await createLink(`/deals/${dealId}/guides/${ids.stakeholderId}/links`);
    const unknown = await open('/g/AAAAAAAAAAAAAAAAAAAAAA');
    expect(unknown.status).toBe(404);
    expect(await unknown.text()).toContain('no document at this address');
    let status = 404;
    for (let i = 0; i < 40 && status === 404; i++) {
      status = (await open(`/g/guess${String(i).padStart(17, '0')}`)).status;
    }
    expect(status).toBe(429);
    const blocked = await open(link.path);
    expect(blocked.status).toBe(429);
    expect(blocked.headers.get('retry-after')).toMatch(/^\d+$/);
  });
});
