import { testDatabaseKinds } from '@quorum/db/testing';
import { computeStatus, readCriteria, readStakeholders, readVoice } from '@quorum/deal-model';
import { createPostgresPersistence, RoomEngine } from '@quorum/sync';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import type { SyncContext } from '../sync/index.ts';
import { createTestApp, TEST_ORIGIN, type TestAccount, type TestApp } from '../testing/test-app.ts';

describe.each(testDatabaseKinds())('a stakeholder’s own view through their link (%s)', (kind) => {
  let t: TestApp;
  let engine: RoomEngine<SyncContext>;
  let seller: TestAccount;
  let mobilizer: TestAccount;
  let dealId: string;
  let people: Record<string, string>;
  let criteria: Array<{ id: string; name: string }>;

  async function read<T>(fn: (doc: Y.Doc) => T): Promise<T> {
    const opened = await engine.openDoc(dealId);
    try {
      await opened.whenStored();
      return fn(opened.doc);
    } finally {
      opened.release();
    }
  }

  async function link(stakeholderId: string, as: TestAccount = mobilizer): Promise<string> {
    const res = await t.call('POST', `/api/deals/${dealId}/guides/${stakeholderId}/links`, {
      cookie: as.cookie,
      body: {},
    });
    expect(res.status).toBe(201);
    return new URL(res.body.url).pathname;
  }

  const answer = (path: string, body: unknown, origin: string | null = null) =>
    t.call('POST', `${path}/voice`, { body, origin });

  beforeEach(async () => {
    t = await createTestApp(kind, (db) => {
      engine = new RoomEngine<SyncContext>({ persistence: createPostgresPersistence(db) });
      return { engine };
    });
    seller = await t.signup({ email: 'sam@acme.test', name: 'Sam Seller', organization: 'Acme Devices' });
    const sample = await t.call('POST', '/api/deals/sample', { cookie: seller.cookie });
    dealId = sample.body.id;
    const invite = await t.call('POST', `/api/deals/${dealId}/invites`, {
      cookie: seller.cookie,
      body: { email: 'mara@nordwind.test', role: 'mobilizer' },
    });
    mobilizer = await t.signup({ email: 'mara@nordwind.test', name: 'Mara Jensen' });
    const token = new URL(invite.body.url).pathname.split('/').pop();
    expect((await t.call('POST', `/api/invites/${token}/accept`, { cookie: mobilizer.cookie })).status).toBe(200);
    people = await read((doc) => Object.fromEntries(readStakeholders(doc).map((s) => [s.title, s.id])));
    criteria = await read((doc) => readCriteria(doc).map(({ id, name }) => ({ id, name })));
  });

  afterEach(async () => {
    await engine.close();
    await t.close();
  });

  it('shows the person the criteria, their own last answer and who will read it, and nothing candid', async () => {
    const path = await link(people['Chief Financial Officer']!);
    const res = await t.call('GET', `${path}/voice`, { origin: null });
    expect(res.status).toBe(200);
    expect(res.body.stakeholder).toEqual({ name: 'Anna Kowalski', title: 'Chief Financial Officer' });
    expect(res.body.criteria.map((c: { id: string }) => c.id)).toEqual(criteria.map((c) => c.id));
    expect(res.body.mine.weights).toBeTypeOf('object');
    expect(res.body.seenBy).toEqual([
      { name: 'Mara Jensen', company: 'Nordwind Logistics', role: 'mobilizer' },
      { name: 'Sam Seller', company: 'Acme Devices', role: 'seller' },
    ]);
    const text = JSON.stringify(res.body);
    for (const [title, id] of Object.entries(people))
      if (title !== 'Chief Financial Officer') expect(text).not.toContain(id);
    for (const word of ['profile', 'stance', 'influence', 'commitment', 'score', 'owner', 'weightsByStakeholder']) {
      expect(text).not.toContain(`"${word}`);
    }
    expect(res.headers.get('set-cookie')).toBeNull();
  });

  it('stores an answer in the shared document (weights and voice), counts it, and a later one replaces it', async () => {
    const procurement = people['Head of Procurement'] ?? Object.values(people)[4]!;
    const path = await link(procurement);
    const [first, second] = criteria;
    const res = await answer(path, {
      weights: { [first!.id]: 70, [second!.id]: 5 },
      concerns: 'Lead times',
      missing: 'Spare parts',
    });
    expect(res.status).toBe(201);
    expect(Date.parse(res.body.submittedAt)).not.toBeNaN();
    const stored = await read((doc) => ({
      voice: readVoice(doc, procurement),
      weight: readCriteria(doc).find((c) => c.id === first!.id)?.weightsByStakeholder[procurement],
      heard: computeStatus(doc).heardFrom,
    }));
    expect(stored.voice).toMatchObject({
      weights: { [first!.id]: 70, [second!.id]: 5 },
      concerns: 'Lead times',
      missing: 'Spare parts',
      via: 'link',
    });
    expect(stored.weight).toBe(70);
    expect(stored.heard).toBe(4);

    expect((await answer(path, { weights: { [first!.id]: 20 } })).status).toBe(201);
    const again = await read((doc) => readVoice(doc, procurement));
    expect(again?.weights).toEqual({ [first!.id]: 20 });
    expect(again?.concerns).toBe('');

    const engagement = await t.call('GET', `/api/deals/${dealId}/engagement`, { cookie: mobilizer.cookie });
    expect(engagement.status).toBe(200);
    const row = engagement.body.stakeholders.find((s: { id: string }) => s.id === procurement);
    expect(row).toMatchObject({ links: 1, answers: 2 });
    expect(row.lastAnswerAt).not.toBeNull();
  });

  it('refuses a wrong answer naming the field, and stores nothing of it', async () => {
    const ceo = people['Chief Executive Officer']!;
    const path = await link(ceo);
    const before = await read((doc) => readVoice(doc, ceo));
    const id = criteria[0]!.id;
    const cases: Array<[unknown, string]> = [
      [{ weights: { 'no-such-criterion': 10 } }, 'weights.no-such-criterion'],
      [{ weights: { [id]: 150 } }, `weights.${id}`],
      [{ weights: { [id]: 12.5 } }, `weights.${id}`],
      [{ weights: { [id]: -1 } }, `weights.${id}`],
      [{ weights: { [id]: '50' } }, 'weights'],
      [{ concerns: 'x'.repeat(4001) }, 'concerns'],
      [{ missing: 'x'.repeat(1001) }, 'missing'],
      [{}, 'weights'],
    ];
    for (const [body, field] of cases) {
      const res = await answer(path, body);
      expect(res.status, JSON.stringify(body).slice(0, 80)).toBe(400);
      expect(res.body.error.field).toBe(field);
      expect(res.body.error.message.length).toBeGreaterThan(10);
    }
    expect(await read((doc) => readVoice(doc, ceo))).toEqual(before);
  });

  it('answers 404 for unknown links and the objection guide, 410 once revoked, 429 to a guesser', async () => {
    const objections = await t.call('POST', `/api/deals/${dealId}/objection-guide/links`, {
      cookie: seller.cookie,
      body: {},
    });
    const objectionPath = new URL(objections.body.url).pathname;
    const res = await answer(objectionPath, { concerns: 'x' });
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('not_a_stakeholder_link');
    expect((await t.call('GET', `${objectionPath}/voice`, { origin: null })).status).toBe(404);

    const path = await link(people['Chief Financial Officer']!);
    const linkId = (await t.call('GET', `/api/deals/${dealId}/links`, { cookie: seller.cookie })).body.links[0].id;
    expect((await t.call('DELETE', `/api/guide-links/${linkId}`, { cookie: seller.cookie })).status).toBe(200);
    const revoked = await answer(path, { concerns: 'late' });
    expect(revoked.status).toBe(410);
    expect(revoked.body.error.code).toBe('link_revoked');

    let last = 0;
    for (let i = 0; i < 25; i++) {
      last = (await answer(`/g/${'A'.repeat(21)}${String.fromCharCode(65 + i)}`, { concerns: 'guess' })).status;
    }
    expect(last).toBe(429);
  });

  it('refuses an answer sent by a page of another origin', async () => {
    const path = await link(people['Chief Financial Officer']!);
    const res = await answer(path, { concerns: 'from elsewhere' }, 'https://evil.test');
    expect(res.status).toBe(403);
    expect((await answer(path, { concerns: 'from the page' }, TEST_ORIGIN)).status).toBe(201);
  });

  it('works as a plain HTML form: the page asks, a post redirects back, a mistake keeps what was typed', async () => {
    const ceo = people['Chief Executive Officer']!;
    const path = await link(ceo);
    const page = await t.call('GET', path, { origin: null });
    expect(page.status).toBe(200);
    expect(page.body).toContain('Your view');
    expect(page.body).toContain(`action="${path}/voice"`);
    expect(page.body).toContain('Mara Jensen (Nordwind Logistics) and Sam Seller (Acme Devices)');
    expect(page.headers.get('content-security-policy')).toContain("form-action 'self'");

    const id = criteria[0]!.id;
    const wrong = await t.call('POST', `${path}/voice`, {
      raw: new URLSearchParams({ [`weights.${id}`]: '150', concerns: 'My long <b>worry</b>' }).toString(),
      contentType: 'application/x-www-form-urlencoded',
      origin: TEST_ORIGIN,
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body).toContain(`The weight for “${criteria[0]!.name}” must be a whole number from 0 to 100.`);
    expect(wrong.body).toContain('My long &lt;b&gt;worry&lt;/b&gt;');
    expect(wrong.body).toContain('value="150"');

    const right = await t.call('POST', `${path}/voice`, {
      raw: new URLSearchParams({ [`weights.${id}`]: '35', concerns: 'Roll-out during the audit' }).toString(),
      contentType: 'application/x-www-form-urlencoded',
      origin: TEST_ORIGIN,
    });
    expect(right.status).toBe(303);
    expect(right.headers.get('location')).toBe(`${path}?sent=1#your-view`);
    const after = await t.call('GET', `${path}?sent=1`, { origin: null });
    expect(after.body).toContain('Thank you. Your view was sent');
    expect(after.body).toContain('Roll-out during the audit');
    expect(await read((doc) => readVoice(doc, ceo)?.weights[id])).toBe(35);
  });

  it('the objection guide page asks nobody’s view; engagement is for people on the deal only', async () => {
    const objections = await t.call('POST', `/api/deals/${dealId}/objection-guide/links`, {
      cookie: seller.cookie,
      body: {},
    });
    const page = await t.call('GET', new URL(objections.body.url).pathname, { origin: null });
    expect(page.status).toBe(200);
    expect(page.body).not.toContain('Your view');
    const outsider = await t.signup({ email: 'eve@other.test', organization: 'Other' });
    expect((await t.call('GET', `/api/deals/${dealId}/engagement`, { cookie: outsider.cookie })).status).toBe(404);
    expect((await t.call('GET', `/api/deals/${dealId}/engagement`)).status).toBe(401);
  });
});
