import { type DealRole, dealRole, type MembershipRole } from '@quorum/auth';
import { type Database, dealMembers, deals } from '@quorum/db';
import { eq } from 'drizzle-orm';
import type { DealAudience } from './status-bus.ts';
import type { StatusViewer, StatusViewKind } from './status-types.ts';

/** The status view a deal role gets: sellers and managers the full status, a Mobilizer the shared view. */
export function statusViewOfRole(role: DealRole | null): StatusViewKind | null {
  if (role === 'seller' || role === 'manager') return 'full';
  if (role === 'mobilizer') return 'shared';
  return null;
}

/**
 * The view of a deal's status `viewer` may see, by the access rules of `@quorum/auth` (DESIGN.md
 * section 5): sellers on the deal and managers of its organization get the full status, a Mobilizer the
 * shared view, anyone else nothing.
 */
export function statusViewFor(viewer: StatusViewer, audience: DealAudience): StatusViewKind | null {
  const member = audience.members.find((m) => m.userId === viewer.id);
  return viewOf(viewer, audience.organizationId, member?.role ?? null);
}

/** {@link statusViewFor} from a deal's organization and the viewer's `deal_members` role. */
export function viewOf(viewer: StatusViewer, organizationId: string, role: string | null): StatusViewKind | null {
  const membership = role === 'seller' || role === 'mobilizer' ? { role: role as MembershipRole } : null;
  return statusViewOfRole(dealRole({ user: viewer, deal: { id: '', organizationId }, membership }));
}

/** Loads who may see a deal's status; null when the deal does not exist. */
export async function loadAudience(db: Database, dealId: string): Promise<DealAudience | null> {
  const [deal] = await db
    .select({ organizationId: deals.organizationId, state: deals.state })
    .from(deals)
    .where(eq(deals.id, dealId))
    .limit(1);
  if (!deal) return null;
  const members = await db
    .select({ userId: dealMembers.userId, role: dealMembers.role })
    .from(dealMembers)
    .where(eq(dealMembers.dealId, dealId));
  return { organizationId: deal.organizationId, state: deal.state, members };
}
