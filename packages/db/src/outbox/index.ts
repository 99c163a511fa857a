export {
  backoffMs,
  type OutboxDelivery,
  type OutboxLog,
  type OutboxRow,
  type OutboxTable,
  OutboxWorker,
  type OutboxWorkerOptions,
} from './outbox-worker.ts';
