import { dealIdParams, inviteBody, inviteTokenParams } from '@quorum/api-schema';
import type { Database } from '@quorum/db';
import { Hono } from 'hono';
import { requireUser } from '../auth/index.ts';
import type { AppEnv } from '../context.ts';
import { findVisibleDeal } from '../deals/index.ts';
import { ApiError } from '../errors/index.ts';
import { jsonBody, pathParams } from '../input/index.ts';
import { inviteDocs } from './docs.ts';
import { acceptInvite, createInvite, previewInvite } from './invites.ts';

const noDeal = 'There is no deal room here, or you do not have access to it.';
const badToken = 'This invite link is not valid. Check that you copied all of it.';

/** `/api/deals/:id/invites`, `/api/invites/:token` and `/api/invites/:token/accept`. */
export function inviteRoutes({ db, origin }: { db: Database; origin: string }) {
  return new Hono<AppEnv>()
    .post(
      '/deals/:id/invites',
      inviteDocs.create,
      pathParams(dealIdParams, { notFound: noDeal }),
      jsonBody(inviteBody),
      async (c) => {
        const user = requireUser(c);
        const visible = await findVisibleDeal(db, user, c.req.valid('param').id);
        if (!visible) throw ApiError.notFound(noDeal);
        const input = c.req.valid('json');
        const { token, expiresAt } = await createInvite(db, user, visible, input);
        return c.json(
          {
            url: `${origin}/invite/${token}`,
            expiresAt: expiresAt.toISOString(),
            role: input.role,
            email: input.email,
          },
          201,
        );
      },
    )
    .get('/invites/:token', inviteDocs.preview, pathParams(inviteTokenParams, { notFound: badToken }), async (c) =>
      c.json(await previewInvite(db, c.req.valid('param').token)),
    )
    .post(
      '/invites/:token/accept',
      inviteDocs.accept,
      pathParams(inviteTokenParams, { notFound: badToken }),
      async (c) => {
        const user = requireUser(c);
        return c.json(await acceptInvite(db, user, c.req.valid('param').token));
      },
    );
}
