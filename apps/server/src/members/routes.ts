import { dealIdParams, memberParams } from '@quorum/api-schema';
import type { Database } from '@quorum/db';
import { Hono } from 'hono';
import { requireUser } from '../auth/index.ts';
import type { AppEnv } from '../context.ts';
import { findVisibleDeal } from '../deals/index.ts';
import { ApiError } from '../errors/index.ts';
import { pathParams } from '../openapi/index.ts';
import { memberDocs } from './docs.ts';
import { listMembers, removeMember } from './members.ts';

const noDeal = 'There is no deal room here, or you do not have access to it.';

/** Options of {@link memberRoutes}. */
export interface MemberRoutesOptions {
  db: Database;
  /** Called once a membership is gone: closes that user's sockets to the deal's rooms on every instance. */
  onRemoved: (removed: { userId: string; dealId: string }) => Promise<void>;
}

/** `GET /api/deals/:id/members` and `DELETE /api/deals/:id/members/:userId` (DESIGN.md 7d). */
export function memberRoutes({ db, onRemoved }: MemberRoutesOptions) {
  return new Hono<AppEnv>()
    .get('/deals/:id/members', memberDocs.list, pathParams(dealIdParams, { notFound: noDeal }), async (c) => {
      const visible = await findVisibleDeal(db, requireUser(c), c.req.valid('param').id);
      if (!visible) throw ApiError.notFound(noDeal);
      return c.json({ members: await listMembers(db, visible.deal.id) });
    })
    .delete(
      '/deals/:id/members/:userId',
      memberDocs.remove,
      pathParams(memberParams, { notFound: noDeal }),
      async (c) => {
        const user = requireUser(c);
        const { id, userId } = c.req.valid('param');
        const visible = await findVisibleDeal(db, user, id);
        if (!visible) throw ApiError.notFound(noDeal);
        await removeMember(db, user, visible, userId);
        await onRemoved({ userId, dealId: visible.deal.id });
        return c.json({ ok: true as const });
      },
    );
}
