import type { Server } from 'node:http';
import { createNodeWebSocket } from '@hono/node-ws';
import type { Auth } from '@quorum/auth';
import type { Database } from '@quorum/db';
import type { RoomEngine } from '@quorum/sync';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { type AuthRateLimits, authRoutes, loadSession } from './auth/index.ts';
import type { AppEnv } from './context.ts';
import { dealRoutes } from './deals/index.ts';
import { ApiError, type ErrorLogger, handleError, handleNotFound } from './errors/index.ts';
import { guideLinkRoutes, guidePageRoutes } from './guides/index.ts';
import { healthRoutes } from './health/index.ts';
import { inviteRoutes } from './invites/index.ts';
import { type FanOutStats, metricsRoutes, type ServerCounters } from './metrics/index.ts';
import { openApiRoutes } from './openapi/index.ts';
import { checkOrigin } from './origin/index.ts';
import type { TokenBucketOptions } from './rate-limit/index.ts';
import { type StatusBus, type StatusProjection, statusRoutes, withPresence } from './status/index.ts';
import { SessionSockets, type SyncContext, syncRoutes } from './sync/index.ts';
import { type NodeHandler, serveWeb } from './web/index.ts';

/** Options of {@link createApp}. */
export interface AppOptions {
  db: Database;
  auth: Auth;
  /**
   * The sync engine (its `onConnect` hook should be `createRoomGuard`); without it /sync, /metrics and
   * the guide routes (which read documents through `openDoc`) are absent.
   */
  engine?: Pick<RoomEngine<SyncContext>, 'connect' | 'stats' | 'openDoc'>;
  /**
   * The deal status feature: GET /api/deals/events and /api/deals/health-history; the projection (when
   * given) learns of presence changes to keep `online` current; `shutdown` ends open event streams.
   */
  status?: { bus: StatusBus; projection?: StatusProjection; shutdown?: AbortSignal };
  /** The app's public origin(s), e.g. `https://quorum.example.com`; the first one is used in links. */
  origin: string | readonly string[];
  /** SvelteKit adapter-node's handler: every request no other route answers goes to it. */
  web?: NodeHandler | null;
  /** Largest accepted API request body (default 64 KiB); larger ones get 413. */
  maxBodyBytes?: number;
  rateLimits?: Partial<AuthRateLimits>;
  /**
   * Largest websocket frame the socket layer buffers (default 2 MiB, like the engine's limit); a larger
   * frame closes the connection with 1009 before it is held in memory.
   */
  maxMessageBytes?: number;
  /** Per-websocket message rate limit. */
  messageRate?: Omit<TokenBucketOptions, 'now'>;
  /** Proxies in front of the app whose `X-Forwarded-For` is trusted for client IPs (true = 1). */
  trustProxy?: boolean | number;
  /** The clock of the rate limiters. */
  now?: () => number;
  log?: ErrorLogger;
  /** With several instances: whether Redis is connected, reported by /healthz. */
  redis?: () => boolean;
  /** With several instances: the Redis fan-out's figures (`RedisFanOut.stats()`), exposed on /metrics. */
  fanOutStats?: () => FanOutStats;
}

/** The Hono app, plus the hook that attaches its websocket endpoint to a Node server. */
export type QuorumApp = Hono<AppEnv> & {
  /** Call once with the Node HTTP server that serves this app (see `startServer`). */
  injectWebSocket(server: Server): void;
};

/**
 * Builds the Quorum HTTP app: `/api/*` (JSON, Origin-checked, session-aware), `/sync/*` websockets,
 * `/healthz`, `/metrics`, and the built web app for everything else. Tests call `app.request()`.
 */
export function createApp({
  db,
  auth,
  engine,
  origin,
  web = null,
  maxBodyBytes = 64 * 1024,
  maxMessageBytes = 2 * 1024 * 1024,
  rateLimits,
  messageRate,
  trustProxy = false,
  now = Date.now,
  log,
  status,
  redis,
  fanOutStats,
}: AppOptions): QuorumApp {
  const origins = typeof origin === 'string' ? [origin] : [...origin];
  if (origins.length === 0) throw new Error('createApp needs at least one origin');
  const counters: ServerCounters = { rateLimitedConnections: 0 };
  const app = new Hono<AppEnv>();
  const nodeWs = createNodeWebSocket({ app });
  nodeWs.wss.options.maxPayload = maxMessageBytes;
  app.onError(handleError({ log }));

  const api = new Hono<AppEnv>();
  api.use(
    bodyLimit({
      maxSize: maxBodyBytes,
      onError: () =>
        new ApiError(413, 'body_too_large', `The request body is larger than ${maxBodyBytes} bytes.`).toResponse(),
    }),
  );
  api.use(checkOrigin({ origins }));
  api.use(loadSession({ auth }));
  const sessions = new SessionSockets();
  api.route(
    '/',
    authRoutes({ db, auth, rateLimits, trustProxy, now, onLogout: (token) => sessions.closeSession(token) }),
  );
  if (status) {
    // Before /deals/:id, which would otherwise take /deals/events.
    api.route('/', statusRoutes({ db, bus: status.bus, projection: status.projection, shutdown: status.shutdown }));
  }
  api.route('/', dealRoutes({ db }));
  api.route('/', inviteRoutes({ db, origin: origins[0]! }));
  if (engine) {
    const openDoc = (room: string) => engine.openDoc(room);
    api.route('/', guideLinkRoutes({ db, openDoc, publicOrigin: origins[0], now: () => new Date(now()) }));
    app.route('/', guidePageRoutes({ db, openDoc, trustProxy, now: () => new Date(now()) }));
  }
  api.route('/', openApiRoutes({ app }));
  api.all('*', handleNotFound);
  app.route('/api', api);

  app.route('/', healthRoutes({ db, redis }));
  if (engine) {
    app.route('/', metricsRoutes({ stats: () => engine.stats(), counters, fanOut: fanOutStats }));
    app.route(
      '/',
      syncRoutes({
        engine: status?.projection ? withPresence(engine, status.projection.onPresence) : engine,
        auth,
        origins,
        upgradeWebSocket: nodeWs.upgradeWebSocket,
        messageRate,
        counters,
        sessions,
      }),
    );
  }
  if (web) app.use('*', serveWeb({ handler: web }));
  app.notFound((c) => c.text('Not found', 404));

  return Object.assign(app, { injectWebSocket: (server: Server) => nodeWs.injectWebSocket(server) });
}
