import { getContext, setContext } from 'svelte';
import type { CommentsRoom } from './comments-room.svelte.ts';

const key = Symbol('quorum.comments');

/** Makes a deal room's comments available to its records (called by the room shell). */
export function provideComments(comments: CommentsRoom): CommentsRoom {
  return setContext(key, comments);
}

/** The comments of the deal room this component is in, or null outside a room. */
export function useComments(): CommentsRoom | null {
  return getContext<CommentsRoom | undefined>(key) ?? null;
}
