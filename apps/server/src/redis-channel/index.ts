export {
  createRedisChannel,
  type PublishOutcome,
  type RedisChannel,
  type RedisChannelOptions,
} from './redis-channel.ts';
