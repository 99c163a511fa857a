import { createTemplateBody, templateIdParams } from '@quorum/api-schema';
import type { Database } from '@quorum/db';
import { docToJson, playbookFromShared } from '@quorum/deal-model';
import { Hono } from 'hono';
import { requireUser } from '../auth/index.ts';
import type { AppEnv } from '../context.ts';
import { findVisibleDeal } from '../deals/index.ts';
import { ApiError } from '../errors/index.ts';
import { type OpenSharedDoc, readSharedDoc } from '../guides/open-shared-doc.ts';
import { jsonBody, pathParams } from '../openapi/index.ts';
import { templateDocs } from './docs.ts';
import { createTemplate, deleteTemplate, listTemplates } from './template-store.ts';

const noTemplate = 'There is no such template you may delete.';

/** `POST/GET /api/templates` and `DELETE /api/templates/:id` (issue 15: playbooks). */
export function templateRoutes({ db, openDoc }: { db: Database; openDoc: OpenSharedDoc }) {
  return new Hono<AppEnv>()
    .post('/templates', templateDocs.create, jsonBody(createTemplateBody), async (c) => {
      const user = requireUser(c);
      const { name, fromDealId } = c.req.valid('json');
      const visible = await findVisibleDeal(db, user, fromDealId);
      if (!visible) throw ApiError.notFound('There is no deal room here, or you do not have access to it.');
      const organizationId = visible.deal.organizationId;
      if (visible.role === 'mobilizer' || user.organizationId !== organizationId) {
        throw ApiError.forbidden('not_allowed', 'Only the seller organization can save its deals as templates.');
      }
      const content = await readSharedDoc(openDoc, visible.deal.id, (doc) =>
        playbookFromShared(docToJson(doc, 'shared')),
      );
      return c.json(await createTemplate(db, { organizationId, name, createdBy: user.id, content }), 201);
    })
    .get('/templates', templateDocs.list, async (c) =>
      c.json({ templates: await listTemplates(db, requireUser(c).organizationId) }),
    )
    .delete(
      '/templates/:id',
      templateDocs.remove,
      pathParams(templateIdParams, { notFound: noTemplate }),
      async (c) => {
        const { id } = c.req.valid('param');
        if (!(await deleteTemplate(db, requireUser(c), id))) throw ApiError.notFound(noTemplate);
        return c.json({ id, deleted: true as const });
      },
    );
}
