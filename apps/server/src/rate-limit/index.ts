export { clientIp } from './client-ip.ts';
export { type RateDecision, type RateLimit, RateLimiter, type RateLimiterOptions } from './rate-limiter.ts';
export { TokenBucket, type TokenBucketOptions } from './token-bucket.ts';
export { enforce } from './too-many-requests.ts';
