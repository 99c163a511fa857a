import { apiTokens, type Database, sessions } from '@quorum/db';
import { and, gt, inArray } from 'drizzle-orm';

/** How many session ids one re-check query asks about. */
const BATCH = 500;

/**
 * Of the given session ids, those that are still valid (stored and not expired), counting the hashes of API tokens
 * that still exist (a script's socket is registered under its token's hash). Two queries per 500 ids; no side
 * effect (unlike validating a session, it never extends one). Rejects when the database cannot be read.
 */
export async function liveSessionIds(db: Database, ids: readonly string[], now: Date): Promise<Set<string>> {
  const live = new Set<string>();
  for (let i = 0; i < ids.length; i += BATCH) {
    const rows = await db
      .select({ id: sessions.id })
      .from(sessions)
      .where(and(inArray(sessions.id, ids.slice(i, i + BATCH)), gt(sessions.expiresAt, now)));
    for (const row of rows) live.add(row.id);
    const tokens = await db
      .select({ id: apiTokens.tokenHash })
      .from(apiTokens)
      .where(inArray(apiTokens.tokenHash, ids.slice(i, i + BATCH)));
    for (const row of tokens) live.add(row.id);
  }
  return live;
}
