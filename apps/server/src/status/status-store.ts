import { hashToken } from '@quorum/auth';
import { type Database, dealHealthHistory, dealMembers, dealStatus, deals, sessions } from '@quorum/db';
import { and, asc, desc, eq, gt, inArray, isNotNull, or, sql } from 'drizzle-orm';
import type { DealStatusView, StatusViewer, StatusViewKind } from './status-types.ts';
import { viewOf } from './visibility.ts';

/** What {@link saveStatus} stores for one deal. */
export interface StatusRecord {
  dealId: string;
  status: DealStatusView;
  sharedStatus: DealStatusView;
}

/**
 * Upserts a deal's projected status (both views) and appends to its health history when the health
 * differs from the stored one (or nothing was stored yet). Returns whether the health changed.
 */
export async function saveStatus(db: Database, { dealId, status, sharedStatus }: StatusRecord): Promise<boolean> {
  const saved = await updateStatus(db, dealId, () => ({ status, sharedStatus }));
  return saved?.healthChanged ?? false;
}

/** A deal's stored views, if it was ever projected. */
export async function readStatus(db: Database, dealId: string): Promise<StoredViews | undefined> {
  const [row] = await db
    .select({ status: dealStatus.status, sharedStatus: dealStatus.sharedStatus })
    .from(dealStatus)
    .where(eq(dealStatus.dealId, dealId))
    .limit(1);
  return row ? { status: parseStored(row.status)!, sharedStatus: parseStored(row.sharedStatus)! } : undefined;
}

/** A deal's stored views, as {@link updateStatus} hands them to its `decide`. */
export interface StoredViews {
  status: DealStatusView;
  sharedStatus: DealStatusView;
}

/**
 * Reads a deal's stored status, locks it, and stores what `decide(previous)` returns (nothing when it returns
 * null), appending to the health history when the health changed; all in one transaction. Instances that project
 * the same deal at once thus each decide against what the other stored, never against a stale copy. Resolves with
 * the stored views and whether the health changed, or null when `decide` chose to store nothing.
 */
export async function updateStatus<Views extends StoredViews>(
  db: Database,
  dealId: string,
  decide: (previous: StoredViews | undefined) => Views | null,
): Promise<(Views & { healthChanged: boolean }) | null> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({ status: dealStatus.status, sharedStatus: dealStatus.sharedStatus, health: dealStatus.health })
      .from(dealStatus)
      .where(eq(dealStatus.dealId, dealId))
      .for('update')
      .limit(1);
    const previous = row
      ? { status: parseStored(row.status)!, sharedStatus: parseStored(row.sharedStatus)! }
      : undefined;
    const next = decide(previous);
    if (!next) return null;
    const { status, sharedStatus } = next;
    const now = new Date();
    await tx
      .insert(dealStatus)
      .values({ dealId, status, sharedStatus, health: status.health, updatedAt: now })
      .onConflictDoUpdate({
        target: dealStatus.dealId,
        set: { status, sharedStatus, health: status.health, updatedAt: now },
      });
    const healthChanged = row?.health !== status.health;
    if (healthChanged) await tx.insert(dealHealthHistory).values({ dealId, health: status.health, at: now });
    return { ...next, healthChanged };
  });
}

/**
 * Moves the `updatedAt` of a deal's stored full view (and of its shared view when `shared`) to `at`, in one
 * statement without a lock: the content stays as stored. Resolves with the stored views, or null when the deal has
 * no stored status yet.
 */
export async function touchStatus(
  db: Database,
  dealId: string,
  { at, shared }: { at: string; shared: boolean },
): Promise<StoredViews | null> {
  const moved = sql`jsonb_set(${dealStatus.status}, '{updatedAt}', to_jsonb(${at}::text))`;
  const [row] = await db
    .update(dealStatus)
    .set({
      status: moved,
      ...(shared
        ? { sharedStatus: sql`jsonb_set(${dealStatus.sharedStatus}, '{updatedAt}', to_jsonb(${at}::text))` }
        : {}),
      updatedAt: new Date(at),
    })
    .where(eq(dealStatus.dealId, dealId))
    .returning({ status: dealStatus.status, sharedStatus: dealStatus.sharedStatus });
  if (!row) return null;
  return { status: parseStored(row.status)!, sharedStatus: parseStored(row.sharedStatus)! };
}

/** A deal the viewer may see, with its stored status in the viewer's view (null before the first projection). */
export interface VisibleDealStatus {
  dealId: string;
  organizationId: string;
  view: StatusViewKind;
  status: DealStatusView | null;
  /** The deal's life: `open`, `won`, `lost`, `no-decision` or `archived`. */
  state: string;
}

/** The condition "viewer may see this deal": a member of it, or a manager of its organization. */
function visibleTo(viewer: StatusViewer) {
  const member = isNotNull(dealMembers.userId);
  if (viewer.orgRole === 'manager' && viewer.organizationId) {
    return or(member, eq(deals.organizationId, viewer.organizationId));
  }
  return member;
}

/**
 * Every deal `viewer` may see with its stored status in the right view: the full one for sellers on the
 * deal and managers of its organization, the shared one for Mobilizers. One query.
 */
export async function listVisibleStatuses(db: Database, viewer: StatusViewer): Promise<VisibleDealStatus[]> {
  const rows = await db
    .select({
      dealId: deals.id,
      organizationId: deals.organizationId,
      state: deals.state,
      role: dealMembers.role,
      // Only the view the caller gets leaves the database: a Mobilizer membership means the shared view.
      stored: sql<DealStatusView | null>`case when ${dealMembers.role} = 'mobilizer' then ${dealStatus.sharedStatus} else ${dealStatus.status} end`,
    })
    .from(deals)
    .leftJoin(dealMembers, and(eq(dealMembers.dealId, deals.id), eq(dealMembers.userId, viewer.id)))
    .leftJoin(dealStatus, eq(dealStatus.dealId, deals.id))
    .where(visibleTo(viewer))
    .orderBy(desc(deals.createdAt));
  const visible: VisibleDealStatus[] = [];
  for (const row of rows) {
    const view = viewOf(viewer, row.organizationId, row.role);
    if (!view) continue;
    visible.push({
      dealId: row.dealId,
      organizationId: row.organizationId,
      view,
      status: parseStored(row.stored),
      state: row.state,
    });
  }
  return visible;
}

/** A jsonb value selected through `sql`: drivers hand it over parsed (postgres.js) or as text. */
function parseStored(value: unknown): DealStatusView | null {
  if (value === null || value === undefined) return null;
  return (typeof value === 'string' ? JSON.parse(value) : value) as DealStatusView;
}

/** One point of a deal's health trend. */
export interface HealthPoint {
  health: number;
  at: string;
}

/** Options of {@link loadHealthHistory}. */
export interface HealthHistoryOptions {
  /** Only these deals (still filtered by visibility); all visible deals when omitted. */
  dealIds?: string[];
  /** Most recent points kept per deal (default 60). */
  limit?: number;
}

/**
 * The health trend of each deal `viewer` sees in the full view, oldest first, the last `limit` points
 * per deal. A Mobilizer gets no history: the stored health is the full view's, and its changes would
 * reveal seller-only facts (a Blocker getting a plan).
 */
export async function loadHealthHistory(
  db: Database,
  viewer: StatusViewer,
  { dealIds, limit = 60 }: HealthHistoryOptions = {},
): Promise<Record<string, HealthPoint[]>> {
  const visible = (await listVisibleStatuses(db, viewer)).filter(
    (deal) => deal.view === 'full' && (!dealIds || dealIds.includes(deal.dealId)),
  );
  const history: Record<string, HealthPoint[]> = {};
  for (const deal of visible) history[deal.dealId] = [];
  const ids = Object.keys(history);
  if (ids.length === 0) return history;
  const ranked = db
    .select({
      dealId: dealHealthHistory.dealId,
      health: dealHealthHistory.health,
      at: dealHealthHistory.at,
      rank: sql<number>`row_number() over (partition by ${dealHealthHistory.dealId} order by ${dealHealthHistory.at} desc, ${dealHealthHistory.id} desc)`.as(
        'rank',
      ),
    })
    .from(dealHealthHistory)
    .where(inArray(dealHealthHistory.dealId, ids))
    .as('ranked');
  const rows = await db
    .select({ dealId: ranked.dealId, health: ranked.health, at: ranked.at })
    .from(ranked)
    .where(sql`${ranked.rank} <= ${limit}`)
    .orderBy(asc(ranked.dealId), asc(ranked.at));
  for (const row of rows) history[row.dealId]?.push({ health: row.health, at: new Date(row.at).toISOString() });
  return history;
}

/** Whether the session behind a cookie token still exists and has not expired (never extends it). */
export async function sessionRowAlive(db: Database, token: string | null | undefined): Promise<boolean> {
  if (!token) return false;
  const [row] = await db
    .select({ id: sessions.id })
    .from(sessions)
    .where(and(eq(sessions.id, hashToken(token)), gt(sessions.expiresAt, new Date())))
    .limit(1);
  return row !== undefined;
}
