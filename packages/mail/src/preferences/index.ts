export {
  canSend,
  DEFAULT_PREFERENCES,
  MAIL_KINDS,
  type MailKind,
  type MailPreferences,
  PREFERENCE_KEYS,
  type PreferenceKey,
  preferenceFor,
} from './can-send.ts';
export {
  getMailPreferences,
  hashUnsubscribeToken,
  setMailPreferences,
  type Unsubscribed,
  unsubscribe,
} from './preferences.ts';
