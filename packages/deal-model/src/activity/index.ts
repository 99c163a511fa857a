export {
  type ActivityDescription,
  type ActivityKind,
  type DescribeContext,
  type DescribedChange,
  describeChange,
  describeTransaction,
  type RecordChange,
} from './describe-change.ts';
export {
  type ActivityRecordType,
  type ActivityRoom,
  type RecordRef,
  readRecord,
  recordAt,
  recordKey,
  snapshotRecords,
  touchedRecords,
} from './record-refs.ts';
export { RecordShadow } from './record-shadow.ts';
