/**
 * The open websockets of each session, so that logging out closes them (4401) at once instead of
 * leaving a logged-out browser tab connected. Keys are session tokens; nothing is persisted.
 */
export class SessionSockets {
  readonly #byToken = new Map<string, Set<() => void>>();

  /** Registers a socket's close function under its session token; returns the unregister function. */
  add(token: string, close: () => void): () => void {
    let set = this.#byToken.get(token);
    if (!set) {
      set = new Set();
      this.#byToken.set(token, set);
    }
    set.add(close);
    return () => {
      set.delete(close);
      if (set.size === 0 && this.#byToken.get(token) === set) this.#byToken.delete(token);
    };
  }

  /** Closes every socket opened with this session token. */
  closeSession(token: string): void {
    const set = this.#byToken.get(token);
    if (!set) return;
    this.#byToken.delete(token);
    for (const close of set) close();
  }
}
