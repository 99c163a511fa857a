import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
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
