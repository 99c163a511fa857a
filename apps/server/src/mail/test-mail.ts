import type { Database } from '@quorum/db';
import { createTransportFromUrl, MailOutbox } from '@quorum/mail';
import { type ReceivedMail, type SmtpSink, startSmtpSink } from '@quorum/mail/testing/smtp-sink';
import { createMailer, type Mailer } from './mailer.ts';

/** A real SMTP sink with an outbox sending to it, for tests of the app's mail. */
export interface TestMail {
  sink: SmtpSink;
  outbox: MailOutbox;
  mailer: Mailer;
  /** Waits (polling) until a mail to `to` whose subject matches arrives; resolves with it. */
  next(to: string, subject?: RegExp): Promise<ReceivedMail>;
  /** Every mail that arrived for `to`. */
  to(address: string): ReceivedMail[];
  close(): Promise<void>;
}

/** Starts a real SMTP server (port 0) for {@link mailTo}. */
export { startSmtpSink };

/**
 * A running outbox on `db` sending to `sink` (polling every 25 ms), and the app's mailer over it. Synchronous, so a
 * test app's options function (which gets the test database) can build it.
 */
export function mailTo(db: Database, sink: SmtpSink): TestMail {
  const transport = createTransportFromUrl(sink.url);
  const outbox = new MailOutbox({
    db,
    transport,
    from: 'Quorum <quorum@quorum.test>',
    pollMs: 25,
    log: { info: () => undefined, error: () => undefined },
  });
  outbox.start();
  const to = (address: string) => sink.received.filter((mail) => mail.envelope.to.includes(address));
  return {
    sink,
    outbox,
    mailer: createMailer({ db, outbox }),
    to,
    async next(address, subject = /./) {
      for (;;) {
        const found = to(address).find((mail) => subject.test(mail.mail.subject ?? ''));
        if (found) return found;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    },
    async close() {
      await outbox.stop();
      transport.close();
      await sink.close();
    },
  };
}

/** The first link in a mail's text that starts with `prefix`. */
export function linkIn(mail: ReceivedMail, prefix: string): string {
  const text = mail.mail.text ?? '';
  const escaped = prefix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const match = new RegExp(`${escaped}[^\\s)>\\]]*`).exec(text);
  if (!match) throw new Error(`no link starting with ${prefix} in:\n${text}`);
  return match[0];
}
