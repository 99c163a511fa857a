import type { PresenceState } from '@quorum/deal-model';

export { fieldKey, type PresenceState } from '@quorum/deal-model';

/** Someone else in the room right now. */
export interface Peer extends PresenceState {
  clientId: number;
}

/** Reads awareness states into peers: valid states only, one entry per person (their newest tab wins), self excluded. */
export function peersOf(states: Map<number, unknown>, selfClientId: number, selfUserId: string): Peer[] {
  const byUser = new Map<string, Peer>();
  for (const [clientId, raw] of states) {
    if (clientId === selfClientId) continue;
    const state = raw as Partial<PresenceState> | null;
    const user = state?.user;
    if (!user || typeof user.id !== 'string' || typeof user.name !== 'string') continue;
    if (user.id === selfUserId && !state.editing) continue;
    const editing = typeof state.editing === 'string' ? state.editing : null;
    const peer: Peer = { clientId, user, editing };
    if (editing && typeof state.caret === 'string') peer.caret = state.caret;
    const existing = byUser.get(user.id);
    if (!existing || (peer.editing && !existing.editing)) byUser.set(user.id, peer);
  }
  return [...byUser.values()].sort((a, b) => a.user.name.localeCompare(b.user.name));
}
