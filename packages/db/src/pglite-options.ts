/**
 * Postgres settings for the embedded database. Postgres touches its whole buffer pool at start, and inside
 * PGlite that pool lives in the WebAssembly heap, so the stock 128 MB `shared_buffers` alone costs 128 MiB of
 * resident memory while the server idles. A 16 MB pool holds Quorum's working set (small rows and compacted
 * Yjs documents); pages outside it are read through the operating system's file cache. `wal_buffers` follows
 * the pool. PGlite serves one session, so the per-connection tables sized by `max_connections` stay small.
 */
export const PGLITE_SETTINGS: Readonly<Record<string, string>> = {
  shared_buffers: '16MB',
  wal_buffers: '1MB',
  max_connections: '5',
};

/** PGlite's start parameters for Quorum: its defaults (`PGlite.defaultStartParams`) plus {@link PGLITE_SETTINGS}. */
export function pgliteStartParams(defaults: readonly string[]): string[] {
  const settings = Object.entries(PGLITE_SETTINGS).flatMap(([name, value]) => ['-c', `${name}=${value}`]);
  return [...defaults, ...settings];
}
