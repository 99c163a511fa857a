import { type ApiError, networkError, toApiError } from './errors.ts';

/** Options of {@link apiRequest}. */
export interface ApiRequestOptions {
  /** A JSON body (sent as `application/json`). */
  body?: unknown;
  /** A CSV body (sent as `text/csv`) instead of JSON. */
  csv?: string;
  /** The fetch to use; pass SvelteKit's `fetch` inside `load` functions (default: the global one, looked up per call). */
  fetch?: typeof globalThis.fetch;
  /** Prefix of the path (empty: same origin). */
  base?: string;
  /** Turns the {@link ApiError} of a refused request into a richer error, from the answer's parsed JSON. */
  refine?: (error: ApiError, json: unknown) => Error;
}

/**
 * One request to the Quorum API the way the whole web app makes it: same origin with the session cookie, JSON in and
 * out. Resolves with the parsed answer (undefined when empty); rejects with an {@link ApiError} (status 0 when the
 * server could not be reached), whose message is the server's or one in the product's voice.
 */
export async function apiRequest<T>(method: string, path: string, options: ApiRequestOptions = {}): Promise<T> {
  const { body, csv, base = '', refine } = options;
  const fetcher = options.fetch ?? globalThis.fetch;
  const headers: Record<string, string> = { accept: 'application/json' };
  let payload: string | undefined;
  if (csv !== undefined) {
    headers['content-type'] = 'text/csv';
    payload = csv;
  } else if (body !== undefined) {
    headers['content-type'] = 'application/json';
    payload = JSON.stringify(body);
  }
  let response: Response;
  try {
    response = await fetcher(`${base}${path}`, { method, credentials: 'same-origin', headers, body: payload });
  } catch (cause) {
    throw networkError(cause);
  }
  const text = await response.text();
  let json: unknown;
  if (text) {
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined; // not JSON (a proxy's error page): the status decides below
    }
  }
  if (!response.ok) {
    const error = toApiError(response.status, json, response.headers.get('retry-after'));
    throw refine ? refine(error, json) : error;
  }
  return json as T;
}
