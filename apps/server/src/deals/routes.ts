import { createDealBody, dealIdParams, dealListQuery, updateDealBody } from '@quorum/api-schema';
import type { Database } from '@quorum/db';
import { dealStatus } from '@quorum/db';
import { eq } from 'drizzle-orm';
import { Hono } from 'hono';
import { requireUser } from '../auth/index.ts';
import type { AppEnv } from '../context.ts';
import { ApiError } from '../errors/index.ts';
import { jsonBody, pathParams, queryParams } from '../openapi/index.ts';
import type { StatusBus } from '../status/status-bus.ts';
import { createDeal } from './create-deal.ts';
import { findVisibleDeal } from './deal-access.ts';
import { dealDetailView, dealView } from './deal-view.ts';
import { dealDocs } from './docs.ts';
import { initialDocuments, sampleDocuments } from './initial-documents.ts';
import { listDeals } from './list-deals.ts';
import { publishDealState } from './publish-state.ts';
import { type OpenDealDoc, updateDeal } from './update-deal.ts';

const noDeal = 'There is no deal room here, or you do not have access to it.';

/** Options of {@link dealRoutes}. */
export interface DealRoutesOptions {
  db: Database;
  /** The engine's `openDoc`: a rename is written into the shared document's `meta` (without it, only the row). */
  openDoc?: OpenDealDoc;
  /** The status bus: open dashboards learn of a deal's new state at once. */
  bus?: StatusBus;
  log?: (error: unknown) => void;
}

/** `/api/deals` (list, create, sample) and `/api/deals/:id` (read, change). */
export function dealRoutes({ db, openDoc, bus, log = console.error }: DealRoutesOptions) {
  return new Hono<AppEnv>()
    .get('/deals', dealDocs.list, queryParams(dealListQuery), async (c) =>
      c.json({ deals: await listDeals(db, requireUser(c), { filter: c.req.valid('query').state }) }),
    )
    .post('/deals', dealDocs.create, jsonBody(createDealBody), async (c) => {
      const user = requireUser(c);
      const { title, buyer, templateId } = c.req.valid('json');
      const deal = await createDeal(db, user, (seller) => initialDocuments({ title, buyer, seller }), { templateId });
      return c.json(dealView(deal, 'seller', null), 201);
    })
    .post('/deals/sample', dealDocs.sample, async (c) => {
      const user = requireUser(c);
      const deal = await createDeal(db, user, (seller) => sampleDocuments({ seller }));
      return c.json(dealView(deal, 'seller', null), 201);
    })
    .get('/deals/:id', dealDocs.get, pathParams(dealIdParams, { notFound: noDeal }), async (c) => {
      const user = requireUser(c);
      const visible = await findVisibleDeal(db, user, c.req.valid('param').id);
      if (!visible) throw ApiError.notFound(noDeal);
      const [stored] = await db
        .select({ status: dealStatus.status, sharedStatus: dealStatus.sharedStatus })
        .from(dealStatus)
        .where(eq(dealStatus.dealId, visible.deal.id));
      return c.json(dealDetailView(visible.deal, visible.role, stored ?? null));
    })
    .patch(
      '/deals/:id',
      dealDocs.update,
      pathParams(dealIdParams, { notFound: noDeal }),
      jsonBody(updateDealBody),
      async (c) => {
        const user = requireUser(c);
        const visible = await findVisibleDeal(db, user, c.req.valid('param').id);
        if (!visible) throw ApiError.notFound(noDeal);
        const changes = c.req.valid('json');
        const deal = await updateDeal(db, visible, changes, { openDoc });
        if (bus && changes.state !== undefined && changes.state !== visible.deal.state) {
          await publishDealState(db, bus, deal.id).catch(log);
        }
        const [stored] = await db
          .select({ status: dealStatus.status, sharedStatus: dealStatus.sharedStatus })
          .from(dealStatus)
          .where(eq(dealStatus.dealId, deal.id));
        return c.json(dealDetailView(deal, visible.role, stored ?? null));
      },
    );
}
