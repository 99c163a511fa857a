import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { email, optionalText, text } from './strings.ts';

const issue = (schema: z.ZodType, value: unknown) => schema.safeParse(value).error?.issues[0]?.message;

describe('text fields', () => {
  const title = text({ max: 10, label: 'title' });

  it('trims, and names the field in each refusal', () => {
    expect(title.parse('  Fleet  ')).toBe('Fleet');
    expect(issue(title, undefined)).toBe('Title is required.');
    expect(issue(title, null)).toBe('Title is required.');
    expect(issue(title, '   ')).toBe('Title is required.');
    expect(issue(title, 42)).toBe('Title must be text.');
    expect(issue(title, 'x'.repeat(11))).toBe('Title must be at most 10 characters long.');
  });

  it('refuses NUL and the other C0 controls and DEL; prose keeps tabs and line breaks', () => {
    for (const c of ['\u0000', '\u0007', '\u001b', '\u007f', '\n', '\t']) {
      expect(issue(title, `a${c}b`)).toBe('Title cannot contain control characters.');
    }
    const notes = text({ max: 100, label: 'note', prose: true });
    expect(notes.parse('line one\nline\ttwo\r\n')).toBe('line one\nline\ttwo');
    expect(issue(notes, 'a\u0000b')).toBe('Note cannot contain control characters.');
  });

  it('reads blank optional text as absent', () => {
    const org = optionalText({ max: 5, label: 'organization name' });
    expect(org.parse(undefined)).toBeUndefined();
    expect(org.parse(null)).toBeUndefined();
    expect(org.parse('  ')).toBeUndefined();
    expect(issue(org, 'x'.repeat(6))).toBe('Organization name must be at most 5 characters long.');
  });

  it('lowercases emails and explains a malformed one', () => {
    expect(email().parse(' Ana@Example.COM ')).toBe('ana@example.com');
    expect(issue(email(), 'ana')).toBe('Enter a valid email address, like ana@example.com.');
    expect(issue(email(), 'a\u0000@b.co')).toBe('Email address cannot contain control characters.');
  });
});
