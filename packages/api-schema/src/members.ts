import { z } from 'zod';
import { uuid } from './strings.ts';

/** `/api/deals/:id/members/:userId`. */
export const memberParams = z.object({ id: uuid, userId: uuid });

/** Someone on a deal (DESIGN.md 7d). */
export const member = z
  .object({
    userId: uuid,
    name: z.string(),
    email: z.string(),
    role: z.enum(['seller', 'mobilizer']),
  })
  .meta({ id: 'Member' });

/** `GET /api/deals/:id/members`. */
export const memberList = z.object({ members: z.array(member) });

/** `DELETE /api/deals/:id/members/:userId`. */
export const removedMember = z.object({ ok: z.literal(true) });

export type Member = z.infer<typeof member>;
export type MemberList = z.infer<typeof memberList>;
