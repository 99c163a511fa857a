import { createWebhookBody, WEBHOOK_TEST_EVENT, webhookIdParams } from '@quorum/api-schema';
import type { AuthUser } from '@quorum/auth';
import type { Database } from '@quorum/db';
import { type Context, Hono } from 'hono';
import { requireUser } from '../auth/index.ts';
import type { AppEnv } from '../context.ts';
import { ApiError } from '../errors/index.ts';
import { jsonBody, pathParams } from '../openapi/index.ts';
import { type Resolver, resolveWebhookTarget, WebhookUrlError } from './address-guard.ts';
import { webhookDocs } from './docs.ts';
import { emitWebhook } from './emit-webhook.ts';
import {
  createWebhookEndpoint,
  deleteWebhookEndpoint,
  findWebhookEndpoint,
  listWebhookDeliveries,
  listWebhookEndpoints,
} from './webhook-store.ts';

/** Options of {@link webhookRoutes}. */
export interface WebhookRoutesOptions {
  db: Database;
  /** Accept URLs that resolve to loopback, private or link-local addresses (`WEBHOOK_ALLOW_PRIVATE=true`). */
  allowPrivate?: boolean;
  /** How a new endpoint's host is resolved for the check (default: the system resolver). */
  resolve?: Resolver;
  /** Called after a delivery was queued (the sender's `wake`, to send it now rather than at its next poll). */
  onQueued?: () => void;
}

const noWebhook = 'There is no such webhook in your organization.';

/** The caller's organization, when they manage it; 403 otherwise. */
function managedOrganization(c: Context<AppEnv>): { user: AuthUser; organizationId: string } {
  const user = requireUser(c);
  if (user.orgRole !== 'manager' || !user.organizationId) {
    throw ApiError.forbidden('not_a_manager', 'Only a manager of your organization can manage its webhooks.');
  }
  return { user, organizationId: user.organizationId };
}

/** `/api/webhooks…` (DESIGN.md 7e): an organization's endpoints, their delivery logs and test-sends. */
export function webhookRoutes({ db, allowPrivate = false, resolve, onQueued }: WebhookRoutesOptions) {
  const idParam = pathParams(webhookIdParams, { notFound: noWebhook });
  return new Hono<AppEnv>()
    .post('/webhooks', webhookDocs.create, jsonBody(createWebhookBody), async (c) => {
      const { user, organizationId } = managedOrganization(c);
      const { url, events } = c.req.valid('json');
      try {
        await resolveWebhookTarget(url, { allowPrivate, resolve });
      } catch (error) {
        if (error instanceof WebhookUrlError) throw ApiError.invalidField('url', error.message);
        throw error;
      }
      return c.json(await createWebhookEndpoint(db, { organizationId, url, events, createdBy: user.id }), 201);
    })
    .get('/webhooks', webhookDocs.list, async (c) => {
      const { organizationId } = managedOrganization(c);
      return c.json({ webhooks: await listWebhookEndpoints(db, organizationId) });
    })
    .delete('/webhooks/:id', webhookDocs.remove, idParam, async (c) => {
      const { organizationId } = managedOrganization(c);
      const { id } = c.req.valid('param');
      const endpoint = await findWebhookEndpoint(db, organizationId, id);
      if (!endpoint || !(await deleteWebhookEndpoint(db, organizationId, id))) throw ApiError.notFound(noWebhook);
      return c.json(endpoint);
    })
    .get('/webhooks/:id/deliveries', webhookDocs.deliveries, idParam, async (c) => {
      const { organizationId } = managedOrganization(c);
      const endpoint = await findWebhookEndpoint(db, organizationId, c.req.valid('param').id);
      if (!endpoint) throw ApiError.notFound(noWebhook);
      return c.json({ deliveries: await listWebhookDeliveries(db, endpoint.id) });
    })
    .post('/webhooks/:id/test', webhookDocs.test, idParam, async (c) => {
      const { organizationId } = managedOrganization(c);
      const endpoint = await findWebhookEndpoint(db, organizationId, c.req.valid('param').id);
      if (!endpoint) throw ApiError.notFound(noWebhook);
      const [deliveryId] = await emitWebhook(
        db,
        organizationId,
        WEBHOOK_TEST_EVENT,
        { webhookId: endpoint.id, message: 'A test delivery from Quorum: your endpoint is set up.' },
        { endpointId: endpoint.id },
      );
      if (!deliveryId) throw ApiError.notFound(noWebhook); // deleted meanwhile
      onQueued?.();
      return c.json({ deliveryId }, 201);
    });
}
