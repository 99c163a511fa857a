import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createDb } from './create-db.ts';
import { PGLITE_SETTINGS } from './pglite-options.ts';
import { docUpdates } from './schema/index.ts';
import { createTestDb, testDatabaseKinds } from './test-db.ts';

describe.each(testDatabaseKinds())('createDb on %s', (kind) => {
  it('migrates and stores binary updates byte for byte', async () => {
    const handle = await createTestDb(kind);
    try {
      const bytes = new Uint8Array([0, 1, 2, 255, 128, 7]);
      await handle.db.insert(docUpdates).values({ room: 'r', update: bytes });
      const rows = await handle.db.select().from(docUpdates);
      expect(rows).toHaveLength(1);
      expect(rows[0]?.update).toEqual(bytes);
      const tables = await handle.db.execute(
        sql`select count(*)::int as n from information_schema.tables where table_name = 'deal_status'`,
      );
      expect(JSON.stringify(tables)).toContain('1');
    } finally {
      await handle.close();
    }
  });
});

describe('createDb on a PGlite data directory', () => {
  it('creates a new directory, keeps its rows across a reopen, and runs with the small buffer pool', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'quorum-db-'));
    try {
      const first = await createDb({ dataDir: dir });
      try {
        await first.db.insert(docUpdates).values({ room: 'kept', update: new Uint8Array([1, 2, 3]) });
      } finally {
        await first.close();
      }
      const again = await createDb({ dataDir: dir });
      try {
        const rows = await again.db.select().from(docUpdates);
        expect(rows.map((row) => row.room)).toEqual(['kept']);
        const pool = await again.db.execute(sql`show shared_buffers`);
        expect(JSON.stringify(pool)).toContain(PGLITE_SETTINGS.shared_buffers);
      } finally {
        await again.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
