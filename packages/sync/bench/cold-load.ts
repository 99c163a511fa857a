/**
 * Cold-load benchmark: how long a room with 10,000 stored updates takes to load through the engine
 * (`openDoc` on a fresh engine: storage read + applying to a new Y.Doc), before and after compaction.
 * Prints figures; never gates. PGlite always; real Postgres when TEST_DATABASE_URL is set.
 *
 *   pnpm --filter @quorum/sync bench
 */
import { createTestDb, testDatabaseKinds } from '@quorum/db';
import * as Y from 'yjs';
import { RoomEngine } from '../src/engine/index.ts';
import { createPostgresPersistence } from '../src/persistence/index.ts';

const UPDATES = 10_000;
const RUNS = 7;

async function coldLoad(persistence: ReturnType<typeof createPostgresPersistence>, room: string): Promise<number> {
  const engine = new RoomEngine({ persistence, compactAfterUpdates: Number.POSITIVE_INFINITY, compactOnUnload: false });
  const started = performance.now();
  const handle = await engine.openDoc(room);
  const elapsed = performance.now() - started;
  if (handle.doc.getText('t').length === 0) throw new Error('loaded an empty document');
  handle.release();
  await engine.close();
  return elapsed;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

for (const kind of testDatabaseKinds()) {
  const handle = await createTestDb(kind);
  try {
    const persistence = createPostgresPersistence(handle.db);
    const doc = new Y.Doc();
    const updates: Uint8Array[] = [];
    doc.on('update', (update: Uint8Array) => updates.push(update));
    const text = doc.getText('t');
    for (let i = 0; i < UPDATES; i++) text.insert(Math.floor(Math.random() * (text.length + 1)), 'x');
    for (let i = 0; i < updates.length; i += 500) {
      await persistence.append(updates.slice(i, i + 500).map((update) => ({ room: 'bench', update })));
    }
    const uncompacted: number[] = [];
    for (let run = 0; run < RUNS; run++) uncompacted.push(await coldLoad(persistence, 'bench'));
    const compactStarted = performance.now();
    const { merged } = await persistence.compact('bench');
    const compactMs = performance.now() - compactStarted;
    const compacted: number[] = [];
    for (let run = 0; run < RUNS; run++) compacted.push(await coldLoad(persistence, 'bench'));
    console.log(
      `[sync cold load, ${kind}] ${UPDATES} stored updates: median ${median(uncompacted).toFixed(1)} ms uncompacted, ` +
        `${median(compacted).toFixed(1)} ms compacted (compaction of ${merged} rows took ${compactMs.toFixed(0)} ms)`,
    );
  } finally {
    await handle.close();
  }
}
