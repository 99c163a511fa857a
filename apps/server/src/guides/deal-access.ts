import { type AuthUser, type DealRole, dealRole, isUuid } from '@quorum/auth';
import { type Database, dealMembers, deals } from '@quorum/db';
import { and, eq } from 'drizzle-orm';
import { ApiError } from '../errors/index.ts';

/** What the caller may do with a deal's guide links. */
export type GuideLinkPermission = 'manage' | 'list';

/**
 * The caller's role on a deal and what it allows with guide links: the deal's sellers and Mobilizers
 * create, list and revoke; the organization's managers only list. 404 (never 403) when the caller may
 * not see the deal at all, so that nobody learns which deals exist.
 */
export async function guideLinkAccess(
  db: Database,
  user: AuthUser,
  dealId: string,
): Promise<{ role: DealRole; permission: GuideLinkPermission }> {
  if (!isUuid(dealId)) throw ApiError.notFound('No such deal.');
  const [deal] = await db
    .select({ id: deals.id, organizationId: deals.organizationId })
    .from(deals)
    .where(eq(deals.id, dealId))
    .limit(1);
  if (!deal) throw ApiError.notFound('No such deal.');
  const [membership] = await db
    .select({ role: dealMembers.role })
    .from(dealMembers)
    .where(and(eq(dealMembers.dealId, dealId), eq(dealMembers.userId, user.id)))
    .limit(1);
  const role = dealRole({
    user: { id: user.id, organizationId: user.organizationId, orgRole: user.orgRole },
    deal,
    membership: membership?.role === 'seller' || membership?.role === 'mobilizer' ? { role: membership.role } : null,
  });
  if (!role) throw ApiError.notFound('No such deal.');
  return { role, permission: role === 'manager' ? 'list' : 'manage' };
}

/** Throws 403 unless the caller may create and revoke links on the deal. */
export function requireManage(access: { permission: GuideLinkPermission }): void {
  if (access.permission !== 'manage') {
    throw ApiError.forbidden(
      'read_only',
      'Managers can see a deal’s guide links but only its sellers and Mobilizers can create or revoke them.',
    );
  }
}
