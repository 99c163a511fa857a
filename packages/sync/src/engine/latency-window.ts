import type { LatencyFigures } from './types.ts';

/** Keeps the most recent `size` samples and the running totals. */
export class LatencyWindow {
  readonly #samples: number[] = [];
  #next = 0;
  #count = 0;
  #sum = 0;
  #max = 0;

  constructor(readonly size = 1024) {}

  add(ms: number): void {
    if (this.#samples.length < this.size) this.#samples.push(ms);
    else this.#samples[this.#next] = ms;
    this.#next = (this.#next + 1) % this.size;
    this.#count += 1;
    this.#sum += ms;
    this.#max = Math.max(this.#max, ms);
  }

  figures(): LatencyFigures {
    const sorted = [...this.#samples].sort((a, b) => a - b);
    const at = (q: number) =>
      sorted.length === 0 ? 0 : sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
    return { count: this.#count, sumMs: this.#sum, p50Ms: at(0.5), p95Ms: at(0.95), p99Ms: at(0.99), maxMs: this.#max };
  }
}
