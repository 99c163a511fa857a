/**
 * A load-client process of the peers benchmark (spawned by tests/bench/peers.ts with an IPC channel; never in a
 * server's process). It opens the clients it is given, then each appends a token `<client.seq.sentAtµs>` to its
 * Y.Text at the given rate on its own schedule, and every client observes the remote updates it takes in by decoding
 * them (O(update)) and reading the send times out of the tokens. Reports latencies, counts and what each text holds.
 */
import * as Y from 'yjs';
import { type Client, connect } from './connection.ts';
import { type ClientMessage, type DriverMessage, monotonicMs } from './messages.ts';

const TOKEN = /<\d+\.\d+\.(\d+)>/g;
/** Connections opened at once while connecting. */
const CONNECT_CONCURRENCY = 50;

const report = (message: ClientMessage) => process.send!(message);

interface Member {
  index: number;
  room: number;
  client: Client;
  /** Edits this client made. */
  made: number;
}

const members: Member[] = [];
const latencies: number[] = [];
let deliveries = 0;
let measuredDeliveries = 0;
let measuredEdits = 0;
let measureFrom = Number.POSITIVE_INFINITY;
let stopAt = Number.POSITIVE_INFINITY;
let cpuAtMeasure: NodeJS.CpuUsage | undefined;
let cpuMeasured: NodeJS.CpuUsage | undefined;
const sentPerRoom = new Map<number, number>();
const timers: NodeJS.Timeout[] = [];

function observe(client: Client): void {
  client.doc.on('update', (update: Uint8Array, origin: unknown) => {
    if (origin !== client.remote) return;
    const now = monotonicMs();
    for (const struct of Y.decodeUpdate(update).structs) {
      if (!(struct instanceof Y.Item) || !(struct.content instanceof Y.ContentString)) continue;
      for (const [, micros] of struct.content.str.matchAll(TOKEN)) {
        const sentAt = Number(micros) / 1000;
        deliveries += 1;
        if (sentAt >= measureFrom && sentAt < stopAt) {
          measuredDeliveries += 1;
          latencies.push(now - sentAt);
        }
      }
    }
  });
}

async function connectAll(clients: Extract<DriverMessage, { type: 'connect' }>['clients']): Promise<string[]> {
  const failed: string[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(CONNECT_CONCURRENCY, clients.length) }, async () => {
      while (next < clients.length) {
        const { index, room, target } = clients[next++]!;
        const client = connect(target, `client ${index}`);
        members.push({ index, room, client, made: 0 });
        observe(client);
        await client.synced.catch((error: Error) => failed.push(error.message));
      }
    }),
  );
  return failed;
}

function run({ rate, startAt, measureFrom: from, stopAt: until }: Extract<DriverMessage, { type: 'run' }>): void {
  measureFrom = from;
  stopAt = until;
  const interval = 1000 / rate;
  members.forEach((member, position) => {
    const { index, room, client } = member;
    const phase = Math.random() * interval;
    let seq = 0;
    // Each client keeps its own schedule (phase + k × interval): a late timer does not shift the ones after it.
    const tick = () => {
      const now = monotonicMs();
      if (now >= stopAt) return;
      if (now >= measureFrom) measuredEdits += 1;
      sentPerRoom.set(room, (sentPerRoom.get(room) ?? 0) + 1);
      client.text.insert(client.text.length, `<${index}.${seq}.${Math.round(now * 1000)}>`);
      seq += 1;
      member.made = seq;
      timers[position] = setTimeout(tick, Math.max(0, startAt + phase + seq * interval - monotonicMs()));
    };
    timers[position] = setTimeout(tick, Math.max(0, startAt + phase - monotonicMs()));
  });
  setTimeout(() => {
    cpuAtMeasure = process.cpuUsage();
  }, from - monotonicMs());
  setTimeout(() => {
    cpuMeasured = process.cpuUsage(cpuAtMeasure);
  }, until - monotonicMs());
}

function finish(): ClientMessage {
  const held = members.map(({ room, client, made }): [number, number, number] => [
    room,
    Array.from(client.text.toString().matchAll(TOKEN)).length,
    made,
  ]);
  const cpu = cpuMeasured ?? process.cpuUsage(cpuAtMeasure);
  return {
    type: 'result',
    latencies: Float64Array.from(latencies),
    measuredEdits,
    measuredDeliveries,
    sentPerRoom: [...sentPerRoom],
    held,
    closes: members.reduce((sum, { client }) => sum + client.closes.length, 0),
    errors: members.reduce((sum, { client }) => sum + client.errors, 0),
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
  };
}

const progress = setInterval(() => report({ type: 'progress', deliveries }), 250);
process.on('message', async (message: DriverMessage) => {
  switch (message.type) {
    case 'connect':
      report({ type: 'connected', failed: await connectAll(message.clients) });
      break;
    case 'run':
      run(message);
      break;
    case 'count':
      report({ type: 'counted', sentPerRoom: [...sentPerRoom] });
      break;
    case 'finish':
      for (const timer of timers) clearTimeout(timer);
      clearInterval(progress);
      process.send!(finish(), () => {
        for (const { client } of members) client.close();
        process.exit(0);
      });
      break;
  }
});
