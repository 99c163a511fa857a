import { type Auth, dealRole, parseRoomName, roomAccess } from '@quorum/auth';
import type { Database } from '@quorum/db';
import { type PresenceIdentity, sanitizePresence } from '@quorum/deal-model';
import { CloseCode, RefuseConnection } from '@quorum/sync';
import { isAllowedOrigin } from '../origin/index.ts';
import { findTokenHolder } from '../tokens/index.ts';
import { findDealFacts } from './deal-facts.ts';

/** What the websocket route hands the engine for each connection. */
export interface SyncContext {
  /** The session token from the cookie, or null. */
  sessionToken: string | null;
  /** The upgrade request's Origin header. */
  origin: string | null;
  /** A script's API token (`Authorization: Bearer`), used only when there is no session cookie. */
  bearerToken?: string | null;
}

/** Options of {@link createRoomGuard}. */
export interface RoomGuardOptions {
  db: Database;
  auth: Auth;
  origins: readonly string[];
  /** Called when the database could not be read at an upgrade (the connection is refused with 1013); default: console.error. */
  onError?: (error: unknown) => void;
}

/**
 * The engine's `onConnect` hook: applies DESIGN.md section 5 to every connection before any document
 * byte is sent. Wrong Origin → 4403 (a script's connection with an API token and no cookie needs none: a browser
 * cannot send one); no valid session or token → 4401; a room name that is not `<dealId>`,
 * `<dealId>/seller` or `<dealId>/buyer` → 4404; a deal the user may not open that room of (including a
 * deal that does not exist, so existence never leaks) → 4403; managers not on the deal are read-only.
 * When the database cannot be read (the session or the deal lookup fails), the connection is refused with
 * 1013, try again later, like a room that cannot be loaded: the outage is not the client's fault, and
 * the stock provider reconnects.
 */
export function createRoomGuard({
  db,
  auth,
  origins,
  onError = (error) => console.error('[sync] could not check a connection, database unavailable:', error),
}: RoomGuardOptions) {
  /** Runs a database read of the guard; a failure refuses the connection with 1013. */
  const read = async <T>(lookup: () => Promise<T>): Promise<T> => {
    try {
      return await lookup();
    } catch (error) {
      onError(error);
      throw new RefuseConnection(CloseCode.tryAgainLater, 'database unavailable, try again later');
    }
  };
  return async ({
    room,
    context,
  }: {
    room: string;
    context: SyncContext;
  }): Promise<{ readOnly: boolean; identity: PresenceIdentity }> => {
    const token = context.sessionToken;
    const bearer = token ? null : (context.bearerToken ?? null);
    if (!bearer && !isAllowedOrigin(context.origin, origins)) {
      throw new RefuseConnection(CloseCode.forbidden, 'origin not allowed');
    }
    const session = token
      ? await read(() => auth.validateSessionToken(token))
      : bearer
        ? await read(() => findTokenHolder(db, bearer))
        : null;
    if (!session) throw new RefuseConnection(CloseCode.unauthorized, 'no valid session');
    const ref = parseRoomName(room);
    if (!ref) throw new RefuseConnection(CloseCode.notFound, 'no such room');
    const facts = await read(() => findDealFacts(db, session.user, ref.dealId));
    const access = facts ? roomAccess(facts, ref.kind) : 'none';
    if (access === 'none') throw new RefuseConnection(CloseCode.forbidden, 'not allowed in this room');
    const role = facts ? dealRole(facts) : null;
    const identity: PresenceIdentity = {
      userId: session.user.id,
      name: session.user.name,
      side: role === 'mobilizer' ? 'buyer' : role === 'seller' ? 'seller' : 'manager',
      room: ref.kind === 'shared' ? 'shared' : 'private',
    };
    return { readOnly: access === 'read', identity };
  };
}

/**
 * The engine's `onAwarenessState` hook: every presence state a client sends is rebuilt from the identity the room
 * guard established (see `sanitizePresence`): nobody appears as someone else, and a private field's name never
 * reaches the shared room. A connection without an identity (not opened through the guard) relays nothing.
 */
export function sanitizeAwareness({ identity, state }: { room: string; identity: unknown; state: unknown }) {
  if (!isPresenceIdentity(identity)) return null;
  return sanitizePresence(state, identity) as Record<string, unknown> | null;
}

function isPresenceIdentity(value: unknown): value is PresenceIdentity {
  return typeof value === 'object' && value !== null && 'userId' in value && 'room' in value;
}
