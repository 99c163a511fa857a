import { z } from 'zod';
import { oneOf, text, timestamp, uuid } from './strings.ts';

/**
 * Who may read a thread, by the rooms' table (DESIGN.md 2 and 5): `shared` (seller, Mobilizer and managers read;
 * seller and Mobilizer write), `seller` (sellers and managers read; sellers write), `buyer` (Mobilizers only).
 */
export const THREAD_SIDES = ['shared', 'seller', 'buyer'] as const;
export type ThreadSide = (typeof THREAD_SIDES)[number];

/** Records of the shared document: a thread on one may be on any side. */
export const SHARED_RECORD_KINDS = ['stakeholder', 'criterion', 'objection', 'verifier', 'guide'] as const;
/** Records of the seller document: their threads are seller-only (the thread itself would tell the buyer of them). */
export const SELLER_RECORD_KINDS = ['blocker-plan', 'seller-note'] as const;
/** Records of the buyer document: their threads are buyer-only. */
export const BUYER_RECORD_KINDS = ['buyer-note'] as const;
/** Every kind of record a thread may be on. */
export const RECORD_KINDS = [...SHARED_RECORD_KINDS, ...SELLER_RECORD_KINDS, ...BUYER_RECORD_KINDS] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

/** The sides a thread on a record of `kind` may have. */
export function sidesForRecordKind(kind: RecordKind): readonly ThreadSide[] {
  if ((SELLER_RECORD_KINDS as readonly string[]).includes(kind)) return ['seller'];
  if ((BUYER_RECORD_KINDS as readonly string[]).includes(kind)) return ['buyer'];
  return THREAD_SIDES;
}

/** Longest comment, in characters. */
export const COMMENT_MAX_LENGTH = 4_000;
/** Most people one comment may mention. */
export const COMMENT_MAX_MENTIONS = 20;

/** A record of a deal: its kind and its id in the deal's documents (for notes on the whole deal: the deal's id). */
export const recordRef = z.object({
  kind: oneOf(RECORD_KINDS, { label: 'record kind' }),
  id: uuid,
});

const commentBody = text({ max: COMMENT_MAX_LENGTH, label: 'comment', prose: true });
const mentionIds = z
  .array(uuid, { error: 'Mentions must be a list of user ids.' })
  .max(COMMENT_MAX_MENTIONS, `A comment may mention at most ${COMMENT_MAX_MENTIONS} people.`)
  .default([]);

/** `POST /api/deals/:id/threads`: a new thread with its first comment. */
export const newThreadBody = z.object({
  side: oneOf(THREAD_SIDES, { label: 'side' }),
  record: recordRef,
  body: commentBody,
  /** The people the comment mentions (never parsed from `body`); each must be able to read `side`. */
  mentions: mentionIds,
});

/** `POST /api/threads/:id/comments`. */
export const newCommentBody = z.object({ body: commentBody, mentions: mentionIds });

/** `PATCH /api/threads/:id`. */
export const threadPatchBody = z.object({
  resolved: z.boolean({ error: 'Resolved must be true or false.' }),
});

/** `GET /api/deals/:id/threads?record=<kind>:<id>` (without `record`: every thread of the deal the caller may read). */
export const threadsQuery = z.object({
  record: z
    .string()
    .regex(
      new RegExp(`^(${RECORD_KINDS.join('|')}):[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$`),
      'Record must be <kind>:<id>, like objection:0b9f5d1e-8a3c-4e6f-9d2a-1c3b5e7f9a0b.',
    )
    .optional(),
});

/** `GET /api/deals/:id/mentionable?side=`. */
export const mentionableQuery = z.object({ side: oneOf(THREAD_SIDES, { label: 'side' }) });

/** `/api/threads/:id…` parameters. */
export const threadIdParams = z.object({ id: uuid });

/** A person as comments show them. */
export const commentPerson = z.object({ id: z.string(), name: z.string() });

/** One comment. */
export const commentView = z.object({
  id: z.string(),
  threadId: z.string(),
  author: commentPerson,
  body: z.string(),
  mentions: z.array(commentPerson),
  createdAt: timestamp,
  editedAt: timestamp.nullable(),
});

/** A thread with its comments, oldest first. */
export const threadView = z.object({
  id: z.string(),
  dealId: z.string(),
  side: z.enum(THREAD_SIDES),
  record: z.object({ kind: z.enum(RECORD_KINDS), id: z.string() }),
  createdBy: commentPerson,
  createdAt: timestamp,
  resolvedAt: timestamp.nullable(),
  resolvedBy: commentPerson.nullable(),
  comments: z.array(commentView),
});

/** `GET /api/deals/:id/threads`. */
export const threadList = z.object({ threads: z.array(threadView) });

/** `GET /api/deals/:id/comment-counts`: per record and per side the caller may read. */
export const commentCounts = z.object({
  counts: z.array(
    z.object({
      record: z.object({ kind: z.enum(RECORD_KINDS), id: z.string() }),
      side: z.enum(THREAD_SIDES),
      threads: z.number().int(),
      open: z.number().int(),
      comments: z.number().int(),
    }),
  ),
});

/** `GET /api/deals/:id/mentionable?side=`: the people who may read that side, whom a comment there may mention. */
export const mentionable = z.object({ people: z.array(commentPerson.extend({ role: z.string() })) });

/** The `comment` event of `GET /api/deals/:id/events/comments`. */
export const commentEvent = z.object({
  threadId: z.string(),
  side: z.enum(THREAD_SIDES),
  record: z.object({ kind: z.enum(RECORD_KINDS), id: z.string() }),
  comment: commentView,
});

/** The `resolution` event of `GET /api/deals/:id/events/comments`. */
export const resolutionEvent = z.object({
  threadId: z.string(),
  side: z.enum(THREAD_SIDES),
  record: z.object({ kind: z.enum(RECORD_KINDS), id: z.string() }),
  resolvedAt: timestamp.nullable(),
  resolvedBy: commentPerson.nullable(),
});

export type RecordRef = z.infer<typeof recordRef>;
export type NewThreadBody = z.infer<typeof newThreadBody>;
export type NewCommentBody = z.infer<typeof newCommentBody>;
export type CommentView = z.infer<typeof commentView>;
export type ThreadView = z.infer<typeof threadView>;
export type CommentCounts = z.infer<typeof commentCounts>;
export type Mentionable = z.infer<typeof mentionable>;
export type CommentEvent = z.infer<typeof commentEvent>;
export type ResolutionEvent = z.infer<typeof resolutionEvent>;
export type CommentPerson = z.infer<typeof commentPerson>;

/** The section of the deal room a record lives in (`/deals/<id>/<section>`), to open it from a notification or a mail. */
export function sectionOfRecord(kind: RecordKind): string {
  switch (kind) {
    case 'stakeholder':
      return 'map';
    case 'criterion':
      return 'criteria';
    case 'objection':
      return 'objections';
    case 'verifier':
      return 'plan';
    case 'guide':
      return 'guides';
    default:
      return 'notes';
  }
}
