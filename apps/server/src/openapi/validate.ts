import type { StandardSchemaV1 } from '@standard-schema/spec';
import type { Context, Env, MiddlewareHandler } from 'hono';
import { validator } from 'hono-openapi';
import { ApiError } from '../errors/index.ts';

/** Media types the JSON body validator reads (the same test as Hono's validator). */
const JSON_MEDIA = /^application\/([\w.-]+\+)?json$/i;

/** The first issue of a failed validation as a 400 naming its field (`{error: {code, message, field}}`). */
function invalidInput(issues: readonly StandardSchemaV1.Issue[]): ApiError {
  const [issue] = issues;
  const segment = issue?.path?.[0];
  const field = typeof segment === 'object' ? segment.key : segment;
  const message = issue?.message ?? 'The request is not valid.';
  return field === undefined
    ? new ApiError(400, 'invalid_input', message)
    : ApiError.invalidField(String(field), message);
}

/**
 * Validates the JSON body against `schema` (and documents it in the OpenAPI document): 415
 * `unsupported_media_type` when it is not declared as JSON, 400 `invalid_json` when it does not parse or
 * is not an object, 400 `invalid_input` naming the first wrong field otherwise. The parsed value is
 * `c.req.valid('json')`. (Size is limited by the body-limit middleware: 413.)
 */
export function jsonBody<S extends StandardSchemaV1, E extends Env = Env, P extends string = string>(schema: S) {
  const validate = validator<S, 'json', E, P>('json', schema, (result) => {
    if (!result.success) throw invalidInput(result.error);
  });
  const middleware: MiddlewareHandler = async (c, next) => {
    await readJsonObject(c);
    return validate(c as Context<E, P>, next);
  };
  return Object.assign(middleware, validate) as typeof validate;
}

async function readJsonObject(c: Context): Promise<void> {
  const mediaType = (c.req.header('content-type') ?? '').split(';')[0]!.trim();
  if (!JSON_MEDIA.test(mediaType)) {
    throw new ApiError(
      415,
      'unsupported_media_type',
      'Send the request body as JSON (Content-Type: application/json).',
    );
  }
  let body: unknown;
  try {
    body = await c.req.json();
  } catch (error) {
    throw new ApiError(400, 'invalid_json', `The request body is not valid JSON (${(error as Error).message}).`);
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new ApiError(400, 'invalid_json', 'The request body must be a JSON object.');
  }
}

/**
 * Validates the path parameters against `schema`; any mismatch answers 404 with `notFound` (ids are
 * unguessable, and an error must not tell a malformed id from one the caller may not see).
 */
export function pathParams<S extends StandardSchemaV1, E extends Env = Env, P extends string = string>(
  schema: S,
  { notFound }: { notFound: string },
) {
  return validator<S, 'param', E, P>('param', schema, (result) => {
    if (!result.success) throw ApiError.notFound(notFound);
  });
}

/** Validates the query string against `schema`: 400 `invalid_input` naming the first wrong parameter. */
export function queryParams<S extends StandardSchemaV1, E extends Env = Env, P extends string = string>(schema: S) {
  return validator<S, 'query', E, P>('query', schema, (result) => {
    if (!result.success) throw invalidInput(result.error);
  });
}
