import type { Auth } from '@quorum/auth';
import { CloseCode, type RoomEngine, type SyncConnection } from '@quorum/sync';
import { Hono } from 'hono';
import type { UpgradeWebSocket } from 'hono/ws';
import type { AppEnv } from '../context.ts';
import { ApiError } from '../errors/index.ts';
import type { ServerCounters } from '../metrics/index.ts';
import { isAllowedOrigin } from '../origin/index.ts';
import { TokenBucket, type TokenBucketOptions } from '../rate-limit/index.ts';
import type { SyncContext } from './room-guard.ts';
import type { SessionSockets } from './session-sockets.ts';

/** Close code for a connection that floods messages (RFC 6455 policy violation). */
export const CLOSE_RATE_LIMITED = 1008;

/** Options of {@link syncRoutes}. */
export interface SyncRoutesOptions {
  engine: Pick<RoomEngine<SyncContext>, 'connect'>;
  auth: Auth;
  origins: readonly string[];
  upgradeWebSocket: UpgradeWebSocket;
  /** Per-connection message rate (default 200/s sustained, bursts of 1,000). */
  messageRate?: Omit<TokenBucketOptions, 'now'>;
  counters: ServerCounters;
  /** Open sockets by session, closed with 4401 when the session logs out. */
  sessions?: SessionSockets;
}

/**
 * `GET /sync/<room>`: the y-websocket endpoint. A wrong Origin is refused before the upgrade (HTTP 403);
 * everything else (session, room name, access) is decided by the engine's `onConnect` hook, which closes
 * with 4401/4403/4404 before any document byte is sent. A connection that sends more than its message
 * rate is closed with 1008.
 */
export function syncRoutes({
  engine,
  auth,
  origins,
  upgradeWebSocket,
  messageRate = { perSecond: 200, burst: 1000 },
  counters,
  sessions,
}: SyncRoutesOptions) {
  return new Hono<AppEnv>().get(
    '/sync/*',
    async (c, next) => {
      if (!isAllowedOrigin(c.req.header('origin'), origins)) {
        throw ApiError.forbidden('bad_origin', 'This connection did not come from the Quorum app.');
      }
      if (c.req.header('upgrade')?.toLowerCase() !== 'websocket') {
        throw new ApiError(426, 'upgrade_required', 'This endpoint speaks the y-websocket protocol over a websocket.');
      }
      await next();
    },
    upgradeWebSocket((c) => {
      const room = decodeRoom(c.req.path.slice('/sync/'.length));
      const context: SyncContext = {
        sessionToken: auth.readSessionToken(c.req.header('cookie')),
        origin: c.req.header('origin') ?? null,
      };
      const bucket = new TokenBucket(messageRate);
      let connection: SyncConnection | undefined;
      let unregister: (() => void) | undefined;
      return {
        onOpen(_event, ws) {
          connection = engine.connect(
            {
              send: (data) => ws.send(data as Uint8Array<ArrayBuffer>),
              close: (code, reason) => ws.close(code, reason),
            },
            { room, context },
          );
          if (sessions && context.sessionToken) {
            unregister = sessions.add(context.sessionToken, () => {
              ws.close(CloseCode.unauthorized, 'logged out');
              connection?.close();
            });
          }
        },
        onMessage(event, ws) {
          if (!connection) return;
          if (!bucket.take()) {
            counters.rateLimitedConnections += 1;
            ws.close(CLOSE_RATE_LIMITED, 'too many messages');
            connection.close();
            return;
          }
          const { data } = event;
          if (!(data instanceof ArrayBuffer)) {
            ws.close(CloseCode.invalidData, 'binary frames only');
            connection.close();
            return;
          }
          connection.receive(new Uint8Array(data));
        },
        onClose() {
          unregister?.();
          connection?.close();
        },
      };
    }),
  );
}

function decodeRoom(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw; // not valid percent-encoding: the guard refuses it as an unknown room (4404)
  }
}
