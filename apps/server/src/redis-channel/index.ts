export {
  busOverChannel,
  type ChannelBus,
  type CountingBus,
  createLocalBus,
  type LocalBus,
} from './channel-bus.ts';
export {
  createRedisChannel,
  type PublishOutcome,
  type RedisChannel,
  type RedisChannelOptions,
} from './redis-channel.ts';
