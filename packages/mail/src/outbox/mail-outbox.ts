import { type Database, mailOutbox } from '@quorum/db';
import { and, eq, inArray, lte, sql } from 'drizzle-orm';
import type { MailTransport } from '../transport/create-transport.ts';
import { backoffMs, classifyFailure } from './classify-failure.ts';

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
 * Sends the mail in `mail_outbox`, at most once per message. Any number of instances may run against one database:
 * each round claims due rows with `SELECT … FOR UPDATE SKIP LOCKED` and marks them `sending` in that same committed
 * statement before the SMTP call, so no two instances ever claim one row. After the call a row becomes `sent`;
 * `pending` again with a backoff on a temporary failure; `failed` on a permanent (5xx) one or after `maxAttempts`.
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
  readonly #pollMs: number;
  readonly #maxAttempts: number;
  readonly #backoffBaseMs: number;
  readonly #backoffCapMs: number;
  readonly #leaseMs: number;
  readonly #batchSize: number;
  readonly #log: MailLog;
  #running = false;
  #timer: NodeJS.Timeout | undefined;
  #round: Promise<void> | undefined;
  #wakeRequested = false;

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
    this.#pollMs = pollMs;
    this.#maxAttempts = maxAttempts;
    this.#backoffBaseMs = backoffBaseMs;
    this.#backoffCapMs = backoffCapMs;
    this.#leaseMs = leaseMs;
    this.#batchSize = batchSize;
    this.#log = log;
  }

  /** Starts polling (the first round runs at once). */
  start(): void {
    if (this.#running) return;
    this.#running = true;
    this.#schedule(0);
  }

  /** Looks for due mail now instead of at the next poll (call after enqueueing). */
  wake(): void {
    if (!this.#running) return;
    if (this.#round) {
      this.#wakeRequested = true;
      return;
    }
    clearTimeout(this.#timer);
    this.#schedule(0);
  }

  /** Stops polling; resolves once the round in flight (and its SMTP calls) has finished. Leaves no timer. */
  async stop(): Promise<void> {
    this.#running = false;
    clearTimeout(this.#timer);
    this.#timer = undefined;
    await this.#round;
  }

  /**
   * One round: reports expired `sending` rows, then claims and sends (or holds) up to `batchSize` due rows.
   * Returns how many rows it claimed. `start()` runs rounds by itself; this is for callers that drive it.
   */
  async runOnce(): Promise<number> {
    await this.#expireLeases();
    const rows = await this.#claim();
    if (!this.#transport) {
      for (const row of rows) this.#log.info(`mail held (no SMTP configured): "${row.subject}" to ${row.to}`);
      return rows.length;
    }
    for (const row of rows) await this.#send(this.#transport, row);
    return rows.length;
  }

  #schedule(delayMs: number): void {
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      this.#round = this.runOnce()
        .then(
          (claimed) => claimed >= this.#batchSize,
          (error: unknown) => {
            this.#log.error('mail outbox round failed; trying again at the next poll', error);
            return false;
          },
        )
        .then((more) => {
          this.#round = undefined;
          const now = more || this.#wakeRequested;
          this.#wakeRequested = false;
          if (this.#running) this.#schedule(now ? 0 : this.#pollMs);
        });
    }, delayMs);
  }

  async #expireLeases(): Promise<void> {
    const expired = await this.#db
      .update(mailOutbox)
      .set({ status: 'failed', lastError: 'outcome unknown after a crash: not resent, so it is never sent twice' })
      .where(
        and(
          eq(mailOutbox.status, 'sending'),
          lte(mailOutbox.claimedAt, sql`now() - ${this.#leaseMs} * interval '1 millisecond'`),
        ),
      )
      .returning({ id: mailOutbox.id, to: mailOutbox.to, subject: mailOutbox.subject });
    for (const row of expired) {
      this.#log.error(`mail "${row.subject}" to ${row.to} (${row.id}): outcome unknown after a crash, not resent`);
    }
  }

  /** Claims due rows in one statement (committed when it returns): `sending`, or `held` without a transport. */
  async #claim(): Promise<Row[]> {
    const claimable = this.#transport ? ['pending', 'held'] : ['pending'];
    const due = this.#db
      .select({ id: mailOutbox.id })
      .from(mailOutbox)
      .where(and(inArray(mailOutbox.status, claimable), lte(mailOutbox.nextAttemptAt, sql`now()`)))
      .orderBy(mailOutbox.nextAttemptAt)
      .limit(this.#batchSize)
      .for('update', { skipLocked: true });
    const rows = await this.#db
      .update(mailOutbox)
      .set(
        this.#transport
          ? { status: 'sending', attempts: sql`${mailOutbox.attempts} + 1`, claimedAt: sql`now()` }
          : { status: 'held' },
      )
      .where(and(inArray(mailOutbox.id, due), inArray(mailOutbox.status, claimable)))
      .returning();
    return rows.sort((a, b) => a.nextAttemptAt.getTime() - b.nextAttemptAt.getTime());
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
      await this.#failed(row, error);
      return;
    }
    await this.#db
      .update(mailOutbox)
      .set({ status: 'sent', sentAt: sql`now()`, lastError: null })
      .where(eq(mailOutbox.id, row.id));
  }

  async #failed(row: Row, error: unknown): Promise<void> {
    const { permanent, message } = classifyFailure(error);
    const giveUp = permanent || row.attempts >= this.#maxAttempts;
    if (giveUp) {
      this.#log.error(`mail "${row.subject}" to ${row.to} failed after ${row.attempts} attempt(s): ${message}`);
      await this.#db.update(mailOutbox).set({ status: 'failed', lastError: message }).where(eq(mailOutbox.id, row.id));
      return;
    }
    const delay = backoffMs(row.attempts, this.#backoffBaseMs, this.#backoffCapMs);
    await this.#db
      .update(mailOutbox)
      .set({
        status: 'pending',
        lastError: message,
        nextAttemptAt: sql`now() + ${delay} * interval '1 millisecond'`,
      })
      .where(eq(mailOutbox.id, row.id));
  }
}

/** The domain of `Name <user@domain>` or `user@domain`, for Message-IDs. */
function domainOf(from: string): string {
  return /@([^>\s]+)>?\s*$/.exec(from)?.[1] ?? 'quorum.invalid';
}
