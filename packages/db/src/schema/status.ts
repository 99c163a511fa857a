import { bigserial, index, integer, jsonb, pgTable, timestamp, uuid } from 'drizzle-orm/pg-core';
import { deals } from './accounts.ts';

/** The latest projected status of each deal (DESIGN.md section 3), full view and buyer view. */
export const dealStatus = pgTable('deal_status', {
  dealId: uuid('deal_id')
    .primaryKey()
    .references(() => deals.id, { onDelete: 'cascade' }),
  status: jsonb('status').notNull(),
  sharedStatus: jsonb('shared_status').notNull(),
  health: integer('health').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Health over time, one row per recomputation that changed it. */
export const dealHealthHistory = pgTable(
  'deal_health_history',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    dealId: uuid('deal_id')
      .notNull()
      .references(() => deals.id, { onDelete: 'cascade' }),
    health: integer('health').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('deal_health_history_deal_idx').on(t.dealId, t.at)],
);
