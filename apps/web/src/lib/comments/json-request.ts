import { networkError, toApiError } from '$lib/api/index.ts';

/**
 * One same-origin JSON request to the API, the way the rest of the web app calls it (session cookie); rejects with an
 * `ApiError` whose message is the server's.
 */
export async function jsonRequest<T>(method: string, path: string, body?: unknown): Promise<T> {
  let response: Response;
  try {
    response = await globalThis.fetch(path, {
      method,
      credentials: 'same-origin',
      headers:
        body === undefined
          ? { accept: 'application/json' }
          : { accept: 'application/json', 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (cause) {
    throw networkError(cause);
  }
  const text = await response.text();
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined; // not JSON (a proxy's error page): the status decides below
  }
  if (!response.ok) throw toApiError(response.status, json, response.headers.get('retry-after'));
  return json as T;
}
