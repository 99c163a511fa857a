/**
 * The Quorum server process: reads the environment (the only module that does), opens the database,
 * starts the sync engine, the status projection and the HTTP app on one port, and shuts down cleanly
 * on SIGTERM/SIGINT (flush the engine, then close the database, then exit).
 */
import { createAuth } from '@quorum/auth';
import { createDb } from '@quorum/db';
import { computeStatus } from '@quorum/deal-model';
import { createTransportFromUrl, MailOutbox } from '@quorum/mail';
import { createPostgresPersistence, RedisFanOut, RoomEngine } from '@quorum/sync';
import { Redis } from 'ioredis';
import { ActivityRecorder, mailVerifierTicked, scheduleDigests } from './activity/index.ts';
import { createApp } from './app.ts';
import { createRedisCommentBus } from './comments/index.ts';
import { ConfigError, loadConfig } from './config/index.ts';
import { followMeta } from './deals/index.ts';
import { createMailer, mailHealthDrop } from './mail/index.ts';
import { createPersistLatency, timedPersistence } from './metrics/index.ts';
import { OverdueReminderJob } from './reminders/index.ts';
import { startServer } from './server.ts';
import { createLocalStatusBus, type StatusBus, StatusProjection } from './status/index.ts';
import { createRedisStatusBus } from './status/redis-status-bus.ts';
import {
  createLocalRevocationBus,
  createRedisRevocationBus,
  createRoomGuard,
  type SyncContext,
  sanitizeAwareness,
} from './sync/index.ts';
import { versionOnStageChange } from './versions/index.ts';
import { loadWebBuild } from './web/index.ts';
import { WebhookSender } from './webhooks/index.ts';

/** How often expired session rows are deleted. */
const SESSION_SWEEP_MS = 60 * 60 * 1000;

async function main(): Promise<void> {
  const config = loadConfig(process.env);
  const started = Date.now();
  const database = await createDb({ url: config.databaseUrl, dataDir: config.dataDir });
  const { db } = database;
  const auth = createAuth({ db, secure: config.origins[0]!.startsWith('https:') });
  // Mail leaves through the outbox; without SMTP_URL it is held there and logged, and nothing fails.
  const transport = config.smtpUrl ? createTransportFromUrl(config.smtpUrl) : null;
  const outbox = new MailOutbox({ db, transport, from: config.mailFrom });
  outbox.start();
  if (!transport) console.warn('[quorum] no SMTP_URL: mail is kept in the outbox (mail_outbox) and logged, not sent.');
  const mailer = createMailer({ db, outbox });
  const origin = config.origins[0]!;
  // Several instances on one Postgres: updates and status events fan out through Redis (never needed for durability).
  const fanOut = config.redisUrl ? new RedisFanOut({ url: config.redisUrl }) : undefined;
  const redisBus = config.redisUrl ? createRedisStatusBus({ url: config.redisUrl }) : undefined;
  const bus: StatusBus = redisBus ?? createLocalStatusBus();
  // Comments and their notifications reach every instance's listeners through Redis too.
  const commentBus = config.redisUrl ? createRedisCommentBus({ url: config.redisUrl }) : undefined;
  // Logouts and revoked access close sockets on every instance; rate limits count across instances.
  const redisRevocations = config.redisUrl ? createRedisRevocationBus({ url: config.redisUrl }) : undefined;
  const revocations = redisRevocations ?? createLocalRevocationBus();
  const limitsRedis = config.redisUrl
    ? new Redis(config.redisUrl, {
        enableOfflineQueue: false,
        maxRetriesPerRequest: 1,
        retryStrategy: (times) => Math.min(times * 100, 1_000),
        connectionName: 'quorum-limits',
      })
    : undefined;
  limitsRedis?.on('error', () => undefined); // the limiters fall back to per-process counts; the buses log outages
  if (fanOut && redisBus && redisRevocations) {
    const up = (await fanOut.ready()) && (await redisBus.ready()) && (await redisRevocations.ready());
    if (!up) console.warn('[quorum] Redis is not reachable: serving degraded (local fan-out only) until it is.');
  }
  let projection: StatusProjection | undefined;
  // The activity feed and commitments log, derived from what each session's updates stored; ticks mail the other side.
  const activity = new ActivityRecorder({
    db,
    onCommitment: (commitment) => mailVerifierTicked({ db, mailer, origin }, commitment),
  });
  const persistLatency = createPersistLatency();
  const engine = new RoomEngine<SyncContext>({
    persistence: timedPersistence(createPostgresPersistence(db), persistLatency),
    fanOut,
    maxMessageBytes: config.maxMessageBytes,
    hooks: {
      onConnect: createRoomGuard({ db, auth, origins: config.origins }),
      onAwarenessState: sanitizeAwareness,
      // Each instance projects the changes it stored and the people who joined or left through it.
      onChange: (room, doc, info) => {
        projection?.onChange(room, doc, info);
        activity.onChange(room, doc, info);
      },
      onLoaded: activity.onLoaded,
      onApplied: activity.onApplied,
      onAwareness: (room, info) => projection?.onAwareness(room, info),
    },
  });
  // Webhook deliveries go out from their Postgres outbox; every instance sends, none sends one twice at once.
  const webhookSender = new WebhookSender({ db, allowPrivate: config.webhookAllowPrivate });
  webhookSender.start();
  projection = new StatusProjection({
    db,
    engine,
    bus,
    compute: (shared, seller, { id, online }) => computeStatus(shared, seller, { id, online }),
    onWebhookQueued: () => webhookSender.wake(),
    // The deals row follows a title or buyer typed in the room; a health band drop is mailed; a change of the
    // verified stage takes a version of the deal.
    onStored: async ({ dealId, previous, status }) => {
      await followMeta(db, { dealId, status: { title: status.title, buyer: status.buyer } });
      const topRisk = (status.risks as Array<{ message: string }> | undefined)?.[0]?.message ?? null;
      await mailHealthDrop({ db, mailer, origin }, { dealId, before: previous?.health, after: status.health, topRisk });
      await versionOnStageChange({ db, openDoc: (room) => engine.openDoc(room) }, { dealId, previous, status });
    },
  });
  // Overdue verifiers of mutual plans: a reminder a day, and their deals reprojected so health follows the calendar.
  const reminders = new OverdueReminderJob({
    db,
    openDoc: (room) => engine.openDoc(room),
    mailer,
    origin,
    onDueDeals: (dealIds) => {
      for (const dealId of dealIds) projection?.schedule(dealId, { reread: true });
    },
  });
  reminders.start();
  // Each person's daily digest of what changed in their deals (once a day; every instance may run it).
  const digests = scheduleDigests({ db, mailer, origin });
  const web = await loadWebBuild(config.webBuildDir);
  if (!web) console.warn(`[quorum] no web build in ${config.webBuildDir}: serving the API only (run \`pnpm build\`).`);
  const shutdown = new AbortController();
  const app = createApp({
    db,
    auth,
    engine,
    origin: config.origins,
    web,
    trustProxy: config.trustProxy,
    maxMessageBytes: config.maxMessageBytes,
    status: { bus, projection, shutdown: shutdown.signal },
    comments: { bus: commentBus, shutdown: shutdown.signal },
    redis: fanOut && redisBus ? () => fanOut.connected && redisBus.connected : undefined,
    fanOutStats: fanOut ? () => fanOut.stats() : undefined,
    limitsRedis,
    limitsPrefix: config.rateLimitPrefix,
    revocations,
    syncLimits: {
      maxSocketsPerIp: config.maxSocketsPerIp,
      maxSocketsPerUser: config.maxSocketsPerUser,
      sessionCheckMs: config.sessionCheckMs,
    },
    metrics: { token: config.metricsToken, serve: config.metricsPort === undefined, persistLatency },
    webhooks: { allowPrivate: config.webhookAllowPrivate, sender: webhookSender },
    mailer,
    activity: { sameVisitMs: config.sameVisitMs },
  });
  const server = await startServer(app, { port: config.port, hostname: config.host });
  const metricsServer =
    config.metricsPort !== undefined && app.metricsApp
      ? await startServer(app.metricsApp, { port: config.metricsPort, hostname: config.host })
      : undefined;
  if (metricsServer) console.log(`[quorum] /metrics on port ${metricsServer.port}`);
  console.log(
    `[quorum] listening on ${config.origins[0]} (port ${server.port}, ${database.kind}${
      database.kind === 'pglite' ? ` in ${config.dataDir}` : ''
    }) after ${Date.now() - started} ms`,
  );

  const sweep = setInterval(() => {
    auth.deleteExpiredSessions().catch((error: unknown) => console.error('[quorum] session sweep failed', error));
  }, SESSION_SWEEP_MS);
  sweep.unref();

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`[quorum] ${signal}: flushing and shutting down`);
    shutdown.abort();
    clearInterval(sweep);
    const closing = Promise.all([server.close(), metricsServer?.close()]);
    try {
      await reminders.stop();
      await projection?.stop();
      await webhookSender.stop();
      await engine.close();
      digests.stop();
      await activity.flush();
      await closing;
      await outbox.stop();
      transport?.close();
      await bus.close();
      await commentBus?.close();
      await fanOut?.close();
      await revocations.close();
      limitsRedis?.disconnect();
      await database.close();
      process.exit(0);
    } catch (error) {
      console.error('[quorum] shutdown failed', error);
      process.exit(1);
    }
  };
  // `on`, not `once`: a second signal while flushing (a supervisor repeating itself) must not kill the flush.
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) console.error(`[quorum] configuration error: ${error.message}`);
  else console.error('[quorum] could not start', error);
  process.exit(1);
});
