import { WebSocket } from 'ws';

/** A bare `ws` client for sending hand-made frames, with the close it received. */
export interface RawSocket {
  ws: WebSocket;
  received: Uint8Array[];
  closed: Promise<{ code: number; reason: string }>;
}

/** Opens a raw websocket to `serverUrl/room` and resolves once it is open. */
export async function openRawSocket(serverUrl: string, room: string): Promise<RawSocket> {
  const ws = new WebSocket(`${serverUrl}/${room}`);
  const received: Uint8Array[] = [];
  ws.on('message', (data: Buffer) => received.push(new Uint8Array(data)));
  const closed = new Promise<{ code: number; reason: string }>((resolve) => {
    ws.on('close', (code, reason) => resolve({ code, reason: reason.toString() }));
  });
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  return { ws, received, closed };
}
