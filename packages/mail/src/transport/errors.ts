/** Thrown for a mail setting that cannot work (e.g. an `SMTP_URL` that is not smtp:// or smtps://). */
export class MailConfigError extends Error {
  override name = 'MailConfigError';
}
