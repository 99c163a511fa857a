import { createVersionBody, dealIdParams, versionParams } from '@quorum/api-schema';
import type { Database } from '@quorum/db';
import { Hono } from 'hono';
import { requireUser } from '../auth/index.ts';
import type { AppEnv } from '../context.ts';
import { findVisibleDeal } from '../deals/index.ts';
import { ApiError } from '../errors/index.ts';
import type { OpenSharedDoc } from '../guides/open-shared-doc.ts';
import { jsonBody, pathParams } from '../openapi/index.ts';
import { versionDocs } from './docs.ts';
import { listVersions, readVersion, takeVersion } from './version-store.ts';

const noDeal = 'There is no deal room here, or you do not have access to it.';
const noVersion = 'This deal has no such version, or you do not have access to it.';

/** Options of {@link versionRoutes}. */
export interface VersionRoutesOptions {
  db: Database;
  /** Opens a room's document through the sync engine (`engine.openDoc`). */
  openDoc: OpenSharedDoc;
}

/**
 * Named versions of a deal (issue 13): `POST /deals/:id/versions {name}`, `GET /deals/:id/versions` and
 * `GET /deals/:id/versions/:versionId` (only the documents the caller's side may read).
 */
export function versionRoutes({ db, openDoc }: VersionRoutesOptions) {
  return new Hono<AppEnv>()
    .post(
      '/deals/:id/versions',
      versionDocs.create,
      pathParams(dealIdParams, { notFound: noDeal }),
      jsonBody(createVersionBody),
      async (c) => {
        const user = requireUser(c);
        const visible = await findVisibleDeal(db, user, c.req.valid('param').id);
        if (!visible) throw ApiError.notFound(noDeal);
        if (visible.role === 'manager') {
          throw ApiError.forbidden('read_only', 'You can see this deal but not change it: ask a seller on it.');
        }
        const version = await takeVersion(db, openDoc, {
          dealId: visible.deal.id,
          name: c.req.valid('json').name,
          kind: 'manual',
          createdBy: user.id,
        });
        return c.json(version, 201);
      },
    )
    .get('/deals/:id/versions', versionDocs.list, pathParams(dealIdParams, { notFound: noDeal }), async (c) => {
      const visible = await findVisibleDeal(db, requireUser(c), c.req.valid('param').id);
      if (!visible) throw ApiError.notFound(noDeal);
      return c.json({ versions: await listVersions(db, visible.deal.id) });
    })
    .get(
      '/deals/:id/versions/:versionId',
      versionDocs.read,
      pathParams(versionParams, { notFound: noVersion }),
      async (c) => {
        const { id, versionId } = c.req.valid('param');
        const visible = await findVisibleDeal(db, requireUser(c), id);
        if (!visible) throw ApiError.notFound(noDeal);
        const version = await readVersion(db, visible.deal.id, versionId, visible.role);
        if (!version) throw ApiError.notFound(noVersion);
        return c.json(version);
      },
    );
}
