import type { RedisChannel } from './redis-channel.ts';

/** An in-process bus: delivers what is published to this instance's listeners. */
export interface LocalBus<T> {
  /** Delivers `event` to every listener of this instance. */
  publish(event: T): Promise<void>;
  /** Registers a listener; the returned function unregisters it. */
  subscribe(listener: (event: T) => void): () => void;
  /** Releases the bus; later publishes are dropped. */
  close(): Promise<void>;
}

/** A {@link LocalBus} that can say how many listeners it has. */
export interface CountingBus<T> extends LocalBus<T> {
  /** Number of listeners subscribed on this instance. */
  listenerCount(): number;
}

/**
 * A bus for one process (and the local leg of a bus over Redis). A listener that throws is reported to
 * `onListenerError` and does not stop the others; after `close` nothing is delivered.
 */
export function createLocalBus<T>({ onListenerError }: { onListenerError: (error: unknown) => void }): CountingBus<T> {
  const listeners = new Set<(event: T) => void>();
  let closed = false;
  return {
    async publish(event) {
      if (closed) return;
      for (const listener of [...listeners]) {
        try {
          listener(event);
        } catch (error) {
          onListenerError(error);
        }
      }
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    listenerCount: () => listeners.size,
    async close() {
      closed = true;
      listeners.clear();
    },
  };
}

/** A bus that spans instances, and can say whether it currently does. */
export interface ChannelBus<T> extends LocalBus<T> {
  /** Whether events currently reach other instances (false: degraded, this instance's listeners only). */
  readonly connected: boolean;
  /** Resolves true once connected and subscribed, false after `timeoutMs`. */
  ready(options?: { timeoutMs?: number }): Promise<boolean>;
}

/**
 * `local` spread over a Redis channel: `publish` sends the event on `redis`, and every instance, this one included,
 * hands what arrives to its local listeners. While Redis is down (`unsent`), the event goes to this instance's
 * listeners directly. `close` closes both.
 */
export function busOverChannel<T>(local: LocalBus<T>, redis: RedisChannel<T>): ChannelBus<T> {
  redis.subscribe((event) => void local.publish(event));
  return {
    get connected() {
      return redis.connected;
    },
    ready: (options) => redis.ready(options),
    async publish(event) {
      if ((await redis.publish(event)) === 'unsent') await local.publish(event);
    },
    subscribe: (listener) => local.subscribe(listener),
    async close() {
      await redis.close();
      await local.close();
    },
  };
}
