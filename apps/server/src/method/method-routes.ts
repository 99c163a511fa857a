import { dealIdParams, decisionBody } from '@quorum/api-schema';
import type { AuthUser } from '@quorum/auth';
import type { Database } from '@quorum/db';
import { decideGoNoGo, learnFromClosedDeals, readQualification, suggestBuyingGroup } from '@quorum/deal-model';
import { Hono } from 'hono';
import { requireUser } from '../auth/index.ts';
import type { AppEnv } from '../context.ts';
import { findVisibleDeal, type VisibleDeal } from '../deals/deal-access.ts';
import { readStored } from '../documents/index.ts';
import { ApiError } from '../errors/index.ts';
import { type OpenSharedDoc, readSharedDoc } from '../guides/open-shared-doc.ts';
import { jsonBody, pathParams } from '../openapi/index.ts';
import { loadClosedDeals } from './closed-deals.ts';
import { methodDocs } from './docs.ts';

const noDeal = 'No such deal.';

/** Options of {@link methodRoutes}. */
export interface MethodRoutesOptions {
  db: Database;
  /** The sync engine's `openDoc`: every document read or written here goes through the engine. */
  openDoc: OpenSharedDoc;
  now?: () => Date;
}

/**
 * The seller's method on the server (issue 14), to mount under `/api`: `PUT /deals/:id/decision` (managers),
 * `GET /organization/learning` and `GET /deals/:id/suggested-group` (the seller organization only).
 */
export function methodRoutes({ db, openDoc, now = () => new Date() }: MethodRoutesOptions) {
  /** A deal the caller sees from the seller side; a Mobilizer is answered like a stranger. */
  async function sellerSideDeal(user: AuthUser, id: string): Promise<VisibleDeal> {
    const visible = await findVisibleDeal(db, user, id);
    if (!visible || visible.role === 'mobilizer') throw ApiError.notFound(noDeal);
    return visible;
  }

  return new Hono<AppEnv>()
    .put(
      '/deals/:id/decision',
      methodDocs.decision,
      pathParams(dealIdParams, { notFound: noDeal }),
      jsonBody(decisionBody),
      async (c) => {
        const user = requireUser(c);
        const { deal } = await sellerSideDeal(user, c.req.valid('param').id);
        if (user.orgRole !== 'manager' || user.organizationId !== deal.organizationId) {
          throw ApiError.forbidden('managers_only', 'Only a manager of this deal’s organization decides go or no-go.');
        }
        const { value, reason } = c.req.valid('json');
        const opened = await openDoc(`${deal.id}/seller`);
        try {
          decideGoNoGo(opened.doc, { value, reason, by: user.name, at: now().toISOString() });
          // Answered once stored: a crash after this point cannot take the decision back.
          const decision = await readStored([opened], () => readQualification(opened.doc).decision);
          return c.json({ decision });
        } finally {
          opened.release();
        }
      },
    )
    .get('/organization/learning', methodDocs.learning, async (c) => {
      const user = requireUser(c);
      if (!user.organizationId) throw ApiError.notFound('You belong to no seller organization.');
      const closed = await loadClosedDeals(db, openDoc, user.organizationId);
      const counts = { won: 0, lost: 0, noDecision: 0 };
      for (const deal of closed) counts[deal.outcome === 'no-decision' ? 'noDecision' : deal.outcome] += 1;
      return c.json({ ...learnFromClosedDeals(closed), outcomes: counts });
    })
    .get(
      '/deals/:id/suggested-group',
      methodDocs.suggestedGroup,
      pathParams(dealIdParams, { notFound: noDeal }),
      async (c) => {
        const user = requireUser(c);
        const { deal } = await sellerSideDeal(user, c.req.valid('param').id);
        const closed = await loadClosedDeals(db, openDoc, deal.organizationId);
        const learning = learnFromClosedDeals(closed);
        const members = await readSharedDoc(openDoc, deal.id, (doc) => suggestBuyingGroup(closed, doc));
        return c.json({ enough: learning.enough, message: learning.message, members });
      },
    );
}
