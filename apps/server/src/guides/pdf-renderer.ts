import { Worker } from 'node:worker_threads';
import type { GuideProjection } from '@quorum/deal-model';

/** Renders guide PDFs off the event loop. */
export interface PdfWorker {
  render(guide: GuideProjection): Promise<Buffer>;
  /** Stops the worker (a later render starts a new one). */
  close(): Promise<void>;
}

interface Pending {
  resolve: (pdf: Buffer) => void;
  reject: (error: Error) => void;
}

/**
 * A worker thread (node:worker_threads) that renders guide PDFs one after another. It starts with the first render,
 * does not keep the process alive, and is replaced if it dies (the renders it held fail, and are not cached).
 * The worker registers tsx's loader itself (pdf-worker-entry.mjs), so it runs under tsx, vitest or plain node alike.
 */
export function createPdfWorker(): PdfWorker {
  const entry = new URL('./pdf-worker-entry.mjs', import.meta.url);
  let worker: Worker | null = null;
  let nextId = 0;
  const pending = new Map<number, Pending>();

  const failAll = (error: Error) => {
    for (const { reject } of pending.values()) reject(error);
    pending.clear();
  };

  const start = (): Worker => {
    const started = new Worker(entry);
    started.unref();
    started.on('message', ({ id, pdf, error }: { id: number; pdf?: Uint8Array; error?: string }) => {
      const request = pending.get(id);
      if (!request) return;
      pending.delete(id);
      if (pdf) request.resolve(Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength));
      else request.reject(new Error(`PDF rendering failed: ${error}`));
      if (pending.size === 0) started.unref();
    });
    started.on('error', (error) => {
      if (worker === started) worker = null;
      failAll(error);
    });
    started.on('exit', (code) => {
      if (worker === started) worker = null;
      failAll(new Error(`the PDF worker exited (${code})`));
    });
    return started;
  };

  return {
    render(guide) {
      worker ??= start();
      const id = nextId++;
      const target = worker;
      target.ref(); // keep the process up while a render is in flight
      return new Promise<Buffer>((resolve, reject) => {
        pending.set(id, { resolve, reject });
        target.postMessage({ id, guide });
      });
    },
    async close() {
      const current = worker;
      worker = null;
      if (current) await current.terminate();
    },
  };
}
