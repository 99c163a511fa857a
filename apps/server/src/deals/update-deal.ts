import type { DealState } from '@quorum/api-schema';
import { type Database, deals } from '@quorum/db';
import { updateMeta } from '@quorum/deal-model';
import { and, eq, ne, or } from 'drizzle-orm';
import { type OpenedDoc, readStored } from '../documents/index.ts';
import { ApiError } from '../errors/index.ts';
import type { DealRecord, VisibleDeal } from './deal-access.ts';

/** What `PATCH /api/deals/:id` may change. */
export interface DealChanges {
  title?: string;
  buyer?: string;
  state?: DealState;
  reason?: string;
}

/** Opens a room's document through the sync engine (so open rooms see a write live). */
export type OpenDealDoc = (room: string) => OpenedDoc | Promise<OpenedDoc>;

/**
 * Applies `PATCH /api/deals/:id` for a seller of the deal (403 for managers, who see it read-only, and Mobilizers).
 * A new title or buyer is written into the shared document's `meta` through the engine and stored before the deals
 * row follows, so the room and the lists never disagree for long (a title typed in the room reaches the row through
 * the status projection: see `followMeta`). A new state records its reason (cleared on reopening) and when it changed.
 */
export async function updateDeal(
  db: Database,
  visible: VisibleDeal,
  changes: DealChanges,
  { openDoc, now = new Date() }: { openDoc?: OpenDealDoc; now?: Date } = {},
): Promise<DealRecord> {
  if (visible.role !== 'seller') {
    throw ApiError.forbidden(
      visible.role === 'manager' ? 'read_only' : 'not_a_seller',
      'Only the sellers on this deal can rename, close or archive it.',
    );
  }
  const { title, buyer, state, reason } = changes;
  const dealId = visible.deal.id;
  if ((title !== undefined || buyer !== undefined) && openDoc) {
    const opened = await openDoc(dealId);
    try {
      updateMeta(opened.doc, { title, buyer });
      await readStored([opened], () => undefined);
    } finally {
      opened.release();
    }
  }
  const set: Partial<typeof deals.$inferInsert> = {};
  if (title !== undefined) set.title = title;
  if (buyer !== undefined) set.buyer = buyer;
  if (state !== undefined && state !== visible.deal.state) {
    set.state = state;
    set.stateChangedAt = now;
  }
  if (state !== undefined) set.stateReason = state === 'open' ? null : (reason ?? null);
  const [row] = await db.update(deals).set(set).where(eq(deals.id, dealId)).returning();
  if (!row) throw ApiError.notFound('There is no deal room here, or you do not have access to it.');
  return row;
}

/**
 * Keeps a deal's row in step with its shared document: called with each status the projection stores, it copies a
 * title or buyer typed in the room's `meta` to the deals row (that is where the lists and the dashboard read them).
 * Blank values are ignored: a document being cleared does not blank the deal's name.
 */
export async function followMeta(
  db: Database,
  { dealId, status }: { dealId: string; status: { title?: unknown; buyer?: unknown } },
): Promise<void> {
  const set: { title?: string; buyer?: string } = {};
  if (typeof status.title === 'string' && status.title.trim() !== '') set.title = status.title.trim().slice(0, 200);
  if (typeof status.buyer === 'string' && status.buyer.trim() !== '') set.buyer = status.buyer.trim().slice(0, 200);
  if (Object.keys(set).length === 0) return;
  const differs = [
    set.title !== undefined ? ne(deals.title, set.title) : undefined,
    set.buyer !== undefined ? ne(deals.buyer, set.buyer) : undefined,
  ];
  await db
    .update(deals)
    .set(set)
    .where(and(eq(deals.id, dealId), or(...differs)));
}
