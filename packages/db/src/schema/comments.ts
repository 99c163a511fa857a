import { sql } from 'drizzle-orm';
import { check, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { deals, users } from './accounts.ts';

/**
 * A comment thread on one record of a deal (DESIGN.md 7d, issue 13). `side` decides who may read and write it, by the
 * rooms' table: `shared` (seller, Mobilizer, managers read), `seller` (sellers and managers), `buyer` (Mobilizers).
 * `record_kind` names the record (`stakeholder`, `criterion`, `objection`, `verifier`, `guide`, `blocker-plan`,
 * `seller-note`, `buyer-note`); `record_id` its id in the deal's documents.
 */
export const commentThreads = pgTable(
  'comment_threads',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    dealId: uuid('deal_id')
      .notNull()
      .references(() => deals.id, { onDelete: 'cascade' }),
    side: text('side').notNull(),
    recordKind: text('record_kind').notNull(),
    recordId: uuid('record_id').notNull(),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
    resolvedBy: uuid('resolved_by').references(() => users.id),
  },
  (t) => [
    index('comment_threads_record_idx').on(t.dealId, t.recordKind, t.recordId),
    check('comment_threads_side_check', sql`${t.side} in ('shared', 'seller', 'buyer')`),
  ],
);

/** One comment in a thread. `mentions` holds the ids of the people it mentions (each may read the thread's side). */
export const comments = pgTable(
  'comments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    threadId: uuid('thread_id')
      .notNull()
      .references(() => commentThreads.id, { onDelete: 'cascade' }),
    authorId: uuid('author_id')
      .notNull()
      .references(() => users.id),
    body: text('body').notNull(),
    mentions: uuid('mentions').array().notNull().default(sql`'{}'::uuid[]`),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    editedAt: timestamp('edited_at', { withTimezone: true }),
  },
  (t) => [
    index('comments_thread_idx').on(t.threadId, t.createdAt),
    check('comments_body_length_check', sql`char_length(${t.body}) between 1 and 4000`),
  ],
);

/**
 * An in-app notification for one user. `payload` holds only what that user may see (it is written for them when the
 * event happens, after their access to the thread's side was checked). `kind`: `mention` | `reply`.
 */
export const notifications = pgTable(
  'notifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    dealId: uuid('deal_id').references(() => deals.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    payload: jsonb('payload').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    readAt: timestamp('read_at', { withTimezone: true }),
  },
  (t) => [index('notifications_user_idx').on(t.userId, t.createdAt)],
);
