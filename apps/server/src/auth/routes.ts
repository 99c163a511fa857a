import {
  loginBody,
  passwordResetBody,
  passwordResetRequestBody,
  passwordResetTokenParams,
  signupBody,
} from '@quorum/api-schema';
import { type Auth, hashToken } from '@quorum/auth';
import type { Database } from '@quorum/db';
import { Hono } from 'hono';
import type { AppEnv } from '../context.ts';
import { ApiError } from '../errors/index.ts';
import type { Mailer } from '../mail/index.ts';
import { jsonBody, pathParams } from '../openapi/index.ts';
import { clientIp, createLimiterFactory, enforce, type LimiterFactory, type RateLimit } from '../rate-limit/index.ts';
import { accountView, checkCredentials, signUp } from './accounts.ts';
import { authDocs } from './docs.ts';
import { createPasswordReset, resetPassword } from './password-reset.ts';
import { requireUser } from './session-middleware.ts';

/**
 * The login lockout in words: the wait, and that the right password is refused too until then (a person who
 * remembers it after a few wrong tries otherwise thinks it is wrong).
 */
function lockedOut(wait: string): string {
  return `Too many sign-in attempts. Try again in ${wait}. Until then every password is refused, even the right one: this stops anyone guessing yours. Forgot it? Reset your password.`;
}

/** Rate limits of login and signup, per client IP and per account (email). */
export interface AuthRateLimits {
  loginPerIp: RateLimit;
  loginPerAccount: RateLimit;
  signupPerIp: RateLimit;
  signupPerAccount: RateLimit;
  passwordResetPerIp: RateLimit;
  passwordResetPerAccount: RateLimit;
}

const MINUTE = 60_000;

/**
 * Defaults: 10 login attempts per account and 100 per IP in 15 minutes; 20 signups per IP an hour; 5 password reset
 * mails per address and 20 per IP an hour.
 */
export const defaultAuthRateLimits: AuthRateLimits = {
  loginPerIp: { limit: 100, windowMs: 15 * MINUTE },
  loginPerAccount: { limit: 10, windowMs: 15 * MINUTE },
  signupPerIp: { limit: 20, windowMs: 60 * MINUTE },
  signupPerAccount: { limit: 5, windowMs: 60 * MINUTE },
  passwordResetPerIp: { limit: 20, windowMs: 60 * MINUTE },
  passwordResetPerAccount: { limit: 5, windowMs: 60 * MINUTE },
};

/** Options of {@link authRoutes}. */
export interface AuthRoutesOptions {
  db: Database;
  auth: Auth;
  rateLimits?: Partial<AuthRateLimits>;
  trustProxy?: boolean | number;
  /** Makes the limiters (shared through Redis when the app has it); default: per process. */
  limiters?: LimiterFactory;
  /** Called with the session token after a logout invalidated it (closes that session's websockets). */
  onLogout?: (token: string) => void;
  /** Sends the password reset mail; without it `POST /auth/password-reset` still answers 202 and sends nothing. */
  mailer?: Mailer;
  /** The app's public origin, for the reset link. */
  origin?: string;
  /** Called after a password reset invalidated every session of the user (closes their websockets everywhere). */
  onPasswordReset?: (userId: string) => void;
  log?: (error: unknown) => void;
}

/** `/api/auth/signup`, `/api/auth/login`, `/api/auth/logout`, `/api/auth/password-reset…` and `/api/me`. */
export function authRoutes({
  db,
  auth,
  rateLimits = {},
  trustProxy = false,
  limiters = createLimiterFactory(),
  onLogout,
  mailer,
  origin = 'http://localhost:3000',
  onPasswordReset,
  log = console.error,
}: AuthRoutesOptions) {
  const limits = { ...defaultAuthRateLimits, ...rateLimits };
  const loginIp = limiters('login-ip', limits.loginPerIp);
  const loginAccount = limiters('login-account', limits.loginPerAccount);
  const signupIp = limiters('signup-ip', limits.signupPerIp);
  const signupAccount = limiters('signup-account', limits.signupPerAccount);
  const resetIp = limiters('password-reset-ip', limits.passwordResetPerIp);
  const resetAccount = limiters('password-reset-account', limits.passwordResetPerAccount);

  /** Creates the reset link and mails it; never awaited by the request, so its timing tells nothing. */
  async function mailReset(address: string): Promise<void> {
    const reset = await createPasswordReset(db, address);
    if (!reset || !mailer) return;
    await mailer.send({
      kind: 'password-reset',
      dedupeKey: `password-reset:${hashToken(reset.token)}`,
      to: reset.email,
      userId: reset.userId,
      data: { url: `${origin}/reset-password/${reset.token}`, expiresAt: reset.expiresAt },
    });
  }

  return new Hono<AppEnv>()
    .post('/auth/signup', authDocs.signup, jsonBody(signupBody), async (c) => {
      const input = c.req.valid('json');
      enforce(await signupIp.hit(clientIp(c, { trustProxy })), await signupAccount.hit(input.email));
      const userId = await signUp(db, input);
      const session = await auth.createSession(userId);
      c.header('set-cookie', session.cookie);
      return c.json(await accountFor(userId, session.token), 201);
    })
    .post('/auth/login', authDocs.login, jsonBody(loginBody), async (c) => {
      const { email: address, password } = c.req.valid('json');
      enforce(lockedOut, await loginIp.hit(clientIp(c, { trustProxy })), await loginAccount.hit(address));
      const userId = await checkCredentials(db, address, password);
      if (!userId) throw new ApiError(401, 'invalid_credentials', 'That email and password do not match an account.');
      await loginAccount.reset(address);
      const session = await auth.createSession(userId);
      c.header('set-cookie', session.cookie);
      return c.json(await accountFor(userId, session.token));
    })
    .post('/auth/logout', authDocs.logout, async (c) => {
      const token = c.get('sessionToken');
      if (token) {
        await auth.invalidateSession(token);
        onLogout?.(token);
      }
      c.header('set-cookie', auth.blankCookie());
      return c.json({ ok: true });
    })
    .post('/auth/password-reset', authDocs.requestPasswordReset, jsonBody(passwordResetRequestBody), async (c) => {
      const { email: address } = c.req.valid('json');
      enforce(await resetIp.hit(clientIp(c, { trustProxy })), await resetAccount.hit(address));
      mailReset(address).catch(log);
      return c.json({ ok: true as const }, 202);
    })
    .post(
      '/auth/password-reset/:token',
      authDocs.resetPassword,
      pathParams(passwordResetTokenParams, { notFound: 'This reset link is not valid. Ask for a new one.' }),
      jsonBody(passwordResetBody),
      async (c) => {
        const userId = await resetPassword(db, c.req.valid('param').token, c.req.valid('json').password);
        await auth.invalidateUserSessions(userId);
        onPasswordReset?.(userId);
        const session = await auth.createSession(userId);
        c.header('set-cookie', session.cookie);
        return c.json(await accountFor(userId, session.token));
      },
    )
    .get('/auth/session', authDocs.session, async (c) => {
      const user = c.get('user');
      return c.json({ account: user ? await accountView(db, user) : null });
    })
    .get('/me', authDocs.me, async (c) => c.json(await accountView(db, requireUser(c))));

  async function accountFor(userId: string, token: string) {
    const session = await auth.validateSessionToken(token);
    if (!session || session.user.id !== userId) throw new Error('a session just created did not validate');
    return accountView(db, session.user);
  }
}
