import type { RedisOptions } from 'ioredis';
import { busOverChannel, createRedisChannel } from '../redis-channel/index.ts';
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
 * A {@link CommentBus} over a Redis channel: `publish` sends the JSON event and every instance, this one included,
 * hands what arrives to its local listeners, which decide visibility themselves. While Redis is down, events reach
 * this instance's listeners directly; streams elsewhere catch up when they reconnect (the web app reloads threads and
 * notifications on every `ready`).
 */
export function createRedisCommentBus({
  url,
  channel = 'quorum:comments',
  onError = (error, during) => console.error(`[comments] redis bus: ${during}:`, error),
  redisOptions,
}: RedisCommentBusOptions): RedisCommentBus {
  const local = createLocalCommentBus();
  const redis = createRedisChannel<CommentBusEvent>({ url, channel, name: 'comments', onError, redisOptions });
  return Object.assign(busOverChannel(local, redis), { listenerCount: () => local.listenerCount() });
}
