import { describe, expect, it } from 'vitest';
import { lifetimeLabel, timeAgo, viewsLabel } from './link-format.ts';

const now = new Date('2030-03-12T12:00:00Z');
const ago = (ms: number) => new Date(now.getTime() - ms).toISOString();
const ahead = (ms: number) => new Date(now.getTime() + ms).toISOString();

describe('link formatting', () => {
  it('says how long ago a view was', () => {
    expect(timeAgo(ago(10_000), now)).toBe('just now');
    expect(timeAgo(ago(5 * 60_000), now)).toBe('5 min ago');
    expect(timeAgo(ago(3 * 3_600_000), now)).toBe('3 h ago');
    expect(timeAgo(ago(26 * 3_600_000), now)).toBe('yesterday');
    expect(timeAgo(ago(30 * 86_400_000), now)).toBe('10 Feb 2030');
  });

  it('says whether a link still works and for how long', () => {
    expect(lifetimeLabel({ state: 'active', expiresAt: null, revokedAt: null }, now)).toBe('No expiry');
    expect(lifetimeLabel({ state: 'active', expiresAt: ahead(3 * 86_400_000), revokedAt: null }, now)).toBe(
      'Expires in 3 days',
    );
    expect(lifetimeLabel({ state: 'expired', expiresAt: ago(1000), revokedAt: null }, now)).toBe('Expired 12 Mar 2030');
    expect(lifetimeLabel({ state: 'revoked', expiresAt: null, revokedAt: ago(2 * 3_600_000) }, now)).toBe(
      'Withdrawn 2 h ago',
    );
  });

  it('counts views in words', () => {
    expect(viewsLabel(0)).toBe('Not opened yet');
    expect(viewsLabel(1)).toBe('1 view');
    expect(viewsLabel(4)).toBe('4 views');
  });
});
