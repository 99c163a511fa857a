import { type Database, OutboxWorker, webhookDeliveries, webhookEndpoints } from '@quorum/db';
import { eq, inArray, sql } from 'drizzle-orm';
import { type Resolver, resolveWebhookTarget, systemResolver, WebhookUrlError } from './address-guard.ts';
import { postWebhook } from './post-webhook.ts';
import { signatureHeader } from './signature.ts';

/** Where the sender reports what it did. `console` fits. */
export interface WebhookLog {
  info(message: string): void;
  error(message: string, error?: unknown): void;
}

/** What the sender did since it started (for /metrics). */
export interface WebhookSenderStats {
  /** Deliveries answered 2xx. */
  delivered: number;
  /** Attempts that failed (non-2xx, timeout, network error) and will be retried. */
  retried: number;
  /** Deliveries given up: after the last attempt, or refused (a private address) before sending. */
  failed: number;
}

/** Options of {@link WebhookSender}. */
export interface WebhookSenderOptions {
  db: Database;
  /** Allow loopback, private and link-local addresses (`WEBHOOK_ALLOW_PRIVATE=true`). */
  allowPrivate?: boolean;
  /** How host names are resolved at delivery (tests simulate DNS with it). */
  resolve?: Resolver;
  /** How long one attempt may take, answer included (default 10 s). */
  timeoutMs?: number;
  /** Attempts before a delivery is given up (default 8). */
  maxAttempts?: number;
  /** Retry delay after the first failure (ms); doubles each time up to `backoffCapMs` (default 5 s → 1 h). */
  backoffBaseMs?: number;
  backoffCapMs?: number;
  /** How often to look for due deliveries when idle (default 1 s). */
  pollMs?: number;
  /** How long a delivery may stay `sending` before another round sends it again (default 2 min). */
  leaseMs?: number;
  /** Deliveries claimed per round (default 20). */
  batchSize?: number;
  /** The wall clock of the signature's timestamp (seconds are taken from it). */
  now?: () => number;
  log?: WebhookLog;
}

const defaultLog: WebhookLog = {
  info: (message) => console.log(`[quorum] ${message}`),
  error: (message, error) => console.error(`[quorum] ${message}`, error ?? ''),
};

type Claimed = typeof webhookDeliveries.$inferSelect & { url: string; secret: string };

/**
 * Delivers the webhook outbox (`webhook_deliveries`). Any number of instances may run against one database: each
 * round claims due rows with `SELECT … FOR UPDATE SKIP LOCKED`, marking them `sending` in the same committed
 * statement (`@quorum/db`'s {@link OutboxWorker}, as `@quorum/mail`'s outbox), so no two instances send one at once. Each attempt re-resolves the
 * endpoint's host, refuses it when an address is not public (unless `allowPrivate`), connects to the address it
 * checked, and POSTs the stored body signed afresh (`Quorum-Signature`, `Quorum-Event`, `Quorum-Delivery`). A 2xx
 * answer delivers it; a non-2xx answer, a timeout or a network error schedules a retry with exponential backoff, up
 * to `maxAttempts`; a refused address fails it at once. Every attempt's answer (status and excerpt) is logged on the
 * row.
 *
 * At least once: a row left `sending` by a crashed instance is sent again once `leaseMs` has passed, so a receiver
 * may see a delivery twice and should ignore a `Quorum-Delivery` id it has already handled.
 */
export class WebhookSender {
  readonly #db: Database;
  readonly #allowPrivate: boolean;
  readonly #resolve: Resolver;
  readonly #timeoutMs: number;
  readonly #now: () => number;
  readonly #log: WebhookLog;
  readonly #stats: WebhookSenderStats = { delivered: 0, retried: 0, failed: 0 };
  readonly #worker: OutboxWorker<typeof webhookDeliveries>;

  constructor({
    db,
    allowPrivate = false,
    resolve = systemResolver,
    timeoutMs = 10_000,
    maxAttempts = 8,
    backoffBaseMs = 5_000,
    backoffCapMs = 3_600_000,
    pollMs = 1_000,
    leaseMs = 120_000,
    batchSize = 20,
    now = Date.now,
    log = defaultLog,
  }: WebhookSenderOptions) {
    this.#db = db;
    this.#allowPrivate = allowPrivate;
    this.#resolve = resolve;
    this.#timeoutMs = timeoutMs;
    this.#now = now;
    this.#log = log;
    this.#worker = new OutboxWorker({
      db,
      table: webhookDeliveries,
      name: 'webhook sender',
      delivery: 'at-least-once',
      maxAttempts,
      backoffBaseMs,
      backoffCapMs,
      pollMs,
      leaseMs,
      batchSize,
      log,
      process: async (rows) => {
        const claimed = await this.#withEndpoints(rows);
        await Promise.all(claimed.map((row) => this.#send(row)));
      },
    });
  }

  /** Counts since start: delivered, retried attempts, given up. */
  stats(): WebhookSenderStats {
    return { ...this.#stats };
  }

  /** Starts polling (the first round runs at once). */
  start(): void {
    this.#worker.start();
  }

  /** Looks for due deliveries now instead of at the next poll (call after enqueueing). */
  wake(): void {
    this.#worker.wake();
  }

  /** Stops polling; resolves once the round in flight has finished. Leaves no timer. */
  stop(): Promise<void> {
    return this.#worker.stop();
  }

  /** One round: releases expired claims, then claims and sends up to `batchSize` due deliveries (at once). */
  runOnce(): Promise<number> {
    return this.#worker.runOnce();
  }

  /** The claimed deliveries with their endpoint's URL and secret (a delivery whose endpoint is gone is dropped). */
  async #withEndpoints(claimed: (typeof webhookDeliveries.$inferSelect)[]): Promise<Claimed[]> {
    if (claimed.length === 0) return [];
    const endpoints = await this.#db
      .select({ id: webhookEndpoints.id, url: webhookEndpoints.url, secret: webhookEndpoints.secret })
      .from(webhookEndpoints)
      .where(
        inArray(
          webhookEndpoints.id,
          claimed.map((row) => row.endpointId),
        ),
      );
    const byId = new Map(endpoints.map((endpoint) => [endpoint.id, endpoint]));
    return claimed.flatMap((row) => {
      const endpoint = byId.get(row.endpointId);
      return endpoint ? [{ ...row, url: endpoint.url, secret: endpoint.secret }] : [];
    });
  }

  async #send(row: Claimed): Promise<void> {
    let target: Awaited<ReturnType<typeof resolveWebhookTarget>>;
    try {
      target = await resolveWebhookTarget(row.url, { allowPrivate: this.#allowPrivate, resolve: this.#resolve });
    } catch (error) {
      const refused = error instanceof WebhookUrlError && error.refused;
      await this.#failed(row, { error: (error as Error).message, permanent: refused });
      return;
    }
    const t = Math.floor(this.#now() / 1000);
    try {
      const answer = await postWebhook({
        url: target.url,
        address: target.address,
        body: row.body,
        timeoutMs: this.#timeoutMs,
        headers: {
          'content-type': 'application/json',
          'user-agent': 'Quorum-Webhooks/1',
          'quorum-event': row.event,
          'quorum-delivery': row.id,
          'quorum-signature': signatureHeader(row.secret, row.body, t),
        },
      });
      if (answer.status >= 200 && answer.status < 300) {
        this.#stats.delivered += 1;
        await this.#db
          .update(webhookDeliveries)
          .set({
            status: 'delivered',
            deliveredAt: sql`now()`,
            lastStatus: answer.status,
            lastResponse: answer.excerpt,
            lastError: null,
          })
          .where(eq(webhookDeliveries.id, row.id));
        return;
      }
      await this.#failed(row, { status: answer.status, response: answer.excerpt });
    } catch (error) {
      const timedOut = (error as Error).name === 'TimeoutError' || (error as Error).name === 'AbortError';
      await this.#failed(row, {
        error: timedOut ? `no answer within ${this.#timeoutMs} ms` : (error as Error).message,
      });
    }
  }

  async #failed(
    row: Claimed,
    {
      status = null,
      response = null,
      error = null,
      permanent = false,
    }: { status?: number | null; response?: string | null; error?: string | null; permanent?: boolean },
  ): Promise<void> {
    const set = { lastStatus: status, lastResponse: response, lastError: error };
    const outcome = await this.#worker.retryOrFail(row, { permanent, set });
    if (outcome === 'retrying') {
      this.#stats.retried += 1;
      return;
    }
    this.#stats.failed += 1;
    this.#log.error(
      `webhook ${row.event} (${row.id}) to ${row.url} failed after ${row.attempts} attempt(s): ${error ?? `HTTP ${status}`}`,
    );
  }
}
