/**
 * One load run against one server: N clients in M rooms (client i in room i % M), each appending a small token to a
 * Y.Text RATE times a second, WARMUP s unmeasured then SECONDS s measured; then the deliveries drain and what each
 * client's text is missing counts as lost.
 */
import { ClientFleet, cpuSeconds, rssMiB } from './client-processes.ts';
import { monotonicMs } from './messages.ts';
import { type ServerName, startServer } from './servers.ts';

export interface Load {
  clients: number;
  rooms: number;
  /** Edits a second per client. */
  rate: number;
}

export interface RunOptions {
  adminUrl: string;
  seconds: number;
  warmup: number;
  clientProcesses: number;
  /** Once the edits stop, how long without a new delivery before the missing edits count as lost. */
  drainMs: number;
  /** The longest the drain may take in all. */
  maxDrainMs: number;
}

export interface LoadResult {
  server: ServerName;
  label: string;
  p50: number;
  p95: number;
  p99: number;
  observations: number;
  /** Edits sent and deliveries observed per second of the measured window. */
  editsPerSecond: number;
  deliveriesPerSecond: number;
  /** Deliveries owed (each edit × the other clients of its room) and missing at the end. */
  expected: number;
  lost: number;
  /** Clients that did not sync at the start, connections closed or errored during the run. */
  failedToConnect: number;
  closes: number;
  /** Server CPU over the measured window (1 = one core), RSS at its end and the peak, MiB. */
  cpu: number;
  rss: number;
  peakRss: number;
  /** The client processes' CPU over the window (they share the machine with the server). */
  clientCpu: number;
  /** The last lines the server printed (shown when something was lost or refused). */
  serverLog: string;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const sleepUntil = (at: number) => sleep(Math.max(0, at - monotonicMs()));

function quantile(sorted: Float64Array, q: number): number {
  return sorted.length === 0 ? Number.NaN : sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

/** Runs `load` against a freshly started `name`; stops the server and drops its database afterwards. */
export async function runLoad(
  name: ServerName,
  { clients, rooms, rate }: Load,
  { adminUrl, seconds, warmup, clientProcesses, drainMs, maxDrainMs }: RunOptions,
): Promise<LoadResult> {
  const server = await startServer(name, adminUrl);
  const fleet = new ClientFleet(clientProcesses);
  try {
    const targets = await server.rooms(rooms);
    const failed = await fleet.connect(clients, targets);
    await sleep(500);

    const startAt = monotonicMs() + 100;
    const measureFrom = startAt + warmup * 1000;
    const stopAt = measureFrom + seconds * 1000;
    fleet.run({ type: 'run', rate, startAt, measureFrom, stopAt });
    await sleepUntil(measureFrom);
    const cpuBefore = cpuSeconds(server.pid);
    const clientCpuBefore = fleet.pids.reduce((sum, pid) => sum + cpuSeconds(pid), 0);
    let peakRss = rssMiB(server.pid);
    const sampler = setInterval(() => {
      peakRss = Math.max(peakRss, rssMiB(server.pid));
    }, 250);
    await sleepUntil(stopAt);
    clearInterval(sampler);
    const elapsed = (monotonicMs() - measureFrom) / 1000;
    const cpu = (cpuSeconds(server.pid) - cpuBefore) / elapsed;
    const clientCpu = (fleet.pids.reduce((sum, pid) => sum + cpuSeconds(pid), 0) - clientCpuBefore) / elapsed;
    const rss = rssMiB(server.pid);

    // Drain: until every delivery owed arrived, or none arrived for drainMs (a stalled server), or maxDrainMs.
    await sleep(100);
    const owed = await fleet.owed(rooms, clients);
    const drainUntil = monotonicMs() + maxDrainMs;
    let last = -1;
    let quietSince = monotonicMs();
    while (fleet.deliveries < owed && monotonicMs() - quietSince < drainMs && monotonicMs() < drainUntil) {
      if (fleet.deliveries !== last) {
        last = fleet.deliveries;
        quietSince = monotonicMs();
      }
      await sleep(100);
    }
    const results = await fleet.finish();

    const sentPerRoom = new Map<number, number>();
    for (const result of results) {
      for (const [room, edits] of result.sentPerRoom) sentPerRoom.set(room, (sentPerRoom.get(room) ?? 0) + edits);
    }
    let expected = 0;
    let lost = 0;
    for (const result of results) {
      for (const [room, held, made] of result.held) {
        // A client holds its own edits; the rest of its room's edits it must have received.
        const inRoom = sentPerRoom.get(room) ?? 0;
        expected += inRoom - made;
        lost += inRoom - held;
      }
    }
    const sum = (pick: (r: (typeof results)[number]) => number) => results.reduce((s, r) => s + pick(r), 0);
    const latencies = new Float64Array(sum((r) => r.latencies.length));
    let offset = 0;
    for (const result of results) {
      latencies.set(result.latencies, offset);
      offset += result.latencies.length;
    }
    latencies.sort();
    return {
      server: name,
      label: server.label,
      p50: quantile(latencies, 0.5),
      p95: quantile(latencies, 0.95),
      p99: quantile(latencies, 0.99),
      observations: latencies.length,
      editsPerSecond: sum((r) => r.measuredEdits) / elapsed,
      deliveriesPerSecond: sum((r) => r.measuredDeliveries) / elapsed,
      expected,
      lost,
      failedToConnect: failed.length,
      closes: sum((r) => r.closes + r.errors),
      cpu,
      rss,
      peakRss,
      clientCpu,
      serverLog: server
        .output()
        .trimEnd()
        .split('\n')
        .slice(-8)
        .map((line) => (line.length > 240 ? `${line.slice(0, 240)}…` : line))
        .join('\n'),
    };
  } finally {
    await server.stop();
  }
}
