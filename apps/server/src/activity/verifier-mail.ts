import type { Database } from '@quorum/db';
import type { Mailer } from '../mail/mailer.ts';
import { dealRecipients } from '../mail/recipients.ts';
import type { LoggedCommitment } from './activity-recorder.ts';

/**
 * Mails the other side when a verifier was ticked (issue 13): a Mobilizer's tick goes to the deal's sellers, a
 * seller's tick to its Mobilizers; their preferences decide, once per tick and person. A verifier is in the shared
 * document, so its text is something both sides read.
 */
export async function mailVerifierTicked(
  { db, mailer, origin }: { db: Database; mailer: Mailer; origin: string },
  commitment: LoggedCommitment,
): Promise<void> {
  if (commitment.action !== 'ticked') return;
  const otherSide = commitment.actor.side === 'buyer' ? 'seller' : 'mobilizer';
  const deal = await dealRecipients(db, commitment.dealId, [otherSide]);
  if (!deal) return;
  for (const person of deal.recipients) {
    if (person.userId === commitment.actor.userId) continue;
    await mailer.send({
      kind: 'verifier-ticked',
      dedupeKey: `verifier-ticked:${commitment.id}:${person.userId}`,
      to: person.email,
      userId: person.userId,
      origin,
      data: {
        dealTitle: deal.dealTitle,
        verifierText: commitment.verifierText || 'A verifier',
        tickedByName: commitment.actor.name,
        url: `${origin}/deals/${commitment.dealId}/plan`,
      },
    });
  }
}
