import type { ActivityItem, CommitmentItem } from '@quorum/api-schema';
import { type Database, dealActivity, dealVisits, verifierCommitments } from '@quorum/db';
import type { ActivityKind, ActivityRecordType, ActivityRoom } from '@quorum/deal-model';
import { and, asc, count, desc, eq, gt, inArray, isNull, ne, or, sql } from 'drizzle-orm';

/** One described change, stored (its changes to one record by one actor within `coalesceMs` share a row). */
export interface ActivityEntry {
  dealId: string;
  side: ActivityRoom;
  actor: { userId: string | null; stakeholderId: string | null; name: string };
  kind: ActivityKind;
  recordType: ActivityRecordType;
  recordId: string;
  words: string;
  /** The record before this change (kept to word a run of edits as one). */
  before: unknown;
  at: Date;
}

/** A stored row a new change of the same record by the same actor may join. */
export interface CoalescibleRow {
  id: string;
  kind: string;
  before: unknown;
}

/** Kinds that stand on their own: a tick, an untick or a removal is never folded into an edit. */
const STANDALONE: ReadonlySet<string> = new Set(['ticked', 'unticked', 'removed']);

/**
 * The latest row of the same actor on the same record within `windowMs` before `entry.at` that `entry` may join, or
 * undefined.
 */
export async function findCoalescible(
  db: Database,
  entry: ActivityEntry,
  windowMs: number,
): Promise<CoalescibleRow | undefined> {
  if (STANDALONE.has(entry.kind)) return undefined;
  const actor = entry.actor.userId
    ? eq(dealActivity.actorUserId, entry.actor.userId)
    : and(isNull(dealActivity.actorUserId), eq(dealActivity.actorStakeholderId, entry.actor.stakeholderId ?? ''));
  const [row] = await db
    .select({ id: dealActivity.id, kind: dealActivity.kind, before: dealActivity.before })
    .from(dealActivity)
    .where(
      and(
        eq(dealActivity.dealId, entry.dealId),
        eq(dealActivity.side, entry.side),
        eq(dealActivity.recordType, entry.recordType),
        eq(dealActivity.recordId, entry.recordId),
        actor,
        gt(dealActivity.at, new Date(entry.at.getTime() - windowMs)),
      ),
    )
    .orderBy(desc(dealActivity.at))
    .limit(1);
  return row && !STANDALONE.has(row.kind) ? row : undefined;
}

/** Stores a new row. */
export async function insertActivity(db: Database, entry: ActivityEntry): Promise<string> {
  const [row] = await db
    .insert(dealActivity)
    .values({
      dealId: entry.dealId,
      side: entry.side,
      actorUserId: entry.actor.userId,
      actorStakeholderId: entry.actor.stakeholderId,
      actorName: entry.actor.name,
      kind: entry.kind,
      recordType: entry.recordType,
      recordId: entry.recordId,
      words: entry.words,
      before: entry.before === undefined ? null : (entry.before as object),
      createdAt: entry.at,
      at: entry.at,
    })
    .returning({ id: dealActivity.id });
  return row!.id;
}

/** Rewords a row a later change joined, and moves its time. */
export async function updateActivity(
  db: Database,
  id: string,
  { kind, words, at }: { kind: string; words: string; at: Date },
): Promise<void> {
  await db.update(dealActivity).set({ kind, words, at }).where(eq(dealActivity.id, id));
}

/** Drops a row whose run of edits came back to where it started. */
export async function deleteActivity(db: Database, id: string): Promise<void> {
  await db.delete(dealActivity).where(eq(dealActivity.id, id));
}

type ActivityRow = typeof dealActivity.$inferSelect;

function toItem(row: ActivityRow): ActivityItem {
  return {
    id: row.id,
    side: row.side as ActivityItem['side'],
    kind: row.kind as ActivityItem['kind'],
    recordType: row.recordType,
    recordId: row.recordId,
    words: row.words,
    actor: { userId: row.actorUserId, stakeholderId: row.actorStakeholderId, name: row.actorName },
    at: row.at.toISOString(),
  };
}

/** A deal's activity on `sides`, newest first; only after `since` when given. */
export async function listActivity(
  db: Database,
  { dealId, sides, since, limit }: { dealId: string; sides: readonly ActivityRoom[]; since?: Date; limit: number },
): Promise<ActivityItem[]> {
  if (sides.length === 0) return [];
  const rows = await db
    .select()
    .from(dealActivity)
    .where(
      and(
        eq(dealActivity.dealId, dealId),
        inArray(dealActivity.side, [...sides]),
        since ? gt(dealActivity.at, since) : undefined,
      ),
    )
    .orderBy(desc(dealActivity.at), desc(dealActivity.id))
    .limit(limit);
  return rows.map(toItem);
}

/** How many entries on `sides` other people made after `since`. */
export async function countActivitySince(
  db: Database,
  { dealId, sides, since, userId }: { dealId: string; sides: readonly ActivityRoom[]; since: Date; userId: string },
): Promise<number> {
  if (sides.length === 0) return 0;
  const [row] = await db
    .select({ n: count() })
    .from(dealActivity)
    .where(
      and(
        eq(dealActivity.dealId, dealId),
        inArray(dealActivity.side, [...sides]),
        gt(dealActivity.at, since),
        or(isNull(dealActivity.actorUserId), ne(dealActivity.actorUserId, userId)),
      ),
    );
  return row?.n ?? 0;
}

/** A reload within this long of the last visit is the same visit: "since your last visit" keeps its start (default). */
export const SAME_VISIT_MS = 30 * 60 * 1000;

/** The caller's visit before the current one, or null. */
export async function lastVisit(db: Database, userId: string, dealId: string): Promise<Date | null> {
  const [row] = await db
    .select({ previous: dealVisits.previousVisitAt })
    .from(dealVisits)
    .where(and(eq(dealVisits.userId, userId), eq(dealVisits.dealId, dealId)));
  return row?.previous ?? null;
}

/**
 * Records a visit now: the stored visit becomes the previous one unless it was within `sameVisitMs` (a reload).
 * Returns the visit and the one before it.
 */
export async function recordVisit(
  db: Database,
  userId: string,
  dealId: string,
  { now = new Date(), sameVisitMs = SAME_VISIT_MS }: { now?: Date; sameVisitMs?: number } = {},
): Promise<{ visitedAt: Date; lastVisitAt: Date | null }> {
  const sameVisitAfter = new Date(now.getTime() - sameVisitMs);
  const [row] = await db
    .insert(dealVisits)
    .values({ userId, dealId, visitedAt: now, previousVisitAt: null })
    .onConflictDoUpdate({
      target: [dealVisits.userId, dealVisits.dealId],
      set: {
        previousVisitAt: sql`case when ${dealVisits.visitedAt} <= ${sameVisitAfter.toISOString()}::timestamptz then ${dealVisits.visitedAt} else ${dealVisits.previousVisitAt} end`,
        visitedAt: now,
      },
    })
    .returning({ visitedAt: dealVisits.visitedAt, previous: dealVisits.previousVisitAt });
  return { visitedAt: row!.visitedAt, lastVisitAt: row!.previous };
}

/** A tick or untick to log. */
export interface CommitmentEntry {
  dealId: string;
  verifierId: string;
  verifierText: string;
  action: 'ticked' | 'unticked';
  actor: { userId: string; name: string; side: 'seller' | 'buyer' };
  at: Date;
}

/** Adds a tick or untick to the commitments log (rows are never changed or removed). */
export async function insertCommitment(db: Database, entry: CommitmentEntry): Promise<string> {
  const [row] = await db
    .insert(verifierCommitments)
    .values({
      dealId: entry.dealId,
      verifierId: entry.verifierId,
      verifierText: entry.verifierText,
      action: entry.action,
      actorUserId: entry.actor.userId,
      actorName: entry.actor.name,
      actorSide: entry.actor.side,
      at: entry.at,
    })
    .returning({ id: verifierCommitments.id });
  return row!.id;
}

/** A deal's commitments log, oldest first. */
export async function listCommitments(db: Database, dealId: string): Promise<CommitmentItem[]> {
  const rows = await db
    .select()
    .from(verifierCommitments)
    .where(eq(verifierCommitments.dealId, dealId))
    .orderBy(asc(verifierCommitments.at), asc(verifierCommitments.id));
  return rows.map((row) => ({
    id: row.id,
    verifierId: row.verifierId,
    verifierText: row.verifierText,
    action: row.action as CommitmentItem['action'],
    actor: { userId: row.actorUserId, name: row.actorName, side: row.actorSide as 'seller' | 'buyer' },
    at: row.at.toISOString(),
  }));
}
