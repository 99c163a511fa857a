import type { Database } from '@quorum/db';
import { type HealthBand, healthBand } from '@quorum/deal-model';
import type { Mailer } from './mailer.ts';
import { dealRecipients } from './recipients.ts';

const RANK: Record<HealthBand, number> = { red: 0, amber: 1, green: 2 };

/** A deal's health as two stored statuses carry it. */
export interface HealthChange {
  dealId: string;
  /** The health stored before (none for a deal's first projection: nothing dropped). */
  before: number | undefined;
  after: number;
  /** The risk that weighs most now, in words. */
  topRisk?: string | null;
  at?: Date;
}

/** The band the health left and the one it fell to, or null when it did not drop a band. */
export function droppedBand(before: number | undefined, after: number): { from: HealthBand; to: HealthBand } | null {
  if (before === undefined) return null;
  const from = healthBand(before);
  const to = healthBand(after);
  return RANK[to] < RANK[from] ? { from, to } : null;
}

/**
 * Mails the deal's sellers and its organization's managers when its health dropped a band (their preferences decide).
 * One mail per deal, band reached, day and person: a deal that wavers across a boundary does not flood anyone.
 */
export async function mailHealthDrop(
  { db, mailer, origin }: { db: Database; mailer: Mailer; origin: string },
  { dealId, before, after, topRisk = null, at = new Date() }: HealthChange,
): Promise<void> {
  const drop = droppedBand(before, after);
  if (!drop) return;
  const deal = await dealRecipients(db, dealId, ['seller', 'manager']);
  if (!deal) return;
  const day = at.toISOString().slice(0, 10);
  for (const person of deal.recipients) {
    await mailer.send({
      kind: 'health-dropped',
      dedupeKey: `health-dropped:${dealId}:${drop.to}:${day}:${person.userId}`,
      to: person.email,
      userId: person.userId,
      origin,
      data: { dealTitle: deal.dealTitle, from: drop.from, to: drop.to, topRisk, url: `${origin}/deals/${dealId}` },
    });
  }
}
