/** What the bench driver and its client processes tell each other (over the child-process IPC channel). */
import type { Target } from './connection.ts';

/** Times are milliseconds on the machine's monotonic clock (`monotonicMs`), which every process shares. */
export type DriverMessage =
  | { type: 'connect'; clients: Array<{ index: number; room: number; target: Target }> }
  | { type: 'run'; rate: number; startAt: number; measureFrom: number; stopAt: number }
  /** Asks for the edits made so far per room (once the edits stopped). */
  | { type: 'count' }
  | { type: 'finish' };

export type ClientMessage =
  | { type: 'connected'; failed: string[] }
  | { type: 'progress'; deliveries: number }
  | { type: 'counted'; sentPerRoom: Array<[room: number, edits: number]> }
  | {
      type: 'result';
      /** Edit → observation latencies (ms) of the edits made in the measured window. */
      latencies: Float64Array;
      /** Edits made in the measured window. */
      measuredEdits: number;
      /** Deliveries observed for edits made in the measured window. */
      measuredDeliveries: number;
      /** Edits made per room (whole run). */
      sentPerRoom: Array<[room: number, edits: number]>;
      /** Per client: its room, how many distinct edits its text holds at the end, how many it made. */
      held: Array<[room: number, held: number, made: number]>;
      /** Connections closed or errored during the run. */
      closes: number;
      errors: number;
      /** This process's CPU seconds over the measured window. */
      cpuSeconds: number;
    };

/** Milliseconds on CLOCK_MONOTONIC (the same clock in every process of the machine). */
export function monotonicMs(): number {
  return Number(process.hrtime.bigint() / 1000n) / 1000;
}
