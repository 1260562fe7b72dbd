import { randomUUID } from 'node:crypto';
import { expectEventually, readEvents } from '@helpdesk/testing';
import type { ConsumerRunner } from '../src/consumer/consumer-runner';
import { DLQ_HEADERS } from '../src/consumer/dead-letter';
import { eventHandler } from '../src/consumer/event-handler';
import { PermanentError } from '../src/consumer/permanent.error';
import { OutboxPublisher } from '../src/outbox/outbox-publisher';
import { backoffDelay } from '../src/util/exponential-backoff';
import { createMessagingHarness, type MessagingHarness } from './support/messaging-harness';
import { effectsOf, inboxRowsOf, publishRaw, recordEffect, RecordingMetrics, testRunner } from './support/consumer-fixtures';
import { note, noteAddedV1 } from './support/test-events';

describe('consumer runner: a failing handler', () => {
  let h: MessagingHarness;
  let runner: ConsumerRunner;
  const metrics = new RecordingMetrics();
  const publisher = new OutboxPublisher({ service: 'ticket' });
  const retry = { initialMs: 150, maxMs: 1_000 };
  const attempts: { note: string; deliveryCount: number; at: number }[] = [];

  const onNoteAdded = eventHandler({
    event: noteAddedV1,
    durable: 'test-note-flaky',
    maxDeliver: 3,
    async handle(event, tx) {
      attempts.push({ note: event.data.note, deliveryCount: tx.deliveryCount, at: Date.now() });
      await recordEffect(tx.manager, event.id, event.data.note);
      if (event.data.note === 'poison') throw new Error('cannot digest poison');
      if (event.data.note === 'hopeless') throw new PermanentError('hopeless by design');
    },
  });

  beforeAll(async () => {
    h = await createMessagingHarness('consumer-dlq');
    runner = testRunner(h, onNoteAdded, { metrics, retry });
    await runner.start();
  });

  afterAll(async () => {
    await runner.stop();
    await h.cleanup();
  });

  const dlq = (count: number) =>
    readEvents(h.nats.nc, { stream: h.nats.naming.streamName('HELPDESK_DLQ'), subject: h.nats.naming.dlqSubject('consumer-test'), count });

  it('retries with back-off, then moves the event to the DLQ with its error while later events go through', async () => {
    const ticket = randomUUID();
    const [poison, ok1, ok2] = publisher.build([
      { event: noteAddedV1, subject: ticket, data: note(ticket, 'poison') },
      { event: noteAddedV1, subject: ticket, data: note(ticket, 'ok1') },
      { event: noteAddedV1, subject: ticket, data: note(ticket, 'ok2') },
    ]);
    for (const event of [poison!, ok1!, ok2!]) await publishRaw(h, noteAddedV1, event);

    const [letter] = await dlq(1);
    expect(letter!.event.id).toBe(poison!.id);
    expect(letter!.event.data).toEqual(poison!.data);
    expect(letter!.headers[DLQ_HEADERS.reason]).toBe('max-deliveries');
    expect(letter!.headers[DLQ_HEADERS.error]).toBe('Error: cannot digest poison');
    expect(letter!.headers[DLQ_HEADERS.subject]).toBe(h.nats.naming.subject(noteAddedV1.type));
    expect(letter!.headers[DLQ_HEADERS.consumer]).toBe(runner.durable);
    expect(letter!.headers[DLQ_HEADERS.deliveries]).toBe('3');

    const poisoned = attempts.filter((a) => a.note === 'poison');
    expect(poisoned.map((a) => a.deliveryCount)).toEqual([1, 2, 3]);
    for (let i = 1; i < poisoned.length; i += 1) {
      expect(poisoned[i]!.at - poisoned[i - 1]!.at).toBeGreaterThanOrEqual(backoffDelay(retry, i) - 10);
    }
    // The events behind the poison were handled while it waited for its retries.
    const order = attempts.map((a) => `${a.note}#${a.deliveryCount}`);
    expect(order.indexOf('ok1#1')).toBeLessThan(order.indexOf('poison#2'));
    expect(await effectsOf(h, ok1!.id)).toBe(1);
    expect(await effectsOf(h, ok2!.id)).toBe(1);
    // Every failed attempt rolled back: no effect and no inbox row for the poison.
    expect(await effectsOf(h, poison!.id)).toBe(0);
    expect(await inboxRowsOf(h, poison!.id)).toBe(0);
    expect(metrics.redeliveries).toBe(2);
    expect(metrics.outcomes.filter((o) => o === 'retried')).toHaveLength(2);
    expect(metrics.outcomes.filter((o) => o === 'dead_lettered')).toHaveLength(1);
    await expectEventually(async () => expect((await h.jsm.consumers.info(runner.stream, runner.durable)).num_ack_pending).toBe(0));
  });

  it('sends a PermanentError to the DLQ without retrying', async () => {
    const ticket = randomUUID();
    const [hopeless] = publisher.build({ event: noteAddedV1, subject: ticket, data: note(ticket, 'hopeless') });
    await publishRaw(h, noteAddedV1, hopeless!);

    const letters = await dlq(2);
    expect(letters[1]!.event.id).toBe(hopeless!.id);
    expect(letters[1]!.headers[DLQ_HEADERS.reason]).toBe('permanent');
    expect(letters[1]!.headers[DLQ_HEADERS.error]).toBe('PermanentError: hopeless by design');
    expect(letters[1]!.headers[DLQ_HEADERS.deliveries]).toBe('1');
    expect(attempts.filter((a) => a.note === 'hopeless')).toHaveLength(1);
    expect(await effectsOf(h, hopeless!.id)).toBe(0);
  });
});
