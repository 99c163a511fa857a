/** What the caller is on a deal (GET /api/deals/:id). */
export type RoomRole = 'seller' | 'mobilizer' | 'manager';

/** Which private document a side keeps. */
export type PrivateSide = 'seller' | 'buyer';

export interface RoomPlan {
  /** The shared room, `<dealId>`. */
  shared: string;
  /** The caller's side's private room, or null. A mobilizer gets `<dealId>/buyer` and never `<dealId>/seller`. */
  private: { room: string; side: PrivateSide } | null;
  /** Managers read; they never write (the server drops their updates anyway). */
  readOnly: boolean;
}

/**
 * The rooms a role may open (DESIGN.md §2): seller → shared + seller; mobilizer → shared + buyer;
 * manager → shared + seller, read-only. This is the only place the web app decides which rooms to open.
 */
export function roomsFor(dealId: string, role: RoomRole): RoomPlan {
  switch (role) {
    case 'seller':
      return { shared: dealId, private: { room: `${dealId}/seller`, side: 'seller' }, readOnly: false };
    case 'mobilizer':
      return { shared: dealId, private: { room: `${dealId}/buyer`, side: 'buyer' }, readOnly: false };
    case 'manager':
      return { shared: dealId, private: { room: `${dealId}/seller`, side: 'seller' }, readOnly: true };
  }
}
