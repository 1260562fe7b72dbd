import { randomUUID } from 'node:crypto';
import { defineEvent, type SubjectNaming } from '@helpdesk/contracts';
import { OutboxPublisher, OutboxRelay, connectNats, ensureStreams, silentLogger, type PublishedEvent } from '@helpdesk/messaging';
import { createDataSource, platformMigrations, runMigrations, withTransaction } from '@helpdesk/persistence';
import { createTestDatabase, createTestNats } from '@helpdesk/testing';
import { jetstreamManager } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/nats-core';
import type { DataSource } from 'typeorm';
import { z } from 'zod';

/**
 * Outbox → JetStream: (a) events committed and relayed per second with 8 concurrent writers,
 * and (b) commit→ack delay at a steady 1 000 events/s. Real PostgreSQL and NATS, own database
 * and subject prefix, both removed afterwards.
 */

const benchRecordedV1 = defineEvent({
  type: 'helpdesk.ticket.bench.recorded.v1',
  domain: 'ticket',
  description: 'Benchmark event shaped like a ticket change.',
  schema: z.object({
    ticketId: z.uuid(),
    version: z.number().int(),
    status: z.enum(['new', 'open', 'pending', 'resolved', 'closed']),
    priority: z.enum(['low', 'normal', 'high', 'urgent']),
    customerId: z.uuid(),
    assigneeId: z.uuid().nullable(),
    subject: z.string(),
    updatedAt: z.iso.datetime(),
  }),
  example: {
    ticketId: '01890f0e-8c5a-7cc1-9a3e-3f2b6c7d8e9f',
    version: 1,
    status: 'new',
    priority: 'normal',
    customerId: '01890f0e-8c5a-7cc1-9a3e-3f2b6c7d8e90',
    assigneeId: null,
    subject: 'Printer on floor 3 is offline',
    updatedAt: '2026-11-23T10:15:00.000Z',
  },
});

const THROUGHPUT = { writers: 8, eventsPerTransaction: 5, totalEvents: 50_000 };
const LATENCY = { eventsPerSecond: 1_000, seconds: 10, eventsPerTransaction: 2, tickMs: 10 };

/** The printed figures. */
export interface OutboxBenchResult {
  readonly relayedPerSecond: number;
  readonly committedPerSecond: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly drainedPerSecond: number;
}

function data(ticketId: string, version: number) {
  return {
    ticketId,
    version,
    status: 'open' as const,
    priority: 'normal' as const,
    customerId: ticketId,
    assigneeId: null,
    subject: 'Printer on floor 3 is offline since the firmware update',
    updatedAt: new Date().toISOString(),
  };
}

/** Resolves when `count` events have been acked, recording ack times. */
class AckCounter {
  acked = 0;
  lastAckAt = 0;
  readonly ackAt = new Map<string, number>();
  private waiting: { count: number; done: () => void } | undefined;

  readonly onPublished = (events: readonly PublishedEvent[]): void => {
    for (const e of events) {
      this.ackAt.set(e.eventId, e.ackedAtMs);
      if (e.ackedAtMs > this.lastAckAt) this.lastAckAt = e.ackedAtMs;
    }
    this.acked += events.length;
    if (this.waiting && this.acked >= this.waiting.count) this.waiting.done();
  };

  until(count: number): Promise<void> {
    if (this.acked >= count) return Promise.resolve();
    return new Promise((done) => (this.waiting = { count, done }));
  }
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** 8 writers commit the throughput workload; resolves with the first and last commit times. */
async function measureWrites(dataSource: DataSource, publisher: OutboxPublisher): Promise<{ startedAt: number; firstCommitAt: number; committedAt: number }> {
  const perWriter = THROUGHPUT.totalEvents / THROUGHPUT.writers / THROUGHPUT.eventsPerTransaction;
  let firstCommitAt = 0;
  const startedAt = Date.now();
  await Promise.all(
    Array.from({ length: THROUGHPUT.writers }, async () => {
      const ticket = randomUUID();
      for (let t = 0; t < perWriter; t += 1) {
        const entries = Array.from({ length: THROUGHPUT.eventsPerTransaction }, (_, i) => ({
          event: benchRecordedV1,
          subject: ticket,
          data: data(ticket, t * THROUGHPUT.eventsPerTransaction + i),
        }));
        await withTransaction(dataSource, (m) => publisher.add(m, entries));
        if (firstCommitAt === 0) firstCommitAt = Date.now();
      }
    }),
  );
  return { startedAt, firstCommitAt, committedAt: Date.now() };
}

async function measureThroughput(dataSource: DataSource, publisher: OutboxPublisher, acks: AckCounter) {
  const { startedAt, firstCommitAt, committedAt } = await measureWrites(dataSource, publisher);
  await acks.until(THROUGHPUT.totalEvents);
  return {
    relayedPerSecond: THROUGHPUT.totalEvents / ((acks.lastAckAt - firstCommitAt) / 1_000),
    committedPerSecond: THROUGHPUT.totalEvents / ((committedAt - startedAt) / 1_000),
  };
}

async function measureLatency(dataSource: DataSource, publisher: OutboxPublisher, acks: AckCounter, alreadyAcked: number) {
  const commitAt = new Map<string, number>();
  const transactionsPerTick = (LATENCY.eventsPerSecond * LATENCY.tickMs) / 1_000 / LATENCY.eventsPerTransaction;
  const ticks = (LATENCY.seconds * 1_000) / LATENCY.tickMs;
  const start = Date.now();
  const inFlight: Promise<void>[] = [];
  for (let tick = 0; tick < ticks; tick += 1) {
    // Drift-free pacing: each tick is due at start + tick·tickMs, whatever the previous one cost.
    const due = start + tick * LATENCY.tickMs;
    if (due > Date.now()) await new Promise((r) => setTimeout(r, due - Date.now()));
    for (let t = 0; t < transactionsPerTick; t += 1) {
      const ticket = randomUUID();
      const entries = Array.from({ length: LATENCY.eventsPerTransaction }, (_, i) => ({ event: benchRecordedV1, subject: ticket, data: data(ticket, i) }));
      inFlight.push(
        withTransaction(dataSource, (m) => publisher.add(m, entries)).then((events) => {
          const at = performance.timeOrigin + performance.now(); // same clock as the relay's ack time
          for (const e of events) commitAt.set(e.id, at);
        }),
      );
    }
  }
  await Promise.all(inFlight);
  const offered = commitAt.size / ((Date.now() - start) / 1_000);
  await acks.until(alreadyAcked + commitAt.size);
  const delays = [...commitAt].map(([id, at]) => Math.max(0, (acks.ackAt.get(id) ?? Number.NaN) - at)).sort((a, b) => a - b);
  return { offered, events: commitAt.size, p50Ms: percentile(delays, 50), p99Ms: percentile(delays, 99), maxMs: delays.at(-1) ?? Number.NaN };
}

/** Stops the running relay, commits a backlog, then times a fresh relay publishing all of it. */
async function measureDrain(
  dataSource: DataSource,
  publisher: OutboxPublisher,
  databaseUrl: string,
  nc: NatsConnection,
  naming: SubjectNaming,
  running: OutboxRelay,
) {
  await running.stop();
  await measureWrites(dataSource, publisher);
  const acks = new AckCounter();
  const relay = new OutboxRelay({ databaseUrl, nc, naming, logger: silentLogger, onPublished: acks.onPublished });
  const startedAt = Date.now();
  try {
    relay.start();
    await acks.until(THROUGHPUT.totalEvents);
    return { perSecond: THROUGHPUT.totalEvents / ((acks.lastAckAt - startedAt) / 1_000), passes: relay.stats.passes };
  } finally {
    await relay.stop();
  }
}

/** Runs the measurements and prints them; returns the figures. */
export async function runOutboxThroughput(): Promise<OutboxBenchResult> {
  const db = await createTestDatabase('bench-outbox');
  const nats = await createTestNats('bench-outbox');
  const dataSource: DataSource = createDataSource({ url: db.url, entities: [], migrations: [...platformMigrations], poolSize: 12 });
  const relayNc = await connectNats({ url: nats.url, name: 'bench-relay' });
  const acks = new AckCounter();
  const relay = new OutboxRelay({ databaseUrl: db.url, nc: relayNc, naming: nats.naming, logger: silentLogger, onPublished: acks.onPublished });
  try {
    await dataSource.initialize();
    await runMigrations(dataSource);
    await ensureStreams(await jetstreamManager(nats.nc), nats.naming, { maxAgeMs: 3_600_000, duplicateWindowMs: 120_000 });
    const publisher = new OutboxPublisher({ service: 'bench' });
    relay.start();

    const cpuBefore = process.cpuUsage();
    const passesBefore = relay.stats.passes;
    const throughput = await measureThroughput(dataSource, publisher, acks);
    const cpu = process.cpuUsage(cpuBefore);
    const passes = relay.stats.passes - passesBefore;
    console.log(
      `outbox-throughput (a) ${THROUGHPUT.writers} writers × ${THROUGHPUT.eventsPerTransaction} events/transaction, ${THROUGHPUT.totalEvents} events:\n` +
        `  relayed to JetStream: ${throughput.relayedPerSecond.toFixed(0)} events/s (first commit → last ack; target ≥ 5000)\n` +
        `  committed by writers: ${throughput.committedPerSecond.toFixed(0)} events/s\n` +
        `  relay passes: ${passes} (${(THROUGHPUT.totalEvents / passes).toFixed(1)} events/pass); benchmark process CPU ${((cpu.user + cpu.system) / 1_000).toFixed(0)} ms`,
    );

    const latency = await measureLatency(dataSource, publisher, acks, acks.acked);
    console.log(
      `outbox-throughput (b) steady load ${latency.offered.toFixed(0)} events/s for ${LATENCY.seconds} s (${latency.events} events, ${LATENCY.eventsPerTransaction}/transaction):\n` +
        `  commit → JetStream ack: p50 ${latency.p50Ms.toFixed(1)} ms, p99 ${latency.p99Ms.toFixed(1)} ms, max ${latency.maxMs.toFixed(1)} ms (target p99 < 50 ms)`,
    );

    const drain = await measureDrain(dataSource, publisher, db.url, relayNc, nats.naming, relay);
    console.log(
      `outbox-throughput (c) relay alone draining a backlog of ${THROUGHPUT.totalEvents} committed events:\n` +
        `  ${drain.perSecond.toFixed(0)} events/s (${drain.passes} passes)`,
    );
    return { ...throughput, p50Ms: latency.p50Ms, p99Ms: latency.p99Ms, drainedPerSecond: drain.perSecond };
  } finally {
    await relay.stop();
    await relayNc.close();
    if (dataSource.isInitialized) await dataSource.destroy();
    await nats.cleanup();
    await db.drop();
  }
}
