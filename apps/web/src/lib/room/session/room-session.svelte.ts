import { IndexeddbPersistence } from 'y-indexeddb';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { type Connection, connectionOf, type ProviderState } from './connection-state.ts';
import { type Peer, type PresenceState, peersOf } from './presence.ts';
import { presenceColour } from './presence-colours.ts';
import { type PrivateSide, type RoomRole, roomsFor } from './room-names.ts';
import { UndoHistory, type UndoScope } from './undo-history.ts';

/** Close codes after which retrying cannot help: the provider stops and the pill says why. */
const permanentCloseCodes = new Set([4401, 4403, 4404]);

/** Top-level types of each document (DESIGN.md §2), tracked by undo. */
const sharedTypes = ['meta', 'stakeholders', 'relationships', 'options', 'criteria', 'objections', 'plan', 'guides'];
const privateMaps: Record<PrivateSide, string[]> = {
  seller: ['stakeholderNotes', 'blockerPlans', 'insight'],
  buyer: ['stakeholderNotes'],
};

export interface RoomUser {
  id: string;
  name: string;
}

export interface RoomSessionOptions {
  dealId: string;
  role: RoomRole;
  user: RoomUser;
  /** `ws(s)://host/sync`; defaults to this page's host. */
  serverUrl?: string;
  /** Keep each document in IndexedDB so offline edits survive a reload. */
  persist?: boolean;
  /** Connect right away (tests of the page may start disconnected). */
  connect?: boolean;
}

interface OpenRoom {
  room: string;
  doc: Y.Doc;
  provider: WebsocketProvider;
  persistence: IndexeddbPersistence | null;
}

/**
 * One person's live connection to a deal room: the shared document and their side's private document,
 * each with a stock y-websocket provider and IndexedDB persistence; presence through the shared room's
 * awareness; undo of their own edits. Reactive state (`connection`, `peers`, `loaded`, `versions`) is
 * Svelte 5 `$state`, so components read it directly.
 */
export class RoomSession {
  readonly dealId: string;
  readonly role: RoomRole;
  readonly user: RoomUser & { colour: string };
  readonly readOnly: boolean;
  /** The transaction origin of this person's edits; undo tracks only these. */
  readonly origin = { local: true } as const;
  readonly shared = new Y.Doc();
  /** The seller document (seller, manager) or the buyer document (mobilizer). */
  readonly private: Y.Doc | null;
  readonly side: PrivateSide | null;
  readonly undo: UndoHistory;
  /** Names of the rooms this session opened, in order (the privacy tests read it). */
  readonly rooms: string[];

  /** Each provider's state; `connection` folds them into the pill. */
  providerStates = $state<ProviderState[]>([]);
  online = $state(typeof navigator === 'undefined' ? true : navigator.onLine);
  connection: Connection = $derived(connectionOf(this.providerStates, { online: this.online }));
  /** Everyone else here now. */
  peers = $state<Peer[]>([]);
  /** True once every document has content to show (from this device or from the server). */
  loaded = $state(false);
  canUndo = $state(false);
  canRedo = $state(false);
  /** Bumped when a top-level collection changes structurally (text edits inside it excluded: fields bind to Y.Text). */
  versions = $state<Record<string, number>>({});

  readonly #open: OpenRoom[] = [];
  readonly #cleanups: Array<() => void> = [];

  constructor({
    dealId,
    role,
    user,
    serverUrl = defaultServerUrl(),
    persist = true,
    connect = true,
  }: RoomSessionOptions) {
    const plan = roomsFor(dealId, role);
    this.dealId = dealId;
    this.role = role;
    this.readOnly = plan.readOnly;
    this.user = { ...user, colour: presenceColour(user.id) };
    this.private = plan.private ? new Y.Doc() : null;
    this.side = plan.private?.side ?? null;
    this.undo = new UndoHistory(this.origin);

    const docs: Array<{ room: string; doc: Y.Doc; types: string[] }> = [
      { room: plan.shared, doc: this.shared, types: sharedTypes },
    ];
    if (plan.private && this.private) {
      docs.push({ room: plan.private.room, doc: this.private, types: privateMaps[plan.private.side] });
    }
    this.rooms = docs.map((d) => d.room);
    this.providerStates = docs.map(() => ({ status: 'connecting', synced: false, lost: false, refusedWith: null }));

    const loadedFlags = docs.map(() => false);
    const markLoaded = (index: number) => {
      loadedFlags[index] = true;
      if (loadedFlags.every(Boolean)) this.loaded = true;
    };

    docs.forEach(({ room, doc, types }, index) => {
      // A read-only session keeps nothing on the device: it has no edits to keep, and must never diverge.
      const persistence = persist && !plan.readOnly ? new IndexeddbPersistence(`quorum:${user.id}:${room}`, doc) : null;
      persistence?.whenSynced.then(() => {
        // Content cached on this device is enough to show the room while the server catches up.
        if (doc.store.clients.size > 0) markLoaded(index);
      });
      const provider = new WebsocketProvider(serverUrl, room, doc, { connect, disableBc: true });
      this.#watchProvider(provider, index, () => markLoaded(index));
      this.#open.push({ room, doc, provider, persistence });
      this.#trackVersions(doc, types, index === 0 ? '' : 'private.');
      this.undo.track(this.#scope(doc, types, index === 0 ? null : (plan.private?.side ?? null)));
    });

    this.#cleanups.push(
      this.undo.subscribe(() => {
        this.canUndo = this.undo.canUndo;
        this.canRedo = this.undo.canRedo;
      }),
    );
    this.#setupPresence();
    this.#watchNetwork();
  }

  /**
   * Runs `change` as one of this person's edits on `doc` (tracked by undo, relayed to the room).
   * Does nothing for a read-only session.
   */
  write(doc: Y.Doc, change: () => void): void {
    if (this.readOnly) return;
    doc.transact(change, this.origin);
  }

  /** Announces which field this person is editing (`fieldKey(record, field)`), or null when they leave it. */
  setEditing(key: string | null): void {
    const awareness = this.#open[0]?.provider.awareness;
    if (!awareness) return;
    const current = awareness.getLocalState() as PresenceState | null;
    if (current?.editing === key) return;
    awareness.setLocalStateField('editing', key);
  }

  /** Peers editing the given field right now. */
  editorsOf(key: string): Peer[] {
    return this.peers.filter((p) => p.editing === key);
  }

  /** The version counter of a collection, read in a `$derived` to recompute when it changes. */
  version(collection: string): number {
    return this.versions[collection] ?? 0;
  }

  /** Stops every provider, persistence and listener. */
  destroy(): void {
    for (const cleanup of this.#cleanups.splice(0)) cleanup();
    for (const { provider, persistence, doc } of this.#open.splice(0)) {
      provider.awareness.setLocalState(null);
      provider.destroy();
      void persistence?.destroy();
      doc.destroy();
    }
    this.undo.destroy();
  }

  #scope(doc: Y.Doc, types: string[], side: PrivateSide | null): UndoScope {
    const maps = types.map((name) => doc.getMap(name));
    return side ? [...maps, doc.getText('notes')] : maps;
  }

  #setProvider(index: number, patch: Partial<ProviderState>): void {
    const current = this.providerStates[index];
    if (!current) return;
    this.providerStates[index] = { ...current, ...patch };
  }

  #watchProvider(provider: WebsocketProvider, index: number, onSynced: () => void): void {
    provider.on('status', ({ status }) => this.#setProvider(index, { status }));
    provider.on('sync', (synced) => {
      this.#setProvider(index, synced ? { synced, lost: false } : { synced });
      if (synced) onSynced();
    });
    provider.on('connection-close', (event) => {
      this.#setProvider(index, { synced: false, lost: event !== null || !this.online });
    });
    provider.on('closed', ({ code }) => {
      if (permanentCloseCodes.has(code)) this.#setProvider(index, { refusedWith: code, status: 'disconnected' });
      else provider.connect();
    });
  }

  #trackVersions(doc: Y.Doc, types: string[], prefix: string): void {
    for (const name of types) {
      const type = doc.getMap(name);
      const key = prefix + name;
      const observer = (events: Array<Y.YEvent<Y.AbstractType<unknown>>>) => {
        // Text fields are bound straight to their Y.Text; only structure and values re-render lists.
        if (events.every((e) => e.target instanceof Y.Text)) return;
        this.versions[key] = (this.versions[key] ?? 0) + 1;
      };
      type.observeDeep(observer);
      this.#cleanups.push(() => type.unobserveDeep(observer));
    }
  }

  #setupPresence(): void {
    const awareness = this.#open[0]?.provider.awareness;
    if (!awareness) return;
    const side = this.role === 'manager' ? 'manager' : this.role === 'mobilizer' ? 'buyer' : 'seller';
    const state: PresenceState = {
      user: { id: this.user.id, name: this.user.name, colour: this.user.colour, side },
      editing: null,
    };
    awareness.setLocalState(state);
    const refresh = () => {
      this.peers = peersOf(awareness.getStates(), awareness.clientID, this.user.id);
    };
    awareness.on('change', refresh);
    this.#cleanups.push(() => awareness.off('change', refresh));
    // Private rooms carry no presence: the other side must not even learn who looked at them.
    for (const open of this.#open.slice(1)) open.provider.awareness.setLocalState(null);
  }

  #watchNetwork(): void {
    if (typeof window === 'undefined') return;
    const offline = () => {
      this.online = false;
      for (const { provider } of this.#open) provider.disconnect();
      this.providerStates = this.providerStates.map((s) => ({ ...s, synced: false, lost: true }));
    };
    const online = () => {
      this.online = true;
      this.providerStates.forEach((state, index) => {
        if (state.refusedWith === null) this.#open[index]?.provider.connect();
      });
    };
    window.addEventListener('offline', offline);
    window.addEventListener('online', online);
    this.#cleanups.push(() => {
      window.removeEventListener('offline', offline);
      window.removeEventListener('online', online);
    });
  }
}

function defaultServerUrl(): string {
  if (typeof location === 'undefined') return 'ws://127.0.0.1:3000/sync';
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/sync`;
}
