/// <reference types="@sveltejs/kit" />
/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />

/**
 * Offline reload of the deal room (issue 16): the built app (its one script, stylesheet and static files) and
 * the app shell (the HTML SvelteKit serves for every `/deals/**` page: with `ssr = false` it holds no data) are
 * cached; a navigation to `/deals/**` goes to the network first and falls back to the cached shell. Nothing
 * else is cached: `/api`, `/sync` and the guide pages (`/g/`) always go to the network, so no deal data and no
 * session answer ever lands in this cache. The room's data offline comes from this device's per-user copies
 * (`$lib/offline`, IndexedDB), which logging out deletes.
 */
import { build, files, version } from '$service-worker';

const worker = self as unknown as ServiceWorkerGlobalScope;

const cacheName = `quorum-shell-${version}`;
/** The URL the app shell is cached under. */
const shellUrl = '/deals';
const assets = new Set([...build, ...files]);

/** Paths whose responses are never cached nor answered from the cache. */
const neverCached = ['/api/', '/sync', '/g/', '/healthz', '/metrics'];

worker.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(cacheName);
      await cache.addAll([...assets]);
      const shell = await fetch(shellUrl, { credentials: 'same-origin', redirect: 'follow' });
      if (shell.ok && isHtml(shell)) await cache.put(shellUrl, shell);
      await worker.skipWaiting();
    })(),
  );
});

worker.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const key of await caches.keys()) if (key !== cacheName) await caches.delete(key);
      await worker.clients.claim();
    })(),
  );
});

worker.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== location.origin) return;
  if (neverCached.some((prefix) => url.pathname.startsWith(prefix))) return;
  if (assets.has(url.pathname)) {
    event.respondWith(fromCacheFirst(request, url.pathname));
    return;
  }
  if (request.mode === 'navigate' && (url.pathname === '/deals' || url.pathname.startsWith('/deals/'))) {
    event.respondWith(shellNetworkFirst(request));
  }
});

/** A built file: immutable per version, so the cache answers and the network fills it in. */
async function fromCacheFirst(request: Request, path: string): Promise<Response> {
  const cache = await caches.open(cacheName);
  const cached = await cache.match(path);
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok) await cache.put(path, response.clone());
  return response;
}

/** A room page: the network's answer (kept as the newest shell), or the cached shell when there is no network. */
async function shellNetworkFirst(request: Request): Promise<Response> {
  const cache = await caches.open(cacheName);
  try {
    const response = await fetch(request);
    if (response.ok && !response.redirected && isHtml(response)) await cache.put(shellUrl, response.clone());
    return response;
  } catch (offline) {
    const shell = await cache.match(shellUrl);
    if (shell) return shell;
    throw offline;
  }
}

function isHtml(response: Response): boolean {
  return response.headers.get('content-type')?.startsWith('text/html') ?? false;
}
