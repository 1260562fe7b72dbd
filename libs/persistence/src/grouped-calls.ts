/**
 * Runs a group of calls at once; answers one outcome per input, in the inputs' order, so that a
 * runner can fail one call and not the others. A runner that throws fails the whole group.
 */
export type GroupRunner<I, O> = (inputs: readonly I[]) => Promise<readonly PromiseSettledResult<O>[]>;

interface Waiting<I, O> {
  readonly input: I;
  resolve(output: O): void;
  reject(error: unknown): void;
}

/** How calls are grouped. */
export interface GroupedCallsOptions {
  /** Most calls in one group. */
  readonly maxGroup: number;
  /** Most groups running at the same time (default 1). */
  readonly concurrency?: number;
  /**
   * Most total weight of one group (with {@link weigh}), e.g. bytes of raw mail: a group stops
   * before the call that would pass it, but always takes at least one call however heavy.
   */
  readonly maxWeight?: number;
}

/**
 * Group commit for database round trips: a call made while fewer than `concurrency` groups run
 * starts one at once (no added latency when the service is quiet); calls made while all run wait
 * and go together in the next group, at most `maxGroup` per group. Under load one round trip then
 * serves many calls, which saves the per-query CPU of the driver and the socket writes.
 */
export class GroupedCalls<I, O> {
  private waiting: Waiting<I, O>[] = [];
  private running = 0;
  private readonly maxGroup: number;
  private readonly concurrency: number;
  private readonly maxWeight: number;

  constructor(
    private readonly runner: GroupRunner<I, O>,
    options: GroupedCallsOptions,
    private readonly weigh: (input: I) => number = () => 0,
  ) {
    this.maxGroup = positive(options.maxGroup, 'maxGroup');
    this.concurrency = positive(options.concurrency ?? 1, 'concurrency');
    this.maxWeight = options.maxWeight === undefined ? Number.POSITIVE_INFINITY : positive(options.maxWeight, 'maxWeight');
  }

  call(input: I): Promise<O> {
    return new Promise<O>((resolve, reject) => {
      this.waiting.push({ input, resolve, reject });
      if (this.running < this.concurrency) void this.drain();
    });
  }

  /** One lane: runs groups until nobody waits. */
  private async drain(): Promise<void> {
    this.running += 1;
    try {
      while (this.waiting.length > 0) {
        const group = this.waiting.slice(0, this.groupSize());
        this.waiting = this.waiting.slice(group.length);
        await this.runGroup(group);
      }
    } finally {
      this.running -= 1;
    }
  }

  /** How many of the waiting calls the next group takes: up to `maxGroup` and `maxWeight`, at least one. */
  private groupSize(): number {
    let weight = 0;
    let n = 0;
    while (n < this.waiting.length && n < this.maxGroup) {
      weight += this.weigh((this.waiting[n] as Waiting<I, O>).input);
      if (n > 0 && weight > this.maxWeight) break;
      n += 1;
    }
    return n;
  }

  private async runGroup(group: readonly Waiting<I, O>[]): Promise<void> {
    try {
      const outcomes = await this.runner(group.map((w) => w.input));
      if (outcomes.length !== group.length) throw new Error(`GroupedCalls: ${outcomes.length} outcomes for ${group.length} calls`);
      group.forEach((w, i) => {
        const outcome = outcomes[i] as PromiseSettledResult<O>;
        if (outcome.status === 'fulfilled') w.resolve(outcome.value);
        else w.reject(outcome.reason);
      });
    } catch (error) {
      for (const w of group) w.reject(error);
    }
  }
}

function positive(value: number, name: string): number {
  if (!Number.isInteger(value) || value < 1) throw new Error(`GroupedCalls: ${name} must be a positive integer`);
  return value;
}
