/**
 * Members across instances (DESIGN.md 7d): two real server processes on one Postgres and one Redis, sending mail
 * through a real SMTP server. A seller invites a Mobilizer by email on instance A; the Mobilizer follows the mailed
 * link on instance B and opens the room there; the seller removes them on A, and their socket on B closes with 4403
 * at once; reconnecting is refused. Needs TEST_DATABASE_URL and REDIS_URL (skipped without them).
 */
import { createTestDb, type DbHandle } from '@quorum/db';
import { type SmtpSink, startSmtpSink } from '@quorum/mail/testing/smtp-sink';
import { type RedisProcess, startRedisServer } from '@quorum/sync/testing/redis-server';
import { until } from '@quorum/testing';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  connectRoom,
  createDeal,
  type Instance,
  ORIGIN,
  type RoomClient,
  signUp,
  startInstance,
} from './fixtures/cluster-instances.ts';

vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 });

const ready = Boolean(process.env.TEST_DATABASE_URL && process.env.REDIS_URL);
const describeCluster = ready ? describe : describe.skip;

async function api(base: string, method: string, path: string, cookie: string, body?: unknown) {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: { origin: ORIGIN, cookie, ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describeCluster('removing a member across two instances (needs TEST_DATABASE_URL and REDIS_URL)', () => {
  let database: DbHandle & { url?: string };
  let redis: RedisProcess;
  let smtp: SmtpSink;
  let instances: Instance[] = [];
  const clients: RoomClient[] = [];

  beforeAll(async () => {
    database = await createTestDb('postgres');
    redis = await startRedisServer();
    smtp = await startSmtpSink();
    instances = await Promise.all(
      [0, 1].map(() =>
        startInstance({
          DATABASE_URL: database.url!,
          REDIS_URL: redis.url,
          SMTP_URL: smtp.url,
          MAIL_FROM: 'Quorum <quorum@quorum.test>',
        }),
      ),
    );
  });
  afterAll(async () => {
    for (const client of clients) client.destroy();
    for (const instance of instances) await instance.kill();
    await smtp?.close();
    await redis?.stop();
    await database?.close();
  });

  it('the invite arrives by mail; the removed Mobilizer’s socket on the other instance closes with 4403, and stays out', async () => {
    const [a, b] = instances as [Instance, Instance];
    const seller = await signUp(a.base, 'sam@acme.example');
    const dealId = await createDeal(a.base, seller, 'Fleet renewal');
    const invited = await api(a.base, 'POST', `/api/deals/${dealId}/invites`, seller, {
      email: 'mara@nordwind.example',
      role: 'mobilizer',
    });
    expect(invited.status).toBe(201);

    // main.ts's outbox sends the invite through SMTP_URL.
    await until(() => smtp.received.some((m) => m.envelope.to.includes('mara@nordwind.example')), {
      what: 'the invite mail',
    });
    const received = smtp.received.find((m) => m.envelope.to.includes('mara@nordwind.example'))!;
    expect(received.envelope.from).toBe('quorum@quorum.test');
    const link = /http:\/\/quorum\.test\/invite\/[A-Za-z0-9_-]+/.exec(received.mail.text ?? '')?.[0];
    expect(link).toBe(invited.body.url);

    const mara = await signUp(b.base, 'mara@nordwind.example', '');
    const token = link!.split('/').pop()!;
    expect((await api(b.base, 'POST', `/api/invites/${token}/accept`, mara)).status).toBe(200);
    const maraId = ((await api(b.base, 'GET', '/api/me', mara)).body.user as { id: string }).id;

    const room = connectRoom(b.base, dealId, mara);
    clients.push(room);
    await until(() => room.provider.synced, { what: 'the Mobilizer to sync on instance B' });

    const started = performance.now();
    const removed = await api(a.base, 'DELETE', `/api/deals/${dealId}/members/${maraId}`, seller);
    expect(removed.status).toBe(200);
    await until(() => room.closeCodes.includes(4403), {
      what: 'the removed Mobilizer’s socket on B to close with 4403',
    });
    const closedAfterMs = performance.now() - started;
    console.log(`[members] socket on the other instance closed ${closedAfterMs.toFixed(0)} ms after the DELETE`);

    // Connecting again, on either instance, is refused.
    const again = connectRoom(a.base, dealId, mara);
    clients.push(again);
    await until(() => again.closeCodes.includes(4403), { what: 'a new connection to be refused with 4403' });
    expect(again.provider.synced).toBe(false);
    const onB = connectRoom(b.base, dealId, mara);
    clients.push(onB);
    await until(() => onB.closeCodes.includes(4403), { what: 'a new connection on B to be refused with 4403' });
    expect(onB.provider.synced).toBe(false);

    const members = await api(a.base, 'GET', `/api/deals/${dealId}/members`, seller);
    expect((members.body.members as Array<{ userId: string }>).map((m) => m.userId)).not.toContain(maraId);
  });
});
