import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { createDb, type DbHandle } from './create-db.ts';

/** The database kinds tests run against: always PGlite; real Postgres too when `TEST_DATABASE_URL` is set. */
export function testDatabaseKinds(env: NodeJS.ProcessEnv = process.env): Array<'pglite' | 'postgres'> {
  return env.TEST_DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];
}

/**
 * A fresh, migrated, isolated database for one test: an in-memory PGlite, or a new database created
 * next to `TEST_DATABASE_URL` (dropped again by `close()`).
 */
export async function createTestDb(
  kind: 'pglite' | 'postgres',
  adminUrl: string | undefined = process.env.TEST_DATABASE_URL,
): Promise<DbHandle & { url?: string }> {
  if (kind === 'pglite') return createDb({ dataDir: 'memory://' });
  if (!adminUrl) throw new Error('createTestDb("postgres") needs TEST_DATABASE_URL');
  const name = `quorum_t_${randomBytes(6).toString('hex')}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => undefined });
  await admin.unsafe(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const handle = await createDb({ url: url.toString(), poolSize: 5 });
  return {
    ...handle,
    url: url.toString(),
    async close() {
      await handle.close();
      const drop = postgres(adminUrl, { max: 1, onnotice: () => undefined });
      await drop.unsafe(`drop database if exists ${name} with (force)`);
      await drop.end();
    },
  };
}
