import { describe, expect, it } from 'vitest';
import { clientHint } from './client-hint.ts';

describe('clientHint', () => {
  it.each([
    [
      'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36',
      'Chrome on macOS',
    ],
    [
      'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36 Edg/126.0.0.0',
      'Edge on Windows',
    ],
    ['Mozilla/5.0 (X11; Linux x86_64; rv:127.0) Gecko/20100101 Firefox/127.0', 'Firefox on Linux'],
    [
      'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1',
      'Safari on iOS',
    ],
    ['Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)', 'Link preview or bot'],
    [undefined, 'Unknown browser'],
  ])('%s → %s', (ua, hint) => {
    expect(clientHint(ua)).toBe(hint);
  });

  it('never carries versions or other identifying detail', () => {
    expect(clientHint('Mozilla/5.0 (Windows NT 10.0) Chrome/126.0.6478.127 Safari/537.36')).not.toMatch(/\d/);
  });
});
