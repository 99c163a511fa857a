import { generateToken, hashPassword, hashToken } from '@quorum/auth';
import { type Database, passwordResets, users } from '@quorum/db';
import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import { ApiError } from '../errors/index.ts';

/** How long a reset link works. */
export const PASSWORD_RESET_LIFETIME_MS = 60 * 60 * 1000;

/** A reset link just created for an account: the secret token (only its hash is stored) and who it is for. */
export interface CreatedReset {
  token: string;
  userId: string;
  email: string;
  expiresAt: Date;
}

/**
 * Creates a single-use reset token for the account with this email (compared case-insensitively), valid for an
 * hour; null when there is no such account (the caller answers the same either way).
 */
export async function createPasswordReset(db: Database, email: string, now = new Date()): Promise<CreatedReset | null> {
  const [user] = await db
    .select({ id: users.id, email: users.email })
    .from(users)
    .where(sql`lower(${users.email}) = ${email.toLowerCase()}`);
  if (!user) return null;
  const token = generateToken();
  const expiresAt = new Date(now.getTime() + PASSWORD_RESET_LIFETIME_MS);
  await db.insert(passwordResets).values({ tokenHash: hashToken(token), userId: user.id, createdAt: now, expiresAt });
  return { token, userId: user.id, email: user.email, expiresAt };
}

/**
 * Sets a new password with a reset token: once, within its hour (404 `reset_invalid` for an unknown, used or expired
 * link, alike). Every reset link of the account is used up with it. Returns the account's id: the caller invalidates
 * its sessions.
 */
export async function resetPassword(db: Database, token: string, password: string, now = new Date()): Promise<string> {
  const passwordHash = await hashPassword(password);
  return db.transaction(async (tx) => {
    const [reset] = await tx
      .update(passwordResets)
      .set({ usedAt: now })
      .where(
        and(
          eq(passwordResets.tokenHash, hashToken(token)),
          isNull(passwordResets.usedAt),
          gt(passwordResets.expiresAt, now),
        ),
      )
      .returning({ userId: passwordResets.userId });
    if (!reset) {
      throw new ApiError(
        404,
        'reset_invalid',
        'This reset link is not valid any more: it was used, it expired, or it was not copied whole. Ask for a new one.',
      );
    }
    await tx.update(users).set({ passwordHash }).where(eq(users.id, reset.userId));
    await tx
      .update(passwordResets)
      .set({ usedAt: now })
      .where(and(eq(passwordResets.userId, reset.userId), isNull(passwordResets.usedAt)));
    return reset.userId;
  });
}
