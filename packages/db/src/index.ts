export { type CreateDbOptions, createDb, type Database, type DbHandle } from './create-db.ts';
export { DatabaseStartError } from './errors.ts';
export * from './outbox/index.ts';
export * from './schema/index.ts';
export { createTestDb, testDatabaseKinds } from './test-db.ts';
