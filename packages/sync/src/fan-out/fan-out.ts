/**
 * A message relayed between engine instances that share one database. `update` messages carry updates that
 * the publishing instance has already persisted: receivers apply and relay them, and never store them again.
 * `query-awareness` (empty payload) is sent by an instance that has just loaded a room: the others answer with the
 * awareness states of their own clients, so presence is known at once rather than at the clients' next renewal.
 */
export interface FanOutMessage {
  type: 'update' | 'awareness' | 'query-awareness';
  room: string;
  /** A Yjs update, an `encodeAwarenessUpdate` payload, or empty (`query-awareness`). */
  payload: Uint8Array;
  /** The publishing engine's id; an engine ignores its own messages. */
  source: string;
  /** For `update`: the stored row's id (lets receivers tell what they have applied when they heal from storage). */
  id?: number;
}

/** Stops a subscription. */
export type Unsubscribe = () => Promise<void> | void;

/**
 * Relays persisted updates and awareness between the engine instances of a room. The default is in-process;
 * a Redis implementation plugs in behind the same interface.
 */
export interface FanOut {
  /** Sends `message` to every subscriber of `message.room` (including, harmlessly, the publisher). */
  publish(message: FanOutMessage): Promise<void> | void;
  /** Listens to one room; resolves once messages published after it will be delivered. */
  subscribe(room: string, listener: (message: FanOutMessage) => void): Promise<Unsubscribe>;
  /**
   * Calls `listener` whenever the fan-out recovered from an outage (messages may have been lost meanwhile), once its
   * subscriptions are back; the engine then heals its rooms from storage. Optional: an in-process fan-out never loses.
   */
  onRecover?(listener: () => void): () => void;
}
