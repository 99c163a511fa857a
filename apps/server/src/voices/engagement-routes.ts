import { engagement, engagementParams } from '@quorum/api-schema';
import type { Database } from '@quorum/db';
import { readStakeholders } from '@quorum/deal-model';
import { Hono } from 'hono';
import { requireUser } from '../auth/index.ts';
import type { AppEnv } from '../context.ts';
import { findVisibleDeal } from '../deals/deal-access.ts';
import { ApiError } from '../errors/index.ts';
import { type OpenSharedDoc, readSharedDoc } from '../guides/open-shared-doc.ts';
import { operation, pathParams } from '../openapi/index.ts';
import { readEngagement } from './engagement.ts';

const docs = operation({
  tag: 'Deals',
  summary: 'How the buying group engaged',
  description:
    'Per mapped stakeholder: their active guide links, views and answers through them. For anyone who may open the deal, the Mobilizer included (it is the buyer’s own group).',
  ok: { description: 'Engagement per stakeholder, in the map’s order.', schema: engagement },
  errors: { 401: 'No valid session.', 404: 'No such deal, or the caller may not see it.' },
});

/** `GET /deals/:id/engagement` (DESIGN.md 7a), to mount under `/api`. */
export function engagementRoutes({
  db,
  openDoc,
  now = () => new Date(),
}: {
  db: Database;
  openDoc: OpenSharedDoc;
  now?: () => Date;
}) {
  return new Hono<AppEnv>().get(
    '/deals/:id/engagement',
    docs,
    pathParams(engagementParams, { notFound: 'No such deal.' }),
    async (c) => {
      const user = requireUser(c);
      const { id } = c.req.valid('param');
      if (!(await findVisibleDeal(db, user, id))) throw ApiError.notFound('No such deal.');
      const stakeholders = await readSharedDoc(openDoc, id, (doc) =>
        readStakeholders(doc).map(({ id: stakeholderId, name }) => ({ id: stakeholderId, name })),
      );
      return c.json({ stakeholders: await readEngagement(db, id, stakeholders, now()) });
    },
  );
}
