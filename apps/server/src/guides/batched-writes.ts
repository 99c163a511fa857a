/** Options of {@link BatchedWrites}. */
export interface BatchedWritesOptions {
  /** Most rows in one write (default 1,000: far below Postgres's 65,535 parameters). */
  maxBatch?: number;
}

interface Waiting<T, R> {
  row: T;
  resolve(result: R): void;
  reject(error: unknown): void;
}

/**
 * Group commit for small rows written on a hot path (guide views): rows added during one turn of the event loop are
 * stored together by one `write`, and at most one write is in flight; rows added meanwhile go in the next one. Each
 * `add` resolves once its row is stored (or rejects with the write's error), so a caller that awaits it answers only
 * after its row is stored, and a clean shutdown (which waits for open requests) loses none.
 */
export class BatchedWrites<T, R = void> {
  readonly #write: (rows: T[]) => Promise<R[] | unknown>;
  readonly #maxBatch: number;
  #waiting: Waiting<T, R>[] = [];
  #busy = false;

  /** `write` stores the rows; when it returns an array, each `add` resolves with the entry at its row's index. */
  constructor(write: (rows: T[]) => Promise<R[] | unknown>, { maxBatch = 1000 }: BatchedWritesOptions = {}) {
    this.#write = write;
    this.#maxBatch = maxBatch;
  }

  /** Queues `row`; resolves once it is stored. */
  add(row: T): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      this.#waiting.push({ row, resolve, reject });
      if (this.#waiting.length === 1 && !this.#busy) setImmediate(() => void this.#flush());
    });
  }

  async #flush(): Promise<void> {
    if (this.#busy || this.#waiting.length === 0) return;
    this.#busy = true;
    const batch = this.#waiting.splice(0, this.#maxBatch);
    try {
      const results = await this.#write(batch.map((waiting) => waiting.row));
      for (const [index, waiting] of batch.entries()) {
        waiting.resolve((Array.isArray(results) ? results[index] : undefined) as R);
      }
    } catch (error) {
      for (const waiting of batch) waiting.reject(error);
    } finally {
      this.#busy = false;
      if (this.#waiting.length > 0) setImmediate(() => void this.#flush());
    }
  }
}
