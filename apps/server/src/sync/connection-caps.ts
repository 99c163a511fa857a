/** Options of {@link ConnectionCaps}. */
export interface ConnectionCapsOptions {
  /** Open websockets one client IP may hold on this instance (default 50). */
  perIp?: number;
  /** Open websockets one user may hold on this instance (default 20). */
  perUser?: number;
}

/** Why a connection was refused. */
export type CapRefusal = 'ip' | 'user';

/**
 * Counts the open websockets of each client IP and each user on this instance, and refuses one more past
 * the caps. A reservation lasts until its release function is called (when the TCP socket closes).
 */
export class ConnectionCaps {
  readonly #perIp: number;
  readonly #perUser: number;
  readonly #byIp = new Map<string, number>();
  readonly #byUser = new Map<string, number>();

  constructor({ perIp = 50, perUser = 20 }: ConnectionCapsOptions = {}) {
    this.#perIp = perIp;
    this.#perUser = perUser;
  }

  /** Reserves one socket for `ip` and `userId`; returns the release function, or which cap refused it. */
  reserve(ip: string, userId: string | null): (() => void) | CapRefusal {
    if ((this.#byIp.get(ip) ?? 0) >= this.#perIp) return 'ip';
    if (userId && (this.#byUser.get(userId) ?? 0) >= this.#perUser) return 'user';
    bump(this.#byIp, ip, 1);
    if (userId) bump(this.#byUser, userId, 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      bump(this.#byIp, ip, -1);
      if (userId) bump(this.#byUser, userId, -1);
    };
  }
}

function bump(map: Map<string, number>, key: string, delta: number): void {
  const next = (map.get(key) ?? 0) + delta;
  if (next <= 0) map.delete(key);
  else map.set(key, next);
}
