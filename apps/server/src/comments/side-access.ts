import { THREAD_SIDES, type ThreadSide } from '@quorum/api-schema';
import { type DealRole, type RoomAccess, roomAccessByRole } from '@quorum/auth';

/**
 * What a role may do with the threads of one side: the rooms' table (DESIGN.md 2), a thread's side being the room kind
 * it belongs with. `none` for a caller who may not see the deal.
 */
export function sideAccess(role: DealRole | null | undefined, side: ThreadSide): RoomAccess {
  return role ? roomAccessByRole(role)[side] : 'none';
}

/** The sides whose threads a role may read. */
export function readableSides(role: DealRole | null | undefined): ThreadSide[] {
  return THREAD_SIDES.filter((side) => sideAccess(role, side) !== 'none');
}
