import type { ThreadSide } from '@quorum/api-schema';
import { type DealRole, dealRole } from '@quorum/auth';
import { type Database, dealMembers, users } from '@quorum/db';
import { and, eq } from 'drizzle-orm';
import { toMembership } from '../deals/deal-access.ts';
import { sideAccess } from './side-access.ts';

/** Someone who may open a deal, with their role on it. */
export interface DealPerson {
  id: string;
  name: string;
  email: string;
  role: DealRole;
  /** Whether they are on the deal (a `deal_members` row), rather than one of the organization's managers. */
  member: boolean;
}

/**
 * Everyone who may open a deal: its members (sellers while they still belong to the deal's organization, Mobilizers)
 * and the organization's managers, each with the role the access rules give them.
 */
export async function loadDealPeople(
  db: Database,
  deal: { id: string; organizationId: string },
): Promise<DealPerson[]> {
  const columns = {
    id: users.id,
    name: users.name,
    email: users.email,
    organizationId: users.organizationId,
    orgRole: users.orgRole,
  };
  const [members, managers] = await Promise.all([
    db
      .select({ ...columns, membership: dealMembers.role })
      .from(dealMembers)
      .innerJoin(users, eq(users.id, dealMembers.userId))
      .where(eq(dealMembers.dealId, deal.id)),
    db
      .select(columns)
      .from(users)
      .where(and(eq(users.organizationId, deal.organizationId), eq(users.orgRole, 'manager'))),
  ]);
  const people = new Map<string, DealPerson>();
  for (const row of members) {
    const role = dealRole({
      user: { id: row.id, organizationId: row.organizationId, orgRole: row.orgRole as 'member' | 'manager' | null },
      deal,
      membership: toMembership(row.membership),
    });
    if (role) people.set(row.id, { id: row.id, name: row.name, email: row.email, role, member: true });
  }
  for (const row of managers) {
    if (!people.has(row.id))
      people.set(row.id, { id: row.id, name: row.name, email: row.email, role: 'manager', member: false });
  }
  return [...people.values()].sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * The people a comment on `side` may mention: those who may read that side. On the shared side only the deal's members
 * (the buyer does not learn who the seller's managers are); on the seller side the organization's managers too.
 */
export function mentionablePeople(people: readonly DealPerson[], side: ThreadSide): DealPerson[] {
  return people.filter((p) => sideAccess(p.role, side) !== 'none' && (p.member || side === 'seller'));
}
