const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Which of a deal's documents a room holds (DESIGN.md section 2). */
export type DealRoomKind = 'shared' | 'seller' | 'buyer';

/** Splits a room name (`<dealId>`, `<dealId>/seller`, `<dealId>/buyer`) into deal id and kind; null if it is none of these. */
export function parseDealRoom(room: string): { dealId: string; kind: DealRoomKind } | null {
  const [dealId, suffix, ...rest] = room.split('/');
  if (!dealId || !UUID.test(dealId) || rest.length > 0) return null;
  if (suffix === undefined) return { dealId, kind: 'shared' };
  if (suffix === 'seller' || suffix === 'buyer') return { dealId, kind: suffix };
  return null;
}
