import { randomUUID } from 'node:crypto';
import { CloseCode } from '../close-codes.ts';
import { type FanOut, InProcessFanOut } from '../fan-out/index.ts';
import type { Persistence } from '../persistence/index.ts';
import { RefuseConnection } from '../refuse-connection.ts';
import { AppendQueue, type PendingAppend } from './append-queue.ts';
import { Connection, type ConnectionHost } from './connection.ts';
import { LatencyWindow } from './latency-window.ts';
import { Room, type RoomCounter, type RoomHost } from './room.ts';
import type {
  AppliedChange,
  EngineStats,
  OpenDoc,
  RoomEngineHooks,
  RoomEngineOptions,
  SyncConnection,
  SyncSocket,
} from './types.ts';

/**
 * The durable Yjs room engine: speaks the y-websocket protocol over any `SyncSocket`, loads rooms completely
 * before answering, stores every accepted update before anyone else sees it (one INSERT per event-loop turn),
 * compacts, unloads idle rooms and shuts down cleanly.
 */
export class RoomEngine<Context = unknown> {
  /** Identifies this instance in fan-out messages. */
  readonly engineId = randomUUID();
  readonly persistence: Persistence;
  readonly fanOut: FanOut;
  readonly maxMessageBytes: number;
  readonly #storedTimeoutMs: number;
  readonly #counters: Record<RoomCounter | 'closedSlowClients', number> = {
    closedSlowClients: 0,
    refusedOversize: 0,
    refusedBusy: 0,
    refusedPending: 0,
    droppedAwareness: 0,
  };
  readonly #hooks: RoomEngineHooks<Context>;
  readonly #idleUnloadMs: number;
  readonly #compactAfterUpdates: number;
  readonly #compactOnUnload: boolean;
  readonly #rooms = new Map<string, Room>();
  readonly #connections = new Set<Connection>();
  readonly #idleTimers = new Map<Room, NodeJS.Timeout>();
  readonly #unloading = new Map<Room, Promise<void>>();
  readonly #queue: AppendQueue<Room, Connection>;
  readonly #latency = new LatencyWindow();
  readonly #connectionHost: ConnectionHost;
  readonly #roomHost: RoomHost;
  #closing: Promise<void> | null = null;
  #healTimer: NodeJS.Timeout | null = null;
  #stopRecoverListener: (() => void) | null = null;
  #healPass: Promise<void> | null = null;
  #heals = 0;
  #healedUpdates = 0;
  #healFailures = 0;
  #updatesIn = 0;
  #updatesPersisted = 0;
  #persistBatches = 0;
  #persistFailures = 0;
  #compactions = 0;

  constructor({
    persistence,
    fanOut = new InProcessFanOut(),
    hooks = {},
    maxMessageBytes = 2 * 1024 * 1024,
    idleUnloadMs = 30_000,
    compactAfterUpdates = 300,
    compactOnUnload = true,
    maxRetryDelayMs = 2_000,
    maxConcurrentWrites = 2,
    healIntervalMs = fanOut.onRecover ? 2_000 : 0,
    maxBufferedBytes = 8 * 1024 * 1024,
    maxPendingBytes = 1024 * 1024,
    maxDocumentBytes = 32 * 1024 * 1024,
    maxQueuedBytes = 64 * 1024 * 1024,
    maxAwarenessClients = 2,
    maxAwarenessStateBytes = 4 * 1024,
    storedTimeoutMs = 5_000,
  }: RoomEngineOptions<Context>) {
    this.persistence = persistence;
    this.#storedTimeoutMs = storedTimeoutMs;
    this.fanOut = fanOut;
    this.maxMessageBytes = maxMessageBytes;
    this.#hooks = hooks;
    this.#idleUnloadMs = idleUnloadMs;
    this.#compactAfterUpdates = compactAfterUpdates;
    this.#compactOnUnload = compactOnUnload;
    this.#queue = new AppendQueue(
      persistence,
      { persisted: (batch, ms) => this.#persisted(batch, ms), failed: (batch, error) => this.#failed(batch, error) },
      { maxRetryDelayMs, maxInFlight: maxConcurrentWrites },
    );
    this.#connectionHost = {
      maxMessageBytes,
      maxBufferedBytes,
      countSlowClient: () => {
        this.#counters.closedSlowClients += 1;
      },
      reportError: (error, info) => this.reportError(error, info),
      forget: (connection) => {
        this.#connections.delete(connection);
      },
    };
    this.#roomHost = {
      limits: { maxPendingBytes, maxDocumentBytes, maxQueuedBytes, maxAwarenessClients, maxAwarenessStateBytes },
      queuedBytes: () => this.#queue.bytes,
      count: (counter, by = 1) => {
        this.#counters[counter] += by;
      },
      awarenessState: (room, identity, state) => this.#awarenessState(room, identity, state),
      engineId: this.engineId,
      persistence,
      fanOut,
      append: (entry) => this.#queue.add(entry),
      changed: (room, remote) => this.#changed(room, remote),
      loaded: (room) => this.#loaded(room),
      applied: (room, change) => this.#applied(room, change),
      awarenessChanged: (room, remote) => this.#awarenessChanged(room, remote),
      countUpdateIn: () => {
        this.#updatesIn += 1;
      },
      idle: (room) => {
        if (room.loaded) this.#scheduleUnload(room);
      },
      busy: (room) => this.#cancelUnload(room),
      reportError: (error, info) => this.reportError(error, info),
    };
    if (healIntervalMs > 0) {
      this.#healTimer = setInterval(() => void this.heal(), healIntervalMs);
      this.#healTimer.unref();
    }
    this.#stopRecoverListener = fanOut.onRecover?.(() => void this.heal()) ?? null;
  }

  /**
   * Re-reads storage for every loaded room with connections and applies what the fan-out did not deliver (relayed to
   * local clients like any remote update). Runs on a timer and after the fan-out recovers; one pass at a time.
   */
  heal(): Promise<void> {
    if (this.#closing) return Promise.resolve();
    this.#healPass ??= this.#heal().finally(() => {
      this.#healPass = null;
    });
    return this.#healPass;
  }

  async #heal(): Promise<void> {
    for (const room of [...this.#rooms.values()]) {
      if (this.#closing) return;
      if (!room.loaded || room.destroyed || room.connections.size === 0) continue;
      try {
        this.#healedUpdates += await room.heal();
        this.#heals += 1;
      } catch (error) {
        this.#healFailures += 1;
        this.reportError(error, { room: room.name, during: 'healing from storage' });
      }
    }
  }

  /**
   * Accepts a socket for `room`. Returns at once; the connect hook, the room load and the first sync step follow
   * asynchronously, and frames received meanwhile are queued.
   */
  connect(socket: SyncSocket, { room, context }: { room: string; context: Context }): SyncConnection {
    const connection = new Connection(this.#connectionHost, socket, room);
    if (this.#closing) {
      connection.terminate(CloseCode.goingAway, 'server shutting down');
      return connection;
    }
    this.#connections.add(connection);
    void this.#open(connection, context);
    return connection;
  }

  async #open(connection: Connection, context: Context): Promise<void> {
    try {
      const decision = await this.#hooks.onConnect?.({ room: connection.room, context });
      connection.readOnly = decision?.readOnly === true;
      connection.identity = decision?.identity;
    } catch (error) {
      if (error instanceof RefuseConnection) connection.terminate(error.code, error.reason);
      else {
        this.reportError(error, { room: connection.room, during: 'onConnect' });
        connection.terminate(CloseCode.internalError, 'could not open the connection');
      }
      return;
    }
    if (connection.closed) return;
    let room: Room;
    try {
      room = await this.#acquire(connection.room);
    } catch (error) {
      this.reportError(error, { room: connection.room, during: 'loading the room' });
      connection.terminate(CloseCode.tryAgainLater, 'could not load the document, try again later');
      return;
    }
    if (connection.closed) {
      room.release();
      return;
    }
    room.join(connection);
  }

  /** Loads (or finds) a room and counts one more user of it. */
  async #acquire(name: string): Promise<Room> {
    if (this.#closing) throw new Error('engine is closed');
    for (;;) {
      const unloading = [...this.#unloading.entries()].find(([room]) => room.name === name);
      if (!unloading) break;
      await unloading[1];
    }
    let room = this.#rooms.get(name);
    if (!room) {
      room = new Room(name, this.#roomHost);
      this.#rooms.set(name, room);
      const created = room;
      created.loading.catch(() => {
        if (this.#rooms.get(name) === created) this.#rooms.delete(name);
        void created.destroy();
      });
    }
    room.retain();
    try {
      await room.loading;
    } catch (error) {
      room.release();
      throw error;
    }
    return room;
  }

  /**
   * A server-side handle on a room's document; changes made to it are stored and relayed like a client's (and are
   * exempt from `maxDocumentBytes` and `maxQueuedBytes`). Read stored state only after `await handle.whenStored()`.
   */
  async openDoc(name: string): Promise<OpenDoc> {
    const room = await this.#acquire(name);
    let released = false;
    return {
      doc: room.doc,
      whenStored: () => room.whenStored(this.#storedTimeoutMs),
      isStored: () => !room.destroyed && room.persistedSeq >= room.appliedSeq,
      release: () => {
        if (released) return;
        released = true;
        room.release();
      },
    };
  }

  /** Open connections to `room` on this instance. */
  connectionCount(room: string): number {
    return this.#rooms.get(room)?.connections.size ?? 0;
  }

  /**
   * The awareness states of a loaded room by client id: this instance's clients and, through the fan-out, every other
   * instance's. Empty when the room is not loaded here.
   */
  /** Whether `room` is loaded on this instance (its awareness then covers every instance's clients). */
  isLoaded(room: string): boolean {
    const loaded = this.#rooms.get(room);
    return loaded?.loaded === true && !loaded.destroyed;
  }

  awarenessStates(room: string): ReadonlyMap<number, Record<string, unknown>> {
    const loaded = this.#rooms.get(room);
    return loaded?.loaded && !loaded.destroyed ? loaded.awareness.getStates() : new Map();
  }

  /**
   * Connections to `room` on this instance whose client never announced an awareness state, so that
   * `awarenessStates` does not show them (a stock `WebsocketProvider` whose state was never set: its initial clock-0
   * state does not apply on the server). Presence counts add them; another instance cannot see them.
   */
  silentConnectionCount(room: string): number {
    let silent = 0;
    for (const connection of this.#rooms.get(room)?.connections ?? []) if (!connection.announcedAwareness) silent += 1;
    return silent;
  }

  stats(): EngineStats {
    return {
      connections: this.#connections.size,
      rooms: this.#rooms.size,
      updatesIn: this.#updatesIn,
      updatesPersisted: this.#updatesPersisted,
      persistBatches: this.#persistBatches,
      persistFailures: this.#persistFailures,
      pendingUpdates: this.#queue.size,
      compactions: this.#compactions,
      persistLatency: this.#latency.figures(),
      heals: this.#heals,
      healedUpdates: this.#healedUpdates,
      healFailures: this.#healFailures,
      queuedBytes: this.#queue.bytes,
      ...this.#counters,
    };
  }

  /**
   * Closes every socket with 1001, stores what is pending, compacts and unloads every room, and stops every
   * timer. Rejects (after closing everything) when pending updates could not be stored.
   */
  close(): Promise<void> {
    this.#closing ??= this.#close();
    return this.#closing;
  }

  async #close(): Promise<void> {
    for (const connection of [...this.#connections]) connection.terminate(CloseCode.goingAway, 'server shutting down');
    for (const timer of this.#idleTimers.values()) clearTimeout(timer);
    this.#idleTimers.clear();
    if (this.#healTimer) clearInterval(this.#healTimer);
    this.#healTimer = null;
    this.#stopRecoverListener?.();
    if (this.#healPass) await this.#healPass;
    await Promise.allSettled([...this.#rooms.values()].map((room) => room.loading));
    let flushError: unknown = null;
    try {
      await this.#queue.drain();
    } catch (error) {
      flushError = error;
      this.reportError(error, { during: 'flushing at shutdown' });
    }
    this.#queue.stop();
    await Promise.allSettled([...this.#unloading.values()]);
    for (const room of [...this.#rooms.values()]) {
      if (room.compaction) await room.compaction;
      if (!flushError && this.#compactOnUnload && room.loaded && room.storedCount > 0) await this.#compact(room);
      this.#rooms.delete(room.name);
      await room.destroy();
    }
    if (flushError) throw flushError;
  }

  reportError(error: unknown, info: { room?: string; during: string }): void {
    if (this.#hooks.onError) this.#hooks.onError(error, info);
    else console.error(`[sync] ${info.during}${info.room ? ` (room ${info.room})` : ''}:`, error);
  }

  #persisted(batch: PendingAppend<Room, Connection>[], ms: number): void {
    this.#persistBatches += 1;
    this.#updatesPersisted += batch.length;
    this.#latency.add(ms);
    const byRoom = new Map<Room, PendingAppend<Room, Connection>[]>();
    for (const entry of batch) {
      const entries = byRoom.get(entry.room);
      if (entries) entries.push(entry);
      else byRoom.set(entry.room, [entry]);
    }
    for (const [room, entries] of byRoom) {
      if (room.destroyed) continue;
      room.persisted(entries);
      if (room.storedCount > this.#compactAfterUpdates && !room.compaction && !this.#closing) {
        void this.#compact(room);
      }
      if (room.users === 0) this.#scheduleUnload(room);
    }
  }

  #failed(batch: PendingAppend<Room, Connection>[], error: unknown): void {
    this.#persistFailures += 1;
    this.reportError(error, { during: `storing ${batch.length} update(s)` });
    for (const entry of batch) {
      entry.origin?.terminate(CloseCode.tryAgainLater, 'could not store the update, try again later');
    }
  }

  #compact(room: Room): Promise<void> {
    if (room.compaction) return room.compaction;
    const appliedBefore = room.appliedBytes;
    room.compaction = this.persistence
      .compact(room.name)
      .then(
        ({ merged, snapshotBytes }) => {
          this.#compactions += 1;
          room.storedCount = Math.max(0, room.storedCount - merged);
          // What the snapshot holds, plus what was applied while it was made (perhaps merged too: errs high).
          if (snapshotBytes !== undefined) room.documentBytes = snapshotBytes + room.appliedBytes - appliedBefore;
        },
        (error: unknown) => this.reportError(error, { room: room.name, during: 'compaction' }),
      )
      .finally(() => {
        room.compaction = null;
      });
    return room.compaction;
  }

  #scheduleUnload(room: Room): void {
    if (this.#closing || this.#idleTimers.has(room) || room.destroyed) return;
    const timer = setTimeout(() => {
      this.#idleTimers.delete(room);
      void this.#unload(room);
    }, this.#idleUnloadMs);
    this.#idleTimers.set(room, timer);
  }

  #cancelUnload(room: Room): void {
    const timer = this.#idleTimers.get(room);
    if (timer) clearTimeout(timer);
    this.#idleTimers.delete(room);
  }

  /** Unloads an idle room once its writes are stored (compacting it first); reschedules while writes are pending. */
  #unload(room: Room): Promise<void> {
    if (room.users > 0 || room.destroyed || this.#closing || this.#unloading.has(room)) return Promise.resolve();
    if (room.persistedSeq < room.appliedSeq) {
      this.#scheduleUnload(room);
      return Promise.resolve();
    }
    const unload = (async () => {
      if (room.compaction) await room.compaction;
      if (this.#compactOnUnload && room.storedCount > 0) await this.#compact(room);
      if (this.#rooms.get(room.name) === room) this.#rooms.delete(room.name);
      await room.destroy();
    })().finally(() => this.#unloading.delete(room));
    this.#unloading.set(room, unload);
    return unload;
  }

  #changed(room: Room, remote: boolean): void {
    if (!this.#hooks.onChange) return;
    try {
      this.#hooks.onChange(room.name, room.doc, remote ? { remote } : { remote, storedSeq: room.persistedSeq });
    } catch (error) {
      this.reportError(error, { room: room.name, during: 'onChange' });
    }
  }

  #loaded(room: Room): void {
    if (!this.#hooks.onLoaded) return;
    try {
      this.#hooks.onLoaded(room.name, room.doc);
    } catch (error) {
      this.reportError(error, { room: room.name, during: 'onLoaded' });
    }
  }

  #applied(room: Room, change: Omit<AppliedChange, 'doc'>): void {
    if (!this.#hooks.onApplied) return;
    try {
      this.#hooks.onApplied(room.name, { ...change, doc: room.doc });
    } catch (error) {
      this.reportError(error, { room: room.name, during: 'onApplied' });
    }
  }

  #awarenessState(room: Room, identity: unknown, state: unknown): unknown {
    if (!this.#hooks.onAwarenessState) return state;
    try {
      return this.#hooks.onAwarenessState({ room: room.name, identity, state });
    } catch (error) {
      this.reportError(error, { room: room.name, during: 'onAwarenessState' });
      return null;
    }
  }

  #awarenessChanged(room: Room, remote: boolean): void {
    if (!this.#hooks.onAwareness) return;
    try {
      this.#hooks.onAwareness(room.name, { remote });
    } catch (error) {
      this.reportError(error, { room: room.name, during: 'onAwareness' });
    }
  }
}
