import { Redis, type RedisOptions } from 'ioredis';
import { createLocalStatusBus, type StatusBus, type StatusEvent } from './status-bus.ts';

/** Options of {@link createRedisStatusBus}. */
export interface RedisStatusBusOptions {
  /** `redis://` URL of the Redis every instance shares. */
  url: string;
  /** The channel status events travel on; instances must agree on it (tests use a unique one). */
  channel?: string;
  /** Called when Redis fails; default console.error, once per outage. */
  onError?: (error: unknown, during: string) => void;
  /** Extra ioredis options. */
  redisOptions?: RedisOptions;
}

/** A status bus that spans instances, and can say whether it currently does. */
export interface RedisStatusBus extends StatusBus {
  /** Whether events currently reach other instances (false: degraded, local dashboards only). */
  readonly connected: boolean;
  /** Resolves true once connected and subscribed, false after `timeoutMs`. */
  ready(options?: { timeoutMs?: number }): Promise<boolean>;
}

/**
 * A {@link StatusBus} over Redis pub/sub: `publish` sends the JSON event on one channel, and every instance (this one
 * included) hands what arrives to its local listeners, which decide visibility from the event's `audience`. While
 * Redis is down, events go to this instance's listeners directly, so its own dashboards stay live; dashboards on
 * other instances catch up with the next change (and get the stored statuses whenever they reconnect).
 */
export function createRedisStatusBus({
  url,
  channel = 'quorum:status',
  onError = (error, during) => console.error(`[status] redis bus: ${during}:`, error),
  redisOptions = {},
}: RedisStatusBusOptions): RedisStatusBus {
  const local = createLocalStatusBus();
  const options: RedisOptions = {
    retryStrategy: (times) => Math.min(times * 100, 1_000),
    maxRetriesPerRequest: 1,
    enableOfflineQueue: false,
    ...redisOptions,
  };
  const publisher = new Redis(url, { ...options, connectionName: 'quorum-status-publish' });
  const subscriber = new Redis(url, { ...options, autoResubscribe: false, connectionName: 'quorum-status-subscribe' });
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
    let event: StatusEvent;
    try {
      event = JSON.parse(data) as StatusEvent;
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
