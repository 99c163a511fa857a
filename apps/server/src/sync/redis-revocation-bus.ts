import { busOverChannel, createRedisChannel } from '../redis-channel/index.ts';
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
 * Access revocations over a Redis channel: `publish` sends the JSON revocation and every instance (this one
 * included) hands what arrives to its listeners, which close the sockets it names; anything on the channel that is
 * not a well-formed revocation is ignored. While Redis is down a revocation reaches this instance only; sockets on
 * the others close at their next session re-check (at most the re-check interval later) for sessions, and
 * membership changes are re-checked by the room guard on reconnect.
 */
export function createRedisRevocationBus({
  url,
  channel = 'quorum:revocations',
  onError = (error, during) => console.error(`[sync] redis revocation bus: ${during}:`, error),
}: RedisRevocationBusOptions): RedisRevocationBus {
  const local = createLocalRevocationBus();
  const redis = createRedisChannel<AccessRevocation>({
    url,
    channel,
    name: 'revocations',
    onError,
    accept: isAccessRevocation,
  });
  return busOverChannel(local, redis);
}
