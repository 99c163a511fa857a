/**
 * Sync benchmark (issue 2, item 5) through the real server: `apps/server/src/main.ts` as its own process on a fresh
 * database (real Postgres made from TEST_DATABASE_URL; an in-memory PGlite, said so, when it is unset). One seller
 * signs up through the HTTP API and creates ROOMS deals; CLIENTS stock `WebsocketProvider`s (sharing that session)
 * join the deals' shared rooms, client i in room i % ROOMS, and each appends a small token to a Y.Text RATE times a
 * second: WARMUP seconds (excluded from the figures), then SECONDS measured.
 *
 * Prints: propagation latency p50/p95/p99 (a sender's edit to each other client of its room observing it), edits and
 * deliveries per second, lost edits (an edit some client of its room does not hold at the end, warm-up included),
 * server CPU and RSS (from /proc/<pid>), RSS per connection, the bench process's own CPU (the clients share the
 * machine), and the targets next to the figures. Durability is on: the server stores each update before relaying it.
 * Prints figures; never gates.
 *
 *   TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test pnpm bench sync
 *   CLIENTS=500 ROOMS=100 RATE=2 SECONDS=15 WARMUP=3 pnpm exec tsx tests/bench/sync.ts   # one scenario
 *   ROOM_KIND=buyer …   # the buyer rooms instead: no deal-status projection on the path (for comparison)
 */
import { readFileSync } from 'node:fs';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { until } from '@quorum/testing';
import { sql } from 'drizzle-orm';
import * as Y from 'yjs';
import { createTestDb, type Database } from '../../packages/db/src/index.ts';
import {
  connectRoom,
  createDeal,
  type Instance,
  ORIGIN,
  type RoomClient,
  signUp,
  startInstance,
} from '../integration/fixtures/cluster-instances.ts';

interface Scenario {
  clients: number;
  rooms: number;
  /** Edits a second per client. */
  rate: number;
  /** The p99 target, in ms. */
  targetP99: number;
}

const DEFAULT_SCENARIOS: Scenario[] = [
  { clients: 500, rooms: 100, rate: 2, targetP99: 8 },
  { clients: 1000, rooms: 200, rate: 5, targetP99: 30 },
];
const override = ['CLIENTS', 'ROOMS', 'RATE'].some((name) => process.env[name]);
const SCENARIOS: Scenario[] = override
  ? [
      {
        clients: Number(process.env.CLIENTS ?? 500),
        rooms: Number(process.env.ROOMS ?? 100),
        rate: Number(process.env.RATE ?? 2),
        // The target of the default scenario with the same load, if any.
        targetP99:
          DEFAULT_SCENARIOS.find(
            (d) => d.clients === Number(process.env.CLIENTS ?? 500) && d.rate === Number(process.env.RATE ?? 2),
          )?.targetP99 ?? 8,
      },
    ]
  : DEFAULT_SCENARIOS;
const SECONDS = Number(process.env.SECONDS ?? 15);
const WARMUP = Number(process.env.WARMUP ?? 3);
/** Once sending stops, how long deliveries may keep arriving before what is missing counts as lost. */
const SETTLE_MS = 10_000;
const adminUrl = process.env.TEST_DATABASE_URL;
/**
 * Which room of each deal the clients edit: `shared` (default; every edit also feeds the deal-status projection, as in
 * real use) or `buyer` (a mobilizer's room, which never affects the status: the sync path alone, for comparison).
 */
const ROOM_KIND = process.env.ROOM_KIND === 'buyer' ? 'buyer' : 'shared';

const TOKEN = /<(\d+)\.(\d+)>/g;
const CLOCK_TICKS = 100; // USER_HZ on Linux

process.setMaxListeners(0); // every WebsocketProvider adds an exit listener

/** User + system CPU seconds of a process so far. */
function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
}

/** Resident set size of a process, in MiB. */
function rssMiB(pid: number): number {
  return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) / 1024;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function percentiles(values: number[]): (q: number) => number {
  const sorted = Float64Array.from(values).sort();
  return (q) =>
    sorted.length === 0 ? Number.NaN : sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

/** Runs `task` over `items` with at most `limit` in flight. */
async function inBatches<T, R>(items: T[], limit: number, task: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const index = next++;
        results[index] = await task(items[index]!);
      }
    }),
  );
  return results;
}

/** Reads the server's /metrics into name → value (every sample, labels included in the name). */
async function metrics(base: string): Promise<Map<string, number>> {
  const text = await (await fetch(`${base}/metrics`)).text();
  const values = new Map<string, number>();
  for (const line of text.split('\n')) {
    if (line.startsWith('#') || line.trim() === '') continue;
    const space = line.lastIndexOf(' ');
    values.set(line.slice(0, space), Number(line.slice(space + 1)));
  }
  return values;
}

/**
 * A quantile of a histogram from its cumulative `_bucket{le="…"}` samples, interpolated within the bucket as
 * Prometheus's `histogram_quantile` does; undefined without observations.
 */
function histogramQuantile(values: Map<string, number>, name: string, q: number): number | undefined {
  const buckets = [...values]
    .flatMap(([key, count]) => {
      const le = new RegExp(`^${name}_bucket\\{le="([^"]+)"\\}$`).exec(key)?.[1];
      return le === undefined ? [] : [{ le: le === '+Inf' ? Number.POSITIVE_INFINITY : Number(le), count }];
    })
    .sort((a, b) => a.le - b.le);
  const total = buckets.at(-1)?.count ?? 0;
  if (total === 0) return undefined;
  const rank = q * total;
  let lower = 0;
  let below = 0;
  for (const { le, count } of buckets) {
    if (count >= rank) {
      if (!Number.isFinite(le)) return lower;
      return lower + ((le - lower) * (rank - below)) / Math.max(1, count - below);
    }
    lower = le;
    below = count;
  }
  return lower;
}

async function post(url: string, cookie: string | null, body: unknown): Promise<Response> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { origin: ORIGIN, 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`POST ${url}: ${response.status} ${await response.text()}`);
  return response;
}

/** Signs up a buyer-side account (no organization), invites it to every deal as mobilizer; returns its cookie. */
async function mobilizerOf(base: string, sellerCookie: string, dealIds: string[]): Promise<string> {
  const email = 'bench-buyer@northwind.test';
  const signup = await post(`${base}/api/auth/signup`, null, {
    email,
    password: 'correct horse battery',
    name: 'Buyer',
  });
  const cookie = signup.headers.get('set-cookie')!.split(';')[0]!;
  await inBatches(dealIds, 8, async (dealId) => {
    const invite = await post(`${base}/api/deals/${dealId}/invites`, sellerCookie, { email, role: 'mobilizer' });
    const { url } = (await invite.json()) as { url: string };
    await post(`${base}/api/invites/${url.slice(url.lastIndexOf('/') + 1)}/accept`, cookie, {});
  });
  return cookie;
}

/** Transactions committed in the current database so far (Postgres's statistics, flushed about once a second). */
async function commits(db: Database): Promise<number> {
  const result: unknown = await db.execute(
    sql`select xact_commit as n from pg_stat_database where datname = current_database()`,
  );
  const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as Array<{ n: unknown }>;
  return Number(rows[0]!.n);
}

interface Started {
  server: Instance;
  kind: string;
  /** The server database's commit counter (Postgres only). */
  commits?: () => Promise<number>;
  close(): Promise<void>;
}

async function startServer(): Promise<Started> {
  if (!adminUrl) {
    const server = await startInstance({ DATA_DIR: 'memory://' });
    return { server, kind: 'PGlite in memory (TEST_DATABASE_URL unset; not durable)', close: async () => undefined };
  }
  const database = await createTestDb('postgres', adminUrl);
  const server = await startInstance({ DATABASE_URL: database.url! });
  return {
    server,
    kind: 'Postgres, durability on',
    commits: () => commits(database.db),
    close: () => database.close(),
  };
}

async function run({ clients: clientCount, rooms: roomCount, rate, targetP99 }: Scenario): Promise<void> {
  const { server, kind, commits: committed, close } = await startServer();
  const pid = server.child.pid!;
  const cookie = await signUp(server.base, 'bench-seller@quorum.test', 'Bench Co');
  const dealIds = await inBatches(
    Array.from({ length: roomCount }, (_, i) => i),
    8,
    (i) => createDeal(server.base, cookie, `Bench deal ${i}`),
  );
  const roomName = (dealId: string) => (ROOM_KIND === 'buyer' ? `${dealId}/buyer` : dealId);
  const clientCookie = ROOM_KIND === 'buyer' ? await mobilizerOf(server.base, cookie, dealIds) : cookie;
  await sleep(500);
  const rssBefore = rssMiB(pid);

  const clients: Array<RoomClient & { room: number }> = [];
  for (let i = 0; i < clientCount; i++) {
    clients.push({ ...connectRoom(server.base, roomName(dealIds[i % roomCount]!), clientCookie), room: i % roomCount });
  }
  await until(() => clients.every((c) => c.provider.synced), {
    what: `${clientCount} clients to sync`,
    timeoutMs: 120_000,
  });
  await sleep(500);
  const rssConnected = rssMiB(pid);

  // Every edit appends one token `<client.seq>`; `sentAt` holds when it was made (one process, one clock).
  const sentAt = new Map<string, number>();
  const roomOf = (token: string) => clients[Number(token.slice(1, token.indexOf('.')))]!.room;
  let measureFrom = Number.POSITIVE_INFINITY;
  let measureUntil = Number.POSITIVE_INFINITY;
  const latencies: number[] = [];
  let deliveries = 0;
  for (const client of clients) {
    // The update a remote edit produced, decoded: O(edit), where the Y.Text event's delta walks the whole text.
    client.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin !== client.provider) return;
      const now = performance.now();
      for (const struct of Y.decodeUpdate(update).structs) {
        if (!(struct instanceof Y.Item) || !(struct.content instanceof Y.ContentString)) continue;
        for (const [token] of struct.content.str.matchAll(TOKEN)) {
          const at = sentAt.get(token);
          if (at === undefined) continue;
          deliveries += 1;
          if (at >= measureFrom && at < measureUntil) latencies.push(now - at);
        }
      }
    });
  }

  const interval = 1000 / rate;
  const started = performance.now();
  const stopAt = started + (WARMUP + SECONDS) * 1000;
  measureFrom = started + WARMUP * 1000;
  measureUntil = stopAt;
  let measuredEdits = 0;
  let cpuAtMeasure = 0;
  let benchCpuAtMeasure = process.cpuUsage();
  let peakRss = rssConnected;
  const timers: NodeJS.Timeout[] = [];
  clients.forEach((client, index) => {
    const text = client.doc.getText('t');
    const phase = Math.random() * interval;
    let seq = 0;
    // Each client keeps its own schedule (phase + k × interval), so a late timer does not shift the ones after it.
    const tick = () => {
      const now = performance.now();
      if (now >= stopAt) return;
      const token = `<${index}.${seq}>`;
      sentAt.set(token, now);
      if (now >= measureFrom) measuredEdits += 1;
      text.insert(text.length, token);
      seq += 1;
      timers[index] = setTimeout(tick, Math.max(0, started + phase + seq * interval - performance.now()));
    };
    timers[index] = setTimeout(tick, phase);
  });
  await sleep(WARMUP * 1000);
  cpuAtMeasure = cpuSeconds(pid);
  benchCpuAtMeasure = process.cpuUsage();
  const commitsAtMeasure = await committed?.();
  const deliveriesAtMeasure = deliveries;
  // How late this process's event loop runs: an observed latency includes it (the clients share one loop).
  const loopDelay = monitorEventLoopDelay({ resolution: 10 });
  loopDelay.enable();
  const rssSampler = setInterval(() => {
    peakRss = Math.max(peakRss, rssMiB(pid));
  }, 250);
  await sleep(Math.max(0, stopAt - performance.now()));
  for (const timer of timers) clearTimeout(timer);
  clearInterval(rssSampler);
  loopDelay.disable();
  const elapsed = (performance.now() - measureFrom) / 1000;
  const serverCpu = (cpuSeconds(pid) - cpuAtMeasure) / elapsed;
  const benchCpuUsage = process.cpuUsage(benchCpuAtMeasure);
  const benchCpu = (benchCpuUsage.user + benchCpuUsage.system) / 1e6 / elapsed;
  const measuredDeliveries = deliveries - deliveriesAtMeasure;
  const commitsMeasured = commitsAtMeasure === undefined ? undefined : (await committed!()) - commitsAtMeasure;
  const rssLoaded = rssMiB(pid);

  // Lost: an edit some other client of its room does not hold once deliveries stop arriving (up to SETTLE_MS).
  const perRoom = new Map<number, number>();
  for (const c of clients) perRoom.set(c.room, (perRoom.get(c.room) ?? 0) + 1);
  const tokensOf = new Map<number, string[]>();
  for (const token of sentAt.keys()) {
    const room = roomOf(token);
    const tokens = tokensOf.get(room);
    if (tokens) tokens.push(token);
    else tokensOf.set(room, [token]);
  }
  let expected = 0;
  for (const [room, tokens] of tokensOf) expected += tokens.length * (perRoom.get(room)! - 1);
  let last = -1;
  let quietSince = performance.now();
  await until(
    () => {
      if (deliveries !== last) {
        last = deliveries;
        quietSince = performance.now();
      }
      return deliveries >= expected || performance.now() - quietSince > SETTLE_MS;
    },
    { what: 'deliveries to settle', timeoutMs: 10 * 60_000 },
  );
  let lost = 0;
  for (const client of clients) {
    const held = new Set(Array.from(client.doc.getText('t').toString().matchAll(TOKEN), ([token]) => token));
    for (const token of tokensOf.get(client.room) ?? []) {
      // The sender holds its own edits; every other client of the room must hold them too.
      if (!held.has(token)) lost += 1;
    }
  }
  const serverMetrics = await metrics(server.base);

  for (const client of clients) client.destroy();
  server.child.kill('SIGTERM');
  const exit = await server.exited;
  await close();

  const perConnectionKiB = ((rssConnected - rssBefore) * 1024) / clientCount;
  const perConnection =
    perConnectionKiB > 0
      ? `${perConnectionKiB.toFixed(1)} KiB per connection`
      : 'per connection not measurable (RSS fell)';
  const at = percentiles(latencies);
  const ms = (q: number) => at(q).toFixed(1);
  const verdict = (ok: boolean) => (ok ? 'met' : 'MISSED');
  const rateLimited = serverMetrics.get('quorum_sync_rate_limited_connections_total') ?? 0;
  console.log(
    [
      `[sync] ${clientCount} clients in ${roomCount} ${ROOM_KIND} deal rooms, ${rate} edits/s each, ${SECONDS} s measured after ${WARMUP} s warm-up, ${kind}`,
      `  latency  p50 ${ms(0.5)} ms, p95 ${ms(0.95)} ms, p99 ${ms(0.99)} ms (${latencies.length} observations)` +
        `   target p99 < ${targetP99} ms: ${verdict(at(0.99) < targetP99)}`,
      `  updates  ${(measuredEdits / elapsed).toFixed(0)} edits/s sent (${clientCount * rate} scheduled), ` +
        `${(measuredDeliveries / elapsed).toFixed(0)} deliveries/s observed`,
      `  lost     ${lost} of ${expected} deliveries (${sentAt.size} edits)   target 0: ${verdict(lost === 0)}`,
      `  server   CPU ${(serverCpu * 100).toFixed(0)} %, RSS ${rssLoaded.toFixed(0)} MiB (peak ${peakRss.toFixed(0)}, ` +
        `${rssBefore.toFixed(0)} before connections), ${perConnection}`,
      `  storage  ${serverMetrics.get('quorum_sync_updates_persisted_total') ?? '?'} updates persisted, append batch p50 ` +
        `${histogramQuantile(serverMetrics, 'quorum_sync_persist_latency_ms', 0.5)?.toFixed(1) ?? '?'} ms / p99 ` +
        `${histogramQuantile(serverMetrics, 'quorum_sync_persist_latency_ms', 0.99)?.toFixed(1) ?? '?'} ms, ` +
        `${commitsMeasured === undefined ? '' : `${(commitsMeasured / elapsed).toFixed(0)} Postgres commits/s, `}` +
        `${rateLimited} connections rate-limited, server exit ${exit.code ?? exit.signal}`,
      `  clients  this process used ${(benchCpu * 100).toFixed(0)} % CPU, event-loop delay p50 ` +
        `${(loopDelay.percentile(50) / 1e6).toFixed(1)} ms / p99 ${(loopDelay.percentile(99) / 1e6).toFixed(1)} ms ` +
        `(the ${clientCount} providers share one loop, and the machine with the server)`,
    ].join('\n'),
  );
}

console.log(`load average before: ${readFileSync('/proc/loadavg', 'utf8').trim()}`);
for (const scenario of SCENARIOS) {
  await run(scenario);
  console.log(`load average: ${readFileSync('/proc/loadavg', 'utf8').trim()}`);
}
process.exit(0);
