import { AdvisoryLock } from '@helpdesk/persistence';
import { jetstream, type JetStreamClient } from '@nats-io/jetstream';
import { headers } from '@nats-io/nats-core';
import { SpanStatusCode } from '@opentelemetry/api';
import { Pool } from 'pg';
import { stderrLogger, type MessagingLogger } from '../logging/messaging-logger';
import type { OutboxRelayMetrics } from '../metrics/messaging-metrics';
import { startPublishSpan } from '../tracing/messaging-spans';
import { backoffDelay } from '../util/exponential-backoff';
import { platformTable } from '../util/platform-table';
import { Wakeup } from '../util/wakeup';
import type { ChannelListener } from '@helpdesk/persistence';
import { outboxListener } from './outbox-listener';
import type { OutboxRelayOptions, OutboxRelayStats, PublishedEvent } from './outbox-relay.options';
import { OutboxRelayStore, type RelayRow } from './outbox-relay.store';
import { oversizedByError, oversizedByServerLimit, type Oversized } from './oversized-event';
import { PublishFloor } from './publish-floor';

interface PassResult {
  readonly read: number;
  readonly published: number;
  readonly error?: Error;
}

type Outcome =
  | { readonly row: RelayRow; readonly acked: PublishedEvent }
  | { readonly row: RelayRow; readonly oversized: Oversized }
  | { readonly row: RelayRow; readonly error: Error };

type OversizedOutcome = Extract<Outcome, { oversized: Oversized }>;

const noMetrics: OutboxRelayMetrics = { setBacklog: () => undefined, published: () => undefined, observeCommitToAck: () => undefined, parked: () => undefined };

/**
 * Publishes outbox rows to JetStream in `position` order. Every replica runs one; the holder of
 * the `outbox-relay` advisory lock relays, the others retry the lock and take over when the
 * holder's connection closes. A pass reads the next unpublished rows, publishes them pipelined
 * (all publishes sent, then the acks awaited together; one connection keeps their order) with
 * `Nats-Msg-Id` = event id, and marks the acknowledged prefix published. It stops at the first
 * failed ack, so later rows are published again next time and JetStream's duplicate window
 * drops the copies. While NATS is unreachable rows simply wait.
 *
 * A row NATS refuses for its size (over the server's `max_payload`, known from the connection's
 * server info and then not even attempted, or over a stream's `max_msg_size`) would fail on every
 * retry and hold up everything behind it, so it is parked instead: moved whole to `outbox_parked`
 * with the reason, counted and logged at error level, and the pass goes on as if it had been
 * acknowledged. Later events, also of the same aggregate, then overtake it.
 */
export class OutboxRelay {
  /** Counters of this instance. */
  readonly stats: OutboxRelayStats = { published: 0, duplicates: 0, parked: 0, passes: 0, failedPasses: 0, lockAcquisitions: 0 };

  private readonly js: JetStreamClient;
  private readonly pool: Pool;
  private readonly store: OutboxRelayStore;
  private readonly lock: AdvisoryLock;
  private readonly listener: ChannelListener;
  private readonly floor: PublishFloor;
  private readonly logger: MessagingLogger;
  private readonly metrics: OutboxRelayMetrics;
  private readonly idle = new Wakeup();
  private readonly retry = new Wakeup();
  private exclusive: Promise<unknown> = Promise.resolve();
  private loop: Promise<void> | undefined;
  private stopping = false;
  private leader = false;
  private natsUp = true;
  private failures = 0;
  private nextPurgeAt = 0;
  private nextSweepAt = 0;
  private nextBacklogAt = 0;

  constructor(private readonly options: OutboxRelayOptions) {
    this.js = jetstream(options.nc);
    this.logger = options.logger ?? stderrLogger;
    this.metrics = options.metrics ?? noMetrics;
    this.pool = new Pool({ connectionString: options.databaseUrl, max: 2, application_name: 'outbox-relay' });
    this.pool.on('error', (err) => this.logger.warn({ err }, 'outbox relay: idle database connection failed'));
    this.store = new OutboxRelayStore(this.pool, platformTable('outbox', options.schema), platformTable('outbox_parked', options.schema));
    const lockName = options.lockName ?? (options.schema ? `outbox-relay:${options.schema}` : 'outbox-relay');
    this.lock = new AdvisoryLock(options.databaseUrl, lockName);
    this.floor = new PublishFloor(options.floorLagMs ?? 10_000);
    this.listener = outboxListener(options.databaseUrl, options.schema ?? 'public', () => this.idle.wake(), this.logger);
  }

  /** True while this instance holds the lock and relays. */
  get isLeader(): boolean {
    return this.leader;
  }

  /** Starts the relay loop (returns at once). */
  start(): void {
    if (this.loop) return;
    void this.watchNats();
    this.loop = this.run();
  }

  /**
   * Publishes everything pending now and resolves when the outbox is empty (at shutdown and in
   * tests). Does nothing on a standby replica: the lock holder relays. Rejects when a pass fails
   * or the deadline passes.
   */
  async flush(options: { timeoutMs?: number } = {}): Promise<void> {
    const deadline = Date.now() + (options.timeoutMs ?? 30_000);
    if (!(await this.holdLock())) return;
    for (;;) {
      const result = await this.runExclusive(() => this.pass(true));
      if (result.error) throw result.error;
      if (result.read < this.batchSize) return;
      if (Date.now() > deadline) throw new Error('outbox relay: flush did not finish before its deadline');
    }
  }

  /** Stops after the pass in flight, releases the lock and closes the relay's connections. */
  async stop(): Promise<void> {
    this.stopping = true;
    this.idle.wake();
    this.retry.wake();
    await this.loop;
    await this.exclusive.catch(() => undefined);
    await this.listener.stop();
    await this.lock.release();
    this.leader = false;
    await this.pool.end().catch(() => undefined);
  }

  private get batchSize(): number {
    return this.options.batchSize ?? 500;
  }

  private async run(): Promise<void> {
    while (!this.stopping) {
      try {
        if (!(await this.holdLock())) {
          await this.retry.wait(this.options.lockRetryMs ?? 2_000);
          continue;
        }
        await this.housekeeping();
        if (!this.natsUp) {
          await this.retry.wait(this.options.pollIntervalMs ?? 1_000);
          continue;
        }
        const sweep = Date.now() >= this.nextSweepAt;
        if (sweep) this.nextSweepAt = Date.now() + (this.options.sweepIntervalMs ?? 10_000);
        const result = await this.runExclusive(() => this.pass(sweep));
        if (result.error) {
          await this.backOff(result.error);
          continue;
        }
        this.failures = 0;
        if (result.read < this.batchSize) {
          await this.idle.wait(this.options.pollIntervalMs ?? 1_000);
          this.floor.advance(Date.now());
          // Gather the rows of commits arriving close together into one pass (fewer queries under load).
          if (this.options.coalesceMs && !this.stopping) await new Promise((resolve) => setTimeout(resolve, this.options.coalesceMs));
        }
      } catch (error) {
        await this.backOff(error instanceof Error ? error : new Error(String(error)));
      }
    }
  }

  private async holdLock(): Promise<boolean> {
    if (this.stopping) return false;
    const held = await this.lock.tryAcquire();
    if (held && !this.leader) {
      this.leader = true;
      this.stats.lockAcquisitions += 1;
      this.floor.reset();
      this.nextSweepAt = 0;
      this.logger.info({ lock: this.lock.name }, 'outbox relay: took the lock, relaying');
      if (this.loop) await this.listener.start();
    } else if (!held && this.leader) {
      this.leader = false;
      this.logger.warn({ lock: this.lock.name }, 'outbox relay: lost the lock, standing by');
      await this.listener.stop();
    }
    return held;
  }

  private async backOff(error: Error): Promise<void> {
    this.failures += 1;
    this.stats.failedPasses += 1;
    const delay = backoffDelay(this.options.retry ?? { initialMs: 100, maxMs: 10_000 }, this.failures);
    this.logger.warn({ err: error, failures: this.failures, retryInMs: delay }, 'outbox relay: pass failed, backing off');
    await this.retry.wait(delay);
  }

  private runExclusive<T>(work: () => Promise<T>): Promise<T> {
    const next = this.exclusive.then(work, work);
    this.exclusive = next.catch(() => undefined);
    return next;
  }

  /** Publishes the next batch: from the floor, or from the start of the table when `sweep`. */
  private async pass(sweep: boolean): Promise<PassResult> {
    this.stats.passes += 1;
    const rows = await this.store.next(this.batchSize, sweep ? '0' : this.floor.value);
    if (rows.length === 0) return { read: 0, published: 0 };
    const outcomes = await Promise.all(rows.map((row) => this.publish(row)));
    const failedAt = outcomes.findIndex((o) => 'error' in o);
    const acked: PublishedEvent[] = [];
    const oversized: OversizedOutcome[] = [];
    for (const outcome of failedAt === -1 ? outcomes : outcomes.slice(0, failedAt)) {
      if ('acked' in outcome) acked.push(outcome.acked);
      else if ('oversized' in outcome) oversized.push(outcome);
    }
    if (acked.length > 0) await this.markPublished(acked);
    if (oversized.length > 0) await this.park(oversized);
    const failed = failedAt === -1 ? undefined : outcomes[failedAt];
    if (failed && 'error' in failed) {
      await this.store.recordFailure(failed.row.position, failed.error.message);
      return { read: rows.length, published: acked.length, error: failed.error };
    }
    return { read: rows.length, published: acked.length };
  }

  private async publish(row: RelayRow): Promise<Outcome> {
    const early = oversizedByServerLimit(row.envelope, this.maxPayload());
    if (early) return { row, oversized: early };
    const subject = this.options.naming.subject(row.type);
    const h = headers();
    const { span } = startPublishSpan(
      subject,
      row.eventId,
      { ...(row.traceparent ? { traceparent: row.traceparent } : {}), ...(row.tracestate ? { tracestate: row.tracestate } : {}) },
      h,
    );
    try {
      const ack = await this.js.publish(subject, row.envelope, {
        msgID: row.eventId,
        headers: h,
        timeout: this.options.publishTimeoutMs ?? 5_000,
      });
      span.setAttribute('messaging.nats.stream_sequence', ack.seq);
      const acked = { eventId: row.eventId, position: row.position, createdAtMs: row.createdAtMs, ackedAtMs: performance.timeOrigin + performance.now(), duplicate: ack.duplicate };
      return { row, acked };
    } catch (error) {
      const err = error instanceof Error ? error : new Error(String(error));
      span.recordException(err);
      span.setStatus({ code: SpanStatusCode.ERROR, message: err.message });
      const oversized = oversizedByError(error, row.envelope, this.maxPayload());
      return oversized ? { row, oversized } : { row, error: err };
    } finally {
      span.end();
    }
  }

  /** The connected server's `max_payload` (refreshed by nats.js on every INFO, e.g. after a reconnect). */
  private maxPayload(): number | undefined {
    return this.options.nc.info?.max_payload;
  }

  private async park(outcomes: readonly OversizedOutcome[]): Promise<void> {
    const moved = new Set(
      await this.store.park(outcomes.map((o) => ({ position: o.row.position, sizeBytes: o.oversized.sizeBytes, reason: o.oversized.reason }))),
    );
    const maxPayload = this.maxPayload();
    for (const { row, oversized } of outcomes) {
      if (!moved.has(row.position)) continue;
      this.logger.error(
        { eventId: row.eventId, type: row.type, position: row.position, sizeBytes: oversized.sizeBytes, maxPayload, reason: oversized.reason },
        'outbox relay: event too large for NATS, parked in outbox_parked (later events go ahead); raise max_payload, then requeue it with requeueParkedEvents() or the SQL in libs/messaging/README.md, "Events too large for NATS"',
      );
    }
    this.stats.parked += moved.size;
    if (moved.size > 0) this.metrics.parked(moved.size);
  }

  private async markPublished(acked: readonly PublishedEvent[]): Promise<void> {
    await this.store.markPublished(acked.map((a) => a.position));
    this.floor.published(acked, Date.now());
    let duplicates = 0;
    for (const a of acked) {
      if (a.duplicate) duplicates += 1;
      this.metrics.observeCommitToAck(Math.max(0, a.ackedAtMs - a.createdAtMs) / 1_000);
    }
    this.stats.published += acked.length;
    this.stats.duplicates += duplicates;
    this.metrics.published(acked.length);
    this.options.onPublished?.(acked);
  }

  private async housekeeping(): Promise<void> {
    const now = Date.now();
    if (now >= this.nextBacklogAt) {
      this.nextBacklogAt = now + (this.options.backlogIntervalMs ?? 5_000);
      this.metrics.setBacklog(await this.store.backlog(this.floor.value));
    }
    if (now >= this.nextPurgeAt) {
      this.nextPurgeAt = now + (this.options.purgeIntervalMs ?? 3_600_000);
      const purged = await this.store.purge(this.options.retentionMs ?? 7 * 86_400_000);
      if (purged > 0) this.logger.info({ purged }, 'outbox relay: deleted old published rows');
    }
  }

  private async watchNats(): Promise<void> {
    for await (const status of this.options.nc.status()) {
      if (this.stopping) return;
      if (status.type === 'disconnect') this.natsUp = false;
      if (status.type === 'reconnect') {
        this.natsUp = true;
        this.failures = 0;
        this.retry.wake();
        this.idle.wake();
      }
    }
  }
}
