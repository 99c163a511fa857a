import { z } from 'zod';
import { email, oneOf, timestamp, uuid } from './strings.ts';

/** Roles an invite can grant. */
export const inviteRole = z.enum(['mobilizer', 'seller']);

/** `POST /api/deals/:id/invites`. */
export const inviteBody = z.object({
  email: email(),
  role: oneOf(['mobilizer', 'seller'], { label: 'role' }),
});

/** `/api/invites/:token…`: the token of an invite link (anything else answers 404). */
export const inviteTokenParams = z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{16,128}$/) });

/** `POST /api/deals/:id/invites`: the link, shown once (only its hash is stored). */
export const createdInvite = z.object({
  url: z.url(),
  expiresAt: timestamp,
  role: inviteRole,
  email: z.string(),
});

/** `GET /api/invites/:token`: what the public invite page may show. */
export const invitePreview = z
  .object({
    dealTitle: z.string(),
    inviterName: z.string(),
    role: inviteRole,
    /** The invited address, masked (`a***@example.com`): only an account with that address can accept. */
    email: z.string(),
    expiresAt: timestamp,
    expired: z.boolean(),
    used: z.boolean(),
  })
  .meta({ id: 'InvitePreview' });

/** `POST /api/invites/:token/accept`. */
export const acceptedInvite = z.object({ dealId: uuid, role: inviteRole });

export type InviteRole = z.infer<typeof inviteRole>;
export type InviteInput = z.input<typeof inviteBody>;
export type CreatedInvite = z.infer<typeof createdInvite>;
export type InvitePreview = z.infer<typeof invitePreview>;
export type AcceptedInvite = z.infer<typeof acceptedInvite>;
