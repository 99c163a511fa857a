/**
 * The three servers of the peers benchmark, each started as its own process on a free port of 127.0.0.1:
 * Quorum (`apps/server/src/main.ts` under tsx on this Node, Postgres, durability on, no Redis), Hocuspocus with its
 * Database extension on the same Postgres, and the y-websocket reference server (memory only), both under the Node 22
 * of the `node` package. Each one hands out the websocket target of its rooms.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { initSharedDoc } from '@quorum/deal-model';
import postgres from 'postgres';
import * as Y from 'yjs';
import { createDeal, ORIGIN, signUp, startInstance } from '../../integration/fixtures/cluster-instances.ts';
import type { Target } from './connection.ts';

export type ServerName = 'quorum' | 'hocuspocus' | 'ywebsocket';
export const SERVER_NAMES: ServerName[] = ['quorum', 'hocuspocus', 'ywebsocket'];

/** A running server. */
export interface BenchServer {
  name: ServerName;
  /** What runs: product, version, storage, runtime. */
  label: string;
  pid: number;
  /** What the process printed so far. */
  output(): string;
  /**
   * Makes `count` rooms ready (Quorum: one seller's deals, created through the API); one target per room. `dealSeed`:
   * the peers' rooms are to hold what a new Quorum deal's shared room holds (the clients bring it, see `Target.seed`),
   * so that every server keeps the same documents.
   */
  rooms(count: number, options?: { dealSeed?: boolean }): Promise<Target[]>;
  /** SIGTERM, wait for the exit, drop the database. */
  stop(): Promise<void>;
}

const NODE_22 = fileURLToPath(new URL('./node_modules/node/bin/node', import.meta.url));
const here = (file: string) => fileURLToPath(new URL(file, import.meta.url));
const versionOf = (pkg: string) =>
  (JSON.parse(readFileSync(here(`./node_modules/${pkg}/package.json`), 'utf8')) as { version: string }).version;

/** A new empty database next to `adminUrl`; `drop()` removes it. */
async function freshDatabase(adminUrl: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `quorum_bench_${Math.random().toString(36).slice(2, 10)}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => undefined });
  await admin.unsafe(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const drop = postgres(adminUrl, { max: 1, onnotice: () => undefined });
      await drop.unsafe(`drop database if exists ${name} with (force)`);
      await drop.end();
    },
  };
}

/** Spawns `args` under Node 22 and resolves with the child and its port once it prints `listening on port N`. */
function spawnListening(
  args: string[],
  env: Record<string, string>,
): Promise<{ child: ChildProcess; port: number; output(): string }> {
  const child = spawn(NODE_22, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on port (\d+)/.exec(output);
      if (match) resolve({ child, port: Number(match[1]), output: () => output });
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code, signal) => reject(new Error(`${args[0]} exited (${code ?? signal}) early:\n${output}`)));
  });
}

async function terminate(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

let dealSharedState: string | undefined;
/** A new Quorum deal's shared document (DESIGN.md section 2: meta, the five plan stages, the status quo), base64. */
function newDealSharedState(): string {
  if (dealSharedState) return dealSharedState;
  const doc = new Y.Doc();
  initSharedDoc(doc, { title: 'Bench deal', buyer: 'Northwind', seller: 'Bench Co' });
  dealSharedState = Buffer.from(Y.encodeStateAsUpdate(doc)).toString('base64');
  doc.destroy();
  return dealSharedState;
}

/** Starts one server on a fresh database of the Postgres at `adminUrl` (the y-websocket server needs none). */
export async function startServer(name: ServerName, adminUrl: string): Promise<BenchServer> {
  if (name === 'ywebsocket') {
    const { child, port, output } = await spawnListening([here('./y-websocket-server.ts')], {});
    return {
      name,
      label: `y-websocket ref (@y/websocket-server ${versionOf('@y/websocket-server')}, memory, Node ${versionOf('node')})`,
      pid: child.pid!,
      output,
      rooms: async (count, { dealSeed = false } = {}) =>
        Array.from({ length: count }, (_, i) => ({
          framing: 'y-websocket' as const,
          url: `ws://127.0.0.1:${port}/room-${i}`,
          room: `room-${i}`,
          ...(dealSeed ? { seed: newDealSharedState() } : {}),
        })),
      stop: () => terminate(child),
    };
  }
  const database = await freshDatabase(adminUrl);
  if (name === 'hocuspocus') {
    const { child, port, output } = await spawnListening([here('./hocuspocus-server.ts')], {
      DATABASE_URL: database.url,
    });
    return {
      name,
      label: `Hocuspocus ${versionOf('@hocuspocus/server')} (extension-database defaults, Postgres, Node ${versionOf('node')})`,
      pid: child.pid!,
      output,
      rooms: async (count, { dealSeed = false } = {}) =>
        Array.from({ length: count }, (_, i) => ({
          framing: 'hocuspocus' as const,
          url: `ws://127.0.0.1:${port}`,
          room: `room-${i}`,
          ...(dealSeed ? { seed: newDealSharedState() } : {}),
        })),
      stop: async () => {
        await terminate(child);
        await database.drop();
      },
    };
  }
  // One seller owns every bench deal: lift the per-user socket cap (20) as an operator would for such a user.
  // `QUORUM_NODE_ARGS`: Node options for the server process (e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof`).
  const server = await startInstance(
    { DATABASE_URL: database.url, REDIS_URL: '', MAX_SOCKETS_PER_USER: '100000' },
    { nodeArgs: process.env.QUORUM_NODE_ARGS?.split(' ').filter(Boolean) ?? [] },
  );
  return {
    name,
    label: `Quorum (Postgres, durability on, Node ${process.versions.node})`,
    pid: server.child.pid!,
    output: server.output,
    rooms: async (count) => {
      const cookie = await signUp(server.base, 'bench-seller@quorum.test', 'Bench Co');
      const dealIds: string[] = [];
      for (let i = 0; i < count; i += 8) {
        const batch = Array.from({ length: Math.min(8, count - i) }, (_, j) => `Bench deal ${i + j}`);
        dealIds.push(...(await Promise.all(batch.map((title) => createDeal(server.base, cookie, title)))));
      }
      return dealIds.map((dealId) => ({
        framing: 'y-websocket' as const,
        url: `${server.base.replace(/^http/, 'ws')}/sync/${dealId}`,
        room: dealId,
        headers: { cookie, origin: ORIGIN },
      }));
    },
    stop: async () => {
      await terminate(server.child);
      await database.drop();
    },
  };
}
