export { applyPlainAt, restoreDocument, restoreRecord } from './restore.ts';
export { type VersionRecord, type VersionRecordKind, valueAt, versionRecords } from './version-records.ts';
