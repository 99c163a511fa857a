import { notificationsQuery, notificationsReadBody } from '@quorum/api-schema';
import { hashToken } from '@quorum/auth';
import type { Database } from '@quorum/db';
import { Hono } from 'hono';
import { requireUser } from '../auth/index.ts';
import type { CommentBus } from '../comments/comment-bus.ts';
import { liveStream } from '../comments/event-stream.ts';
import type { AppEnv } from '../context.ts';
import { jsonBody, queryParams } from '../openapi/index.ts';
import { sessionRowAlive } from '../status/status-store.ts';
import type { RevocationBus } from '../sync/revocation-bus.ts';
import { notificationDocs } from './docs.ts';
import { listNotifications, markRead, unreadCount } from './notification-store.ts';

/** Options of {@link notificationRoutes}. */
export interface NotificationRoutesOptions {
  db: Database;
  bus: CommentBus;
  revocations?: RevocationBus;
  /** Interval of the event stream's heartbeat, which also re-checks the session (default 15 s). */
  heartbeatMs?: number;
  shutdown?: AbortSignal;
  log?: (error: unknown) => void;
}

/** `GET /notifications`, `POST /notifications/read`, `GET /notifications/events`, to mount under `/api`. */
export function notificationRoutes({
  db,
  bus,
  revocations,
  heartbeatMs = 15_000,
  shutdown,
  log = console.error,
}: NotificationRoutesOptions) {
  return new Hono<AppEnv>()
    .get('/notifications', notificationDocs.list, queryParams(notificationsQuery), async (c) => {
      const user = requireUser(c);
      return c.json(await listNotifications(db, user.id, { limit: c.req.valid('query').limit }));
    })
    .post('/notifications/read', notificationDocs.read, jsonBody(notificationsReadBody), async (c) => {
      const user = requireUser(c);
      const marked = await markRead(db, user.id, c.req.valid('json').ids);
      const unread = await unreadCount(db, user.id);
      if (marked > 0) bus.publish({ type: 'notifications-read', userId: user.id, unread }).catch(log);
      return c.json({ marked, unread });
    })
    .get('/notifications/events', notificationDocs.events, async (c) => {
      const user = requireUser(c);
      const sessionToken = c.get('sessionToken');
      const sessionId = sessionToken ? hashToken(sessionToken) : null;
      return liveStream(
        c,
        {
          heartbeatMs,
          shutdown,
          check: async () => (!sessionToken || (await sessionRowAlive(db, sessionToken)) ? true : 'signed-out'),
        },
        async (stream) => {
          const unsubscribe = bus.subscribe((event) => {
            if (event.type === 'notification' && event.userId === user.id)
              stream.send('notification', event.notification);
            if (event.type === 'notifications-read' && event.userId === user.id)
              stream.send('read', { unread: event.unread });
          });
          const unrevoke = revocations?.subscribe((revocation) => {
            if (
              (revocation.kind === 'session' && revocation.sessionId === sessionId) ||
              (revocation.kind === 'user' && revocation.userId === user.id)
            ) {
              stream.finish('signed-out');
            }
          });
          // Subscribed first, then counted: a notification in between is counted and also sent (the client dedupes by id).
          stream.send('ready', { unread: await unreadCount(db, user.id) });
          return () => {
            unsubscribe();
            unrevoke?.();
          };
        },
      );
    });
}
