import type { DbHandle } from '@quorum/db';
import { createTestDb, testDatabaseKinds } from '@quorum/db/testing';
import { addStakeholder, computeStatus, initSharedDoc } from '@quorum/deal-model';
import { createPostgresPersistence, InProcessFanOut, RoomEngine } from '@quorum/sync';
import { connectClient, synced, type TestClient, until } from '@quorum/sync/testing/clients';
import { type EngineWsServer, serveEngine, type WsContext } from '@quorum/sync/testing/ws-server';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { StatusProjection } from './projection.ts';
import { createLocalStatusBus, type StatusEvent } from './status-bus.ts';
import type { StatusViewer } from './status-types.ts';
import { insertDeal, insertOrganization, insertUser } from './test-fixtures.ts';

/** One server instance: an engine with its projection wired as `main.ts` wires them. */
interface Instance {
  engine: RoomEngine<WsContext>;
  projection: StatusProjection;
  server: EngineWsServer;
}

describe.each(testDatabaseKinds())('status projection on several instances (%s)', (kind) => {
  let handle: DbHandle;
  let seller: StatusViewer;
  const instances: Instance[] = [];
  const clients: TestClient[] = [];
  // What every dashboard receives: one bus stands in for Redis, which hands each instance's events to all.
  const bus = createLocalStatusBus();
  const events: StatusEvent[] = [];
  bus.subscribe((event) => events.push(event));
  const eventsOf = (dealId: string) => events.filter((e) => e.dealId === dealId);

  beforeAll(async () => {
    handle = await createTestDb(kind);
    const org = await insertOrganization(handle.db);
    seller = await insertUser(handle.db, { organizationId: org, orgRole: 'member' });
  }, 60_000);
  afterAll(() => handle.close());
  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy();
    for (const { projection, engine, server } of instances.splice(0)) {
      await projection.stop();
      await server.close();
      await engine.close();
    }
  });

  async function cluster(count: number): Promise<Instance[]> {
    const fanOut = new InProcessFanOut();
    for (let i = 0; i < count; i++) {
      let projection: StatusProjection | undefined;
      const engine = new RoomEngine<WsContext>({
        persistence: createPostgresPersistence(handle.db),
        fanOut,
        hooks: {
          onChange: (room, doc, info) => projection?.onChange(room, doc, info),
          onAwareness: (room, info) => projection?.onAwareness(room, info),
        },
      });
      projection = new StatusProjection({ db: handle.db, engine, bus, compute: computeStatus, debounceMs: 50 });
      instances.push({ engine, projection, server: await serveEngine(engine) });
    }
    return instances.slice(-count);
  }

  /** Runs every instance's pending projections to the end. */
  const settle = async () => {
    for (;;) {
      await Promise.all(instances.map(({ projection }) => projection.flush()));
      if (instances.every(({ projection }) => projection.busy === 0)) return;
    }
  };

  const client = (at: Instance, room: string, userId?: string) => {
    const c = connectClient(at.server.url, room);
    if (userId) c.provider.awareness.setLocalStateField('user', { id: userId, name: userId });
    clients.push(c);
    return c;
  };

  async function newDeal(title: string): Promise<string> {
    const dealId = await insertDeal(handle.db, { organizationId: seller.organizationId!, createdBy: seller.id, title });
    return dealId;
  }

  it('publishes one event per change, however many instances hold the room', async () => {
    const [one, two, three] = await cluster(3);
    const dealId = await newDeal('One event each');
    const writers = [client(one!, dealId), client(two!, dealId), client(three!, dealId)];
    await Promise.all(writers.map(synced));
    initSharedDoc(writers[0]!.doc, { title: 'One event each', buyer: 'Acme' });
    await until(() => eventsOf(dealId).some((e) => e.status.title === 'One event each'));
    await settle();

    for (const [round, writer] of writers.entries()) {
      const before = eventsOf(dealId).length;
      addStakeholder(writer.doc, { name: `Person ${round}`, profile: 'friend' });
      await until(() => eventsOf(dealId).some((e) => e.status.stakeholders === round + 1));
      // Every instance applied the change (the others as remote): whatever they would publish is out now.
      await until(() => writers.every((w) => w.doc.getMap('stakeholders').size === round + 1));
      await settle();
      expect(eventsOf(dealId).length - before).toBe(1);
    }
  });

  it('counts the people in the room across instances, each person once', async () => {
    const [one, two] = await cluster(2);
    const dealId = await newDeal('Who is here');
    const latest = () => eventsOf(dealId).at(-1)?.status;

    const ada = client(one!, dealId, 'ada');
    await synced(ada);
    await until(() => latest()?.online === 1);
    // Grace joins through the other instance, which just loaded the room: it must know Ada is there.
    const grace = client(two!, dealId, 'grace');
    await synced(grace);
    await until(() => latest()?.online === 2);
    // Ada's second tab, on the second instance: still two people.
    const adaAgain = client(two!, dealId, 'ada');
    await synced(adaAgain);
    await until(() => two!.engine.awarenessStates(dealId).size === 3);
    await settle();
    expect(latest()?.online).toBe(2);
    expect(eventsOf(dealId).filter((e) => e.status.online === 2)).toHaveLength(1);
    // A client that never announces who it is still counts (on its own instance), then leaves.
    const quiet = client(one!, dealId);
    await synced(quiet);
    await until(() => latest()?.online === 3);
    quiet.destroy();
    await until(() => latest()?.online === 2);

    // Grace leaves: one person left, said once.
    grace.destroy();
    await until(() => latest()?.online === 1);
    await settle();
    expect(eventsOf(dealId).filter((e) => e.status.online === 1)).toHaveLength(2); // Ada alone, before and after
    for (const tab of [ada, adaAgain]) tab.destroy();
    await until(() => latest()?.online === 0);
  });
});
