import { type Database, dealMembers, deals, users } from '@quorum/db';
import { and, eq, inArray, or } from 'drizzle-orm';

/** Someone a deal's notification mail goes to. */
export interface Recipient {
  userId: string;
  email: string;
  name: string;
}

/**
 * Who on a deal receives a notification: its sellers (members of the deal's organization), its Mobilizers, the
 * managers of its organization.
 */
export type RecipientRole = 'seller' | 'mobilizer' | 'manager';

/**
 * The deal's title and the people with one of `roles` on it (each person once, even when a manager is also a seller),
 * or null when the deal does not exist.
 */
export async function dealRecipients(
  db: Database,
  dealId: string,
  roles: readonly RecipientRole[],
): Promise<{ dealTitle: string; recipients: Recipient[] } | null> {
  const [deal] = await db
    .select({ title: deals.title, organizationId: deals.organizationId })
    .from(deals)
    .where(eq(deals.id, dealId));
  if (!deal) return null;
  const memberRoles = roles.filter((role): role is 'seller' | 'mobilizer' => role !== 'manager');
  const person = { userId: users.id, email: users.email, name: users.name };
  const members =
    memberRoles.length === 0
      ? []
      : await db
          .select(person)
          .from(dealMembers)
          .innerJoin(users, eq(users.id, dealMembers.userId))
          .where(
            and(
              eq(dealMembers.dealId, dealId),
              inArray(dealMembers.role, memberRoles),
              // A seller membership counts only inside the deal's organization (as `dealRole` decides access).
              or(eq(dealMembers.role, 'mobilizer'), eq(users.organizationId, deal.organizationId)),
            ),
          );
  const managers = roles.includes('manager')
    ? await db
        .select(person)
        .from(users)
        .where(and(eq(users.organizationId, deal.organizationId), eq(users.orgRole, 'manager')))
    : [];
  const byId = new Map<string, Recipient>();
  for (const recipient of [...members, ...managers]) byId.set(recipient.userId, recipient);
  return { dealTitle: deal.title, recipients: [...byId.values()] };
}
