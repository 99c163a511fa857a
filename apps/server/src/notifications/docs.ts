import { notificationList, notificationsRead } from '@quorum/api-schema';
import { operation } from '../openapi/index.ts';

/** OpenAPI descriptions of the notification routes. */
export const notificationDocs = {
  list: operation({
    tag: 'Notifications',
    summary: 'My notifications',
    description: 'The unread count and the latest notifications (mentions, replies in threads I am in), newest first.',
    ok: { description: 'The unread count and the latest notifications.', schema: notificationList },
    errors: { 400: '`limit` is not a whole number from 1 to 100.', 401: 'No valid session.' },
  }),
  read: operation({
    tag: 'Notifications',
    summary: 'Mark notifications read',
    description: 'Marks `ids` read (only the caller’s own), or every unread notification when `ids` is omitted.',
    ok: { description: 'How many were marked, and the unread count left.', schema: notificationsRead },
    errors: { 400: '`ids` is not a list of ids.', 401: 'No valid session.' },
  }),
  events: operation({
    tag: 'Notifications',
    summary: 'My notifications, live (server-sent events)',
    description:
      '`ready` with the unread count, then `notification` for each new one and `read` (with the unread count left) when some were marked read elsewhere; `ping` as heartbeat; `signed-out` when the session ends.',
    ok: { description: 'An event stream.', media: 'text/event-stream' },
    errors: { 401: 'No valid session.' },
  }),
};
