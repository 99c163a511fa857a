/**
 * `@quorum/db/testing`: fresh, migrated databases for tests (`createTestDb`, `testDatabaseKinds`). Production code
 * imports `@quorum/db`; tests import this entry. (`@quorum/db` still re-exports both, so test files written before
 * this entry existed keep compiling; new ones should import from here.)
 */
export { createTestDb, testDatabaseKinds } from './test-db.ts';
