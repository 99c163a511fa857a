/**
 * Footprint benchmark (issue 17): the production server exactly as `pnpm start` runs it (apps/server's start script:
 * `node … dist/main.js`, built first by `pnpm build`), its resident memory read from /proc/<pid>/status.
 *
 * For the embedded database (a new PGlite data directory) and, when TEST_DATABASE_URL is set, a new Postgres database:
 * - first start: time from spawn to the first `/healthz` 200, and RSS once idle (SETTLE_MS after it, nothing connected);
 * - the sample deal room: a seller signs up over HTTP, POST /api/deals/sample, stock y-websocket providers open its
 *   shared and seller rooms with the session cookie; RSS while open; then they close, and RSS once the engine has
 *   unloaded the rooms (its idle unload, 30 s, polled on /metrics) against idle;
 * - DEALS sample deals opened at once (their shared and seller rooms), then a second connection to each of those
 *   rooms: RSS per open deal, per connection and per loaded room, for the sizing in the README;
 * - restart on the same data: SIGTERM, start again, time to `/healthz` and idle RSS.
 * Prints figures next to the targets (idle ≤ 250 MiB on PGlite, ≤ 110 MiB on Postgres; after closing the room within
 * 20 MiB of idle; restart answers /healthz within 2 s). Never gates.
 *
 *   pnpm bench footprint
 *   TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test pnpm bench footprint   # PGlite and Postgres
 *   DEALS=50 SETTLE_MS=5000 pnpm exec tsx tests/bench/footprint.ts
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { until } from '@quorum/testing';
import { sql } from 'drizzle-orm';
import { createDb } from '../../packages/db/src/index.ts';
import { connectRoom, ORIGIN, type RoomClient, signUp } from '../integration/fixtures/cluster-instances.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const MAIN = join(ROOT, 'apps/server/dist/main.js');
const DEALS = Number(process.env.DEALS ?? 50);
/** How long after /healthz (or after the rooms unload) the server is left alone before its RSS is read. */
const SETTLE_MS = Number(process.env.SETTLE_MS ?? 3000);
const adminUrl = process.env.TEST_DATABASE_URL;

process.setMaxListeners(0); // every WebsocketProvider adds an exit listener

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const mib = (value: number) => `${value.toFixed(1)} MiB`;

/** Resident set size of a process, in MiB. */
function rssMiB(pid: number): number {
  return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) / 1024;
}

interface Server {
  child: ChildProcess;
  pid: number;
  base: string;
  /** Spawn to the first 200 from /healthz, in ms. */
  readyMs: number;
  stop(): Promise<void>;
}

/** `pnpm start`'s command (apps/server's start script: its environment, Node's flags, dist/main.js). */
const START = (
  JSON.parse(readFileSync(join(ROOT, 'apps/server/package.json'), 'utf8')) as { scripts: { start: string } }
).scripts.start;

/** Runs the start script and waits for /healthz. `exec env` leaves Node itself as the child, whose RSS is read. */
async function start(env: Record<string, string>): Promise<Server> {
  const began = performance.now();
  const child = spawn('sh', ['-c', `exec env ${START}`], {
    cwd: join(ROOT, 'apps/server'),
    env: {
      ...process.env,
      NODE_ENV: 'production',
      PORT: '0',
      HOST: '127.0.0.1',
      ORIGIN,
      // One seller opens 4 sockets per sample deal here: past the default caps of one person (20) and one address (50).
      MAX_SOCKETS_PER_USER: String(DEALS * 4 + 10),
      MAX_SOCKETS_PER_IP: String(DEALS * 4 + 10),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const port = await new Promise<number>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on .* \(port (\d+),/.exec(output);
      if (match) resolve(Number(match[1]));
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    void exited.then(() => reject(new Error(`server exited before listening:\n${output}`)));
  });
  const base = `http://127.0.0.1:${port}`;
  await until(async () => (await fetch(`${base}/healthz`)).ok, { what: '/healthz' });
  const readyMs = performance.now() - began;
  return {
    child,
    pid: child.pid!,
    base,
    readyMs,
    stop: async () => {
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/** Loaded rooms, from the server's /metrics. */
async function loadedRooms(base: string): Promise<number> {
  const text = await (await fetch(`${base}/metrics`)).text();
  return Number(/^quorum_sync_rooms (\d+)/m.exec(text)?.[1] ?? Number.NaN);
}

/** Creates the sample deal as the cookie's seller; returns its id. */
async function sampleDeal(base: string, cookie: string): Promise<string> {
  const response = await fetch(`${base}/api/deals/sample`, { method: 'POST', headers: { origin: ORIGIN, cookie } });
  if (response.status !== 201) throw new Error(`sample deal: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { id: string }).id;
}

/** Opens the seller's two rooms of each deal (shared and seller-only) and waits until all are synced. */
async function openRooms(base: string, cookie: string, dealIds: string[]): Promise<RoomClient[]> {
  const clients = dealIds.flatMap((id) => [connectRoom(base, id, cookie), connectRoom(base, `${id}/seller`, cookie)]);
  await until(() => clients.every((client) => client.provider.synced), {
    what: 'the rooms to sync',
    timeoutMs: 120_000,
  });
  return clients;
}

async function closeRooms(base: string, clients: RoomClient[]): Promise<void> {
  for (const client of clients) client.destroy();
  // The engine unloads a room 30 s after its last connection leaves.
  await until(async () => (await loadedRooms(base)) === 0, { what: 'the rooms to unload', timeoutMs: 120_000 });
}

interface Figures {
  kind: string;
  firstMs: number;
  idle: number;
  roomOpen: number;
  afterClose: number;
  perDeal: number;
  perConnection: number;
  perRoom: number;
  restartMs: number;
  restartIdle: number;
  target: number;
}

/** One database: first start, sample room, DEALS rooms, restart. */
async function measure(kind: string, env: Record<string, string>, target: number): Promise<Figures> {
  console.log(`\n${kind}`);
  const first = await start(env);
  await sleep(SETTLE_MS);
  const idle = rssMiB(first.pid);
  console.log(`  first start: /healthz after ${first.readyMs.toFixed(0)} ms; idle RSS ${mib(idle)}`);

  const cookie = await signUp(first.base, 'footprint@quorum.test', 'Footprint Co');
  const sample = await sampleDeal(first.base, cookie);
  const clients = await openRooms(first.base, cookie, [sample]);
  await sleep(500);
  const roomOpen = rssMiB(first.pid);
  await closeRooms(first.base, clients);
  await sleep(SETTLE_MS);
  const afterClose = rssMiB(first.pid);
  console.log(
    `  sample deal room open (2 connections): ${mib(roomOpen)}; closed and unloaded: ${mib(afterClose)} ` +
      `(${afterClose - idle >= 0 ? '+' : ''}${mib(afterClose - idle)} against idle)`,
  );

  const deals = [];
  for (let i = 0; i < DEALS; i++) deals.push(await sampleDeal(first.base, cookie));
  await sleep(1000);
  const before = rssMiB(first.pid);
  const many = await openRooms(first.base, cookie, deals);
  await sleep(1000);
  const loaded = rssMiB(first.pid);
  // The same rooms again: connections only, no room loads.
  const more = await openRooms(first.base, cookie, deals);
  await sleep(1000);
  const perDeal = (loaded - before) / DEALS;
  const perConnection = ((rssMiB(first.pid) - loaded) * 1024) / more.length;
  const perRoom = (perDeal * 1024 - 2 * perConnection) / 2;
  console.log(
    `  ${DEALS} sample deals opened (${many.length} connections, ${many.length} rooms): ${mib(perDeal)} per open deal; ` +
      `${more.length} more connections to them: ${perConnection.toFixed(0)} KiB per connection; so ` +
      `${perRoom.toFixed(0)} KiB per loaded room`,
  );
  for (const client of [...many, ...more]) client.destroy();
  await first.stop();

  const again = await start(env);
  await sleep(SETTLE_MS);
  const restartIdle = rssMiB(again.pid);
  console.log(
    `  restart on the same data: /healthz after ${again.readyMs.toFixed(0)} ms; idle RSS ${mib(restartIdle)}`,
  );
  await again.stop();
  return {
    kind,
    firstMs: first.readyMs,
    idle,
    roomOpen,
    afterClose,
    perDeal,
    perConnection,
    perRoom,
    restartMs: again.readyMs,
    restartIdle,
    target,
  };
}

/** A new, empty Postgres database next to TEST_DATABASE_URL (the server migrates it on first start). */
async function emptyPostgres(url: string): Promise<{ url: string; drop(): Promise<void> }> {
  const admin = await createDb({ url, migrate: false, poolSize: 1 });
  const name = `quorum_fp_${Date.now().toString(36)}`;
  await admin.db.execute(sql.raw(`create database ${name}`));
  const target = new URL(url);
  target.pathname = `/${name}`;
  return {
    url: target.toString(),
    drop: async () => {
      await admin.db.execute(sql.raw(`drop database if exists ${name} with (force)`));
      await admin.close();
    },
  };
}

function check(ok: boolean): string {
  return ok ? 'met' : 'NOT met';
}

// The benchmark measures the production build: build it (turbo skips what is up to date).
const build = spawnSync('pnpm', ['build'], { cwd: ROOT, stdio: 'inherit' });
if (build.status !== 0 || !existsSync(MAIN)) throw new Error('`pnpm build` failed: nothing to measure');

const results: Figures[] = [];
const dataDir = mkdtempSync(join(tmpdir(), 'quorum-footprint-'));
try {
  results.push(await measure('PGlite (embedded, a new data directory)', { DATA_DIR: dataDir, DATABASE_URL: '' }, 250));
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}
if (adminUrl) {
  const database = await emptyPostgres(adminUrl);
  try {
    results.push(await measure('Postgres (a new database)', { DATABASE_URL: database.url }, 110));
  } finally {
    await database.drop();
  }
} else {
  console.log('\nPostgres: skipped (set TEST_DATABASE_URL to measure it too)');
}

console.log('\nsummary (RSS of the server process)');
for (const r of results) {
  console.log(
    `  ${r.kind}\n` +
      `    idle after first start ${mib(r.idle)} (target ≤ ${r.target} MiB: ${check(r.idle <= r.target)}); ` +
      `after restart ${mib(r.restartIdle)} (${check(r.restartIdle <= r.target)})\n` +
      `    sample room open ${mib(r.roomOpen)}; closed ${mib(r.afterClose)}, ` +
      `${r.afterClose - r.idle >= 0 ? '+' : ''}${mib(r.afterClose - r.idle)} against idle (target ≤ 20 MiB: ` +
      `${check(r.afterClose - r.idle <= 20)})\n` +
      `    /healthz: first start ${r.firstMs.toFixed(0)} ms, restart ${r.restartMs.toFixed(0)} ms ` +
      `(target ≤ 2000 ms: ${check(r.restartMs <= 2000)})\n` +
      `    per open deal (2 connections, 2 loaded rooms) ${mib(r.perDeal)}; per connection ` +
      `${r.perConnection.toFixed(0)} KiB; per loaded room ${r.perRoom.toFixed(0)} KiB`,
  );
}
