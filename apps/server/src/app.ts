import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { createNodeWebSocket } from '@hono/node-ws';
import { type Auth, hashToken } from '@quorum/auth';
import type { Database } from '@quorum/db';
import type { RoomEngine } from '@quorum/sync';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { Redis } from 'ioredis';
import type { Histogram } from 'prom-client';
import { activityRoutes } from './activity/index.ts';
import { type AuthRateLimits, authRoutes, loadSession } from './auth/index.ts';
import { type CommentBus, commentRoutes, createLocalCommentBus } from './comments/index.ts';
import type { AppEnv } from './context.ts';
import { dealRoutes } from './deals/index.ts';
import { ApiError, type ErrorLogger, handleError, handleNotFound } from './errors/index.ts';
import { exportRoutes } from './export/index.ts';
import { createGuessLimiter, guideLinkRoutes, guidePageRoutes, lingeringDocs } from './guides/index.ts';
import { healthRoutes } from './health/index.ts';
import { inviteRoutes } from './invites/index.ts';
import {
  createMailer,
  type Mailer,
  mailGuideViewed,
  mailMention,
  mailPreferenceRoutes,
  mailVoiceSubmitted,
  unsubscribeRoutes,
} from './mail/index.ts';
import { memberRoutes } from './members/index.ts';
import { methodRoutes } from './method/index.ts';
import { type FanOutStats, metricsRoutes, type ServerCounters } from './metrics/index.ts';
import { type MentionNotice, notificationRoutes } from './notifications/index.ts';
import { openApiRoutes } from './openapi/index.ts';
import { checkOrigin } from './origin/index.ts';
import { createLimiterFactory, type RateLimit, type TokenBucketOptions } from './rate-limit/index.ts';
import { apiNoStore, appSecureHeaders, type MetricsAccess, securityHeaderValues } from './security/index.ts';
import { type StatusBus, type StatusProjection, statusRoutes, withPresence } from './status/index.ts';
import {
  type AccessRevocation,
  createLocalRevocationBus,
  type RevocationBus,
  SessionSockets,
  type SyncContext,
  type SyncLimits,
  syncRoutes,
} from './sync/index.ts';
import { templateRoutes } from './templates/index.ts';
import { createTokenAuthenticator, tokenRoutes } from './tokens/index.ts';
import { versionRoutes } from './versions/index.ts';
import { engagementRoutes } from './voices/index.ts';
import { type NodeHandler, serveWeb } from './web/index.ts';
import { guideWebhookHooks, type Resolver, type WebhookSender, webhookRoutes } from './webhooks/index.ts';

/** The import routes, whose bodies may be as large as `maxImportBytes`. */
const IMPORT_PATH = /^\/api\/deals\/(?:[^/]+\/)?import$/;

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
  /**
   * Comments and notifications (issue 13). `bus` carries their live events between instances (default: this process
   * only; `createRedisCommentBus` with `REDIS_URL`); `onMention` is called for each stored mention (to mail it);
   * `shutdown` ends their open event streams.
   */
  comments?: {
    bus?: CommentBus;
    onMention?: (mention: MentionNotice) => void | Promise<void>;
    heartbeatMs?: number;
    shutdown?: AbortSignal;
  };
  /** The app's public origin(s), e.g. `https://quorum.example.com`; the first one is used in links. */
  origin: string | readonly string[];
  /** SvelteKit adapter-node's handler: every request no other route answers goes to it. */
  web?: NodeHandler | null;
  /** Largest accepted API request body (default 64 KiB); larger ones get 413. */
  maxBodyBytes?: number;
  /** Largest accepted import (`POST /api/deals/import`, `/api/deals/:id/import`; default 2 MiB); larger ones get 413. */
  maxImportBytes?: number;
  /** Requests one API token may make (default 600 a minute, shared across instances with `limitsRedis`). */
  apiTokenRate?: RateLimit;
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
  /** The clock of guide links' expiry and view times. */
  now?: () => number;
  /**
   * The Redis every instance shares (`REDIS_URL`): login, signup, guide-link guessing and upgrade-rate limits
   * are then counted across instances. Without it each process counts on its own.
   */
  limitsRedis?: Redis;
  /** Prefix of the limiters' Redis keys (`RATE_LIMIT_PREFIX`; default `quorum:limit`). */
  limitsPrefix?: string;
  /**
   * Carries access revocations (logout, invalidated sessions, removed members) to every instance, which
   * closes the sockets concerned with 4401. Default: this process only.
   */
  revocations?: RevocationBus;
  /** Limits of the websocket endpoint (connection caps, heartbeat, session re-check). */
  syncLimits?: SyncLimits & {
    /** Upgrade requests handled at once by this instance; more are answered HTTP 429 (default 128). */
    maxUpgradesInFlight?: number;
  };
  /**
   * Who may read /metrics (default: local clients only, or holders of `token`). `serve: false` leaves it off the
   * app's port: `metricsApp` is then served on a separate port (`METRICS_PORT`) to any client that has the token
   * when one is set, or to any client at all.
   */
  metrics?: MetricsAccess & {
    serve?: boolean;
    /** The persist latency histogram the engine's persistence feeds (`timedPersistence`); default: an empty one. */
    persistLatency?: Histogram;
  };
  log?: ErrorLogger;
  /** With several instances: whether Redis is connected, reported by /healthz. */
  redis?: () => boolean;
  /** With several instances: the Redis fan-out's figures (`RedisFanOut.stats()`), exposed on /metrics. */
  fanOutStats?: () => FanOutStats;
  /**
   * Webhooks (DESIGN.md 7e): `allowPrivate` accepts endpoints on loopback, private and link-local addresses
   * (`WEBHOOK_ALLOW_PRIVATE=true`); `resolve` replaces the system resolver (tests); `sender` is woken when a delivery
   * is queued and its figures go to /metrics.
   */
  webhooks?: { allowPrivate?: boolean; resolve?: Resolver; sender?: WebhookSender };
  /**
   * Sends mail through the outbox (`createMailer({db, outbox})`; main.ts starts the outbox). Default: mail is only
   * enqueued, and waits in `mail_outbox` for an instance with a running outbox.
   */
  mailer?: Mailer;
  /** The activity feed (issue 13): `sameVisitMs`, how long a reopened room is the same visit (default 30 min). */
  activity?: { sameVisitMs?: number };
}

/** The Hono app, plus the hook that attaches its websocket endpoint to a Node server. */
export type QuorumApp = Hono<AppEnv> & {
  /** Call once with the Node HTTP server that serves this app (see `startServer`). */
  injectWebSocket(server: Server): void;
  /** `GET /metrics` alone, to serve on a separate port (`METRICS_PORT`); null without an engine. */
  metricsApp: Hono<AppEnv> | null;
  /** The app's open websockets by session, user and deal. */
  sessions: SessionSockets;
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
  maxImportBytes = 2 * 1024 * 1024,
  apiTokenRate,
  maxMessageBytes = 2 * 1024 * 1024,
  rateLimits,
  messageRate,
  trustProxy = false,
  now = Date.now,
  log,
  status,
  redis,
  fanOutStats,
  limitsRedis,
  limitsPrefix,
  revocations = createLocalRevocationBus(),
  syncLimits = {},
  metrics = {},
  comments = {},
  webhooks = {},
  mailer = createMailer({ db }),
  activity = {},
}: AppOptions): QuorumApp {
  const origins = typeof origin === 'string' ? [origin] : [...origin];
  if (origins.length === 0) throw new Error('createApp needs at least one origin');
  const counters: ServerCounters = { rateLimitedConnections: 0 };
  const app = new Hono<AppEnv>();
  const nodeWs = createNodeWebSocket({ app });
  nodeWs.wss.options.maxPayload = maxMessageBytes;
  app.onError(handleError({ log }));
  app.use(appSecureHeaders(origins));
  app.use('/api/*', apiNoStore());
  const limiters = createLimiterFactory({ redis: limitsRedis, keyPrefix: limitsPrefix });

  const api = new Hono<AppEnv>();
  const limitBody = (maxSize: number) =>
    bodyLimit({
      maxSize,
      onError: () =>
        new ApiError(413, 'body_too_large', `The request body is larger than ${maxSize} bytes.`).toResponse(),
    });
  const defaultLimit = limitBody(maxBodyBytes);
  const importLimit = limitBody(maxImportBytes);
  api.use((c, next) => (IMPORT_PATH.test(c.req.path) ? importLimit(c, next) : defaultLimit(c, next)));
  api.use(checkOrigin({ origins }));
  api.use(loadSession({ auth, bearer: createTokenAuthenticator({ db, limiters, rate: apiTokenRate, now }) }));
  const sessions = new SessionSockets();
  revocations.subscribe((revocation) => sessions.revoke(revocation));
  /** Closes the sockets of a session or an API token (by the SHA-256 of its token), here and on every instance. */
  const revokeByHash = (sessionId: string) => {
    const revocation = { kind: 'session', sessionId } as const;
    sessions.revoke(revocation); // at once here; the bus tells the other instances
    revocations.publish(revocation).catch((error: unknown) => (log ?? console.error)(error));
  };
  const revokeSession = (token: string) => revokeByHash(hashToken(token));
  /** Closes the sockets a revocation names here at once; the bus tells the other instances. */
  const revoke = async (revocation: AccessRevocation) => {
    sessions.revoke(revocation);
    await revocations.publish(revocation);
  };
  const logError = log ?? console.error;
  api.route(
    '/',
    authRoutes({
      db,
      auth,
      rateLimits,
      trustProxy,
      limiters,
      onLogout: revokeSession,
      mailer,
      origin: origins[0],
      onPasswordReset: (userId) => void revoke({ kind: 'user', userId }).catch(logError),
      log: logError,
    }),
  );
  api.route('/', tokenRoutes({ db, onRevoke: revokeByHash }));
  api.route('/', mailPreferenceRoutes({ db }));
  if (status) {
    // Before /deals/:id, which would otherwise take /deals/events.
    api.route('/', statusRoutes({ db, bus: status.bus, projection: status.projection, shutdown: status.shutdown }));
  }
  api.route(
    '/',
    dealRoutes({
      db,
      openDoc: engine ? (room) => engine.openDoc(room) : undefined,
      bus: status?.bus,
      log: logError,
    }),
  );
  api.route('/', inviteRoutes({ db, origin: origins[0]!, mailer }));
  api.route(
    '/',
    memberRoutes({ db, onRemoved: ({ userId, dealId }) => revoke({ kind: 'membership', userId, dealId }) }),
  );
  api.route('/', activityRoutes({ db, sameVisitMs: activity.sameVisitMs }));
  const wakeWebhooks = () => webhooks.sender?.wake();
  api.route(
    '/',
    webhookRoutes({ db, allowPrivate: webhooks.allowPrivate, resolve: webhooks.resolve, onQueued: wakeWebhooks }),
  );
  if (engine) {
    const openDoc = (room: string) => engine.openDoc(room);
    const guideHooks = guideWebhookHooks({ db, openDoc, onQueued: wakeWebhooks, now: () => new Date(now()) });
    const engagementMail = { db, mailer, openDoc, origin: origins[0]! };
    api.route('/', guideLinkRoutes({ db, openDoc, publicOrigin: origins[0], now: () => new Date(now()) }));
    app.route(
      '/',
      guidePageRoutes({
        db,
        openDoc: lingeringDocs(openDoc),
        trustProxy,
        guessLimiter: createGuessLimiter({ limiters }),
        limiters,
        origins,
        now: () => new Date(now()),
        // Webhooks and mail never fail the stakeholder's request: what cannot be queued is logged.
        onView: async (link, view) => {
          await Promise.resolve(guideHooks.onView?.(link, view)).catch(logError);
          if (view.first) await mailGuideViewed(engagementMail, link).catch(logError);
        },
        onAnswer: async (link) => {
          await Promise.resolve(guideHooks.onAnswer?.(link)).catch(logError);
          await mailVoiceSubmitted(engagementMail, link, new Date(now())).catch(logError);
        },
      }),
    );
    api.route('/', engagementRoutes({ db, openDoc, now: () => new Date(now()) }));
    api.route('/', methodRoutes({ db, openDoc, now: () => new Date(now()) }));
    api.route('/', exportRoutes({ db, openDoc }));
    api.route('/', versionRoutes({ db, openDoc }));
    api.route('/', templateRoutes({ db, openDoc }));
  }
  const commentBus = comments.bus ?? createLocalCommentBus();
  const commentStreams = {
    db,
    bus: commentBus,
    revocations,
    heartbeatMs: comments.heartbeatMs,
    shutdown: comments.shutdown ?? status?.shutdown,
    log,
  };
  api.route(
    '/',
    commentRoutes({
      ...commentStreams,
      openDoc: engine ? (room: string) => engine.openDoc(room) : undefined,
      // A mention is mailed to the person mentioned (their preferences permitting) unless the caller says otherwise.
      onMention: comments.onMention ?? ((mention) => mailMention({ mailer, origin: origins[0]! }, mention)),
    }),
  );
  api.route('/', notificationRoutes(commentStreams));
  api.route('/', openApiRoutes({ app }));
  api.all('*', handleNotFound);
  app.route('/api', api);

  app.route('/', healthRoutes({ db, redis }));
  const { sender } = webhooks;
  const webhookStats = sender ? () => sender.stats() : undefined;
  app.route('/', unsubscribeRoutes({ db, origin: origins[0]! }));
  const metricsApp = engine
    ? metricsRoutes({
        stats: () => engine.stats(),
        counters,
        fanOut: fanOutStats,
        webhooks: webhookStats,
        persistLatency: metrics.persistLatency,
        access: { token: metrics.token, allowRemote: metrics.serve === false },
      })
    : null;
  if (metricsApp && metrics.serve !== false) app.route('/', metricsApp);
  if (engine) {
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
        db,
        limits: syncLimits,
        limiters,
        trustProxy,
      }),
    );
  }
  if (web) app.use('*', serveWeb({ handler: web, headers: securityHeaderValues(origins) }));
  app.notFound((c) => c.text('Not found', 404));

  const { maxUpgradesInFlight = 128 } = syncLimits;
  return Object.assign(app, {
    injectWebSocket: (server: Server) => injectLimited(server, nodeWs, maxUpgradesInFlight, counters),
    metricsApp,
    sessions,
  });
}

/**
 * Attaches the websocket endpoint to `server`, answering HTTP 429 to upgrades beyond `maxInFlight` being handled
 * at once (an upgrade is in flight from its request until the socket opens or the connection closes).
 */
function injectLimited(
  server: Server,
  nodeWs: ReturnType<typeof createNodeWebSocket>,
  maxInFlight: number,
  counters: ServerCounters,
): void {
  let upgrade: ((request: IncomingMessage, socket: Duplex, head: Buffer) => void) | undefined;
  nodeWs.injectWebSocket({
    on: (_event: string, listener: typeof upgrade) => (upgrade = listener),
  } as unknown as Server);
  const handle = upgrade;
  if (!handle) throw new Error('the websocket adapter registered no upgrade listener');
  const pending = new WeakMap<IncomingMessage, () => void>();
  let inFlight = 0;
  nodeWs.wss.on('connection', (_ws, request: IncomingMessage) => pending.get(request)?.());
  server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    if (inFlight >= maxInFlight) {
      counters.refusedConnections = (counters.refusedConnections ?? 0) + 1;
      socket.end('HTTP/1.1 429 Too Many Requests\r\nConnection: close\r\nRetry-After: 1\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    inFlight += 1;
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      inFlight -= 1;
      pending.delete(request);
    };
    pending.set(request, finish);
    socket.once('close', finish);
    handle(request, socket, head);
  });
}
