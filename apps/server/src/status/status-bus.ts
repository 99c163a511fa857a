import { createLocalBus } from '../redis-channel/index.ts';
import type { DealStatusView } from './status-types.ts';

/** Who is on a deal, as far as the visibility of its status goes. */
export interface DealAudience {
  /** The deal's seller organization: its managers get the full status. */
  organizationId: string;
  /** The deal's life (`open`, `won`, `lost`, `no-decision`, `archived`): dashboards show it with the status. */
  state?: string;
  /** The deal's members with their deal role (`seller` gets the full status, `mobilizer` the shared view). */
  members: Array<{ userId: string; role: string }>;
}

/**
 * One recomputed status, in both views, with who may see it. Plain JSON, so a bus may carry it between
 * processes.
 */
export interface StatusEvent {
  dealId: string;
  audience: DealAudience;
  /** The full view (shared and seller documents): sellers on the deal and the organization's managers. */
  status: DealStatusView;
  /** The view computed from the shared document alone: the deal's Mobilizers. */
  sharedStatus: DealStatusView;
  /**
   * Which views differ from the previous event of this deal. A change of the seller document alone leaves
   * the shared view unchanged, and its readers receive nothing.
   */
  changed: { full: boolean; shared: boolean };
}

/** Receives every status event published on a bus. */
export type StatusListener = (event: StatusEvent) => void;

/**
 * Fan-out of status events to every open dashboard. In-process by default
 * ({@link createLocalStatusBus}); a Redis implementation lets dashboards on any instance receive events
 * computed on another.
 */
export interface StatusBus {
  /** Delivers `event` to every subscriber (on every instance, for a distributed bus). */
  publish(event: StatusEvent): Promise<void>;
  /** Registers a listener; the returned function unregisters it. */
  subscribe(listener: StatusListener): () => void;
  /** Number of listeners subscribed on this instance. */
  listenerCount(): number;
  /** Releases the bus's resources; later publishes are dropped. */
  close(): Promise<void>;
}

/** Options of {@link createLocalStatusBus}. */
export interface LocalStatusBusOptions {
  /** Called when a listener throws; the other listeners still receive the event. */
  onListenerError?: (error: unknown) => void;
}

/**
 * A bus that delivers events to the listeners of this process only: enough for a single server, and the
 * local leg of a distributed bus.
 */
export function createLocalStatusBus({
  onListenerError = (error) => console.error('[status] a status listener failed', error),
}: LocalStatusBusOptions = {}): StatusBus {
  return createLocalBus<StatusEvent>({ onListenerError });
}
