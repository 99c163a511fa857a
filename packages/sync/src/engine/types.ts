import type * as Y from 'yjs';
import type { FanOut } from '../fan-out/index.ts';
import type { Persistence } from '../persistence/index.ts';

/** What the engine needs from a websocket; the app adapts its own (ws, @hono/node-ws, …). */
export interface SyncSocket {
  send(data: Uint8Array): void;
  close(code: number, reason?: string): void;
}

/** The engine's side of one socket: feed it every binary frame, and tell it when the socket closed. */
export interface SyncConnection {
  /** One binary frame from the client. */
  receive(data: Uint8Array): void;
  /** The socket closed (from either side); idempotent. */
  close(): void;
  /** Whether the connect hook marked this connection read-only (false until it resolved). */
  readonly readOnly: boolean;
  readonly room: string;
}

/** What `hooks.onConnect` may return. */
export interface ConnectDecision {
  /** Drop this connection's document updates (awareness still flows). */
  readOnly?: boolean;
}

/** What `onConnect` returns: a decision, or nothing for an ordinary read-write connection. */
// biome-ignore lint/suspicious/noConfusingVoidType: a hook that decides nothing (`async () => {}`) must type-check
export type ConnectHookResult = ConnectDecision | undefined | void;

export interface RoomEngineHooks<Context = unknown> {
  /**
   * Called (and awaited) before anything else; throw `RefuseConnection(code, reason)` to refuse.
   * Any other error refuses with 1011.
   */
  onConnect?(args: { room: string; context: Context }): ConnectHookResult | Promise<ConnectHookResult>;
  /**
   * After an update was persisted and applied to `doc`, also for updates persisted by another instance (`remote`:
   * fanned out or healed from storage). With several instances, only the one that stored a change sees it as local.
   */
  onChange?(room: string, doc: Y.Doc, info: { remote: boolean }): void;
  /**
   * After a room's awareness states were added, changed or removed (not on the clients' periodic renewals); `remote`:
   * the change came from another instance. Read the states with `engine.awarenessStates(room)`.
   */
  onAwareness?(room: string, info: { remote: boolean }): void;
  /** Something went wrong that the engine handled (database errors, hook errors); default: console.error. */
  onError?(error: unknown, info: { room?: string; during: string }): void;
}

export interface RoomEngineOptions<Context = unknown> {
  persistence: Persistence;
  /** Relays persisted updates and awareness to other instances; in-process by default. */
  fanOut?: FanOut;
  hooks?: RoomEngineHooks<Context>;
  /** Frames above this close the connection with 1009 (default 2 MiB). */
  maxMessageBytes?: number;
  /** A room with no connections and no open server handles is unloaded after this long (default 30 s). */
  idleUnloadMs?: number;
  /** Compact a room once it has more stored updates than this (default 300). */
  compactAfterUpdates?: number;
  /** Compact a room when it unloads and at close (default true). */
  compactOnUnload?: boolean;
  /** Batches written concurrently (default 2), still reported stored in order; 1 = strictly one at a time. */
  maxConcurrentWrites?: number;
  /** Upper bound of the retry backoff when appends fail (default 2 s). */
  maxRetryDelayMs?: number;
  /**
   * How often each loaded room with connections re-reads storage for updates the fan-out did not deliver (another
   * instance's, lost by pub/sub). Default 2 s with a fan-out that has `onRecover` (one that can lose messages), 0 (off)
   * otherwise. Rooms also heal right after the fan-out recovers from an outage.
   */
  healIntervalMs?: number;
}

/** Persist latency over the most recent batches, in milliseconds. */
export interface LatencyFigures {
  count: number;
  sumMs: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  maxMs: number;
}

/** Figures for /metrics. Counters are totals since the engine started. */
export interface EngineStats {
  connections: number;
  rooms: number;
  /** Client updates that changed a document (read-only connections' and no-op updates are not counted). */
  updatesIn: number;
  /** Rows appended to storage. */
  updatesPersisted: number;
  persistBatches: number;
  persistFailures: number;
  /** Updates waiting for (or being) written. */
  pendingUpdates: number;
  compactions: number;
  persistLatency: LatencyFigures;
  /** Heal passes over loaded rooms (reads of storage for what the fan-out missed). */
  heals: number;
  /** Changes found only by healing: fan-out messages that were lost, repaired from storage. */
  healedUpdates: number;
  /** Heal reads that failed (storage unreachable); the next pass retries. */
  healFailures: number;
}

/** A server-side handle on a loaded room's document. */
export interface OpenDoc {
  doc: Y.Doc;
  /** Lets the room unload again once nobody uses it; idempotent. */
  release(): void;
}
