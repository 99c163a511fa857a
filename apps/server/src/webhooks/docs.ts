import { createdWebhook, webhookDeliveryList, webhookList, webhookSummary, webhookTestSent } from '@quorum/api-schema';
import { operation } from '../openapi/index.ts';

const managersOnly = 'Only managers of an organization manage its webhooks (`not_a_manager`).';

/** OpenAPI descriptions of the webhook routes. */
export const webhookDocs = {
  create: operation({
    tag: 'Webhooks',
    summary: 'Add a webhook endpoint',
    description:
      'The organization’s endpoint for the listed events. Each delivery is a JSON POST signed with the secret in this answer (shown once): `Quorum-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">`, with `Quorum-Event` and `Quorum-Delivery` (the delivery’s id, for deduplication). URLs that resolve to loopback, private or link-local addresses are refused, and checked again at each delivery.',
    ok: { status: 201, description: 'The endpoint and its signing secret.', schema: createdWebhook },
    errors: {
      400: 'A field is wrong, or the URL does not reach a public address (`field`: `url`).',
      401: 'No valid session.',
      403: managersOnly,
    },
  }),
  list: operation({
    tag: 'Webhooks',
    summary: 'List the organization’s webhook endpoints',
    ok: { description: 'The endpoints, newest first (never their secrets).', schema: webhookList },
    errors: { 401: 'No valid session.', 403: managersOnly },
  }),
  remove: operation({
    tag: 'Webhooks',
    summary: 'Delete a webhook endpoint',
    description: 'Its queued deliveries are dropped and its delivery log with it.',
    ok: { description: 'The endpoint deleted.', schema: webhookSummary },
    errors: { 401: 'No valid session.', 403: managersOnly, 404: 'No such endpoint in the organization.' },
  }),
  deliveries: operation({
    tag: 'Webhooks',
    summary: 'An endpoint’s delivery log',
    description:
      'The latest 50 deliveries, newest first: their state, attempts, and the last answer’s status and first 500 characters (or why there was none).',
    ok: { description: 'The deliveries.', schema: webhookDeliveryList },
    errors: { 401: 'No valid session.', 403: managersOnly, 404: 'No such endpoint in the organization.' },
  }),
  test: operation({
    tag: 'Webhooks',
    summary: 'Send a test delivery',
    description:
      'Queues a `webhook.test` event to this endpoint, signed and retried like any other; follow it in the delivery log.',
    ok: { status: 201, description: 'The test delivery, queued.', schema: webhookTestSent },
    errors: { 401: 'No valid session.', 403: managersOnly, 404: 'No such endpoint in the organization.' },
  }),
};
