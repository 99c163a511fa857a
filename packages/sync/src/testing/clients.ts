import { until } from '@quorum/testing';
import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';

/** Re-exported for the tests that import it from here: the one polling helper is `@quorum/testing`'s. */
export { until };

/** A stock `WebsocketProvider` in Node, plus the close codes the server sent it. */
export interface TestClient {
  doc: Y.Doc;
  provider: WebsocketProvider;
  closeCodes: number[];
  destroy(): void;
}

/** Connects a real `WebsocketProvider` (through `ws`) to `serverUrl`/`room`. */
export function connectClient(
  serverUrl: string,
  room: string,
  { params = {}, doc = new Y.Doc() }: { params?: Record<string, string>; doc?: Y.Doc } = {},
): TestClient {
  const provider = new WebsocketProvider(serverUrl, room, doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    params,
    maxBackoffTime: 200,
  });
  const closeCodes: number[] = [];
  provider.on('connection-close', (event) => {
    if (event) closeCodes.push(event.code);
  });
  return {
    doc,
    provider,
    closeCodes,
    destroy: () => {
      provider.destroy();
      doc.destroy();
    },
  };
}

/** Resolves once `client` has completed a sync with the server (polls; fails naming the sync after 30 s). */
export async function synced(client: TestClient): Promise<void> {
  await until(() => client.provider.synced, { what: 'the client to sync' });
}
