import { healthHistoryQuery } from '@quorum/api-schema';
import type { Database } from '@quorum/db';
import type { Context } from 'hono';
import { Hono } from 'hono';
import { streamSSE } from 'hono/streaming';
import { queryParams } from '../openapi/index.ts';
import { statusDocs } from './docs.ts';
import type { StatusProjection } from './projection.ts';
import type { StatusBus, StatusEvent } from './status-bus.ts';
import { listVisibleStatuses, loadHealthHistory, sessionRowAlive } from './status-store.ts';
import type { DealStatusView, StatusViewer } from './status-types.ts';
import { statusViewFor } from './visibility.ts';

/** Options of {@link statusRoutes}. */
export interface StatusRoutesOptions {
  db: Database;
  bus: StatusBus;
  /** The caller of a request, or null when there is none; default: the `user` variable the session middleware sets. */
  viewer?: (c: Context<StatusEnv>) => StatusViewer | null | undefined | Promise<StatusViewer | null | undefined>;
  /** When given, deals that have no stored status yet are projected as soon as a dashboard asks for them. */
  projection?: Pick<StatusProjection, 'schedule'>;
  /** Interval of the SSE heartbeat comment that keeps proxies from closing an idle stream (default 15 s). */
  heartbeatMs?: number;
  /** Aborting it ends every open event stream (server shutdown). */
  shutdown?: AbortSignal;
  /**
   * Whether the stream's session is still valid, asked at every heartbeat; a stream whose session was
   * logged out or expired gets a `signed-out` event and ends. Default: the session row still exists and
   * has not expired (by the `sessionToken` variable the session middleware sets).
   */
  sessionAlive?: (c: Context<StatusEnv>) => Promise<boolean>;
}

/** The Hono environment the status routes read the session's user from. */
export interface StatusEnv {
  Variables: { user: StatusViewer | null; sessionToken: string | null };
}

const unauthorized = { error: { code: 'unauthorized', message: 'Log in to see deal status.' } };

/**
 * The status endpoints, to mount under `/api` before any `/deals/:id` route:
 * - `GET /deals/events`: server-sent events. On connect one `status` event per deal the caller may see
 *   (its stored status, in the caller's view), then `ready`, then one `status` event per change of a
 *   visible deal; a `ping` event as heartbeat every `heartbeatMs`, or `signed-out` (and the end of the
 *   stream) once the session is no longer valid.
 * - `GET /deals/health-history?ids=a,b&limit=60`: `{ history: { [dealId]: [{ health, at }] } }`, the
 *   health trend of each visible deal (full-view deals only).
 */
export function statusRoutes({
  db,
  bus,
  viewer: getViewer = (c) => c.get('user'),
  projection,
  heartbeatMs = 15_000,
  shutdown,
  sessionAlive = (c) => sessionRowAlive(db, c.get('sessionToken')),
}: StatusRoutesOptions): Hono<StatusEnv> {
  const app = new Hono<StatusEnv>();

  app.get('/deals/events', statusDocs.events, async (c) => {
    const viewer = await getViewer(c);
    if (!viewer) return c.json(unauthorized, 401);
    c.header('X-Accel-Buffering', 'no');
    return streamSSE(c, async (stream) => {
      /** Latest status per deal waiting to be written: a slow client gets the newest, never a backlog. */
      const outbox = new Map<string, DealStatusView>();
      let ready = false;
      let writing: Promise<void> | null = null;

      const drain = async () => {
        while (outbox.size > 0 && !stream.aborted) {
          const [dealId, status] = outbox.entries().next().value as [string, DealStatusView];
          outbox.delete(dealId);
          await stream.writeSSE({ event: 'status', data: JSON.stringify(status) });
        }
      };
      const kick = () => {
        if (!ready || writing) return;
        writing = drain().finally(() => {
          writing = null;
          if (outbox.size > 0) kick();
        });
      };
      const onEvent = (event: StatusEvent) => {
        const view = statusViewFor(viewer, event.audience);
        if (!view || !event.changed[view]) return;
        outbox.delete(event.dealId);
        const status = view === 'full' ? event.status : event.sharedStatus;
        outbox.set(event.dealId, event.audience.state ? { ...status, state: event.audience.state } : status);
        kick();
      };

      const unsubscribe = bus.subscribe(onEvent);
      // A named event, not a comment: the browser's EventSource only reports events, and the dashboard
      // uses the heartbeat to notice a stream that died without closing.
      let end = () => undefined as void;
      const heartbeat = setInterval(() => {
        void (async () => {
          let alive = true;
          try {
            alive = await sessionAlive(c);
          } catch (error) {
            // The database is unreachable for a moment: keep the stream rather than sign everyone out.
            console.warn('[status] could not check an event stream`s session', error);
          }
          if (alive) {
            await stream.writeSSE({ event: 'ping', data: '' });
            return;
          }
          await stream.writeSSE({ event: 'signed-out', data: '' });
          end();
        })();
      }, heartbeatMs);
      const closed = new Promise<void>((resolve) => {
        end = resolve;
        stream.onAbort(resolve);
        if (shutdown?.aborted) resolve();
        shutdown?.addEventListener('abort', () => resolve(), { once: true });
      });
      try {
        const visible = await listVisibleStatuses(db, viewer);
        for (const deal of visible) {
          if (!deal.status) projection?.schedule(deal.dealId);
          else if (!outbox.has(deal.dealId))
            await stream.writeSSE({ event: 'status', data: JSON.stringify({ ...deal.status, state: deal.state }) });
        }
        await stream.writeSSE({ event: 'ready', data: JSON.stringify({ deals: visible.length }) });
        ready = true;
        kick();
        await closed;
      } finally {
        clearInterval(heartbeat);
        unsubscribe();
        outbox.clear();
      }
    });
  });

  app.get('/deals/health-history', statusDocs.healthHistory, queryParams(healthHistoryQuery), async (c) => {
    const viewer = await getViewer(c);
    if (!viewer) return c.json(unauthorized, 401);
    const { ids: dealIds, limit } = c.req.valid('query');
    const history = await loadHealthHistory(db, viewer, { dealIds, limit });
    return c.json({ history });
  });

  return app;
}
