import type { GuideLinkState, GuideLinkSummary, GuideLinkTarget } from '@quorum/api-schema';
import { type Database, guideLinks, guideLinkViews } from '@quorum/db';
import { and, count, desc, eq, inArray, isNull, max } from 'drizzle-orm';
import { createLinkToken, hashLinkToken } from './link-token.ts';

export type { GuideLinkState, GuideLinkSummary, GuideLinkTarget, GuideLinkView } from '@quorum/api-schema';

/** A guide link as stored (its token is never stored, only the token's hash). */
export type GuideLinkRow = typeof guideLinks.$inferSelect;

/** The state of a link at `now`: revocation wins over expiry. */
export function linkState(link: Pick<GuideLinkRow, 'revokedAt' | 'expiresAt'>, now: Date): GuideLinkState {
  if (link.revokedAt) return 'revoked';
  if (link.expiresAt && link.expiresAt.getTime() <= now.getTime()) return 'expired';
  return 'active';
}

/** Options of {@link createGuideLink}. */
export interface CreateGuideLinkInput {
  dealId: string;
  target: GuideLinkTarget;
  createdBy: string;
  /** Days until the link stops working; none for a link that lasts until revoked. */
  expiresInDays?: number;
  now?: Date;
}

/** Stores a new link and returns it with its token: the only moment the token exists outside the link itself. */
export async function createGuideLink(
  db: Database,
  { dealId, target, createdBy, expiresInDays, now = new Date() }: CreateGuideLinkInput,
): Promise<{ link: GuideLinkRow; token: string }> {
  const { token, hash } = createLinkToken();
  const expiresAt = expiresInDays === undefined ? null : new Date(now.getTime() + expiresInDays * 86_400_000);
  const [link] = await db
    .insert(guideLinks)
    .values({
      dealId,
      kind: target.kind,
      stakeholderId: target.kind === 'stakeholder' ? target.stakeholderId : null,
      tokenHash: hash,
      createdBy,
      createdAt: now,
      expiresAt,
    })
    .returning();
  if (!link) throw new Error('inserting a guide link returned no row');
  return { link, token };
}

/** The link a token opens, whatever its state, or `undefined` when no link has that token. */
export async function findGuideLinkByToken(db: Database, token: string): Promise<GuideLinkRow | undefined> {
  const [link] = await db
    .select()
    .from(guideLinks)
    .where(eq(guideLinks.tokenHash, hashLinkToken(token)))
    .limit(1);
  return link;
}

/** The link with this id, or `undefined`. */
export async function findGuideLink(db: Database, id: string): Promise<GuideLinkRow | undefined> {
  const [link] = await db.select().from(guideLinks).where(eq(guideLinks.id, id)).limit(1);
  return link;
}

/** Revokes a link at once; revoking it again keeps the first revocation time. */
export async function revokeGuideLink(db: Database, id: string, now = new Date()): Promise<GuideLinkRow | undefined> {
  await db
    .update(guideLinks)
    .set({ revokedAt: now })
    .where(and(eq(guideLinks.id, id), isNull(guideLinks.revokedAt)));
  return findGuideLink(db, id);
}

/**
 * Logs one view of a link; `first` says no view was logged before it (two first views at the same moment may both
 * say so: whoever reacts to a first view dedupes).
 */
export async function recordGuideLinkView(
  db: Database,
  linkId: string,
  clientHint: string,
  now = new Date(),
): Promise<{ first: boolean }> {
  const [earlier] = await db
    .select({ linkId: guideLinkViews.linkId })
    .from(guideLinkViews)
    .where(eq(guideLinkViews.linkId, linkId))
    .limit(1);
  await db.insert(guideLinkViews).values({ linkId, clientHint, viewedAt: now });
  return { first: !earlier };
}

/** Every link of a deal, newest first, with its view count, last view and most recent views. */
export async function listGuideLinks(
  db: Database,
  dealId: string,
  { now = new Date(), recentViews = 10 }: { now?: Date; recentViews?: number } = {},
): Promise<GuideLinkSummary[]> {
  const links = await db
    .select()
    .from(guideLinks)
    .where(eq(guideLinks.dealId, dealId))
    .orderBy(desc(guideLinks.createdAt), desc(guideLinks.id));
  if (links.length === 0) return [];
  const ids = links.map((link) => link.id);
  const totals = await db
    .select({ linkId: guideLinkViews.linkId, views: count(), last: max(guideLinkViews.viewedAt) })
    .from(guideLinkViews)
    .where(inArray(guideLinkViews.linkId, ids))
    .groupBy(guideLinkViews.linkId);
  const recent = await db
    .select({ linkId: guideLinkViews.linkId, viewedAt: guideLinkViews.viewedAt, clientHint: guideLinkViews.clientHint })
    .from(guideLinkViews)
    .where(inArray(guideLinkViews.linkId, ids))
    .orderBy(desc(guideLinkViews.viewedAt), desc(guideLinkViews.id))
    .limit(recentViews * ids.length);
  const byLink = new Map(totals.map((row) => [row.linkId, row]));
  return links.map((link) => {
    const total = byLink.get(link.id);
    const last = total?.last ? new Date(total.last) : null;
    return {
      id: link.id,
      kind: link.kind === 'objections' ? 'objections' : 'stakeholder',
      stakeholderId: link.stakeholderId,
      state: linkState(link, now),
      createdAt: link.createdAt.toISOString(),
      createdBy: link.createdBy,
      expiresAt: link.expiresAt?.toISOString() ?? null,
      revokedAt: link.revokedAt?.toISOString() ?? null,
      viewCount: Number(total?.views ?? 0),
      lastViewedAt: last ? last.toISOString() : null,
      recentViews: recent
        .filter((view) => view.linkId === link.id)
        .slice(0, recentViews)
        .map((view) => ({ viewedAt: view.viewedAt.toISOString(), clientHint: view.clientHint })),
    };
  });
}
