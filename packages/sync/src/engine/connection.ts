import { CloseCode } from '../close-codes.ts';
import type { Room } from './room.ts';
import type { SyncConnection, SyncSocket } from './types.ts';

/** What a connection needs from its engine. */
export interface ConnectionHost {
  readonly maxMessageBytes: number;
  readonly maxBufferedBytes: number;
  /** A connection was closed for not reading its output. */
  countSlowClient(): void;
  reportError(error: unknown, info: { room?: string; during: string }): void;
  forget(connection: Connection): void;
}

/**
 * One client socket. Frames are queued until the connect hook resolved and the room is loaded; document
 * messages to the client wait in an outbox until everything they contain is stored. Output is bounded: the socket's
 * buffered bytes plus the outbox may pass `maxBufferedBytes` only by one full-state reply still in flight, or the
 * connection is closed with 1013.
 */
export class Connection implements SyncConnection {
  readOnly = false;
  identity: unknown = undefined;
  /** Awareness client ids this connection announced (removed when it drops). */
  readonly awarenessIds = new Set<number>();
  /** Whether its client ever announced an awareness state (a stock client's initial clock-0 state never applies). */
  announcedAwareness = false;
  #roomRef: Room | null = null;
  #closed = false;
  #inbox: Uint8Array[] = [];
  #inboxBytes = 0;
  #outbox: Array<{ seq: number; data: Uint8Array; stateReply: boolean }> = [];
  #outboxBytes = 0;
  /**
   * Bytes of the last full-state reply that may still wait in the outbox or the socket buffer (never more than what
   * they hold: output leaves in order). The high-water mark tolerates this much on top, so a document larger than
   * `maxBufferedBytes` can still be sent, once at a time.
   */
  #replyCredit = 0;

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

  /**
   * Whether a full-state reply may be encoded for this connection: its pending output is under `maxBufferedBytes`.
   * Otherwise the connection is closed with 1013 (a client asking for the document again and again without reading).
   */
  mayRequestState(): boolean {
    if (this.#closed) return false;
    if (this.#pendingOutput() <= this.host.maxBufferedBytes) return true;
    this.#tooSlow();
    return false;
  }

  /** Socket buffer plus outbox. */
  #pendingOutput(): number {
    return (this.socket.bufferedAmount?.() ?? 0) + this.#outboxBytes;
  }

  /** Whether `bytes` more output stay within the high-water mark (updates the reply credit). */
  #fits(bytes: number, stateReply: boolean): boolean {
    const pending = this.#pendingOutput();
    this.#replyCredit = Math.min(this.#replyCredit, pending);
    if (stateReply) this.#replyCredit = Math.max(this.#replyCredit, bytes);
    return pending + bytes <= this.host.maxBufferedBytes + this.#replyCredit;
  }

  #tooSlow(): void {
    this.host.countSlowClient();
    this.terminate(CloseCode.tryAgainLater, 'client too slow');
  }

  /**
   * Sends a frame right away: one that reveals no document content (awareness, sync step 1), or one whose content is
   * stored. `stateReply`: a full-state sync step 2 (see the reply credit).
   */
  sendNow(data: Uint8Array, stateReply = false): void {
    if (this.#closed) return;
    if (!this.#fits(data.byteLength, stateReply)) {
      this.#tooSlow();
      return;
    }
    try {
      this.socket.send(data);
    } catch (error) {
      this.host.reportError(error, { room: this.room, during: 'sending' });
      this.terminate(CloseCode.internalError, 'send failed');
    }
  }

  /** Sends a frame with document content once the room has stored everything up to `seq`, in order. */
  sendDoc(data: Uint8Array, seq: number, stateReply = false): void {
    if (this.#closed || !this.#roomRef) return;
    if (this.#outbox.length === 0 && seq <= this.#roomRef.persistedSeq) {
      this.sendNow(data, stateReply);
      return;
    }
    if (!this.#fits(data.byteLength, stateReply)) {
      this.#tooSlow();
      return;
    }
    this.#outbox.push({ seq, data, stateReply });
    this.#outboxBytes += data.byteLength;
  }

  /** Sends what the room has now stored. */
  drainOutbox(persistedSeq: number): void {
    let sent = 0;
    while (sent < this.#outbox.length && this.#outbox[sent]!.seq <= persistedSeq && !this.#closed) {
      const { data, stateReply } = this.#outbox[sent]!;
      this.#outboxBytes -= data.byteLength;
      sent += 1;
      this.sendNow(data, stateReply);
    }
    if (sent > 0 && !this.#closed) this.#outbox.splice(0, sent);
  }

  #detach(): void {
    this.#inbox = [];
    this.#outbox = [];
    this.#outboxBytes = 0;
    const room = this.#roomRef;
    this.#roomRef = null;
    room?.detach(this);
    this.host.forget(this);
  }
}
