import { z } from 'zod';

/** The switches of the mail a user gets (invites and password resets are always sent). */
export const mailPreferences = z
  .object({
    mentions: z.boolean(),
    guideActivity: z.boolean(),
    verifiers: z.boolean(),
    health: z.boolean(),
    digest: z.boolean(),
  })
  .meta({ id: 'MailPreferences' });

/** `PUT /api/me/mail-preferences`: the switches to change (the others stay). */
export const mailPreferencesBody = mailPreferences.partial();

export type MailPreferences = z.infer<typeof mailPreferences>;
