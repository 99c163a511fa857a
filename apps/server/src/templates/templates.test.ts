import { testDatabaseKinds } from '@quorum/db';
import { createPostgresPersistence, RoomEngine } from '@quorum/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SyncContext } from '../sync/index.ts';
import { createTestApp, type TestAccount, type TestApp } from '../testing/test-app.ts';

// biome-ignore lint/suspicious/noExplicitAny: tests read arbitrary JSON
type Json = Record<string, any>;

describe.each(testDatabaseKinds())('deal templates on %s', (kind) => {
  let t: TestApp;
  let engine: RoomEngine<SyncContext>;
  let ana: TestAccount;
  let sampleId: string;
  let sample: Json;

  beforeAll(async () => {
    t = await createTestApp(kind, (db) => {
      engine = new RoomEngine<SyncContext>({ persistence: createPostgresPersistence(db) });
      return { engine };
    });
    ana = await t.signup({ email: 'ana@acme.example', organization: 'Acme' });
    sampleId = (await t.call('POST', '/api/deals/sample', { cookie: ana.cookie })).body.id;
    sample = (await t.call('GET', `/api/deals/${sampleId}/export`, { cookie: ana.cookie })).body;
  });
  afterAll(async () => {
    await engine.close();
    await t.close();
  });

  const exportOf = async (id: string) =>
    (await t.call('GET', `/api/deals/${id}/export`, { cookie: ana.cookie })).body as Json;

  it('saves a deal’s playbook: criteria, options, verifiers and objections, never a stakeholder or a note', async () => {
    const created = await t.call('POST', '/api/templates', {
      cookie: ana.cookie,
      body: { name: 'Laptop refresh playbook', fromDealId: sampleId },
    });
    expect(created.status).toBe(201);
    const list = await t.call('GET', '/api/templates', { cookie: ana.cookie });
    expect(list.body.templates.map((x: Json) => [x.name, x.builtIn])).toEqual([
      ['Sample: laptop refresh', true],
      ['Laptop refresh playbook', false],
    ]);

    const deal = await t.call('POST', '/api/deals', {
      cookie: ana.cookie,
      body: { title: 'Tablets', buyer: 'Ostwind', templateId: created.body.id },
    });
    expect(deal.status).toBe(201);
    const started = await exportOf(deal.body.id);
    expect(started.shared.meta).toMatchObject({ title: 'Tablets', buyer: 'Ostwind', seller: 'Acme' });
    expect(Object.keys(started.shared.criteria).sort()).toEqual(Object.keys(sample.shared.criteria).sort());
    expect(Object.keys(started.shared.options).sort()).toEqual(Object.keys(sample.shared.options).sort());
    expect(Object.values(started.shared.options as Json).filter((o: Json) => o.isStatusQuo)).toHaveLength(1);
    expect(Object.keys(started.shared.objections).sort()).toEqual(Object.keys(sample.shared.objections).sort());
    const verifiers = Object.values(started.shared.plan as Json).flatMap((stage: Json) =>
      Object.values(stage.verifiers as Json),
    );
    expect(verifiers.length).toBeGreaterThan(0);
    expect(verifiers.every((v: Json) => v.done === false)).toBe(true);
    // Nothing about people: no stakeholder, guide, voice, owner, raiser; no seller notes.
    expect(started.shared.stakeholders).toEqual({});
    expect(started.shared.guides).toEqual({});
    expect(started.shared.voices).toEqual({});
    const text = JSON.stringify(started);
    for (const [id, s] of Object.entries(sample.shared.stakeholders as Json)) {
      expect(text).not.toContain(id);
      expect(text).not.toContain(s.name);
    }
    expect(started.seller.notes).toBe('');
    expect(text).not.toContain(sample.seller.notes.slice(0, 30));
  });

  it('offers the sample deal as a built-in template', async () => {
    const deal = await t.call('POST', '/api/deals', {
      cookie: ana.cookie,
      body: { title: 'From the sample', buyer: 'Ostwind', templateId: 'sample-laptop-refresh' },
    });
    expect(deal.status).toBe(201);
    const started = await exportOf(deal.body.id);
    expect(
      Object.values(started.shared.criteria as Json)
        .map((c: Json) => c.name)
        .sort(),
    ).toEqual(
      Object.values(sample.shared.criteria as Json)
        .map((c: Json) => c.name)
        .sort(),
    );
    expect(started.shared.stakeholders).toEqual({});
  });

  it('keeps templates inside the organization, and lets only its sellers and managers save them', async () => {
    const bo = await t.signup({ email: 'bo@other.example', organization: 'Other' });
    const mine = await t.call('POST', '/api/templates', {
      cookie: ana.cookie,
      body: { name: 'Mine', fromDealId: sampleId },
    });
    const theirList = await t.call('GET', '/api/templates', { cookie: bo.cookie });
    expect(theirList.body.templates.map((x: Json) => x.name)).toEqual(['Sample: laptop refresh']);
    const borrowed = await t.call('POST', '/api/deals', {
      cookie: bo.cookie,
      body: { title: 'X', buyer: 'Y', templateId: mine.body.id },
    });
    expect(borrowed.status).toBe(400);
    expect(borrowed.body.error.field).toBe('templateId');
    const notTheirs = await t.call('POST', '/api/templates', {
      cookie: bo.cookie,
      body: { name: 'Steal', fromDealId: sampleId },
    });
    expect(notTheirs.status).toBe(404);
    expect((await t.call('DELETE', `/api/templates/${mine.body.id}`, { cookie: bo.cookie })).status).toBe(404);
    const removed = await t.call('DELETE', `/api/templates/${mine.body.id}`, { cookie: ana.cookie });
    expect(removed.body).toEqual({ id: mine.body.id, deleted: true });
  });
});
