export type { AppendEntry, Persistence, StoredDocument } from './persistence.ts';
export { createPostgresPersistence, type PostgresPersistenceOptions } from './postgres-persistence.ts';
