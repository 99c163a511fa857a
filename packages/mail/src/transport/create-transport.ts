import nodemailer, { type SMTPSentMessageInfo, type Transporter } from 'nodemailer';
import { MailConfigError } from './errors.ts';

/** The transport the outbox sends through: a nodemailer transporter. */
export type MailTransport = Transporter<SMTPSentMessageInfo>;

/** Timeouts well inside the outbox's lease, so a hung server fails a send instead of outliving its claim. */
const TIMEOUTS = { connectionTimeout: 30_000, greetingTimeout: 30_000, socketTimeout: 60_000 };

/**
 * A nodemailer SMTP transporter for `SMTP_URL`: `smtp://[user:pass@]host[:port]` (STARTTLS when offered) or
 * `smtps://…` (TLS from the start); query options are nodemailer's (e.g. `?pool=true`). Throws `MailConfigError`
 * for anything else, with the password left out of the message.
 */
export function createTransportFromUrl(url: string): MailTransport {
  const parsed = URL.canParse(url) ? new URL(url) : null;
  if (!parsed || (parsed.protocol !== 'smtp:' && parsed.protocol !== 'smtps:') || !parsed.hostname) {
    throw new MailConfigError(
      `SMTP_URL must look like smtp://user:password@host:587 or smtps://user:password@host:465 (got "${redact(url)}").`,
    );
  }
  return nodemailer.createTransport({ url, ...TIMEOUTS });
}

function redact(url: string): string {
  return url.replace(/\/\/([^:@/]*):([^@/]*)@/, '//$1:***@');
}
