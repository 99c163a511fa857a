import { describe, expect, it } from 'vitest';
import { loginUrl, safeNext } from './next.ts';

describe('safeNext', () => {
  it('follows a path on this site', () => {
    expect(safeNext('/invite/abc')).toBe('/invite/abc');
    expect(safeNext('/deals/123?tab=map')).toBe('/deals/123?tab=map');
  });

  it('refuses to leave the site', () => {
    for (const next of [
      'https://evil.example',
      '//evil.example/x',
      '/\\evil.example',
      'javascript:alert(1)',
      '/a\nb',
    ]) {
      expect(safeNext(next)).toBe('/deals');
    }
  });

  it('falls back when missing, or when it would loop back to the login page', () => {
    expect(safeNext(null)).toBe('/deals');
    expect(safeNext('', '/x')).toBe('/x');
    expect(safeNext('/login?next=/deals')).toBe('/deals');
    expect(safeNext('/signup')).toBe('/deals');
  });
});

describe('loginUrl', () => {
  it('carries the destination through the login page', () => {
    expect(loginUrl('/invite/tok')).toBe('/login?next=%2Finvite%2Ftok');
    expect(loginUrl('/invite/tok', '/signup')).toBe('/signup?next=%2Finvite%2Ftok');
  });

  it('leaves the default destination implicit', () => {
    expect(loginUrl('/deals')).toBe('/login');
    expect(loginUrl('https://evil.example')).toBe('/login');
  });
});
