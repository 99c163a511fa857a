import { html, raw } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';
import type { OpenAPIV3_1 } from 'openapi-types';
import type { OpenApiDocument } from './document.ts';

type Operation = OpenAPIV3_1.OperationObject;
type Schema = OpenAPIV3_1.SchemaObject | OpenAPIV3_1.ReferenceObject;

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

/** A schema as compact JSON, with references shown as the component's name. */
function schemaText(schema: unknown): string {
  return JSON.stringify(
    schema,
    (key, value) => {
      if (key === '$ref' && typeof value === 'string') return `→ ${value.split('/').pop()}`;
      if (key === 'pattern' && typeof value === 'string' && value.length > 60) return `${value.slice(0, 57)}…`;
      return value;
    },
    2,
  );
}

function parameters(operation: Operation) {
  const list = (operation.parameters ?? []) as OpenAPIV3_1.ParameterObject[];
  if (list.length === 0) return '';
  return html`<h4>Parameters</h4>
    <ul>
      ${list.map(
        (p) =>
          html`<li><code>${p.name}</code> (${p.in}${p.required ? ', required' : ''}): <code>${schemaText(p.schema)}</code></li>`,
      )}
    </ul>`;
}

function requestBody(operation: Operation) {
  const body = operation.requestBody as OpenAPIV3_1.RequestBodyObject | undefined;
  const schema = body?.content?.['application/json']?.schema;
  if (!schema) return '';
  return html`<h4>JSON body</h4>
    <pre>${schemaText(schema)}</pre>`;
}

function responses(operation: Operation) {
  const entries = Object.entries(operation.responses ?? {}) as [string, OpenAPIV3_1.ResponseObject][];
  return html`<h4>Answers</h4>
    <dl>
      ${entries.map(([status, response]) => {
        const [media, content] = Object.entries(response.content ?? {})[0] ?? [];
        const schema = (content as { schema?: Schema } | undefined)?.schema;
        return html`<dt>${status}${media ? html` <small>${media}</small>` : ''}</dt>
          <dd>
            ${response.description}
            ${schema && !status.startsWith('4') ? html`<pre>${schemaText(schema)}</pre>` : ''}
          </dd>`;
      })}
    </dl>`;
}

/**
 * The API reference as one server-rendered page (no script, no CDN): every operation of `document` by
 * tag, with its parameters, body and answers, then the named schemas.
 */
export function renderDocsPage(
  document: OpenApiDocument,
  { nonce }: { nonce: string },
): HtmlEscapedString | Promise<HtmlEscapedString> {
  const byTag = new Map<string, { method: string; path: string; operation: Operation }[]>();
  for (const [path, item] of Object.entries(document.paths ?? {})) {
    for (const method of METHODS) {
      const operation = item?.[method];
      if (!operation) continue;
      const tag = operation.tags?.[0] ?? 'Other';
      byTag.set(tag, [...(byTag.get(tag) ?? []), { method, path, operation }]);
    }
  }
  const schemas = Object.entries(document.components?.schemas ?? {});
  return html`<!doctype html>
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>${document.info.title} reference</title>
        <style nonce="${nonce}">
          ${raw(STYLE)}
        </style>
      </head>
      <body>
        <main>
          <h1>${document.info.title} <small>${document.info.version}</small></h1>
          <p>Machine-readable: <a href="/api/openapi.json">/api/openapi.json</a> (OpenAPI ${document.openapi}).</p>
          <pre class="intro">${document.info.description ?? ''}</pre>
          <nav>
            <ul>
              ${[...byTag.keys()].map((tag) => html`<li><a href="#${slug(tag)}">${tag}</a></li>`)}
            </ul>
          </nav>
          ${[...byTag.entries()].map(
            ([tag, operations]) => html`<section id="${slug(tag)}">
              <h2>${tag}</h2>
              ${operations.map(
                ({ method, path, operation }) => html`<article>
                  <h3><span class="method ${method}">${method.toUpperCase()}</span> <code>${path}</code></h3>
                  <p><strong>${operation.summary ?? ''}</strong>${operation.security?.length ? ' · needs a session' : ''}</p>
                  ${operation.description ? html`<p>${operation.description}</p>` : ''} ${parameters(operation)}
                  ${requestBody(operation)} ${responses(operation)}
                </article>`,
              )}
            </section>`,
          )}
          <section id="schemas">
            <h2>Schemas</h2>
            ${schemas.map(([name, schema]) => html`<h3 id="schema-${name}">${name}</h3><pre>${schemaText(schema)}</pre>`)}
          </section>
        </main>
      </body>
    </html>`;
}

function slug(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '-');
}

const STYLE = `
  body { margin: 0; font: 15px/1.5 system-ui, sans-serif; color: #1d2330; background: #f7f8fa; }
  main { max-width: 960px; margin: 0 auto; padding: 32px 20px 64px; }
  h1 small { font-weight: 400; color: #667; font-size: 0.6em; }
  h2 { margin-top: 48px; border-bottom: 1px solid #d8dce4; padding-bottom: 4px; }
  article { background: #fff; border: 1px solid #e2e5eb; border-radius: 8px; padding: 4px 18px 12px; margin: 16px 0; }
  pre { background: #f1f3f6; padding: 10px 12px; border-radius: 6px; overflow-x: auto; font-size: 13px; }
  pre.intro { white-space: pre-wrap; background: none; padding: 0; font: inherit; }
  code { font-size: 0.95em; }
  .method { display: inline-block; min-width: 60px; font-size: 12px; padding: 2px 6px; border-radius: 4px; color: #fff; text-align: center; }
  .get { background: #2f6fb3; } .post { background: #2e8b57; } .delete { background: #b3402f; } .put, .patch { background: #a0702a; }
  dt { font-weight: 600; } dt small { font-weight: 400; color: #667; } dd { margin: 0 0 8px 16px; }
  nav ul { display: flex; flex-wrap: wrap; gap: 12px; padding: 0; list-style: none; }
`;
