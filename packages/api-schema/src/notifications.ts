import { z } from 'zod';
import { RECORD_KINDS, THREAD_SIDES } from './comments.ts';
import { timestamp, uuid } from './strings.ts';

/** Kinds of in-app notification. */
export const NOTIFICATION_KINDS = ['mention', 'reply'] as const;

/**
 * What a notification says. Written for its one recipient when the event happened, from what that recipient may
 * read (the thread's side), so it never carries anything of a side they cannot see.
 */
export const notificationPayload = z.object({
  dealTitle: z.string(),
  threadId: z.string(),
  commentId: z.string(),
  side: z.enum(THREAD_SIDES),
  record: z.object({ kind: z.enum(RECORD_KINDS), id: z.string(), label: z.string() }),
  author: z.object({ id: z.string(), name: z.string() }),
  /** The start of the comment. */
  excerpt: z.string(),
});

/** One notification. */
export const notificationView = z.object({
  id: z.string(),
  dealId: z.string().nullable(),
  kind: z.enum(NOTIFICATION_KINDS),
  payload: notificationPayload,
  createdAt: timestamp,
  readAt: timestamp.nullable(),
});

/** `GET /api/notifications`: the unread count and the latest notifications, newest first. */
export const notificationList = z.object({
  unread: z.number().int(),
  notifications: z.array(notificationView),
});

/** `GET /api/notifications?limit=`. */
export const notificationsQuery = z.object({
  limit: z.coerce
    .number({ error: 'Limit must be a whole number from 1 to 100.' })
    .int('Limit must be a whole number from 1 to 100.')
    .min(1, 'Limit must be a whole number from 1 to 100.')
    .max(100, 'Limit must be a whole number from 1 to 100.')
    .default(30),
});

/** `POST /api/notifications/read {ids?}`: marks those (all when omitted) read. */
export const notificationsReadBody = z.object({
  ids: z.array(uuid, { error: 'Ids must be a list of notification ids.' }).max(500).optional(),
});

/** `POST /api/notifications/read` → how many were marked and the unread count left. */
export const notificationsRead = z.object({ marked: z.number().int(), unread: z.number().int() });

export type NotificationPayload = z.infer<typeof notificationPayload>;
export type NotificationView = z.infer<typeof notificationView>;
export type NotificationList = z.infer<typeof notificationList>;
