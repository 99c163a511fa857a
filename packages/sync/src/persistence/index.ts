export type { AppendEntry, MissingUpdates, Persistence, StoredDocument, StoredUpdate } from './persistence.ts';
export { createPostgresPersistence, type PostgresPersistenceOptions } from './postgres-persistence.ts';
