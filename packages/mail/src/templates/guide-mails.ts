import { type MailContent, renderMail } from './layout.ts';

export interface GuideActivityMailData {
  stakeholderName: string;
  dealTitle: string;
  /** The deal room's link. */
  url: string;
}

const REASON = 'You get this mail when a stakeholder uses a guide link on your deals.';

/** A stakeholder opened their guide link for the first time. */
export function guideViewedMail(
  { stakeholderName, dealTitle, url }: GuideActivityMailData,
  { unsubscribeUrl }: { unsubscribeUrl: string },
): MailContent {
  return renderMail({
    subject: `${stakeholderName} opened their guide for ${dealTitle}`,
    preheader: `${stakeholderName} is looking at ${dealTitle} now.`,
    heading: `${stakeholderName} opened their guide`,
    blocks: [
      `${stakeholderName} just opened the guide you shared for ${dealTitle}.`,
      'A good moment to follow up while it is fresh.',
    ],
    action: { label: 'Open the deal room', url },
    reason: REASON,
    unsubscribeUrl,
  });
}

/** A stakeholder answered through their guide link. */
export function voiceSubmittedMail(
  { stakeholderName, dealTitle, url }: GuideActivityMailData,
  { unsubscribeUrl }: { unsubscribeUrl: string },
): MailContent {
  return renderMail({
    subject: `${stakeholderName} answered their guide for ${dealTitle}`,
    preheader: `Their answers are in the deal room for ${dealTitle}.`,
    heading: `${stakeholderName} answered their guide`,
    blocks: [`${stakeholderName} answered the guide for ${dealTitle}. Their answers are in the deal room.`],
    action: { label: 'Read the answers', url },
    reason: REASON,
    unsubscribeUrl,
  });
}
