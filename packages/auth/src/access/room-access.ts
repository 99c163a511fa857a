import type { OrgRole } from '../session/index.ts';
import type { RoomKind } from './room-name.ts';

/** What a connection may do with a room. */
export type RoomAccess = 'write' | 'read' | 'none';

/** A person's role on a deal, as the API reports it. */
export type DealRole = 'seller' | 'mobilizer' | 'manager';

/** A row of `deal_members`. */
export type MembershipRole = 'seller' | 'mobilizer';

/** What the access rules need to know: who asks, which deal, and the asker's membership of it. */
export interface AccessFacts {
  user: { id: string; organizationId: string | null; orgRole: OrgRole | null };
  deal: { id: string; organizationId: string };
  /** The user's `deal_members` row for this deal, or null. */
  membership: { role: MembershipRole } | null;
}

const TABLE: Record<DealRole, Record<RoomKind, RoomAccess>> = {
  seller: { shared: 'write', seller: 'write', buyer: 'none' },
  mobilizer: { shared: 'write', seller: 'none', buyer: 'write' },
  manager: { shared: 'read', seller: 'read', buyer: 'none' },
};

/**
 * The caller's role on a deal (DESIGN.md section 5), or null when they may not see it at all.
 * Membership decides first; a seller membership counts only while the user belongs to the deal's
 * organization. A manager of the deal's organization who is not on the deal is `manager`.
 */
export function dealRole({ user, deal, membership }: AccessFacts): DealRole | null {
  const sameOrg = user.organizationId !== null && user.organizationId === deal.organizationId;
  if (membership?.role === 'seller' && sameOrg) return 'seller';
  if (membership?.role === 'mobilizer') return 'mobilizer';
  if (sameOrg && user.orgRole === 'manager') return 'manager';
  return null;
}

/**
 * What a user may do with one of a deal's rooms (the table of DESIGN.md section 2):
 * seller rw shared + rw seller; mobilizer rw shared + rw buyer; a manager of the deal's organization
 * who is not on the deal reads shared and seller and never sees buyer; everyone else nothing.
 */
export function roomAccess(facts: AccessFacts, kind: RoomKind): RoomAccess {
  const role = dealRole(facts);
  return role ? TABLE[role][kind] : 'none';
}

/** The access to each of a deal's three rooms for a role (what the web app shows). */
export function roomAccessByRole(role: DealRole): Record<RoomKind, RoomAccess> {
  return { ...TABLE[role] };
}
