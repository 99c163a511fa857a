import { type FieldRoom, fieldRoomOf, mayAnnounce } from '@quorum/deal-model';
import { IndexeddbPersistence } from 'y-indexeddb';
import type { Awareness } from 'y-protocols/awareness';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import {
  backOffDelay,
  type Connection,
  closeHandlingOf,
  connectionOf,
  initialProviderState,
  type ProviderState,
} from './connection-state.ts';
import { type Peer, type PresenceState, peersOf } from './presence.ts';
import { assignPresenceColours, presenceColour } from './presence-colours.ts';
import { encodeCaret } from './remote-caret.ts';
import { type PrivateSide, type RoomRole, roomsFor } from './room-names.ts';
import { UndoHistory, type UndoScope } from './undo-history.ts';

/** A connection that stayed synced this long after a 1013 starts the next back-off from 1 s again. */
const backOffResetMs = 30_000;

/** Top-level types of each document (DESIGN.md §2), tracked by undo. */
const sharedTypes = [
  'meta',
  'stakeholders',
  'relationships',
  'options',
  'criteria',
  'objections',
  'plan',
  'guides',
  'voices',
  'workshops',
  'coaching',
  'negotiables',
  'mentalModel',
];
const privateMaps: Record<PrivateSide, string[]> = {
  seller: ['stakeholderNotes', 'blockerPlans', 'insight', 'mobilizerTests', 'qualification'],
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
  /** The WebSocket class (a Node client passes one; browsers have their own). */
  WebSocketPolyfill?: typeof WebSocket;
}

/** A field someone is editing: its awareness key and the document it belongs to. */
export interface EditingField {
  /** `fieldKey(record, field)`. */
  key: string;
  /** The document the field is bound to: its room is the only one whose awareness may name it. */
  doc: Y.Doc;
}

interface OpenRoom {
  room: string;
  /** Which of the deal's documents this room holds. */
  kind: FieldRoom;
  doc: Y.Doc;
  provider: WebsocketProvider;
  persistence: IndexeddbPersistence | null;
}

/**
 * One person's live connection to a deal room: the shared document and their side's private document,
 * each with a stock y-websocket provider and IndexedDB persistence; presence through the shared room's
 * awareness (a private field's focus only through the private room's); undo of their own edits. A server
 * close that retrying cannot fix stops that room's provider and says why (see `closeHandlingOf`). Reactive state (`connection`, `peers`, `loaded`, `versions`) is
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
  /** Presence colour per user id of everyone in the room now: never two alike (see `assignPresenceColours`). */
  colours = $state<Map<string, string>>(new Map());
  /** Everyone else here now (the shared room's presence). */
  peers = $state<Peer[]>([]);
  /** Others of this side in the private room right now, while they edit a private field. */
  privatePeers = $state<Peer[]>([]);
  /** True once every document has content to show (from this device or from the server). */
  loaded = $state(false);
  canUndo = $state(false);
  canRedo = $state(false);
  /** Bumped when a top-level collection changes structurally (text edits inside it excluded: fields bind to Y.Text). */
  versions = $state<Record<string, number>>({});

  readonly #open: OpenRoom[] = [];
  readonly #cleanups: Array<() => void> = [];
  /** Per provider: 1013s in a row, and the pending timers of its back-off and of its reset. */
  readonly #backOff: Array<{
    attempts: number;
    retry?: ReturnType<typeof setTimeout>;
    reset?: ReturnType<typeof setTimeout>;
  }> = [];
  #destroyed = false;

  constructor({
    dealId,
    role,
    user,
    serverUrl = defaultServerUrl(),
    persist = true,
    connect = true,
    WebSocketPolyfill,
  }: RoomSessionOptions) {
    const plan = roomsFor(dealId, role);
    this.dealId = dealId;
    this.role = role;
    this.readOnly = plan.readOnly;
    this.user = { ...user, colour: presenceColour(user.id) };
    this.private = plan.private ? new Y.Doc() : null;
    this.side = plan.private?.side ?? null;
    this.undo = new UndoHistory(this.origin);

    const docs: Array<{ room: string; kind: FieldRoom; doc: Y.Doc; types: string[] }> = [
      { room: plan.shared, kind: 'shared', doc: this.shared, types: sharedTypes },
    ];
    if (plan.private && this.private) {
      docs.push({ room: plan.private.room, kind: 'private', doc: this.private, types: privateMaps[plan.private.side] });
    }
    this.rooms = docs.map((d) => d.room);
    this.providerStates = docs.map(() => ({ ...initialProviderState }));

    const loadedFlags = docs.map(() => false);
    const markLoaded = (index: number) => {
      loadedFlags[index] = true;
      if (loadedFlags.every(Boolean)) this.loaded = true;
    };

    docs.forEach(({ room, kind, doc, types }, index) => {
      // A read-only session keeps nothing on the device: it has no edits to keep, and must never diverge.
      const persistence = persist && !plan.readOnly ? new IndexeddbPersistence(`quorum:${user.id}:${room}`, doc) : null;
      persistence?.whenSynced.then(() => {
        // Content cached on this device is enough to show the room while the server catches up.
        if (doc.store.clients.size > 0) markLoaded(index);
      });
      const provider = new WebsocketProvider(serverUrl, room, doc, {
        connect,
        disableBc: true,
        // Only a plain drop is retried by the provider itself; every other close is handled in #watchProvider.
        shouldReconnect: (event) => closeHandlingOf(event.code) === 'reconnect',
        ...(WebSocketPolyfill ? { WebSocketPolyfill } : {}),
      });
      this.#backOff.push({ attempts: 0 });
      this.#watchProvider(provider, index, () => markLoaded(index));
      this.#open.push({ room, kind, doc, provider, persistence });
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

  /**
   * Announces which field this person is editing, or null when they leave it. The key goes to the awareness
   * of the room that holds `field.doc` only, and only when the key names a field of that room's document
   * (`mayAnnounce`): a private field is announced in this side's private room, never in the shared one.
   */
  setEditing(field: EditingField | null): void {
    const target = field ? this.#open.find((open) => open.doc === field.doc) : undefined;
    const announced = field && target && mayAnnounce(target.kind, field.key) ? target : undefined;
    for (const open of this.#open) {
      const key = open === announced && field ? field.key : null;
      if (open.kind === 'shared') this.#announceShared(open.provider.awareness, key);
      else this.#announcePrivate(open.provider.awareness, key);
    }
  }

  /**
   * Announces where this person's caret is in `text` (the field they are editing), as a Yjs relative
   * position so it stays on its character while others type. Goes only to the room that holds the text,
   * and only while that room's presence names a field being edited (never on its own).
   */
  setCaret(text: Y.Text, index: number): void {
    const target = text.doc ? this.#open.find((open) => open.doc === text.doc) : undefined;
    if (!target) return;
    const awareness = target.provider.awareness;
    const current = awareness.getLocalState() as PresenceState | null;
    if (!current?.editing) return;
    const caret = encodeCaret(text, index);
    if (current.caret === caret) return;
    awareness.setLocalStateField('caret', caret);
  }

  /** The presence colour of a person in this room (this person's own included). */
  colourOf(userId: string): string {
    return this.colours.get(userId) ?? presenceColour(userId);
  }

  /** Peers editing the given field right now (read from the room whose document holds it). */
  editorsOf(key: string): Peer[] {
    const peers = fieldRoomOf(key) === 'private' ? this.privatePeers : this.peers;
    return peers.filter((p) => p.editing === key);
  }

  /** The awareness of the room that holds `doc` (presence tests read it), or null when no room holds it. */
  awarenessOf(doc: Y.Doc): Awareness | null {
    return this.#open.find((open) => open.doc === doc)?.provider.awareness ?? null;
  }

  /**
   * Reconnects the rooms that were paused (an edit or the room too large, too many tabs), after the person
   * acted on the explanation. A room refused for good (signed out, no access) stays stopped.
   */
  retry(): void {
    this.providerStates.forEach((state, index) => {
      if (state.refusedWith === null || closeHandlingOf(state.refusedWith) !== 'paused') return;
      this.#setProvider(index, { refusedWith: null, lost: false, status: 'connecting' });
      const open = this.#open[index];
      if (!open) return;
      this.undo.resume(open.doc);
      open.provider.connect();
    });
  }

  /** The version counter of a collection, read in a `$derived` to recompute when it changes. */
  version(collection: string): number {
    return this.versions[collection] ?? 0;
  }

  /** Stops every provider, persistence and listener. */
  destroy(): void {
    this.#destroyed = true;
    for (const timers of this.#backOff) {
      clearTimeout(timers.retry);
      clearTimeout(timers.reset);
    }
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
    const backOff = this.#backOff[index] ?? { attempts: 0 };
    provider.on('sync', (synced) => {
      this.#setProvider(index, synced ? { synced, lost: false, backingOff: false } : { synced });
      if (!synced) return;
      onSynced();
      // A connection that stays up a while has earned a fresh back-off.
      clearTimeout(backOff.reset);
      backOff.reset = setTimeout(() => {
        backOff.attempts = 0;
      }, backOffResetMs);
    });
    provider.on('connection-close', (event) => {
      clearTimeout(backOff.reset);
      this.#setProvider(index, { synced: false, lost: event !== null || !this.online });
    });
    // Emitted for every server close that `shouldReconnect` declined: the provider is stopped here.
    provider.on('closed', ({ code }) => {
      const handling = closeHandlingOf(code);
      if (handling === 'refused' || handling === 'paused') {
        this.#setProvider(index, { refusedWith: code, status: 'disconnected', backingOff: false });
        // Too large: what the person removes now must leave the document, not wait in the undo history.
        if (code === 1009 || code === 4413) this.undo.suspend(provider.doc);
        return;
      }
      this.#setProvider(index, { backingOff: true, status: 'disconnected' });
      clearTimeout(backOff.retry);
      backOff.retry = setTimeout(() => {
        if (this.#destroyed || !this.online || this.providerStates[index]?.refusedWith !== null) return;
        provider.connect();
      }, backOffDelay(backOff.attempts));
      backOff.attempts += 1;
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

  #presence(editing: string | null): PresenceState {
    const side = this.role === 'manager' ? 'manager' : this.role === 'mobilizer' ? 'buyer' : 'seller';
    return { user: { id: this.user.id, name: this.user.name, colour: this.user.colour, side }, editing };
  }

  /** The shared room always shows this person; `key` is a field of the shared document or null. */
  #announceShared(awareness: Awareness, key: string | null): void {
    if (!mayAnnounce('shared', key)) return;
    const current = awareness.getLocalState() as PresenceState | null;
    if (current?.editing === key) return;
    // A caret belongs to the field it was in: leaving the field takes it away.
    awareness.setLocalState({ ...(current ?? this.#presence(null)), editing: key, caret: undefined });
  }

  /** A private room shows this person only while they edit one of its fields. */
  #announcePrivate(awareness: Awareness, key: string | null): void {
    if (!mayAnnounce('private', key)) return;
    const current = awareness.getLocalState() as PresenceState | null;
    if ((current?.editing ?? null) === key) return;
    awareness.setLocalState(key === null ? null : this.#presence(key));
  }

  /** Peers with the colour assigned to them in this room (not the one their device announced). */
  #coloured(peers: Peer[]): Peer[] {
    return peers.map((p) => ({ ...p, user: { ...p.user, colour: this.colourOf(p.user.id) } }));
  }

  #setupPresence(): void {
    for (const open of this.#open) {
      const awareness = open.provider.awareness;
      // Private rooms carry presence only while this person edits one of their fields (see #announcePrivate).
      awareness.setLocalState(open.kind === 'shared' ? this.#presence(null) : null);
      const refresh = () => {
        const peers = peersOf(awareness.getStates(), awareness.clientID, this.user.id);
        if (open.kind === 'shared') {
          // Everyone is in the shared room: colours are assigned from that set, the same on every device.
          this.colours = assignPresenceColours([this.user.id, ...peers.map((p) => p.user.id)]);
          this.privatePeers = this.#coloured(this.privatePeers);
          this.peers = this.#coloured(peers);
        } else this.privatePeers = this.#coloured(peers);
      };
      awareness.on('change', refresh);
      this.#cleanups.push(() => awareness.off('change', refresh));
    }
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
