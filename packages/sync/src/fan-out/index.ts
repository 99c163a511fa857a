export type { FanOut, FanOutMessage, Unsubscribe } from './fan-out.ts';
export { InProcessFanOut } from './in-process-fan-out.ts';
export { RedisFanOut, type RedisFanOutOptions, type RedisFanOutStats } from './redis-fan-out.ts';
