/**
 * The status projection end to end: a seller edits a deal room through the stock y-websocket client, the
 * server recomputes the status and pushes it on GET /api/deals/events to exactly the dashboards allowed
 * to see it, in the right view.
 */
import { createAuth } from '@quorum/auth';
import { type DbHandle, dealMembers, users } from '@quorum/db';
import { createTestDb, testDatabaseKinds } from '@quorum/db/testing';
import { addStakeholder, computeStatus, RISK_SOURCES, updateBlockerPlan } from '@quorum/deal-model';
import { createPostgresPersistence, RoomEngine } from '@quorum/sync';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { createApp } from '../../apps/server/src/app.ts';
import { type RunningServer, startServer } from '../../apps/server/src/server.ts';
import { createLocalStatusBus, StatusProjection } from '../../apps/server/src/status/index.ts';
import { createRoomGuard, type SyncContext } from '../../apps/server/src/sync/index.ts';

const ORIGIN = 'http://quorum.test';

interface SseEvent {
  event: string;
  data: any;
}

/** An open events stream read with fetch and a stream reader, collecting every event. */
interface EventStream {
  status: number;
  events: SseEvent[];
  statuses(dealId: string): any[];
  close(): void;
}

async function openEvents(baseUrl: string, cookie: string | null): Promise<EventStream> {
  const controller = new AbortController();
  const response = await fetch(`${baseUrl}/api/deals/events`, {
    headers: { accept: 'text/event-stream', ...(cookie ? { cookie } : {}) },
    signal: controller.signal,
  });
  const events: SseEvent[] = [];
  if (response.ok && response.body) {
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    void (async () => {
      let buffer = '';
      try {
        for (;;) {
          const { done, value } = await reader.read();
          if (done) return;
          buffer += value;
          for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
            const block = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            let event = 'message';
            const data: string[] = [];
            for (const line of block.split('\n')) {
              if (line.startsWith('event: ')) event = line.slice(7);
              else if (line.startsWith('data: ')) data.push(line.slice(6));
            }
            const text = data.join('\n');
            if (text) events.push({ event, data: JSON.parse(text) });
          }
        }
      } catch (error) {
        if (!controller.signal.aborted) throw error;
      }
    })();
  } else {
    await response.body?.cancel();
  }
  return {
    status: response.status,
    events,
    statuses: (dealId) => events.filter((e) => e.event === 'status' && e.data.id === dealId).map((e) => e.data),
    close: () => controller.abort(),
  };
}

/** A `ws` WebSocket that presents a session cookie and the app's Origin, as a browser would. */
function socketWith(cookie: string) {
  return class extends WebSocket {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols, { headers: { cookie, origin: ORIGIN } });
    }
  };
}

async function connectRoom(baseUrl: string, room: string, cookie: string) {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(`${baseUrl.replace('http', 'ws')}/sync`, room, doc, {
    WebSocketPolyfill: socketWith(cookie) as unknown as typeof globalThis.WebSocket,
    disableBc: true,
  });
  await vi.waitFor(() => expect(provider.synced).toBe(true), { timeout: 15_000, interval: 20 });
  return { doc, provider };
}

describe.each(testDatabaseKinds())('deal status events on %s', (kind) => {
  let handle: DbHandle;
  let engine: RoomEngine<SyncContext>;
  let projection: StatusProjection;
  let server: RunningServer;
  const cookies: Record<'manager' | 'seller' | 'mobilizer' | 'outsider', string> = {
    manager: '',
    seller: '',
    mobilizer: '',
    outsider: '',
  };
  let dealId: string;

  async function call(method: string, path: string, cookie: string, body?: unknown) {
    const response = await fetch(`${server.url}${path}`, {
      method,
      headers: { origin: ORIGIN, cookie, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const setCookie = response.headers.get('set-cookie');
    return { status: response.status, body: (await response.json()) as any, cookie: setCookie?.split(';')[0] ?? '' };
  }

  async function signup(email: string, organization?: string) {
    const res = await call('POST', '/api/auth/signup', '', {
      email,
      name: email.split('@')[0],
      password: 'a long enough password',
      organization,
    });
    expect(res.status).toBe(201);
    return { id: res.body.user.id as string, email, cookie: res.cookie };
  }

  async function invite(id: string, cookie: string, email: string, role: 'seller' | 'mobilizer') {
    const res = await call('POST', `/api/deals/${id}/invites`, cookie, { email, role });
    expect(res.status).toBe(201);
    return (res.body.url as string).split('/').at(-1)!;
  }

  async function accept(token: string, cookie: string) {
    const res = await call('POST', `/api/invites/${token}/accept`, cookie, {});
    expect(res.status).toBeLessThan(300);
  }

  beforeAll(async () => {
    handle = await createTestDb(kind);
    const { db } = handle;
    const auth = createAuth({ db });
    const bus = createLocalStatusBus();
    engine = new RoomEngine<SyncContext>({
      persistence: createPostgresPersistence(db),
      hooks: {
        onConnect: createRoomGuard({ db, auth, origins: [ORIGIN] }),
        onChange: (room) => projection.onChange(room),
      },
    });
    projection = new StatusProjection({ db, engine, bus, compute: computeStatus, debounceMs: 100 });
    const app = createApp({ db, auth, engine, origin: ORIGIN, log: () => undefined, status: { bus, projection } });
    server = await startServer(app, { port: 0, hostname: '127.0.0.1' });

    const manager = await signup('manager@northwind.test', 'Northwind');
    cookies.manager = manager.cookie;
    const outsider = await signup('manager@rival.test', 'Rival');
    cookies.outsider = outsider.cookie;
    // The seller joins Northwind and the Mobilizer the deal through invite links, as people do.
    const onboarding = await call('POST', '/api/deals', cookies.manager, { title: 'Onboarding', buyer: 'Northwind' });
    const seller = await signup('seller@northwind.test');
    await accept(await invite(onboarding.body.id, cookies.manager, seller.email, 'seller'), seller.cookie);
    cookies.seller = seller.cookie;

    const created = await call('POST', '/api/deals', cookies.seller, { title: 'Laptop refresh', buyer: 'Acme' });
    expect(created.status).toBe(201);
    dealId = created.body.id;
    const mobilizer = await signup('champion@acme.test');
    await accept(await invite(dealId, cookies.seller, mobilizer.email, 'mobilizer'), mobilizer.cookie);
    cookies.mobilizer = mobilizer.cookie;
  });

  afterAll(async () => {
    await projection?.stop();
    await engine?.close();
    await server?.close();
    await handle?.close();
  });

  it('refuses the stream without a session', async () => {
    const stream = await openEvents(server.url, null);
    expect(stream.status).toBe(401);
  });

  it('pushes each change to the dashboards allowed to see the deal, in their view', async () => {
    const manager = await openEvents(server.url, cookies.manager);
    const mobilizer = await openEvents(server.url, cookies.mobilizer);
    const outsider = await openEvents(server.url, cookies.outsider);
    const seller = await openEvents(server.url, cookies.seller);
    try {
      for (const stream of [manager, mobilizer, outsider, seller]) {
        expect(stream.status).toBe(200);
        await vi.waitFor(() => expect(stream.events.some((e) => e.event === 'ready')).toBe(true), { timeout: 10_000 });
      }
      // The new deal had no stored status: the dashboards' arrival projected it.
      await vi.waitFor(() => expect(manager.statuses(dealId).length).toBeGreaterThan(0), { timeout: 10_000 });
      expect(manager.statuses(dealId).at(-1)).toMatchObject({ id: dealId, title: 'Laptop refresh', blockers: 0 });

      const shared = await connectRoom(server.url, dealId, cookies.seller);
      const sellerDoc = await connectRoom(server.url, `${dealId}/seller`, cookies.seller);
      let blockerId = '';
      try {
        // The seller maps a Blocker: the deal gets a plan-less Blocker risk.
        blockerId = addStakeholder(shared.doc, {
          name: 'Dana Ortiz',
          title: 'Head of IT',
          profile: 'blocker',
          influence: 5,
          stance: -2,
        });
        await vi.waitFor(
          () => expect(manager.statuses(dealId).at(-1)).toMatchObject({ blockers: 1, blockersWithoutPlan: 1 }),
          { timeout: 10_000 },
        );
        const red = manager.statuses(dealId).at(-1);
        expect(red.risks.length).toBeGreaterThan(0);
        expect(red.online).toBeGreaterThanOrEqual(1);
        expect(seller.statuses(dealId).at(-1)).toMatchObject({ blockers: 1, blockersWithoutPlan: 1 });

        // The Mobilizer sees the Blocker (shared document) but nothing derived from the seller document.
        await vi.waitFor(() => expect(mobilizer.statuses(dealId).at(-1)).toMatchObject({ blockers: 1 }), {
          timeout: 10_000,
        });
        const mobilizerEventsBefore = mobilizer.statuses(dealId).length;

        // The seller chooses a plan: the full view recovers.
        updateBlockerPlan(sellerDoc.doc, blockerId, { action: 'approach-directly' });
        await vi.waitFor(() => expect(manager.statuses(dealId).at(-1)).toMatchObject({ blockersWithoutPlan: 0 }), {
          timeout: 10_000,
        });
        expect(manager.statuses(dealId).at(-1).health).toBeGreaterThan(red.health);
        await projection.flush();

        for (const status of mobilizer.statuses(dealId)) {
          expect(status).not.toHaveProperty('blockersWithoutPlan');
          expect(status.view).toBe('shared');
          for (const risk of status.risks) {
            expect(risk.code).not.toBe('blocker-without-plan');
            expect(risk.source).not.toContain(RISK_SOURCES.blockerPlan);
          }
        }
        // A seller-document edit alone sends the Mobilizer nothing (not even a new updatedAt).
        expect(mobilizer.statuses(dealId).length).toBe(mobilizerEventsBefore);
        // A manager of another organization receives nothing about this deal.
        expect(outsider.statuses(dealId)).toEqual([]);
        expect(outsider.events.filter((e) => e.event === 'status')).toEqual([]);
      } finally {
        shared.provider.destroy();
        sellerDoc.provider.destroy();
      }
      // Who is online follows connections: the seller left the room.
      await vi.waitFor(() => expect(manager.statuses(dealId).at(-1)).toMatchObject({ online: 0 }), { timeout: 10_000 });
    } finally {
      for (const stream of [manager, mobilizer, outsider, seller]) stream.close();
    }
  });

  it('sends a new dashboard the stored status at once, in its view', async () => {
    const manager = await openEvents(server.url, cookies.manager);
    const mobilizer = await openEvents(server.url, cookies.mobilizer);
    try {
      await vi.waitFor(() => expect(manager.events.some((e) => e.event === 'ready')).toBe(true), { timeout: 10_000 });
      await vi.waitFor(() => expect(mobilizer.events.some((e) => e.event === 'ready')).toBe(true), { timeout: 10_000 });
      expect(manager.statuses(dealId)).toHaveLength(1);
      expect(manager.statuses(dealId)[0]).toMatchObject({ blockers: 1, blockersWithoutPlan: 0, view: 'full' });
      expect(mobilizer.statuses(dealId)).toHaveLength(1);
      expect(mobilizer.statuses(dealId)[0]).not.toHaveProperty('blockersWithoutPlan');

      const listed = await call('GET', '/api/deals', cookies.mobilizer);
      expect(listed.body.deals[0].status).not.toHaveProperty('blockersWithoutPlan');
      const history = await call('GET', '/api/deals/health-history', cookies.manager);
      expect(history.body.history[dealId].length).toBeGreaterThanOrEqual(2);
      expect((await call('GET', '/api/deals/health-history', cookies.mobilizer)).body.history).toEqual({});
    } finally {
      manager.close();
      mobilizer.close();
    }
  });
});
