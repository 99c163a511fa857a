export { type DigestMailData, digestMail } from './digest-mail.ts';
export { type GuideActivityMailData, guideViewedMail, voiceSubmittedMail } from './guide-mails.ts';
export { type HealthDroppedMailData, healthDroppedMail } from './health-dropped-mail.ts';
export { html, SafeHtml } from './html.ts';
export { type InviteMailData, inviteMail } from './invite-mail.ts';
export type { MailContent } from './layout.ts';
export { type MentionMailData, mentionMail } from './mention-mail.ts';
export { type PasswordResetMailData, passwordResetMail } from './password-reset-mail.ts';
export {
  type VerifierOverdueMailData,
  type VerifierTickedMailData,
  verifierOverdueMail,
  verifierTickedMail,
} from './verifier-mails.ts';
