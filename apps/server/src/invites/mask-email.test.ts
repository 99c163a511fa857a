import { describe, expect, it } from 'vitest';
import { maskEmail } from './mask-email.ts';

describe('maskEmail', () => {
  it('keeps the first character and the domain only', () => {
    expect(maskEmail('anyone@x.com')).toBe('a***@x.com');
    expect(maskEmail('b@northwind.example')).toBe('b***@northwind.example');
  });

  it('reveals nothing of something that is not an address', () => {
    expect(maskEmail('no-at-sign')).toBe('***');
    expect(maskEmail('@x.com')).toBe('***');
  });
});
