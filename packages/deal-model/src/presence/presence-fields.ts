/**
 * Which document a field of the room belongs to, read from its awareness key alone (DESIGN.md §2).
 *
 * Presence in a room may name only fields of that room's document: a key announced in the shared room's
 * awareness reaches the other side of the deal, so a key of the seller's or the buyer's private document
 * must never be announced there. The rule, in full (the server may apply the same one to awareness it relays):
 *
 * - A key is `<record>:<field>`; the field is the part after the last `:` (guide keys are `guide:<id>:<field>`).
 * - **private** when the record is `private` (the side's notes) or `insight` (the commercial insight), or the
 *   field is one of {@link PRIVATE_FIELDS} (`note`: a private note on a stakeholder; `specialConcern`: a Blocker plan).
 * - **shared** when the field is one of {@link SHARED_FIELDS} and the record is neither `private` nor `insight`.
 * - anything else is **unknown** (`null`) and is announced nowhere: a new field stays silent until it is listed here.
 *
 * This module is pure, so the server can import or mirror it.
 */

/** A room's document a field belongs to. */
export type FieldRoom = 'shared' | 'private';

/** Fields of the shared document that people edit as text, by their awareness field name. */
export const SHARED_FIELDS: ReadonlySet<string> = new Set([
  // stakeholders
  'name',
  'title',
  'department',
  'priorities',
  // criteria (name above), options (name above)
  'description',
  // objections (title above)
  'response',
  'evidence',
  // plan verifiers
  'text',
  // guides
  'summary',
  'keyMessages',
  'asks',
]);

/** Fields that exist only in a side's private document, whatever record they are on. */
export const PRIVATE_FIELDS: ReadonlySet<string> = new Set(['note', 'specialConcern']);

/** Records that exist only in a side's private document. */
export const PRIVATE_RECORDS: ReadonlySet<string> = new Set(['private', 'insight']);

/** The document a field key belongs to, or null when the key is not a known field (never announce it). */
export function fieldRoomOf(key: string): FieldRoom | null {
  const split = key.lastIndexOf(':');
  if (split <= 0 || split === key.length - 1) return null;
  const record = key.slice(0, split);
  const field = key.slice(split + 1);
  if (PRIVATE_RECORDS.has(record) || PRIVATE_FIELDS.has(field)) return 'private';
  if (SHARED_FIELDS.has(field)) return 'shared';
  return null;
}

/**
 * Whether a room whose document is `room` may carry `key` in its awareness: only keys of that same document
 * (and `null`, nobody editing).
 */
export function mayAnnounce(room: FieldRoom, key: string | null): boolean {
  return key === null || fieldRoomOf(key) === room;
}
