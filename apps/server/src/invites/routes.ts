import { dealIdParams, inviteBody, inviteTokenParams } from '@quorum/api-schema';
import type { Database } from '@quorum/db';
import { Hono } from 'hono';
import { requireUser } from '../auth/index.ts';
import type { AppEnv } from '../context.ts';
import { findVisibleDeal } from '../deals/index.ts';
import { ApiError } from '../errors/index.ts';
import type { Mailer } from '../mail/index.ts';
import { jsonBody, pathParams } from '../openapi/index.ts';
import { inviteDocs } from './docs.ts';
import { acceptInvite, createInvite, previewInvite } from './invites.ts';

const noDeal = 'There is no deal room here, or you do not have access to it.';
const badToken = 'This invite link is not valid. Check that you copied all of it.';

/** Options of {@link inviteRoutes}. */
export interface InviteRoutesOptions {
  db: Database;
  /** The app's public origin, for the link. */
  origin: string;
  /** Sends the invite by mail (through the outbox). */
  mailer: Mailer;
}

/**
 * `/api/deals/:id/invites` (creates the link and mails it to the invited address), `/api/invites/:token` and
 * `/api/invites/:token/accept`.
 */
export function inviteRoutes({ db, origin, mailer }: InviteRoutesOptions) {
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
        const { id, token, expiresAt } = await createInvite(db, user, visible, input);
        const url = `${origin}/invite/${token}`;
        await mailer.send({
          kind: 'invite',
          dedupeKey: `invite:${id}`,
          to: input.email,
          data: { dealTitle: visible.deal.title, inviterName: user.name, role: input.role, url, expiresAt },
        });
        return c.json(
          {
            url,
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
