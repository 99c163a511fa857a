import { type Database, deals } from '@quorum/db';
import { readStakeholders, readVoice } from '@quorum/deal-model';
import { eq } from 'drizzle-orm';
import type { GuideLinkRow } from '../guides/link-store.ts';
import { type OpenSharedDoc, readSharedDoc } from '../guides/open-shared-doc.ts';
import type { VoiceLink } from '../voices/voice-service.ts';
import { emitWebhook } from './emit-webhook.ts';
import type { WebhookStakeholder } from './events.ts';

/** Options of {@link guideWebhookHooks}. */
export interface GuideWebhookHooksOptions {
  db: Database;
  openDoc: OpenSharedDoc;
  /** Called after a delivery was queued (the sender's `wake`). */
  onQueued?: () => void;
  now?: () => Date;
  /** Where a failure to queue is reported: the page or answer it came from has been served and stored already. */
  onError?: (error: unknown) => void;
}

/**
 * The guide pages' `onView` and `onAnswer` hooks that emit `guide.viewed` (a link's first view) and
 * `voice.submitted` to the deal's organization. The stakeholder's name is read from the shared document only when
 * an endpoint listens.
 */
export function guideWebhookHooks({
  db,
  openDoc,
  onQueued,
  now = () => new Date(),
  onError = (error) => console.error('[quorum] could not queue a guide webhook', error),
}: GuideWebhookHooksOptions) {
  /** Runs `emit`, reporting (not throwing) its failure: a webhook must never fail the stakeholder's page. */
  const safely = async (emit: () => Promise<string[]>) => {
    try {
      if ((await emit()).length > 0) onQueued?.();
    } catch (error) {
      onError(error);
    }
  };

  async function organizationOf(dealId: string): Promise<string | undefined> {
    const [deal] = await db
      .select({ organizationId: deals.organizationId })
      .from(deals)
      .where(eq(deals.id, dealId))
      .limit(1);
    return deal?.organizationId;
  }

  async function stakeholderOf(dealId: string, stakeholderId: string): Promise<WebhookStakeholder | null> {
    return readSharedDoc(openDoc, dealId, (doc) => {
      const found = readStakeholders(doc).find((stakeholder) => stakeholder.id === stakeholderId);
      return found ? { id: found.id, name: found.name } : null;
    });
  }

  return {
    async onView(link: Pick<GuideLinkRow, 'id' | 'dealId' | 'kind' | 'stakeholderId'>, { first }: { first: boolean }) {
      if (!first) return;
      const viewedAt = now().toISOString();
      await safely(async () => {
        const organizationId = await organizationOf(link.dealId);
        if (!organizationId) return [];
        return emitWebhook(db, organizationId, 'guide.viewed', async () => ({
          dealId: link.dealId,
          linkId: link.id,
          kind: link.kind === 'objections' ? 'objections' : 'stakeholder',
          stakeholder: link.stakeholderId ? await stakeholderOf(link.dealId, link.stakeholderId) : null,
          viewedAt,
        }));
      });
    },
    async onAnswer(link: VoiceLink) {
      await safely(async () => {
        const organizationId = await organizationOf(link.dealId);
        if (!organizationId) return [];
        return emitWebhook(db, organizationId, 'voice.submitted', () =>
          readSharedDoc(openDoc, link.dealId, (doc) => {
            const voice = readVoice(doc, link.stakeholderId);
            const stakeholder = readStakeholders(doc).find((s) => s.id === link.stakeholderId);
            if (!voice || !stakeholder) return null;
            return {
              dealId: link.dealId,
              linkId: link.id,
              stakeholder: { id: stakeholder.id, name: stakeholder.name },
              submittedAt: voice.submittedAt,
              answered: {
                weights: Object.keys(voice.weights).length,
                concerns: voice.concerns.trim() !== '',
                missing: voice.missing.trim() !== '',
              },
            };
          }),
        );
      });
    },
  };
}
