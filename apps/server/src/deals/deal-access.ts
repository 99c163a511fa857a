import { type AuthUser, type DealRole, dealRole, isUuid, type MembershipRole } from '@quorum/auth';
import { type Database, dealMembers, deals } from '@quorum/db';
import { and, eq } from 'drizzle-orm';

/** A deal row as the API uses it. */
export interface DealRecord {
  id: string;
  organizationId: string;
  title: string;
  buyer: string;
  createdAt: Date;
  /** `open`, `won`, `lost`, `no-decision` or `archived` (DESIGN.md 7d). */
  state: string;
  /** Why it was closed or archived. */
  stateReason: string | null;
}

/** A deal the caller may see, with their role on it. */
export interface VisibleDeal {
  deal: DealRecord;
  role: DealRole;
}

/**
 * Loads a deal with the caller's membership and applies the access rules: null when the id is not a
 * deal id, the deal does not exist, or the caller may not see it (all three look the same to callers).
 */
export async function findVisibleDeal(db: Database, user: AuthUser, dealId: string): Promise<VisibleDeal | null> {
  if (!isUuid(dealId)) return null;
  const [row] = await db
    .select({
      id: deals.id,
      organizationId: deals.organizationId,
      title: deals.title,
      buyer: deals.buyer,
      createdAt: deals.createdAt,
      state: deals.state,
      stateReason: deals.stateReason,
      membershipRole: dealMembers.role,
    })
    .from(deals)
    .leftJoin(dealMembers, and(eq(dealMembers.dealId, deals.id), eq(dealMembers.userId, user.id)))
    .where(eq(deals.id, dealId));
  if (!row) return null;
  const { membershipRole, ...deal } = row;
  const role = dealRole({ user, deal, membership: toMembership(membershipRole) });
  return role ? { deal, role } : null;
}

/** A `deal_members.role` value as a membership (unknown values count as no membership). */
export function toMembership(role: string | null): { role: MembershipRole } | null {
  return role === 'seller' || role === 'mobilizer' ? { role } : null;
}
