import { z } from 'zod';
import { timestamp, uuid } from './strings.ts';

/** What a guide link points at: one stakeholder's guide, or the deal's objection handling guide. */
export const guideLinkTarget = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('stakeholder'), stakeholderId: z.string() }),
  z.object({ kind: z.literal('objections') }),
]);

/** Whether a link still opens its guide. */
export const guideLinkState = z.enum(['active', 'revoked', 'expired']);

/** `POST …/links {expiresInDays?}`: days until the link stops working; left out, it lasts until revoked. */
export function createGuideLinkBody({ maxDays = 365 }: { maxDays?: number } = {}) {
  const message = `Expiry must be a number of days between 1 and ${maxDays}, or left out.`;
  return z.object({
    expiresInDays: z.number({ error: message }).gt(0, message).max(maxDays, message).nullish(),
  });
}

/** `POST /api/deals/:id/guides/:stakeholderId/links`. */
export const stakeholderGuideParams = z.object({
  id: uuid,
  stakeholderId: z.string().min(1).max(200),
});

/** `DELETE /api/guide-links/:id`. */
export const guideLinkIdParams = z.object({ id: uuid });

/** A link just created: its URL exists only in this answer (the server keeps the token's hash). */
export const createdGuideLink = z.object({ id: uuid, url: z.url(), expiresAt: timestamp.nullable() });

/** One logged view of a guide link. */
export const guideLinkView = z.object({ viewedAt: timestamp, clientHint: z.string() });

/** A link as the room lists it: its target, state, and who opened it when (coarsely). */
export const guideLinkSummary = z
  .object({
    id: uuid,
    kind: z.enum(['stakeholder', 'objections']),
    stakeholderId: z.string().nullable(),
    state: guideLinkState,
    createdAt: timestamp,
    createdBy: uuid,
    expiresAt: timestamp.nullable(),
    revokedAt: timestamp.nullable(),
    viewCount: z.number().int(),
    lastViewedAt: timestamp.nullable(),
    /** The most recent views, newest first. */
    recentViews: z.array(guideLinkView),
  })
  .meta({ id: 'GuideLinkSummary' });

/** `GET /api/deals/:id/links`. */
export const guideLinkList = z.object({ links: z.array(guideLinkSummary) });

/** `DELETE /api/guide-links/:id`. */
export const revokedGuideLink = z.object({ id: uuid, state: z.literal('revoked'), revokedAt: timestamp.nullable() });

export type GuideLinkTarget = z.infer<typeof guideLinkTarget>;
export type GuideLinkState = z.infer<typeof guideLinkState>;
export type CreatedGuideLink = z.infer<typeof createdGuideLink>;
export type GuideLinkView = z.infer<typeof guideLinkView>;
export type GuideLinkSummary = z.infer<typeof guideLinkSummary>;
export type RevokedGuideLink = z.infer<typeof revokedGuideLink>;

/**
 * `/g/:token…`: a guide link's token (128 random bits, base64url). A token of another shape reads as
 * `null`, so that the page answers it like any unknown link (404, counted toward the guess limit).
 */
export const guidePageParams = z.object({
  token: z
    .string()
    .regex(/^[A-Za-z0-9_-]{22}$/)
    .nullable()
    .catch(null),
});
