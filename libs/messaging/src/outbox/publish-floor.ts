/**
 * The position below which the relay stops looking on ordinary passes: the highest position it
 * published whose row is older than `lagMs`. Rows below it are published, or belong to a
 * transaction that stayed open longer than `lagMs` (the periodic full sweep finds those).
 */
export class PublishFloor {
  private floor = 0n;
  private recent: { position: bigint; createdAtMs: number }[] = [];
  private head = 0;

  constructor(private readonly lagMs: number) {}

  /** The floor as a bigint string, for the query. */
  get value(): string {
    return this.floor.toString();
  }

  /** Records published rows and moves the floor past those older than the lag. */
  published(rows: readonly { readonly position: string; readonly createdAtMs: number }[], nowMs: number): void {
    for (const row of rows) this.recent.push({ position: BigInt(row.position), createdAtMs: row.createdAtMs });
    this.advance(nowMs);
  }

  /** Moves the floor past rows that have become old enough. */
  advance(nowMs: number): void {
    const horizon = nowMs - this.lagMs;
    while (this.head < this.recent.length) {
      const next = this.recent[this.head];
      if (!next || next.createdAtMs > horizon) break;
      if (next.position > this.floor) this.floor = next.position;
      this.head += 1;
    }
    if (this.head > 1_024 && this.head * 2 > this.recent.length) {
      this.recent = this.recent.slice(this.head);
      this.head = 0;
    }
  }

  /** Back to the start of the table (a new lock holder knows nothing of its predecessor). */
  reset(): void {
    this.floor = 0n;
    this.recent = [];
    this.head = 0;
  }
}
