/**
 * Cold-load benchmark (issue 2, item 5): how long a room with UPDATES (10,000) stored updates takes to load through
 * the engine's load path (`RoomEngine.openDoc` on a fresh engine over `createPostgresPersistence`: the storage read
 * plus applying it to a new Y.Doc), before and after compaction. Prints the median of RUNS runs and the targets
 * (< 100 ms uncompacted, < 20 ms compacted). PGlite always; real Postgres too when TEST_DATABASE_URL is set.
 * Prints figures; never gates.
 *
 *   TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test pnpm bench cold-load   # UPDATES=10000 RUNS=7
 */
import { createTestDb, testDatabaseKinds } from '@quorum/db/testing';
import { createPostgresPersistence, type Persistence, RoomEngine } from '@quorum/sync';
import * as Y from 'yjs';

const UPDATES = Number(process.env.UPDATES ?? 10_000);
const RUNS = Number(process.env.RUNS ?? 7);
const TARGET_UNCOMPACTED_MS = 100;
const TARGET_COMPACTED_MS = 20;
const ROOM = 'bench';

/** One cold load: a fresh engine opens the room; returns the elapsed ms and the loaded text. */
async function coldLoad(persistence: Persistence): Promise<{ ms: number; text: string }> {
  const engine = new RoomEngine({ persistence, compactAfterUpdates: Number.POSITIVE_INFINITY, compactOnUnload: false });
  const started = performance.now();
  const handle = await engine.openDoc(ROOM);
  const ms = performance.now() - started;
  const text = handle.doc.getText('t').toString();
  handle.release();
  await engine.close();
  return { ms, text };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** UPDATES single-character inserts at random positions, each its own update, as a typing user would make them. */
function typedUpdates(): { updates: Uint8Array[]; text: string } {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array) => updates.push(update));
  const text = doc.getText('t');
  for (let i = 0; i < UPDATES; i++) text.insert(Math.floor(Math.random() * (text.length + 1)), 'x');
  return { updates, text: text.toString() };
}

const { updates, text: expected } = typedUpdates();
const verdict = (ms: number, target: number) => `target < ${target} ms: ${ms < target ? 'met' : 'MISSED'}`;
for (const kind of testDatabaseKinds()) {
  const handle = await createTestDb(kind);
  try {
    const persistence = createPostgresPersistence(handle.db);
    for (let i = 0; i < updates.length; i += 500) {
      await persistence.append(updates.slice(i, i + 500).map((update) => ({ room: ROOM, update })));
    }
    const load = async () => {
      const runs: number[] = [];
      for (let run = 0; run < RUNS; run++) {
        const { ms, text } = await coldLoad(persistence);
        if (text !== expected) throw new Error('the loaded document differs from the one stored');
        runs.push(ms);
      }
      return runs;
    };
    const uncompacted = await load();
    const compactStarted = performance.now();
    const { merged } = await persistence.compact(ROOM);
    const compactMs = performance.now() - compactStarted;
    const compacted = await load();
    const before = median(uncompacted);
    const after = median(compacted);
    console.log(
      [
        `[cold load, ${kind}] a room with ${UPDATES} stored updates, median of ${RUNS} loads (openDoc on a fresh engine)`,
        `  uncompacted ${before.toFixed(1)} ms (runs ${uncompacted.map((ms) => ms.toFixed(0)).join(', ')})   ${verdict(before, TARGET_UNCOMPACTED_MS)}`,
        `  compacted   ${after.toFixed(1)} ms (runs ${compacted.map((ms) => ms.toFixed(0)).join(', ')})   ${verdict(after, TARGET_COMPACTED_MS)}`,
        `  compaction of ${merged} rows took ${compactMs.toFixed(0)} ms`,
      ].join('\n'),
    );
  } finally {
    await handle.close();
  }
}
