import { formatDate, type MailContent, renderMail } from './layout.ts';

export interface InviteMailData {
  dealTitle: string;
  inviterName: string;
  /** The role the invite grants: `seller` or `mobilizer` (any other text is shown as it is). */
  role: string;
  /** The invite link (single use). */
  url: string;
  expiresAt: Date;
}

const ROLE_LABELS: Record<string, string> = {
  seller: 'a member of the selling team',
  mobilizer: "the buying team's Mobilizer",
};

/** The invite to a deal room, with its link. Always sent; no unsubscribe link. */
export function inviteMail({ dealTitle, inviterName, role, url, expiresAt }: InviteMailData): MailContent {
  return renderMail({
    subject: `${inviterName} invited you to ${dealTitle} on Quorum`,
    preheader: `Join the deal room for ${dealTitle}.`,
    heading: `Join ${dealTitle}`,
    blocks: [
      `${inviterName} invited you to the deal room for ${dealTitle}, as ${ROLE_LABELS[role] ?? role}.`,
      'The room keeps the deal in one place: who is involved, what matters to them, and what is left to decide.',
    ],
    action: { label: 'Open the invite', url },
    reason: `This invite is for you only and works until ${formatDate(expiresAt)}.`,
  });
}
