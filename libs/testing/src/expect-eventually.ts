/** Options for {@link expectEventually}. */
export interface EventuallyOptions {
  /** Give up after this many milliseconds (default 10 000). */
  readonly timeoutMs?: number;
  /** Pause between attempts (default 25 ms). */
  readonly intervalMs?: number;
}

/**
 * Retries `assertion` until it stops throwing, then returns its result; after the timeout it
 * rethrows the last failure. The way to await asynchronous effects without sleeping.
 */
export async function expectEventually<T>(assertion: () => T | Promise<T>, options: EventuallyOptions = {}): Promise<T> {
  const deadline = Date.now() + (options.timeoutMs ?? 10_000);
  const interval = options.intervalMs ?? 25;
  for (;;) {
    try {
      return await assertion();
    } catch (error) {
      if (Date.now() >= deadline) throw error;
      await new Promise((r) => setTimeout(r, interval));
    }
  }
}
