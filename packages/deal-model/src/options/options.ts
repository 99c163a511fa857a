import * as Y from 'yjs';
import {
  createRecord,
  getRecord,
  readBoolean,
  readNumber,
  readRecords,
  readString,
  reorderRecord,
  transactOn,
  updateRecord,
} from '../records/index.ts';
import { sharedMaps } from '../shared-doc/shared-maps.ts';

/** The name `initSharedDoc` gives the status-quo option. */
export const STATUS_QUO_OPTION_NAME = 'Do nothing (status quo)';

/** An option the buying group compares, as a plain snapshot. */
export interface DealOption {
  id: string;
  name: string;
  /** The status quo is always one option: the seller's biggest competitor is "do nothing". */
  isStatusQuo: boolean;
  order: number;
}

/** Adds an option (never a second status quo) and returns its id. */
export function addOption(doc: Y.Doc, { name, order }: { name: string; order?: number }): string {
  return createRecord(sharedMaps(doc).options, { name, isStatusQuo: false, order });
}

/** Renames an option. */
export function updateOption(doc: Y.Doc, id: string, { name }: { name?: string }): void {
  updateRecord(sharedMaps(doc).options, id, 'option', { name });
}

/** Moves an option to position `toIndex`. */
export function reorderOption(doc: Y.Doc, id: string, toIndex: number): void {
  reorderRecord(sharedMaps(doc).options, id, 'option', toIndex);
}

/**
 * Removes an option and its score in every criterion, in one transaction. The status-quo option cannot
 * be removed (RangeError).
 */
export function removeOption(doc: Y.Doc, id: string): void {
  const { options, criteria } = sharedMaps(doc);
  const record = getRecord(options, id);
  if (!record) return;
  if (record.get('isStatusQuo') === true) throw new RangeError('the status-quo option cannot be removed');
  transactOn(options, () => {
    options.delete(id);
    for (const criterion of criteria.values()) {
      const scores = criterion instanceof Y.Map ? criterion.get('scores') : undefined;
      if (scores instanceof Y.Map && scores.has(id)) scores.delete(id);
    }
  });
}

/** Every option, sorted by `order`. */
export function readOptions(doc: Y.Doc): DealOption[] {
  return readRecords(sharedMaps(doc).options, (id, record) => ({
    id,
    name: readString(record, 'name'),
    isStatusQuo: readBoolean(record, 'isStatusQuo', false),
    order: readNumber(record, 'order', 0),
  }));
}
