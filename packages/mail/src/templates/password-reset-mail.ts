import { formatDate, type MailContent, renderMail } from './layout.ts';

export interface PasswordResetMailData {
  /** The reset link (single use). */
  url: string;
  expiresAt: Date;
}

/** The password reset link. Always sent; no unsubscribe link. */
export function passwordResetMail({ url, expiresAt }: PasswordResetMailData): MailContent {
  return renderMail({
    subject: 'Reset your Quorum password',
    preheader: 'A link to choose a new password.',
    heading: 'Reset your password',
    blocks: [
      `Use this link to choose a new password. It works once, until ${formatDate(expiresAt)}.`,
      { fine: 'If you did not ask for this, ignore this mail: your password stays as it is.' },
    ],
    action: { label: 'Choose a new password', url },
  });
}
