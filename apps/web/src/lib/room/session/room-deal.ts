import type { DealState } from '../../api/index.ts';
import type { RoomRole } from './room-names.ts';

/** What the room page needs from GET /api/deals/:id. */
export interface RoomDeal {
  id: string;
  title: string;
  buyer: string;
  role: RoomRole;
  /** The deal's life: `open`, `won`, `lost`, `no-decision` or `archived` (open when the answer has none). */
  state: DealState;
  stateReason: string | null;
}

const states: readonly string[] = ['open', 'won', 'lost', 'no-decision', 'archived'];

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
    state: typeof deal.state === 'string' && states.includes(deal.state) ? (deal.state as DealState) : 'open',
    stateReason: typeof deal.stateReason === 'string' ? deal.stateReason : null,
  };
}
