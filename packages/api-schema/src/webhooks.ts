import { z } from 'zod';
import { text, timestamp, uuid } from './strings.ts';

/** The events an organization's webhook endpoint can subscribe to (DESIGN.md 7e). */
export const WEBHOOK_EVENTS = ['deal.status.changed', 'deal.closed', 'guide.viewed', 'voice.submitted'] as const;

/** One of {@link WEBHOOK_EVENTS}. */
export const webhookEvent = z.enum(WEBHOOK_EVENTS, {
  error: `Each event must be one of: ${WEBHOOK_EVENTS.join(', ')}.`,
});

/** The event of a test-send: delivered to any endpoint, whatever it subscribed to. */
export const WEBHOOK_TEST_EVENT = 'webhook.test';

/** `POST /api/webhooks`: where to deliver and what. The URL must be http(s) and reach a public address. */
export const createWebhookBody = z.object({
  url: text({ max: 2000, label: 'URL' }).refine((value) => {
    try {
      const url = new URL(value);
      return (url.protocol === 'http:' || url.protocol === 'https:') && url.username === '' && url.password === '';
    } catch {
      return false;
    }
  }, 'URL must be an http:// or https:// address without a user name or password.'),
  events: z
    .array(webhookEvent, { error: 'Events must be a list of event names.' })
    .min(1, 'Choose at least one event.')
    .max(WEBHOOK_EVENTS.length)
    .refine((events) => new Set(events).size === events.length, 'Each event may be listed once.'),
});

/** `/api/webhooks/:id…`. */
export const webhookIdParams = z.object({ id: uuid });

/** An endpoint as the organization lists it (never its secret). */
export const webhookSummary = z
  .object({
    id: uuid,
    url: z.string(),
    events: z.array(webhookEvent),
    createdAt: timestamp,
  })
  .meta({ id: 'Webhook' });

/** `POST /api/webhooks`: the endpoint and its signing secret, shown once. */
export const createdWebhook = webhookSummary.extend({ secret: z.string() });

/** `GET /api/webhooks`. */
export const webhookList = z.object({ webhooks: z.array(webhookSummary) });

/** Where a delivery stands: waiting (or waiting to retry), in flight, answered 2xx, or given up. */
export const webhookDeliveryStatus = z.enum(['pending', 'sending', 'delivered', 'failed']);

/** One delivery in an endpoint's log, with the endpoint's last answer. */
export const webhookDelivery = z
  .object({
    id: uuid,
    event: z.string(),
    status: webhookDeliveryStatus,
    attempts: z.number().int(),
    /** The HTTP status of the last answer; null before one arrived (or after a timeout, refusal or network error). */
    lastStatus: z.number().int().nullable(),
    /** The start of the last answer's body (at most 500 characters). */
    lastResponse: z.string().nullable(),
    /** Why the last attempt failed, when it did without an answer (timeout, refused address, network error). */
    lastError: z.string().nullable(),
    createdAt: timestamp,
    nextAttemptAt: timestamp.nullable(),
    deliveredAt: timestamp.nullable(),
  })
  .meta({ id: 'WebhookDelivery' });

/** `GET /api/webhooks/:id/deliveries`: the latest deliveries, newest first. */
export const webhookDeliveryList = z.object({ deliveries: z.array(webhookDelivery) });

/** `POST /api/webhooks/:id/test`: the test delivery, queued. */
export const webhookTestSent = z.object({ deliveryId: uuid });

export type WebhookEvent = z.infer<typeof webhookEvent>;
export type CreateWebhookInput = z.input<typeof createWebhookBody>;
export type WebhookSummary = z.infer<typeof webhookSummary>;
export type CreatedWebhook = z.infer<typeof createdWebhook>;
export type WebhookDelivery = z.infer<typeof webhookDelivery>;
