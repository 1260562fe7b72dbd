import type { EntityManager } from 'typeorm';
import type { Queue } from './queue';
import type { ChannelListener, ChannelLogger } from '@helpdesk/persistence';
import { queueChangeListener } from './queue-change-listener';
import { QueuesRepository } from './queues.repository';

/** Longest a read is kept even without a change notification (a lost NOTIFY costs at most this). */
const KEEP_MS = 5_000;

interface Entry {
  readonly generation: number;
  readonly queues: Promise<readonly Queue[]>;
  readonly until: number;
  /** The queues once the read has completed. */
  resolved?: readonly Queue[];
}

/**
 * The active queues as queue routing's unlocked check (`QueueRouting.mayRoute`) needs them, kept
 * in memory: that check ran one query for about every three new tickets, for queues that change
 * a few times a day. A read is kept until any replica commits a change to a queue, its members or
 * its schedule (LISTEN `ticket_queues_changed`, see the migration `notify-queue-changes`), and at
 * most {@link KEEP_MS}. While the listener is not connected nothing is kept (`current` answers
 * undefined and the caller reads as before), so a change is never missed for longer than its
 * notification takes to arrive — far less than a ticket created after it takes to reach the
 * routing consumer (commit, relay, NATS).
 */
export class ActiveQueuesCache {
  private readonly queues = new QueuesRepository();
  private readonly listener: ChannelListener;
  /** Bumped by every notification: an entry of an older generation is stale. */
  private generation = 0;
  private listening = false;
  private entry: Entry | undefined;

  constructor(databaseUrl: string, logger: ChannelLogger, schema = 'public', private readonly clock: () => number = Date.now) {
    this.listener = queueChangeListener(databaseUrl, schema, { notified: () => this.changed(), lost: () => this.lost() }, logger);
  }

  /** Nest lifecycle: listening starts with the module (a failed first attempt only retries later). */
  async onModuleInit(): Promise<void> {
    await this.listener.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.listener.stop();
  }

  /**
   * The active queues (members and schedule included), read with `reader` when nothing valid is
   * kept; calls arriving while that read runs share it. Undefined while not listening.
   */
  current(reader: EntityManager): Promise<readonly Queue[]> | undefined {
    if (!this.listening) return undefined;
    const now = this.clock();
    if (this.entry && this.entry.generation === this.generation && now < this.entry.until) return this.entry.queues;
    const entry: Entry = { generation: this.generation, queues: this.queues.active(reader), until: now + KEEP_MS };
    this.entry = entry;
    // A failed read is not kept: its callers see the error (their events are retried), the next call reads again.
    entry.queues.then(
      (queues) => {
        entry.resolved = queues;
      },
      () => {
        if (this.entry === entry) this.entry = undefined;
      },
    );
    return entry.queues;
  }

  /** What {@link current} would answer, without waiting: the kept queues when a valid read has completed, else undefined. */
  keptNow(): readonly Queue[] | undefined {
    const entry = this.entry;
    if (!this.listening || !entry || entry.generation !== this.generation || this.clock() >= entry.until) return undefined;
    return entry.resolved;
  }

  private changed(): void {
    this.generation += 1;
    this.entry = undefined;
    this.listening = true;
  }

  private lost(): void {
    this.generation += 1;
    this.entry = undefined;
    this.listening = false;
  }
}
