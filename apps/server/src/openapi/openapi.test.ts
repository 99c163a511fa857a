import { createPostgresPersistence, RoomEngine } from '@quorum/sync';
import { Validator } from '@seriousme/openapi-schema-validator';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLocalStatusBus } from '../status/index.ts';
import type { SyncContext } from '../sync/index.ts';
import { createTestApp, type TestApp } from '../testing/test-app.ts';
import type { OpenApiDocument } from './document.ts';

/** `/api/deals/:id` → `/api/deals/{id}`. */
const openApiPath = (path: string) => path.replace(/:([A-Za-z0-9_]+)/g, '{$1}');

/** A JSON pointer segment. */
const pointer = (segment: string) => segment.replaceAll('~', '~0').replaceAll('/', '~1');

describe('the OpenAPI document at /api/openapi.json', () => {
  let t: TestApp;
  let engine: RoomEngine<SyncContext> | undefined;
  let document: OpenApiDocument;
  const ajv = addFormats.default(new Ajv2020({ strict: false, allErrors: true }));

  /** Validates `body` against the document's schema of an answer (or, with 'request', of the body sent). */
  function check(method: string, path: string, status: number | 'request', body: unknown): string {
    const operation = `openapi.json#/paths/${pointer(path)}/${method}`;
    const ref =
      status === 'request'
        ? `${operation}/requestBody/content/application~1json/schema`
        : `${operation}/responses/${status}/content/application~1json/schema`;
    return ajv.validate({ $ref: ref }, body) ? 'valid' : ajv.errorsText(ajv.errors);
  }

  beforeAll(async () => {
    // The full app: with an engine (guide links and /g pages) and the status feature, so every route is there.
    t = await createTestApp('pglite', (db) => {
      engine = new RoomEngine<SyncContext>({ persistence: createPostgresPersistence(db) });
      return { engine, status: { bus: createLocalStatusBus() } };
    });
    const res = await t.call('GET', '/api/openapi.json');
    expect(res.status).toBe(200);
    document = res.body;
    ajv.addSchema({ ...document, $id: 'openapi.json' } as object);
  });
  afterAll(async () => {
    await engine?.close();
    await t.close();
  });

  it('is a valid OpenAPI 3.1 document', async () => {
    expect(document.openapi).toBe('3.1.0');
    const result = await new Validator().validate(
      structuredClone(document) as unknown as Parameters<Validator['validate']>[0],
    );
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it('describes every route registered under /api and /g, with its method, and its answers', () => {
    const routes = t.app.routes.filter(
      (route) => /^\/(api|g)\//.test(route.path) && route.method !== 'ALL' && !route.path.includes('*'),
    );
    const registered = [...new Set(routes.map((route) => `${route.method} ${openApiPath(route.path)}`))];
    expect(registered.length).toBeGreaterThanOrEqual(22);
    const documented = Object.entries(document.paths ?? {}).flatMap(([path, item]) =>
      Object.keys(item ?? {}).map((method) => `${method.toUpperCase()} ${path}`),
    );
    expect(documented.sort()).toEqual(registered.sort());
    for (const entry of registered) {
      const [method, path] = entry.split(' ') as [string, string];
      const operation = document.paths?.[path]?.[method.toLowerCase() as 'get'];
      expect(operation?.summary, entry).toBeTruthy();
      expect(
        Object.keys(operation?.responses ?? {}).some((status) => status.startsWith('2')),
        entry,
      ).toBe(true);
      for (const name of path.match(/\{(\w+)\}/g) ?? []) {
        const params = (operation?.parameters ?? []) as { in: string; name: string }[];
        expect(
          params.some((p) => p.in === 'path' && `{${p.name}}` === name),
          `${entry} ${name}`,
        ).toBe(true);
      }
    }
  });

  it('documents request bodies, queries and the error shape from the same schemas the server validates with', () => {
    const signup = document.paths?.['/api/auth/signup']?.post;
    expect(check('post', '/api/auth/signup', 'request', { email: 'a@b.co', password: 'x'.repeat(10), name: 'A' })).toBe(
      'valid',
    );
    expect(check('post', '/api/auth/signup', 'request', { email: 'a@b.co', password: 'short', name: 'A' })).not.toBe(
      'valid',
    );
    expect(
      check('post', '/api/auth/signup', 'request', { email: 'a@b.co', password: 'x'.repeat(10), name: 'A\u0000' }),
    ).not.toBe('valid');
    expect(Object.keys(signup?.responses ?? {})).toEqual(expect.arrayContaining(['201', '400', '409', '429']));
    const history = document.paths?.['/api/deals/health-history']?.get;
    expect(((history?.parameters ?? []) as { name: string; in: string }[]).map((p) => `${p.in}:${p.name}`)).toEqual(
      expect.arrayContaining(['query:ids', 'query:limit']),
    );
  });

  it('real answers match the document: signup, a 400, a deal, its detail, an invite and its preview, a guide link', async () => {
    const signupBody = {
      email: 'ana@acme.example',
      password: 'a long enough password',
      name: 'Ana',
      organization: 'Acme',
    };
    expect(check('post', '/api/auth/signup', 'request', signupBody)).toBe('valid');
    const signup = await t.call('POST', '/api/auth/signup', { body: signupBody });
    expect(signup.status).toBe(201);
    expect(check('post', '/api/auth/signup', 201, signup.body)).toBe('valid');
    const cookie = signup.cookie!;

    const bad = await t.call('POST', '/api/auth/signup', { body: { ...signupBody, name: 'A\u0000' } });
    expect(bad.status).toBe(400);
    expect(check('post', '/api/auth/signup', 400, bad.body)).toBe('valid');

    const me = await t.call('GET', '/api/me', { cookie });
    expect(check('get', '/api/me', 200, me.body)).toBe('valid');

    const created = await t.call('POST', '/api/deals', {
      cookie,
      body: { title: 'Laptop refresh', buyer: 'Northwind' },
    });
    expect(created.status).toBe(201);
    expect(check('post', '/api/deals', 201, created.body)).toBe('valid');
    const detail = await t.call('GET', `/api/deals/${created.body.id}`, { cookie });
    expect(check('get', '/api/deals/{id}', 200, detail.body)).toBe('valid');
    const list = await t.call('GET', '/api/deals', { cookie });
    expect(check('get', '/api/deals', 200, list.body)).toBe('valid');
    const missing = await t.call('GET', `/api/deals/${'-'.repeat(36)}`, { cookie });
    expect(missing.status).toBe(404);
    expect(check('get', '/api/deals/{id}', 404, missing.body)).toBe('valid');

    const invite = await t.call('POST', `/api/deals/${created.body.id}/invites`, {
      cookie,
      body: { email: 'bea@northwind.example', role: 'mobilizer' },
    });
    expect(check('post', '/api/deals/{id}/invites', 201, invite.body)).toBe('valid');
    const token = (invite.body.url as string).split('/').pop()!;
    const preview = await t.call('GET', `/api/invites/${token}`);
    expect(check('get', '/api/invites/{token}', 200, preview.body)).toBe('valid');

    const link = await t.call('POST', `/api/deals/${created.body.id}/objection-guide/links`, { cookie, body: {} });
    expect(link.status).toBe(201);
    expect(check('post', '/api/deals/{id}/objection-guide/links', 201, link.body)).toBe('valid');
    const links = await t.call('GET', `/api/deals/${created.body.id}/links`, { cookie });
    expect(check('get', '/api/deals/{id}/links', 200, links.body)).toBe('valid');
    const revoked = await t.call('DELETE', `/api/guide-links/${link.body.id}`, { cookie });
    expect(check('delete', '/api/guide-links/{id}', 200, revoked.body)).toBe('valid');
  });

  it('serves a readable reference page listing every route, without scripts or outside resources', async () => {
    const res = await t.call('GET', '/api/docs');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/html');
    const page = res.body as string;
    for (const path of Object.keys(document.paths ?? {})) expect(page).toContain(`<code>${path}</code>`);
    expect(page).not.toMatch(/<script|https?:\/\/(?!json-schema)/);
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
  });
});
