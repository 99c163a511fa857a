/**
 * A periodic task that runs only while something needs it: `retain()` starts the timer with the first holder
 * and the returned release stops it with the last, so an idle app holds no timer.
 */
export function lazyInterval(task: () => void, intervalMs: number): { retain(): () => void } {
  let holders = 0;
  let timer: NodeJS.Timeout | undefined;
  return {
    retain() {
      holders += 1;
      if (!timer) {
        timer = setInterval(task, intervalMs);
        timer.unref();
      }
      let released = false;
      return () => {
        if (released) return;
        released = true;
        holders -= 1;
        if (holders === 0 && timer) {
          clearInterval(timer);
          timer = undefined;
        }
      };
    },
  };
}
