import type { CloudEvent } from '@helpdesk/contracts';
import type { OutboxPublisher } from '@helpdesk/messaging';
import type { DataSource } from 'typeorm';
import type { Call } from './call';
import { CallsRepository, type StoredCall } from './calls.repository';

type Write =
  | { readonly kind: 'insert'; readonly call: Call; readonly events: readonly CloudEvent[]; readonly done: (written: number | null) => void; readonly fail: (error: unknown) => void }
  | { readonly kind: 'update'; readonly stored: StoredCall; readonly events: readonly CloudEvent[]; readonly done: (written: number | null) => void; readonly fail: (error: unknown) => void };

/**
 * Group commit for the webhook path: the writes of calls (a new call with its `call.started`, a
 * change at a known revision with its events) that arrive while others are on their way to the
 * database go together as one statement — one round trip and one commit for many webhooks. A
 * quiet gateway writes each at once (after the current turn of the event loop); under load the
 * batches grow by themselves. One write per call per batch, so a call's writes stay in order; a
 * failed batch is retried write by write, so one bad write fails only its own webhook.
 */
export class CallWriter {
  private queue: Write[] = [];
  private inFlight = 0;
  private scheduled = false;

  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxPublisher,
    private readonly options: { readonly maxInFlight: number; readonly maxBatch: number } = { maxInFlight: 4, maxBatch: 256 },
    private readonly calls: Pick<CallsRepository, 'writeMany'> = new CallsRepository(),
  ) {}

  /** Inserts a new call and its events unless its PBX call id is taken; true when inserted. */
  async insert(call: Call, events: readonly CloudEvent[]): Promise<boolean> {
    return (await new Promise<number | null>((done, fail) => this.enqueue({ kind: 'insert', call, events, done, fail }))) !== null;
  }

  /** Writes a changed call and its events if the stored one is still at `stored.revision`; the new revision, or null. */
  update(stored: StoredCall, events: readonly CloudEvent[]): Promise<number | null> {
    return new Promise((done, fail) => this.enqueue({ kind: 'update', stored, events, done, fail }));
  }

  private enqueue(write: Write): void {
    this.queue.push(write);
    if (this.scheduled) return;
    this.scheduled = true;
    // Writes from the same turn of the event loop (several requests read at once) share a batch.
    setImmediate(() => {
      this.scheduled = false;
      this.pump();
    });
  }

  private pump(): void {
    while (this.inFlight < this.options.maxInFlight && this.queue.length > 0) {
      const batch = this.take();
      this.inFlight += 1;
      void this.flush(batch).finally(() => {
        this.inFlight -= 1;
        this.pump();
      });
    }
  }

  /** The next writes in arrival order, at most one per call; the others wait for a later batch. */
  private take(): Write[] {
    const batch: Write[] = [];
    const keys = new Set<string>();
    const rest: Write[] = [];
    for (const write of this.queue) {
      const key = keyOf(write);
      if (batch.length < this.options.maxBatch && !keys.has(key)) {
        keys.add(key);
        batch.push(write);
      } else rest.push(write);
    }
    this.queue = rest;
    return batch;
  }

  private async flush(batch: readonly Write[]): Promise<void> {
    try {
      const written = await this.calls.writeMany(
        this.dataSource.manager,
        this.outbox,
        batch.flatMap((w) => (w.kind === 'insert' ? [w.call] : [])),
        batch.flatMap((w) => (w.kind === 'update' ? [w.stored] : [])),
        batch.flatMap((w) => w.events),
      );
      for (const write of batch) write.done(written.get(write.kind === 'insert' ? write.call.id : write.stored.call.id) ?? null);
    } catch (error) {
      if (batch.length === 1) batch[0]?.fail(error);
      else await Promise.all(batch.map((write) => this.flush([write])));
    }
  }
}

function keyOf(write: Write): string {
  const call = write.kind === 'insert' ? write.call : write.stored.call;
  return `${call.pbxConnectionId}\u0000${call.pbxCallId}`;
}
