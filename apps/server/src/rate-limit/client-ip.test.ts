import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import type { AppEnv } from '../context.ts';
import { clientIp } from './client-ip.ts';

async function ipFor(trustProxy: boolean | number, forwardedFor?: string): Promise<string> {
  const app = new Hono<AppEnv>().get('/', (c) => c.text(clientIp(c, { trustProxy })));
  const res = await app.request('/', { headers: forwardedFor ? { 'x-forwarded-for': forwardedFor } : {} });
  return res.text();
}

describe('clientIp', () => {
  it('ignores X-Forwarded-For unless a proxy is trusted', async () => {
    expect(await ipFor(false, '1.2.3.4')).toBe('unknown');
  });

  it('takes the address the trusted proxy appended, not what the client wrote before it', async () => {
    // nginx's $proxy_add_x_forwarded_for appends the real peer to whatever the client sent.
    expect(await ipFor(true, 'forged-by-client, 203.0.113.9')).toBe('203.0.113.9');
    expect(await ipFor(true, '203.0.113.9')).toBe('203.0.113.9');
    expect(await ipFor(2, 'forged, 203.0.113.9, 10.0.0.2')).toBe('203.0.113.9');
  });
});
