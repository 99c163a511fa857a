/**
 * An access revocation: the sockets it names must close (4401) on every instance.
 * - `session`: one session ended (logout, expiry); `sessionId` is the SHA-256 (hex) of its token, never the token.
 * - `user`: every session of a user was invalidated.
 * - `membership`: a user lost access to a deal (removed member); only that deal's rooms close.
 */
export type AccessRevocation =
  | { kind: 'session'; sessionId: string }
  | { kind: 'user'; userId: string }
  | { kind: 'membership'; userId: string; dealId: string };

/** Receives every revocation published on a bus. */
export type RevocationListener = (revocation: AccessRevocation) => void;

/** Carries access revocations to every instance (this one included). */
export interface RevocationBus {
  publish(revocation: AccessRevocation): Promise<void>;
  /** Registers a listener; the returned function unregisters it. */
  subscribe(listener: RevocationListener): () => void;
  close(): Promise<void>;
}

/** A bus for a single instance: revocations reach this process's listeners only. */
export function createLocalRevocationBus(): RevocationBus {
  const listeners = new Set<RevocationListener>();
  return {
    async publish(revocation) {
      for (const listener of [...listeners]) listener(revocation);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    async close() {
      listeners.clear();
    },
  };
}

/** Whether a decoded message is a well-formed revocation (anything else on the channel is ignored). */
export function isAccessRevocation(value: unknown): value is AccessRevocation {
  if (typeof value !== 'object' || value === null) return false;
  const r = value as Record<string, unknown>;
  if (r.kind === 'session') return typeof r.sessionId === 'string';
  if (r.kind === 'user') return typeof r.userId === 'string';
  if (r.kind === 'membership') return typeof r.userId === 'string' && typeof r.dealId === 'string';
  return false;
}
