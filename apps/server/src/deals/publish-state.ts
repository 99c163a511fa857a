import { type Database, dealStatus } from '@quorum/db';
import { eq } from 'drizzle-orm';
import type { StatusBus } from '../status/status-bus.ts';
import type { DealStatusView } from '../status/status-types.ts';
import { loadAudience } from '../status/visibility.ts';

/**
 * Tells open dashboards that a deal's state changed: republishes its stored status (both views) with the audience,
 * which carries the new state. Nothing is published before the deal's first projection (the dashboard then has no
 * row for it yet either).
 */
export async function publishDealState(db: Database, bus: StatusBus, dealId: string): Promise<void> {
  const audience = await loadAudience(db, dealId);
  if (!audience) return;
  const [stored] = await db
    .select({ status: dealStatus.status, sharedStatus: dealStatus.sharedStatus })
    .from(dealStatus)
    .where(eq(dealStatus.dealId, dealId));
  if (!stored) return;
  await bus.publish({
    dealId,
    audience,
    status: stored.status as DealStatusView,
    sharedStatus: stored.sharedStatus as DealStatusView,
    changed: { full: true, shared: true },
  });
}
