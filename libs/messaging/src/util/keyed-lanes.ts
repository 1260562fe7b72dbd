/**
 * Runs tasks concurrently, at most `limit` at a time, but one after another for the same key,
 * in the order they were scheduled. A consumer uses the event's subject (its aggregate) as the
 * key: events of one ticket keep their order, events of different tickets overlap.
 */
export class KeyedLanes {
  private readonly tails = new Map<string, Promise<void>>();
  private running = 0;
  private slotWaiters: (() => void)[] = [];

  constructor(private readonly limit: number) {
    if (!Number.isInteger(limit) || limit < 1) throw new Error(`KeyedLanes: limit must be a positive integer (got ${limit})`);
  }

  /** Tasks scheduled and not yet finished. */
  get size(): number {
    return this.running;
  }

  /**
   * Queues `task` behind the earlier tasks of `key`; resolves once it is queued and a slot is
   * free for the next one (so a caller's loop pulls no faster than tasks finish). A task's
   * rejection is the task's business: it is swallowed here, so handle errors inside.
   */
  async schedule(key: string, task: () => Promise<void>): Promise<void> {
    while (this.running >= this.limit) await new Promise<void>((resolve) => this.slotWaiters.push(resolve));
    this.running += 1;
    const previous = this.tails.get(key) ?? Promise.resolve();
    const run: Promise<void> = previous
      .then(task)
      .catch(() => undefined)
      .finally(() => {
        this.running -= 1;
        if (this.tails.get(key) === run) this.tails.delete(key);
        this.slotWaiters.shift()?.();
      });
    this.tails.set(key, run);
  }

  /** Resolves when every scheduled task has finished. */
  async drain(): Promise<void> {
    while (this.tails.size > 0) await Promise.all([...this.tails.values()]);
  }
}
