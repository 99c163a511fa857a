import type { Database } from '@quorum/db';
import { Hono } from 'hono';
import { requireUser } from '../auth/index.ts';
import type { AppEnv } from '../context.ts';
import { findVisibleDeal } from '../deals/index.ts';
import { ApiError } from '../errors/index.ts';
import { email, oneOf, readJson } from '../input/index.ts';
import { acceptInvite, createInvite, looksLikeToken, previewInvite } from './invites.ts';

/** `/api/deals/:id/invites`, `/api/invites/:token` and `/api/invites/:token/accept`. */
export function inviteRoutes({ db, origin }: { db: Database; origin: string }) {
  return new Hono<AppEnv>()
    .post('/deals/:id/invites', async (c) => {
      const user = requireUser(c);
      const visible = await findVisibleDeal(db, user, c.req.param('id'));
      if (!visible) throw ApiError.notFound('There is no deal room here, or you do not have access to it.');
      const body = await readJson(c);
      const input = { email: email(body), role: oneOf(body, 'role', ['mobilizer', 'seller'] as const) };
      const { token, expiresAt } = await createInvite(db, user, visible, input);
      return c.json(
        { url: `${origin}/invite/${token}`, expiresAt: expiresAt.toISOString(), role: input.role, email: input.email },
        201,
      );
    })
    .get('/invites/:token', async (c) => {
      const token = c.req.param('token');
      if (!looksLikeToken(token))
        throw ApiError.notFound('This invite link is not valid. Check that you copied all of it.');
      return c.json(await previewInvite(db, token));
    })
    .post('/invites/:token/accept', async (c) => {
      const user = requireUser(c);
      const token = c.req.param('token');
      if (!looksLikeToken(token))
        throw ApiError.notFound('This invite link is not valid. Check that you copied all of it.');
      return c.json(await acceptInvite(db, user, token));
    });
}
