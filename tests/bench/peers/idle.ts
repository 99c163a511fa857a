/**
 * Memory per idle connection: CONNECTIONS clients open (synced, one awareness state each) over ROOMS rooms and then
 * do nothing; the server's RSS growth from before the first connection to a few seconds after the last, divided by
 * the connections. Every server's rooms hold the same document, a new Quorum deal's shared room (Quorum's are real
 * deals; the peers' clients bring that content), so this is the cost of a connection and its share of a room.
 */
import { ClientFleet, rssMiB } from './client-processes.ts';
import { type ServerName, startServer } from './servers.ts';

export interface IdleResult {
  server: ServerName;
  label: string;
  connections: number;
  failedToConnect: number;
  rssBefore: number;
  rssAfter: number;
  /** (rssAfter − rssBefore) / connections, KiB. */
  perConnectionKiB: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function runIdle(
  name: ServerName,
  { connections, rooms }: { connections: number; rooms: number },
  { adminUrl, clientProcesses }: { adminUrl: string; clientProcesses: number },
): Promise<IdleResult> {
  const server = await startServer(name, adminUrl);
  const fleet = new ClientFleet(clientProcesses);
  try {
    const targets = await server.rooms(rooms, { dealSeed: true });
    await sleep(1000);
    const rssBefore = rssMiB(server.pid);
    const failed = await fleet.connect(connections, targets);
    await sleep(3000);
    const rssAfter = rssMiB(server.pid);
    await fleet.finish();
    return {
      server: name,
      label: server.label,
      connections,
      failedToConnect: failed.length,
      rssBefore,
      rssAfter,
      perConnectionKiB: ((rssAfter - rssBefore) * 1024) / connections,
    };
  } finally {
    await server.stop();
  }
}
