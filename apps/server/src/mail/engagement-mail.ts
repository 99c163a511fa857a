import type { Database } from '@quorum/db';
import { readStakeholder } from '@quorum/deal-model';
import { type OpenSharedDoc, readSharedDoc } from '../guides/open-shared-doc.ts';
import type { Mailer } from './mailer.ts';
import { dealRecipients } from './recipients.ts';

/** What the guide-activity mails need to reach the app and the documents. */
export interface EngagementMailContext {
  db: Database;
  mailer: Mailer;
  openDoc: OpenSharedDoc;
  /** The app's public origin, for the room's link and the unsubscribe link. */
  origin: string;
}

/** A stakeholder's guide link, as far as the mails need it. */
export interface GuideLinkRef {
  id: string;
  dealId: string;
  stakeholderId: string | null;
}

/**
 * Mails the deal's sellers and Mobilizers that a stakeholder opened their guide link for the first time (their
 * preferences decide; one mail per link and person, whatever the number of first views seen at once).
 */
export function mailGuideViewed(context: EngagementMailContext, link: GuideLinkRef): Promise<void> {
  return mailGuideActivity(context, link, 'guide-viewed', `guide-viewed:${link.id}`);
}

/**
 * Mails the deal's sellers and Mobilizers that a stakeholder answered through their guide link. Answers sent again
 * within the same minute (a corrected answer) share one mail.
 */
export function mailVoiceSubmitted(context: EngagementMailContext, link: GuideLinkRef, at = new Date()): Promise<void> {
  const minute = at.toISOString().slice(0, 16);
  return mailGuideActivity(context, link, 'voice-submitted', `voice-submitted:${link.id}:${minute}`);
}

async function mailGuideActivity(
  { db, mailer, openDoc, origin }: EngagementMailContext,
  link: GuideLinkRef,
  kind: 'guide-viewed' | 'voice-submitted',
  key: string,
): Promise<void> {
  if (!link.stakeholderId) return; // the objection guide belongs to no one in particular
  const stakeholderId = link.stakeholderId;
  const deal = await dealRecipients(db, link.dealId, ['seller', 'mobilizer']);
  if (!deal || deal.recipients.length === 0) return;
  const stakeholderName = await readSharedDoc(
    openDoc,
    link.dealId,
    (doc) => readStakeholder(doc, stakeholderId)?.name || 'A stakeholder',
  );
  const url = `${origin}/deals/${link.dealId}/group`;
  for (const person of deal.recipients) {
    await mailer.send({
      kind,
      dedupeKey: `${key}:${person.userId}`,
      to: person.email,
      userId: person.userId,
      origin,
      data: { stakeholderName, dealTitle: deal.dealTitle, url },
    });
  }
}
