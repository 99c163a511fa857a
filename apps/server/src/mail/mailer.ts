import type { Database } from '@quorum/db';
import { type EnqueueResult, enqueueMail, type MailOutbox, type OutgoingMail } from '@quorum/mail';

/** How routes send mail: into the outbox, then the outbox is woken to send it now. */
export interface Mailer {
  /**
   * Enqueues one mail (`enqueueMail`: preferences, dedupe key, unsubscribe link) and wakes the outbox. Pass a
   * transaction as `db` to enqueue with the change that caused the mail (then call `wake()` after it commits).
   */
  send(mail: OutgoingMail, db?: Database): Promise<EnqueueResult>;
  /** Asks the outbox to send what is due now instead of at its next poll. */
  wake(): void;
}

/** Options of {@link createMailer}. */
export interface MailerOptions {
  db: Database;
  /** The running outbox (`main.ts` starts it); without one mail waits in `mail_outbox` for an instance that has. */
  outbox?: Pick<MailOutbox, 'wake'> | null;
}

/** The app's {@link Mailer} over `@quorum/mail`. */
export function createMailer({ db, outbox = null }: MailerOptions): Mailer {
  const wake = () => outbox?.wake();
  return {
    async send(mail, via = db) {
      const result = await enqueueMail(via, mail);
      if (result.status === 'enqueued' && via === db) wake();
      return result;
    },
    wake,
  };
}
