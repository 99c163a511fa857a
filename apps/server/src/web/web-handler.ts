import type { IncomingMessage, ServerResponse } from 'node:http';
import { RESPONSE_ALREADY_SENT } from '@hono/node-server/utils/response';
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../context.ts';

/** A Node request handler in the Connect/Polka style, like SvelteKit adapter-node's `build/handler.js`. */
export type NodeHandler = (req: IncomingMessage, res: ServerResponse, next: (error?: unknown) => void) => void;

/**
 * Hands the request to the built web app on the same port (DESIGN.md section 5c). The handler writes
 * straight to Node's response; Hono is told the response was already sent. When the web app passes
 * (`next()`), Hono's later routes answer instead.
 */
export function serveWeb({
  handler,
  headers = {},
}: {
  handler: NodeHandler;
  /** Set on every response before the handler writes (security headers); the handler may override them. */
  headers?: Record<string, string>;
}): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const incoming = c.env?.incoming;
    const outgoing = c.env?.outgoing;
    if (!incoming || !outgoing) return next();
    for (const [name, value] of Object.entries(headers)) outgoing.setHeader(name, value);
    const passed = await new Promise<boolean>((resolve, reject) => {
      outgoing.once('finish', () => resolve(false));
      outgoing.once('close', () => resolve(false));
      handler(incoming, outgoing, (error) => (error ? reject(error) : resolve(true)));
    });
    if (passed) return next();
    return RESPONSE_ALREADY_SENT;
  };
}
