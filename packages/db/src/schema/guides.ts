import { bigserial, index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { deals, users } from './accounts.ts';

/** A link to one stakeholder guide (`kind` = `stakeholder`) or to the deal's objection guide (`objections`). */
export const guideLinks = pgTable(
  'guide_links',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    dealId: uuid('deal_id')
      .notNull()
      .references(() => deals.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    stakeholderId: text('stakeholder_id'),
    tokenHash: text('token_hash').notNull(),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('guide_links_token_idx').on(t.tokenHash), index('guide_links_deal_idx').on(t.dealId)],
);

/** Every view of a guide link, with a coarse client hint (e.g. "Chrome on macOS"). */
export const guideLinkViews = pgTable(
  'guide_link_views',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    linkId: uuid('link_id')
      .notNull()
      .references(() => guideLinks.id, { onDelete: 'cascade' }),
    viewedAt: timestamp('viewed_at', { withTimezone: true }).notNull().defaultNow(),
    clientHint: text('client_hint').notNull(),
  },
  (t) => [index('guide_link_views_link_idx').on(t.linkId)],
);

/**
 * Every answer a stakeholder gave through their guide link (DESIGN.md 7a): an engagement event. The answer itself
 * lives in the shared document (`voices`); this row only records that and when one arrived.
 */
export const guideLinkAnswers = pgTable(
  'guide_link_answers',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    linkId: uuid('link_id')
      .notNull()
      .references(() => guideLinks.id, { onDelete: 'cascade' }),
    answeredAt: timestamp('answered_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('guide_link_answers_link_idx').on(t.linkId)],
);
