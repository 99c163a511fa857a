import type { AccessFacts, AuthUser } from '@quorum/auth';
import { type Database, dealMembers, deals } from '@quorum/db';
import { and, eq } from 'drizzle-orm';
import { toMembership } from '../deals/index.ts';

/** The membership facts of a user and a deal, or null when the deal does not exist. */
export async function findDealFacts(db: Database, user: AuthUser, dealId: string): Promise<AccessFacts | null> {
  const [row] = await db
    .select({ id: deals.id, organizationId: deals.organizationId, role: dealMembers.role })
    .from(deals)
    .leftJoin(dealMembers, and(eq(dealMembers.dealId, deals.id), eq(dealMembers.userId, user.id)))
    .where(eq(deals.id, dealId));
  if (!row) return null;
  return { user, deal: { id: row.id, organizationId: row.organizationId }, membership: toMembership(row.role) };
}
