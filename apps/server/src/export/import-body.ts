import type { Context } from 'hono';
import { ApiError } from '../errors/index.ts';

/** An import's body: a deal exported as JSON, or a CSV of stakeholders. */
export type ImportBody = { kind: 'json'; value: unknown } | { kind: 'csv'; text: string };

const JSON_MEDIA = /^application\/([\w.-]+\+)?json$/i;
const CSV_MEDIA = /^(text|application)\/csv$/i;

/** Reads an import's body by its Content-Type: 415 for anything but JSON and CSV, 400 for JSON that does not parse. */
export async function readImportBody(c: Context): Promise<ImportBody> {
  const media = (c.req.header('content-type') ?? '').split(';')[0]!.trim();
  if (CSV_MEDIA.test(media)) return { kind: 'csv', text: await c.req.text() };
  if (!JSON_MEDIA.test(media)) {
    throw new ApiError(
      415,
      'unsupported_media_type',
      'Send a deal exported as JSON (Content-Type: application/json) or stakeholders as CSV (Content-Type: text/csv).',
    );
  }
  try {
    return { kind: 'json', value: await c.req.json() };
  } catch (error) {
    throw new ApiError(400, 'invalid_json', `The request body is not valid JSON (${(error as Error).message}).`);
  }
}
