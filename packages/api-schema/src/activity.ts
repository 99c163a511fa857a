import { z } from 'zod';
import { timestamp } from './strings.ts';

/** The room a change was made in: who may see it follows from the rooms' table (DESIGN.md 2). */
export const ACTIVITY_SIDES = ['shared', 'seller', 'buyer'] as const;

/** What happened to the record. */
export const ACTIVITY_KINDS = ['added', 'removed', 'changed', 'ticked', 'unticked', 'answered'] as const;

/** One entry of a deal's activity feed: who changed which record, in words. */
export const activityItem = z.object({
  id: z.string(),
  side: z.enum(ACTIVITY_SIDES),
  kind: z.enum(ACTIVITY_KINDS),
  recordType: z.string(),
  recordId: z.string(),
  /** "Mara raised Henrik’s influence to 4". */
  words: z.string(),
  actor: z.object({
    /** The user who made it; null for a stakeholder answering through their guide link. */
    userId: z.string().nullable(),
    stakeholderId: z.string().nullable(),
    name: z.string(),
  }),
  /** When the change (or the last of a run of edits of the record by the same person) was stored. */
  at: timestamp,
});

/** `GET /api/deals/:id/activity?since=&limit=`. */
export const activityQuery = z.object({
  since: z.iso
    .datetime({ offset: true, error: 'Since must be a date and time (ISO 8601), such as 2026-05-01T09:00:00Z.' })
    .optional(),
  limit: z.coerce
    .number({ error: 'Limit must be a whole number from 1 to 200.' })
    .int('Limit must be a whole number from 1 to 200.')
    .min(1, 'Limit must be a whole number from 1 to 200.')
    .max(200, 'Limit must be a whole number from 1 to 200.')
    .default(50),
});

/** `GET /api/deals/:id/activity` → the entries the caller may see, newest first, and their last visit. */
export const activityFeed = z.object({
  items: z.array(activityItem),
  /** The caller's visit before the current one (null: never visited before): "since your last visit". */
  lastVisitAt: timestamp.nullable(),
  /** Entries since `lastVisitAt` by other people, that the caller may see. */
  sinceLastVisit: z.number().int(),
});

/** `POST /api/deals/:id/visit` → the visit recorded now and the one before it. */
export const dealVisit = z.object({ visitedAt: timestamp, lastVisitAt: timestamp.nullable() });

/** One entry of the commitments log: a verifier ticked or unticked, by whom and when. */
export const commitmentItem = z.object({
  id: z.string(),
  verifierId: z.string(),
  verifierText: z.string(),
  action: z.enum(['ticked', 'unticked']),
  actor: z.object({ userId: z.string().nullable(), name: z.string(), side: z.enum(['seller', 'buyer']) }),
  at: timestamp,
});

/** `GET /api/deals/:id/commitments` → every tick and untick, oldest first (nothing is ever erased). */
export const commitmentLog = z.object({ commitments: z.array(commitmentItem) });

export type ActivityItem = z.infer<typeof activityItem>;
export type ActivityFeed = z.infer<typeof activityFeed>;
export type ActivityQuery = z.infer<typeof activityQuery>;
export type DealVisit = z.infer<typeof dealVisit>;
export type CommitmentItem = z.infer<typeof commitmentItem>;
export type CommitmentLog = z.infer<typeof commitmentLog>;
