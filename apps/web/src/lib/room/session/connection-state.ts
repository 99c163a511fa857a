/** What one websocket provider is doing right now. */
export interface ProviderState {
  status: 'connecting' | 'connected' | 'disconnected';
  synced: boolean;
  /** The connection dropped and has not synced since (reconnect attempts do not clear it, so the pill stays calm). */
  lost: boolean;
  /** Set when the server refused the room for good (4401, 4403, 4404): the provider is stopped. */
  refusedWith: number | null;
}

/** The connection pill's state, in the words of UI.md. */
export type Connection =
  | { kind: 'synced'; label: 'Synced' }
  | { kind: 'syncing'; label: 'Syncing…' }
  | { kind: 'offline'; label: 'Offline — changes kept on this device' }
  | { kind: 'refused'; label: string; detail: string; code: number };

const refusal: Record<number, { label: string; detail: string }> = {
  4401: {
    label: 'Signed out',
    detail:
      'Your session has ended, so live editing stopped. Log in again to keep working; nothing on this device is lost.',
  },
  4403: {
    label: 'No access',
    detail:
      'You no longer have access to this deal room, so live editing stopped. Ask the deal’s seller to invite you again.',
  },
  4404: {
    label: 'Room not found',
    detail: 'This deal room does not exist any more. It may have been removed.',
  },
};

/** Explains a permanent close code; unknown codes get a generic explanation. */
export function describeRefusal(code: number): { label: string; detail: string } {
  return (
    refusal[code] ?? {
      label: 'Disconnected',
      detail: `The server closed the connection (code ${code}). Reload the page to try again.`,
    }
  );
}

/**
 * Folds the states of a room's providers into one pill: refused beats everything (someone must act),
 * then offline when any room lost its connection (edits stay on this device), then syncing until all are synced.
 */
export function connectionOf(providers: readonly ProviderState[], { online = true } = {}): Connection {
  const refused = providers.find((p) => p.refusedWith !== null);
  if (refused?.refusedWith)
    return { kind: 'refused', code: refused.refusedWith, ...describeRefusal(refused.refusedWith) };
  if (!online || providers.some((p) => p.lost))
    return { kind: 'offline', label: 'Offline — changes kept on this device' };
  if (providers.every((p) => p.status === 'connected' && p.synced)) return { kind: 'synced', label: 'Synced' };
  return { kind: 'syncing', label: 'Syncing…' };
}
