import { randomUUID } from 'node:crypto';
import type { OrgRole } from '@quorum/auth';
import { type Database, dealMembers, deals, organizations, users } from '@quorum/db';
import type { StatusViewer } from './status-types.ts';

/** Inserts an organization; returns its id. */
export async function insertOrganization(db: Database, name = 'Org'): Promise<string> {
  const [row] = await db.insert(organizations).values({ name }).returning({ id: organizations.id });
  return row!.id;
}

/** Inserts an account (a buyer account when `organizationId` is null) and returns it as a status viewer. */
export async function insertUser(
  db: Database,
  { organizationId = null, orgRole = null }: { organizationId?: string | null; orgRole?: OrgRole | null } = {},
): Promise<StatusViewer> {
  const email = `${randomUUID()}@example.test`;
  const [row] = await db
    .insert(users)
    .values({ email, name: email, passwordHash: 'not-a-real-hash', organizationId, orgRole })
    .returning({ id: users.id });
  return { id: row!.id, organizationId, orgRole };
}

/** Inserts a deal of `organizationId` created by `createdBy`, who becomes its seller; returns its id. */
export async function insertDeal(
  db: Database,
  { organizationId, createdBy, title = 'Laptops' }: { organizationId: string; createdBy: string; title?: string },
): Promise<string> {
  const [row] = await db
    .insert(deals)
    .values({ organizationId, createdBy, title, buyer: 'Acme' })
    .returning({ id: deals.id });
  await db.insert(dealMembers).values({ dealId: row!.id, userId: createdBy, role: 'seller' });
  return row!.id;
}

/** Adds `userId` to a deal with `role` (`seller` | `mobilizer`). */
export async function addMember(db: Database, dealId: string, userId: string, role: string): Promise<void> {
  await db.insert(dealMembers).values({ dealId, userId, role });
}
