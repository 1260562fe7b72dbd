import { Wakeup } from './wakeup';

/**
 * Collects items into batches of at most `size` and hands them to `flush` one batch at a time,
 * in arrival order. A batch is whatever arrived while the previous one was flushed (at least
 * one item, never a timer), so a busy consumer gets large batches and a quiet one no delay.
 * `push` waits while two batches are queued, so the caller pulls no faster than batches finish.
 * A rejection of `flush` is its own business: it is swallowed here, so handle errors inside.
 */
export class Batcher<T> {
  private queue: T[] = [];
  private worker: Promise<void> | undefined;
  private readonly room = new Wakeup();

  constructor(
    private readonly size: number,
    private readonly flush: (batch: T[]) => Promise<void>,
  ) {
    if (!Number.isInteger(size) || size < 1) throw new Error(`Batcher: size must be a positive integer (got ${size})`);
  }

  async push(item: T): Promise<void> {
    this.queue.push(item);
    this.worker ??= this.work();
    while (this.queue.length >= this.size * 2) await this.room.wait(1_000);
  }

  /** Resolves when every pushed item has been flushed. */
  async drain(): Promise<void> {
    while (this.worker) await this.worker;
  }

  private async work(): Promise<void> {
    try {
      while (this.queue.length > 0) {
        // Let the items that are already buffered (e.g. by a NATS pull) join this batch.
        await new Promise<void>((resolve) => setImmediate(resolve));
        const batch = this.queue.splice(0, this.size);
        await this.flush(batch).catch(() => undefined);
        this.room.wake();
      }
    } finally {
      this.worker = undefined;
    }
  }
}
