import { describe, expect, it } from 'vitest';
import { formatBytes, MAX_EDIT_BYTES, refusedEditMessage, refuseOversizedEdit, utf8Bytes } from './edit-limit.ts';

describe('edit limit', () => {
  it('stays below the server’s 2 MiB frame limit', () => {
    expect(MAX_EDIT_BYTES).toBeLessThan(2 * 1024 * 1024);
  });

  it('refuses an edit past the limit in UTF-8 bytes, not in characters', () => {
    expect(refuseOversizedEdit('x'.repeat(MAX_EDIT_BYTES))).toBeNull();
    expect(refuseOversizedEdit('x'.repeat(MAX_EDIT_BYTES + 1))).toEqual({ bytes: MAX_EDIT_BYTES + 1 });
    // "é" is two bytes: 600,000 of them are 1.2 MB though only 600,000 characters.
    const accents = 'é'.repeat(600_000);
    expect(utf8Bytes(accents)).toBe(1_200_000);
    expect(refuseOversizedEdit(accents)).toEqual({ bytes: 1_200_000 });
  });

  it('says how large the refused text was and that the field was left as it was', () => {
    const message = refusedEditMessage({ bytes: 3 * 1024 * 1024 });
    expect(message).toContain('3 MB');
    expect(message).toContain('up to 1 MB');
    expect(message).toMatch(/left as it was/);
  });

  it('writes sizes for people', () => {
    expect(formatBytes(850)).toBe('850 bytes');
    expect(formatBytes(12 * 1024)).toBe('12 KB');
    expect(formatBytes(3.14 * 1024 * 1024)).toBe('3.1 MB');
    expect(formatBytes(32 * 1024 * 1024)).toBe('32 MB');
  });
});
