/**
 * Benchmark (issue 10, defect 9): /healthz latency while 50 anonymous clients load one guide link at once, and while
 * an uncached large guide PDF renders. Runs the app in-process on PGlite (or TEST_DATABASE_URL's Postgres) with a
 * shared document of 150 long objections. Prints figures and never fails on time.
 *
 *   pnpm exec tsx tests/bench/guide-load.ts [rounds]
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import { createAuth } from '@quorum/auth';
import { createDb } from '@quorum/db';
import { createTestDb } from '@quorum/db/testing';
import { addObjection, projectObjectionGuide } from '@quorum/deal-model';
import { createPostgresPersistence, RoomEngine } from '@quorum/sync';
import { sql } from 'drizzle-orm';
import { createApp } from '../../apps/server/src/app.ts';
import { renderGuidePage } from '../../apps/server/src/guides/render-page.ts';
import { startServer } from '../../apps/server/src/server.ts';
import { createRoomGuard, type SyncContext } from '../../apps/server/src/sync/index.ts';

const rounds = Number(process.argv[2] ?? 3);
const ORIGIN = 'http://quorum.test';
const handle = await createTestDb(process.env.TEST_DATABASE_URL ? 'postgres' : 'pglite');
const auth = createAuth({ db: handle.db });
const engine = new RoomEngine<SyncContext>({
  persistence: createPostgresPersistence(handle.db),
  hooks: { onConnect: createRoomGuard({ db: handle.db, auth, origins: [ORIGIN] }) },
});
const many = { limit: 1_000_000, windowMs: 60_000 };
const app = createApp({
  db: handle.db,
  auth,
  engine,
  origin: ORIGIN,
  rateLimits: { signupPerIp: many, signupPerAccount: many, loginPerIp: many, loginPerAccount: many },
});
const server = await startServer(app, { port: 0, hostname: '127.0.0.1' });

async function post(path: string, body: unknown, cookie?: string) {
  const res = await fetch(`${server.url}${path}`, {
    method: 'POST',
    headers: { origin: ORIGIN, 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
    body: JSON.stringify(body),
  });
  return { res, body: (await res.json()) as Record<string, unknown> };
}

const signup = await post('/api/auth/signup', {
  email: 'bench@acme.example',
  password: 'a long enough password',
  name: 'Bench',
  organization: 'Acme',
});
const cookie = signup.res.headers.get('set-cookie')!.split(';')[0]!;
const deal = await post('/api/deals', { title: 'Guide load', buyer: 'Northwind' }, cookie);
const dealId = deal.body.id as string;

let objectionSeed = 0;
async function addObjections(count: number): Promise<void> {
  const opened = await engine.openDoc(dealId);
  try {
    for (let i = 0; i < count; i++) {
      objectionSeed += 1;
      addObjection(opened.doc, {
        title: `Question ${objectionSeed}`,
        response: 'A considered answer that runs over a few lines of the printed guide. '.repeat(6),
        evidence: 'Evidence from the pilot and the reference customers. '.repeat(4),
      });
    }
  } finally {
    opened.release();
  }
}
await addObjections(150);
const link = await post(`/api/deals/${dealId}/objection-guide/links`, {}, cookie);
const path = new URL(link.body.url as string).pathname;

// Where the time goes: rendering one page (CPU on the event loop), measured alone.
{
  const opened = await engine.openDoc(dealId);
  const times: number[] = [];
  for (let i = 0; i < 20; i++) {
    const started = performance.now();
    renderGuidePage(projectObjectionGuide(opened.doc), { nonce: 'n', path: path });
    times.push(performance.now() - started);
  }
  opened.release();
  console.log(`projection + page render alone: ${summary(times)}`);
}

/** On Postgres, a connection of its own: `select 1` on it shows the database's time without the pool's queue. */
const ownConnection = handle.url ? await createDb({ url: handle.url, poolSize: 1, migrate: false }) : null;

/**
 * Probes /healthz every 5 ms until `work` settles; returns the probe latencies in ms. Alongside, samples the
 * event loop's delay, `select 1` through the app's pool, and `select 1` on a connection of its own.
 */
async function healthDuring(work: Promise<unknown>): Promise<number[]> {
  const latencies: number[] = [];
  const pool: number[] = [];
  const own: number[] = [];
  const loop = monitorEventLoopDelay({ resolution: 5 });
  loop.enable();
  let done = false;
  void work.finally(() => {
    done = true;
  });
  const sampler = (async () => {
    while (!done) {
      const started = performance.now();
      const timed = async (query: () => Promise<unknown>, into: number[]) => {
        await query();
        into.push(performance.now() - started);
      };
      await Promise.all([
        timed(() => handle.db.execute(sql`select 1`), pool),
        ownConnection ? timed(() => ownConnection.db.execute(sql`select 1`), own) : null,
      ]);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  })();
  while (!done) {
    const started = performance.now();
    await (await fetch(`${server.url}/healthz`)).arrayBuffer();
    latencies.push(performance.now() - started);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  await sampler;
  loop.disable();
  console.log(
    `  event-loop delay p50 ${(loop.percentile(50) / 1e6).toFixed(1)} ms, p99 ${(loop.percentile(99) / 1e6).toFixed(1)} ms, max ${(loop.max / 1e6).toFixed(1)} ms`,
  );
  console.log(`  select 1 through the pool: ${summary(pool)}`);
  if (ownConnection) console.log(`  select 1 on its own connection: ${summary(own)}`);
  return latencies;
}

function summary(values: number[]): string {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  return `probes ${sorted.length}, p50 ${at(0.5).toFixed(1)} ms, max ${(sorted.at(-1) ?? 0).toFixed(1)} ms`;
}

// The machine's own noise: the same probes for 2 s with no guide traffic at all.
{
  const idle = await healthDuring(new Promise((resolve) => setTimeout(resolve, 2000)));
  console.log(`idle baseline (no traffic, 2 s): /healthz ${summary(idle)}`);
}

for (let round = 1; round <= rounds; round++) {
  const started = performance.now();
  // The 50 clients run in a worker thread, so their own parsing does not count against the server's event loop.
  const loads = new Promise<void>((resolve, reject) => {
    const clients = new Worker(
      `const { parentPort, workerData } = require('node:worker_threads');
       Promise.all(Array.from({ length: 50 }, async () => {
         const res = await fetch(workerData);
         await res.arrayBuffer();
         if (res.status !== 200) throw new Error('guide load answered ' + res.status);
       })).then(() => parentPort.postMessage('done'), (error) => parentPort.postMessage(String(error)));`,
      { eval: true, workerData: `${server.url}${path}` },
    );
    clients.once('message', (message) => {
      void clients.terminate();
      if (message === 'done') resolve();
      else reject(new Error(String(message)));
    });
  });
  const latencies = await healthDuring(loads);
  console.log(
    `round ${round}: 50 concurrent guide pages in ${(performance.now() - started).toFixed(0)} ms; /healthz ${summary(latencies)}`,
  );
  await addObjections(1); // a new version, so the next PDF is not cached
  const pdfStarted = performance.now();
  const pdf = fetch(`${server.url}${path}/pdf`).then((res) => res.arrayBuffer());
  const pdfLatencies = await healthDuring(pdf);
  console.log(
    `round ${round}: one uncached PDF (${objectionSeed} objections) in ${(performance.now() - pdfStarted).toFixed(0)} ms; /healthz ${summary(pdfLatencies)}`,
  );
}

await server.close();
await ownConnection?.close();
await engine.close();
await handle.close();
process.exit(0);
