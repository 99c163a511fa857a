/**
 * The sync engine behind a `ws` server, as its own process, for the propagation benchmark. DATABASE_URL selects
 * Postgres (PGlite in memory otherwise). Prints `READY <port>`; SIGTERM closes cleanly and prints the engine's stats.
 */
import { createDb } from '@quorum/db';
import { RoomEngine } from '../src/engine/index.ts';
import { createPostgresPersistence } from '../src/persistence/index.ts';
import { serveEngine, type WsContext } from '../src/testing/ws-server.ts';

const handle = await createDb({ url: process.env.DATABASE_URL, dataDir: 'memory://' });
const engine = new RoomEngine<WsContext>({
  persistence: createPostgresPersistence(handle.db),
  maxConcurrentWrites: Number(process.env.MAX_CONCURRENT_WRITES ?? 2),
});
const server = await serveEngine(engine);
process.stdout.write(`READY ${server.port}\n`);
process.once('SIGTERM', () => {
  void (async () => {
    const stats = engine.stats();
    await server.close();
    await engine.close();
    await handle.close();
    process.stdout.write(`STATS ${JSON.stringify(stats)}\n`);
    process.exit(0);
  })();
});
