import { type Database, guideLinkAnswers, guideLinks, guideLinkViews } from '@quorum/db';
import { and, count, eq, inArray, max } from 'drizzle-orm';
import { linkState } from '../guides/link-store.ts';

/** How one stakeholder of the buying group has engaged through their guide links (DESIGN.md 7a). */
export interface StakeholderEngagement {
  id: string;
  name: string;
  /** Their guide links that still open (not revoked, not expired). */
  links: number;
  views: number;
  lastViewedAt: string | null;
  answers: number;
  lastAnswerAt: string | null;
}

/**
 * Engagement of every mapped stakeholder, in the order given: their active links, every logged view and every
 * answer through any of their links (revoked ones included: what happened stays counted).
 */
export async function readEngagement(
  db: Database,
  dealId: string,
  stakeholders: ReadonlyArray<{ id: string; name: string }>,
  now = new Date(),
): Promise<StakeholderEngagement[]> {
  const links = await db
    .select({
      id: guideLinks.id,
      stakeholderId: guideLinks.stakeholderId,
      revokedAt: guideLinks.revokedAt,
      expiresAt: guideLinks.expiresAt,
    })
    .from(guideLinks)
    .where(and(eq(guideLinks.dealId, dealId), eq(guideLinks.kind, 'stakeholder')));
  const ids = links.map((link) => link.id);
  const views =
    ids.length === 0
      ? []
      : await db
          .select({ linkId: guideLinkViews.linkId, n: count(), last: max(guideLinkViews.viewedAt) })
          .from(guideLinkViews)
          .where(inArray(guideLinkViews.linkId, ids))
          .groupBy(guideLinkViews.linkId);
  const answers =
    ids.length === 0
      ? []
      : await db
          .select({ linkId: guideLinkAnswers.linkId, n: count(), last: max(guideLinkAnswers.answeredAt) })
          .from(guideLinkAnswers)
          .where(inArray(guideLinkAnswers.linkId, ids))
          .groupBy(guideLinkAnswers.linkId);
  const viewsByLink = new Map(views.map((row) => [row.linkId, row]));
  const answersByLink = new Map(answers.map((row) => [row.linkId, row]));
  return stakeholders.map(({ id, name }) => {
    const own = links.filter((link) => link.stakeholderId === id);
    let viewCount = 0;
    let answerCount = 0;
    let lastViewed: Date | null = null;
    let lastAnswer: Date | null = null;
    for (const link of own) {
      const v = viewsByLink.get(link.id);
      const a = answersByLink.get(link.id);
      viewCount += Number(v?.n ?? 0);
      answerCount += Number(a?.n ?? 0);
      lastViewed = latest(lastViewed, v?.last);
      lastAnswer = latest(lastAnswer, a?.last);
    }
    return {
      id,
      name,
      links: own.filter((link) => linkState(link, now) === 'active').length,
      views: viewCount,
      lastViewedAt: lastViewed?.toISOString() ?? null,
      answers: answerCount,
      lastAnswerAt: lastAnswer?.toISOString() ?? null,
    };
  });
}

function latest(current: Date | null, candidate: Date | string | null | undefined): Date | null {
  if (!candidate) return current;
  const date = new Date(candidate);
  return !current || date > current ? date : current;
}

/** Logs one answer given through a guide link. */
export async function recordAnswer(db: Database, linkId: string, now = new Date()): Promise<void> {
  await db.insert(guideLinkAnswers).values({ linkId, answeredAt: now });
}
