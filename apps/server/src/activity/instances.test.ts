import type { DbHandle } from '@quorum/db';
import { dealActivity } from '@quorum/db';
import { createTestDb, testDatabaseKinds } from '@quorum/db/testing';
import { addStakeholder, updateStakeholder } from '@quorum/deal-model';
import { createPostgresPersistence, InProcessFanOut, RoomEngine } from '@quorum/sync';
import { connectClient, synced, type TestClient, until } from '@quorum/sync/testing/clients';
import { type EngineWsServer, serveEngine, type WsContext } from '@quorum/sync/testing/ws-server';
import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertDeal, insertOrganization, insertUser } from '../status/test-fixtures.ts';
import { ActivityRecorder } from './activity-recorder.ts';

describe.each(testDatabaseKinds())('activity on several instances (%s)', (kind) => {
  let handle: DbHandle;
  const engines: RoomEngine<WsContext>[] = [];
  const recorders: ActivityRecorder[] = [];
  const servers: EngineWsServer[] = [];
  const clients: TestClient[] = [];

  beforeAll(async () => {
    handle = await createTestDb(kind);
    const fanOut = new InProcessFanOut();
    for (let i = 0; i < 2; i++) {
      const recorder = new ActivityRecorder({ db: handle.db });
      // The identity a room guard would give: here the `user` and `name` query parameters.
      const engine = new RoomEngine<WsContext>({
        persistence: createPostgresPersistence(handle.db),
        fanOut,
        hooks: {
          onConnect: ({ context }) => ({
            identity: {
              userId: context.url.searchParams.get('user'),
              name: context.url.searchParams.get('name'),
              side: 'seller',
              room: 'shared',
            },
          }),
          onLoaded: recorder.onLoaded,
          onApplied: recorder.onApplied,
          onChange: recorder.onChange,
        },
      });
      recorders.push(recorder);
      engines.push(engine);
      servers.push(await serveEngine(engine));
    }
  }, 60_000);
  afterAll(async () => {
    for (const client of clients) client.destroy();
    for (const server of servers) await server.close();
    for (const engine of engines) await engine.close();
    await handle.close();
  });

  it('records each change once, on the instance that stored it, worded with names another instance wrote', async () => {
    const org = await insertOrganization(handle.db);
    const mara = await insertUser(handle.db, { organizationId: org, orgRole: 'member' });
    const jonas = await insertUser(handle.db, { organizationId: org, orgRole: 'member' });
    const dealId = await insertDeal(handle.db, { organizationId: org, createdBy: mara.id });
    const onA = connectClient(servers[0]!.url, dealId, { params: { user: mara.id, name: 'Mara' } });
    const onB = connectClient(servers[1]!.url, dealId, { params: { user: jonas.id, name: 'Jonas' } });
    clients.push(onA, onB);
    await Promise.all([synced(onA), synced(onB)]);

    const henrik = addStakeholder(onA.doc, { name: 'Henrik', influence: 2 });
    await until(() => onB.doc.getMap('stakeholders').has(henrik), { what: 'Henrik to reach the other instance' });
    updateStakeholder(onB.doc, henrik, { influence: 4 });
    const rows = async () => {
      await Promise.all(recorders.map((recorder) => recorder.flush()));
      return handle.db
        .select({ words: dealActivity.words, actor: dealActivity.actorUserId })
        .from(dealActivity)
        .where(eq(dealActivity.dealId, dealId))
        .orderBy(asc(dealActivity.at));
    };
    await until(async () => (await rows()).length >= 2, { what: 'both changes to be recorded' });
    expect(await rows()).toEqual([
      { words: 'Mara added Henrik to the map', actor: mara.id },
      { words: 'Jonas raised Henrik’s influence to 4', actor: jonas.id },
    ]);
  });
});
