import { type Database, deals } from '@quorum/db';
import { type ClosedDeal, DEAL_OUTCOMES, type DealOutcome, readPlan, summarizeBuyingGroup } from '@quorum/deal-model';
import { and, desc, eq, inArray } from 'drizzle-orm';
import { type OpenSharedDoc, readSharedDoc } from '../guides/open-shared-doc.ts';
import { stageDaysOf } from './stage-days.ts';

/** The most closed deals one learning read looks at (the latest ones). */
export const MAX_CLOSED_DEALS = 200;

/**
 * The organization's closed deals (won, lost, no decision) as learning reads them: each deal's buying group
 * (roles, titles, departments; no names) and the days it spent in each verified stage, read from the stored
 * state of its shared document. Never the seller or buyer documents.
 */
export async function loadClosedDeals(
  db: Database,
  openDoc: OpenSharedDoc,
  organizationId: string,
  { limit = MAX_CLOSED_DEALS }: { limit?: number } = {},
): Promise<ClosedDeal[]> {
  const rows = await db
    .select({ id: deals.id, state: deals.state, createdAt: deals.createdAt })
    .from(deals)
    .where(and(eq(deals.organizationId, organizationId), inArray(deals.state, [...DEAL_OUTCOMES])))
    .orderBy(desc(deals.stateChangedAt), desc(deals.createdAt))
    .limit(limit);
  const closed: ClosedDeal[] = [];
  for (const row of rows) {
    closed.push(
      await readSharedDoc(openDoc, row.id, (doc) => ({
        outcome: row.state as DealOutcome,
        group: summarizeBuyingGroup(doc),
        stageDays: stageDaysOf(readPlan(doc), row.createdAt),
      })),
    );
  }
  return closed;
}
