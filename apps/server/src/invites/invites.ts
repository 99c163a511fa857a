import { type AuthUser, generateToken, hashToken } from '@quorum/auth';
import { type Database, dealMembers, deals, invites, users } from '@quorum/db';
import { and, eq, gt, isNull } from 'drizzle-orm';
import type { VisibleDeal } from '../deals/deal-access.ts';
import { ApiError } from '../errors/index.ts';
import { maskEmail } from './mask-email.ts';

/** Roles an invite can grant. */
export type InviteRole = 'mobilizer' | 'seller';

/** How long an invite link stays valid. */
export const INVITE_LIFETIME_MS = 7 * 24 * 3600 * 1000;

/** A freshly created invite: the secret token (never stored) and when it expires. */
export interface CreatedInvite {
  id: string;
  token: string;
  expiresAt: Date;
}

/**
 * Creates a single-use invite link to a deal; only the deal's sellers may invite (403 otherwise).
 * The token is 160 random bits; only its SHA-256 is stored.
 */
export async function createInvite(
  db: Database,
  user: AuthUser,
  visible: VisibleDeal,
  { email, role, now = new Date() }: { email: string; role: InviteRole; now?: Date },
): Promise<CreatedInvite> {
  if (visible.role !== 'seller') {
    throw ApiError.forbidden('not_a_seller', 'Only the sellers on this deal can invite people to it.');
  }
  const token = generateToken();
  const expiresAt = new Date(now.getTime() + INVITE_LIFETIME_MS);
  const [row] = await db
    .insert(invites)
    .values({ dealId: visible.deal.id, tokenHash: hashToken(token), email, role, createdBy: user.id, expiresAt })
    .returning({ id: invites.id });
  return { id: row!.id, token, expiresAt };
}

/**
 * What the public invite page may show: nothing beyond the deal's title, the inviter, the role and the
 * invited address, masked.
 */
export interface InvitePreview {
  dealTitle: string;
  inviterName: string;
  role: InviteRole;
  /** The address the invite was sent to, masked (`a***@x.com`): only an account with it can accept. */
  email: string;
  expiresAt: string;
  expired: boolean;
  used: boolean;
}

/** The preview of an invite link, or 404 for an unknown token. */
export async function previewInvite(db: Database, token: string, now = new Date()): Promise<InvitePreview> {
  const [row] = await db
    .select({
      dealTitle: deals.title,
      inviterName: users.name,
      role: invites.role,
      email: invites.email,
      expiresAt: invites.expiresAt,
      acceptedAt: invites.acceptedAt,
    })
    .from(invites)
    .innerJoin(deals, eq(deals.id, invites.dealId))
    .innerJoin(users, eq(users.id, invites.createdBy))
    .where(eq(invites.tokenHash, hashToken(token)));
  if (!row) throw unknownInvite();
  return {
    dealTitle: row.dealTitle,
    inviterName: row.inviterName,
    role: row.role as InviteRole,
    email: maskEmail(row.email),
    expiresAt: row.expiresAt.toISOString(),
    expired: row.expiresAt.getTime() <= now.getTime(),
    used: row.acceptedAt !== null,
  };
}

/**
 * Accepts an invite for the logged-in user, once, and only when the account's email is the one the
 * invite was sent to (case-insensitively; 403 `invite_email_mismatch` otherwise, naming the masked
 * address, and the invite stays usable). A mobilizer invite adds the user to the deal as its
 * buyer-side mobilizer (refused for accounts of the deal's own organization, who would otherwise read
 * the buyer's private room). A seller invite makes an account without an organization a member of the
 * deal's organization; an account of another organization is refused (403).
 */
export async function acceptInvite(
  db: Database,
  user: AuthUser,
  token: string,
  now = new Date(),
): Promise<{ dealId: string; role: InviteRole }> {
  return db.transaction(async (tx) => {
    const [invite] = await tx
      .select({
        id: invites.id,
        dealId: invites.dealId,
        role: invites.role,
        email: invites.email,
        expiresAt: invites.expiresAt,
        acceptedAt: invites.acceptedAt,
        organizationId: deals.organizationId,
      })
      .from(invites)
      .innerJoin(deals, eq(deals.id, invites.dealId))
      .where(eq(invites.tokenHash, hashToken(token)))
      .for('update', { of: invites });
    if (!invite) throw unknownInvite();
    if (invite.acceptedAt) {
      throw new ApiError(409, 'invite_used', 'This invite link has already been used. Ask for a new one.');
    }
    if (invite.expiresAt.getTime() <= now.getTime()) {
      throw new ApiError(410, 'invite_expired', 'This invite link has expired. Ask for a new one.');
    }
    if (invite.email.toLowerCase() !== user.email.toLowerCase()) {
      throw ApiError.forbidden(
        'invite_email_mismatch',
        `This invite was sent to ${maskEmail(invite.email)}; sign in with that address to accept it.`,
      );
    }
    const role = invite.role as InviteRole;
    const [member] = await tx
      .select({ role: dealMembers.role })
      .from(dealMembers)
      .where(and(eq(dealMembers.dealId, invite.dealId), eq(dealMembers.userId, user.id)));
    if (member) {
      throw new ApiError(409, 'already_member', `You are already on this deal as its ${member.role}.`);
    }
    const [fresh] = await tx.select({ organizationId: users.organizationId }).from(users).where(eq(users.id, user.id));
    const userOrg = fresh?.organizationId ?? null;

    if (role === 'seller') {
      if (userOrg && userOrg !== invite.organizationId) {
        throw ApiError.forbidden(
          'other_organization',
          'Your account belongs to another organization, so it cannot join this one as a seller.',
        );
      }
      if (!userOrg) {
        await tx
          .update(users)
          .set({ organizationId: invite.organizationId, orgRole: 'member' })
          .where(and(eq(users.id, user.id), isNull(users.organizationId)));
      }
    } else if (userOrg === invite.organizationId) {
      throw ApiError.forbidden(
        'seller_side_account',
        'This invite is for the buyer side; accounts of the selling organization cannot accept it.',
      );
    }

    const used = await tx
      .update(invites)
      .set({ acceptedAt: now, acceptedBy: user.id })
      .where(and(eq(invites.id, invite.id), isNull(invites.acceptedAt), gt(invites.expiresAt, now)))
      .returning({ id: invites.id });
    if (used.length !== 1) {
      throw new ApiError(409, 'invite_used', 'This invite link has already been used. Ask for a new one.');
    }
    await tx.insert(dealMembers).values({ dealId: invite.dealId, userId: user.id, role });
    return { dealId: invite.dealId, role };
  });
}

function unknownInvite(): ApiError {
  return ApiError.notFound('This invite link is not valid. Check that you copied all of it.');
}
