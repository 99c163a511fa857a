/** Every kind of mail Quorum sends. */
export const MAIL_KINDS = [
  'invite',
  'password-reset',
  'mention',
  'guide-viewed',
  'voice-submitted',
  'verifier-ticked',
  'verifier-overdue',
  'health-dropped',
  'digest',
] as const;
export type MailKind = (typeof MAIL_KINDS)[number];

/** The switches a user has (DESIGN.md 7d): one per family of notification mail. */
export const PREFERENCE_KEYS = ['mentions', 'guideActivity', 'verifiers', 'health', 'digest'] as const;
export type PreferenceKey = (typeof PREFERENCE_KEYS)[number];
export type MailPreferences = Record<PreferenceKey, boolean>;

/** What a user without a stored preference gets: every mail. */
export const DEFAULT_PREFERENCES: Readonly<MailPreferences> = Object.freeze({
  mentions: true,
  guideActivity: true,
  verifiers: true,
  health: true,
  digest: true,
});

const SWITCH_OF: Record<MailKind, PreferenceKey | null> = {
  invite: null,
  'password-reset': null,
  mention: 'mentions',
  'guide-viewed': 'guideActivity',
  'voice-submitted': 'guideActivity',
  'verifier-ticked': 'verifiers',
  'verifier-overdue': 'verifiers',
  'health-dropped': 'health',
  digest: 'digest',
};

/** The switch that governs a kind of mail; `null` for mail that is always sent (invites, password resets). */
export function preferenceFor(kind: MailKind): PreferenceKey | null {
  return SWITCH_OF[kind];
}

/** Whether a mail of this kind may go to a user with these preferences (none stored: the defaults). */
export function canSend(kind: MailKind, prefs: MailPreferences | null | undefined): boolean {
  const key = preferenceFor(kind);
  return key === null || (prefs ?? DEFAULT_PREFERENCES)[key];
}
