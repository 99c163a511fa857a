import type { RedisOptions } from 'ioredis';
import { busOverChannel, createRedisChannel } from '../redis-channel/index.ts';
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
 * A {@link StatusBus} over a Redis channel: `publish` sends the JSON event and every instance (this one included)
 * hands what arrives to its local listeners, which decide visibility from the event's `audience`. While Redis is
 * down, events go to this instance's listeners directly, so its own dashboards stay live; dashboards on other
 * instances catch up with the next change (and get the stored statuses whenever they reconnect).
 */
export function createRedisStatusBus({
  url,
  channel = 'quorum:status',
  onError = (error, during) => console.error(`[status] redis bus: ${during}:`, error),
  redisOptions,
}: RedisStatusBusOptions): RedisStatusBus {
  const local = createLocalStatusBus();
  const redis = createRedisChannel<StatusEvent>({ url, channel, name: 'status', onError, redisOptions });
  return Object.assign(busOverChannel(local, redis), { listenerCount: () => local.listenerCount() });
}
