import { type MailContent, renderMail } from './layout.ts';

export interface DigestMailData {
  userName: string;
  /** Each deal that changed, with its changes in words ("Mara raised Henrik's influence to 4"). */
  deals: Array<{ title: string; changes: string[]; url?: string }>;
  /** The dashboard's link. */
  url: string;
}

/** The daily digest of what changed in the recipient's deals. */
export function digestMail(
  { userName, deals, url }: DigestMailData,
  { unsubscribeUrl }: { unsubscribeUrl: string },
): MailContent {
  const count = deals.length === 1 ? '1 deal' : `${deals.length} deals`;
  return renderMail({
    subject: `What changed in ${dealNames(deals.map((deal) => deal.title))}`,
    preheader: deals.map((deal) => deal.title).join(', '),
    heading: `Your deals today, ${userName}`,
    blocks: [
      `Here is what changed in ${count} since the last digest.`,
      ...deals.flatMap((deal) => [{ heading: deal.title, url: deal.url }, { list: deal.changes }]),
    ],
    action: { label: 'Open your dashboard', url },
    reason: 'You get this digest once a day when something changed in your deals.',
    unsubscribeUrl,
  });
}

function dealNames(titles: string[]): string {
  if (titles.length <= 2) return titles.join(' and ');
  return `${titles[0]} and ${titles.length - 1} other deals`;
}
