import type { Member } from '@quorum/api-schema';
import type { AuthUser } from '@quorum/auth';
import { type Database, dealMembers, users } from '@quorum/db';
import { and, asc, eq, sql } from 'drizzle-orm';
import type { VisibleDeal } from '../deals/deal-access.ts';
import { ApiError } from '../errors/index.ts';

/** The people on a deal, sellers first, then by name. */
export async function listMembers(db: Database, dealId: string): Promise<Member[]> {
  const rows = await db
    .select({ userId: users.id, name: users.name, email: users.email, role: dealMembers.role })
    .from(dealMembers)
    .innerJoin(users, eq(users.id, dealMembers.userId))
    .where(eq(dealMembers.dealId, dealId))
    .orderBy(sql`case when ${dealMembers.role} = 'seller' then 0 else 1 end`, asc(users.name), asc(users.id));
  return rows.flatMap((row) =>
    row.role === 'seller' || row.role === 'mobilizer' ? [{ ...row, role: row.role as Member['role'] }] : [],
  );
}

/**
 * Removes `userId` from a deal: sellers of the deal remove anyone, anyone else on it (a Mobilizer) only themselves
 * (leaving). Refuses to remove the deal's last seller (409 `last_seller`: the deal would be left without an owner),
 * and answers 404 for someone who is not on the deal. The membership row is locked with the deal's sellers so two
 * sellers leaving at once cannot both succeed.
 */
export async function removeMember(
  db: Database,
  caller: AuthUser,
  visible: VisibleDeal,
  userId: string,
): Promise<{ role: Member['role'] }> {
  const self = caller.id === userId;
  if (!self && visible.role !== 'seller') {
    throw ApiError.forbidden('not_a_seller', 'Only the sellers on this deal can remove people from it.');
  }
  const dealId = visible.deal.id;
  return db.transaction(async (tx) => {
    const sellers = await tx
      .select({ userId: dealMembers.userId })
      .from(dealMembers)
      .where(and(eq(dealMembers.dealId, dealId), eq(dealMembers.role, 'seller')))
      .for('update');
    const [target] = await tx
      .select({ role: dealMembers.role })
      .from(dealMembers)
      .where(and(eq(dealMembers.dealId, dealId), eq(dealMembers.userId, userId)))
      .for('update');
    if (!target) throw ApiError.notFound('That person is not on this deal.');
    if (target.role === 'seller' && sellers.length <= 1) {
      throw new ApiError(
        409,
        'last_seller',
        'This is the deal’s last seller. Invite another seller first, or archive the deal instead.',
      );
    }
    await tx.delete(dealMembers).where(and(eq(dealMembers.dealId, dealId), eq(dealMembers.userId, userId)));
    return { role: target.role as Member['role'] };
  });
}
