import type { AddressInfo } from 'node:net';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/** A message the sink accepted: the SMTP envelope and the parsed message. */
export interface ReceivedMail {
  envelope: { from: string; to: string[] };
  mail: ParsedMail;
}

/** An SMTP reply the sink gives instead of accepting a recipient. */
export interface SmtpRejection {
  code: number;
  message: string;
}

export interface SmtpSinkOptions {
  /** Called for each recipient (with how many RCPT commands came before); return a reply to refuse it. */
  onRecipient?: (address: string, previousRecipients: number) => SmtpRejection | undefined;
  /** Awaited before a message's data is accepted (lets a test hold a send in flight). */
  beforeAccept?: () => Promise<void>;
}

/** A running sink. `url` is an `SMTP_URL` for it. */
export interface SmtpSink {
  url: string;
  received: ReceivedMail[];
  /** How many RCPT commands arrived (accepted or not). */
  recipients: () => number;
  close(): Promise<void>;
}

/**
 * A real SMTP server (the `smtp-server` package) on 127.0.0.1, port 0, that keeps every message it accepts,
 * parsed with `mailparser`. No TLS, no auth. For tests (here and in the server's integration tests).
 */
export async function startSmtpSink({ onRecipient, beforeAccept }: SmtpSinkOptions = {}): Promise<SmtpSink> {
  const received: ReceivedMail[] = [];
  let recipients = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onRcptTo(address, _session, callback) {
      const rejection = onRecipient?.(address.address, recipients);
      recipients += 1;
      if (rejection) callback(Object.assign(new Error(rejection.message), { responseCode: rejection.code }));
      else callback();
    },
    onData(stream, session, callback) {
      simpleParser(stream)
        .then(async (mail) => {
          await beforeAccept?.();
          const from = session.envelope.mailFrom;
          received.push({
            envelope: { from: from ? from.address : '', to: session.envelope.rcptTo.map((rcpt) => rcpt.address) },
            mail,
          });
          callback();
        })
        .catch((error: Error) => callback(error));
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    recipients: () => recipients,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
