import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { NodeHandler } from './web-handler.ts';

/**
 * Imports SvelteKit adapter-node's `handler.js` from a build directory; null when there is no build
 * (the API still runs; `pnpm build` produces one).
 */
export async function loadWebBuild(dir: string): Promise<NodeHandler | null> {
  const file = resolve(dir, 'handler.js');
  if (!existsSync(file)) return null;
  const module = (await import(pathToFileURL(file).href)) as { handler: NodeHandler };
  return module.handler;
}
