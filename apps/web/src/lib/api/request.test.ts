import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from './errors.ts';
import { apiRequest } from './request.ts';

/** What the server saw of the last request. */
let seen: { method?: string; url?: string; type?: string; accept?: string; body: string } = { body: '' };

const answers: Record<string, (req: IncomingMessage, body: string) => [number, Record<string, string>, string]> = {
  '/ok': (_req, body) => [200, { 'content-type': 'application/json' }, JSON.stringify({ echoed: body || null })],
  '/empty': () => [204, {}, ''],
  '/invalid': () => [
    400,
    { 'content-type': 'application/json' },
    JSON.stringify({ error: { code: 'invalid_import', message: 'Fix these rows.', field: 'csv', rows: [{ row: 3 }] } }),
  ],
  '/proxy': () => [502, { 'content-type': 'text/html' }, '<html>Bad gateway</html>'],
  '/busy': () => [429, { 'content-type': 'application/json', 'retry-after': '30' }, '{}'],
};

describe('apiRequest against a real HTTP server', () => {
  let server: Server;
  let base: string;
  beforeAll(async () => {
    server = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => {
        body += chunk.toString();
      });
      req.on('end', () => {
        seen = {
          method: req.method,
          url: req.url,
          type: req.headers['content-type'],
          accept: req.headers.accept,
          body,
        };
        const [status, headers, text] = answers[req.url ?? '']?.(req, body) ?? [404, {}, ''];
        res.writeHead(status, headers).end(text);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('sends JSON and resolves with the parsed answer', async () => {
    const answer = await apiRequest<{ echoed: string }>('POST', '/ok', { base, body: { name: 'Ana' } });
    expect(answer).toEqual({ echoed: '{"name":"Ana"}' });
    expect(seen).toMatchObject({ method: 'POST', type: 'application/json', accept: 'application/json' });
  });

  it('sends CSV as text/csv, and nothing (no content type) without a body', async () => {
    await apiRequest('POST', '/ok', { base, csv: 'name\nAna' });
    expect(seen).toMatchObject({ type: 'text/csv', body: 'name\nAna' });
    await apiRequest('GET', '/ok', { base });
    expect(seen.type).toBeUndefined();
    expect(await apiRequest('DELETE', '/empty', { base })).toBeUndefined();
  });

  it('rejects with the server’s error, the field named; refine sees the whole answer', async () => {
    const error = await apiRequest('POST', '/invalid', { base, body: {} }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 400, code: 'invalid_import', message: 'Fix these rows.', field: 'csv' });
    const refined = await apiRequest('POST', '/invalid', {
      base,
      body: {},
      refine: (e, json) =>
        new Error(`${e.message} ${JSON.stringify((json as { error: { rows: unknown } }).error.rows)}`),
    }).catch((e: unknown) => e);
    expect((refined as Error).message).toBe('Fix these rows. [{"row":3}]');
  });

  it('a proxy’s HTML page, a rate limit and an unreachable server become ApiErrors in the product’s words', async () => {
    await expect(apiRequest('GET', '/proxy', { base })).rejects.toMatchObject({ status: 502, code: 'server' });
    await expect(apiRequest('GET', '/busy', { base })).rejects.toMatchObject({ status: 429, retryAfter: 30 });
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    await expect(apiRequest('GET', '/ok', { base: `http://127.0.0.1:${port}` })).rejects.toMatchObject({
      status: 0,
      code: 'network',
    });
  });
});
