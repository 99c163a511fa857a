import type { Persistence } from '../persistence/index.ts';

/** A real persistence whose appends can be held (a storage stall), for tests of what waits on storage. */
export interface HeldPersistence {
  persistence: Persistence;
  /** Appends started so far (held ones included). */
  readonly appendCalls: number;
  /** Appends started from now on wait until `release`. */
  hold(): void;
  /** Lets every waiting append through, and later ones at once. */
  release(): void;
}

/** Wraps `inner` so that its appends can be held; everything else goes straight through. */
export function holdableAppends(inner: Persistence): HeldPersistence {
  let held = false;
  let appendCalls = 0;
  let waiting: Array<() => void> = [];
  const persistence: Persistence = {
    load: (room) => inner.load(room),
    compact: (room) => inner.compact(room),
    append: async (entries) => {
      appendCalls += 1;
      if (held) await new Promise<void>((resolve) => waiting.push(resolve));
      return inner.append(entries);
    },
  };
  if (inner.readMissing) persistence.readMissing = (room, known) => inner.readMissing!(room, known);
  return {
    persistence,
    get appendCalls() {
      return appendCalls;
    },
    hold: () => {
      held = true;
    },
    release: () => {
      held = false;
      const released = waiting;
      waiting = [];
      for (const resolve of released) resolve();
    },
  };
}
