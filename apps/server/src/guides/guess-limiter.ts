/** Options of {@link createGuessLimiter}. */
export interface GuessLimiterOptions {
  /** Unknown tokens one client may try per window before it is refused. */
  maxMisses?: number;
  /** Length of the window, in milliseconds. */
  windowMs?: number;
  /** Clients tracked at most; the oldest windows are dropped beyond it, so memory stays bounded. */
  maxClients?: number;
  now?: () => number;
}

/** Counts the unknown tokens each client tries, so guessing links is refused (429) long before it could work. */
export interface GuessLimiter {
  /** Milliseconds until `client` may try again, or 0 when it is not blocked. */
  retryAfterMs(client: string): number;
  /** Records that `client` asked for a token that does not exist. */
  recordMiss(client: string): void;
}

/**
 * A fixed-window limiter of misses per client (an IP address). Only misses count: a colleague whose open
 * page checks its valid link every few seconds is never limited.
 */
export function createGuessLimiter({
  maxMisses = 20,
  windowMs = 60_000,
  maxClients = 10_000,
  now = Date.now,
}: GuessLimiterOptions = {}): GuessLimiter {
  const windows = new Map<string, { startedAt: number; misses: number }>();
  return {
    retryAfterMs(client) {
      const entry = windows.get(client);
      if (!entry) return 0;
      const left = entry.startedAt + windowMs - now();
      if (left <= 0) {
        windows.delete(client);
        return 0;
      }
      return entry.misses >= maxMisses ? left : 0;
    },
    recordMiss(client) {
      const at = now();
      const entry = windows.get(client);
      if (entry && at - entry.startedAt < windowMs) {
        entry.misses += 1;
        return;
      }
      windows.delete(client);
      windows.set(client, { startedAt: at, misses: 1 });
      while (windows.size > maxClients) {
        const oldest = windows.keys().next().value;
        if (oldest === undefined) break;
        windows.delete(oldest);
      }
    },
  };
}
