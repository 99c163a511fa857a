import { getContext, setContext } from 'svelte';
import type { RoomModel } from './model/room-model.svelte.ts';
import type { RoomSession } from './session/room-session.svelte.ts';

/** What every part of the room page reads: the live session and the model derived from its documents. */
export interface RoomContext {
  session: RoomSession;
  model: RoomModel;
}

const key = Symbol('quorum.room');

/** Makes the room available to every component of the deal room page (called by the room layout). */
export function provideRoom(room: RoomContext): RoomContext {
  return setContext(key, room);
}

/** The room of the deal room page this component is in. */
export function useRoom(): RoomContext {
  const room = getContext<RoomContext | undefined>(key);
  if (!room) throw new Error('useRoom() must be called inside the deal room page (src/routes/deals/[id]).');
  return room;
}
