import { type Auth, hashToken, parseRoomName } from '@quorum/auth';
import type { Database } from '@quorum/db';
import { CloseCode, type RoomEngine, type SyncConnection } from '@quorum/sync';
import { Hono } from 'hono';
import type { UpgradeWebSocket } from 'hono/ws';
import type { WebSocket } from 'ws';
import type { AppEnv } from '../context.ts';
import { ApiError } from '../errors/index.ts';
import type { ServerCounters } from '../metrics/index.ts';
import { isAllowedOrigin } from '../origin/index.ts';
import {
  clientIp,
  createLimiterFactory,
  type LimiterFactory,
  type RateLimit,
  TokenBucket,
  type TokenBucketOptions,
} from '../rate-limit/index.ts';
import { findTokenHolder, readBearerToken } from '../tokens/index.ts';
import { ConnectionCaps } from './connection-caps.ts';
import { lazyInterval } from './lazy-interval.ts';
import type { SyncContext } from './room-guard.ts';
import { liveSessionIds } from './session-check.ts';
import { SessionSockets } from './session-sockets.ts';

/** Close code for a connection that floods messages (RFC 6455 policy violation). */
export const CLOSE_RATE_LIMITED = 1008;

/** The websocket endpoint's limits; every one has a default (see docs/security.md). */
export interface SyncLimits {
  /** Open websockets per client IP on one instance; the next upgrade is refused with HTTP 429 (default 50). */
  maxSocketsPerIp?: number;
  /** Open websockets per user on one instance; the next upgrade is refused with HTTP 429 (default 20). */
  maxSocketsPerUser?: number;
  /** Upgrade attempts per client IP, shared across instances through Redis (default 300 a minute); HTTP 429. */
  upgradesPerIp?: RateLimit;
  /** How often each socket is pinged; a socket that has not answered the previous ping is terminated (default 30 s). */
  heartbeatMs?: number;
  /** How often the sessions of open sockets are re-checked; an expired or deleted one closes with 4401 (default 60 s). */
  sessionCheckMs?: number;
  /** How long a closing socket may take to answer the close frame before it is dropped (default 2 s). */
  closeGraceMs?: number;
}

/** Options of {@link syncRoutes}. */
export interface SyncRoutesOptions {
  engine: Pick<RoomEngine<SyncContext>, 'connect'>;
  auth: Auth;
  db: Database;
  origins: readonly string[];
  upgradeWebSocket: UpgradeWebSocket;
  /** Per-connection message rate (default 200/s sustained, bursts of 1,000). */
  messageRate?: Omit<TokenBucketOptions, 'now'>;
  counters: ServerCounters;
  /** Open sockets by session, user and deal, closed with 4401 when access is revoked. */
  sessions?: SessionSockets;
  limits?: SyncLimits;
  /** Makes the upgrade-rate limiter (shared through Redis when the app has it). */
  limiters?: LimiterFactory;
  /** Proxies whose `X-Forwarded-For` is trusted for client IPs. */
  trustProxy?: boolean | number;
  /** Called when the session re-check cannot read the database (the sockets stay open until the next one). */
  onError?: (error: unknown) => void;
}

/** A socket the heartbeat watches. */
interface Beating {
  raw: WebSocket;
  alive: boolean;
}

/**
 * `GET /sync/<room>`: the y-websocket endpoint. A wrong Origin is refused before the upgrade (HTTP 403), and so
 * is a client past its connection caps or upgrade rate (HTTP 429); everything else (session, room name, access)
 * is decided by the engine's `onConnect` hook, which closes with 4401/4403/4404 before any document byte is sent.
 * A connection that sends more than its message rate is closed with 1008; one that stops answering pings is
 * terminated; one whose session ends (logout on any instance, expiry, revocation) is closed with 4401.
 */
export function syncRoutes({
  engine,
  auth,
  db,
  origins,
  upgradeWebSocket,
  messageRate = { perSecond: 200, burst: 1000 },
  counters,
  sessions = new SessionSockets(),
  limits = {},
  limiters = createLimiterFactory(),
  trustProxy = false,
  onError = (error) => console.error('[sync] could not re-check sessions, database unavailable:', error),
}: SyncRoutesOptions) {
  const {
    maxSocketsPerIp = 50,
    maxSocketsPerUser = 20,
    upgradesPerIp = { limit: 300, windowMs: 60_000 },
    heartbeatMs = 30_000,
    sessionCheckMs = 60_000,
    closeGraceMs = 2_000,
  } = limits;
  const caps = new ConnectionCaps({ perIp: maxSocketsPerIp, perUser: maxSocketsPerUser });
  const upgrades = limiters('upgrade-ip', upgradesPerIp);
  const beating = new Set<Beating>();
  const heartbeat = lazyInterval(() => {
    for (const socket of beating) {
      if (!socket.alive) {
        counters.heartbeatTimeouts = (counters.heartbeatTimeouts ?? 0) + 1;
        socket.raw.terminate();
        continue;
      }
      socket.alive = false;
      socket.raw.ping();
    }
  }, heartbeatMs);
  let checking = false;
  const sessionCheck = lazyInterval(() => {
    if (checking) return;
    checking = true;
    void recheckSessions().finally(() => {
      checking = false;
    });
  }, sessionCheckMs);

  async function recheckSessions(): Promise<void> {
    const open = sessions.sessions();
    if (open.length === 0) return;
    let live: Set<string>;
    try {
      live = await liveSessionIds(
        db,
        open.map((session) => session.sessionId),
        new Date(),
      );
    } catch (error) {
      onError(error);
      return;
    }
    for (const { sessionId } of open) {
      if (!live.has(sessionId)) sessions.revoke({ kind: 'session', sessionId });
    }
  }

  return new Hono<AppEnv>().get(
    '/sync/*',
    async (c, next) => {
      const token = auth.readSessionToken(c.req.header('cookie'));
      // A script's API token counts only without a cookie; such a connection needs no Origin (see the room guard).
      const bearer = token ? null : readBearerToken(c.req.header('authorization'));
      if (!bearer && !isAllowedOrigin(c.req.header('origin'), origins)) {
        throw ApiError.forbidden('bad_origin', 'This connection did not come from the Quorum app.');
      }
      if (c.req.header('upgrade')?.toLowerCase() !== 'websocket') {
        throw new ApiError(426, 'upgrade_required', 'This endpoint speaks the y-websocket protocol over a websocket.');
      }
      const ip = clientIp(c, { trustProxy });
      const rate = await upgrades.hit(ip);
      if (!rate.allowed) throw tooManyConnections(counters, rate.retryAfterSeconds);
      // The user, for the per-user cap. The room guard checks the session again and is the one that refuses
      // (4401, or 1013 when the database cannot be read), so a failed lookup here only means "no user yet".
      const session = token
        ? await auth.validateSessionToken(token).catch(() => null)
        : bearer
          ? await findTokenHolder(db, bearer).catch(() => null)
          : null;
      c.set('user', session?.user ?? null);
      const release = caps.reserve(ip, session?.user.id ?? null);
      if (typeof release === 'string') throw tooManyConnections(counters, 10);
      const socket = c.env?.incoming?.socket;
      if (!socket || socket.destroyed) release();
      else socket.once('close', release);
      await next();
    },
    upgradeWebSocket((c) => {
      const room = decodeRoom(c.req.path.slice('/sync/'.length));
      const cookieToken = auth.readSessionToken(c.req.header('cookie'));
      const bearer = cookieToken ? null : readBearerToken(c.req.header('authorization'));
      const context: SyncContext = {
        sessionToken: cookieToken,
        origin: c.req.header('origin') ?? null,
        bearerToken: bearer,
      };
      // Sockets are registered under the SHA-256 of their session or API token: revoking either closes them.
      const token = cookieToken ?? bearer;
      const userId = c.get('user')?.id ?? null;
      const bucket = new TokenBucket(messageRate);
      let connection: SyncConnection | undefined;
      let beat: Beating | undefined;
      const cleanups: Array<() => void> = [];
      let closeWith: (code: number, reason: string) => void = () => undefined;
      return {
        onOpen(_event, ws) {
          const raw = ws.raw as WebSocket;
          closeWith = (code, reason) => {
            if (raw.readyState === raw.CLOSED) return;
            ws.close(code, reason);
            // A client that never answers the close frame is dropped, instead of holding the socket for ws's 30 s.
            setTimeout(() => raw.terminate(), closeGraceMs).unref();
          };
          // Built as a variable: the engine's SyncSocket reads `bufferedAmount` for its output backpressure.
          const socket = {
            send: (data: Uint8Array) => ws.send(data as Uint8Array<ArrayBuffer>),
            close: (code: number, reason?: string) => closeWith(code, reason ?? ''),
            bufferedAmount: () => raw.bufferedAmount,
          };
          connection = engine.connect(socket, { room, context });
          const watched: Beating = { raw, alive: true };
          beat = watched;
          raw.on('pong', () => {
            watched.alive = true;
          });
          beating.add(watched);
          cleanups.push(heartbeat.retain());
          if (token) {
            const owner = { token, sessionId: hashToken(token), userId, dealId: parseRoomName(room)?.dealId ?? null };
            cleanups.push(
              sessions.add(owner, (revocation) => {
                counters.revokedConnections = (counters.revokedConnections ?? 0) + 1;
                // A removed member still has a session: 4403 (no access to this deal), not 4401 (signed out).
                if (revocation.kind === 'membership') closeWith(CloseCode.forbidden, 'removed from the deal');
                else closeWith(CloseCode.unauthorized, 'access revoked');
                connection?.close();
              }),
              sessionCheck.retain(),
            );
          }
        },
        onMessage(event) {
          if (!connection) return;
          if (!bucket.take()) {
            counters.rateLimitedConnections += 1;
            closeWith(CLOSE_RATE_LIMITED, 'too many messages');
            connection.close();
            return;
          }
          const { data } = event;
          if (!(data instanceof ArrayBuffer)) {
            closeWith(CloseCode.invalidData, 'binary frames only');
            connection.close();
            return;
          }
          connection.receive(new Uint8Array(data));
        },
        onClose() {
          if (beat) beating.delete(beat);
          for (const cleanup of cleanups.splice(0)) cleanup();
          connection?.close();
        },
      };
    }),
  );
}

function tooManyConnections(counters: ServerCounters, retryAfterSeconds: number): ApiError {
  counters.refusedConnections = (counters.refusedConnections ?? 0) + 1;
  return new ApiError(429, 'too_many_connections', 'Too many connections from this client. Try again shortly.', {
    headers: { 'Retry-After': String(retryAfterSeconds) },
  });
}

function decodeRoom(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw; // not valid percent-encoding: the guard refuses it as an unknown room (4404)
  }
}
