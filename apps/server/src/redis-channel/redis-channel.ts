import { Redis, type RedisOptions } from 'ioredis';

/** Options of {@link createRedisChannel}. */
export interface RedisChannelOptions<T> {
  /** `redis://` URL of the Redis every instance shares. */
  url: string;
  /** The pub/sub channel; instances must agree on it (tests use a unique one). */
  channel: string;
  /** Names the two connections (`quorum-<name>-publish`, `quorum-<name>-subscribe`) as Redis's CLIENT LIST shows them. */
  name: string;
  /** Called when Redis fails (once per outage) or a message cannot be decoded; `during` says what was being done. */
  onError: (error: unknown, during: string) => void;
  /**
   * Checks a decoded JSON message; `undefined` drops it (anything else on the channel is ignored). Default: every
   * message is taken as a `T`.
   */
  accept?: (value: unknown) => value is T;
  /** Extra ioredis options. */
  redisOptions?: RedisOptions;
}

/** What {@link RedisChannel.publish} did: `sent` to Redis, `unsent` (Redis down or failing), or `closed` (nothing). */
export type PublishOutcome = 'sent' | 'unsent' | 'closed';

/** One Redis pub/sub channel carrying JSON messages between instances, and whether it currently does. */
export interface RedisChannel<T> {
  /**
   * Sends a message to every instance subscribed, this one included. On `unsent` the message reached no one: the
   * caller delivers it to its own listeners directly.
   */
  publish(message: T): Promise<PublishOutcome>;
  /** Registers a listener for the messages that arrive; the returned function unregisters it. */
  subscribe(listener: (message: T) => void): () => void;
  /** Whether messages currently travel: both connections ready and the channel subscribed. */
  readonly connected: boolean;
  /** Resolves true once connected and subscribed, false after `timeoutMs` or once closed. */
  ready(options?: { timeoutMs?: number }): Promise<boolean>;
  /** Unsubscribes every listener and closes both connections. */
  close(): Promise<void>;
}

/**
 * A Redis pub/sub channel with a publishing and a subscribing connection. It reconnects by itself (every 100 ms up to
 * 1 s apart) and subscribes again on every `ready`; while Redis is down, `publish` answers `unsent` at once (no
 * offline queue), so callers fall back to their own instance. Errors are reported once per outage.
 */
export function createRedisChannel<T>({
  url,
  channel,
  name,
  onError,
  accept = (_value: unknown): _value is T => true,
  redisOptions = {},
}: RedisChannelOptions<T>): RedisChannel<T> {
  const options: RedisOptions = {
    retryStrategy: (times) => Math.min(times * 100, 1_000),
    maxRetriesPerRequest: 1,
    enableOfflineQueue: false,
    ...redisOptions,
  };
  const publisher = new Redis(url, { ...options, connectionName: `quorum-${name}-publish` });
  const subscriber = new Redis(url, { ...options, autoResubscribe: false, connectionName: `quorum-${name}-subscribe` });
  const listeners = new Set<(message: T) => void>();
  let subscribed = false;
  let closed = false;
  let down = false;

  subscriber.on('ready', () => {
    subscriber.subscribe(channel).then(
      () => {
        subscribed = true;
        down = false;
      },
      (error: unknown) => onError(error, 'subscribing'),
    );
  });
  subscriber.on('message', (from: string, data: string) => {
    if (from !== channel) return;
    let message: unknown;
    try {
      message = JSON.parse(data);
    } catch (error) {
      onError(error, 'decoding a message');
      return;
    }
    if (!accept(message)) return;
    for (const listener of [...listeners]) listener(message);
  });
  for (const [role, connection] of [
    ['publisher', publisher],
    ['subscriber', subscriber],
  ] as const) {
    connection.on('error', (error: unknown) => {
      if (!down && !closed) onError(error, `${role} connection`);
      down = true;
    });
    connection.on('close', () => {
      if (connection === subscriber) subscribed = false;
    });
  }

  const isConnected = () => !closed && subscribed && publisher.status === 'ready' && subscriber.status === 'ready';

  return {
    get connected() {
      return isConnected();
    },
    async ready({ timeoutMs = 5_000 } = {}) {
      const deadline = Date.now() + timeoutMs;
      while (!isConnected()) {
        if (closed || Date.now() > deadline) return false;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      return true;
    },
    async publish(message) {
      if (closed) return 'closed';
      if (!isConnected()) return 'unsent';
      try {
        await publisher.publish(channel, JSON.stringify(message));
        return 'sent';
      } catch (error) {
        onError(error, 'publishing');
        return 'unsent';
      }
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    async close() {
      if (closed) return;
      closed = true;
      listeners.clear();
      await Promise.allSettled([publisher.quit(), subscriber.quit()]);
      publisher.disconnect();
      subscriber.disconnect();
    },
  };
}
