import type { FanOut, FanOutMessage, Unsubscribe } from './fan-out.ts';

/**
 * Fan-out inside one process: what a single server needs, and what tests use to run several engines
 * (standing in for several processes) over one database. Delivery is synchronous, in publish order.
 */
export class InProcessFanOut implements FanOut {
  readonly #listeners = new Map<string, Set<(message: FanOutMessage) => void>>();

  publish(message: FanOutMessage): void {
    const listeners = this.#listeners.get(message.room);
    if (!listeners) return;
    for (const listener of [...listeners]) listener(message);
  }

  async subscribe(room: string, listener: (message: FanOutMessage) => void): Promise<Unsubscribe> {
    let listeners = this.#listeners.get(room);
    if (!listeners) {
      listeners = new Set();
      this.#listeners.set(room, listeners);
    }
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
      if (listeners.size === 0 && this.#listeners.get(room) === listeners) this.#listeners.delete(room);
    };
  }

  /** How many rooms have at least one subscriber (for tests and diagnostics). */
  get roomCount(): number {
    return this.#listeners.size;
  }
}
