import type { NotificationView, RecordKind, ThreadSide } from '@quorum/api-schema';
import type { Database } from '@quorum/db';
import type { CommentBus } from '../comments/comment-bus.ts';
import type { DealPerson } from '../comments/deal-people.ts';
import { sideAccess } from '../comments/side-access.ts';
import { insertNotifications, type NewNotification } from './notification-store.ts';

/** A mention, as handed to {@link CommentNotifierOptions.onMention} (to send its mail). */
export interface MentionNotice {
  /** The person mentioned (who may read the thread's side). */
  to: { id: string; name: string; email: string };
  dealId: string;
  notification: NotificationView;
}

/** Options of {@link notifyComment}. */
export interface CommentNotifierOptions {
  db: Database;
  bus: CommentBus;
  /** Called once per mention after it was stored (for example to send a mail); its failure is only logged. */
  onMention?: (mention: MentionNotice) => void | Promise<void>;
  log?: (error: unknown) => void;
}

/** A new comment, with what its notifications say. */
export interface CommentFacts {
  deal: { id: string; title: string };
  thread: { id: string; side: ThreadSide; record: { kind: RecordKind; id: string; label: string } };
  comment: { id: string; body: string; mentions: readonly string[] };
  author: { id: string; name: string };
  /** Everyone who was in the thread before this comment. */
  participants: readonly string[];
  /** Everyone who may open the deal, with their current role. */
  people: readonly DealPerson[];
}

const EXCERPT_LENGTH = 140;

function excerpt(body: string): string {
  const flat = body.replace(/\s+/g, ' ').trim();
  return flat.length <= EXCERPT_LENGTH ? flat : `${flat.slice(0, EXCERPT_LENGTH - 1)}…`;
}

/**
 * Notifies the people a comment concerns: `mention` for each person it mentions, `reply` for everyone else already in
 * the thread; never its author, and only people who may read the thread's side now (a membership may have ended since
 * they wrote). Stores the notifications, publishes them on the bus and calls `onMention`; returns what was stored.
 */
export async function notifyComment(
  { db, bus, onMention, log = console.error }: CommentNotifierOptions,
  facts: CommentFacts,
): Promise<NotificationView[]> {
  const readers = new Map(
    facts.people.filter((p) => sideAccess(p.role, facts.thread.side) !== 'none').map((p) => [p.id, p]),
  );
  const kinds = new Map<string, NotificationView['kind']>();
  for (const id of facts.comment.mentions) kinds.set(id, 'mention');
  for (const id of facts.participants) if (!kinds.has(id)) kinds.set(id, 'reply');
  kinds.delete(facts.author.id);
  const payload = {
    dealTitle: facts.deal.title,
    threadId: facts.thread.id,
    commentId: facts.comment.id,
    side: facts.thread.side,
    record: facts.thread.record,
    author: facts.author,
    excerpt: excerpt(facts.comment.body),
  };
  const rows: NewNotification[] = [...kinds]
    .filter(([userId]) => readers.has(userId))
    .map(([userId, kind]) => ({ userId, dealId: facts.deal.id, kind, payload }));
  const stored = await insertNotifications(db, rows);
  for (const { userId, notification } of stored) {
    bus.publish({ type: 'notification', userId, notification }).catch(log);
    const person = readers.get(userId)!;
    if (notification.kind === 'mention' && onMention) {
      Promise.resolve()
        .then(() =>
          onMention({
            to: { id: person.id, name: person.name, email: person.email },
            dealId: facts.deal.id,
            notification,
          }),
        )
        .catch(log);
    }
  }
  return stored.map(({ notification }) => notification);
}
