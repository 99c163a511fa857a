import type * as Y from 'yjs';
import type { RecordChange } from './describe-change.ts';
import { type ActivityRoom, readRecord, recordKey, snapshotRecords, touchedRecords } from './record-refs.ts';

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/**
 * A plain copy of a document's records, kept in step one transaction at a time, so that each transaction's changes can
 * be told record by record with their content before and after (the document itself keeps no "before"). Create it from
 * the document as stored (before any change to describe), then call {@link RecordShadow.apply} after each transaction.
 */
export class RecordShadow {
  readonly #records: Map<string, unknown>;

  constructor(
    readonly doc: Y.Doc,
    readonly room: ActivityRoom,
  ) {
    this.#records = snapshotRecords(doc, room);
  }

  /** The records `transaction` changed, before and after (unchanged ones left out); the shadow moves to "after". */
  apply(transaction: Y.Transaction): RecordChange[] {
    const changes: RecordChange[] = [];
    for (const ref of touchedRecords(this.room, transaction)) {
      const key = recordKey(ref);
      const before = this.#records.get(key);
      const after = readRecord(this.doc, ref);
      if (after === undefined) this.#records.delete(key);
      else this.#records.set(key, after);
      if (same(before, after)) continue;
      changes.push({ room: this.room, recordType: ref.recordType, recordId: ref.recordId, before, after });
    }
    return changes;
  }

  /** A record's content as the shadow holds it (for names: a stakeholder's `name`). */
  get(path: readonly string[]): unknown {
    return this.#records.get(path.join('/'));
  }
}
