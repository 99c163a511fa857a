/**
 * Cluster benchmark (issue 7): the same sync load spread over 1, 2 and 3 engine processes on one Postgres, fanned out
 * through Redis. CLIENTS stock WebsocketProviders in ROOMS rooms, client i on instance i % N, together sending
 * TOTAL_RATE edits a second for SECONDS. Prints, per N: p50/p99 latency of edits relayed within an instance and across
 * instances, edits per second, CPU per instance, and lost edits (an edit some client of its room never holds at the
 * end). Target: cross-instance p99 within twice the single-instance p99 at 1,000 edits a second, zero lost.
 * Prints figures; never gates.
 *
 *   TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test REDIS_URL=redis://127.0.0.1:6379 \
 *     pnpm exec tsx tests/bench/cluster.ts       # CLIENTS=30 ROOMS=10 TOTAL_RATE=1000 SECONDS=10 INSTANCES=1,2,3
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createTestDb } from '../../packages/db/src/index.ts';
import { connectClient, type TestClient, until } from '../../packages/sync/src/testing/clients.ts';

const CLIENTS = Number(process.env.CLIENTS ?? 30);
const ROOMS = Number(process.env.ROOMS ?? 10);
const TOTAL_RATE = Number(process.env.TOTAL_RATE ?? 1000);
const SECONDS = Number(process.env.SECONDS ?? 10);
const COUNTS = (process.env.INSTANCES ?? '1,2,3').split(',').map(Number);
const adminUrl = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;
const redisUrl = process.env.REDIS_URL;

if (!adminUrl || !redisUrl) {
  console.log('cluster bench: skipped (needs TEST_DATABASE_URL and REDIS_URL)');
  process.exit(0);
}

const SERVER = fileURLToPath(new URL('../integration/fixtures/cluster-sync-server.ts', import.meta.url));
const clockTicks = 100; // USER_HZ on Linux
const cpuSeconds = (pid: number) => {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) / clockTicks;
};
process.setMaxListeners(0); // every WebsocketProvider adds an exit listener

interface Server {
  child: ChildProcess;
  url: string;
  stats: Promise<Record<string, unknown> | null>;
}

async function startServer(env: Record<string, string>): Promise<Server> {
  const child = spawn(process.execPath, ['--import', 'tsx', SERVER], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  await until(() => /READY (\d+)/.test(output) || child.exitCode !== null, {
    what: 'the server to print READY',
    timeoutMs: 120_000,
    intervalMs: 20,
  });
  if (child.exitCode !== null) throw new Error(`server exited: ${output}`);
  const stats = exited.then(() => {
    const match = /STATS (.*)/.exec(output);
    return match ? (JSON.parse(match[1]!) as Record<string, unknown>) : null;
  });
  return { child, url: `ws://127.0.0.1:${/READY (\d+)/.exec(output)![1]}/sync`, stats };
}

const percentile = (sorted: number[], p: number) =>
  sorted.length === 0 ? Number.NaN : sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
const figures = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return { n: sorted.length, p50: percentile(sorted, 50), p99: percentile(sorted, 99) };
};
const ms = (value: number) => (Number.isNaN(value) ? '   -  ' : `${value.toFixed(1).padStart(6)}`);

interface Result {
  instances: number;
  within: ReturnType<typeof figures>;
  across: ReturnType<typeof figures>;
  editsPerSecond: number;
  cpu: number[];
  lost: number;
  healed: number;
}

async function run(instances: number): Promise<Result> {
  const database = await createTestDb('postgres', adminUrl);
  const prefix = `bench:${randomUUID()}:`;
  const servers = await Promise.all(
    Array.from({ length: instances }, () =>
      startServer({ DATABASE_URL: database.url!, REDIS_URL: redisUrl!, FANOUT_PREFIX: prefix }),
    ),
  );
  const clients: Array<TestClient & { room: number; instance: number }> = [];
  for (let i = 0; i < CLIENTS; i++) {
    const instance = i % instances;
    // Rooms are spread so that, with several instances, every room has clients on more than one of them.
    const room = Math.floor(i / instances) % ROOMS;
    clients.push({ ...connectClient(servers[instance]!.url, `bench-${room}`), room, instance });
  }
  await until(() => clients.every((c) => c.provider.synced), {
    what: 'every client to sync',
    timeoutMs: 120_000,
    intervalMs: 20,
  });

  const senderInstance = new Map<number, number>(clients.map((c) => [c.doc.clientID, c.instance]));
  const within: number[] = [];
  const across: number[] = [];
  let started = 0;
  for (const client of clients) {
    client.doc.getMap<number>('edits').observe((event) => {
      const now = performance.now();
      for (const key of event.keysChanged) {
        const sender = Number(key.slice(0, key.indexOf(':')));
        if (sender === client.doc.clientID) continue;
        const sentAt = event.target.get(key)!;
        // The first second warms up the JIT and the rooms: only the steady state is counted.
        if (sentAt - started < 1000) continue;
        (senderInstance.get(sender) === client.instance ? within : across).push(now - sentAt);
      }
    });
  }

  const cpuBefore = servers.map((s) => cpuSeconds(s.child.pid!));
  const perClientIntervalMs = (1000 * CLIENTS) / TOTAL_RATE;
  const sent: Array<{ room: number; key: string }> = [];
  started = performance.now();
  const timers = clients.map((client, index) => {
    let seq = 0;
    const send = () => {
      const key = `${client.doc.clientID}:${seq++}`;
      client.doc.getMap<number>('edits').set(key, performance.now());
      sent.push({ room: client.room, key });
    };
    // Staggered starts spread the edits evenly over time.
    return setTimeout(
      () => {
        send();
        timers[index] = setInterval(send, perClientIntervalMs);
      },
      (index / CLIENTS) * perClientIntervalMs,
    );
  });
  await new Promise((resolve) => setTimeout(resolve, SECONDS * 1000));
  for (const timer of timers) clearInterval(timer);
  const elapsed = (performance.now() - started) / 1000;
  const cpu = servers.map((s, i) => (cpuSeconds(s.child.pid!) - cpuBefore[i]!) / elapsed);

  // Lost: an edit that some client of its room does not hold once things settle (up to 10 s, heals included).
  const missing = () =>
    sent.reduce(
      (lost, { room, key }) => lost + clients.filter((c) => c.room === room && !c.doc.getMap('edits').has(key)).length,
      0,
    );
  const deadline = Date.now() + 10_000;
  while (missing() > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
  const lost = missing();

  for (const client of clients) client.destroy();
  for (const server of servers) server.child.kill('SIGTERM');
  const stats = await Promise.all(servers.map((s) => s.stats));
  await database.close();
  return {
    instances,
    within: figures(within),
    across: figures(across),
    editsPerSecond: sent.length / elapsed,
    cpu,
    lost,
    healed: stats.reduce((sum, s) => sum + Number(s?.healedUpdates ?? 0), 0),
  };
}

console.log(
  `cluster bench: ${CLIENTS} clients in ${ROOMS} rooms, ${TOTAL_RATE} edits/s in total for ${SECONDS} s, Postgres + Redis`,
);
console.log(
  'instances | within p50/p99 ms (n)      | across p50/p99 ms (n)      | edits/s | CPU per instance | lost | healed',
);
const results: Result[] = [];
for (const count of COUNTS) {
  const r = await run(count);
  results.push(r);
  console.log(
    `${String(r.instances).padStart(9)} | ${ms(r.within.p50)} / ${ms(r.within.p99)} (${String(r.within.n).padStart(6)}) | ${ms(
      r.across.p50,
    )} / ${ms(r.across.p99)} (${String(r.across.n).padStart(6)}) | ${r.editsPerSecond.toFixed(0).padStart(7)} | ${r.cpu
      .map((c) => `${(c * 100).toFixed(0)}%`)
      .join(' ')
      .padEnd(16)} | ${String(r.lost).padStart(4)} | ${r.healed}`,
  );
}
const single = results.find((r) => r.instances === 1);
for (const r of results.filter((x) => x.instances > 1)) {
  if (!single) break;
  const ratio = r.across.p99 / single.within.p99;
  console.log(
    `${r.instances} instances: cross-instance p99 is ${ratio.toFixed(2)}x the single-instance p99 (target <= 2), ${r.lost} lost (target 0)`,
  );
}
process.exit(0);
