export { clientIp } from './client-ip.ts';
export {
  createLimiterFactory,
  type Limiter,
  type LimiterFactory,
  type LimiterFactoryOptions,
  type RateDecision,
  type RateLimit,
} from './limiters.ts';
export { TokenBucket, type TokenBucketOptions } from './token-bucket.ts';
export { enforce, waitInWords } from './too-many-requests.ts';
