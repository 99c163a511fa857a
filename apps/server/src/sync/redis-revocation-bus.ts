import { Redis, type RedisOptions } from 'ioredis';
import {
  type AccessRevocation,
  createLocalRevocationBus,
  isAccessRevocation,
  type RevocationBus,
} from './revocation-bus.ts';

/** Options of {@link createRedisRevocationBus}. */
export interface RedisRevocationBusOptions {
  /** `redis://` URL of the Redis every instance shares. */
  url: string;
  /** The channel revocations travel on; instances must agree on it (tests use a unique one). */
  channel?: string;
  /** Called when Redis fails; default console.error, once per outage. */
  onError?: (error: unknown, during: string) => void;
}

/** A revocation bus that spans instances. */
export interface RedisRevocationBus extends RevocationBus {
  /** Whether revocations currently reach other instances. */
  readonly connected: boolean;
  /** Resolves true once connected and subscribed, false after `timeoutMs`. */
  ready(options?: { timeoutMs?: number }): Promise<boolean>;
}

/**
 * Access revocations over Redis pub/sub: `publish` sends the JSON revocation on one channel and every instance
 * (this one included) hands what arrives to its listeners, which close the sockets it names. While Redis is down
 * a revocation reaches this instance only; sockets on the others close at their next session re-check (at most
 * the re-check interval later) for sessions, and membership changes are re-checked by the room guard on reconnect.
 */
export function createRedisRevocationBus({
  url,
  channel = 'quorum:revocations',
  onError = (error, during) => console.error(`[sync] redis revocation bus: ${during}:`, error),
}: RedisRevocationBusOptions): RedisRevocationBus {
  const local = createLocalRevocationBus();
  const options: RedisOptions = {
    retryStrategy: (times) => Math.min(times * 100, 1_000),
    maxRetriesPerRequest: 1,
    enableOfflineQueue: false,
  };
  const publisher = new Redis(url, { ...options, connectionName: 'quorum-revocations-publish' });
  const subscriber = new Redis(url, {
    ...options,
    autoResubscribe: false,
    connectionName: 'quorum-revocations-subscribe',
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
    let revocation: unknown;
    try {
      revocation = JSON.parse(data);
    } catch (error) {
      onError(error, 'decoding a revocation');
      return;
    }
    if (isAccessRevocation(revocation)) void local.publish(revocation);
  });
  for (const connection of [publisher, subscriber]) {
    connection.on('error', (error: unknown) => {
      if (!down && !closed) onError(error, 'connection');
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
    async publish(revocation: AccessRevocation) {
      if (closed) return;
      if (!isConnected()) {
        await local.publish(revocation);
        return;
      }
      try {
        await publisher.publish(channel, JSON.stringify(revocation));
      } catch (error) {
        onError(error, 'publishing');
        await local.publish(revocation);
      }
    },
    subscribe: (listener) => local.subscribe(listener),
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
