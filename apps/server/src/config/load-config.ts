import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Thrown at start-up when a setting is invalid; the message names the variable and what is expected. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** The server's settings, parsed and checked. */
export interface Config {
  port: number;
  host: string;
  /** Postgres URL; undefined means the embedded PGlite in `dataDir`. */
  databaseUrl: string | undefined;
  dataDir: string;
  /** The app's public origins; the first is used in links (invites, guides). */
  origins: string[];
  redisUrl: string | undefined;
  webBuildDir: string;
  maxMessageBytes: number;
  /** Proxies in front whose `X-Forwarded-For` is trusted: 0 (none), or how many. */
  trustProxy: number;
  /** `METRICS_TOKEN`: /metrics requires `Authorization: Bearer <token>`. */
  metricsToken: string | undefined;
  /**
   * `RATE_LIMIT_PREFIX`: the prefix of the rate limiters' Redis keys (default `quorum:limit`). Instances that share
   * limits share it; a separate deployment (or a test run) on the same Redis takes its own.
   */
  rateLimitPrefix: string;
  /** `METRICS_PORT`: /metrics is served on this port (same host) instead of the app's. */
  metricsPort: number | undefined;
  /** Open websockets per client IP on one instance (`MAX_SOCKETS_PER_IP`, 50). */
  maxSocketsPerIp: number;
  /** Open websockets per user on one instance (`MAX_SOCKETS_PER_USER`, 20). */
  maxSocketsPerUser: number;
  /** How often the sessions of open websockets are re-checked (`SESSION_CHECK_MS`, 60 s). */
  sessionCheckMs: number;
  /** `WEBHOOK_ALLOW_PRIVATE=true`: webhook URLs may reach loopback, private and link-local addresses. */
  webhookAllowPrivate: boolean;
  /** `SMTP_URL` (`smtp://…` or `smtps://…`): mail is sent through it; unset, mail waits in the outbox and is logged. */
  smtpUrl: string | undefined;
  /** `MAIL_FROM`: the sender of Quorum's mail (default `Quorum <quorum@<origin's host>>`). */
  mailFrom: string;
  /** `SAME_VISIT_MS` (30 min): reopening a deal room within this long is the same visit for "since your last visit". */
  sameVisitMs: number;
}

/** The web app's build directory when `WEB_BUILD_DIR` is unset: apps/web/build next to this package. */
const DEFAULT_WEB_BUILD = fileURLToPath(new URL('../../../web/build', import.meta.url));

/**
 * Reads the settings from an environment (main passes `process.env`; nothing else reads it):
 * PORT (3000), HOST (0.0.0.0), DATABASE_URL, DATA_DIR (.data), ORIGIN (http://localhost:$PORT; several
 * separated by commas), REDIS_URL, WEB_BUILD_DIR (apps/web/build), MAX_MESSAGE_BYTES (2 MiB),
 * TRUST_PROXY (false; true or a count of proxies), METRICS_TOKEN, METRICS_PORT, MAX_SOCKETS_PER_IP (50),
 * MAX_SOCKETS_PER_USER (20), SESSION_CHECK_MS (60000), WEBHOOK_ALLOW_PRIVATE (false), SMTP_URL, MAIL_FROM (Quorum
 * <quorum@host of ORIGIN>), SAME_VISIT_MS (1800000). Throws a {@link ConfigError} naming the first bad variable.
 */
export function loadConfig(env: Record<string, string | undefined>): Config {
  const port = integer(env, 'PORT', 3000, 0, 65_535);
  const databaseUrl = blank(env.DATABASE_URL) ? undefined : env.DATABASE_URL!;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new ConfigError('DATABASE_URL must be a postgres:// URL (leave it unset to use the embedded database).');
  }
  const redisUrl = blank(env.REDIS_URL) ? undefined : env.REDIS_URL!;
  if (redisUrl && !/^rediss?:\/\//.test(redisUrl)) throw new ConfigError('REDIS_URL must be a redis:// URL.');
  const publicOrigins = origins(blank(env.ORIGIN) ? `http://localhost:${port}` : env.ORIGIN!);
  return {
    port,
    host: blank(env.HOST) ? '0.0.0.0' : env.HOST!,
    databaseUrl,
    dataDir: blank(env.DATA_DIR) ? '.data' : env.DATA_DIR!,
    origins: publicOrigins,
    redisUrl,
    webBuildDir: blank(env.WEB_BUILD_DIR) ? DEFAULT_WEB_BUILD : resolve(env.WEB_BUILD_DIR!),
    maxMessageBytes: integer(env, 'MAX_MESSAGE_BYTES', 2 * 1024 * 1024, 1024, 256 * 1024 * 1024),
    trustProxy: proxies(env),
    metricsToken: metricsToken(env.METRICS_TOKEN),
    rateLimitPrefix: env.RATE_LIMIT_PREFIX?.trim() || 'quorum:limit',
    metricsPort: blank(env.METRICS_PORT) ? undefined : integer(env, 'METRICS_PORT', 0, 1, 65_535),
    maxSocketsPerIp: integer(env, 'MAX_SOCKETS_PER_IP', 50, 1, 100_000),
    maxSocketsPerUser: integer(env, 'MAX_SOCKETS_PER_USER', 20, 1, 100_000),
    sessionCheckMs: integer(env, 'SESSION_CHECK_MS', 60_000, 50, 3_600_000),
    webhookAllowPrivate: env.WEBHOOK_ALLOW_PRIVATE?.trim().toLowerCase() === 'true',
    smtpUrl: smtpUrl(env.SMTP_URL),
    mailFrom: mailFrom(env.MAIL_FROM, new URL(publicOrigins[0]!).hostname),
    sameVisitMs: integer(env, 'SAME_VISIT_MS', 30 * 60 * 1000, 0, 24 * 60 * 60 * 1000),
  };
}

/** SMTP_URL: unset, or an `smtp://` / `smtps://` URL with a host (credentials, port and options as nodemailer reads them). */
function smtpUrl(raw: string | undefined): string | undefined {
  if (blank(raw)) return undefined;
  const value = raw!.trim();
  let url: URL | null = null;
  try {
    url = new URL(value);
  } catch {
    url = null;
  }
  if (!url || (url.protocol !== 'smtp:' && url.protocol !== 'smtps:') || url.hostname === '') {
    throw new ConfigError(
      'SMTP_URL must be an smtp:// or smtps:// URL, like smtps://user:password@smtp.example.com:465.',
    );
  }
  return value;
}

/** MAIL_FROM: `Name <address>` or a bare address; default `Quorum <quorum@<host>>`. */
function mailFrom(raw: string | undefined, host: string): string {
  if (blank(raw)) return `Quorum <quorum@${host.includes('.') ? host : `${host}.localdomain`}>`;
  const value = raw!.trim();
  if (!/^([^<>\r\n]*<[^\s<>@]+@[^\s<>@]+>|[^\s<>@]+@[^\s<>@]+)$/.test(value)) {
    throw new ConfigError(`MAIL_FROM must be an address or "Name <address>" (got "${value}").`);
  }
  return value;
}

/** METRICS_TOKEN: unset, or at least 16 characters without spaces (it is compared as a bearer token). */
function metricsToken(raw: string | undefined): string | undefined {
  if (blank(raw)) return undefined;
  const token = raw!.trim();
  if (token.length < 16 || /\s/.test(token)) {
    throw new ConfigError('METRICS_TOKEN must be at least 16 characters without spaces.');
  }
  return token;
}

function blank(value: string | undefined): boolean {
  return value === undefined || value.trim() === '';
}

function integer(env: Record<string, string | undefined>, name: string, fallback: number, min: number, max: number) {
  const raw = env[name];
  if (blank(raw)) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(`${name} must be a whole number from ${min} to ${max} (got "${raw}").`);
  }
  return value;
}

/** TRUST_PROXY: false/0 (default), true (one proxy), or the number of proxies in front. */
function proxies(env: Record<string, string | undefined>): number {
  const raw = env.TRUST_PROXY?.trim().toLowerCase();
  if (raw === undefined || raw === '' || raw === 'false' || raw === 'no') return 0;
  if (raw === 'true' || raw === 'yes') return 1;
  const hops = Number(raw);
  if (Number.isInteger(hops) && hops >= 0 && hops <= 10) return hops;
  throw new ConfigError(
    `TRUST_PROXY must be true, false or the number of proxies in front (got "${env.TRUST_PROXY}").`,
  );
}

function origins(raw: string): string[] {
  return raw.split(',').map((part) => {
    const value = part.trim();
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      throw new ConfigError(
        `ORIGIN must be the app's public origin, like https://quorum.example.com (got "${value}").`,
      );
    }
    if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.origin !== value.replace(/\/$/, '')) {
      throw new ConfigError(
        `ORIGIN must be a bare http(s) origin without a path, like https://quorum.example.com (got "${value}").`,
      );
    }
    return url.origin;
  });
}
