/**
 * A message relayed between engine instances that share one database. `update` messages carry updates that
 * the publishing instance has already persisted: receivers apply and relay them, and never store them again.
 */
export interface FanOutMessage {
  type: 'update' | 'awareness';
  room: string;
  /** A Yjs update, or an `encodeAwarenessUpdate` payload. */
  payload: Uint8Array;
  /** The publishing engine's id; an engine ignores its own messages. */
  source: string;
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
}
