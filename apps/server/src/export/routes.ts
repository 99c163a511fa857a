import { dealIdParams, exportCsvQuery, importCsvQuery } from '@quorum/api-schema';
import type { Database } from '@quorum/db';
import { Hono } from 'hono';
import { requireUser } from '../auth/index.ts';
import type { AppEnv } from '../context.ts';
import { createDeal, findVisibleDeal } from '../deals/index.ts';
import { ApiError } from '../errors/index.ts';
import type { OpenSharedDoc } from '../guides/open-shared-doc.ts';
import { pathParams, queryParams } from '../openapi/index.ts';
import { exportDocs } from './docs.ts';
import { exportCsv, exportDeal } from './export-deal.ts';
import { readImportBody } from './import-body.ts';
import { mergeImport, planNewDealImport } from './import-deal.ts';

const noDeal = 'There is no deal room here, or you do not have access to it.';

/** Options of {@link exportRoutes}. */
export interface ExportRoutesOptions {
  db: Database;
  /** Opens a room's document through the sync engine (`engine.openDoc`). */
  openDoc: OpenSharedDoc;
}

/**
 * Export and import of deals (DESIGN.md 7e): `GET /deals/:id/export`, `GET /deals/:id/export.csv?of=…`,
 * `POST /deals/import` and `POST /deals/:id/import`. Import bodies may be larger than other requests (the app's
 * import limit, 2 MiB by default).
 */
export function exportRoutes({ db, openDoc }: ExportRoutesOptions) {
  const dealId = pathParams(dealIdParams, { notFound: noDeal });
  return new Hono<AppEnv>()
    .post('/deals/import', exportDocs.importNew, queryParams(importCsvQuery), async (c) => {
      const user = requireUser(c);
      const plan = planNewDealImport(await readImportBody(c), c.req.valid('query'));
      const deal = await createDeal(db, user, plan.documents);
      return c.json({ id: deal.id, ...plan.counts }, 201);
    })
    .get('/deals/:id/export', exportDocs.json, dealId, async (c) => {
      const visible = await findVisibleDeal(db, requireUser(c), c.req.valid('param').id);
      if (!visible) throw ApiError.notFound(noDeal);
      return c.json(await exportDeal(openDoc, visible.deal, visible.role));
    })
    .get('/deals/:id/export.csv', exportDocs.csv, dealId, queryParams(exportCsvQuery), async (c) => {
      const visible = await findVisibleDeal(db, requireUser(c), c.req.valid('param').id);
      if (!visible) throw ApiError.notFound(noDeal);
      const { of } = c.req.valid('query');
      const csv = await exportCsv(openDoc, visible.deal.id, of);
      return c.body(csv, 200, {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="${of}-${visible.deal.id}.csv"`,
      });
    })
    .post('/deals/:id/import', exportDocs.importInto, dealId, async (c) => {
      const visible = await findVisibleDeal(db, requireUser(c), c.req.valid('param').id);
      if (!visible) throw ApiError.notFound(noDeal);
      if (visible.role !== 'seller') {
        throw ApiError.forbidden('sellers_only', 'Only the deal’s sellers can import into it.');
      }
      return c.json({ id: visible.deal.id, ...(await mergeImport(openDoc, visible.deal.id, await readImportBody(c))) });
    });
}
