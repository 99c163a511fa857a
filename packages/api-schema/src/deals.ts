import { z } from 'zod';
import { text, timestamp, uuid } from './strings.ts';

/** What the caller is on a deal; a manager who is not on the deal sees it read-only. */
export const dealRole = z.enum(['seller', 'mobilizer', 'manager']);

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
    deal: z.object({ id: uuid, title: z.string(), buyer: z.string(), createdAt: timestamp }),
    role: dealRole,
    rooms: z.array(room),
    status: dealStatus.nullable(),
  })
  .meta({ id: 'DealDetail' });

export type DealRole = z.infer<typeof dealRole>;
export type CreateDealInput = z.input<typeof createDealBody>;
export type Room = z.infer<typeof room>;
export type DealStatus = z.infer<typeof dealStatus>;
export type Deal = z.infer<typeof deal>;
export type DealDetail = z.infer<typeof dealDetail>;
