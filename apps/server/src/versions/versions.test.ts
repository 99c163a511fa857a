import { testDatabaseKinds, users } from '@quorum/db';
import { computeStatus, readPlan, tickVerifier } from '@quorum/deal-model';
import { createPostgresPersistence, RoomEngine } from '@quorum/sync';
import { until } from '@quorum/testing';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { createLocalStatusBus, StatusProjection } from '../status/index.ts';
import type { SyncContext } from '../sync/index.ts';
import { createTestApp, type TestAccount, type TestApp } from '../testing/test-app.ts';
import { versionOnStageChange } from './index.ts';

describe.each(testDatabaseKinds())('deal versions on %s', (kind) => {
  let t: TestApp;
  let engine: RoomEngine<SyncContext>;
  let projection: StatusProjection;
  let seller: TestAccount;
  let manager: TestAccount;
  let mobilizer: TestAccount;
  let stranger: TestAccount;
  let dealId: string;
  let otherDealId: string;

  async function write(room: string, change: (doc: Y.Doc) => void): Promise<void> {
    const opened = await engine.openDoc(room);
    try {
      change(opened.doc);
      await opened.whenStored();
    } finally {
      opened.release();
    }
  }
  const versionsPath = (id = dealId) => `/api/deals/${id}/versions`;

  beforeAll(async () => {
    t = await createTestApp(kind, (db) => {
      engine = new RoomEngine<SyncContext>({
        persistence: createPostgresPersistence(db),
        hooks: { onChange: (room, doc, info) => projection.onChange(room, doc, info) },
      });
      // As main.ts wires it: a change of the verified stage takes a version.
      projection = new StatusProjection({
        db,
        engine,
        bus: createLocalStatusBus(),
        compute: (shared, sellerDoc, options) => computeStatus(shared, sellerDoc, options),
        debounceMs: 20,
        onStored: (change) => versionOnStageChange({ db, openDoc: (room) => engine.openDoc(room) }, change).then(),
      });
      return { engine };
    });
    manager = await t.signup({ email: 'mia@acme.example', organization: 'Acme' });
    seller = await t.signup({ email: 'ana@acme.example', organization: 'Acme Sales' });
    stranger = await t.signup({ email: 'eve@rival.example', organization: 'Rival' });
    mobilizer = await t.signup({ email: 'mara@nordwind.example' });
    // The seller joins the manager's organization as a member, so the manager sees the deal read-only.
    const [m] = await t.db.select().from(users).where(eq(users.id, manager.id));
    await t.db
      .update(users)
      .set({ organizationId: m!.organizationId, orgRole: 'member' })
      .where(eq(users.id, seller.id));
    dealId = (
      await t.call('POST', '/api/deals', { cookie: seller.cookie, body: { title: 'Fleet', buyer: 'Nordwind' } })
    ).body.id;
    otherDealId = (
      await t.call('POST', '/api/deals', { cookie: stranger.cookie, body: { title: 'Other', buyer: 'Someone' } })
    ).body.id;
    const invite = await t.call('POST', `/api/deals/${dealId}/invites`, {
      cookie: seller.cookie,
      body: { email: 'mara@nordwind.example', role: 'mobilizer' },
    });
    const token = (invite.body.url as string).split('/').pop();
    expect((await t.call('POST', `/api/invites/${token}/accept`, { cookie: mobilizer.cookie })).status).toBe(200);
    await write(`${dealId}/seller`, (doc) => doc.getText('notes').insert(0, 'SELLER-ONLY pricing floor 410k'));
    await write(`${dealId}/buyer`, (doc) => doc.getText('notes').insert(0, 'BUYER-ONLY budget is 600k'));
  });
  afterAll(async () => {
    await projection.stop();
    await engine.close();
    await t.close();
  });

  it('saves a named version and lists it with who saved it', async () => {
    const res = await t.call('POST', versionsPath(), {
      cookie: seller.cookie,
      body: { name: '  Before the CFO call ' },
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ name: 'Before the CFO call', kind: 'manual', stage: 'learn' });
    expect(res.body.createdBy).toEqual({ id: seller.id, name: 'ana' });
    const list = await t.call('GET', versionsPath(), { cookie: mobilizer.cookie });
    expect(list.status).toBe(200);
    expect(list.body.versions.map((v: { id: string }) => v.id)).toContain(res.body.id);
    expect(JSON.stringify(list.body)).not.toMatch(/ONLY/);
  });

  it('gives each side only the documents it may read, in every version', async () => {
    const mine = await t.call('POST', versionsPath(), { cookie: mobilizer.cookie, body: { name: 'Mara’s version' } });
    expect(mine.status).toBe(201);
    const ids = (await t.call('GET', versionsPath(), { cookie: seller.cookie })).body.versions.map(
      (v: { id: string }) => v.id,
    );
    expect(ids.length).toBeGreaterThanOrEqual(2);
    for (const id of ids) {
      const asMobilizer = await t.call('GET', `${versionsPath()}/${id}`, { cookie: mobilizer.cookie });
      expect(asMobilizer.status).toBe(200);
      expect(Object.keys(asMobilizer.body.documents).sort()).toEqual(['buyer', 'shared']);
      expect(asMobilizer.body.documents.buyer.notes).toBe('BUYER-ONLY budget is 600k');
      expect(JSON.stringify(asMobilizer.body)).not.toContain('SELLER-ONLY');
      expect(asMobilizer.body.documents.shared.meta.title).toBe('Fleet');

      for (const who of [seller, manager]) {
        const asSeller = await t.call('GET', `${versionsPath()}/${id}`, { cookie: who.cookie });
        expect(asSeller.status).toBe(200);
        expect(Object.keys(asSeller.body.documents).sort()).toEqual(['seller', 'shared']);
        expect(asSeller.body.documents.seller.notes).toBe('SELLER-ONLY pricing floor 410k');
        expect(JSON.stringify(asSeller.body)).not.toContain('BUYER-ONLY');
      }
    }
  });

  it('answers 404 to another organization, an unknown version and a version of another deal', async () => {
    const [version] = (await t.call('GET', versionsPath(), { cookie: seller.cookie })).body.versions;
    for (const [method, path] of [
      ['GET', versionsPath()],
      ['GET', `${versionsPath()}/${version.id}`],
    ] as const) {
      const res = await t.call(method, path, { cookie: stranger.cookie });
      expect(res.status).toBe(404);
      expect(JSON.stringify(res.body)).not.toContain('Fleet');
    }
    expect((await t.call('POST', versionsPath(), { cookie: stranger.cookie, body: { name: 'Mine' } })).status).toBe(
      404,
    );
    expect((await t.call('GET', `${versionsPath()}/${crypto.randomUUID()}`, { cookie: seller.cookie })).status).toBe(
      404,
    );
    expect((await t.call('GET', `${versionsPath()}/not-an-id`, { cookie: seller.cookie })).status).toBe(404);
    const theirs = await t.call('POST', versionsPath(otherDealId), { cookie: stranger.cookie, body: { name: 'X' } });
    expect(theirs.status).toBe(201);
    expect((await t.call('GET', `${versionsPath()}/${theirs.body.id}`, { cookie: seller.cookie })).status).toBe(404);
    expect((await t.call('GET', versionsPath(), { cookie: null })).status).toBe(401);
  });

  it('refuses a bad name with 400 naming the field, and a read-only manager with 403', async () => {
    const before = (await t.call('GET', versionsPath(), { cookie: seller.cookie })).body.versions.length;
    for (const body of [
      {},
      { name: '' },
      { name: '   ' },
      { name: 42 },
      { name: 'x'.repeat(121) },
      { name: 'a\u0000b' },
    ]) {
      const res = await t.call('POST', versionsPath(), { cookie: seller.cookie, body });
      expect(res.status).toBe(400);
      expect(res.body.error.field).toBe('name');
    }
    const asManager = await t.call('POST', versionsPath(), { cookie: manager.cookie, body: { name: 'Mine' } });
    expect(asManager.status).toBe(403);
    expect(asManager.body.error.code).toBe('read_only');
    expect((await t.call('GET', versionsPath(), { cookie: seller.cookie })).body.versions.length).toBe(before);
  });

  it('takes a version automatically when the customer-verified stage changes', async () => {
    await projection.flush();
    const stageVersions = async () =>
      (await t.call('GET', versionsPath(), { cookie: seller.cookie })).body.versions.filter(
        (v: { kind: string }) => v.kind === 'stage',
      );
    expect(await stageVersions()).toEqual([]);
    await write(dealId, (doc) => {
      for (const verifier of readPlan(doc)[0]!.verifiers) tickVerifier(doc, 'learn', verifier.id, { by: 'Mara' });
    });
    await until(async () => (await stageVersions()).length === 1);
    const [auto] = await stageVersions();
    expect(auto).toMatchObject({ kind: 'stage', stage: 'understand-need', createdBy: null });
    expect(auto.name).toBe('Verified stage reached: Understand need');
    const asMobilizer = await t.call('GET', `${versionsPath()}/${auto.id}`, { cookie: mobilizer.cookie });
    expect(Object.keys(asMobilizer.body.documents).sort()).toEqual(['buyer', 'shared']);
    expect(JSON.stringify(asMobilizer.body)).not.toContain('SELLER-ONLY');
    const learn = asMobilizer.body.documents.shared.plan.learn.verifiers;
    expect(Object.values(learn).every((v) => (v as { done: boolean }).done)).toBe(true);
  });
});
