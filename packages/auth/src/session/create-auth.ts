import { DrizzlePostgreSQLAdapter } from '@lucia-auth/adapter-drizzle';
import { type Database, sessions, users } from '@quorum/db';
import { Lucia, TimeSpan } from 'lucia';
import { generateToken, hashToken } from './token.ts';

/** The session cookie's name. */
export const SESSION_COOKIE = 'quorum_session';

/** A user's role in their organization. */
export type OrgRole = 'member' | 'manager';

/** The account behind a valid session (never the password hash). */
export interface AuthUser {
  id: string;
  email: string;
  name: string;
  organizationId: string | null;
  orgRole: OrgRole | null;
}

/** A valid session, and the `Set-Cookie` value to send when its expiry slid forward. */
export interface ValidSession {
  user: AuthUser;
  expiresAt: Date;
  /** A refreshed cookie to send back, or null when the cookie in hand is still good. */
  refreshedCookie: string | null;
}

/** A new session: the secret token (lives only in the cookie) and the `Set-Cookie` value carrying it. */
export interface NewSession {
  token: string;
  cookie: string;
  expiresAt: Date;
}

/** Sessions and cookies; the only API the rest of Quorum uses (lucia stays inside this package). */
export interface Auth {
  /** The session cookie's name (`quorum_session`). */
  readonly cookieName: string;
  /** Opens a session for a user. */
  createSession(userId: string): Promise<NewSession>;
  /** The session's user, or null when the token is unknown, expired or logged out. Extends the expiry (sliding). */
  validateSessionToken(token: string): Promise<ValidSession | null>;
  /** Logs one session out, server-side. */
  invalidateSession(token: string): Promise<void>;
  /** Logs every session of a user out. */
  invalidateUserSessions(userId: string): Promise<void>;
  /** Deletes every expired session row (housekeeping; expired sessions are refused either way). */
  deleteExpiredSessions(): Promise<void>;
  /** A `Set-Cookie` value that removes the session cookie. */
  blankCookie(): string;
  /** The session token from a `Cookie` request header, or null. */
  readSessionToken(cookieHeader: string | null | undefined): string | null;
}

/** Options of {@link createAuth}. */
export interface CreateAuthOptions {
  db: Database;
  /** Mark the cookie `Secure` (set it when the app is served over https). */
  secure?: boolean;
  /** Session lifetime; a session used in its second half is extended by this much again. */
  sessionDays?: number;
}

interface UserAttributes {
  email: string;
  name: string;
  organizationId: string | null;
  orgRole: string | null;
}

declare module 'lucia' {
  interface Register {
    Lucia: Lucia<Record<never, never>, Omit<AuthUser, 'id'>>;
    DatabaseUserAttributes: UserAttributes;
  }
}

/**
 * Creates the session service on the drizzle schema. The cookie holds a random token; lucia receives
 * (and the database stores) only its SHA-256, so a leaked sessions table cannot be replayed.
 * Cookies are HttpOnly, SameSite=Lax, Path=/, and Secure when `secure` is set.
 */
export function createAuth({ db, secure = false, sessionDays = 30 }: CreateAuthOptions): Auth {
  const lucia = new Lucia(new DrizzlePostgreSQLAdapter(db, sessions, users), {
    sessionExpiresIn: new TimeSpan(sessionDays, 'd'),
    sessionCookie: { name: SESSION_COOKIE, attributes: { secure, sameSite: 'lax', path: '/' } },
    getUserAttributes: (row) => ({
      email: row.email,
      name: row.name,
      organizationId: row.organizationId,
      orgRole: row.orgRole === 'manager' || row.orgRole === 'member' ? row.orgRole : null,
    }),
  });

  return {
    cookieName: SESSION_COOKIE,
    async createSession(userId) {
      const token = generateToken(32);
      const session = await lucia.createSession(userId, {}, { sessionId: hashToken(token) });
      return { token, cookie: lucia.createSessionCookie(token).serialize(), expiresAt: session.expiresAt };
    },
    async validateSessionToken(token) {
      if (!token) return null;
      const { session, user } = await lucia.validateSession(hashToken(token));
      if (!session) return null;
      return {
        user: {
          id: user.id,
          email: user.email,
          name: user.name,
          organizationId: user.organizationId,
          orgRole: user.orgRole,
        },
        expiresAt: session.expiresAt,
        refreshedCookie: session.fresh ? lucia.createSessionCookie(token).serialize() : null,
      };
    },
    async invalidateSession(token) {
      await lucia.invalidateSession(hashToken(token));
    },
    async invalidateUserSessions(userId) {
      await lucia.invalidateUserSessions(userId);
    },
    deleteExpiredSessions: () => lucia.deleteExpiredSessions(),
    blankCookie: () => lucia.createBlankSessionCookie().serialize(),
    readSessionToken: (cookieHeader) => (cookieHeader ? lucia.readSessionCookie(cookieHeader) : null),
  };
}
