import { randomUUID } from 'node:crypto';
import { type Database, webhookDeliveries, webhookEndpoints } from '@quorum/db';
import { and, eq, sql } from 'drizzle-orm';
import type { WebhookEnvelope, WebhookEventName, WebhookPayloads } from './events.ts';

/**
 * Enqueues `event` for every endpoint of `organizationId` that subscribed to it: one row per endpoint in
 * `webhook_deliveries`, from which the {@link WebhookSender} delivers them. Returns the ids of the deliveries queued (none when no
 * endpoint listens). `payload` may be a function, called only when some endpoint listens (to skip reading a document
 * for nobody); it may return null to send nothing. Pass a transaction as `db` to enqueue together with the change that caused the event. Only
 * emit what the organization's members may see (see {@link WebhookPayloads}).
 *
 * Called for `deal.status.changed` by the status projection, for `guide.viewed` and `voice.submitted` by the guide
 * pages (`guideWebhookHooks`); `deal.closed` by whoever changes a deal's state to won, lost or no-decision:
 *
 * ```ts
 * await emitWebhook(db, deal.organizationId, 'deal.closed', {
 *   dealId, title, buyer, state: 'won', reason, closedAt: new Date().toISOString(),
 * });
 * ```
 */
export async function emitWebhook<E extends WebhookEventName>(
  db: Database,
  organizationId: string,
  event: E,
  payload: WebhookPayloads[E] | (() => Promise<WebhookPayloads[E] | null>),
  { endpointId }: { endpointId?: string } = {},
): Promise<string[]> {
  const listening = endpointId
    ? eq(webhookEndpoints.id, endpointId)
    : sql`${webhookEndpoints.events} @> ${JSON.stringify([event])}::jsonb`;
  const endpoints = await db
    .select({ id: webhookEndpoints.id })
    .from(webhookEndpoints)
    .where(and(eq(webhookEndpoints.organizationId, organizationId), listening));
  if (endpoints.length === 0) return [];
  const data = typeof payload === 'function' ? await payload() : payload;
  if (data === null) return [];
  const envelope: WebhookEnvelope<E> = {
    id: randomUUID(),
    event,
    createdAt: new Date().toISOString(),
    data,
  };
  const body = JSON.stringify(envelope);
  const rows = await db
    .insert(webhookDeliveries)
    .values(endpoints.map(({ id }) => ({ endpointId: id, event, body })))
    .returning({ id: webhookDeliveries.id });
  return rows.map((row) => row.id);
}
