import { date, index, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { deals, users } from './accounts.ts';
import { bytea } from './documents.ts';

/**
 * Named versions of a deal (issue 13): each room's Yjs state at one stored moment, taken by hand or at a verified
 * stage change. The private states are only ever decoded for a caller whose side may read them.
 */
export const dealVersions = pgTable(
  'deal_versions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    dealId: uuid('deal_id')
      .notNull()
      .references(() => deals.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    /** `manual` (someone saved it) or `stage` (taken when the verified stage changed). */
    kind: text('kind').notNull(),
    /** The verified stage when it was taken. */
    stage: text('stage').notNull(),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    shared: bytea('shared').notNull(),
    seller: bytea('seller').notNull(),
    buyer: bytea('buyer').notNull(),
  },
  (t) => [index('deal_versions_deal_idx').on(t.dealId, t.createdAt)],
);

/** One row per overdue verifier and day a reminder went out for: the reminder job's "at most once a day". */
export const verifierReminders = pgTable(
  'verifier_reminders',
  {
    dealId: uuid('deal_id')
      .notNull()
      .references(() => deals.id, { onDelete: 'cascade' }),
    verifierId: text('verifier_id').notNull(),
    day: date('day', { mode: 'string' }).notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.dealId, t.verifierId, t.day] })],
);
