import { describe, expect, it } from 'vitest';
import { createGuessLimiter } from './guess-limiter.ts';

describe('guess limiter', () => {
  it('blocks a client after too many misses, for the rest of the window only', () => {
    let now = 0;
    const limiter = createGuessLimiter({ maxMisses: 3, windowMs: 1000, now: () => now });
    for (let i = 0; i < 3; i++) {
      expect(limiter.retryAfterMs('a')).toBe(0);
      limiter.recordMiss('a');
    }
    now = 400;
    expect(limiter.retryAfterMs('a')).toBe(600);
    expect(limiter.retryAfterMs('b')).toBe(0);
    now = 1000;
    expect(limiter.retryAfterMs('a')).toBe(0);
  });

  it('keeps memory bounded', () => {
    const limiter = createGuessLimiter({ maxMisses: 1, maxClients: 2 });
    limiter.recordMiss('a');
    limiter.recordMiss('b');
    limiter.recordMiss('c');
    expect(limiter.retryAfterMs('a')).toBe(0);
    expect(limiter.retryAfterMs('c')).toBeGreaterThan(0);
  });
});
