import type { WebhookEvent } from '@quorum/api-schema';

/** A stakeholder as webhook payloads name them: their id in the deal's map and their name. */
export interface WebhookStakeholder {
  id: string;
  name: string;
}

/**
 * What each event carries in `data` (DESIGN.md 7e). Every payload goes only to the endpoints of the deal's own
 * (seller) organization, and carries nothing its members could not see in the room:
 * - `deal.status.changed`: the full status (the seller's view, DESIGN.md section 3) when its content changed
 *   (not for a change of who is online alone).
 * - `deal.closed`: the deal's new state (`won` | `lost` | `no-decision`) and the seller's reason.
 * - `guide.viewed`: the first view of a guide link (later views are in the link's log, not sent again).
 * - `voice.submitted`: that a stakeholder answered through their guide link, and how much they said, never what:
 *   the stakeholder was told by name who reads their answer (the deal's members), and a system outside the room is
 *   not one of them. Read the answer in the room (or through the API, which keeps the room's access rules).
 */
export interface WebhookPayloads {
  'deal.status.changed': { dealId: string; status: unknown };
  'deal.closed': {
    dealId: string;
    title: string;
    buyer: string;
    state: 'won' | 'lost' | 'no-decision';
    reason: string | null;
    closedAt: string;
  };
  'guide.viewed': {
    dealId: string;
    linkId: string;
    kind: 'stakeholder' | 'objections';
    /** The stakeholder the guide is for (null for the objection guide, or when they left the map). */
    stakeholder: WebhookStakeholder | null;
    viewedAt: string;
  };
  'voice.submitted': {
    dealId: string;
    linkId: string;
    stakeholder: WebhookStakeholder;
    submittedAt: string;
    /** How many criteria they weighted, whether they wrote a concern and named a missing criterion. */
    answered: { weights: number; concerns: boolean; missing: boolean };
  };
  'webhook.test': { webhookId: string; message: string };
}

/** An event name, the test-send's included. */
export type WebhookEventName = WebhookEvent | 'webhook.test';

/** The JSON body of every delivery: the event's id (the same for every endpoint it goes to), name, time and data. */
export interface WebhookEnvelope<E extends WebhookEventName = WebhookEventName> {
  id: string;
  event: E;
  createdAt: string;
  data: WebhookPayloads[E];
}
