/**
 * A round of work that runs at start and again after each round ends, for the gateway's
 * background loops (sending the outbound queue, the inbound recovery pass, re-reading the IMAP
 * accounts). Rounds never overlap; the result of a round decides the pause before the next (none
 * while a queue is still full); a failed round is reported and the loop goes on after the normal
 * pause, since the next round may well succeed (the database is back); `stop()` waits for the
 * round in progress.
 */
export class RepeatingRound<T> {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private stopped = true;

  /**
   * `round(first)`: one round, `first` for the one at start. `pauseAfter(result)`: ms until the
   * next round, `undefined` after a failed one. `failed`: reports a round's error.
   */
  constructor(
    private readonly round: (first: boolean) => Promise<T>,
    private readonly pauseAfter: (result: T | undefined) => number,
    private readonly failed: (error: unknown) => void,
  ) {}

  /** True from `stop()` on: a long round checks it to end early. */
  get stopping(): boolean {
    return this.stopped;
  }

  start(): void {
    this.stopped = false;
    this.schedule(0, true);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }

  private schedule(delayMs: number, first: boolean): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.round(first).then(
        (result) => this.schedule(this.pauseAfter(result), false),
        (error: unknown) => {
          this.failed(error);
          this.schedule(this.pauseAfter(undefined), false);
        },
      );
    }, delayMs);
  }
}
