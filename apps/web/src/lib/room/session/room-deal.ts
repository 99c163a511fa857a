import type { RoomRole } from './room-names.ts';

/** What the room page needs from GET /api/deals/:id. */
export interface RoomDeal {
  id: string;
  title: string;
  buyer: string;
  role: RoomRole;
}

const roles: readonly string[] = ['seller', 'mobilizer', 'manager'];

/**
 * Reads GET /api/deals/:id in either shape the API has used: `{deal: {id, title, buyer}, role, status}`
 * (DESIGN.md §5b) or the flat `{id, title, buyer, role, status}`. Returns null when neither fits.
 */
export function roomDealOf(answer: unknown): RoomDeal | null {
  if (typeof answer !== 'object' || answer === null) return null;
  const outer = answer as Record<string, unknown>;
  const deal = (typeof outer.deal === 'object' && outer.deal !== null ? outer.deal : outer) as Record<string, unknown>;
  const role = outer.role;
  if (typeof deal.id !== 'string' || typeof role !== 'string' || !roles.includes(role)) return null;
  return {
    id: deal.id,
    title: typeof deal.title === 'string' ? deal.title : '',
    buyer: typeof deal.buyer === 'string' ? deal.buyer : '',
    role: role as RoomRole,
  };
}
