import type { IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocket, WebSocketServer } from 'ws';
import type { RoomEngine } from '../engine/index.ts';

/** What the test server hands the connect hook: the upgrade request's URL. */
export interface WsContext {
  url: URL;
}

export interface EngineWsServer {
  /** `ws://127.0.0.1:<port>/sync`, the `serverUrl` for a `WebsocketProvider`. */
  url: string;
  port: number;
  wss: WebSocketServer;
  /** The most bytes any socket of this server held unsent right after a frame was handed to it. */
  readonly peakBufferedBytes: number;
  /** The close codes the engine asked for, in order. */
  readonly closeCodes: number[];
  /** Stops accepting and terminates every socket (it does not close the engine). */
  close(): Promise<void>;
}

/**
 * Serves `engine` on a `ws` server at `/sync/<room>`: the adapter the app builds on its own framework, used by the
 * tests and the multi-process fixture. `maxPayload` is left far above the engine's limit so that the engine
 * itself enforces `maxMessageBytes`.
 */
export async function serveEngine(
  engine: RoomEngine<WsContext>,
  { port = 0, host = '127.0.0.1' }: { port?: number; host?: string } = {},
): Promise<EngineWsServer> {
  const wss = new WebSocketServer({ port, host, maxPayload: 256 * 1024 * 1024 });
  await new Promise<void>((resolve, reject) => {
    wss.once('listening', resolve);
    wss.once('error', reject);
  });
  let peakBufferedBytes = 0;
  const closeCodes: number[] = [];
  wss.on('connection', (ws: WebSocket, request: IncomingMessage) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const room = decodeURIComponent(url.pathname.replace(/^\/sync\//, ''));
    const connection = engine.connect(
      {
        send: (data) => {
          if (ws.readyState !== WebSocket.OPEN) return;
          ws.send(data);
          peakBufferedBytes = Math.max(peakBufferedBytes, ws.bufferedAmount);
        },
        close: (code, reason) => {
          closeCodes.push(code);
          ws.close(code, reason);
        },
        bufferedAmount: () => ws.bufferedAmount,
      },
      { room, context: { url } },
    );
    ws.on('message', (data: Buffer | ArrayBuffer | Buffer[]) => {
      const bytes = Array.isArray(data) ? Buffer.concat(data) : data;
      connection.receive(bytes instanceof ArrayBuffer ? new Uint8Array(bytes) : bytes);
    });
    ws.on('close', () => connection.close());
    ws.on('error', () => connection.close());
  });
  const actualPort = (wss.address() as AddressInfo).port;
  return {
    url: `ws://${host}:${actualPort}/sync`,
    port: actualPort,
    wss,
    get peakBufferedBytes() {
      return peakBufferedBytes;
    },
    closeCodes,
    close: () =>
      new Promise<void>((resolve) => {
        for (const client of wss.clients) client.terminate();
        wss.close(() => resolve());
      }),
  };
}
