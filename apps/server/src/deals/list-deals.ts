import type { DealState, DealStateFilter } from '@quorum/api-schema';
import { type AuthUser, dealRole } from '@quorum/auth';
import { type Database, dealMembers, dealStatus, deals } from '@quorum/db';
import { and, desc, eq, inArray, isNotNull, or, sql } from 'drizzle-orm';
import { toMembership } from './deal-access.ts';
import { type DealView, dealView } from './deal-view.ts';

/** The states each filter of `GET /api/deals?state=` shows. */
const STATES: Record<DealStateFilter, readonly DealState[] | null> = {
  open: ['open'],
  closed: ['won', 'lost', 'no-decision'],
  archived: ['archived'],
  all: null,
};

/**
 * The deals a user may see, newest first: those they are on, and every deal of their organization when
 * they are its manager, in the states `filter` names (default: open). The query is scoped by membership, and each
 * row passes the access rules again.
 */
export async function listDeals(
  db: Database,
  user: AuthUser,
  { filter = 'open' }: { filter?: DealStateFilter } = {},
): Promise<DealView[]> {
  const states = STATES[filter];
  const managerOf = user.orgRole === 'manager' && user.organizationId ? user.organizationId : null;
  const rows = await db
    .select({
      id: deals.id,
      organizationId: deals.organizationId,
      title: deals.title,
      buyer: deals.buyer,
      createdAt: deals.createdAt,
      state: deals.state,
      stateReason: deals.stateReason,
      membershipRole: dealMembers.role,
      // Only the caller's view of the status leaves the database (a Mobilizer membership means the shared view).
      status: sql<unknown>`case when ${dealMembers.role} = 'mobilizer' then ${dealStatus.sharedStatus} else ${dealStatus.status} end`,
    })
    .from(deals)
    .leftJoin(dealMembers, and(eq(dealMembers.dealId, deals.id), eq(dealMembers.userId, user.id)))
    .leftJoin(dealStatus, eq(dealStatus.dealId, deals.id))
    .where(
      and(
        managerOf
          ? or(isNotNull(dealMembers.userId), eq(deals.organizationId, managerOf))
          : isNotNull(dealMembers.userId),
        states ? inArray(deals.state, [...states]) : undefined,
      ),
    )
    .orderBy(desc(deals.createdAt), desc(deals.id));
  return rows.flatMap(({ membershipRole, status, ...deal }) => {
    const role = dealRole({ user, deal, membership: toMembership(membershipRole) });
    if (!role) return [];
    return [dealView(deal, role, status === null ? null : { status, sharedStatus: status })];
  });
}
