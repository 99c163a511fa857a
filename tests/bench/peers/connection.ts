/**
 * One raw y-protocols client: a Y.Doc and an Awareness over one `ws` socket, speaking either the y-websocket protocol
 * (Quorum, the y-websocket reference server: one document per socket, the room in the URL) or Hocuspocus's framing
 * (the same messages, each prefixed with the document name, and a token message before anything else). Everything
 * else — the document, the edits, how a received update is applied and observed — is the same code for every server,
 * so a client costs the same whichever server it talks to.
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import WebSocket from 'ws';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';

/** How the client frames its messages. */
export type Framing = 'y-websocket' | 'hocuspocus';

/** Where one client connects. */
export interface Target {
  framing: Framing;
  /** The websocket URL (for y-websocket framing it names the room). */
  url: string;
  /** The document name (Hocuspocus framing puts it in every message). */
  room: string;
  /** Request headers (Quorum's session cookie and Origin). */
  headers?: Record<string, string>;
  /**
   * A Yjs update (base64) the client holds before it connects, so that its sync step 2 gives the room that content
   * (every client of a room brings the same one: the room holds it once).
   */
  seed?: string;
}

// Top-level message types. Hocuspocus adds the rest of its own after the shared four.
const messageSync = 0;
const messageAwareness = 1;
const messageAuth = 2;
const messageQueryAwareness = 3;
const hocuspocusSyncReply = 4;
const hocuspocusSyncStatus = 8;
const authToken = 0;
const authPermissionDenied = 1;

/**
 * Each socket leaves from the next loopback address (127.0.0.2 … 127.0.0.251), as clients of a real deployment come
 * from many addresses: Quorum limits websocket upgrades per client IP (300 a minute) and open sockets per IP (50).
 */
let nextSource = 0;
const sourceAddress = () => `127.0.0.${2 + (nextSource++ % 250)}`;

/** One connected client. */
export interface Client {
  doc: Y.Doc;
  text: Y.Text;
  /** The transaction origin of every update received from the server. */
  remote: object;
  /** Resolves once the first sync with the server completed. */
  synced: Promise<void>;
  /** Close events seen (code), and socket errors. */
  closes: number[];
  errors: number;
  close(): void;
}

/** Opens one client on `target`; `name` goes into its awareness state, as an editor's would. */
export function connect({ framing, url, room, headers, seed }: Target, name: string): Client {
  const doc = new Y.Doc();
  if (seed) Y.applyUpdate(doc, Buffer.from(seed, 'base64'));
  const awareness = new awarenessProtocol.Awareness(doc);
  awareness.setLocalState({ user: { name } });
  const socket = new WebSocket(url, {
    headers,
    perMessageDeflate: false,
    handshakeTimeout: 30_000,
    localAddress: new URL(url).hostname === '127.0.0.1' ? sourceAddress() : undefined,
  });
  socket.binaryType = 'nodebuffer';
  const closes: number[] = [];
  let errors = 0;
  let markSynced: () => void = () => undefined;
  let failSync: (error: Error) => void = () => undefined;
  const synced = new Promise<void>((resolve, reject) => {
    markSynced = resolve;
    failSync = reject;
  });

  const message = (type: number): encoding.Encoder => {
    const encoder = encoding.createEncoder();
    if (framing === 'hocuspocus') encoding.writeVarString(encoder, room);
    encoding.writeVarUint(encoder, type);
    return encoder;
  };
  const send = (encoder: encoding.Encoder) => {
    if (socket.readyState === WebSocket.OPEN) socket.send(encoding.toUint8Array(encoder));
  };
  const sendAwareness = (clients: number[]) => {
    const encoder = message(messageAwareness);
    encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(awareness, clients));
    send(encoder);
  };

  doc.on('update', (update: Uint8Array, origin: unknown) => {
    if (origin === socket) return;
    const encoder = message(messageSync);
    syncProtocol.writeUpdate(encoder, update);
    send(encoder);
  });
  awareness.on('update', ({ added, updated, removed }: Record<string, number[]>, origin: unknown) => {
    // The local state renewed every 15 s (as stock providers do); keeps Hocuspocus's idle timeout at bay too.
    if (origin === socket) return;
    sendAwareness([...added!, ...updated!, ...removed!]);
  });

  socket.on('open', () => {
    if (framing === 'hocuspocus') {
      const auth = message(messageAuth);
      encoding.writeVarUint(auth, authToken);
      encoding.writeVarString(auth, '');
      send(auth);
    }
    const step1 = message(messageSync);
    syncProtocol.writeSyncStep1(step1, doc);
    send(step1);
    sendAwareness([doc.clientID]);
  });
  socket.on('message', (data: Buffer) => {
    const decoder = decoding.createDecoder(data);
    if (framing === 'hocuspocus') decoding.readVarString(decoder);
    const type = decoding.readVarUint(decoder);
    switch (type) {
      case messageSync:
      case hocuspocusSyncReply: {
        const reply = message(messageSync);
        const before = encoding.length(reply);
        const kind = syncProtocol.readSyncMessage(decoder, reply, doc, socket);
        if (encoding.length(reply) > before) send(reply);
        if (kind === syncProtocol.messageYjsSyncStep2) markSynced();
        break;
      }
      case messageAwareness:
        awarenessProtocol.applyAwarenessUpdate(awareness, decoding.readVarUint8Array(decoder), socket);
        break;
      case messageQueryAwareness:
        sendAwareness([...awareness.getStates().keys()]);
        break;
      case messageAuth:
        if (decoding.readVarUint(decoder) === authPermissionDenied) {
          failSync(new Error(`${room}: permission denied (${decoding.readVarString(decoder)})`));
        }
        break;
      case hocuspocusSyncStatus:
        break;
      default:
        throw new Error(`${url}: unexpected message type ${type}`);
    }
  });
  socket.on('error', () => {
    errors += 1;
  });
  socket.on('close', (code) => {
    closes.push(code);
    failSync(new Error(`${url} ${room}: closed (${code}) before the first sync`));
  });

  return {
    doc,
    text: doc.getText('t'),
    remote: socket,
    synced,
    closes,
    get errors() {
      return errors;
    },
    close: () => {
      awareness.destroy();
      socket.close();
      doc.destroy();
    },
  };
}
