import { type MailContent, renderMail } from './layout.ts';

export interface HealthDroppedMailData {
  dealTitle: string;
  /** The band before and after, e.g. `green` → `amber`. */
  from: string;
  to: string;
  /** The risk that weighs most now, in words; omitted when there is none to name. */
  topRisk?: string | null;
  url: string;
}

/** A deal's health dropped a band (to the seller and the manager). */
export function healthDroppedMail(
  { dealTitle, from, to, topRisk, url }: HealthDroppedMailData,
  { unsubscribeUrl }: { unsubscribeUrl: string },
): MailContent {
  const fromLabel = capitalize(from);
  const toLabel = capitalize(to);
  return renderMail({
    subject: `${dealTitle} dropped from ${fromLabel} to ${toLabel}`,
    preheader: topRisk ? `Top risk: ${topRisk}` : `Health is now ${toLabel}.`,
    heading: `${dealTitle} is now ${toLabel}`,
    blocks: [
      `The health of ${dealTitle} dropped from ${fromLabel} to ${toLabel}.`,
      ...(topRisk ? ['The risk that weighs most now:', { quote: topRisk }] : []),
    ],
    action: { label: 'Open the deal room', url },
    reason: 'You get this mail when a deal you sell or manage drops a health band.',
    unsubscribeUrl,
  });
}

function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}
