import { type Auth, parseRoomName, roomAccess } from '@quorum/auth';
import type { Database } from '@quorum/db';
import { CloseCode, RefuseConnection } from '@quorum/sync';
import { isAllowedOrigin } from '../origin/index.ts';
import { findDealFacts } from './deal-facts.ts';

/** What the websocket route hands the engine for each connection. */
export interface SyncContext {
  /** The session token from the cookie, or null. */
  sessionToken: string | null;
  /** The upgrade request's Origin header. */
  origin: string | null;
}

/** Options of {@link createRoomGuard}. */
export interface RoomGuardOptions {
  db: Database;
  auth: Auth;
  origins: readonly string[];
}

/**
 * The engine's `onConnect` hook: applies DESIGN.md section 5 to every connection before any document
 * byte is sent. Wrong Origin → 4403; no valid session → 4401; a room name that is not `<dealId>`,
 * `<dealId>/seller` or `<dealId>/buyer` → 4404; a deal the user may not open that room of (including a
 * deal that does not exist, so existence never leaks) → 4403; managers not on the deal are read-only.
 */
export function createRoomGuard({ db, auth, origins }: RoomGuardOptions) {
  return async ({ room, context }: { room: string; context: SyncContext }): Promise<{ readOnly: boolean }> => {
    if (!isAllowedOrigin(context.origin, origins)) {
      throw new RefuseConnection(CloseCode.forbidden, 'origin not allowed');
    }
    const session = context.sessionToken ? await auth.validateSessionToken(context.sessionToken) : null;
    if (!session) throw new RefuseConnection(CloseCode.unauthorized, 'no valid session');
    const ref = parseRoomName(room);
    if (!ref) throw new RefuseConnection(CloseCode.notFound, 'no such room');
    const facts = await findDealFacts(db, session.user, ref.dealId);
    const access = facts ? roomAccess(facts, ref.kind) : 'none';
    if (access === 'none') throw new RefuseConnection(CloseCode.forbidden, 'not allowed in this room');
    return { readOnly: access === 'read' };
  };
}
