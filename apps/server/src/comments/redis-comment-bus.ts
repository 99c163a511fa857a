import { Redis, type RedisOptions } from 'ioredis';
import { type CommentBus, type CommentBusEvent, createLocalCommentBus } from './comment-bus.ts';

/** Options of {@link createRedisCommentBus}. */
export interface RedisCommentBusOptions {
  /** `redis://` URL of the Redis every instance shares. */
  url: string;
  /** The channel events travel on; instances must agree on it (tests use a unique one). */
  channel?: string;
  /** Called when Redis fails; default console.error, once per outage. */
  onError?: (error: unknown, during: string) => void;
  /** Extra ioredis options. */
  redisOptions?: RedisOptions;
}

/** A comment bus that spans instances, and can say whether it currently does. */
export interface RedisCommentBus extends CommentBus {
  /** Whether events currently reach other instances (false: degraded, this instance's streams only). */
  readonly connected: boolean;
  /** Resolves true once connected and subscribed, false after `timeoutMs`. */
  ready(options?: { timeoutMs?: number }): Promise<boolean>;
}

/**
 * A {@link CommentBus} over Redis pub/sub (the status bus's pattern): `publish` sends the JSON event on one channel and
 * every instance, this one included, hands what arrives to its local listeners, which decide visibility themselves.
 * While Redis is down, events reach this instance's listeners directly; streams elsewhere catch up when they reconnect
 * (the web app reloads threads and notifications on every `ready`).
 */
export function createRedisCommentBus({
  url,
  channel = 'quorum:comments',
  onError = (error, during) => console.error(`[comments] redis bus: ${during}:`, error),
  redisOptions = {},
}: RedisCommentBusOptions): RedisCommentBus {
  const local = createLocalCommentBus();
  const options: RedisOptions = {
    retryStrategy: (times) => Math.min(times * 100, 1_000),
    maxRetriesPerRequest: 1,
    enableOfflineQueue: false,
    ...redisOptions,
  };
  const publisher = new Redis(url, { ...options, connectionName: 'quorum-comments-publish' });
  const subscriber = new Redis(url, {
    ...options,
    autoResubscribe: false,
    connectionName: 'quorum-comments-subscribe',
  });
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
    let event: CommentBusEvent;
    try {
      event = JSON.parse(data) as CommentBusEvent;
    } catch (error) {
      onError(error, 'decoding an event');
      return;
    }
    void local.publish(event);
  });
  for (const [name, connection] of [
    ['publisher', publisher],
    ['subscriber', subscriber],
  ] as const) {
    connection.on('error', (error: unknown) => {
      if (!down && !closed) onError(error, `${name} connection`);
      down = true;
    });
    connection.on('close', () => {
      if (connection === subscriber) subscribed = false;
    });
  }

  const isConnected = () => subscribed && publisher.status === 'ready' && subscriber.status === 'ready';

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
    async publish(event) {
      if (closed) return;
      if (!isConnected()) {
        await local.publish(event);
        return;
      }
      try {
        await publisher.publish(channel, JSON.stringify(event));
      } catch (error) {
        onError(error, 'publishing');
        await local.publish(event);
      }
    },
    subscribe: (listener) => local.subscribe(listener),
    listenerCount: () => local.listenerCount(),
    async close() {
      if (closed) return;
      closed = true;
      await local.close();
      await Promise.allSettled([publisher.quit(), subscriber.quit()]);
      publisher.disconnect();
      subscriber.disconnect();
    },
  };
}
