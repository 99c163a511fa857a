import { z } from 'zod';
import { oneOf, optionalText, text, timestamp, uuid } from './strings.ts';

/** What the caller is on a deal; a manager who is not on the deal sees it read-only. */
export const dealRole = z.enum(['seller', 'mobilizer', 'manager']);

/**
 * A deal's life (DESIGN.md 7d): open, closed as won, lost or no decision (the status quo won: a first-class outcome),
 * or archived.
 */
export const dealState = z.enum(['open', 'won', 'lost', 'no-decision', 'archived']);

/** `GET /api/deals?state=`: which deals to list (default `open`; `closed` = won, lost and no decision). */
export const dealListQuery = z.object({
  state: oneOf(['open', 'closed', 'archived', 'all'], { label: 'state' }).default('open'),
});

/**
 * `PATCH /api/deals/:id`: rename (title and buyer stay in step with the shared document's `meta`), close, archive or
 * reopen. Closing as lost or no decision needs a reason.
 */
export const updateDealBody = z
  .object({
    title: text({ max: 200, label: 'title' }).optional(),
    buyer: text({ max: 200, label: 'buyer company' }).optional(),
    state: oneOf(['open', 'won', 'lost', 'no-decision', 'archived'], { label: 'state' }).optional(),
    reason: optionalText({ max: 1000, label: 'reason', prose: true }),
  })
  .superRefine((value, ctx) => {
    if ((value.state === 'lost' || value.state === 'no-decision') && !value.reason) {
      ctx.addIssue({
        code: 'custom',
        path: ['reason'],
        message: 'Say why the deal was lost or ended without a decision: it is what the team learns from.',
      });
    }
    if (value.title === undefined && value.buyer === undefined && value.state === undefined) {
      ctx.addIssue({ code: 'custom', path: ['title'], message: 'Send a title, a buyer or a state to change.' });
    }
  });

/** `POST /api/deals`. */
export const createDealBody = z.object({
  title: text({ max: 200, label: 'title' }),
  buyer: text({ max: 200, label: 'buyer company' }),
  /** Start from a template (`GET /api/templates`): its criteria, options, verifiers and objection library. */
  templateId: z.string().max(100).optional(),
});

/** `/api/deals/:id…`: the deal's id (anything else answers 404, like a deal the caller may not see). */
export const dealIdParams = z.object({ id: uuid });

/** A room of the deal the caller may open, and how. */
export const room = z.object({
  name: z.string(),
  kind: z.enum(['shared', 'seller', 'buyer']),
  access: z.enum(['write', 'read']),
});

/**
 * A deal's stored status (DESIGN.md section 3), the shared view for a Mobilizer; the server forwards it
 * as `computeStatus` made it, so only the fields clients read are named.
 */
export const dealStatus = z
  .object({
    id: z.string().optional(),
    stage: z.string().optional(),
    health: z.number().optional(),
    stakeholders: z.number().optional(),
    online: z.number().optional(),
    updatedAt: z.string().optional(),
  })
  .catchall(z.unknown())
  .meta({ id: 'DealStatus' });

/** A deal as lists and creation return it. */
export const deal = z
  .object({
    id: uuid,
    title: z.string(),
    buyer: z.string(),
    createdAt: timestamp,
    state: dealState,
    /** Why it was closed or archived (null while open). */
    stateReason: z.string().nullable(),
    role: dealRole,
    rooms: z.array(room),
    status: dealStatus.nullable(),
  })
  .meta({ id: 'Deal' });

/** `GET /api/deals`. */
export const dealList = z.object({ deals: z.array(deal) });

/** `GET /api/deals/:id`. */
export const dealDetail = z
  .object({
    deal: z.object({
      id: uuid,
      title: z.string(),
      buyer: z.string(),
      createdAt: timestamp,
      state: dealState,
      stateReason: z.string().nullable(),
    }),
    role: dealRole,
    rooms: z.array(room),
    status: dealStatus.nullable(),
  })
  .meta({ id: 'DealDetail' });

export type DealRole = z.infer<typeof dealRole>;
export type DealState = z.infer<typeof dealState>;
export type DealStateFilter = z.infer<typeof dealListQuery>['state'];
export type UpdateDealInput = z.input<typeof updateDealBody>;
export type CreateDealInput = z.input<typeof createDealBody>;
export type Room = z.infer<typeof room>;
export type DealStatus = z.infer<typeof dealStatus>;
export type Deal = z.infer<typeof deal>;
export type DealDetail = z.infer<typeof dealDetail>;
