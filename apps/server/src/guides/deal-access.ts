import type { AuthUser, DealRole } from '@quorum/auth';
import type { Database } from '@quorum/db';
import { findVisibleDeal } from '../deals/deal-access.ts';
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
  const visible = await findVisibleDeal(db, user, dealId);
  if (!visible) throw ApiError.notFound('No such deal.');
  return { role: visible.role, permission: visible.role === 'manager' ? 'list' : 'manage' };
}

/** Throws 403 unless the caller may create and revoke links on the deal. */
export function requireManage(access: { permission: GuideLinkPermission }): void {
  if (access.permission !== 'manage') {
    throw ApiError.forbidden(
      'read_only',
      'Managers can see a deal’s guide links; only its sellers and Mobilizers can create or revoke them.',
    );
  }
}
