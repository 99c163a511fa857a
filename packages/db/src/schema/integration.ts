import { index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { organizations, users } from './accounts.ts';

/**
 * Personal API tokens (DESIGN.md 7e): `Authorization: Bearer <token>` acts as the user. Only the SHA-256 (hex) of
 * the token is stored, like sessions; the token itself is shown once, when it is created.
 */
export const apiTokens = pgTable(
  'api_tokens',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    tokenHash: text('token_hash').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    /** Updated at most once a minute. */
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('api_tokens_hash_idx').on(t.tokenHash), index('api_tokens_user_idx').on(t.userId)],
);

/**
 * An organization's deal templates (playbooks): the shared document's criteria, options, plan verifiers and
 * objection library as plain JSON (deal-model's `playbookFromShared`), to start new deals from.
 */
export const dealTemplates = pgTable(
  'deal_templates',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    /** The shared document's playbook part, as plain JSON. */
    content: jsonb('content').notNull(),
  },
  (t) => [index('deal_templates_org_idx').on(t.organizationId)],
);
