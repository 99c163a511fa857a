import type * as Y from 'yjs';
import type { FanOut } from '../fan-out/index.ts';
import type { Persistence } from '../persistence/index.ts';

/** What the engine needs from a websocket; the app adapts its own (ws, @hono/node-ws, …). */
export interface SyncSocket {
  send(data: Uint8Array): void;
  close(code: number, reason?: string): void;
  /**
   * Bytes sent but not yet handed to the network (ws: `ws.bufferedAmount`). Without it the engine cannot see a
   * client that does not read, and only the outbox is bounded.
   */
  bufferedAmount?(): number;
}

/** The engine's side of one socket: feed it every binary frame, and tell it when the socket closed. */
export interface SyncConnection {
  /** One binary frame from the client. */
  receive(data: Uint8Array): void;
  /** The socket closed (from either side); idempotent. */
  close(): void;
  /** Whether the connect hook marked this connection read-only (false until it resolved). */
  readonly readOnly: boolean;
  /** What the connect hook returned as `identity` (undefined until it resolved). */
  readonly identity: unknown;
  readonly room: string;
}

/** One change applied to a room's document, as `hooks.onApplied` sees it. */
export interface AppliedChange {
  doc: Y.Doc;
  /** The Yjs transaction that applied it (`changed` names the types and keys it touched). */
  transaction: Y.Transaction;
  /** The sending connection's identity; undefined for server-side writes and remote changes. */
  identity: unknown;
  /** The local change's sequence number; null for a remote change. */
  seq: number | null;
  remote: boolean;
}

/** What `hooks.onConnect` may return. */
export interface ConnectDecision {
  /** Drop this connection's document updates (awareness still flows). */
  readOnly?: boolean;
  /**
   * Who this connection is, as the app sees it (e.g. `{ userId, role }`); kept on the connection and handed to
   * `hooks.onAwarenessState`. Two connections whose identities are equal as JSON may take over each other's
   * awareness client ids (a client that reconnects before its old socket was noticed gone).
   */
  identity?: unknown;
}

/** One awareness state a client announced, as `hooks.onAwarenessState` sees it. */
export interface AwarenessStateArgs {
  room: string;
  /** The connection's `ConnectDecision.identity`. */
  identity: unknown;
  /** The announced state (parsed JSON, never null: removals do not reach the hook). */
  state: unknown;
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
  onChange?(room: string, doc: Y.Doc, info: { remote: boolean; storedSeq?: number }): void;
  /**
   * A room finished loading its stored state, before any change applies to it (to keep a shadow of the document's
   * records, e.g. for an activity feed that diffs before and after). Synchronous.
   */
  onLoaded?(room: string, doc: Y.Doc): void;
  /**
   * Synchronously after each change applied to a loaded room's document, before it is stored. `local`: a client's
   * update (`identity` is its connection's `ConnectDecision.identity`) or a server-side write through `openDoc`
   * (`identity` undefined), numbered by `seq`: it is stored once `onChange` reports a `storedSeq` ≥ `seq`. Remote
   * changes (another instance's, already stored) have `seq` null. Keep it cheap: it runs on the relay's path.
   */
  onApplied?(room: string, change: AppliedChange): void;
  /**
   * After a room's awareness states were added, changed or removed (not on the clients' periodic renewals); `remote`:
   * the change came from another instance. Read the states with `engine.awarenessStates(room)`.
   */
  onAwareness?(room: string, info: { remote: boolean }): void;
  /**
   * Sanitizes one awareness state a local client announced, after the engine's own rules (ownership, count and size)
   * kept it: return the state to relay (the same or a cleaned copy), or null to drop that entry. Removals (a client
   * leaving) pass without it. Synchronous: it runs for every awareness frame. A throw drops the entry.
   */
  onAwarenessState?(args: AwarenessStateArgs): unknown | null;
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
  /**
   * Output high-water mark per connection (default 8 MiB). Before each frame, the bytes the socket still buffers
   * (`SyncSocket.bufferedAmount`) plus the connection's outbox plus the frame may exceed this only by the size of
   * one full-state reply (sync step 2) still in flight; past it the connection is closed with 1013 ('client too
   * slow') and its client resyncs when it reconnects. A sync step 1 is checked before its reply is encoded. So one
   * connection holds at most `maxBufferedBytes` + one document's encoding of output.
   */
  maxBufferedBytes?: number;
  /**
   * Structures waiting for missing dependencies (`doc.store.pendingStructs`/`pendingDs`) a room may hold (default
   * 1 MiB). A client update that leaves more is undone from memory (the pending structures are dropped; they were
   * never stored or relayed as updates) and its sender is closed with 1007.
   */
  maxPendingBytes?: number;
  /**
   * Stored size of one document (default 32 MiB): bytes loaded plus bytes appended since, reset from the snapshot
   * size a compaction reports. A client update that would pass it is not applied, stored or relayed; the sender is
   * closed with 4413 (`CloseCode.documentTooLarge`). Server-side writes through `openDoc` are exempt (counted, never
   * refused): the app decides what it writes.
   */
  maxDocumentBytes?: number;
  /**
   * Bytes of updates waiting for storage, across rooms (default 64 MiB). While the append queue holds more (storage
   * stalled or slow), a client update is refused (not applied) and its sender closed with 1013; server-side writes
   * are exempt.
   */
  maxQueuedBytes?: number;
  /** Awareness client ids one connection may announce (default 2); entries for further new ids are dropped. */
  maxAwarenessClients?: number;
  /** An awareness entry whose state JSON is longer than this (UTF-8 bytes, default 4 KiB) is dropped. */
  maxAwarenessStateBytes?: number;
  /** How long `OpenDoc.whenStored()` waits for storage to catch up before it rejects (default 5 s). */
  storedTimeoutMs?: number;
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
  /** Bytes of updates waiting for (or being) written. */
  queuedBytes: number;
  /** Connections closed with 1013 because they did not read their output (`maxBufferedBytes`). */
  closedSlowClients: number;
  /** Client updates refused because the document would pass `maxDocumentBytes` (closed with 4413). */
  refusedOversize: number;
  /** Client updates refused because the append queue was over `maxQueuedBytes` (closed with 1013). */
  refusedBusy: number;
  /** Client updates whose missing dependencies passed `maxPendingBytes` (dropped, closed with 1007). */
  refusedPending: number;
  /** Awareness entries dropped (someone else's client id, too many ids, too large, or by `onAwarenessState`). */
  droppedAwareness: number;
}

/** A server-side handle on a loaded room's document. */
export interface OpenDoc {
  doc: Y.Doc;
  /**
   * Resolves at a moment when every change applied to `doc` is stored, so that code reading `doc` synchronously in
   * the continuation sees no edit a crash could take back (another instance's changes arrive already stored).
   * Rejects after `storedTimeoutMs` when storage does not catch up, or when the room closes first.
   */
  whenStored(): Promise<void>;
  /** Whether every change applied to `doc` is stored right now (to read several documents at one stored moment). */
  isStored(): boolean;
  /** Lets the room unload again once nobody uses it; idempotent. */
  release(): void;
}
