export {
  type EngagementMailContext,
  type GuideLinkRef,
  mailGuideViewed,
  mailVoiceSubmitted,
} from './engagement-mail.ts';
export { droppedBand, type HealthChange, mailHealthDrop } from './health-mail.ts';
export { createMailer, type Mailer, type MailerOptions } from './mailer.ts';
export { mailMention } from './mention-mail.ts';
export { mailPreferenceRoutes } from './preference-routes.ts';
export { dealRecipients, type Recipient, type RecipientRole } from './recipients.ts';
export { unsubscribeRoutes } from './unsubscribe-routes.ts';
