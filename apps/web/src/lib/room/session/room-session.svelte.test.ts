import { afterEach, describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { fieldKey, type PresenceState } from './presence.ts';
import { RoomSession } from './room-session.svelte.ts';

/** These sessions never connect (`connect: false`), so no socket is ever made; Node 20 has no WebSocket. */
class NeverOpened {
  constructor() {
    throw new Error('a session with connect: false opened a socket');
  }
}

const blocker = '7c1f9e2a-3b4d-4e5f-8a6b-9c0d1e2f3a4b';
const sessions: RoomSession[] = [];

function open(role: 'seller' | 'mobilizer'): RoomSession {
  const session = new RoomSession({
    dealId: 'd1',
    role,
    user: { id: `${role}-1`, name: role },
    connect: false,
    persist: false,
    WebSocketPolyfill: NeverOpened as unknown as typeof WebSocket,
  });
  sessions.push(session);
  return session;
}

function editingIn(session: RoomSession, doc: Y.Doc | null): string | null {
  if (!doc) throw new Error('no such document');
  const state = session.awarenessOf(doc)?.getLocalState() as PresenceState | null;
  return state?.editing ?? null;
}

afterEach(() => {
  for (const session of sessions.splice(0)) session.destroy();
});

describe('RoomSession presence', () => {
  it('announces a seller-document field only in the seller room, never in the shared one', () => {
    const seller = open('seller');
    const plans = seller.private!;
    for (const key of [
      fieldKey(blocker, 'specialConcern'),
      fieldKey(blocker, 'note'),
      'private:notes',
      'insight:problem',
    ]) {
      seller.setEditing({ key, doc: plans });
      expect(editingIn(seller, seller.shared), key).toBeNull();
      expect(editingIn(seller, plans), key).toBe(key);
    }
    seller.setEditing(null);
    expect(seller.awarenessOf(plans)?.getLocalState()).toBeNull();
    // The shared room still shows the person, just not what they edit.
    expect((seller.awarenessOf(seller.shared)?.getLocalState() as PresenceState | null)?.user.id).toBe('seller-1');
  });

  it('announces a shared field in the shared room and clears the private room', () => {
    const buyer = open('mobilizer');
    buyer.setEditing({ key: 'private:notes', doc: buyer.private! });
    buyer.setEditing({ key: fieldKey(blocker, 'name'), doc: buyer.shared });
    expect(editingIn(buyer, buyer.shared)).toBe(fieldKey(blocker, 'name'));
    expect(buyer.awarenessOf(buyer.private!)?.getLocalState()).toBeNull();
  });

  it('announces nothing when a field claims a document its key does not belong to', () => {
    const seller = open('seller');
    seller.setEditing({ key: fieldKey(blocker, 'specialConcern'), doc: seller.shared });
    expect(editingIn(seller, seller.shared)).toBeNull();
    seller.setEditing({ key: fieldKey(blocker, 'name'), doc: seller.private! });
    expect(editingIn(seller, seller.shared)).toBeNull();
    expect(seller.awarenessOf(seller.private!)?.getLocalState()).toBeNull();
  });
});
