import { errorBody } from '@quorum/api-schema';
import type { StandardSchemaV1 } from '@standard-schema/spec';
import { describeRoute, resolver } from 'hono-openapi';

/** The sections of the API reference. */
export type ApiTag =
  | 'Accounts'
  | 'Deals'
  | 'Invites'
  | 'Guide links'
  | 'Deal status'
  | 'Guide pages'
  | 'Comments'
  | 'Notifications'
  | 'Activity'
  | 'Webhooks'
  | 'Reference';

/** The successful answer of an operation. */
export interface OkResponse {
  status?: 200 | 201 | 202;
  description: string;
  /** The JSON body's schema; omitted for answers that are not JSON. */
  schema?: StandardSchemaV1;
  /** Media type when not JSON (`text/event-stream`, `application/pdf`, `text/html`). */
  media?: string;
}

/** Options of {@link operation}. */
export interface OperationOptions {
  summary: string;
  description?: string;
  tag: ApiTag;
  ok: OkResponse;
  /** The error answers, by status, with when they happen; each has the body `{error: {code, message, field?}}`. */
  errors?: Partial<Record<400 | 401 | 403 | 404 | 409 | 410 | 413 | 415 | 429, string>>;
  /** Whether a session cookie is needed (default true). */
  session?: boolean;
}

/**
 * Describes a route in the OpenAPI document (a `describeRoute` middleware): its summary, the success
 * body's schema and the error answers, all in the API's one error shape. Request bodies, queries and
 * parameters are documented by the validators themselves.
 */
export function operation({ summary, description, tag, ok, errors = {}, session = true }: OperationOptions) {
  const errorContent = { 'application/json': { schema: resolver(errorBody) } };
  const responses: Record<string, unknown> = {
    [ok.status ?? 200]: {
      description: ok.description,
      ...(ok.schema
        ? { content: { [ok.media ?? 'application/json']: { schema: resolver(ok.schema) } } }
        : ok.media
          ? { content: { [ok.media]: {} } }
          : {}),
    },
  };
  for (const [status, when] of Object.entries(errors)) {
    responses[status] = { description: when, content: errorContent };
  }
  return describeRoute({
    summary,
    description,
    tags: [tag],
    // Either the session cookie or an API token (`Authorization: Bearer`) identifies the caller.
    security: session ? [{ session: [] }, { bearer: [] }] : [],
    responses: responses as Parameters<typeof describeRoute>[0]['responses'],
  });
}
