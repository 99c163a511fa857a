import { createAuth } from '@quorum/auth';
import type { DbHandle } from '@quorum/db';
import { createTestDb } from '@quorum/db/testing';
import { createPostgresPersistence, RoomEngine } from '@quorum/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../app.ts';
import { type RunningServer, startServer } from '../server.ts';
import type { SyncContext } from '../sync/index.ts';

const ORIGIN = 'http://quorum.test';

describe('security headers and /metrics access (PGlite, real server)', () => {
  let handle: DbHandle;
  let engine: RoomEngine<SyncContext>;
  let open: RunningServer;
  let guarded: RunningServer;

  beforeAll(async () => {
    handle = await createTestDb('pglite');
    const auth = createAuth({ db: handle.db });
    engine = new RoomEngine<SyncContext>({ persistence: createPostgresPersistence(handle.db) });
    // A Connect-style handler standing where SvelteKit's build is served: it writes its page straight to Node.
    const web = (_req: unknown, res: import('node:http').ServerResponse) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end('<!doctype html><html><body>app</body></html>');
    };
    open = await startServer(createApp({ db: handle.db, auth, engine, origin: ORIGIN, web }), {
      port: 0,
      hostname: '127.0.0.1',
    });
    guarded = await startServer(
      createApp({ db: handle.db, auth, engine, origin: ORIGIN, metrics: { token: 'a-long-scrape-token' } }),
      { port: 0, hostname: '127.0.0.1' },
    );
  });
  afterAll(async () => {
    await open?.close();
    await guarded?.close();
    await engine?.close();
    await handle?.close();
  });

  it('sends a CSP with frame-ancestors none, X-Frame-Options, nosniff and a referrer policy on app pages and the API', async () => {
    for (const path of ['/', '/login', '/deals/abc', '/api/me']) {
      const res = await fetch(`${open.url}${path}`);
      expect(res.headers.get('content-security-policy'), path).toContain("frame-ancestors 'none'");
      expect(res.headers.get('x-frame-options'), path).toBe('DENY');
      expect(res.headers.get('x-content-type-options'), path).toBe('nosniff');
      expect(res.headers.get('referrer-policy'), path).toBe('strict-origin-when-cross-origin');
    }
    const page = await fetch(`${open.url}/`);
    expect(await page.text()).toContain('app');
    expect(page.headers.get('content-security-policy')).toContain('connect-src');
    // The offline reload needs the app's own service worker to register under the pages' policy.
    expect(page.headers.get('content-security-policy')).toContain("worker-src 'self'");
  });

  it('tells caches to keep no API response, whatever its status', async () => {
    for (const path of ['/api/auth/session', '/api/me', '/api/deals']) {
      const res = await fetch(`${open.url}${path}`);
      expect(res.headers.get('cache-control'), path).toBe('no-store');
    }
    const page = await fetch(`${open.url}/login`);
    expect(page.headers.get('cache-control')).not.toBe('no-store');
  });

  it('keeps the guide pages’ own stricter policy', async () => {
    const res = await fetch(`${open.url}/g/AAAAAAAAAAAAAAAAAAAAAA`);
    expect(res.status).toBe(404);
    expect(res.headers.get('content-security-policy')).toMatch(/script-src 'nonce-/);
    expect(res.headers.get('x-frame-options')).toBe('DENY');
  });

  it('serves /metrics to local clients only, unless a token is configured', async () => {
    expect((await fetch(`${open.url}/metrics`)).status).toBe(200);
    const proxied = await fetch(`${open.url}/metrics`, { headers: { 'x-forwarded-for': '203.0.113.9' } });
    expect(proxied.status).toBe(403);
    expect((await fetch(`${guarded.url}/metrics`)).status).toBe(401);
    const wrong = await fetch(`${guarded.url}/metrics`, { headers: { authorization: 'Bearer not-the-token-at-all' } });
    expect(wrong.status).toBe(401);
    const right = await fetch(`${guarded.url}/metrics`, { headers: { authorization: 'Bearer a-long-scrape-token' } });
    expect(right.status).toBe(200);
    expect(await right.text()).toMatch(/^quorum_sync_connections \d+$/m);
  });
});
