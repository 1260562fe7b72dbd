/**
 * A wait that something else can cut short: `wait(ms)` resolves after `ms`, or at once when
 * `wake()` is called meanwhile; a `wake()` with nobody waiting is remembered for the next wait,
 * so a signal that arrives during work is never lost.
 */
export class Wakeup {
  private pending = false;
  private waiters = new Set<() => void>();

  wake(): void {
    if (this.waiters.size === 0) {
      this.pending = true;
      return;
    }
    for (const resolve of this.waiters) resolve();
    this.waiters.clear();
  }

  /** Resolves `true` when woken, `false` on timeout. */
  wait(ms: number): Promise<boolean> {
    if (this.pending) {
      this.pending = false;
      return Promise.resolve(true);
    }
    return new Promise((done) => {
      const timer = setTimeout(() => {
        this.waiters.delete(wake);
        done(false);
      }, ms);
      const wake = () => {
        clearTimeout(timer);
        done(true);
      };
      this.waiters.add(wake);
    });
  }
}
