import { type FieldRoom, mayAnnounce } from './presence-fields.ts';

/** Which side of the deal a person in a room is on, as presence shows it. */
export type PresenceSide = 'seller' | 'buyer' | 'manager';

/** What a person in a room publishes through awareness (the only shape the server relays). */
export interface PresenceState {
  user: { id: string; name: string; colour: string; side: PresenceSide };
  /** The field being edited, as `<recordId>:<field>` (see {@link fieldKey}), or null. */
  editing: string | null;
  /**
   * Where the caret is in the edited text field: a Yjs relative position (`Y.encodeRelativePosition`) in
   * base64, so it stays on its character while others type. Only with `editing`; absent otherwise.
   */
  caret?: string;
}

/** Who a connection is, as the server established it at the upgrade (never what the client claims). */
export interface PresenceIdentity {
  userId: string;
  name: string;
  side: PresenceSide;
  /** The document of the room the connection is in: the shared one, or a side's private one. */
  room: FieldRoom;
}

/** The awareness key of one field of one record. */
export function fieldKey(recordId: string, field: string): string {
  return `${recordId}:${field}`;
}

const COLOUR = /^#[0-9a-f]{3,8}$|^(hsl|rgb)a?\([0-9., %deg]{1,40}\)$/i;
const FALLBACK_COLOUR = '#6b7280';
const MAX_KEY_LENGTH = 200;
/** A relative position is a few varints (client id, clock, assoc): base64, well under this. */
const CARET = /^[A-Za-z0-9+/=]{1,120}$/;

/**
 * The presence a server relays for a connection, rebuilt from scratch: the person is who the session says (a client
 * cannot claim to be someone else or another side), the colour is a colour, and `editing` names a field of the
 * room's own document or nothing (a private field never reaches the shared room, whatever the client sends); a
 * caret is kept only with `editing` and only as a short base64 relative position. Every other key is dropped. Null (drop the state) when it is not an object.
 */
export function sanitizePresence(state: unknown, identity: PresenceIdentity): PresenceState | null {
  if (typeof state !== 'object' || state === null || Array.isArray(state)) return null;
  const claimed = state as { user?: { colour?: unknown }; editing?: unknown; caret?: unknown };
  const colour =
    typeof claimed.user?.colour === 'string' && COLOUR.test(claimed.user.colour)
      ? claimed.user.colour
      : FALLBACK_COLOUR;
  const editing =
    typeof claimed.editing === 'string' &&
    claimed.editing.length <= MAX_KEY_LENGTH &&
    mayAnnounce(identity.room, claimed.editing)
      ? claimed.editing
      : null;
  const user = { id: identity.userId, name: identity.name, colour, side: identity.side };
  if (editing !== null && typeof claimed.caret === 'string' && CARET.test(claimed.caret)) {
    return { user, editing, caret: claimed.caret };
  }
  return { user, editing };
}
