import { createAuth } from '@quorum/auth';
import type { DbHandle } from '@quorum/db';
import { createTestDb, testDatabaseKinds } from '@quorum/db/testing';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSession } from '../auth/index.ts';
import type { AppEnv } from '../context.ts';
import { statusRoutes } from './events-route.ts';
import { createLocalStatusBus } from './status-bus.ts';
import { insertDeal, insertOrganization, insertUser } from './test-fixtures.ts';

/** Reads server-sent events from a response until `until` returns true or the stream ends. */
async function readEvents(response: Response, until: (events: string[]) => boolean) {
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  const events: string[] = [];
  let buffer = '';
  let ended = false;
  while (!until(events)) {
    const { done, value } = await reader.read();
    if (done) {
      ended = true;
      break;
    }
    buffer += value;
    for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
      const event = /^event: (.*)$/m.exec(buffer.slice(0, end))?.[1];
      if (event) events.push(event);
      buffer = buffer.slice(end + 2);
    }
  }
  return { events, ended, reader };
}

describe.each(testDatabaseKinds())('GET /deals/events on %s', (kind) => {
  let handle: DbHandle;
  let app: Hono<AppEnv>;
  let auth: ReturnType<typeof createAuth>;
  let userId: string;

  beforeAll(async () => {
    handle = await createTestDb(kind);
    auth = createAuth({ db: handle.db });
    const org = await insertOrganization(handle.db);
    userId = (await insertUser(handle.db, { organizationId: org, orgRole: 'manager' })).id;
    await insertDeal(handle.db, { organizationId: org, createdBy: userId });
    app = new Hono<AppEnv>()
      .use(loadSession({ auth }))
      .route('/', statusRoutes({ db: handle.db, bus: createLocalStatusBus(), heartbeatMs: 50 }));
  }, 60_000);
  afterAll(() => handle.close());

  it('answers 401 without a session', async () => {
    const response = await app.request('/deals/events');
    expect(response.status).toBe(401);
  });

  it('sends heartbeats, and ends the stream with `signed-out` once the session is logged out', async () => {
    const session = await auth.createSession(userId);
    const response = await app.request('/deals/events', { headers: { cookie: `${auth.cookieName}=${session.token}` } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/event-stream');
    const first = await readEvents(response, (events) => events.filter((e) => e === 'ping').length >= 2);
    expect(first.events[0]).toBe('ready');

    await auth.invalidateSession(session.token);
    let events = [...first.events];
    let ended = false;
    let buffer = '';
    while (!ended) {
      const { done, value } = await first.reader.read();
      ended = done;
      buffer += value ?? '';
    }
    events = events.concat([...buffer.matchAll(/^event: (.*)$/gm)].map((m) => m[1]!));
    expect(events.at(-1)).toBe('signed-out');
  });
});
