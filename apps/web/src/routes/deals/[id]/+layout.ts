import { error } from '@sveltejs/kit';
import { ApiError, createApi } from '$lib/api/index.ts';
import { rememberDeal, rememberedDeal } from '$lib/offline/index.ts';
import { type RoomDeal, roomDealOf } from '$lib/room/session/room-deal.ts';
import type { LayoutLoad } from './$types';

// The deal room lives in the browser: it opens websockets and IndexedDB.
export const ssr = false;

/**
 * The deal and the caller's role on it, which decides the rooms the page opens. Offline, the details this
 * device kept for the user when they last opened the deal (their documents are in IndexedDB).
 */
export const load: LayoutLoad = async ({ fetch, params, parent }): Promise<{ room: RoomDeal }> => {
  // Ask for the deal while the parent layout asks for the session: one round trip less before the room opens.
  const deal = createApi({ fetch }).getDeal(params.id);
  deal.catch(() => undefined); // handled below, after parent(): an unauthenticated parent redirects first
  const { me } = await parent();
  try {
    const answer = await deal;
    const room = roomDealOf(answer);
    if (!room) error(502, 'The server answered with a deal we could not read. Please reload.');
    rememberDeal(me.user.id, room);
    return { room };
  } catch (cause) {
    if (cause instanceof ApiError && (cause.status === 404 || cause.status === 403)) {
      error(404, 'We couldn’t find that deal room. It may have been removed, or you are not on it.');
    }
    const kept = cause instanceof ApiError && cause.code === 'network' ? rememberedDeal(me.user.id, params.id) : null;
    if (kept) return { room: kept };
    throw cause;
  }
};
