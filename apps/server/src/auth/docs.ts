import { account, loggedOut, passwordResetRequested, sessionState } from '@quorum/api-schema';
import { operation } from '../openapi/index.ts';

/** OpenAPI descriptions of the account routes. */
export const authDocs = {
  signup: operation({
    tag: 'Accounts',
    summary: 'Create an account',
    description:
      'Creates an account and starts a session (Set-Cookie). With `organization`, a seller organization is created and the caller becomes its manager.',
    session: false,
    ok: { status: 201, description: 'The new account; the session cookie is set.', schema: account },
    errors: {
      400: 'A field is missing or wrong; `field` names it.',
      409: 'An account with this email exists (`email_taken`, field `email`).',
      429: 'Too many signups from this address or for this email (Retry-After).',
    },
  }),
  login: operation({
    tag: 'Accounts',
    summary: 'Log in',
    session: false,
    ok: { description: 'The account; the session cookie is set.', schema: account },
    errors: {
      400: 'A field is missing or wrong; `field` names it.',
      401: 'The email and password do not match an account (`invalid_credentials`, same for unknown emails).',
      429: 'Too many attempts for this account or from this address (Retry-After).',
    },
  }),
  logout: operation({
    tag: 'Accounts',
    summary: 'Log out',
    description: 'Deletes the session server-side; its open websockets close with 4401.',
    session: false,
    ok: { description: 'Logged out; the cookie is cleared.', schema: loggedOut },
  }),
  requestPasswordReset: operation({
    tag: 'Accounts',
    summary: 'Ask for a password reset link',
    description:
      'Mails a single-use link to `/reset-password/<token>`, valid for an hour, when the address has an account. The answer is the same (202) whether it has one or not.',
    session: false,
    ok: {
      status: 202,
      description: 'Accepted; a mail goes out if the address has an account.',
      schema: passwordResetRequested,
    },
    errors: {
      400: 'A field is missing or wrong; `field` names it.',
      429: 'Too many reset requests for this address or from this client (Retry-After).',
    },
  }),
  resetPassword: operation({
    tag: 'Accounts',
    summary: 'Set a new password with a reset link',
    description:
      'Sets the password, ends every session of the account (their websockets close on every instance) and starts a new one (Set-Cookie).',
    session: false,
    ok: { description: 'The account; the new session cookie is set.', schema: account },
    errors: {
      400: 'The password is missing or too short; `field` names it.',
      404: 'The link is unknown, used or expired (`reset_invalid`).',
    },
  }),
  session: operation({
    tag: 'Accounts',
    summary: 'Whether anyone is signed in',
    description:
      'The signed-in account, or `account: null` without a valid session. Never 401: logged-out pages (landing, login, sign-up, invite) ask it without an error in the console.',
    session: false,
    ok: { description: 'The account, or null.', schema: sessionState },
  }),
  me: operation({
    tag: 'Accounts',
    summary: 'The signed-in account',
    ok: { description: 'The caller, their organization and their role in it.', schema: account },
    errors: { 401: 'No valid session.' },
  }),
};
