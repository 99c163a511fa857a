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

/** How long a connection may take to send what it owes; see docs/security.md. */
export interface HttpTimeouts {
  /** Until a request's headers are complete, counted from the connection or the previous request (default 10 s). */
  headersTimeoutMs?: number;
  /** Until a whole request (headers and body) has arrived (default 30 s). */
  requestTimeoutMs?: number;
  /** How long an idle keep-alive connection stays open between requests (default 5 s). */
  keepAliveTimeoutMs?: number;
  /** How often Node checks the two timeouts above (default 1 s); a late connection is closed within it. */
  checkIntervalMs?: number;
}

/**
 * Serves the app and its websockets on one port (0 picks a free one). A connection that sends nothing, or sends
 * its headers or body too slowly, is closed (Node answers 408): idle sockets cannot pile up.
 */
export async function startServer(
  app: Pick<QuorumApp, 'fetch'> & Partial<Pick<QuorumApp, 'injectWebSocket'>>,
  {
    port = 3000,
    hostname = '0.0.0.0',
    timeouts = {},
  }: { port?: number; hostname?: string; timeouts?: HttpTimeouts } = {},
): Promise<RunningServer> {
  const {
    headersTimeoutMs = 10_000,
    requestTimeoutMs = 30_000,
    keepAliveTimeoutMs = 5_000,
    checkIntervalMs = 1_000,
  } = timeouts;
  const server = await new Promise<Server>((resolve) => {
    const s = serve(
      {
        fetch: app.fetch,
        port,
        hostname,
        serverOptions: {
          headersTimeout: headersTimeoutMs,
          requestTimeout: Math.max(requestTimeoutMs, headersTimeoutMs),
          keepAliveTimeout: keepAliveTimeoutMs,
          connectionsCheckingInterval: checkIntervalMs,
        },
      },
      () => resolve(s as Server),
    ) as Server;
  });
  app.injectWebSocket?.(server);
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
