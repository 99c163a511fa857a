import { activityQuery, dealIdParams } from '@quorum/api-schema';
import type { AuthUser } from '@quorum/auth';
import type { Database } from '@quorum/db';
import { Hono } from 'hono';
import { requireUser } from '../auth/index.ts';
import { readableSides } from '../comments/side-access.ts';
import type { AppEnv } from '../context.ts';
import { findVisibleDeal, type VisibleDeal } from '../deals/deal-access.ts';
import { ApiError } from '../errors/index.ts';
import { pathParams, queryParams } from '../openapi/index.ts';
import { countActivitySince, lastVisit, listActivity, listCommitments, recordVisit } from './activity-store.ts';
import { activityDocs } from './docs.ts';

const noDeal = 'There is no deal room here, or you do not have access to it.';

async function visibleDeal(db: Database, user: AuthUser, dealId: string): Promise<VisibleDeal> {
  const visible = await findVisibleDeal(db, user, dealId);
  if (!visible) throw ApiError.notFound(noDeal);
  return visible;
}

/**
 * The activity routes (issue 13), to mount under `/api`: a deal's feed on the sides the caller may read, their visits
 * ("since your last visit"), and the commitments log.
 */
export function activityRoutes({ db, sameVisitMs }: { db: Database; sameVisitMs?: number }) {
  return new Hono<AppEnv>()
    .get(
      '/deals/:id/activity',
      activityDocs.feed,
      pathParams(dealIdParams, { notFound: noDeal }),
      queryParams(activityQuery),
      async (c) => {
        const user = requireUser(c);
        const { deal, role } = await visibleDeal(db, user, c.req.valid('param').id);
        const { since, limit } = c.req.valid('query');
        const sides = readableSides(role);
        const previous = await lastVisit(db, user.id, deal.id);
        const [items, sinceLastVisit] = await Promise.all([
          listActivity(db, { dealId: deal.id, sides, since: since ? new Date(since) : undefined, limit }),
          previous ? countActivitySince(db, { dealId: deal.id, sides, since: previous, userId: user.id }) : 0,
        ]);
        return c.json({ items, lastVisitAt: previous?.toISOString() ?? null, sinceLastVisit });
      },
    )
    .post('/deals/:id/visit', activityDocs.visit, pathParams(dealIdParams, { notFound: noDeal }), async (c) => {
      const user = requireUser(c);
      const { deal } = await visibleDeal(db, user, c.req.valid('param').id);
      const visit = await recordVisit(db, user.id, deal.id, { sameVisitMs });
      return c.json({
        visitedAt: visit.visitedAt.toISOString(),
        lastVisitAt: visit.lastVisitAt?.toISOString() ?? null,
      });
    })
    .get(
      '/deals/:id/commitments',
      activityDocs.commitments,
      pathParams(dealIdParams, { notFound: noDeal }),
      async (c) => {
        const { deal } = await visibleDeal(db, requireUser(c), c.req.valid('param').id);
        return c.json({ commitments: await listCommitments(db, deal.id) });
      },
    );
}
