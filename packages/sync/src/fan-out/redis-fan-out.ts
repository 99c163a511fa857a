import { Redis, type RedisOptions } from 'ioredis';
import type { FanOut, FanOutMessage, Unsubscribe } from './fan-out.ts';
import { decodeFanOutMessage, encodeFanOutMessage } from './redis-codec.ts';

type Listener = (message: FanOutMessage) => void;

/** Options of {@link RedisFanOut}. */
export interface RedisFanOutOptions {
  /** `redis://` URL of the Redis every instance shares. */
  url: string;
  /** Prepended to every channel name: instances must agree on it; tests use a unique one. */
  prefix?: string;
  /** How long `subscribe` waits for Redis to confirm before it resolves anyway (storage heals the gap). */
  subscribeTimeoutMs?: number;
  /** Called when Redis fails (a publish, a subscription, the connection); default: console.error, rate-limited by state. */
  onError?: (error: unknown, during: string) => void;
  /** Extra ioredis options (tests shorten the reconnect delay). */
  redisOptions?: RedisOptions;
}

/** Figures for /metrics and /healthz. */
export interface RedisFanOutStats {
  /** Whether both connections are up and subscribed. */
  connected: boolean;
  published: number;
  received: number;
  /** Messages not published because Redis was down (other instances heal them from storage). */
  dropped: number;
  /** Times the connection came back after an outage. */
  recoveries: number;
  /** Rooms subscribed on this instance. */
  rooms: number;
}

/**
 * Fan-out through Redis pub/sub: one channel per room (`<prefix><room>`), a publishing connection and a subscribing
 * one. Pub/sub delivers at most once, so this never carries durability: messages are published only after their
 * update is stored, a publish while Redis is down is dropped (counted), and after every outage the subscriptions are
 * restored and `onRecover` listeners (the engine) heal their rooms from Postgres.
 *
 * `subscribe` resolves once Redis confirmed the subscription. While Redis is down it resolves at once (so rooms still
 * load and serve their own clients); the subscription is made when Redis is back, and the heal pass covers the gap.
 */
export class RedisFanOut implements FanOut {
  readonly #publisher: Redis;
  readonly #subscriber: Redis;
  readonly #prefix: string;
  readonly #subscribeTimeoutMs: number;
  readonly #onError: (error: unknown, during: string) => void;
  readonly #listeners = new Map<string, Set<Listener>>();
  readonly #recoverListeners = new Set<() => void>();
  #subscribedOnce = false;
  #wasDown = false;
  #subscriberReady = false;
  #closed = false;
  #published = 0;
  #received = 0;
  #dropped = 0;
  #recoveries = 0;

  constructor({
    url,
    prefix = 'quorum:sync:',
    subscribeTimeoutMs = 2_000,
    onError = (error, during) => console.error(`[sync] redis fan-out: ${during}:`, error),
    redisOptions = {},
  }: RedisFanOutOptions) {
    this.#prefix = prefix;
    this.#subscribeTimeoutMs = subscribeTimeoutMs;
    this.#onError = onError;
    const options: RedisOptions = {
      retryStrategy: (times) => Math.min(times * 100, 1_000),
      maxRetriesPerRequest: 1,
      ...redisOptions,
    };
    // A publish while Redis is down fails at once instead of queueing stale messages.
    this.#publisher = new Redis(url, { ...options, enableOfflineQueue: false, connectionName: 'quorum-publish' });
    // The subscriptions are restored by hand on every 'ready', so they are known to be in place before healing.
    this.#subscriber = new Redis(url, {
      ...options,
      autoResubscribe: false,
      enableOfflineQueue: false,
      connectionName: 'quorum-subscribe',
    });
    this.#subscriber.on('messageBuffer', (channel: Buffer, data: Buffer) => this.#deliver(channel, data));
    this.#subscriber.on('ready', () => void this.#resubscribe());
    for (const [name, connection] of [
      ['publisher', this.#publisher],
      ['subscriber', this.#subscriber],
    ] as const) {
      connection.on('error', (error: unknown) => {
        if (!this.#wasDown) this.#onError(error, `${name} connection`);
        this.#markDown();
      });
      connection.on('close', () => this.#markDown());
    }
  }

  /** Resolves true once both connections are up and subscribed, or false after `timeoutMs`. */
  async ready({ timeoutMs = 5_000 }: { timeoutMs?: number } = {}): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    while (!this.connected) {
      if (Date.now() > deadline || this.#closed) return false;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    return true;
  }

  /** Whether both connections are up (and the subscriptions restored): `false` means degraded, not broken. */
  get connected(): boolean {
    return this.#subscriberReady && this.#publisher.status === 'ready';
  }

  stats(): RedisFanOutStats {
    return {
      connected: this.connected,
      published: this.#published,
      received: this.#received,
      dropped: this.#dropped,
      recoveries: this.#recoveries,
      rooms: this.#listeners.size,
    };
  }

  publish(message: FanOutMessage): void {
    if (this.#closed) return;
    if (this.#publisher.status !== 'ready') {
      this.#dropped += 1;
      return;
    }
    const data = encodeFanOutMessage(message);
    this.#publisher
      .publish(this.#channel(message.room), Buffer.from(data.buffer, data.byteOffset, data.byteLength))
      .then(
        () => {
          this.#published += 1;
        },
        (error: unknown) => {
          this.#dropped += 1;
          if (!this.#wasDown) this.#onError(error, 'publish');
        },
      );
  }

  async subscribe(room: string, listener: Listener): Promise<Unsubscribe> {
    const channel = this.#channel(room);
    let listeners = this.#listeners.get(channel);
    if (!listeners) {
      listeners = new Set();
      this.#listeners.set(channel, listeners);
    }
    listeners.add(listener);
    if (this.#subscriberReady) await this.#confirm(this.#subscriber.subscribe(channel), `subscribing to ${room}`);
    const own = listeners;
    return async () => {
      own.delete(listener);
      if (own.size > 0 || this.#listeners.get(channel) !== own) return;
      this.#listeners.delete(channel);
      if (this.#subscriberReady && !this.#closed) {
        await this.#confirm(this.#subscriber.unsubscribe(channel), `unsubscribing from ${room}`);
      }
    };
  }

  onRecover(listener: () => void): () => void {
    this.#recoverListeners.add(listener);
    return () => {
      this.#recoverListeners.delete(listener);
    };
  }

  /** Closes both connections; later publishes are dropped. */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    this.#listeners.clear();
    this.#recoverListeners.clear();
    await Promise.allSettled([this.#publisher.quit(), this.#subscriber.quit()]);
    this.#publisher.disconnect();
    this.#subscriber.disconnect();
  }

  #channel(room: string): string {
    return `${this.#prefix}${room}`;
  }

  #deliver(channel: Buffer, data: Buffer): void {
    const listeners = this.#listeners.get(channel.toString());
    if (!listeners) return;
    let message: FanOutMessage;
    try {
      message = decodeFanOutMessage(channel.toString().slice(this.#prefix.length), data);
    } catch (error) {
      this.#onError(error, 'decoding a message');
      return;
    }
    this.#received += 1;
    for (const listener of [...listeners]) listener(message);
  }

  #markDown(): void {
    this.#subscriberReady = this.#subscriber.status === 'ready' && this.#subscriberReady;
    if (this.#closed) return;
    this.#wasDown = true;
  }

  /** On every (re)connection: subscribe to every room listened to, then tell the engine to heal. */
  async #resubscribe(): Promise<void> {
    const channels = [...this.#listeners.keys()];
    try {
      if (channels.length > 0) await this.#subscriber.subscribe(...channels);
    } catch (error) {
      this.#onError(error, 'restoring subscriptions');
      return;
    }
    this.#subscriberReady = true;
    // Rooms subscribed while the subscriber was reconnecting.
    const late = [...this.#listeners.keys()].filter((channel) => !channels.includes(channel));
    if (late.length > 0) await this.#confirm(this.#subscriber.subscribe(...late), 'subscribing late rooms');
    const recovered = this.#subscribedOnce;
    this.#subscribedOnce = true;
    this.#wasDown = false;
    if (!recovered) return;
    this.#recoveries += 1;
    for (const listener of [...this.#recoverListeners]) {
      try {
        listener();
      } catch (error) {
        this.#onError(error, 'a recover listener');
      }
    }
  }

  /** Awaits a Redis confirmation for at most `subscribeTimeoutMs`; a failure is reported, never thrown. */
  async #confirm(command: Promise<unknown>, during: string): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), this.#subscribeTimeoutMs);
    });
    try {
      const result = await Promise.race([command, timeout]);
      if (result === 'timeout') this.#onError(new Error('Redis did not confirm in time'), during);
    } catch (error) {
      this.#onError(error, during);
    } finally {
      clearTimeout(timer);
    }
  }
}
