import { type Database, mailOutbox, OutboxWorker } from '@quorum/db';
import { eq, sql } from 'drizzle-orm';
import type { MailTransport } from '../transport/create-transport.ts';
import { classifyFailure } from './classify-failure.ts';

/** Where the outbox reports what it did. `console` fits. */
export interface MailLog {
  info(message: string): void;
  error(message: string, error?: unknown): void;
}

export interface MailOutboxOptions {
  db: Database;
  /** The SMTP transporter (`createTransportFromUrl(SMTP_URL)`); none: mail is held in the outbox and logged. */
  transport?: MailTransport | null;
  /** The sender, `MAIL_FROM` (e.g. `Quorum <quorum@example.com>`). */
  from: string;
  /** How often to look for due mail when idle (ms). */
  pollMs?: number;
  /** Tries before a temporarily failing mail is marked `failed`. */
  maxAttempts?: number;
  /** Retry delay after the first failure (ms); doubles each time up to `backoffCapMs`. */
  backoffBaseMs?: number;
  backoffCapMs?: number;
  /** How long a mail may stay `sending` before it is reported failed (outcome unknown) (ms). */
  leaseMs?: number;
  /** Mails claimed per round. */
  batchSize?: number;
  log?: MailLog;
}

const defaultLog: MailLog = {
  info: (message) => console.log(`[quorum] ${message}`),
  error: (message, error) => console.error(`[quorum] ${message}`, error ?? ''),
};

type Row = typeof mailOutbox.$inferSelect;

/**
 * Sends the mail in `mail_outbox`, at most once per message, on `@quorum/db`'s {@link OutboxWorker}: any number of
 * instances may run against one database, each round claiming due rows (`FOR UPDATE SKIP LOCKED`, marked `sending`
 * in the same committed statement) before the SMTP call, so no two instances ever claim one row. After the call a row
 * becomes `sent`; `pending` again with a backoff on a temporary failure; `failed` on a permanent (5xx) one or after
 * `maxAttempts`.
 *
 * At most once: a row still `sending` when its instance died may or may not have reached the SMTP server, and
 * resending could deliver it twice, so it is never resent; once `leaseMs` has passed it is marked `failed` with
 * "outcome unknown after a crash" and logged. Without a transport, due rows become `held` and each is logged once;
 * an instance started later with a transport sends them.
 */
export class MailOutbox {
  readonly #db: Database;
  readonly #transport: MailTransport | null;
  readonly #from: string;
  readonly #log: MailLog;
  readonly #worker: OutboxWorker<typeof mailOutbox>;

  constructor({
    db,
    transport = null,
    from,
    pollMs = 1000,
    maxAttempts = 8,
    backoffBaseMs = 2000,
    backoffCapMs = 600_000,
    leaseMs = 600_000,
    batchSize = 20,
    log = defaultLog,
  }: MailOutboxOptions) {
    this.#db = db;
    this.#transport = transport;
    this.#from = from;
    this.#log = log;
    this.#worker = new OutboxWorker({
      db,
      table: mailOutbox,
      name: 'mail outbox',
      delivery: 'at-most-once',
      hold: !transport,
      pollMs,
      maxAttempts,
      backoffBaseMs,
      backoffCapMs,
      leaseMs,
      batchSize,
      log,
      process: (rows) => this.#process(rows),
      onLeaseExpired: (rows) => {
        for (const row of rows) {
          log.error(`mail "${row.subject}" to ${row.to} (${row.id}): outcome unknown after a crash, not resent`);
        }
      },
    });
  }

  /** Starts polling (the first round runs at once). */
  start(): void {
    this.#worker.start();
  }

  /** Looks for due mail now instead of at the next poll (call after enqueueing). */
  wake(): void {
    this.#worker.wake();
  }

  /** Stops polling; resolves once the round in flight (and its SMTP calls) has finished. Leaves no timer. */
  stop(): Promise<void> {
    return this.#worker.stop();
  }

  /**
   * One round: reports expired `sending` rows, then claims and sends (or holds) up to `batchSize` due rows.
   * Returns how many rows it claimed. `start()` runs rounds by itself; this is for callers that drive it.
   */
  runOnce(): Promise<number> {
    return this.#worker.runOnce();
  }

  async #process(rows: Row[]): Promise<void> {
    if (!this.#transport) {
      for (const row of rows) this.#log.info(`mail held (no SMTP configured): "${row.subject}" to ${row.to}`);
      return;
    }
    for (const row of rows) await this.#send(this.#transport, row);
  }

  async #send(transport: MailTransport, row: Row): Promise<void> {
    try {
      await transport.sendMail({
        from: this.#from,
        to: row.to,
        subject: row.subject,
        text: row.text,
        html: row.html,
        messageId: `<${row.id}@${domainOf(this.#from)}>`,
        ...(row.unsubscribeUrl
          ? {
              list: { unsubscribe: row.unsubscribeUrl },
              headers: { 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
            }
          : {}),
      });
    } catch (error) {
      const { permanent, message } = classifyFailure(error);
      const outcome = await this.#worker.retryOrFail(row, { permanent, set: { lastError: message } });
      if (outcome === 'failed') {
        this.#log.error(`mail "${row.subject}" to ${row.to} failed after ${row.attempts} attempt(s): ${message}`);
      }
      return;
    }
    await this.#db
      .update(mailOutbox)
      .set({ status: 'sent', sentAt: sql`now()`, lastError: null })
      .where(eq(mailOutbox.id, row.id));
  }
}

/** The domain of `Name <user@domain>` or `user@domain`, for Message-IDs. */
function domainOf(from: string): string {
  return /@([^>\s]+)>?\s*$/.exec(from)?.[1] ?? 'quorum.invalid';
}
