import { createHash } from 'node:crypto';
import { type Database, mailOutbox, mailPreferences } from '@quorum/db';
import { eq, sql } from 'drizzle-orm';
import {
  DEFAULT_PREFERENCES,
  type MailKind,
  type MailPreferences,
  PREFERENCE_KEYS,
  type PreferenceKey,
  preferenceFor,
} from './can-send.ts';

/** A user's mail switches (the defaults when they never changed any). */
export async function getMailPreferences(db: Database, userId: string): Promise<MailPreferences> {
  const [row] = await db.select().from(mailPreferences).where(eq(mailPreferences.userId, userId));
  return row ? pick(row) : { ...DEFAULT_PREFERENCES };
}

/** Changes some of a user's mail switches; returns them all. */
export async function setMailPreferences(
  db: Database,
  userId: string,
  changes: Partial<MailPreferences>,
): Promise<MailPreferences> {
  const set = Object.fromEntries(
    PREFERENCE_KEYS.filter((key) => typeof changes[key] === 'boolean').map((key) => [key, changes[key]]),
  ) as Partial<MailPreferences>;
  const [row] = await db
    .insert(mailPreferences)
    .values({ ...DEFAULT_PREFERENCES, ...set, userId })
    .onConflictDoUpdate({ target: mailPreferences.userId, set: { ...set, updatedAt: sql`now()` } })
    .returning();
  return pick(row!);
}

/** The SHA-256 (hex) under which an unsubscribe token is stored. */
export function hashUnsubscribeToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** The result of a valid unsubscribe link. */
export interface Unsubscribed {
  userId: string;
  /** The switches turned off. */
  turnedOff: PreferenceKey[];
  preferences: MailPreferences;
}

/**
 * Consumes an unsubscribe link's token (for the server's unsubscribe route): turns off the switch of the mail the
 * link came in (or `kind`'s switch, or every switch with `'all'`). Returns `null` for an unknown token. Idempotent:
 * the link keeps working, so a second click (or a mail client's one-click POST) changes nothing more.
 */
export async function unsubscribe(
  db: Database,
  token: string,
  kind?: MailKind | PreferenceKey | 'all',
): Promise<Unsubscribed | null> {
  const [mail] = await db
    .select({ userId: mailOutbox.userId, kind: mailOutbox.kind })
    .from(mailOutbox)
    .where(eq(mailOutbox.unsubscribeTokenHash, hashUnsubscribeToken(token)));
  if (!mail?.userId) return null;
  const turnedOff = switchesFor(kind ?? (mail.kind as MailKind));
  const preferences = await setMailPreferences(
    db,
    mail.userId,
    Object.fromEntries(turnedOff.map((key) => [key, false])),
  );
  return { userId: mail.userId, turnedOff, preferences };
}

function switchesFor(kind: MailKind | PreferenceKey | 'all'): PreferenceKey[] {
  if (kind === 'all') return [...PREFERENCE_KEYS];
  if ((PREFERENCE_KEYS as readonly string[]).includes(kind)) return [kind as PreferenceKey];
  const key = preferenceFor(kind as MailKind);
  return key ? [key] : [];
}

function pick(row: MailPreferences): MailPreferences {
  return Object.fromEntries(PREFERENCE_KEYS.map((key) => [key, row[key]])) as MailPreferences;
}
