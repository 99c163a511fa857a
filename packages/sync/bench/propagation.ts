/**
 * Propagation benchmark through a real server process: CLIENTS stock WebsocketProviders across ROOMS rooms, each
 * sending RATE small edits a second for SECONDS. Prints edit-to-observed latency (p50/p95/p99 over every receiving
 * client), edits per second, lost edits, server CPU and RSS, and RSS per connection. Durability is on: the server
 * stores every update before relaying it. Never gates.
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/test CLIENTS=500 ROOMS=100 RATE=2 SECONDS=10 \
 *     pnpm --filter @quorum/sync exec tsx bench/propagation.ts
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { connectClient, type TestClient, until } from '../src/testing/clients.ts';

const CLIENTS = Number(process.env.CLIENTS ?? 500);
const ROOMS = Number(process.env.ROOMS ?? 100);
const RATE = Number(process.env.RATE ?? 2);
const SECONDS = Number(process.env.SECONDS ?? 10);
const databaseUrl = process.env.DATABASE_URL ?? process.env.TEST_DATABASE_URL;

const clockTicks = 100; // USER_HZ on Linux
const cpuSeconds = (pid: number) => {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) / clockTicks;
};
const rssMiB = (pid: number) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) / 1024;

process.setMaxListeners(0); // every WebsocketProvider adds an exit listener

const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('./server.ts', import.meta.url))], {
  env: { ...process.env, DATABASE_URL: databaseUrl ?? '' },
  stdio: ['ignore', 'pipe', 'inherit'],
});
let output = '';
child.stdout.on('data', (chunk: Buffer) => {
  output += chunk.toString();
});
await until(() => /READY (\d+)/.test(output), 20);
const url = `ws://127.0.0.1:${/READY (\d+)/.exec(output)![1]}/sync`;
const pid = child.pid!;
const rssIdle = rssMiB(pid);

const clients: Array<TestClient & { room: number }> = [];
for (let i = 0; i < CLIENTS; i++) clients.push({ ...connectClient(url, `bench-${i % ROOMS}`), room: i % ROOMS });
await until(() => clients.every((c) => c.provider.synced), 20);
const rssConnected = rssMiB(pid);

const latencies: number[] = [];
const steadyLatencies: number[] = [];
let received = 0;
for (const client of clients) {
  client.doc.getMap<[number, number]>('lat').observe((event) => {
    const now = performance.now();
    for (const key of event.keysChanged) {
      if (key === String(client.doc.clientID)) continue;
      const value = event.target.get(key);
      if (!value) continue;
      latencies.push(now - value[1]);
      // The first second warms up the JIT and every room; the steady state is reported separately.
      if (value[1] - started > 1000) steadyLatencies.push(now - value[1]);
      received += 1;
    }
  });
}

const cpuBefore = cpuSeconds(pid);
const clientCpuBefore = process.cpuUsage();
const started = performance.now();
let sent = 0;
let stopped = false;
const timers = clients.map((client, i) => {
  let seq = 0;
  const edit = () => {
    if (stopped) return;
    seq += 1;
    sent += 1;
    client.doc.transact(() => {
      client.doc.getText('t').insert(0, 'x');
      client.doc.getMap('lat').set(String(client.doc.clientID), [seq, performance.now()]);
    });
  };
  const interval = 1000 / RATE;
  return setTimeout(function tick() {
    edit();
    if (performance.now() - started < SECONDS * 1000) timers[i] = setTimeout(tick, interval);
  }, Math.random() * interval);
});
await until(() => performance.now() - started >= SECONDS * 1000, 50);
stopped = true;
for (const timer of timers) clearTimeout(timer);
const elapsed = (performance.now() - started) / 1000;
const cpu = cpuSeconds(pid) - cpuBefore;
const clientCpuUsage = process.cpuUsage(clientCpuBefore);
const clientCpu = (clientCpuUsage.user + clientCpuUsage.system) / 1e6;
const perRoom = CLIENTS / ROOMS;
const expected = sent * (perRoom - 1);
// Wait for the tail to arrive (bounded: whatever has not arrived after 10 s of silence counts as lost).
let last = -1;
let quietSince = performance.now();
await until(() => {
  if (received !== last) {
    last = received;
    quietSince = performance.now();
  }
  return received >= expected || performance.now() - quietSince > 10_000;
}, 100);

const percentile = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return (q: number) => (sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN).toFixed(1);
};
const at = percentile(latencies);
const steady = percentile(steadyLatencies);
const rssLoaded = rssMiB(pid);
for (const c of clients) c.destroy();
child.kill('SIGTERM');
await new Promise((resolve) => child.once('exit', resolve));
const stats = /STATS (.*)/.exec(output)?.[1];
console.log(
  [
    `[sync propagation, ${databaseUrl ? 'postgres' : 'pglite'}] ${CLIENTS} clients in ${ROOMS} rooms, ${RATE} edits/s each, ${SECONDS} s`,
    `  latency p50 ${at(0.5)} ms, p95 ${at(0.95)} ms, p99 ${at(0.99)} ms (${latencies.length} observations)`,
    `  after the first second: p50 ${steady(0.5)} ms, p95 ${steady(0.95)} ms, p99 ${steady(0.99)} ms`,
    `  edits ${sent} (${(sent / elapsed).toFixed(0)}/s), lost ${Math.max(0, expected - received)} of ${expected} deliveries`,
    `  server CPU ${((cpu / elapsed) * 100).toFixed(0)} %, RSS ${rssLoaded.toFixed(0)} MiB, ${(((rssConnected - rssIdle) * 1024) / CLIENTS).toFixed(1)} KiB per connection`,
    `  client process CPU ${((clientCpu / elapsed) * 100).toFixed(0)} % (near 100 % means the clients, not the server, set the latency)`,
    stats ? `  engine ${stats}` : '',
  ].join('\n'),
);
