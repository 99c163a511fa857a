import type { Persistence } from '@quorum/sync';
import { Histogram } from 'prom-client';

/** Bucket bounds of the persist latency histogram, in milliseconds. */
export const PERSIST_LATENCY_BUCKETS_MS = [1, 2, 5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10_000];

/**
 * `quorum_sync_persist_latency_ms`: the time each append of a batch of updates took. A histogram, not a summary, so
 * a query can add the buckets of every instance (`histogram_quantile(0.99, sum by (le) (rate(…_bucket[5m])))`).
 * Not registered anywhere by itself: the app's registry takes it (`metricsRoutes({ persistLatency })`).
 */
export function createPersistLatency(): Histogram {
  return new Histogram({
    name: 'quorum_sync_persist_latency_ms',
    help: 'Time to append a batch of updates to storage, in milliseconds.',
    buckets: PERSIST_LATENCY_BUCKETS_MS,
    registers: [],
  });
}

/** `persistence` with each `append` timed into `histogram` (failed appends too: they took that long to fail). */
export function timedPersistence(persistence: Persistence, histogram: Histogram): Persistence {
  return {
    load: (room) => persistence.load(room),
    compact: (room) => persistence.compact(room),
    ...(persistence.readMissing ? { readMissing: (room, known) => persistence.readMissing!(room, known) } : {}),
    append: async (entries) => {
      const start = performance.now();
      try {
        return await persistence.append(entries);
      } finally {
        histogram.observe(performance.now() - start);
      }
    },
  };
}
