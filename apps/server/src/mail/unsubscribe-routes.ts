import { randomBytes } from 'node:crypto';
import { type Database, mailOutbox } from '@quorum/db';
import { hashUnsubscribeToken, type MailKind, preferenceFor, unsubscribe } from '@quorum/mail';
import { eq } from 'drizzle-orm';
import { type Context, Hono } from 'hono';
import type { AppEnv } from '../context.ts';
import { renderUnknownLink, renderUnsubscribeConfirm, renderUnsubscribed } from './unsubscribe-page.ts';

const TOKEN = /^[A-Za-z0-9_-]{16,128}$/;

function headers(c: Context, nonce: string): void {
  c.header(
    'Content-Security-Policy',
    `default-src 'none'; style-src 'nonce-${nonce}'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'`,
  );
  c.header('Referrer-Policy', 'no-referrer');
  c.header('X-Robots-Tag', 'noindex, nofollow');
  c.header('Cache-Control', 'no-store');
}

/**
 * The unsubscribe link of notification mail (`<origin>/unsubscribe?token=…`, as `@quorum/mail` writes it; also
 * `/unsubscribe/<token>`): `GET` shows a confirm page (mail scanners prefetch links), `POST` turns the switch off, for
 * the confirm form (`scope=all` turns every switch off) and for mail clients' one-click unsubscribe (RFC 8058).
 */
export function unsubscribeRoutes({ db, origin }: { db: Database; origin: string }) {
  const tokenOf = (c: Context) => c.req.param('token') ?? c.req.query('token') ?? '';

  async function confirm(c: Context<AppEnv>) {
    const token = tokenOf(c);
    const nonce = randomBytes(16).toString('base64');
    headers(c, nonce);
    const [mail] = TOKEN.test(token)
      ? await db
          .select({ kind: mailOutbox.kind })
          .from(mailOutbox)
          .where(eq(mailOutbox.unsubscribeTokenHash, hashUnsubscribeToken(token)))
      : [];
    if (!mail) return c.html(renderUnknownLink(nonce), 404);
    const action = c.req.param('token') ? `/unsubscribe/${token}` : `/unsubscribe?token=${token}`;
    return c.html(renderUnsubscribeConfirm({ action, turnsOff: preferenceFor(mail.kind as MailKind), nonce }));
  }

  async function apply(c: Context<AppEnv>) {
    const token = tokenOf(c);
    const nonce = randomBytes(16).toString('base64');
    headers(c, nonce);
    const form = await c.req.parseBody().catch(() => ({}) as Record<string, unknown>);
    const result = TOKEN.test(token) ? await unsubscribe(db, token, form.scope === 'all' ? 'all' : undefined) : null;
    if (!result) return c.html(renderUnknownLink(nonce), 404);
    return c.html(renderUnsubscribed({ turnedOff: result.turnedOff, origin, nonce }));
  }

  return new Hono<AppEnv>()
    .get('/unsubscribe', confirm)
    .get('/unsubscribe/:token', confirm)
    .post('/unsubscribe', apply)
    .post('/unsubscribe/:token', apply);
}
