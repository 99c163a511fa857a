// The receiver's check, as apps/server/README.md shows it ("Receiving webhooks"): keep the two the same.
import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Whether a webhook delivery is genuine: `header` is its `Quorum-Signature`, `body` the raw request body (the exact
 * bytes, before any JSON parsing), `secret` the endpoint's secret. Refuses a signature older (or newer) than
 * `toleranceSeconds` (a replay) and compares in constant time.
 */
export function verifyQuorumSignature(
  header: string | undefined,
  body: string,
  secret: string,
  { toleranceSeconds = 300, now = Date.now() / 1000 } = {},
): boolean {
  const parts = new Map(
    (header ?? '').split(',').map((part) => part.trim().split('=', 2) as [string, string | undefined]),
  );
  const t = Number(parts.get('t'));
  const given = parts.get('v1') ?? '';
  if (!Number.isInteger(t) || Math.abs(now - t) > toleranceSeconds || !/^[0-9a-f]{64}$/.test(given)) return false;
  const expected = createHmac('sha256', secret).update(`${t}.${body}`).digest('hex');
  return timingSafeEqual(Buffer.from(given, 'hex'), Buffer.from(expected, 'hex'));
}
