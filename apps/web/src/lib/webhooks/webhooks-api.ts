import type {
  CreatedWebhook,
  CreateWebhookInput,
  WebhookDelivery,
  WebhookEvent,
  WebhookSummary,
} from '@quorum/api-schema';
import { apiRequest } from '$lib/api/index.ts';

export type { CreatedWebhook, WebhookDelivery, WebhookEvent, WebhookSummary };

/** The events an endpoint can subscribe to, with what each means, in the order the page lists them. */
export const WEBHOOK_EVENT_CHOICES: { event: WebhookEvent; label: string }[] = [
  { event: 'deal.status.changed', label: 'A deal’s status changed (health, consensus, risks)' },
  { event: 'deal.closed', label: 'A deal was won, lost or ended without a decision' },
  { event: 'guide.viewed', label: 'A guide link was opened for the first time' },
  { event: 'voice.submitted', label: 'A stakeholder answered through their guide link' },
];

function request<T>(fetcher: typeof fetch, method: string, path: string, body?: unknown): Promise<T> {
  return apiRequest<T>(method, path, { body, fetch: fetcher });
}

/** The webhook routes of the API (managers of an organization only); each rejects with an `ApiError`. */
export function createWebhooksApi(fetcher: typeof fetch = globalThis.fetch) {
  const id = encodeURIComponent;
  return {
    list: async () => (await request<{ webhooks: WebhookSummary[] }>(fetcher, 'GET', '/api/webhooks')).webhooks,
    create: (input: CreateWebhookInput) => request<CreatedWebhook>(fetcher, 'POST', '/api/webhooks', input),
    remove: (webhookId: string) => request<WebhookSummary>(fetcher, 'DELETE', `/api/webhooks/${id(webhookId)}`),
    deliveries: async (webhookId: string) =>
      (await request<{ deliveries: WebhookDelivery[] }>(fetcher, 'GET', `/api/webhooks/${id(webhookId)}/deliveries`))
        .deliveries,
    test: (webhookId: string) =>
      request<{ deliveryId: string }>(fetcher, 'POST', `/api/webhooks/${id(webhookId)}/test`, {}),
  };
}
