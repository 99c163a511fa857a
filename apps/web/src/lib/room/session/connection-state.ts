import { formatBytes, MAX_EDIT_BYTES } from '../text/edit-limit.ts';

/** What one websocket provider is doing right now. */
export interface ProviderState {
  status: 'connecting' | 'connected' | 'disconnected';
  synced: boolean;
  /** The connection dropped and has not synced since (reconnect attempts do not clear it, so the pill stays calm). */
  lost: boolean;
  /**
   * Set when the server closed the room with a code after which retrying on its own cannot help
   * (see {@link closeHandlingOf}): the provider is stopped until the person acts.
   */
  refusedWith: number | null;
  /** The server asked to come back later (1013): the provider waits, then reconnects on its own. */
  backingOff: boolean;
}

/** A provider that has not connected yet. */
export const initialProviderState: ProviderState = {
  status: 'connecting',
  synced: false,
  lost: false,
  refusedWith: null,
  backingOff: false,
};

/**
 * What the session does when the server closes a room's socket:
 * - `refused`: for good (4401 signed out, 4403 no access, 4404 no such room, any other 44xx); only logging in
 *   again or reloading can help.
 * - `paused`: the server will refuse the same bytes again (1009 a frame too big, 4413 the document too large,
 *   4429 too many connections); the provider stops, the edits stay on this device, and "Try again" reconnects
 *   once the person has acted.
 * - `back-off`: the server is busy (1013): wait, longer each time, then reconnect on its own.
 * - `reconnect`: anything else (a restart, a network drop): the stock provider's quick retry.
 */
export type CloseHandling = 'refused' | 'paused' | 'back-off' | 'reconnect';

/** Close codes after which the provider stops until the person acts, and "Try again" is offered. */
const pausedCodes = new Set([1009, 4413, 4429]);

/** How the session handles the server closing a room's socket with `code`. */
export function closeHandlingOf(code: number): CloseHandling {
  if (pausedCodes.has(code)) return 'paused';
  if (code === 1013) return 'back-off';
  if (code >= 4400 && code < 4500) return 'refused';
  return 'reconnect';
}

/**
 * The wait before reconnecting after the `attempt`-th 1013 in a row (0-based): 1 s, 2 s, 4 s … up to 30 s,
 * spread by `random` (0–1) over its upper half so that many clients told to wait do not return together.
 */
export function backOffDelay(attempt: number, random: number = Math.random()): number {
  const ceiling = Math.min(30_000, 1000 * 2 ** attempt);
  return Math.round(ceiling * (0.5 + random / 2));
}

/** The connection pill's state, in the words of UI.md. */
export type Connection =
  | { kind: 'synced'; label: 'Synced' }
  | { kind: 'syncing'; label: 'Syncing…' }
  | { kind: 'reconnecting'; label: 'Reconnecting…' }
  | { kind: 'offline'; label: 'Offline — changes kept on this device' }
  | { kind: 'paused'; label: string; detail: string; code: number }
  | { kind: 'refused'; label: string; detail: string; code: number };

const explanations: Record<number, { label: string; detail: string }> = {
  1009: {
    label: 'Paused: an edit is too large',
    detail: `One change is larger than the server accepts in one piece (up to ${formatBytes(MAX_EDIT_BYTES)} at a time), so syncing stopped instead of sending it again and again. Your text is kept on this device. Remove the large text, then choose Try again.`,
  },
  4413: {
    label: 'Paused: the room is full',
    detail:
      'This deal room has reached its size limit, so the server did not accept your last change and syncing stopped. Your text is kept on this device. Remove the large text, then choose Try again.',
  },
  4429: {
    label: 'Paused: too many open tabs',
    detail:
      'You have too many Quorum tabs or windows open at once, so the server did not open this one. Close some of them, then choose Try again. Nothing on this device is lost.',
  },
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

/** Explains a close code that stopped a provider; unknown codes get a generic explanation. */
export function describeRefusal(code: number): { label: string; detail: string } {
  return (
    explanations[code] ?? {
      label: 'Disconnected',
      detail: `The server closed the connection (code ${code}). Reload the page to try again.`,
    }
  );
}

/**
 * Folds the states of a room's providers into one pill: refused beats everything (someone must act), then
 * paused (the person can act, then try again), then offline when the device is offline, then reconnecting
 * while the server asked to wait, then offline when any room lost its connection (edits stay on this device),
 * then syncing until all are synced.
 */
export function connectionOf(providers: readonly ProviderState[], { online = true } = {}): Connection {
  const stopped = providers.map((p) => p.refusedWith).filter((code) => code !== null);
  const refused = stopped.find((code) => closeHandlingOf(code) !== 'paused');
  if (refused !== undefined) return { kind: 'refused', code: refused, ...describeRefusal(refused) };
  const paused = stopped[0];
  if (paused !== undefined) return { kind: 'paused', code: paused, ...describeRefusal(paused) };
  if (!online) return { kind: 'offline', label: 'Offline — changes kept on this device' };
  if (providers.some((p) => p.backingOff)) return { kind: 'reconnecting', label: 'Reconnecting…' };
  if (providers.some((p) => p.lost)) return { kind: 'offline', label: 'Offline — changes kept on this device' };
  if (providers.every((p) => p.status === 'connected' && p.synced)) return { kind: 'synced', label: 'Synced' };
  return { kind: 'syncing', label: 'Syncing…' };
}
