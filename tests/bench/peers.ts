/**
 * Peers benchmark (issue 11, item 1): the same load against Quorum, Hocuspocus and the y-websocket reference server,
 * one after another in one run, each server as its own process and the clients in their own processes (raw
 * y-protocols clients, the same code for all three; see peers/connection.ts). Quorum runs on Postgres with
 * durability on; Hocuspocus stores into the same Postgres through `@hocuspocus/extension-database` at its defaults
 * (debounced: nothing is stored on its relay path); the y-websocket server keeps documents in memory only. The peers
 * live in the bench-only workspace package tests/bench/peers (never a dependency of the product).
 *
 * Per load, per server: edit → observation latency p50/p95/p99 (a client's edit to each other client of its room
 * seeing it), edits and deliveries per second, lost (deliveries still missing once all arrived, or none did for DRAIN s,
 * or MAX_DRAIN s passed), server
 * CPU and RSS from /proc, the client processes' CPU; then the ratios Quorum/Hocuspocus against the issue's targets
 * (≤ 1×; goal 0.8×). Then memory per idle connection. Prints figures; never gates.
 *
 *   pnpm bench peers                                   # 500×100 @ 2/s, 1,000×200 @ 5/s, idle 3,000 in 1,000 rooms
 *   SCENARIOS=2000x400@10 pnpm bench peers             # a load past saturation (CLIENTSxROOMS@RATE, comma-separated)
 *   CLIENTS=50 ROOMS=10 RATE=5 SECONDS=5 SERVERS=quorum,hocuspocus pnpm bench peers   # one small load
 *   IDLE_CONNECTIONS=300 IDLE_ROOMS=100 SCENARIOS=idle pnpm bench peers
 *
 * Other settings: WARMUP (s, default 3), SECONDS (default 20), DRAIN (s, default 15), MAX_DRAIN (s, default 120),
 * CLIENT_PROCESSES (default 2), TEST_DATABASE_URL (the Postgres to create the databases next to; default
 * postgres://postgres@127.0.0.1:5432/test).
 */
import { readFileSync } from 'node:fs';
import { type IdleResult, runIdle } from './peers/idle.ts';
import { type Load, type LoadResult, runLoad } from './peers/load.ts';
import { SERVER_NAMES, type ServerName } from './peers/servers.ts';

const env = process.env;
const adminUrl = env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const servers = (env.SERVERS?.split(',') ?? SERVER_NAMES) as ServerName[];
for (const name of servers) {
  if (!SERVER_NAMES.includes(name)) throw new Error(`SERVERS: unknown server "${name}" (${SERVER_NAMES.join(', ')})`);
}
const options = {
  adminUrl,
  seconds: Number(env.SECONDS ?? 20),
  warmup: Number(env.WARMUP ?? 3),
  clientProcesses: Number(env.CLIENT_PROCESSES ?? 2),
  drainMs: Number(env.DRAIN ?? 15) * 1000,
  maxDrainMs: Number(env.MAX_DRAIN ?? 120) * 1000,
};
const idle = { connections: Number(env.IDLE_CONNECTIONS ?? 3000), rooms: Number(env.IDLE_ROOMS ?? 1000) };
/** The issue's memory target for Quorum, KiB per idle connection. */
const IDLE_TARGET_KIB = 16;

type Scenario = Load | 'idle';
function scenarios(): Scenario[] {
  if (env.CLIENTS || env.ROOMS || env.RATE) {
    return [{ clients: Number(env.CLIENTS ?? 500), rooms: Number(env.ROOMS ?? 100), rate: Number(env.RATE ?? 2) }];
  }
  return (env.SCENARIOS ?? '500x100@2,1000x200@5,idle').split(',').map((spec) => {
    if (spec === 'idle') return 'idle';
    const match = /^(\d+)x(\d+)@(\d+(?:\.\d+)?)$/.exec(spec.trim());
    if (!match) throw new Error(`SCENARIOS: "${spec}" is neither idle nor CLIENTSxROOMS@RATE`);
    return { clients: Number(match[1]), rooms: Number(match[2]), rate: Number(match[3]) };
  });
}

const NAMES: Record<ServerName, string> = { quorum: 'Quorum', hocuspocus: 'Hocuspocus', ywebsocket: 'y-websocket' };
const loadAverage = () => readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
const ms = (value: number) => (value >= 100 ? value.toFixed(0) : value.toFixed(1)).padStart(7);
const verdict = (ok: boolean) => (ok ? 'met' : 'MISSED');

function printLoad({ clients, rooms, rate }: Load, results: LoadResult[]): void {
  console.log(
    `\n[peers] ${clients} clients / ${rooms} rooms, ${rate} edits/s each; ${options.seconds} s measured after ` +
      `${options.warmup} s warm-up; clients in ${options.clientProcesses} processes; load average ${loadAverage()}`,
  );
  for (const r of results) console.log(`  ${NAMES[r.server].padEnd(12)} ${r.label}`);
  console.log(
    `  ${'server'.padEnd(12)} ${'p50 ms'.padStart(7)} ${'p95 ms'.padStart(7)} ${'p99 ms'.padStart(7)} ` +
      `${'edits/s'.padStart(8)} ${'deliv/s'.padStart(8)} ${'lost'.padStart(14)} ${'CPU'.padStart(5)} ` +
      `${'RSS MiB'.padStart(12)} ${'clients CPU'.padStart(11)} ${'refused/closed'.padStart(15)}`,
  );
  for (const r of results) {
    console.log(
      `  ${NAMES[r.server].padEnd(12)} ${ms(r.p50)} ${ms(r.p95)} ${ms(r.p99)} ${r.editsPerSecond.toFixed(0).padStart(8)} ` +
        `${r.deliveriesPerSecond.toFixed(0).padStart(8)} ${`${r.lost} of ${r.expected}`.padStart(14)} ` +
        `${`${(r.cpu * 100).toFixed(0)} %`.padStart(5)} ${`${r.rss.toFixed(0)} (${r.peakRss.toFixed(0)})`.padStart(12)} ` +
        `${`${(r.clientCpu * 100).toFixed(0)} %`.padStart(11)} ${`${r.failedToConnect}/${r.closes}`.padStart(15)}`,
    );
  }
  for (const r of results) {
    if (r.lost === 0 && r.closes === 0 && r.failedToConnect === 0) continue;
    console.log(`  ${NAMES[r.server]} printed, last:\n${r.serverLog.replace(/^/gm, '    | ')}`);
  }
  const quorum = results.find((r) => r.server === 'quorum');
  const hocuspocus = results.find((r) => r.server === 'hocuspocus');
  if (!quorum || !hocuspocus) return;
  const p99 = quorum.p99 / hocuspocus.p99;
  const cpu = quorum.cpu / hocuspocus.cpu;
  console.log(
    `  Quorum/Hocuspocus: p99 ${p99.toFixed(2)}×, CPU ${cpu.toFixed(2)}×   ` +
      `target ≤ 1× with 0 lost: ${verdict(p99 <= 1 && cpu <= 1 && quorum.lost === 0)}   ` +
      `goal ≤ 0.8×: ${verdict(p99 <= 0.8 && cpu <= 0.8 && quorum.lost === 0)}`,
  );
}

function printIdle(results: IdleResult[]): void {
  console.log(
    `\n[peers] memory per idle connection: ${idle.connections} connections in ${idle.rooms} rooms; ` +
      `load average ${loadAverage()}`,
  );
  for (const r of results) {
    const target =
      r.server === 'quorum'
        ? `   target ≤ ${IDLE_TARGET_KIB} KiB: ${verdict(r.perConnectionKiB <= IDLE_TARGET_KIB)}`
        : '';
    console.log(
      `  ${NAMES[r.server].padEnd(12)} ${r.perConnectionKiB.toFixed(1).padStart(6)} KiB per connection ` +
        `(RSS ${r.rssBefore.toFixed(0)} → ${r.rssAfter.toFixed(0)} MiB, ${r.failedToConnect} failed to connect)${target}`,
    );
  }
}

console.log(`load average before: ${loadAverage()}`);
for (const scenario of scenarios()) {
  if (scenario === 'idle') {
    const results: IdleResult[] = [];
    for (const name of servers) results.push(await runIdle(name, idle, options));
    printIdle(results);
  } else {
    const results: LoadResult[] = [];
    for (const name of servers) results.push(await runLoad(name, scenario, options));
    printLoad(scenario, results);
  }
}
process.exit(0);
