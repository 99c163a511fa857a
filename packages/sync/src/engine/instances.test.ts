import type { DbHandle } from '@quorum/db';
import { createTestDb, testDatabaseKinds } from '@quorum/db/testing';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { InProcessFanOut } from '../fan-out/index.ts';
import { createPostgresPersistence } from '../persistence/index.ts';
import { connectClient, synced, type TestClient, until } from '../testing/clients.ts';
import { type EngineWsServer, serveEngine, type WsContext } from '../testing/ws-server.ts';
import { RoomEngine } from './room-engine.ts';

/** One engine instance, with what its hooks were told. */
interface Instance {
  engine: RoomEngine<WsContext>;
  server: EngineWsServer;
  changes: Array<{ room: string; remote: boolean }>;
  awareness: Array<{ room: string; remote: boolean }>;
}

describe.each(testDatabaseKinds())('engines sharing one fan-out and one database (%s)', (kind) => {
  let handle: DbHandle;
  const instances: Instance[] = [];
  const clients: TestClient[] = [];

  beforeAll(async () => {
    handle = await createTestDb(kind);
  });
  afterAll(async () => {
    await handle.close();
  });
  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy();
    for (const { server, engine } of instances.splice(0)) {
      await server.close();
      await engine.close();
    }
  });

  async function instances2(): Promise<[Instance, Instance]> {
    // In-process delivery is synchronous: what another instance answers is there before the room is served.
    const fanOut = new InProcessFanOut();
    for (let i = 0; i < 2; i++) {
      const changes: Instance['changes'] = [];
      const awareness: Instance['awareness'] = [];
      const engine = new RoomEngine<WsContext>({
        persistence: createPostgresPersistence(handle.db),
        fanOut,
        hooks: {
          onChange: (room, _doc, { remote }) => changes.push({ room, remote }),
          onAwareness: (room, { remote }) => awareness.push({ room, remote }),
        },
      });
      instances.push({ engine, server: await serveEngine(engine), changes, awareness });
    }
    return [instances[0]!, instances[1]!];
  }

  const client = (at: Instance, room: string) => {
    const c = connectClient(at.server.url, room);
    clients.push(c);
    return c;
  };

  it('tells the hooks whether a change was made on this instance or came from another', async () => {
    const [one, two] = await instances2();
    const a = client(one, 'origins');
    const b = client(two, 'origins');
    await Promise.all([synced(a), synced(b)]);
    one.changes.length = 0;
    two.changes.length = 0;

    a.doc.getMap('m').set('from', 'a');
    await until(() => b.doc.getMap('m').get('from') === 'a' && two.changes.length > 0);
    expect(one.changes).toEqual([{ room: 'origins', remote: false }]);
    expect(two.changes).toEqual([{ room: 'origins', remote: true }]);

    one.awareness.length = 0;
    two.awareness.length = 0;
    a.provider.awareness.setLocalStateField('user', { id: 'ada' });
    await until(() => two.awareness.length > 0 && one.awareness.length > 0);
    expect(one.awareness.every((call) => !call.remote)).toBe(true);
    expect(two.awareness.every((call) => call.remote)).toBe(true);
    expect([...two.engine.awarenessStates('origins').values()]).toContainEqual({ user: { id: 'ada' } });

    // A client leaving is a local change where it was connected, a remote one elsewhere.
    one.awareness.length = 0;
    two.awareness.length = 0;
    const adaId = a.doc.clientID;
    a.destroy();
    await until(() => !two.engine.awarenessStates('origins').has(adaId));
    expect(one.awareness).toContainEqual({ room: 'origins', remote: false });
    expect(two.awareness).toContainEqual({ room: 'origins', remote: true });
  });

  it('counts the connections whose client never announced a state, which awareness cannot show', async () => {
    const [one] = await instances2();
    const quiet = client(one, 'quiet');
    await synced(quiet);
    // A stock provider's initial state has clock 0, which a server never applies.
    expect(one.engine.awarenessStates('quiet').size).toBe(0);
    expect(one.engine.silentConnectionCount('quiet')).toBe(1);
    quiet.provider.awareness.setLocalStateField('user', { id: 'ada' });
    await until(() => one.engine.awarenessStates('quiet').size === 1);
    expect(one.engine.silentConnectionCount('quiet')).toBe(0);
  });

  it('a room loaded on a second instance knows who is on the first before it serves anyone', async () => {
    const [one, two] = await instances2();
    const a = client(one, 'presence');
    await synced(a);
    a.provider.awareness.setLocalStateField('user', { id: 'ada' });
    await until(() => one.engine.awarenessStates('presence').has(a.doc.clientID));
    expect(two.engine.awarenessStates('presence').size).toBe(0);

    // Ada's client renews its state only every 15 s: the second instance must ask rather than wait.
    const b = client(two, 'presence');
    await synced(b);
    expect(two.engine.awarenessStates('presence').get(a.doc.clientID)).toEqual({ user: { id: 'ada' } });
    expect(b.provider.awareness.getStates().get(a.doc.clientID)).toEqual({ user: { id: 'ada' } });
  });
});
