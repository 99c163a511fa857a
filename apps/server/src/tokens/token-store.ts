import { type AuthUser, generateToken, hashToken } from '@quorum/auth';
import { apiTokens, type Database, users } from '@quorum/db';
import { and, desc, eq, isNull, lt, or } from 'drizzle-orm';

/** What every personal API token starts with, so that secret scanners and people recognise one. */
export const API_TOKEN_PREFIX = 'qrm_';

/** How often `last_used_at` is written at most. */
const LAST_USED_EVERY_MS = 60_000;

/** A token as listed (never its secret). */
export interface ApiTokenView {
  id: string;
  name: string;
  createdAt: string;
  lastUsedAt: string | null;
}

/** The user a valid token acts as. */
export interface TokenHolder {
  user: AuthUser;
  tokenId: string;
  /** SHA-256 (hex) of the token: the key its open websockets are registered under. */
  tokenHash: string;
}

const view = (row: { id: string; name: string; createdAt: Date; lastUsedAt: Date | null }): ApiTokenView => ({
  id: row.id,
  name: row.name,
  createdAt: row.createdAt.toISOString(),
  lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
});

/** Creates a token for `userId`; the secret is in the answer only (the database keeps its SHA-256). */
export async function createApiToken(
  db: Database,
  userId: string,
  name: string,
): Promise<ApiTokenView & { token: string }> {
  const token = `${API_TOKEN_PREFIX}${generateToken(32)}`;
  const [row] = await db
    .insert(apiTokens)
    .values({ userId, name, tokenHash: hashToken(token) })
    .returning();
  return { ...view(row!), token };
}

/** The user's tokens, newest first. */
export async function listApiTokens(db: Database, userId: string): Promise<ApiTokenView[]> {
  const rows = await db.select().from(apiTokens).where(eq(apiTokens.userId, userId)).orderBy(desc(apiTokens.createdAt));
  return rows.map(view);
}

/** Deletes one of the user's tokens; returns its hash (to close its sockets), or null when it is not theirs. */
export async function deleteApiToken(db: Database, userId: string, id: string): Promise<string | null> {
  const [row] = await db
    .delete(apiTokens)
    .where(and(eq(apiTokens.id, id), eq(apiTokens.userId, userId)))
    .returning({ tokenHash: apiTokens.tokenHash });
  return row?.tokenHash ?? null;
}

/**
 * The user a token acts as, or null for an unknown (or deleted) token. Marks the token used, at most once a
 * minute (a conditional update, so concurrent requests on several instances write once).
 */
export async function findTokenHolder(db: Database, token: string, now = new Date()): Promise<TokenHolder | null> {
  if (!token.startsWith(API_TOKEN_PREFIX)) return null;
  const tokenHash = hashToken(token);
  const [row] = await db
    .select({
      tokenId: apiTokens.id,
      lastUsedAt: apiTokens.lastUsedAt,
      id: users.id,
      email: users.email,
      name: users.name,
      organizationId: users.organizationId,
      orgRole: users.orgRole,
    })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(eq(apiTokens.tokenHash, tokenHash));
  if (!row) return null;
  const staleBefore = new Date(now.getTime() - LAST_USED_EVERY_MS);
  if (!row.lastUsedAt || row.lastUsedAt < staleBefore) {
    await db
      .update(apiTokens)
      .set({ lastUsedAt: now })
      .where(
        and(eq(apiTokens.id, row.tokenId), or(isNull(apiTokens.lastUsedAt), lt(apiTokens.lastUsedAt, staleBefore))),
      );
  }
  const orgRole = row.orgRole === 'manager' || row.orgRole === 'member' ? row.orgRole : null;
  return {
    user: { id: row.id, email: row.email, name: row.name, organizationId: row.organizationId, orgRole },
    tokenId: row.tokenId,
    tokenHash,
  };
}

/** The token of an `Authorization: Bearer <token>` header, or null when the header is absent or another scheme. */
export function readBearerToken(header: string | null | undefined): string | null {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  return match ? match[1]! : null;
}
