import { formatDate, type MailContent, renderMail } from './layout.ts';

export interface VerifierTickedMailData {
  dealTitle: string;
  /** What the verifier says (e.g. "Security review passed"). */
  verifierText: string;
  /** Who ticked it, on the other side. */
  tickedByName: string;
  url: string;
}

export interface VerifierOverdueMailData {
  dealTitle: string;
  verifierText: string;
  dueAt: Date;
  url: string;
}

const REASON = 'You get this mail about verifiers on your deals.';

/** The other side ticked a verifier: a commitment made. */
export function verifierTickedMail(
  { dealTitle, verifierText, tickedByName, url }: VerifierTickedMailData,
  { unsubscribeUrl }: { unsubscribeUrl: string },
): MailContent {
  return renderMail({
    subject: `${tickedByName} ticked a verifier on ${dealTitle}`,
    preheader: verifierText.slice(0, 120),
    heading: 'A verifier was ticked',
    blocks: [`${tickedByName} ticked this verifier on ${dealTitle}:`, { quote: verifierText }],
    action: { label: 'See the plan', url },
    reason: REASON,
    unsubscribeUrl,
  });
}

/** A verifier passed its due date without being ticked. */
export function verifierOverdueMail(
  { dealTitle, verifierText, dueAt, url }: VerifierOverdueMailData,
  { unsubscribeUrl }: { unsubscribeUrl: string },
): MailContent {
  return renderMail({
    subject: `A verifier on ${dealTitle} is overdue`,
    preheader: verifierText.slice(0, 120),
    heading: 'A verifier is overdue',
    blocks: [
      `This verifier on ${dealTitle} was due ${formatDate(dueAt)} and is not ticked yet:`,
      { quote: verifierText },
    ],
    action: { label: 'See the plan', url },
    reason: REASON,
    unsubscribeUrl,
  });
}
