import { testDatabaseKinds } from '@quorum/db';
import { createPostgresPersistence, RoomEngine } from '@quorum/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SyncContext } from '../sync/index.ts';
import { createTestApp, type TestAccount, type TestApp } from '../testing/test-app.ts';
import { readableRooms, toCsv } from './index.ts';

// biome-ignore lint/suspicious/noExplicitAny: tests read arbitrary JSON
type Json = Record<string, any>;

describe.each(testDatabaseKinds())('deal export and import on %s', (kind) => {
  let t: TestApp;
  let engine: RoomEngine<SyncContext>;
  let seller: TestAccount;
  let mobilizer: TestAccount;
  let dealId: string;

  beforeAll(async () => {
    t = await createTestApp(kind, (db) => {
      engine = new RoomEngine<SyncContext>({ persistence: createPostgresPersistence(db) });
      return { engine, maxImportBytes: 2 * 1024 * 1024 };
    });
    seller = await t.signup({ email: 'ana@acme.example', organization: 'Acme' });
    mobilizer = await t.signup({ email: 'mara@nordwind.example' });
    const sample = await t.call('POST', '/api/deals/sample', { cookie: seller.cookie });
    dealId = sample.body.id;
    const invite = await t.call('POST', `/api/deals/${dealId}/invites`, {
      cookie: seller.cookie,
      body: { email: 'mara@nordwind.example', role: 'mobilizer' },
    });
    const token = (invite.body.url as string).split('/').pop();
    expect((await t.call('POST', `/api/invites/${token}/accept`, { cookie: mobilizer.cookie })).status).toBe(200);
  });
  afterAll(async () => {
    await engine.close();
    await t.close();
  });

  const exportOf = async (id: string, who: TestAccount) => {
    const res = await t.call('GET', `/api/deals/${id}/export`, { cookie: who.cookie });
    expect(res.status).toBe(200);
    return res.body as Json;
  };
  const stakeholderNames = async (id: string) =>
    Object.values((await exportOf(id, seller)).shared.stakeholders as Json)
      .map((s) => s.name)
      .sort();

  it('gives each role only the documents it may read: a Mobilizer never the seller’s', async () => {
    const mine = await exportOf(dealId, seller);
    expect(Object.keys(mine).sort()).toEqual(['deal', 'format', 'seller', 'shared', 'version']);
    expect(mine).toMatchObject({ format: 'quorum-deal', version: 1, deal: { buyer: 'Nordwind Logistics' } });
    expect(typeof mine.seller.notes).toBe('string');
    const markers = [
      mine.seller.notes.slice(0, 40),
      ...Object.values(mine.seller.blockerPlans as Json).map((plan) => plan.specialConcern),
      mine.seller.insight.problem.slice(0, 40),
    ].filter((marker) => typeof marker === 'string' && marker.length > 10);
    expect(markers.length).toBeGreaterThanOrEqual(3);

    const theirs = await exportOf(dealId, mobilizer);
    expect(Object.keys(theirs).sort()).toEqual(['buyer', 'deal', 'format', 'shared', 'version']);
    const text = JSON.stringify(theirs);
    for (const marker of markers) expect(text).not.toContain(marker);
    expect(theirs.shared).toEqual(mine.shared);
    expect(readableRooms('manager')).toEqual(['shared', 'seller']);
  });

  it('round-trips: export, import as a new deal, export again gives the same documents with the same ids', async () => {
    const original = await exportOf(dealId, seller);
    const imported = await t.call('POST', '/api/deals/import', { cookie: seller.cookie, body: original });
    expect(imported.status).toBe(201);
    expect(imported.body).toMatchObject({ id: expect.any(String), skipped: [], updated: 0 });
    expect(imported.body.added).toBeGreaterThan(10);
    const again = await exportOf(imported.body.id, seller);
    expect(again.shared).toEqual(original.shared);
    expect(again.seller).toEqual(original.seller);
    expect(JSON.stringify(again.shared)).toBe(JSON.stringify(original.shared));
    // A Mobilizer's export (with the buyer's notes) imports too, without writing the buyer's document.
    const theirs = await exportOf(dealId, mobilizer);
    const fromBuyer = await t.call('POST', '/api/deals/import', { cookie: seller.cookie, body: theirs });
    expect(fromBuyer.body.skipped).toEqual(['buyer']);
  });

  it('exports stakeholders and criteria as CRM-shaped CSV', async () => {
    const res = await t.call('GET', `/api/deals/${dealId}/export.csv?of=stakeholders`, { cookie: mobilizer.cookie });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/csv');
    const lines = (res.body as string).trim().split(/\r\n/);
    expect(lines[0]).toBe('name,title,department,email,role,profile,influence,stance,commitment,reportsTo');
    expect(lines).toHaveLength(1 + (await stakeholderNames(dealId)).length);
    const criteria = await t.call('GET', `/api/deals/${dealId}/export.csv?of=criteria`, { cookie: seller.cookie });
    expect((criteria.body as string).split(/\r\n/)[0]).toBe('name,description,weight,kind,mandatory,owner');
    const bad = await t.call('GET', `/api/deals/${dealId}/export.csv?of=notes`, { cookie: seller.cookie });
    expect(bad.status).toBe(400);
    expect(bad.body.error.field).toBe('of');
  });

  it('refuses a CSV with errors as a whole, naming every bad row and column', async () => {
    const before = await stakeholderNames(dealId);
    const csv = [
      'Name,Title,Department,Email,Role,Influence,Stance',
      'Nia North,Controller,Finance,nia@nordwind.example,approver,9,0',
      ',Head of Fleet,Ops,,user,3,1',
      'Oskar Ost,Driver,Ops,not-an-email,user,2,1',
      'Pia Park,Analyst,IT,pia@nordwind.example,user,2,1',
    ].join('\n');
    const res = await t.call('POST', `/api/deals/${dealId}/import`, {
      cookie: seller.cookie,
      raw: csv,
      contentType: 'text/csv',
    });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('invalid_import');
    expect(res.body.error.rows).toEqual([
      { row: 2, column: 'influence', message: 'influence must be from 1 to 5.' },
      { row: 3, column: 'name', message: 'Every stakeholder needs a name.' },
      { row: 4, column: 'email', message: 'email must be an email address.' },
    ]);
    expect(await stakeholderNames(dealId)).toEqual(before);
  });

  it('merges a CSV into a deal: a match by name and title is updated, the others added (sellers only)', async () => {
    const shared = (await exportOf(dealId, seller)).shared;
    const someone = Object.values(shared.stakeholders as Json)[0];
    // Names and titles may hold commas: the CSV is written by the same library the export uses.
    const csv = toCsv(
      ['name', 'title', 'stance', 'reportsTo'],
      [
        { name: someone.name, title: someone.title, stance: '2', reportsTo: '' },
        { name: 'Quinn Quay', title: 'Fleet lead', stance: '1', reportsTo: someone.name },
      ],
    );
    const refused = await t.call('POST', `/api/deals/${dealId}/import`, {
      cookie: mobilizer.cookie,
      raw: csv,
      contentType: 'text/csv',
    });
    expect(refused.status).toBe(403);
    const res = await t.call('POST', `/api/deals/${dealId}/import`, {
      cookie: seller.cookie,
      raw: csv,
      contentType: 'text/csv',
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: dealId, added: 1, updated: 1 });
    const after = (await exportOf(dealId, seller)).shared.stakeholders as Json;
    const [id] = Object.entries(after).find(([, s]) => s.name === someone.name)!;
    expect(after[id].stance).toBe(2);
    const quinn = Object.values(after).find((s) => s.name === 'Quinn Quay');
    expect(quinn).toMatchObject({ title: 'Fleet lead', reportsTo: id, stance: 1 });
  });

  it('merges JSON into a deal by id: existing records updated, new ones added, the title kept', async () => {
    const original = await exportOf(dealId, seller);
    const [criterionId, criterion] = Object.entries(original.shared.criteria as Json)[0]!;
    const newId = '00000000-0000-4000-8000-0000000000aa';
    const patch = {
      ...original,
      deal: { title: 'Renamed elsewhere', buyer: 'Nordwind Logistics' },
      shared: {
        meta: { title: 'Renamed elsewhere' },
        criteria: { [criterionId]: { name: `${criterion.name} (revised)`, weight: 10 } },
        objections: { [newId]: { title: 'Battery life in winter', category: 'capability', status: 'open' } },
      },
      seller: { notes: 'Imported notes.' },
    };
    const res = await t.call('POST', `/api/deals/${dealId}/import`, { cookie: seller.cookie, body: patch });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ added: 1, updated: 1 });
    const after = await exportOf(dealId, seller);
    expect(after.shared.criteria[criterionId]).toMatchObject({ name: `${criterion.name} (revised)`, weight: 10 });
    expect(after.shared.criteria[criterionId].description).toBe(criterion.description);
    expect(after.shared.objections[newId].title).toBe('Battery life in winter');
    expect(after.shared.meta.title).toBe(original.shared.meta.title);
    expect(after.seller.notes).toBe('Imported notes.');
  });

  it('names every problem of a JSON import, all or nothing', async () => {
    const original = await exportOf(dealId, seller);
    const ids = Object.keys(original.shared.stakeholders);
    original.shared.stakeholders[ids[0]!].influence = 11;
    original.shared.stakeholders[ids[1]!].reportsTo = 'nobody-here';
    const res = await t.call('POST', '/api/deals/import', { cookie: seller.cookie, body: original });
    expect(res.status).toBe(400);
    expect(res.body.error.problems.map((p: { path: string }) => p.path)).toEqual([
      `shared.stakeholders.${ids[0]}.influence`,
    ]);
    original.shared.stakeholders[ids[0]!].influence = 3;
    const second = await t.call('POST', '/api/deals/import', { cookie: seller.cookie, body: original });
    expect(second.body.error.problems).toEqual([
      { path: `shared.stakeholders.${ids[1]}.reportsTo`, message: 'No stakeholder has the id nobody-here.' },
    ]);
  });

  it('starts a new deal from a CSV of stakeholders, named by the query', async () => {
    const csv = 'name,title,role\nAda Lane,CIO,decider\nBo Berg,CFO,approver\n';
    const unnamed = await t.call('POST', '/api/deals/import', {
      cookie: seller.cookie,
      raw: csv,
      contentType: 'text/csv',
    });
    expect(unnamed.status).toBe(400);
    expect(unnamed.body.error.field).toBe('title');
    const res = await t.call('POST', '/api/deals/import?title=Fleet%20renewal&buyer=Ostwind', {
      cookie: seller.cookie,
      raw: csv,
      contentType: 'text/csv',
    });
    expect(res.status).toBe(201);
    expect(await stakeholderNames(res.body.id)).toEqual(['Ada Lane', 'Bo Berg']);
    const deal = await t.call('GET', `/api/deals/${res.body.id}`, { cookie: seller.cookie });
    expect(deal.body.deal).toMatchObject({ title: 'Fleet renewal', buyer: 'Ostwind' });
  });

  it('answers 413 with the limit to an import above 2 MiB, and 415 to other media', async () => {
    const huge = `name\n${'x'.repeat(3 * 1024 * 1024)}\n`;
    const res = await t.call('POST', `/api/deals/${dealId}/import`, {
      cookie: seller.cookie,
      raw: huge,
      contentType: 'text/csv',
      headers: { 'content-length': String(huge.length) },
    });
    expect(res.status).toBe(413);
    expect(res.body.error.message).toContain(String(2 * 1024 * 1024));
    const xml = await t.call('POST', '/api/deals/import', {
      cookie: seller.cookie,
      raw: '<deal/>',
      contentType: 'application/xml',
    });
    expect(xml.status).toBe(415);
  });
});
