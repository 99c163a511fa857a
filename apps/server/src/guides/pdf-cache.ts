import { createHash } from 'node:crypto';
import type { GuideProjection } from '@quorum/deal-model';
import { createPdfWorker } from './pdf-renderer.ts';

/** Options of {@link createPdfCache}. */
export interface PdfCacheOptions {
  /** Distinct guide versions kept. */
  maxEntries?: number;
  /** Renders one guide; default: a worker thread ({@link createPdfWorker}), off the event loop. */
  render?: (guide: GuideProjection) => Promise<Buffer>;
}

/** Renders guide PDFs, keeping the latest few by content: a PDF costs a few hundred ms of CPU to lay out. */
export interface PdfCache {
  pdfFor(guide: GuideProjection): Promise<Buffer>;
  readonly size: number;
}

/**
 * A small LRU of rendered PDFs keyed by the projection's content, so repeated downloads of an unchanged
 * guide (a colleague clicking twice, a board pack forwarded around) cost nothing, and concurrent requests
 * for the same version share one rendering. An edit changes the key, so a stale PDF is never served.
 */
export function createPdfCache({ maxEntries = 32, render = defaultRender() }: PdfCacheOptions = {}): PdfCache {
  const entries = new Map<string, Promise<Buffer>>();
  return {
    get size() {
      return entries.size;
    },
    pdfFor(guide) {
      const key = createHash('sha256').update(JSON.stringify(guide)).digest('base64url');
      const hit = entries.get(key);
      if (hit) {
        entries.delete(key);
        entries.set(key, hit);
        return hit;
      }
      const rendering = render(guide);
      entries.set(key, rendering);
      rendering.catch(() => entries.delete(key));
      while (entries.size > maxEntries) {
        const oldest = entries.keys().next().value;
        if (oldest === undefined) break;
        entries.delete(oldest);
      }
      return rendering;
    },
  };
}

/** One PDF worker per process, shared by every cache that does not bring its own renderer. */
let sharedWorker: ReturnType<typeof createPdfWorker> | undefined;
function defaultRender(): (guide: GuideProjection) => Promise<Buffer> {
  return (guide) => {
    sharedWorker ??= createPdfWorker();
    return sharedWorker.render(guide);
  };
}
