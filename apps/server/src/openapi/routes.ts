import { randomBytes } from 'node:crypto';
import type { Env, Hono } from 'hono';
import { Hono as HonoApp } from 'hono';
import { operation } from './describe.ts';
import { renderDocsPage } from './docs-page.ts';
import { createOpenApiDocument, type OpenApiDocument } from './document.ts';

/**
 * `GET /openapi.json` (the OpenAPI 3.1 document) and `GET /docs` (the reference page), to mount under
 * `/api`. The document is generated once, on first request, from the routes of `app` (the whole app, so
 * that paths carry their `/api` prefix).
 */
export function openApiRoutes<E extends Env>({ app }: { app: Hono<E> }) {
  let document: Promise<OpenApiDocument> | undefined;
  const load = () => {
    document ??= createOpenApiDocument(app);
    return document;
  };
  return new HonoApp()
    .get(
      '/openapi.json',
      operation({
        tag: 'Reference',
        summary: 'This OpenAPI 3.1 document',
        session: false,
        ok: { description: 'The document.', media: 'application/json' },
      }),
      async (c) => c.json(await load()),
    )
    .get(
      '/docs',
      operation({
        tag: 'Reference',
        summary: 'The API reference as a page',
        session: false,
        ok: { description: 'A readable page listing every route.', media: 'text/html' },
      }),
      async (c) => {
        const nonce = randomBytes(16).toString('base64');
        c.header(
          'Content-Security-Policy',
          `default-src 'none'; style-src 'nonce-${nonce}'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`,
        );
        return c.html(renderDocsPage(await load(), { nonce }));
      },
    );
}
