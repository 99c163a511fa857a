/**
 * The worker thread that lays out guide PDFs (started by {@link createPdfWorker}): pdfkit's layout is synchronous
 * CPU work (~1 s for a large guide), which must not stall the event loop that serves sockets and /healthz.
 */
import { parentPort } from 'node:worker_threads';
import type { GuideProjection } from '@quorum/deal-model';
import { renderGuidePdf } from './render-pdf.ts';

if (!parentPort) throw new Error('pdf-worker.ts runs as a worker thread');
const port = parentPort;

port.on('message', ({ id, guide }: { id: number; guide: GuideProjection }) => {
  renderGuidePdf(guide).then(
    (pdf) => {
      const bytes = new Uint8Array(pdf); // a copy of its own, so its buffer can be transferred
      port.postMessage({ id, pdf: bytes }, [bytes.buffer]);
    },
    (error: unknown) => port.postMessage({ id, error: error instanceof Error ? error.message : String(error) }),
  );
});
