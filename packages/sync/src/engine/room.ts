import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import { CloseCode } from '../close-codes.ts';
import type { FanOut, FanOutMessage, Unsubscribe } from '../fan-out/index.ts';
import type { Persistence } from '../persistence/index.ts';
import {
  type AwarenessEntry,
  awarenessStateJson,
  decodeAwarenessEntries,
  decodeMessage,
  encodeAwareness,
  encodeAwarenessEntries,
  encodeSyncStep1,
  encodeSyncStep2,
  encodeUpdate,
  ProtocolError,
  parseAwarenessState,
} from '../protocol.ts';
import type { PendingAppend } from './append-queue.ts';
import { Connection } from './connection.ts';
import type { AppliedChange } from './types.ts';

/** Transaction origin of the stored state applied at load: neither stored again nor relayed. */
const LOAD_ORIGIN = Symbol('load');
/** Transaction origin of updates from another instance: relayed locally, never stored again. */
const REMOTE_ORIGIN = Symbol('remote');

/** The per-client bounds a room enforces (see `RoomEngineOptions`). */
export interface RoomLimits {
  maxPendingBytes: number;
  maxDocumentBytes: number;
  maxQueuedBytes: number;
  maxAwarenessClients: number;
  maxAwarenessStateBytes: number;
}

/** Counters a room reports to its engine's stats. */
export type RoomCounter = 'refusedOversize' | 'refusedBusy' | 'refusedPending' | 'droppedAwareness';

/** Bytes of structures (and deletions) `doc` keeps because their dependencies are missing. */
function pendingBytes(doc: Y.Doc): number {
  return (doc.store.pendingStructs?.update.byteLength ?? 0) + (doc.store.pendingDs?.byteLength ?? 0);
}

/** An update with no structures and no deletions (what a client in sync answers to sync step 1). */
function isEmptyUpdate(update: Uint8Array): boolean {
  return update.byteLength === 2 && update[0] === 0 && update[1] === 0;
}

/** Whether an awareness entry removes its client's state (its JSON is `null`). */
function isRemoval(entry: AwarenessEntry): boolean {
  const { json } = entry;
  return json.byteLength === 4 && json[0] === 0x6e && json[1] === 0x75 && json[2] === 0x6c && json[3] === 0x6c;
}

/** Whether two connections belong to the same principal (equal, defined identities). */
function sameIdentity(a: Connection, b: Connection): boolean {
  return a.identity !== undefined && JSON.stringify(a.identity) === JSON.stringify(b.identity);
}

/** What a room needs from its engine. */
export interface RoomHost {
  readonly limits: RoomLimits;
  /** Bytes waiting in the append queue. */
  queuedBytes(): number;
  count(counter: RoomCounter, by?: number): void;
  /** `hooks.onAwarenessState` (the state itself without one); null drops the entry. */
  awarenessState(room: Room, identity: unknown, state: unknown): unknown;
  readonly engineId: string;
  readonly persistence: Persistence;
  readonly fanOut: FanOut;
  append(entry: PendingAppend<Room, Connection>): void;
  /** The document changed: `remote` when the change was stored by another instance (fanned out or healed). */
  changed(room: Room, remote: boolean): void;
  /** `hooks.onLoaded`. */
  loaded(room: Room): void;
  /** `hooks.onApplied`. */
  applied(room: Room, change: Omit<AppliedChange, 'doc'>): void;
  /** Awareness states were added, changed or removed: `remote` when the change came through the fan-out. */
  awarenessChanged(room: Room, remote: boolean): void;
  countUpdateIn(): void;
  idle(room: Room): void;
  busy(room: Room): void;
  reportError(error: unknown, info: { room?: string; during: string }): void;
}

/**
 * One loaded document with its awareness and connections. Every local change gets a sequence number; document
 * bytes go out to clients only once the change they depend on is stored (`persistedSeq`).
 */
export class Room {
  readonly doc = new Y.Doc();
  readonly awareness = new awarenessProtocol.Awareness(this.doc);
  readonly connections = new Set<Connection>();
  /** Sequence number of the last local change applied to `doc`. */
  appliedSeq = 0;
  /** Sequence number up to which every local change is stored. */
  persistedSeq = 0;
  /** Update rows stored for this room, as far as this instance knows (drives compaction). */
  storedCount = 0;
  /**
   * Stored size of the document as far as this instance knows: bytes loaded plus every change applied since (local
   * or remote), reset from a compaction's snapshot size. Errs high (a change merged by a running compaction counts
   * twice until the next one).
   */
  documentBytes = 0;
  /** Bytes of every change applied since load (only grows; compaction resets `documentBytes` from it). */
  appliedBytes = 0;
  /** Connections plus open server handles; the room unloads when this stays 0 for `idleUnloadMs`. */
  users = 0;
  loaded = false;
  destroyed = false;
  /** The running compaction, if any. */
  compaction: Promise<void> | null = null;
  loading: Promise<void>;
  #unsubscribe: Unsubscribe | null = null;
  #early: FanOutMessage[] = [];
  /** Ids of stored update rows this room has applied (and that storage still holds, as of the last heal). */
  readonly #knownIds = new Set<number>();
  /** The snapshot mark (`last_update_id`) this room's state is known to include. */
  #snapshotUpdateId: number | null = null;
  #healing: Promise<number> | null = null;
  #healedChanges = 0;
  /** Awareness client ids announced through the fan-out (another instance's clients): no local client may take them. */
  readonly #remoteAwarenessIds = new Set<number>();
  readonly #storedWaiters = new Set<{ resolve: () => void; reject: (error: Error) => void; timer: NodeJS.Timeout }>();

  constructor(
    readonly name: string,
    private readonly host: RoomHost,
  ) {
    this.awareness.setLocalState(null);
    this.awareness.on('update', this.#onAwarenessUpdate);
    this.awareness.on('change', this.#onAwarenessChange);
    this.loading = this.#load();
    // Callers await `loading`; this keeps an unobserved rejection from being reported as unhandled.
    this.loading.catch(() => undefined);
  }

  async #load(): Promise<void> {
    this.#unsubscribe = await this.host.fanOut.subscribe(this.name, this.#onRemote);
    if (this.destroyed) await this.#stopListening();
    // The other instances answer with their clients' presence (kept in `#early` until the state is loaded).
    this.#publish({ type: 'query-awareness', room: this.name, payload: new Uint8Array(0), source: this.host.engineId });
    const stored = await this.host.persistence.load(this.name);
    if (this.destroyed) throw new Error(`room ${this.name} was closed while loading`);
    Y.transact(
      this.doc,
      () => {
        if (stored.snapshot) Y.applyUpdate(this.doc, stored.snapshot);
        for (const update of stored.updates) Y.applyUpdate(this.doc, update);
      },
      LOAD_ORIGIN,
    );
    // Listening only now spares encoding the whole loaded state as one 'update' event nobody needs.
    this.doc.on('update', this.#onDocUpdate);
    this.host.loaded(this);
    this.storedCount = stored.updates.length;
    this.documentBytes = (stored.snapshot?.byteLength ?? 0) + stored.updates.reduce((sum, u) => sum + u.byteLength, 0);
    for (const id of stored.updateIds ?? []) this.#knownIds.add(id);
    this.#snapshotUpdateId = stored.snapshotUpdateId ?? null;
    this.loaded = true;
    const early = this.#early;
    this.#early = [];
    for (const message of early) this.#onRemote(message);
  }

  retain(): void {
    this.users += 1;
    if (this.users === 1) this.host.busy(this);
  }

  release(): void {
    this.users -= 1;
    if (this.users === 0) this.host.idle(this);
  }

  /** Adds a connection whose hook resolved (the room is loaded); answers with sync step 1 and the awareness states. */
  join(connection: Connection): void {
    this.connections.add(connection);
    if (!connection.readOnly) connection.sendNow(encodeSyncStep1(this.doc));
    const states = [...this.awareness.getStates().keys()];
    if (states.length > 0) {
      connection.sendNow(encodeAwareness(awarenessProtocol.encodeAwarenessUpdate(this.awareness, states)));
    }
    connection.attach(this);
  }

  /** Removes a closed connection and its awareness states (the removal is broadcast). */
  detach(connection: Connection): void {
    if (!this.connections.delete(connection)) return;
    if (connection.awarenessIds.size > 0) {
      awarenessProtocol.removeAwarenessStates(this.awareness, [...connection.awarenessIds], connection);
    }
    this.release();
  }

  handleMessage(connection: Connection, data: Uint8Array): void {
    let message: ReturnType<typeof decodeMessage>;
    try {
      message = decodeMessage(data);
    } catch (error) {
      if (!(error instanceof ProtocolError)) throw error;
      connection.terminate(CloseCode.invalidData, 'invalid message');
      return;
    }
    switch (message.type) {
      case 'sync-step-1': {
        if (!connection.mayRequestState()) return;
        let reply: Uint8Array;
        try {
          reply = encodeSyncStep2(this.doc, message.stateVector);
        } catch {
          connection.terminate(CloseCode.invalidData, 'invalid state vector');
          return;
        }
        connection.sendDoc(reply, this.appliedSeq, true);
        return;
      }
      case 'sync-step-2':
      case 'update': {
        if (connection.readOnly || isEmptyUpdate(message.update)) return;
        this.#applyClientUpdate(connection, message.update);
        return;
      }
      case 'awareness': {
        try {
          const update = this.#admitAwareness(connection, message.update);
          if (update) awarenessProtocol.applyAwarenessUpdate(this.awareness, update, connection);
        } catch {
          connection.terminate(CloseCode.invalidData, 'invalid awareness update');
        }
        return;
      }
      case 'query-awareness': {
        const states = [...this.awareness.getStates().keys()];
        connection.sendNow(encodeAwareness(awarenessProtocol.encodeAwarenessUpdate(this.awareness, states)));
        return;
      }
    }
  }

  /**
   * Applies a client's update unless storage is too far behind (1013), the document would pass its size cap (4413),
   * or it leaves too many structures waiting for missing dependencies (dropped from memory, 1007).
   */
  #applyClientUpdate(connection: Connection, update: Uint8Array): void {
    const { limits } = this.host;
    if (this.host.queuedBytes() + update.byteLength > limits.maxQueuedBytes) {
      this.host.count('refusedBusy');
      connection.terminate(CloseCode.tryAgainLater, 'storage is behind, try again later');
      return;
    }
    if (this.documentBytes + update.byteLength > limits.maxDocumentBytes) {
      this.host.count('refusedOversize');
      connection.terminate(CloseCode.documentTooLarge, 'document too large');
      return;
    }
    const pendingBefore = pendingBytes(this.doc);
    try {
      Y.applyUpdate(this.doc, update, connection);
    } catch (error) {
      this.host.reportError(error, { room: this.name, during: 'applying a client update' });
      connection.terminate(CloseCode.invalidData, 'update does not apply');
      return;
    }
    const pendingAfter = pendingBytes(this.doc);
    if (pendingAfter > pendingBefore && pendingAfter > limits.maxPendingBytes) {
      // Never integrated, so never stored or relayed as an update; dropping them keeps them out of every sync step 2.
      this.doc.store.pendingStructs = null;
      this.doc.store.pendingDs = null;
      this.host.count('refusedPending');
      connection.terminate(CloseCode.invalidData, 'update depends on missing data');
    }
  }

  /**
   * Keeps the entries of a client's awareness update that it may announce: client ids it owns or may claim (not
   * another connection's, not another instance's, at most `maxAwarenessClients`), states within
   * `maxAwarenessStateBytes`, and what `onAwarenessState` returns. Resolves to the re-encoded update, or null when
   * nothing is left. Throws `ProtocolError` for a malformed update.
   */
  #admitAwareness(connection: Connection, update: Uint8Array): Uint8Array | null {
    const { limits } = this.host;
    const entries = decodeAwarenessEntries(update);
    const kept: AwarenessEntry[] = [];
    let stale = 0;
    for (const entry of entries) {
      const id = entry.clientId;
      // Stock providers echo every state they receive back to the server: what would not apply is not a claim.
      const current = this.awareness.meta.get(id)?.clock;
      if (current !== undefined && (entry.clock < current || (entry.clock === current && !isRemoval(entry)))) {
        stale += 1;
        continue;
      }
      const owned = connection.awarenessIds.has(id);
      if (!owned) {
        const holder = [...this.connections].find((other) => other !== connection && other.awarenessIds.has(id));
        if (this.#remoteAwarenessIds.has(id) || (holder && !sameIdentity(holder, connection))) continue;
        if (connection.awarenessIds.size >= limits.maxAwarenessClients) continue;
      }
      if (entry.json.byteLength > limits.maxAwarenessStateBytes) continue;
      const state = parseAwarenessState(entry.json);
      if (state === null) {
        kept.push(entry);
        continue;
      }
      const clean = this.host.awarenessState(this, connection.identity, state);
      if (clean === null || clean === undefined) continue;
      kept.push(clean === state ? entry : { ...entry, json: awarenessStateJson(clean) });
      if (!owned) {
        // The same principal's older socket (not yet noticed gone) hands the id over.
        for (const other of this.connections) if (other !== connection) other.awarenessIds.delete(id);
        connection.awarenessIds.add(id);
      }
    }
    if (kept.length + stale < entries.length) {
      this.host.count('droppedAwareness', entries.length - stale - kept.length);
    }
    return kept.length > 0 ? encodeAwarenessEntries(kept) : null;
  }

  /**
   * Resolves at a moment when every change applied to the document is stored (at once when it already is); rejects
   * after `timeoutMs`, or when the room is destroyed first.
   */
  whenStored(timeoutMs: number): Promise<void> {
    if (this.destroyed) return Promise.reject(new Error(`room ${this.name} is closed`));
    if (this.persistedSeq >= this.appliedSeq) return Promise.resolve();
    return new Promise<void>((resolve, reject) => {
      const waiter = {
        resolve,
        reject,
        timer: setTimeout(() => {
          this.#storedWaiters.delete(waiter);
          reject(new Error(`room ${this.name}: storage did not catch up within ${timeoutMs} ms`));
        }, timeoutMs),
      };
      this.#storedWaiters.add(waiter);
    });
  }

  #settleStoredWaiters(error?: Error): void {
    for (const waiter of this.#storedWaiters) {
      clearTimeout(waiter.timer);
      if (error) waiter.reject(error);
      else waiter.resolve();
    }
    this.#storedWaiters.clear();
  }

  /** Every local change (client or server-side) is stored, then relayed; remote changes are only relayed. */
  #onDocUpdate = (update: Uint8Array, origin: unknown, _doc: Y.Doc, transaction: Y.Transaction): void => {
    if (origin === LOAD_ORIGIN) return;
    this.documentBytes += update.byteLength;
    this.appliedBytes += update.byteLength;
    if (origin === REMOTE_ORIGIN) {
      if (this.#healing) this.#healedChanges += 1;
      const message = encodeUpdate(update);
      for (const connection of this.connections) connection.sendDoc(message, this.appliedSeq);
      this.host.applied(this, { transaction, identity: undefined, seq: null, remote: true });
      this.host.changed(this, true);
      return;
    }
    const seq = ++this.appliedSeq;
    const sender = origin instanceof Connection ? origin : null;
    if (sender) this.host.countUpdateIn();
    this.host.append({ room: this, roomName: this.name, update, seq, origin: sender });
    const message = encodeUpdate(update);
    for (const connection of this.connections) {
      if (connection !== sender) connection.sendDoc(message, seq);
    }
    // After the relay is queued: the hook's work never delays the bytes other clients get.
    this.host.applied(this, { transaction, identity: sender?.identity, seq, remote: false });
  };

  /** Called once the local changes up to `seq` are stored. */
  persisted(batch: PendingAppend<Room, Connection>[]): void {
    const seq = batch[batch.length - 1]!.seq;
    this.persistedSeq = Math.max(this.persistedSeq, seq);
    this.storedCount += batch.length;
    for (const connection of this.connections) connection.drainOutbox(this.persistedSeq);
    for (const entry of batch) {
      if (entry.id !== undefined) this.#knownIds.add(entry.id);
      this.#publish({
        type: 'update',
        room: this.name,
        payload: entry.update,
        source: this.host.engineId,
        id: entry.id,
      });
    }
    this.host.changed(this, false);
    // Checked after `onChange`, which may itself write through `openDoc`.
    if (this.persistedSeq >= this.appliedSeq && this.#storedWaiters.size > 0) this.#settleStoredWaiters();
  }

  #onAwarenessUpdate = (
    { added, updated, removed }: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ): void => {
    if (origin instanceof Connection) {
      if (added.length > 0) origin.announcedAwareness = true;
      for (const id of added) origin.awarenessIds.add(id);
      for (const id of removed) origin.awarenessIds.delete(id);
    }
    if (origin === REMOTE_ORIGIN) {
      for (const id of added) this.#remoteAwarenessIds.add(id);
      for (const id of updated) this.#remoteAwarenessIds.add(id);
    }
    for (const id of removed) this.#remoteAwarenessIds.delete(id);
    const changed = added.concat(updated, removed);
    const payload = awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed);
    const message = encodeAwareness(payload);
    for (const connection of this.connections) {
      if (connection !== origin) connection.sendNow(message);
    }
    if (origin !== REMOTE_ORIGIN)
      this.#publish({ type: 'awareness', room: this.name, payload, source: this.host.engineId });
  };

  /** Only real changes (a client joined, left or changed its state), not the periodic renewals. */
  #onAwarenessChange = (_changes: unknown, origin: unknown): void => {
    this.host.awarenessChanged(this, origin === REMOTE_ORIGIN);
  };

  #onRemote = (message: FanOutMessage): void => {
    if (message.source === this.host.engineId || this.destroyed) return;
    if (!this.loaded) {
      this.#early.push(message);
      return;
    }
    try {
      if (message.type === 'update') {
        if (message.id !== undefined) this.#knownIds.add(message.id);
        Y.applyUpdate(this.doc, message.payload, REMOTE_ORIGIN);
      } else if (message.type === 'awareness') {
        awarenessProtocol.applyAwarenessUpdate(this.awareness, message.payload, REMOTE_ORIGIN);
      } else this.#answerAwarenessQuery();
    } catch (error) {
      this.host.reportError(error, { room: this.name, during: 'applying a fanned-out message' });
    }
  };

  /**
   * Heals what the fan-out may have lost: applies the stored rows this room has not applied, and the snapshot when a
   * compaction (possibly of rows it never saw) replaced it. Resolves with how many changes that made (0 when nothing
   * was missing); concurrent calls share one read.
   */
  heal(): Promise<number> {
    if (!this.loaded || this.destroyed || !this.host.persistence.readMissing) return Promise.resolve(0);
    this.#healing ??= this.#heal().finally(() => {
      this.#healing = null;
    });
    return this.#healing;
  }

  async #heal(): Promise<number> {
    const before = new Set(this.#knownIds);
    const missing = await this.host.persistence.readMissing!(this.name, {
      knownIds: before,
      snapshotUpdateId: this.#snapshotUpdateId,
    });
    if (this.destroyed) return 0;
    this.#healedChanges = 0;
    try {
      for (const row of missing.updates) {
        this.#knownIds.add(row.id);
        Y.applyUpdate(this.doc, row.update, REMOTE_ORIGIN);
      }
      if (missing.snapshot) {
        Y.applyUpdate(this.doc, Y.diffUpdate(missing.snapshot, Y.encodeStateVector(this.doc)), REMOTE_ORIGIN);
      }
    } catch (error) {
      this.host.reportError(error, { room: this.name, during: 'healing from storage' });
    }
    this.#snapshotUpdateId = missing.snapshotUpdateId;
    // Ids known before the read but no longer stored were compacted away: they never come back.
    const present = new Set(missing.presentIds);
    for (const id of before) if (!present.has(id)) this.#knownIds.delete(id);
    return this.#healedChanges;
  }

  /** Another instance loaded this room: tell it who is here (this instance's own clients; the others answer too). */
  #answerAwarenessQuery(): void {
    const ids: number[] = [];
    for (const connection of this.connections) {
      for (const id of connection.awarenessIds) if (this.awareness.getStates().has(id)) ids.push(id);
    }
    if (ids.length === 0) return;
    const payload = awarenessProtocol.encodeAwarenessUpdate(this.awareness, ids);
    this.#publish({ type: 'awareness', room: this.name, payload, source: this.host.engineId });
  }

  #publish(message: FanOutMessage): void {
    try {
      const result = this.host.fanOut.publish(message);
      if (result)
        result.catch((error: unknown) => this.host.reportError(error, { room: this.name, during: 'fan-out' }));
    } catch (error) {
      this.host.reportError(error, { room: this.name, during: 'fan-out' });
    }
  }

  /** Stops listening and frees the document; the room object is dead afterwards. */
  async destroy(): Promise<void> {
    if (this.destroyed) return;
    this.destroyed = true;
    this.#settleStoredWaiters(new Error(`room ${this.name} closed before its changes were stored`));
    this.doc.off('update', this.#onDocUpdate);
    this.awareness.off('update', this.#onAwarenessUpdate);
    this.awareness.off('change', this.#onAwarenessChange);
    this.awareness.destroy();
    this.doc.destroy();
    await this.#stopListening();
  }

  async #stopListening(): Promise<void> {
    const unsubscribe = this.#unsubscribe;
    this.#unsubscribe = null;
    if (unsubscribe) await unsubscribe();
  }
}
