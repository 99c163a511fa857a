/** Options of {@link LinkCache}. */
export interface LinkCacheOptions {
  /** Most links kept (default 1,000); the least recently fetched go first. */
  maxEntries?: number;
}

interface Entry<T> {
  value: Promise<T | undefined>;
  fetchedAt: number;
}

/**
 * Links by token hash for a few seconds, so a burst of page loads of one link costs one lookup (concurrent
 * lookups of one hash share the query in flight). Only found links are kept: an unknown token is looked up every
 * time (it counts as a guess). `clear()` after any change to a link makes the change visible in this process at
 * once; other processes see it once their entry is older than the reader's `maxAgeMs`.
 */
export class LinkCache<T> {
  readonly #entries = new Map<string, Entry<T>>();
  readonly #maxEntries: number;

  constructor({ maxEntries = 1000 }: LinkCacheOptions = {}) {
    this.#maxEntries = maxEntries;
  }

  /** The link under `hash`, fetched by `load` unless an entry younger than `maxAgeMs` (at `now`) exists. */
  get(hash: string, load: () => Promise<T | undefined>, { maxAgeMs, now }: { maxAgeMs: number; now: number }) {
    const cached = this.#entries.get(hash);
    const age = cached ? now - cached.fetchedAt : Number.POSITIVE_INFINITY;
    if (cached && age >= 0 && age < maxAgeMs) return cached.value;
    const entry: Entry<T> = { value: load(), fetchedAt: now };
    this.#entries.delete(hash);
    this.#entries.set(hash, entry);
    const forget = () => {
      if (this.#entries.get(hash) === entry) this.#entries.delete(hash);
    };
    entry.value.then((found) => found ?? forget(), forget);
    if (this.#entries.size > this.#maxEntries) this.#entries.delete(this.#entries.keys().next().value!);
    return entry.value;
  }

  /** Forgets every link (call after a link changes, once the change is stored). */
  clear(): void {
    this.#entries.clear();
  }
}
