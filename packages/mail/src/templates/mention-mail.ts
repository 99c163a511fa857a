import { type MailContent, renderMail } from './layout.ts';

export interface MentionMailData {
  dealTitle: string;
  authorName: string;
  /** The comment's text, as written (shortened here if long). */
  excerpt: string;
  /** The thread's link. */
  url: string;
}

const MAX_EXCERPT = 600;

/** Someone mentioned the recipient in a comment thread. */
export function mentionMail(
  { dealTitle, authorName, excerpt, url }: MentionMailData,
  { unsubscribeUrl }: { unsubscribeUrl: string },
): MailContent {
  const quote = excerpt.length > MAX_EXCERPT ? `${excerpt.slice(0, MAX_EXCERPT).trimEnd()}…` : excerpt;
  return renderMail({
    subject: `${authorName} mentioned you in ${dealTitle}`,
    preheader: quote.slice(0, 120),
    heading: `${authorName} mentioned you`,
    blocks: [`In ${dealTitle}:`, { quote }],
    action: { label: 'Reply in the thread', url },
    reason: 'You get this mail when someone mentions you.',
    unsubscribeUrl,
  });
}
