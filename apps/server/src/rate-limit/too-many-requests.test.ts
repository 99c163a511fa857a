import { describe, expect, it } from 'vitest';
import { ApiError } from '../errors/index.ts';
import { enforce, waitInWords } from './too-many-requests.ts';

describe('the wait of a refused request, in words', () => {
  it('says minutes for anything a minute or longer, rounded up', () => {
    expect(waitInWords(895)).toBe('15 minutes');
    expect(waitInWords(900)).toBe('15 minutes');
    expect(waitInWords(60)).toBe('1 minute');
    expect(waitInWords(61)).toBe('2 minutes');
    expect(waitInWords(40)).toBe('40 seconds');
    expect(waitInWords(1)).toBe('1 second');
  });

  it('throws 429 with Retry-After in seconds and the wait in words in the message', () => {
    const refused = { allowed: false, retryAfterSeconds: 895 } as const;
    const allowed = { allowed: true, retryAfterSeconds: 0 } as const;
    expect(() => enforce(allowed, allowed)).not.toThrow();
    let error: unknown;
    try {
      enforce((wait) => `Locked. Try again in ${wait}.`, allowed, refused);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ApiError);
    const apiError = error as ApiError;
    expect(apiError.status).toBe(429);
    expect(apiError.message).toBe('Locked. Try again in 15 minutes.');
  });
});
