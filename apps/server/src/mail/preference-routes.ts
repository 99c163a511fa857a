import { mailPreferences, mailPreferencesBody } from '@quorum/api-schema';
import type { Database } from '@quorum/db';
import { getMailPreferences, setMailPreferences } from '@quorum/mail';
import { Hono } from 'hono';
import { requireUser } from '../auth/index.ts';
import type { AppEnv } from '../context.ts';
import { jsonBody, operation } from '../openapi/index.ts';

const docs = {
  get: operation({
    tag: 'Accounts',
    summary: 'My mail preferences',
    description: 'One switch per family of notification mail (all on until changed). Invites and resets always go.',
    ok: { description: 'The switches.', schema: mailPreferences },
    errors: { 401: 'No valid session.' },
  }),
  put: operation({
    tag: 'Accounts',
    summary: 'Change my mail preferences',
    description: 'Sets the switches sent; the others stay as they are.',
    ok: { description: 'Every switch, as stored.', schema: mailPreferences },
    errors: { 400: 'A switch is not a boolean; `field` names it.', 401: 'No valid session.' },
  }),
};

/** `GET` and `PUT /api/me/mail-preferences`. */
export function mailPreferenceRoutes({ db }: { db: Database }) {
  return new Hono<AppEnv>()
    .get('/me/mail-preferences', docs.get, async (c) => c.json(await getMailPreferences(db, requireUser(c).id)))
    .put('/me/mail-preferences', docs.put, jsonBody(mailPreferencesBody), async (c) =>
      c.json(await setMailPreferences(db, requireUser(c).id, c.req.valid('json'))),
    );
}
