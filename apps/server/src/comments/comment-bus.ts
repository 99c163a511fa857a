import type { CommentEvent, NotificationView, ResolutionEvent, ThreadSide, ThreadView } from '@quorum/api-schema';
import { createLocalBus } from '../redis-channel/index.ts';

/**
 * What travels between instances when people comment. Plain JSON. Deal events carry the thread's `side`: each listener
 * decides from it, and from its own reader's role, whether its reader may see the event. User events name their one
 * recipient.
 */
export type CommentBusEvent =
  | { type: 'thread'; dealId: string; side: ThreadSide; thread: ThreadView }
  | { type: 'comment'; dealId: string; side: ThreadSide; event: CommentEvent }
  | { type: 'resolution'; dealId: string; side: ThreadSide; event: ResolutionEvent }
  | { type: 'notification'; userId: string; notification: NotificationView }
  | { type: 'notifications-read'; userId: string; unread: number };

/** Receives every event published on a bus. */
export type CommentBusListener = (event: CommentBusEvent) => void;

/**
 * Fan-out of comment and notification events to open event streams: in-process by default
 * ({@link createLocalCommentBus}), across instances over Redis ({@link createRedisCommentBus}).
 */
export interface CommentBus {
  /** Delivers `event` to every subscriber (on every instance, for a distributed bus). */
  publish(event: CommentBusEvent): Promise<void>;
  /** Registers a listener; the returned function unregisters it. */
  subscribe(listener: CommentBusListener): () => void;
  /** Number of listeners subscribed on this instance. */
  listenerCount(): number;
  /** Releases the bus's resources; later publishes are dropped. */
  close(): Promise<void>;
}

/** A bus for a single instance (and the local leg of the Redis bus). A listener that throws does not stop the others. */
export function createLocalCommentBus({
  onListenerError = (error: unknown) => console.error('[comments] a listener failed', error),
}: {
  onListenerError?: (error: unknown) => void;
} = {}): CommentBus {
  return createLocalBus<CommentBusEvent>({ onListenerError });
}
