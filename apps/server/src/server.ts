import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import type { QuorumApp } from './app.ts';

/** A listening server. */
export interface RunningServer {
  server: Server;
  port: number;
  /** `http://127.0.0.1:<port>` */
  url: string;
  /** Stops accepting connections and closes the open ones. */
  close(): Promise<void>;
}

/** Serves the app and its websockets on one port (0 picks a free one). */
export async function startServer(
  app: QuorumApp,
  { port = 3000, hostname = '0.0.0.0' }: { port?: number; hostname?: string } = {},
): Promise<RunningServer> {
  const server = await new Promise<Server>((resolve) => {
    const s = serve({ fetch: app.fetch, port, hostname }, () => resolve(s as Server)) as Server;
  });
  app.injectWebSocket(server);
  const actual = (server.address() as AddressInfo).port;
  return {
    server,
    port: actual,
    url: `http://127.0.0.1:${actual}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
