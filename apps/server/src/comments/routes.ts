import {
  type CommentView,
  dealIdParams,
  mentionableQuery,
  newCommentBody,
  newThreadBody,
  type RecordKind,
  sidesForRecordKind,
  type ThreadSide,
  threadIdParams,
  threadPatchBody,
  threadsQuery,
} from '@quorum/api-schema';
import { type AuthUser, hashToken } from '@quorum/auth';
import type { Database } from '@quorum/db';
import { Hono } from 'hono';
import { requireUser } from '../auth/index.ts';
import type { AppEnv } from '../context.ts';
import { findVisibleDeal, type VisibleDeal } from '../deals/deal-access.ts';
import { ApiError } from '../errors/index.ts';
import { type OpenSharedDoc, readSharedDoc } from '../guides/open-shared-doc.ts';
import { type MentionNotice, notifyComment } from '../notifications/comment-notifications.ts';
import { jsonBody, pathParams, queryParams } from '../openapi/index.ts';
import { sessionRowAlive } from '../status/status-store.ts';
import type { RevocationBus } from '../sync/revocation-bus.ts';
import type { CommentBus } from './comment-bus.ts';
import { type DealPerson, loadDealPeople, mentionablePeople } from './deal-people.ts';
import { commentDocs } from './docs.ts';
import { liveStream } from './event-stream.ts';
import { recordLabel } from './record-label.ts';
import { readableSides, sideAccess } from './side-access.ts';
import {
  countComments,
  findThread,
  insertComment,
  insertThread,
  loadThread,
  loadThreads,
  setResolved,
  type ThreadRecord,
  threadParticipants,
} from './thread-store.ts';

/** Options of {@link commentRoutes}. */
export interface CommentRoutesOptions {
  db: Database;
  bus: CommentBus;
  /**
   * Opens a room's document (the engine's `openDoc`): when given, a new thread's record must exist in the deal's
   * shared document, and notifications name it ("objection “Too expensive”"). Without it records are not checked.
   */
  openDoc?: OpenSharedDoc;
  /** Called for each mention once stored (to send its mail); failures are logged. */
  onMention?: (mention: MentionNotice) => void | Promise<void>;
  /** Ends a reader's event streams when their session or their access to the deal is revoked. */
  revocations?: RevocationBus;
  /** Interval of the event streams' heartbeat, which also re-checks the reader's session and access (default 15 s). */
  heartbeatMs?: number;
  /** Aborting it ends every open event stream (server shutdown). */
  shutdown?: AbortSignal;
  log?: (error: unknown) => void;
}

const noDeal = 'There is no deal room here, or you do not have access to it.';
const noThread = 'There is no such thread, or you cannot read it.';

const SIDE_WORDS: Record<ThreadSide, string> = {
  shared: 'the shared side',
  seller: 'the seller’s side',
  buyer: 'the buyer’s side',
};

/** The caller's deal, or 404. */
async function visibleDeal(db: Database, user: AuthUser, dealId: string): Promise<VisibleDeal> {
  const visible = await findVisibleDeal(db, user, dealId);
  if (!visible) throw ApiError.notFound(noDeal);
  return visible;
}

/** A thread the caller may read (404 otherwise: a thread of another side does not exist for them), with their deal. */
async function readableThread(db: Database, user: AuthUser, threadId: string) {
  const thread = await findThread(db, threadId);
  const visible = thread ? await findVisibleDeal(db, user, thread.dealId) : null;
  if (!thread || !visible || sideAccess(visible.role, thread.side) === 'none') throw ApiError.notFound(noThread);
  return { thread, visible };
}

function requireWrite(visible: VisibleDeal, side: ThreadSide): void {
  const access = sideAccess(visible.role, side);
  if (access === 'write') return;
  if (access === 'read') {
    throw ApiError.forbidden(
      'read_only',
      'You can read this deal’s threads but not write in them (managers read only).',
    );
  }
  throw ApiError.forbidden('side_forbidden', `You cannot write on ${SIDE_WORDS[side]} of this deal.`);
}

/**
 * Checks that everyone a comment mentions may read `side` (a mention never grants access): 400 naming the first who
 * may not. People on the deal are named (the caller knows them); anyone else is not.
 */
function checkMentions(people: readonly DealPerson[], side: ThreadSide, mentions: readonly string[]): string[] {
  const allowed = new Set(mentionablePeople(people, side).map((p) => p.id));
  for (const id of mentions) {
    if (allowed.has(id)) continue;
    const known = people.find((p) => p.id === id && p.member);
    throw ApiError.invalidField(
      'mentions',
      known
        ? `${known.name} cannot read threads on ${SIDE_WORDS[side]}, so you cannot mention them here: a mention never gives access.`
        : 'Someone you mentioned cannot read this thread: a mention never gives access.',
    );
  }
  return [...new Set(mentions)];
}

/**
 * The comment routes (issue 13), to mount under `/api`: threads on a deal's records, each on one side, with every read,
 * write and live event limited to the sides the caller may read.
 */
export function commentRoutes({
  db,
  bus,
  openDoc,
  onMention,
  revocations,
  heartbeatMs = 15_000,
  shutdown,
  log = console.error,
}: CommentRoutesOptions) {
  const publish = (event: Parameters<CommentBus['publish']>[0]) => {
    bus.publish(event).catch(log);
  };

  /** The record's label, or null when a check was asked for and the record is not in the shared document. */
  async function labelOf(dealId: string, record: { kind: RecordKind; id: string }): Promise<string | null> {
    if (!openDoc) return record.kind;
    return readSharedDoc(openDoc, dealId, (doc) => recordLabel(doc, dealId, record.kind, record.id));
  }

  async function notify(
    visible: VisibleDeal,
    thread: ThreadRecord,
    label: string,
    author: AuthUser,
    comment: { id: string; body: string; mentions: readonly string[] },
    participants: readonly string[],
    people: readonly DealPerson[],
  ) {
    await notifyComment(
      { db, bus, onMention, log },
      {
        deal: { id: visible.deal.id, title: visible.deal.title },
        thread: { id: thread.id, side: thread.side, record: { kind: thread.recordKind, id: thread.recordId, label } },
        comment,
        author: { id: author.id, name: author.name },
        participants,
        people,
      },
    ).catch(log);
  }

  return new Hono<AppEnv>()
    .get(
      '/deals/:id/threads',
      commentDocs.list,
      pathParams(dealIdParams, { notFound: noDeal }),
      queryParams(threadsQuery),
      async (c) => {
        const user = requireUser(c);
        const visible = await visibleDeal(db, user, c.req.valid('param').id);
        const { record } = c.req.valid('query');
        const [kind, id] = record ? (record.split(':') as [string, string]) : [];
        const threads = await loadThreads(db, visible.deal.id, {
          sides: readableSides(visible.role),
          record: kind && id ? { kind, id } : undefined,
        });
        return c.json({ threads });
      },
    )
    .post(
      '/deals/:id/threads',
      commentDocs.create,
      pathParams(dealIdParams, { notFound: noDeal }),
      jsonBody(newThreadBody),
      async (c) => {
        const user = requireUser(c);
        const visible = await visibleDeal(db, user, c.req.valid('param').id);
        const input = c.req.valid('json');
        if (!sidesForRecordKind(input.record.kind).includes(input.side)) {
          const only = sidesForRecordKind(input.record.kind)[0]!;
          throw ApiError.invalidField(
            'side',
            `A thread on this record stays on ${SIDE_WORDS[only]}: side must be ${only}.`,
          );
        }
        requireWrite(visible, input.side);
        const people = await loadDealPeople(db, visible.deal);
        const mentions = checkMentions(people, input.side, input.mentions);
        const label = await labelOf(visible.deal.id, input.record);
        if (label === null) throw ApiError.notFound('There is no such record in this deal.');
        const { threadId, commentId } = await insertThread(db, {
          dealId: visible.deal.id,
          side: input.side,
          record: input.record,
          authorId: user.id,
          body: input.body,
          mentions,
        });
        const thread = (await findThread(db, threadId))!;
        const view = await loadThread(db, thread);
        publish({ type: 'thread', dealId: visible.deal.id, side: thread.side, thread: view });
        await notify(visible, thread, label, user, { id: commentId, body: input.body, mentions }, [], people);
        return c.json(view, 201);
      },
    )
    .post(
      '/threads/:id/comments',
      commentDocs.reply,
      pathParams(threadIdParams, { notFound: noThread }),
      jsonBody(newCommentBody),
      async (c) => {
        const user = requireUser(c);
        const { thread, visible } = await readableThread(db, user, c.req.valid('param').id);
        requireWrite(visible, thread.side);
        const input = c.req.valid('json');
        const people = await loadDealPeople(db, visible.deal);
        const mentions = checkMentions(people, thread.side, input.mentions);
        const participants = await threadParticipants(db, thread.id);
        const record = { kind: thread.recordKind, id: thread.recordId };
        const label = (await labelOf(visible.deal.id, record)) ?? 'a removed record';
        const { id, createdAt } = await insertComment(db, thread.id, { authorId: user.id, body: input.body, mentions });
        const names = new Map(people.map((p) => [p.id, p.name]));
        const comment: CommentView = {
          id,
          threadId: thread.id,
          author: { id: user.id, name: user.name },
          body: input.body,
          mentions: mentions.map((m) => ({ id: m, name: names.get(m) ?? 'Someone' })),
          createdAt: createdAt.toISOString(),
          editedAt: null,
        };
        publish({
          type: 'comment',
          dealId: visible.deal.id,
          side: thread.side,
          event: { threadId: thread.id, side: thread.side, record, comment },
        });
        await notify(visible, thread, label, user, { id, body: input.body, mentions }, participants, people);
        return c.json(comment, 201);
      },
    )
    .patch(
      '/threads/:id',
      commentDocs.resolve,
      pathParams(threadIdParams, { notFound: noThread }),
      jsonBody(threadPatchBody),
      async (c) => {
        const user = requireUser(c);
        const { thread, visible } = await readableThread(db, user, c.req.valid('param').id);
        requireWrite(visible, thread.side);
        const { resolved } = c.req.valid('json');
        if (resolved !== (thread.resolvedAt !== null)) {
          await setResolved(db, thread.id, resolved ? user.id : null);
        }
        const view = await loadThread(db, (await findThread(db, thread.id))!);
        publish({
          type: 'resolution',
          dealId: visible.deal.id,
          side: thread.side,
          event: {
            threadId: thread.id,
            side: thread.side,
            record: view.record,
            resolvedAt: view.resolvedAt,
            resolvedBy: view.resolvedBy,
          },
        });
        return c.json(view);
      },
    )
    .get('/deals/:id/comment-counts', commentDocs.counts, pathParams(dealIdParams, { notFound: noDeal }), async (c) => {
      const user = requireUser(c);
      const visible = await visibleDeal(db, user, c.req.valid('param').id);
      return c.json({ counts: await countComments(db, visible.deal.id, readableSides(visible.role)) });
    })
    .get(
      '/deals/:id/mentionable',
      commentDocs.mentionable,
      pathParams(dealIdParams, { notFound: noDeal }),
      queryParams(mentionableQuery),
      async (c) => {
        const user = requireUser(c);
        const visible = await visibleDeal(db, user, c.req.valid('param').id);
        const { side } = c.req.valid('query');
        if (sideAccess(visible.role, side) === 'none') {
          throw ApiError.forbidden('side_forbidden', `You cannot read ${SIDE_WORDS[side]} of this deal.`);
        }
        const people = mentionablePeople(await loadDealPeople(db, visible.deal), side)
          .filter((p) => p.id !== user.id)
          .map(({ id, name, role }) => ({ id, name, role }));
        return c.json({ people });
      },
    )
    .get(
      '/deals/:id/events/comments',
      commentDocs.events,
      pathParams(dealIdParams, { notFound: noDeal }),
      async (c) => {
        const user = requireUser(c);
        const visible = await visibleDeal(db, user, c.req.valid('param').id);
        const dealId = visible.deal.id;
        const sessionToken = c.get('sessionToken');
        const sessionId = sessionToken ? hashToken(sessionToken) : null;
        /** The reader's role, checked again at every heartbeat; null once they lost access (nothing more is sent). */
        let role: VisibleDeal['role'] | null = visible.role;
        return liveStream(
          c,
          {
            heartbeatMs,
            shutdown,
            check: async () => {
              if (sessionToken && !(await sessionRowAlive(db, sessionToken))) return 'signed-out';
              const now = await findVisibleDeal(db, user, dealId);
              if (now?.role !== role) {
                role = null;
                return 'revoked';
              }
              return true;
            },
          },
          (stream) => {
            const unsubscribe = bus.subscribe((event) => {
              if (event.type === 'notification' || event.type === 'notifications-read') return;
              if (event.dealId !== dealId || sideAccess(role, event.side) === 'none') return;
              stream.send(event.type, event.type === 'thread' ? event.thread : event.event);
            });
            const unrevoke = revocations?.subscribe((revocation) => {
              const ends =
                (revocation.kind === 'session' && revocation.sessionId === sessionId) ||
                (revocation.kind === 'user' && revocation.userId === user.id) ||
                (revocation.kind === 'membership' && revocation.userId === user.id && revocation.dealId === dealId);
              if (!ends) return;
              role = null;
              stream.finish(revocation.kind === 'membership' ? 'revoked' : 'signed-out');
            });
            stream.send('ready', { dealId });
            return () => {
              unsubscribe();
              unrevoke?.();
            };
          },
        );
      },
    );
}
