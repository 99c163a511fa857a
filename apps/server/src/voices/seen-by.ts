import { type Database, dealMembers, deals, organizations, users } from '@quorum/db';
import { asc, eq } from 'drizzle-orm';

/** Someone who will read a stakeholder's answer, as the stakeholder is told (DESIGN.md 7a `seenBy`). */
export interface Reader {
  name: string;
  company: string;
  role: 'mobilizer' | 'seller';
}

/**
 * Who will see an answer given through a guide link: the deal's Mobilizers (of the buyer company) and its
 * sellers (of the seller organization), by name. Managers of the seller organization can open every deal
 * read-only; the page says so in words, not by listing them.
 */
export async function readSeenBy(db: Database, dealId: string): Promise<Reader[]> {
  const rows = await db
    .select({ name: users.name, role: dealMembers.role, buyer: deals.buyer, organization: organizations.name })
    .from(dealMembers)
    .innerJoin(users, eq(users.id, dealMembers.userId))
    .innerJoin(deals, eq(deals.id, dealMembers.dealId))
    .innerJoin(organizations, eq(organizations.id, deals.organizationId))
    .where(eq(dealMembers.dealId, dealId))
    .orderBy(asc(dealMembers.role), asc(users.name));
  return rows.flatMap((row) =>
    row.role === 'mobilizer' || row.role === 'seller'
      ? [{ name: row.name, role: row.role, company: row.role === 'mobilizer' ? row.buyer : row.organization }]
      : [],
  );
}
