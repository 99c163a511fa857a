/** How {@link until} polls: what it waits for (named in the error), for how long, and how often. */
export interface UntilOptions {
  /** Named in the error: `timed out waiting for <what>`. */
  what?: string;
  /** Gives up after this long. Not a performance assertion: it only turns a hang into a readable failure. */
  timeoutMs?: number;
  /** Pause between two checks. */
  intervalMs?: number;
}

/**
 * Polls `check` until it returns (or resolves to) true; throws `timed out waiting for <what>` once `timeoutMs`
 * has passed without it holding. Tests wait for a condition with this instead of sleeping a fixed time.
 */
export async function until(
  check: () => boolean | Promise<boolean>,
  { what = 'a condition', timeoutMs = 30_000, intervalMs = 10 }: UntilOptions = {},
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
