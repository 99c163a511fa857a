import { CloseCode } from '../close-codes.ts';
import type { Room } from './room.ts';
import type { SyncConnection, SyncSocket } from './types.ts';

/** What a connection needs from its engine. */
export interface ConnectionHost {
  readonly maxMessageBytes: number;
  reportError(error: unknown, info: { room?: string; during: string }): void;
  forget(connection: Connection): void;
}

/**
 * One client socket. Frames are queued until the connect hook resolved and the room is loaded; document
 * messages to the client wait in an outbox until everything they contain is stored.
 */
export class Connection implements SyncConnection {
  readOnly = false;
  /** Awareness client ids this connection announced (removed when it drops). */
  readonly awarenessIds = new Set<number>();
  /** Whether its client ever announced an awareness state (a stock client's initial clock-0 state never applies). */
  announcedAwareness = false;
  #roomRef: Room | null = null;
  #closed = false;
  #inbox: Uint8Array[] = [];
  #inboxBytes = 0;
  #outbox: Array<{ seq: number; data: Uint8Array }> = [];

  constructor(
    private readonly host: ConnectionHost,
    private readonly socket: SyncSocket,
    readonly room: string,
  ) {}

  get closed(): boolean {
    return this.#closed;
  }

  receive(data: Uint8Array): void {
    if (this.#closed) return;
    if (data.byteLength > this.host.maxMessageBytes) {
      this.terminate(CloseCode.tooBig, 'message too big');
      return;
    }
    if (!this.#roomRef) {
      this.#inboxBytes += data.byteLength;
      if (this.#inboxBytes > 4 * this.host.maxMessageBytes) {
        this.terminate(CloseCode.tooBig, 'too much data before the room was ready');
        return;
      }
      this.#inbox.push(data);
      return;
    }
    this.#roomRef.handleMessage(this, data);
  }

  /** The socket closed; forget this connection. */
  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    this.#detach();
  }

  /** Closes the socket with `code` and forgets this connection. */
  terminate(code: number, reason = ''): void {
    if (this.#closed) return;
    this.#closed = true;
    try {
      this.socket.close(code, reason);
    } catch (error) {
      this.host.reportError(error, { room: this.room, during: 'closing a socket' });
    }
    this.#detach();
  }

  /** Joins the loaded room and handles the frames that arrived meanwhile. */
  attach(room: Room): void {
    this.#roomRef = room;
    const inbox = this.#inbox;
    this.#inbox = [];
    this.#inboxBytes = 0;
    for (const data of inbox) {
      if (this.#closed) return;
      room.handleMessage(this, data);
    }
  }

  /** Sends a frame that reveals no document content (awareness, sync step 1) right away. */
  sendNow(data: Uint8Array): void {
    if (this.#closed) return;
    try {
      this.socket.send(data);
    } catch (error) {
      this.host.reportError(error, { room: this.room, during: 'sending' });
      this.terminate(CloseCode.internalError, 'send failed');
    }
  }

  /** Sends a frame with document content once the room has stored everything up to `seq`, in order. */
  sendDoc(data: Uint8Array, seq: number): void {
    if (this.#closed || !this.#roomRef) return;
    if (this.#outbox.length === 0 && seq <= this.#roomRef.persistedSeq) this.sendNow(data);
    else this.#outbox.push({ seq, data });
  }

  /** Sends what the room has now stored. */
  drainOutbox(persistedSeq: number): void {
    let sent = 0;
    while (sent < this.#outbox.length && this.#outbox[sent]!.seq <= persistedSeq && !this.#closed) {
      this.sendNow(this.#outbox[sent]!.data);
      sent += 1;
    }
    if (sent > 0) this.#outbox.splice(0, sent);
  }

  #detach(): void {
    this.#inbox = [];
    this.#outbox = [];
    const room = this.#roomRef;
    this.#roomRef = null;
    room?.detach(this);
    this.host.forget(this);
  }
}
