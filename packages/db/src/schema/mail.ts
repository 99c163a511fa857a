import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from './accounts.ts';

/**
 * Mail waiting to be sent, being sent, or done (DESIGN.md 7d; `@quorum/mail` owns it). `dedupe_key` names the logical
 * message (`invite:<inviteId>`), so enqueueing it twice keeps one row. `status`: `pending` (due at `next_attempt_at`),
 * `sending` (claimed at `claimed_at`, the SMTP call under way), `sent`, `failed`, `held` (no SMTP configured).
 */
export const mailOutbox = pgTable(
  'mail_outbox',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    dedupeKey: text('dedupe_key').notNull(),
    to: text('to').notNull(),
    subject: text('subject').notNull(),
    text: text('text').notNull(),
    html: text('html').notNull(),
    kind: text('kind').notNull(),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
    status: text('status').notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
    claimedAt: timestamp('claimed_at', { withTimezone: true }),
    lastError: text('last_error'),
    /** The message's one-click unsubscribe link (also in its body), sent as the List-Unsubscribe header. */
    unsubscribeUrl: text('unsubscribe_url'),
    /** SHA-256 (hex) of the token in `unsubscribe_url`; the token itself is never stored apart from the message. */
    unsubscribeTokenHash: text('unsubscribe_token_hash'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('mail_outbox_dedupe_idx').on(t.dedupeKey),
    uniqueIndex('mail_outbox_unsubscribe_idx').on(t.unsubscribeTokenHash),
    index('mail_outbox_due_idx').on(t.status, t.nextAttemptAt),
    check('mail_outbox_status_check', sql`${t.status} in ('pending', 'sending', 'sent', 'failed', 'held')`),
  ],
);

/**
 * Which notification mails a user wants (no row: all of them). Invites and password resets are always sent; each
 * other kind of mail belongs to one of these switches.
 */
export const mailPreferences = pgTable('mail_preferences', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  mentions: boolean('mentions').notNull().default(true),
  guideActivity: boolean('guide_activity').notNull().default(true),
  verifiers: boolean('verifiers').notNull().default(true),
  health: boolean('health').notNull().default(true),
  digest: boolean('digest').notNull().default(true),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
