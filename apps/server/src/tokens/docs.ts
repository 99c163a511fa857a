import { apiTokenList, createdApiToken, deleted } from '@quorum/api-schema';
import { operation } from '../openapi/index.ts';

const sessionOnly = 'A session cookie is needed: an API token cannot create or revoke tokens (`session_required`).';

/** OpenAPI descriptions of the API token routes. */
export const tokenDocs = {
  create: operation({
    tag: 'Accounts',
    summary: 'Create an API token',
    description:
      'A personal token that acts as the caller on `/api/*` and `/sync` (send `Authorization: Bearer <token>`; no Origin needed). The token is in this answer only; Quorum keeps its SHA-256.',
    ok: { status: 201, description: 'The token, shown this once.', schema: createdApiToken },
    errors: { 400: 'The name is missing or wrong.', 401: 'No valid session.', 403: sessionOnly },
  }),
  list: operation({
    tag: 'Accounts',
    summary: 'List API tokens',
    description: 'The caller’s tokens with when each was last used (to within a minute); never the secrets.',
    ok: { description: 'The tokens.', schema: apiTokenList },
    errors: { 401: 'No valid session or token.' },
  }),
  remove: operation({
    tag: 'Accounts',
    summary: 'Revoke an API token',
    description: 'The token stops working at once, and its open websockets close (4401) on every instance.',
    ok: { description: 'The token is gone.', schema: deleted },
    errors: { 401: 'No valid session.', 403: sessionOnly, 404: 'No such token of the caller.' },
  }),
};
