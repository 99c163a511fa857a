import { readFileSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { users } from '@quorum/db';
import { testDatabaseKinds } from '@quorum/db/testing';
import { computeStatus, readCriteria, readStakeholders } from '@quorum/deal-model';
import { createPostgresPersistence, RoomEngine } from '@quorum/sync';
import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLocalStatusBus, StatusProjection } from '../status/index.ts';
import type { SyncContext } from '../sync/index.ts';
import { createTestApp, type TestAccount, type TestApp } from '../testing/test-app.ts';
import type { ResolvedAddress } from './address-guard.ts';
import { emitWebhook } from './emit-webhook.ts';
import { verifyQuorumSignature } from './verify-signature.ts';
import { WebhookSender } from './webhook-sender.ts';

/** A request the receiver got, and what its signature check said. */
interface Received {
  headers: IncomingHttpHeaders;
  body: string;
  genuine: boolean;
}

/**
 * A webhook receiver as an integrator would write one (node:http, port 0): it checks `Quorum-Signature` with the
 * README's verification and answers 401 to a bad one, 200 otherwise; `failNext` makes it answer 500 that many times.
 */
async function startReceiver() {
  const received: Received[] = [];
  const state = { secret: '', failNext: 0 };
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const genuine = verifyQuorumSignature(
        request.headers['quorum-signature'] as string | undefined,
        body,
        state.secret,
      );
      received.push({ headers: request.headers, body, genuine });
      if (!genuine) return response.writeHead(401).end('bad signature');
      if (state.failNext > 0) {
        state.failNext -= 1;
        return response.writeHead(500).end('receiver is down');
      }
      response.writeHead(200, { 'content-type': 'text/plain' }).end('thanks');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks/quorum`,
    port,
    received,
    state,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe('the receiver’s verification example', () => {
  it('is, in apps/server/README.md, the code the test receiver runs', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const section = readme.slice(readme.indexOf('### Receiving webhooks'));
    const snippet = /```ts\n([\s\S]*?)```/.exec(section)?.[1];
    const source = readFileSync(new URL('./verify-signature.ts', import.meta.url), 'utf8');
    expect(snippet).toBe(source.slice(source.indexOf('import')));
  });
});

describe.each(testDatabaseKinds())('webhooks (%s)', (kind) => {
  let t: TestApp;
  let engine: RoomEngine<SyncContext>;
  let sender: WebhookSender;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  let manager: TestAccount;
  /** What the test resolver answers for each host name: DNS the test controls. */
  const dns = new Map<string, ResolvedAddress[]>();
  const resolve = async (host: string) => {
    const found = dns.get(host);
    if (!found) throw new Error(`ENOTFOUND ${host}`);
    return found;
  };

  async function setup({ allowPrivate }: { allowPrivate: boolean }) {
    receiver = await startReceiver();
    t = await createTestApp(kind, (db) => {
      engine = new RoomEngine<SyncContext>({ persistence: createPostgresPersistence(db) });
      sender = new WebhookSender({ db, allowPrivate, resolve, backoffBaseMs: 0, maxAttempts: 3, log: quiet });
      return { engine, webhooks: { allowPrivate, resolve, sender } };
    });
    manager = await t.signup({ email: 'maya@acme.test', name: 'Maya Manager', organization: 'Acme Devices' });
  }

  const quiet = { info: () => undefined, error: () => undefined };

  async function createWebhook(
    url: string,
    events = ['deal.status.changed', 'deal.closed', 'guide.viewed', 'voice.submitted'],
  ) {
    return t.call('POST', '/api/webhooks', { cookie: manager.cookie, body: { url, events } });
  }

  const deliveries = async (id: string) =>
    (await t.call('GET', `/api/webhooks/${id}/deliveries`, { cookie: manager.cookie })).body.deliveries;

  /** Runs sender rounds until nothing is due (retries have no backoff here). */
  async function drain() {
    while ((await sender.runOnce()) > 0);
  }

  afterEach(async () => {
    dns.clear();
    await sender.stop();
    await engine.close();
    await t.close();
    await receiver.close();
  });

  describe('with private addresses allowed (the receiver runs on this machine)', () => {
    beforeEach(() => setup({ allowPrivate: true }));

    it('delivers a test-send signed with the endpoint’s secret, and logs the answer', async () => {
      const created = await createWebhook(receiver.url, ['deal.closed']);
      expect(created.status).toBe(201);
      expect(created.body.secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
      receiver.state.secret = created.body.secret;
      const listed = await t.call('GET', '/api/webhooks', { cookie: manager.cookie });
      expect(listed.body.webhooks).toEqual([
        { id: created.body.id, url: receiver.url, events: ['deal.closed'], createdAt: expect.any(String) },
      ]);
      expect(JSON.stringify(listed.body)).not.toContain(created.body.secret);

      const sent = await t.call('POST', `/api/webhooks/${created.body.id}/test`, { cookie: manager.cookie });
      expect(sent.status).toBe(201);
      await drain();
      expect(receiver.received).toHaveLength(1);
      const [request] = receiver.received;
      expect(request!.genuine).toBe(true);
      expect(request!.headers['quorum-event']).toBe('webhook.test');
      expect(request!.headers['quorum-delivery']).toBe(sent.body.deliveryId);
      expect(request!.headers['content-type']).toBe('application/json');
      expect(JSON.parse(request!.body)).toMatchObject({ event: 'webhook.test', data: { webhookId: created.body.id } });
      const [logged] = await deliveries(created.body.id);
      expect(logged).toMatchObject({ id: sent.body.deliveryId, status: 'delivered', attempts: 1, lastStatus: 200 });
      expect(logged.lastResponse).toBe('thanks');
    });

    it('is refused by the receiver when signed with another secret, or when the body was changed', async () => {
      const created = await createWebhook(receiver.url);
      receiver.state.secret = 'whsec_not-the-one-quorum-signs-with';
      await emitWebhook(t.db, (await orgOf(manager)).organizationId, 'deal.closed', closed);
      await sender.runOnce();
      expect(receiver.received).toHaveLength(1);
      expect(receiver.received[0]!.genuine).toBe(false);
      const [logged] = await deliveries(created.body.id);
      expect(logged).toMatchObject({ status: 'pending', attempts: 1, lastStatus: 401, lastResponse: 'bad signature' });

      // The same verification: the right secret accepts the delivery as sent, and nothing else.
      const { body, headers } = receiver.received[0]!;
      const header = headers['quorum-signature'] as string;
      expect(verifyQuorumSignature(header, body, created.body.secret)).toBe(true);
      expect(verifyQuorumSignature(header, body.replace('"won"', '"lost"'), created.body.secret)).toBe(false);
      const t0 = Number(/t=(\d+)/.exec(header)![1]);
      expect(verifyQuorumSignature(header, body, created.body.secret, { now: t0 + 3600 })).toBe(false); // a replay
      expect(verifyQuorumSignature(undefined, body, created.body.secret)).toBe(false);
    });

    it('retries after a 500 and delivers on the next attempt; gives up after the last one', async () => {
      const created = await createWebhook(receiver.url);
      receiver.state.secret = created.body.secret;
      receiver.state.failNext = 1;
      const { organizationId } = await orgOf(manager);
      await emitWebhook(t.db, organizationId, 'deal.closed', closed);
      await sender.runOnce();
      const [first] = await deliveries(created.body.id);
      expect(first).toMatchObject({
        status: 'pending',
        attempts: 1,
        lastStatus: 500,
        lastResponse: 'receiver is down',
      });
      await sender.runOnce();
      const [second] = await deliveries(created.body.id);
      expect(second).toMatchObject({ status: 'delivered', attempts: 2, lastStatus: 200 });
      expect(receiver.received.map((r) => r.genuine)).toEqual([true, true]);
      expect(receiver.received[0]!.headers['quorum-delivery']).toBe(receiver.received[1]!.headers['quorum-delivery']);
      expect(sender.stats()).toMatchObject({ delivered: 1, retried: 1, failed: 0 });

      receiver.state.failNext = 10;
      await emitWebhook(t.db, organizationId, 'deal.closed', closed);
      await drain();
      const [gaveUp] = await deliveries(created.body.id);
      expect(gaveUp).toMatchObject({ status: 'failed', attempts: 3, lastStatus: 500 });
    });

    it('sends guide.viewed on a link’s first view, voice.submitted without the answer’s words, and status changes', async () => {
      const created = await createWebhook(receiver.url);
      receiver.state.secret = created.body.secret;
      const sample = await t.call('POST', '/api/deals/sample', { cookie: manager.cookie });
      const dealId = sample.body.id as string;
      const opened = await engine.openDoc(dealId);
      await opened.whenStored();
      const cfo = readStakeholders(opened.doc).find((s) => s.title === 'Chief Financial Officer')!;
      const criteria = readCriteria(opened.doc);
      opened.release();
      const link = await t.call('POST', `/api/deals/${dealId}/guides/${cfo.id}/links`, {
        cookie: manager.cookie,
        body: {},
      });
      expect(link.status).toBe(201);
      const path = new URL(link.body.url).pathname;
      expect((await t.call('GET', path, { origin: null })).status).toBe(200);
      expect((await t.call('GET', path, { origin: null })).status).toBe(200);
      const concerns = 'Our CFO worries about the lease terms';
      const answered = await t.call('POST', `${path}/voice`, {
        origin: null,
        body: { weights: { [criteria[0]!.id]: 80 }, concerns },
      });
      expect(answered.status).toBe(201);

      const projection = new StatusProjection({
        db: t.db,
        engine,
        bus: createLocalStatusBus(),
        compute: (shared, seller, options) => computeStatus(shared, seller, options),
      });
      projection.schedule(dealId, { shared: true });
      await projection.flush();
      projection.schedule(dealId); // nothing changed: no second status webhook
      await projection.flush();
      await projection.stop();
      await drain();

      const events = receiver.received.map((r) => ({ event: r.headers['quorum-event'], body: JSON.parse(r.body) }));
      expect(receiver.received.every((r) => r.genuine)).toBe(true);
      expect(events.map((e) => e.event)).toEqual(['guide.viewed', 'voice.submitted', 'deal.status.changed']);
      expect(events[0]!.body.data).toEqual({
        dealId,
        linkId: expect.any(String),
        kind: 'stakeholder',
        stakeholder: { id: cfo.id, name: cfo.name },
        viewedAt: expect.any(String),
      });
      expect(events[1]!.body.data).toEqual({
        dealId,
        linkId: events[0]!.body.data.linkId,
        stakeholder: { id: cfo.id, name: cfo.name },
        submittedAt: answered.body.submittedAt,
        answered: { weights: 1, concerns: true, missing: false },
      });
      expect(receiver.received[1]!.body).not.toContain('lease terms');
      expect(events[2]!.body.data.dealId).toBe(dealId);
      expect(events[2]!.body.data.status).toMatchObject({ id: dealId, health: expect.any(Number) });
    });
  });

  describe('with private addresses refused (the default)', () => {
    beforeEach(() => setup({ allowPrivate: false }));

    it('refuses loopback, private, link-local and IPv4-mapped addresses when the endpoint is added', async () => {
      dns.set('metadata.example', [{ address: '169.254.169.254', family: 4 }]);
      dns.set('mixed.example', [
        { address: '93.184.216.34', family: 4 },
        { address: 'fd00::1', family: 6 },
      ]);
      for (const url of [
        receiver.url,
        'http://localhost.test.invalid/',
        'http://10.1.2.3/hook',
        'http://[::1]:8080/',
        'http://[::ffff:127.0.0.1]/',
        'http://[fe80::1]/',
        'https://metadata.example/latest',
        'https://mixed.example/hook',
      ]) {
        const res = await createWebhook(url);
        expect(res.status, url).toBe(400);
        expect(res.body.error.field, url).toBe('url');
      }
      const notHttp = await createWebhook('ftp://93.184.216.34/');
      expect(notHttp.status).toBe(400);
      expect((await t.call('GET', '/api/webhooks', { cookie: manager.cookie })).body.webhooks).toEqual([]);
    });

    it('checks again at delivery: a name that now resolves to a private address is not contacted', async () => {
      dns.set('hooks.example', [{ address: '93.184.216.34', family: 4 }]);
      const created = await createWebhook(`http://hooks.example:${receiver.port}/hooks/quorum`);
      expect(created.status).toBe(201);
      dns.set('hooks.example', [{ address: '127.0.0.1', family: 4 }]); // rebinding to the receiver on this machine
      await t.call('POST', `/api/webhooks/${created.body.id}/test`, { cookie: manager.cookie });
      await drain();
      expect(receiver.received).toEqual([]);
      const [logged] = await deliveries(created.body.id);
      expect(logged).toMatchObject({ status: 'failed', attempts: 1, lastStatus: null });
      expect(logged.lastError).toContain('127.0.0.1');
    });

    it('is for managers only: a member of the organization and a buyer account get 403', async () => {
      dns.set('hooks.example', [{ address: '93.184.216.34', family: 4 }]);
      const created = await createWebhook('https://hooks.example/quorum');
      const member = await t.signup({ email: 'mo@acme.test', organization: 'Acme Two' });
      await t.db
        .update(users)
        .set({ orgRole: 'member', organizationId: (await orgOf(manager)).organizationId })
        .where(eq(users.id, member.id));
      const buyer = await t.signup({ email: 'bo@buyer.test' });
      for (const who of [member, buyer]) {
        expect(
          (
            await t.call('POST', '/api/webhooks', {
              cookie: who.cookie,
              body: { url: 'https://hooks.example/x', events: ['deal.closed'] },
            })
          ).status,
        ).toBe(403);
        expect((await t.call('GET', '/api/webhooks', { cookie: who.cookie })).status).toBe(403);
        expect((await t.call('DELETE', `/api/webhooks/${created.body.id}`, { cookie: who.cookie })).status).toBe(403);
        expect(
          (await t.call('GET', `/api/webhooks/${created.body.id}/deliveries`, { cookie: who.cookie })).status,
        ).toBe(403);
      }
      expect((await t.call('GET', '/api/webhooks')).status).toBe(401);
      // Another organization's manager sees no such webhook.
      const other = await t.signup({ email: 'olga@other.test', organization: 'Other Co' });
      expect((await t.call('DELETE', `/api/webhooks/${created.body.id}`, { cookie: other.cookie })).status).toBe(404);
      expect((await t.call('DELETE', `/api/webhooks/${created.body.id}`, { cookie: manager.cookie })).status).toBe(200);
      expect((await t.call('GET', '/api/webhooks', { cookie: manager.cookie })).body.webhooks).toEqual([]);
    });
  });

  const closed = {
    dealId: '00000000-0000-4000-8000-000000000001',
    title: 'Fleet renewal',
    buyer: 'Nordwind',
    state: 'won' as const,
    reason: 'Best total cost',
    closedAt: new Date(0).toISOString(),
  };

  async function orgOf(account: TestAccount) {
    const [row] = await t.db
      .select({ organizationId: users.organizationId })
      .from(users)
      .where(eq(users.id, account.id));
    return { organizationId: row!.organizationId! };
  }
});
