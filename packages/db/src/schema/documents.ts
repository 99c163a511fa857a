import { bigint, bigserial, customType, index, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/** Postgres `bytea` as a `Uint8Array` (PGlite and postgres.js both hand back Uint8Array/Buffer). */
export const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => 'bytea',
  toDriver: (value) => value,
  fromDriver: (value) => new Uint8Array(value),
});

/** Append-only log of Yjs updates, one row per accepted client update (or batch). */
export const docUpdates = pgTable(
  'doc_updates',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    room: text('room').notNull(),
    update: bytea('update').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('doc_updates_room_id_idx').on(t.room, t.id)],
);

/** One merged snapshot per room; covers every update with id <= `lastUpdateId`. */
export const docSnapshots = pgTable('doc_snapshots', {
  room: text('room').primaryKey(),
  state: bytea('state').notNull(),
  lastUpdateId: bigint('last_update_id', { mode: 'number' }).notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
