import { randomBytes } from 'node:crypto';
import type { WebhookDelivery, WebhookEvent, WebhookSummary } from '@quorum/api-schema';
import { type Database, webhookDeliveries, webhookEndpoints } from '@quorum/db';
import { and, desc, eq } from 'drizzle-orm';

type EndpointRow = typeof webhookEndpoints.$inferSelect;
type DeliveryRow = typeof webhookDeliveries.$inferSelect;

function summary(row: EndpointRow): WebhookSummary {
  return {
    id: row.id,
    url: row.url,
    events: row.events as WebhookEvent[],
    createdAt: row.createdAt.toISOString(),
  };
}

/** Stores a new endpoint of `organizationId` with a fresh signing secret (`whsec_` + 256 random bits). */
export async function createWebhookEndpoint(
  db: Database,
  {
    organizationId,
    url,
    events,
    createdBy,
  }: { organizationId: string; url: string; events: WebhookEvent[]; createdBy: string },
): Promise<WebhookSummary & { secret: string }> {
  const secret = `whsec_${randomBytes(32).toString('base64url')}`;
  const [row] = await db
    .insert(webhookEndpoints)
    .values({ organizationId, url, events, secret, createdBy })
    .returning();
  if (!row) throw new Error('inserting a webhook endpoint returned no row');
  return { ...summary(row), secret };
}

/** The organization's endpoints, newest first (without their secrets). */
export async function listWebhookEndpoints(db: Database, organizationId: string): Promise<WebhookSummary[]> {
  const rows = await db
    .select()
    .from(webhookEndpoints)
    .where(eq(webhookEndpoints.organizationId, organizationId))
    .orderBy(desc(webhookEndpoints.createdAt), desc(webhookEndpoints.id));
  return rows.map(summary);
}

/** The endpoint with this id when it belongs to `organizationId`. */
export async function findWebhookEndpoint(
  db: Database,
  organizationId: string,
  id: string,
): Promise<WebhookSummary | undefined> {
  const [row] = await db
    .select()
    .from(webhookEndpoints)
    .where(and(eq(webhookEndpoints.id, id), eq(webhookEndpoints.organizationId, organizationId)))
    .limit(1);
  return row ? summary(row) : undefined;
}

/** Deletes an endpoint of `organizationId` and its delivery log (queued deliveries are never sent). */
export async function deleteWebhookEndpoint(db: Database, organizationId: string, id: string): Promise<boolean> {
  const deleted = await db
    .delete(webhookEndpoints)
    .where(and(eq(webhookEndpoints.id, id), eq(webhookEndpoints.organizationId, organizationId)))
    .returning({ id: webhookEndpoints.id });
  return deleted.length > 0;
}

/** An endpoint's latest deliveries, newest first. */
export async function listWebhookDeliveries(
  db: Database,
  endpointId: string,
  { limit = 50 }: { limit?: number } = {},
): Promise<WebhookDelivery[]> {
  const rows = await db
    .select()
    .from(webhookDeliveries)
    .where(eq(webhookDeliveries.endpointId, endpointId))
    .orderBy(desc(webhookDeliveries.createdAt), desc(webhookDeliveries.id))
    .limit(limit);
  return rows.map(delivery);
}

function delivery(row: DeliveryRow): WebhookDelivery {
  const waiting = row.status === 'pending';
  return {
    id: row.id,
    event: row.event,
    status: row.status as WebhookDelivery['status'],
    attempts: row.attempts,
    lastStatus: row.lastStatus,
    lastResponse: row.lastResponse,
    lastError: row.lastError,
    createdAt: row.createdAt.toISOString(),
    nextAttemptAt: waiting ? row.nextAttemptAt.toISOString() : null,
    deliveredAt: row.deliveredAt?.toISOString() ?? null,
  };
}
