import type { Env, Hono } from 'hono';
import { generateSpecs } from 'hono-openapi';
import type { OpenAPIV3_1 } from 'openapi-types';

/** The OpenAPI 3.1 document of the app. */
export type OpenApiDocument = OpenAPIV3_1.Document;

const description = `The HTTP API of Quorum, the deal room.

- **Errors** always answer \`{"error": {"code", "message", "field"?}}\`; \`field\` names the request field a 400 is about. Bodies are JSON (\`415 unsupported_media_type\` otherwise, \`400 invalid_json\` when they do not parse, \`413 body_too_large\` above the body limit).
- **Sessions**: signup and login set the \`quorum_session\` cookie; routes that need one answer 401 without it.
- **API tokens**: create one in the account page (or \`POST /api/tokens\`); send it as \`Authorization: Bearer <token>\` to act as yourself from a script, on \`/api/*\` and on \`/sync\` websockets. Each token is rate-limited (\`429\`); a revoked one answers \`401 invalid_token\`.
- **Origin**: every state-changing request with the session cookie must carry the app's \`Origin\` header (\`403 bad_origin\` otherwise); requests with an API token need none.
- **Ids** are unguessable: a malformed id answers 404, exactly like an id the caller may not see.
- The documents themselves sync over the y-websocket protocol at \`GET /sync/<room>\` (not described here).`;

/**
 * Builds the OpenAPI 3.1 document from the routes registered on `app` (their `operation` descriptions and
 * validators, all made from `@quorum/api-schema`). Call it once every route is registered.
 */
export async function createOpenApiDocument<E extends Env>(
  app: Hono<E>,
  { version = '0.1.0' }: { version?: string } = {},
): Promise<OpenApiDocument> {
  const document = await generateSpecs(app, {
    documentation: {
      info: { title: 'Quorum API', version, description },
      tags: [
        { name: 'Accounts' },
        { name: 'Deals' },
        { name: 'Invites' },
        { name: 'Guide links' },
        { name: 'Deal status' },
        { name: 'Guide pages', description: 'Public pages behind guide links; no account needed.' },
        { name: 'Comments', description: 'Threads on a deal’s records, each on one side (shared, seller or buyer).' },
        { name: 'Notifications', description: 'Mentions and replies for the signed-in user.' },
        {
          name: 'Activity',
          description: 'What changed in a deal, derived from stored updates, and the commitments log of verifiers.',
        },
        { name: 'Webhooks', description: 'Signed deliveries of deal events to an organization’s endpoints.' },
        { name: 'Reference' },
      ],
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'quorum_session', description: 'Set by signup and login.' },
          bearer: { type: 'http', scheme: 'bearer', description: 'A personal API token (`POST /api/tokens`).' },
        },
      },
    },
    // Validators' failures are described per route: 400 for bodies and queries, 404 for ids.
    defaultValidationErrorResponse: false,
    // `/api/openapi.json` is a route, not a static file.
    excludeStaticFile: false,
  });
  return document as unknown as OpenApiDocument;
}
