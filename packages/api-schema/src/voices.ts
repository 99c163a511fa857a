import { z } from 'zod';
import { timestamp, uuid } from './strings.ts';

/**
 * `POST /g/:token/voice` (JSON): a stakeholder's own view (DESIGN.md 7a). The shape only: which criterion ids
 * exist, whole numbers 0–100 and the lengths are checked by `validateVoiceInput` in @quorum/deal-model, the one
 * parser of an answer, which names the wrong field (`weights.<criterionId>`, `concerns`, `missing`).
 */
export const voiceAnswerBody = z.object({
  weights: z.record(z.string(), z.number({ error: 'Each weight must be a number from 0 to 100.' })).optional(),
  concerns: z.string({ error: 'Concerns must be text.' }).optional(),
  missing: z.string({ error: 'A missing criterion must be text.' }).optional(),
});

/** `POST /g/:token/voice` → 201. */
export const voiceSubmitted = z.object({ submittedAt: timestamp });

/** A person who will read a stakeholder's answer. */
export const voiceReader = z.object({
  name: z.string(),
  company: z.string(),
  role: z.enum(['mobilizer', 'seller']),
});

/** `GET /g/:token/voice`: what the stakeholder is asked, their own last answer, and who will see it. */
export const voiceView = z.object({
  stakeholder: z.object({ name: z.string(), title: z.string() }),
  criteria: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      description: z.string(),
      kind: z.enum(['formal', 'informal']),
      mandatory: z.boolean(),
    }),
  ),
  asks: z.string(),
  mine: z
    .object({
      weights: z.record(z.string(), z.number()),
      concerns: z.string(),
      missing: z.string(),
      submittedAt: timestamp,
    })
    .nullable(),
  seenBy: z.array(voiceReader),
});

/** `GET /api/deals/:id/engagement`: how each mapped stakeholder engaged through their guide links. */
export const engagement = z.object({
  stakeholders: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      links: z.number().int(),
      views: z.number().int(),
      lastViewedAt: timestamp.nullable(),
      answers: z.number().int(),
      lastAnswerAt: timestamp.nullable(),
    }),
  ),
});

/** `GET /api/deals/:id/engagement`. */
export const engagementParams = z.object({ id: uuid });

export type VoiceAnswerBody = z.infer<typeof voiceAnswerBody>;
export type VoiceView = z.infer<typeof voiceView>;
export type Engagement = z.infer<typeof engagement>;
