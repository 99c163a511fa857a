import type { Context } from 'hono';
import { ApiError } from '../errors/index.ts';

/** A parsed JSON object body. */
export type JsonObject = Record<string, unknown>;

/**
 * Reads the request body as a JSON object: 415 when it is not declared as JSON, 400 `invalid_json`
 * when it does not parse or is not an object. (Size is limited by the body-limit middleware: 413.)
 */
export async function readJson(c: Context): Promise<JsonObject> {
  const type = c.req.header('content-type') ?? '';
  if (!/^application\/(.+\+)?json\b/i.test(type)) {
    throw new ApiError(
      415,
      'unsupported_media_type',
      'Send the request body as JSON (Content-Type: application/json).',
    );
  }
  let body: unknown;
  try {
    body = JSON.parse(await c.req.text());
  } catch (error) {
    throw new ApiError(400, 'invalid_json', `The request body is not valid JSON (${(error as Error).message}).`);
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new ApiError(400, 'invalid_json', 'The request body must be a JSON object.');
  }
  return body as JsonObject;
}
