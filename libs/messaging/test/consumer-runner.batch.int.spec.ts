import { randomUUID } from 'node:crypto';
import type { CloudEvent } from '@helpdesk/contracts';
import { expectEventually, readEvents } from '@helpdesk/testing';
import type { EntityManager } from 'typeorm';
import type { ConsumerRunner } from '../src/consumer/consumer-runner';
import { DLQ_HEADERS } from '../src/consumer/dead-letter';
import { eventHandler } from '../src/consumer/event-handler';
import { OutboxPublisher } from '../src/outbox/outbox-publisher';
import { createMessagingHarness, type MessagingHarness } from './support/messaging-harness';
import { effectsOf, inboxRowsOf, publishRaw, RecordingMetrics, testRunner } from './support/consumer-fixtures';
import { note, noteAddedV1 } from './support/test-events';

/** The batch's effect in one statement, as a bulk handler writes it. */
async function recordEffects(manager: EntityManager, events: readonly CloudEvent<{ note: string }>[]): Promise<void> {
  await manager.query(`INSERT INTO test_effects (event_id, note) SELECT * FROM unnest($1::text[], $2::text[])`, [events.map((e) => e.id), events.map((e) => e.data.note)]);
}

describe('consumer runner: a handler with handleBatch', () => {
  let h: MessagingHarness;
  let runner: ConsumerRunner;
  const metrics = new RecordingMetrics();
  const publisher = new OutboxPublisher({ service: 'ticket' });
  const batches: string[][] = [];
  const singles: string[] = [];

  const onNoteAdded = eventHandler({
    event: noteAddedV1,
    durable: 'test-note-batches',
    maxDeliver: 2,
    batchSize: 20,
    async handle(event, tx) {
      singles.push(event.data.note);
      if (event.data.note === 'poison') throw new Error('cannot digest poison');
      await recordEffects(tx.manager, [event]);
    },
    async handleBatch(events, tx) {
      batches.push(events.map((e) => e.data.note));
      await recordEffects(tx.manager, events);
      if (events.some((e) => e.data.note === 'poison')) throw new Error('cannot digest poison');
    },
  });

  beforeAll(async () => {
    h = await createMessagingHarness('consumer-batch');
  });

  afterAll(async () => {
    await runner.stop();
    await h.cleanup();
  });

  it('handles waiting events in batches of one transaction each, once per event id, and isolates a poison event', async () => {
    const ticket = randomUUID();
    const events = publisher.build(Array.from({ length: 50 }, (_, i) => ({ event: noteAddedV1, subject: ticket, data: note(ticket, i === 37 ? 'poison' : `n${i}`) })));
    for (const event of events) await publishRaw(h, noteAddedV1, event);
    // The same event id twice in the stream (a relay that published it again after the duplicate window).
    await publishRaw(h, noteAddedV1, events[3]!, 'copy-of-3');
    await publishRaw(h, noteAddedV1, events[45]!, 'copy-of-45');

    runner = testRunner(h, onNoteAdded, { metrics, retry: { initialMs: 50, maxMs: 200 } });
    await runner.start();

    const [letter] = await readEvents(h.nats.nc, { stream: h.nats.naming.streamName('HELPDESK_DLQ'), subject: h.nats.naming.dlqSubject('consumer-test'), count: 1 });
    expect(letter!.event.id).toBe(events[37]!.id);
    expect(letter!.headers[DLQ_HEADERS.reason]).toBe('max-deliveries');
    await expectEventually(async () => expect((await h.jsm.consumers.info(runner.stream, runner.durable)).num_ack_pending).toBe(0));

    for (const [i, event] of events.entries()) {
      expect(await effectsOf(h, event.id)).toBe(i === 37 ? 0 : 1);
      expect(await inboxRowsOf(h, event.id)).toBe(i === 37 ? 0 : 1);
    }
    // Events were waiting, so they came in batches of up to 20 (what the socket had delivered when a
    // batch started: all 20 on a quiet machine, fewer on a busy one), in stream order.
    expect(batches[0]?.[0]).toBe('n0');
    expect(Math.max(...batches.map((b) => b.length))).toBeGreaterThan(1);
    expect(Math.max(...batches.map((b) => b.length))).toBeLessThanOrEqual(20);
    const firstSeen = [...new Set(batches.flat().filter((n) => n !== 'poison'))];
    expect(firstSeen).toEqual([...firstSeen].sort((a, b) => Number(a.slice(1)) - Number(b.slice(1))));
    // Only failed batches went one by one: the poison's, and on a busy machine also the batch its
    // redelivery joined when later events were still waiting. Good events once each, the poison until the DLQ.
    expect(singles.filter((n) => n === 'poison')).toHaveLength(2);
    const goodSingles = singles.filter((n) => n !== 'poison');
    expect(new Set(goodSingles).size).toBe(goodSingles.length);
    expect(goodSingles.length).toBeLessThan(2 * 20);
    expect(metrics.outcomes.filter((o) => o === 'handled')).toHaveLength(49);
    expect(metrics.outcomes.filter((o) => o === 'duplicate')).toHaveLength(2);
    expect(metrics.outcomes.filter((o) => o === 'dead_lettered')).toHaveLength(1);
  });

  it('rolls back a batch whose database connection dies mid-transaction and handles its events exactly once', async () => {
    let killed = false;
    const dying = testRunner(
      h,
      eventHandler({
        event: noteAddedV1,
        durable: 'test-note-dying',
        async handle(event, tx) {
          await recordEffects(tx.manager, [{ ...event, data: { note: 'dying' } }]);
        },
        async handleBatch(events, tx) {
          await recordEffects(tx.manager, events.map((e) => ({ ...e, data: { note: 'dying' } })));
          if (!killed) {
            killed = true;
            // The replica's session ends with the batch's transaction open, as when its process dies.
            await tx.manager.query('SELECT pg_terminate_backend(pg_backend_pid())');
          }
        },
      }),
    );
    const ticket = randomUUID();
    const events = publisher.build(Array.from({ length: 10 }, (_, i) => ({ event: noteAddedV1, subject: ticket, data: note(ticket, `d${i}`) })));
    for (const event of events) await publishRaw(h, noteAddedV1, event);
    await dying.start();
    try {
      // The other runner of this file reads the same subject: count this consumer's rows only.
      const mine = async (sql: string, id: string) => Number((await h.dataSource.query<{ n: string }[]>(sql, [id, dying.durable]))[0]?.n);
      const effects = (id: string) => mine(`SELECT count(*) AS n FROM test_effects WHERE event_id = $1 AND note = 'dying' AND $2::text IS NOT NULL`, id);
      const inbox = (id: string) => mine(`SELECT count(*) AS n FROM inbox WHERE event_id = $1 AND consumer = $2`, id);
      await expectEventually(async () => expect(await effects(events[9]!.id)).toBe(1));
      await expectEventually(async () => expect((await h.jsm.consumers.info(dying.stream, dying.durable)).num_ack_pending).toBe(0));
      expect(killed).toBe(true);
      for (const event of events) {
        expect(await effects(event.id)).toBe(1);
        expect(await inbox(event.id)).toBe(1);
      }
    } finally {
      await dying.stop();
    }
  });

  it('changes nothing when an event that a batch handled arrives again', async () => {
    const ticket = randomUUID();
    const [event] = publisher.build([{ event: noteAddedV1, subject: ticket, data: note(ticket, 'again') }]);
    await publishRaw(h, noteAddedV1, event!, 'first');
    await expectEventually(async () => expect(await effectsOf(h, event!.id)).toBe(1));
    const duplicates = metrics.outcomes.filter((o) => o === 'duplicate').length;
    await publishRaw(h, noteAddedV1, event!, 'second');
    await expectEventually(async () => expect(metrics.outcomes.filter((o) => o === 'duplicate')).toHaveLength(duplicates + 1));
    expect(await effectsOf(h, event!.id)).toBe(1);
  });
});
