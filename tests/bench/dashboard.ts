/**
 * Benchmark: the manager's dashboard (issue 5).
 *  1. GET /api/deals for a manager whose organization has 1,000 deals, each with a stored status
 *     (target under 100 ms).
 *  2. Status event fan-out: one deal's status pushed to 200 open dashboards (200 managers, each with an
 *     open GET /api/deals/events stream on a real HTTP server); from the bus publish until the 200th
 *     stream has read the event (target under 1 s), and from the document edit (includes the debounce).
 * It prints figures and never fails on time.
 *
 *   pnpm exec tsx tests/bench/dashboard.ts [deals=1000] [dashboards=200]
 *
 * PGlite in memory by default; the real Postgres (a fresh database) when TEST_DATABASE_URL is set.
 */
import { randomUUID } from 'node:crypto';
import { createAuth } from '@quorum/auth';
import { dealMembers, dealStatus, deals, organizations, users } from '@quorum/db';
import { createTestDb } from '@quorum/db/testing';
import { addStakeholder, computeStatus, initSellerDoc, initSharedDoc, seedSampleDeal } from '@quorum/deal-model';
import { createPostgresPersistence, RoomEngine } from '@quorum/sync';
import * as Y from 'yjs';
import { createApp } from '../../apps/server/src/app.ts';
import { startServer } from '../../apps/server/src/server.ts';
import { createLocalStatusBus, StatusProjection } from '../../apps/server/src/status/index.ts';

const dealCount = Number(process.argv[2] ?? 1000);
const dashboardCount = Number(process.argv[3] ?? 200);
const ORIGIN = 'http://bench.quorum.test';
const kind = process.env.TEST_DATABASE_URL ? 'postgres' : 'pglite';

function figures(samples: number[]): string {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  return `p50 ${at(0.5).toFixed(1)} ms · p95 ${at(0.95).toFixed(1)} ms · max ${sorted.at(-1)!.toFixed(1)} ms (${samples.length} runs)`;
}

const handle = await createTestDb(kind);
const { db } = handle;
const auth = createAuth({ db });

async function organizationWithManagers(name: string, managers: number) {
  const [org] = await db.insert(organizations).values({ name }).returning({ id: organizations.id });
  const rows = Array.from({ length: managers }, (_, i) => ({
    email: `${name.toLowerCase()}-${i}-${randomUUID()}@bench.test`,
    name: `Manager ${i}`,
    passwordHash: 'not-a-real-hash',
    organizationId: org!.id,
    orgRole: 'manager',
  }));
  const inserted = await db.insert(users).values(rows).returning({ id: users.id });
  return { organizationId: org!.id, managerIds: inserted.map((u) => u.id) };
}

// A realistic stored status: the sample deal's, both views.
const sampleShared = new Y.Doc();
const sampleSeller = new Y.Doc();
initSharedDoc(sampleShared, { title: 'Sample', buyer: 'Bench AG' });
initSellerDoc(sampleSeller);
seedSampleDeal(sampleShared, sampleSeller);
const fullTemplate = computeStatus(sampleShared, sampleSeller, { online: 2 });
const sharedTemplate = computeStatus(sampleShared, null, { online: 2 });

// 1. GET /api/deals with `dealCount` deals.
{
  const { organizationId, managerIds } = await organizationWithManagers('Listing', 1);
  const managerId = managerIds[0]!;
  const started = performance.now();
  for (let offset = 0; offset < dealCount; offset += 250) {
    const batch = Array.from({ length: Math.min(250, dealCount - offset) }, (_, i) => ({
      id: randomUUID(),
      organizationId,
      title: `Deal ${offset + i}`,
      buyer: `Buyer ${offset + i}`,
      createdBy: managerId,
    }));
    await db.insert(deals).values(batch);
    await db.insert(dealMembers).values(batch.map((d) => ({ dealId: d.id, userId: managerId, role: 'seller' })));
    await db.insert(dealStatus).values(
      batch.map((d) => ({
        dealId: d.id,
        status: { ...fullTemplate, id: d.id, title: d.title },
        sharedStatus: { ...sharedTemplate, id: d.id, title: d.title },
        health: fullTemplate.health,
      })),
    );
  }
  console.log(`seeded ${dealCount} deals with statuses on ${kind} in ${(performance.now() - started).toFixed(0)} ms`);

  const app = createApp({ db, auth, origin: ORIGIN, log: () => undefined, status: { bus: createLocalStatusBus() } });
  const { token } = await auth.createSession(managerId);
  const cookie = `${auth.cookieName}=${token}`;
  const samples: number[] = [];
  let bytes = 0;
  for (let run = 0; run < 35; run++) {
    const t0 = performance.now();
    const response = await app.request(`${ORIGIN}/api/deals`, { headers: { cookie } });
    const body = await response.text();
    const ms = performance.now() - t0;
    if (response.status !== 200) throw new Error(`GET /api/deals answered ${response.status}: ${body.slice(0, 200)}`);
    const listed = (JSON.parse(body) as { deals: unknown[] }).deals.length;
    if (listed !== dealCount) throw new Error(`GET /api/deals listed ${listed} deals, expected ${dealCount}`);
    bytes = body.length;
    if (run >= 5) samples.push(ms); // the first runs warm up the JIT and the query plan
  }
  console.log(
    `GET /api/deals, ${dealCount} deals (${(bytes / 1024).toFixed(0)} KiB): ${figures(samples)}  [target < 100 ms]`,
  );
}

// 2. Fan-out of one status change to `dashboardCount` open dashboards.
{
  const { organizationId, managerIds } = await organizationWithManagers('Fanout', dashboardCount);
  const [deal] = await db
    .insert(deals)
    .values({ organizationId, title: 'Fan-out deal', buyer: 'Bench AG', createdBy: managerIds[0]! })
    .returning({ id: deals.id });
  const dealId = deal!.id;
  await db.insert(dealMembers).values({ dealId, userId: managerIds[0]!, role: 'seller' });

  const bus = createLocalStatusBus();
  let publishedAt = 0;
  bus.subscribe(() => {
    publishedAt = performance.now();
  });
  let projection: StatusProjection | undefined;
  const engine = new RoomEngine({
    persistence: createPostgresPersistence(db),
    hooks: { onChange: (room) => projection?.onChange(room) },
  });
  projection = new StatusProjection({ db, engine, bus, compute: computeStatus });
  const app = createApp({ db, auth, engine, origin: ORIGIN, log: () => undefined, status: { bus, projection } });
  const server = await startServer(app, { port: 0, hostname: '127.0.0.1' });
  const room = await engine.openDoc(dealId);
  initSharedDoc(room.doc, { title: 'Fan-out deal', buyer: 'Bench AG' });
  await projection.flush();

  /** Per dashboard: when it last read a status with `stakeholders === n`. */
  const received: Array<Map<number, number>> = [];
  const controllers: AbortController[] = [];
  let ready = 0;
  await Promise.all(
    managerIds.map(async (managerId, index) => {
      const { token } = await auth.createSession(managerId);
      const controller = new AbortController();
      controllers.push(controller);
      const seen = new Map<number, number>();
      received[index] = seen;
      const response = await fetch(`${server.url}/api/deals/events`, {
        headers: { cookie: `${auth.cookieName}=${token}` },
        signal: controller.signal,
      });
      const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
      void (async () => {
        let buffer = '';
        try {
          for (;;) {
            const { done, value } = await reader.read();
            if (done) return;
            buffer += value;
            for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
              const block = buffer.slice(0, end);
              buffer = buffer.slice(end + 2);
              if (block.startsWith('event: ready')) ready += 1;
              const match = /"stakeholders":(\d+)/.exec(block);
              if (block.startsWith('event: status') && match) seen.set(Number(match[1]), performance.now());
            }
          }
        } catch (error) {
          if (!controller.signal.aborted) console.error('a dashboard stream failed', error);
        }
      })();
    }),
  );
  while (ready < dashboardCount) await new Promise((resolve) => setTimeout(resolve, 10));

  const fromPublish: number[] = [];
  const fromEdit: number[] = [];
  for (let round = 1; round <= 15; round++) {
    const editedAt = performance.now();
    addStakeholder(room.doc, { name: `Person ${round}`, profile: 'friend' });
    while (received.some((seen) => !seen.has(round))) await new Promise((resolve) => setTimeout(resolve, 2));
    const last = Math.max(...received.map((seen) => seen.get(round)!));
    fromPublish.push(last - publishedAt);
    fromEdit.push(last - editedAt);
  }
  console.log(
    `fan-out to ${dashboardCount} dashboards, publish → last stream read: ${figures(fromPublish)}  [target < 1 s]`,
  );
  console.log(
    `fan-out to ${dashboardCount} dashboards, edit → last stream read (250 ms debounce): ${figures(fromEdit)}`,
  );

  for (const controller of controllers) controller.abort();
  room.release();
  await projection.stop();
  await engine.close();
  await server.close();
}

await handle.close();
