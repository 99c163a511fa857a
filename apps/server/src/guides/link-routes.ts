import { createGuideLinkBody, dealIdParams, guideLinkIdParams, stakeholderGuideParams } from '@quorum/api-schema';
import type { Database } from '@quorum/db';
import { type Context, Hono } from 'hono';
import { requireUser } from '../auth/index.ts';
import type { AppEnv } from '../context.ts';
import { ApiError } from '../errors/index.ts';
import { jsonBody, pathParams } from '../openapi/index.ts';
import { guideLinkAccess, requireManage } from './deal-access.ts';
import { guideDocs } from './docs.ts';
import { createGuideLink, findGuideLink, type GuideLinkTarget, listGuideLinks, revokeGuideLink } from './link-store.ts';
import type { OpenSharedDoc } from './open-shared-doc.ts';
import { readSharedDoc } from './open-shared-doc.ts';

/** Options of {@link guideLinkRoutes}. */
export interface GuideLinkRoutesOptions {
  db: Database;
  /** Opens a room's document for a server-side read (`engine.openDoc`). */
  openDoc: OpenSharedDoc;
  /** Origin the links are built on (`https://quorum.example.com`); by default the request's own origin. */
  publicOrigin?: string;
  /** Longest expiry a link may be given, in days. */
  maxExpiryDays?: number;
  now?: () => Date;
}

/**
 * The guide link API, to mount under `/api` (DESIGN.md section 5b):
 * - `POST /deals/:id/guides/:stakeholderId/links {expiresInDays?}` → 201 `{id, url, expiresAt}`
 * - `POST /deals/:id/objection-guide/links {expiresInDays?}` → 201 `{id, url, expiresAt}`
 * - `GET /deals/:id/links` → `{links}`: every link of the deal with its views
 * - `DELETE /guide-links/:id` → `{id, state: 'revoked', revokedAt}`
 *
 * Sellers and Mobilizers on the deal create, list and revoke; the organization's managers list only.
 */
export function guideLinkRoutes({
  db,
  openDoc,
  publicOrigin,
  maxExpiryDays = 365,
  now = () => new Date(),
}: GuideLinkRoutesOptions): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  const body = jsonBody(createGuideLinkBody({ maxDays: maxExpiryDays }));
  const noDeal = pathParams(dealIdParams, { notFound: 'No such deal.' });

  async function create(c: Context<AppEnv>, dealId: string, target: GuideLinkTarget, days: number | undefined) {
    const user = requireUser(c);
    requireManage(await guideLinkAccess(db, user, dealId));
    if (target.kind === 'stakeholder') {
      const exists = await readSharedDoc(openDoc, dealId, (doc) =>
        doc.getMap('stakeholders').has(target.stakeholderId),
      );
      if (!exists) throw ApiError.notFound('This stakeholder is not on the deal’s map (any more).');
    }
    const { link, token } = await createGuideLink(db, {
      dealId,
      target,
      createdBy: user.id,
      expiresInDays: days,
      now: now(),
    });
    const origin = publicOrigin ?? new URL(c.req.url).origin;
    return c.json({ id: link.id, url: `${origin}/g/${token}`, expiresAt: link.expiresAt?.toISOString() ?? null }, 201);
  }

  app.post(
    '/deals/:id/guides/:stakeholderId/links',
    guideDocs.createStakeholderLink,
    pathParams(stakeholderGuideParams, { notFound: 'No such deal.' }),
    body,
    (c) => {
      const { id, stakeholderId } = c.req.valid('param');
      return create(c, id, { kind: 'stakeholder', stakeholderId }, c.req.valid('json').expiresInDays ?? undefined);
    },
  );

  app.post('/deals/:id/objection-guide/links', guideDocs.createObjectionLink, noDeal, body, (c) =>
    create(c, c.req.valid('param').id, { kind: 'objections' }, c.req.valid('json').expiresInDays ?? undefined),
  );

  app.get('/deals/:id/links', guideDocs.list, noDeal, async (c) => {
    const user = requireUser(c);
    const dealId = c.req.valid('param').id;
    await guideLinkAccess(db, user, dealId);
    return c.json({ links: await listGuideLinks(db, dealId, { now: now() }) });
  });

  app.delete(
    '/guide-links/:id',
    guideDocs.revoke,
    pathParams(guideLinkIdParams, { notFound: 'No such guide link.' }),
    async (c) => {
      const user = requireUser(c);
      const { id } = c.req.valid('param');
      const notFound = ApiError.notFound('No such guide link.');
      const link = await findGuideLink(db, id);
      if (!link) throw notFound;
      const access = await guideLinkAccess(db, user, link.dealId).catch((error: unknown) => {
        throw error instanceof ApiError && error.status === 404 ? notFound : error;
      });
      requireManage(access);
      const revoked = await revokeGuideLink(db, id, now());
      return c.json({ id, state: 'revoked', revokedAt: revoked?.revokedAt?.toISOString() ?? null });
    },
  );

  return app;
}
