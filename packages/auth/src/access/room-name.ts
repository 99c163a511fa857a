/** The three documents of a deal room (DESIGN.md section 2). */
export type RoomKind = 'shared' | 'seller' | 'buyer';

/** A parsed room name. */
export interface RoomRef {
  dealId: string;
  kind: RoomKind;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** True for a canonical lowercase UUID (the only shape a deal id takes). */
export function isUuid(value: string): boolean {
  return UUID.test(value);
}

/**
 * Parses `<dealId>`, `<dealId>/seller` or `<dealId>/buyer`; anything else (other suffixes, a deal id
 * that is not a UUID, extra segments) is null.
 */
export function parseRoomName(room: string): RoomRef | null {
  const [dealId, suffix, ...rest] = room.split('/');
  if (!dealId || !isUuid(dealId) || rest.length > 0) return null;
  if (suffix === undefined) return { dealId, kind: 'shared' };
  if (suffix === 'seller' || suffix === 'buyer') return { dealId, kind: suffix };
  return null;
}

/** The room name of one of a deal's documents. */
export function roomName(dealId: string, kind: RoomKind): string {
  return kind === 'shared' ? dealId : `${dealId}/${kind}`;
}
