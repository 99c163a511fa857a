import type { AccessRevocation } from './revocation-bus.ts';

/** Who holds an open socket: its session, its user, and the deal its room belongs to. */
export interface SocketOwner {
  /** The session token from the cookie (kept in memory only, to re-check the session). */
  token: string;
  /** The session's id: the SHA-256 (hex) of the token, as stored and as sent between instances. */
  sessionId: string;
  /** The session's user, when it was known at the upgrade. */
  userId: string | null;
  /** The deal of the socket's room, when the room name has one. */
  dealId: string | null;
}

interface Entry {
  owner: SocketOwner;
  close: (revocation: AccessRevocation) => void;
}

/**
 * The open websockets of this instance by session, by user and by user and deal, so that an access
 * revocation (a logout, a user's sessions invalidated, a member removed from a deal) closes exactly the
 * sockets it concerns at once (the close function gets the revocation, to pick 4401 or 4403). Nothing is persisted.
 */
export class SessionSockets {
  readonly #entries = new Set<Entry>();
  readonly #bySession = new Map<string, Set<Entry>>();
  readonly #byUser = new Map<string, Set<Entry>>();

  /** Registers a socket's close function under its owner; returns the unregister function. */
  add(owner: SocketOwner, close: (revocation: AccessRevocation) => void): () => void {
    const entry: Entry = { owner, close };
    this.#entries.add(entry);
    index(this.#bySession, owner.sessionId, entry);
    if (owner.userId) index(this.#byUser, owner.userId, entry);
    return () => this.#remove(entry);
  }

  /** Number of open sockets registered. */
  get size(): number {
    return this.#entries.size;
  }

  /** Each open session once: its token and id (for the periodic re-check). */
  sessions(): Array<{ token: string; sessionId: string }> {
    return [...this.#bySession.values()].map((set) => {
      const { token, sessionId } = set.values().next().value!.owner;
      return { token, sessionId };
    });
  }

  /** Closes every socket the revocation concerns; returns how many. */
  revoke(revocation: AccessRevocation): number {
    const matching =
      revocation.kind === 'session'
        ? [...(this.#bySession.get(revocation.sessionId) ?? [])]
        : [...(this.#byUser.get(revocation.userId) ?? [])].filter(
            (entry) => revocation.kind === 'user' || entry.owner.dealId === revocation.dealId,
          );
    for (const entry of matching) {
      this.#remove(entry);
      entry.close(revocation);
    }
    return matching.length;
  }

  #remove(entry: Entry): void {
    if (!this.#entries.delete(entry)) return;
    unindex(this.#bySession, entry.owner.sessionId, entry);
    if (entry.owner.userId) unindex(this.#byUser, entry.owner.userId, entry);
  }
}

function index(map: Map<string, Set<Entry>>, key: string, entry: Entry): void {
  let set = map.get(key);
  if (!set) {
    set = new Set();
    map.set(key, set);
  }
  set.add(entry);
}

function unindex(map: Map<string, Set<Entry>>, key: string, entry: Entry): void {
  const set = map.get(key);
  if (!set) return;
  set.delete(entry);
  if (set.size === 0) map.delete(key);
}
