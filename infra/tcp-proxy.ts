/**
 * A tiny TCP proxy for running several Quorum instances on one machine without nginx: each incoming connection
 * (HTTP, SSE or websocket alike: it forwards bytes) goes to the next backend in turn, skipping backends that refuse
 * the connection, so when an instance dies its clients' reconnects land on the others. Not for production: use
 * nginx (infra/nginx.conf), which also checks health and sets X-Forwarded-For.
 *
 *   tsx infra/tcp-proxy.ts --port 3000 127.0.0.1:3001 127.0.0.1:3002 127.0.0.1:3003
 *
 * Tests use it as a library too, including as a Postgres link that can be cut (`block()`) and restored.
 */
import { createServer, type Server, type Socket, connect as tcpConnect } from 'node:net';
import { fileURLToPath } from 'node:url';

/** A backend address. */
export interface Backend {
  host: string;
  port: number;
}

/** A running proxy. */
export interface TcpProxy {
  port: number;
  /** Connections currently open through the proxy. */
  readonly connections: number;
  /** Cuts every open connection and refuses new ones (a network partition), until `unblock()`. */
  block(): void;
  unblock(): void;
  close(): Promise<void>;
}

/** Parses `host:port`. */
export function parseBackend(text: string): Backend {
  const at = text.lastIndexOf(':');
  const port = Number(text.slice(at + 1));
  if (at <= 0 || !Number.isInteger(port)) throw new Error(`not a host:port: ${text}`);
  return { host: text.slice(0, at), port };
}

/** Starts a round-robin TCP proxy on `port` (0: any free port) in front of `backends`. */
export async function startTcpProxy({
  port = 0,
  host = '127.0.0.1',
  backends,
  connectTimeoutMs = 2_000,
}: {
  port?: number;
  host?: string;
  backends: readonly Backend[];
  connectTimeoutMs?: number;
}): Promise<TcpProxy> {
  if (backends.length === 0) throw new Error('the proxy needs at least one backend');
  const open = new Set<Socket>();
  let next = 0;
  let blocked = false;

  const track = (socket: Socket) => {
    open.add(socket);
    socket.once('close', () => open.delete(socket));
  };

  /** Connects to the backends in turn, starting with the next one, until one accepts. */
  const connectUpstream = (attempt = 0): Promise<Socket | null> => {
    if (attempt >= backends.length) return Promise.resolve(null);
    const backend = backends[next++ % backends.length]!;
    return new Promise((resolve) => {
      const upstream = tcpConnect({ host: backend.host, port: backend.port });
      upstream.setTimeout(connectTimeoutMs);
      const fail = () => {
        upstream.destroy();
        resolve(connectUpstream(attempt + 1));
      };
      upstream.once('error', fail);
      upstream.once('timeout', fail);
      upstream.once('connect', () => {
        upstream.off('error', fail);
        upstream.off('timeout', fail);
        upstream.setTimeout(0);
        resolve(upstream);
      });
    });
  };

  const server: Server = createServer((client) => {
    if (blocked) {
      client.destroy();
      return;
    }
    track(client);
    client.pause();
    client.on('error', () => client.destroy());
    void connectUpstream().then((upstream) => {
      if (!upstream || client.destroyed || blocked) {
        upstream?.destroy();
        client.destroy();
        return;
      }
      track(upstream);
      upstream.on('error', () => upstream.destroy());
      upstream.once('close', () => client.destroy());
      client.once('close', () => upstream.destroy());
      client.pipe(upstream);
      upstream.pipe(client);
      client.resume();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('proxy has no port');

  return {
    port: address.port,
    get connections() {
      return open.size;
    },
    block() {
      blocked = true;
      for (const socket of open) socket.destroy();
    },
    unblock() {
      blocked = false;
    },
    async close() {
      for (const socket of open) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const args = process.argv.slice(2);
  const portAt = args.indexOf('--port');
  const port = portAt >= 0 ? Number(args.splice(portAt, 2)[1]) : 3000;
  const proxy = await startTcpProxy({ port, host: '0.0.0.0', backends: args.map(parseBackend) });
  console.log(`[proxy] listening on ${proxy.port} → ${args.join(', ')}`);
  const stop = () => void proxy.close().then(() => process.exit(0));
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}
