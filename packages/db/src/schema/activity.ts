import { sql } from 'drizzle-orm';
import { check, index, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { deals, users } from './accounts.ts';

/**
 * What changed in a deal, in words (issue 13), derived by the server from the stored updates of its rooms. `side` is
 * the room the change was made in (`shared`, `seller`, `buyer`): who may read the row follows from it, by the rooms'
 * table. The actor is a user (`actor_user_id`) or, for an answer through a guide link, a stakeholder
 * (`actor_stakeholder_id`). Repeated edits of one record by one actor within minutes update one row (`at` moves);
 * `before` keeps the record as it was before the first of them, to word the whole run, and is never served.
 */
export const dealActivity = pgTable(
  'deal_activity',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    dealId: uuid('deal_id')
      .notNull()
      .references(() => deals.id, { onDelete: 'cascade' }),
    side: text('side').notNull(),
    actorUserId: uuid('actor_user_id').references(() => users.id, { onDelete: 'set null' }),
    actorStakeholderId: text('actor_stakeholder_id'),
    actorName: text('actor_name').notNull(),
    kind: text('kind').notNull(),
    recordType: text('record_type').notNull(),
    recordId: text('record_id').notNull(),
    words: text('words').notNull(),
    before: jsonb('before'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('deal_activity_deal_idx').on(t.dealId, t.at),
    index('deal_activity_at_idx').on(t.at),
    check('deal_activity_side_check', sql`${t.side} in ('shared', 'seller', 'buyer')`),
  ],
);

/**
 * A user's visits to a deal room: `visited_at` the latest, `previous_visit_at` the one before it (what "since your last
 * visit" counts from; a reload within minutes keeps it).
 */
export const dealVisits = pgTable(
  'deal_visits',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    dealId: uuid('deal_id')
      .notNull()
      .references(() => deals.id, { onDelete: 'cascade' }),
    visitedAt: timestamp('visited_at', { withTimezone: true }).notNull().defaultNow(),
    previousVisitAt: timestamp('previous_visit_at', { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.userId, t.dealId] })],
);

/**
 * The commitments log (issue 13): every verifier ticked or unticked, by whom (the connection's user, not what the
 * document claims) and when. Rows are only ever added: an untick is logged, the tick stays.
 */
export const verifierCommitments = pgTable(
  'verifier_commitments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    dealId: uuid('deal_id')
      .notNull()
      .references(() => deals.id, { onDelete: 'cascade' }),
    verifierId: text('verifier_id').notNull(),
    verifierText: text('verifier_text').notNull(),
    action: text('action').notNull(),
    actorUserId: uuid('actor_user_id').references(() => users.id, { onDelete: 'set null' }),
    actorName: text('actor_name').notNull(),
    /** `seller` or `buyer`: the side the actor was on. */
    actorSide: text('actor_side').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('verifier_commitments_deal_idx').on(t.dealId, t.at),
    check('verifier_commitments_action_check', sql`${t.action} in ('ticked', 'unticked')`),
  ],
);
