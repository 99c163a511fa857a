import type { NotificationPayload, NotificationView } from '@quorum/api-schema';
import { type Database, notifications } from '@quorum/db';
import { and, desc, eq, inArray, isNull, sql } from 'drizzle-orm';

/** A notification to store for one user. */
export interface NewNotification {
  userId: string;
  dealId: string | null;
  kind: NotificationView['kind'];
  payload: NotificationPayload;
}

function toView(row: typeof notifications.$inferSelect): NotificationView {
  return {
    id: row.id,
    dealId: row.dealId,
    kind: row.kind as NotificationView['kind'],
    payload: row.payload as NotificationPayload,
    createdAt: row.createdAt.toISOString(),
    readAt: row.readAt?.toISOString() ?? null,
  };
}

/** Stores notifications (one INSERT) and returns them as the API shows them, each with its recipient. */
export async function insertNotifications(
  db: Database,
  rows: readonly NewNotification[],
): Promise<Array<{ userId: string; notification: NotificationView }>> {
  if (rows.length === 0) return [];
  const inserted = await db
    .insert(notifications)
    .values([...rows])
    .returning();
  return inserted.map((row) => ({ userId: row.userId, notification: toView(row) }));
}

/** A user's unread count and latest notifications, newest first. */
export async function listNotifications(
  db: Database,
  userId: string,
  { limit }: { limit: number },
): Promise<{ unread: number; notifications: NotificationView[] }> {
  const [rows, unread] = await Promise.all([
    db
      .select()
      .from(notifications)
      .where(eq(notifications.userId, userId))
      .orderBy(desc(notifications.createdAt), desc(notifications.id))
      .limit(limit),
    unreadCount(db, userId),
  ]);
  return { unread, notifications: rows.map(toView) };
}

/** How many of a user's notifications are unread. */
export async function unreadCount(db: Database, userId: string): Promise<number> {
  const [row] = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(notifications)
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
  return Number(row?.count ?? 0);
}

/** Marks a user's notifications read: `ids` (only theirs), or all of them; returns how many changed. */
export async function markRead(db: Database, userId: string, ids?: readonly string[]): Promise<number> {
  if (ids && ids.length === 0) return 0;
  const conditions = [eq(notifications.userId, userId), isNull(notifications.readAt)];
  if (ids) conditions.push(inArray(notifications.id, [...ids]));
  const changed = await db
    .update(notifications)
    .set({ readAt: new Date() })
    .where(and(...conditions))
    .returning({ id: notifications.id });
  return changed.length;
}
