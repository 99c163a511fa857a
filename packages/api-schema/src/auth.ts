import { z } from 'zod';
import { email, optionalText, text, uuid } from './strings.ts';

/** `POST /api/auth/signup`. */
export const signupBody = z.object({
  email: email(),
  password: text({ min: 10, max: 256, label: 'password', raw: true }),
  name: text({ max: 100, label: 'name' }),
  /** Given: a new seller organization is created and the user becomes its manager. */
  organization: optionalText({ max: 100, label: 'organization name' }),
});

/** `POST /api/auth/login`. */
export const loginBody = z.object({
  email: email(),
  password: text({ max: 256, label: 'password', raw: true }),
});

/** A user's place in their seller organization, or null for accounts without one (buyers). */
export const orgRole = z.enum(['member', 'manager']).nullable();

/** `GET /api/me`, and the answer of signup and login. */
export const account = z
  .object({
    user: z.object({ id: uuid, email: z.string(), name: z.string() }),
    organization: z.object({ id: uuid, name: z.string() }).nullable(),
    orgRole,
  })
  .meta({ id: 'Account' });

/** `POST /api/auth/password-reset`: mail a reset link to this address (if it has an account). */
export const passwordResetRequestBody = z.object({ email: email() });

/** `/api/auth/password-reset/:token`: the token of a reset link (anything else answers 404). */
export const passwordResetTokenParams = z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{16,128}$/) });

/** `POST /api/auth/password-reset/:token`. */
export const passwordResetBody = z.object({
  password: text({ min: 10, max: 256, label: 'password', raw: true }),
});

/** `POST /api/auth/password-reset`: always the same answer, whether the account exists or not. */
export const passwordResetRequested = z.object({ ok: z.literal(true) });

/** `GET /api/auth/session`: the signed-in account, or `null` (a logged-out page asks without an error). */
export const sessionState = z.object({ account: account.nullable() }).meta({ id: 'SessionState' });

/** `POST /api/auth/logout`. */
export const loggedOut = z.object({ ok: z.literal(true) });

export type SignupInput = z.input<typeof signupBody>;
export type LoginInput = z.input<typeof loginBody>;
export type Account = z.infer<typeof account>;
export type SessionState = z.infer<typeof sessionState>;
export type OrgRole = z.infer<typeof orgRole>;
