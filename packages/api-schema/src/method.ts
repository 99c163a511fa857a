import { z } from 'zod';
import { oneOf, text, timestamp } from './strings.ts';

/** `PUT /api/deals/:id/decision`: the manager's go or no-go after qualification (seed 002), with its reason. */
export const decisionBody = z.object({
  value: oneOf(['go', 'no-go'], { label: 'decision' }),
  reason: text({ max: 2000, label: 'reason', prose: true }),
});

/** The decision as stored in the seller document's qualification. */
export const goNoGoDecision = z
  .object({
    value: z.enum(['go', 'no-go']),
    reason: z.string(),
    /** The deciding manager's name. */
    by: z.string(),
    at: timestamp,
  })
  .meta({ id: 'GoNoGoDecision' });

/** `PUT /api/deals/:id/decision` → 200. */
export const decisionResult = z.object({ decision: goNoGoDecision });

const role = z.string().nullable();

/** A kind of member (role, title, department) and the share of closed deals that had one. */
export const typicalMember = z
  .object({ role, title: z.string(), department: z.string(), share: z.number() })
  .meta({ id: 'TypicalMember' });

/** `GET /api/organization/learning`: what the organization's closed deals say (seed 004, CEB). */
export const learning = z.object({
  /** False with too few closed deals: then `message` says so and the lists are empty. */
  enough: z.boolean(),
  message: z.string().optional(),
  deals: z.number().int(),
  won: z.number().int(),
  winRate: z.number(),
  winRateBySize: z.array(
    z.object({
      size: z.string(),
      min: z.number().int(),
      max: z.number().int().nullable(),
      deals: z.number().int(),
      won: z.number().int(),
      rate: z.number(),
      /** CEB's purchase intent at the bucket's average group size (the 81 % → 31 % curve), 0–1. */
      research: z.number(),
    }),
  ),
  typicalGroup: z.array(typicalMember),
  stageDays: z.array(
    z.object({
      stage: z.string(),
      deals: z.number().int(),
      averageDays: z.number(),
      wonAverageDays: z.number().nullable(),
    }),
  ),
  /** Closed deals by outcome. */
  outcomes: z.object({ won: z.number().int(), lost: z.number().int(), noDecision: z.number().int() }),
});

/** `GET /api/deals/:id/suggested-group`: who usually takes part in the organization's closed deals but is not on this map. */
export const suggestedGroup = z.object({
  enough: z.boolean(),
  message: z.string().optional(),
  members: z.array(typicalMember),
});

export type DecisionBody = z.infer<typeof decisionBody>;
export type GoNoGoDecisionView = z.infer<typeof goNoGoDecision>;
export type Learning = z.infer<typeof learning>;
export type SuggestedGroup = z.infer<typeof suggestedGroup>;
export type TypicalMemberView = z.infer<typeof typicalMember>;
