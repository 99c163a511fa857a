import { type Database, dealMembers, deals } from '@quorum/db';
import { eq } from 'drizzle-orm';
import type { DealAudience } from './status-bus.ts';
import type { StatusViewer, StatusViewKind } from './status-types.ts';

/**
 * The view of a deal's status `viewer` may see (DESIGN.md sections 3 and 5): sellers on the deal and
 * managers of its organization get the full status, a Mobilizer the shared view, anyone else nothing.
 */
export function statusViewFor(viewer: StatusViewer, audience: DealAudience): StatusViewKind | null {
  if (viewer.orgRole === 'manager' && viewer.organizationId === audience.organizationId) return 'full';
  const membership = audience.members.find((member) => member.userId === viewer.id);
  return membershipView(membership?.role);
}

/** The status view a deal role gives: `seller` full, `mobilizer` shared, anything else none. */
export function membershipView(role: string | null | undefined): StatusViewKind | null {
  if (role === 'seller') return 'full';
  if (role === 'mobilizer') return 'shared';
  return null;
}

/** Loads who may see a deal's status; null when the deal does not exist. */
export async function loadAudience(db: Database, dealId: string): Promise<DealAudience | null> {
  const [deal] = await db
    .select({ organizationId: deals.organizationId })
    .from(deals)
    .where(eq(deals.id, dealId))
    .limit(1);
  if (!deal) return null;
  const members = await db
    .select({ userId: dealMembers.userId, role: dealMembers.role })
    .from(dealMembers)
    .where(eq(dealMembers.dealId, dealId));
  return { organizationId: deal.organizationId, members };
}
