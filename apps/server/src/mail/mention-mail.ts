import { sectionOfRecord } from '@quorum/api-schema';
import type { MentionNotice } from '../notifications/comment-notifications.ts';
import type { Mailer } from './mailer.ts';

/**
 * Mails the person a comment mentions (their preferences permitting; once per comment). The notification was written
 * for them from the thread's side they may read, so the mail carries nothing of a side they cannot see.
 */
export async function mailMention(
  { mailer, origin }: { mailer: Mailer; origin: string },
  { to, dealId, notification }: MentionNotice,
): Promise<void> {
  const { payload } = notification;
  await mailer.send({
    kind: 'mention',
    dedupeKey: `mention:${payload.commentId}:${to.id}`,
    to: to.email,
    userId: to.id,
    origin,
    data: {
      dealTitle: payload.dealTitle,
      authorName: payload.author.name,
      excerpt: payload.excerpt,
      url: `${origin}/deals/${dealId}/${sectionOfRecord(payload.record.kind)}`,
    },
  });
}
