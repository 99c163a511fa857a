import { apiTokenIdParams, createApiTokenBody } from '@quorum/api-schema';
import type { Database } from '@quorum/db';
import { type Context, Hono } from 'hono';
import { requireUser } from '../auth/index.ts';
import type { AppEnv } from '../context.ts';
import { ApiError } from '../errors/index.ts';
import { jsonBody, pathParams } from '../openapi/index.ts';
import { tokenDocs } from './docs.ts';
import { createApiToken, deleteApiToken, listApiTokens } from './token-store.ts';

const noToken = 'You have no such API token.';

/** Options of {@link tokenRoutes}. */
export interface TokenRoutesOptions {
  db: Database;
  /** Called with a deleted token's hash (closes its websockets on every instance). */
  onRevoke?: (tokenHash: string) => void;
}

/** The caller, who must be logged in with a session cookie (a token cannot mint or revoke tokens). */
function requireSessionUser(c: Context<AppEnv>) {
  const user = requireUser(c);
  if (!c.get('sessionToken')) {
    throw ApiError.forbidden('session_required', 'Create and revoke API tokens from the app, logged in.');
  }
  return user;
}

/** `POST/GET /api/tokens` and `DELETE /api/tokens/:id` (DESIGN.md 7e). */
export function tokenRoutes({ db, onRevoke }: TokenRoutesOptions) {
  return new Hono<AppEnv>()
    .post('/tokens', tokenDocs.create, jsonBody(createApiTokenBody), async (c) => {
      const user = requireSessionUser(c);
      return c.json(await createApiToken(db, user.id, c.req.valid('json').name), 201);
    })
    .get('/tokens', tokenDocs.list, async (c) => c.json({ tokens: await listApiTokens(db, requireUser(c).id) }))
    .delete('/tokens/:id', tokenDocs.remove, pathParams(apiTokenIdParams, { notFound: noToken }), async (c) => {
      const user = requireSessionUser(c);
      const { id } = c.req.valid('param');
      const tokenHash = await deleteApiToken(db, user.id, id);
      if (!tokenHash) throw ApiError.notFound(noToken);
      onRevoke?.(tokenHash);
      return c.json({ id, deleted: true as const });
    });
}
