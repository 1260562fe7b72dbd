import { randomUUID } from 'node:crypto';
import { expectEventually } from '@helpdesk/testing';
import type { ConsumerRunner } from '../src/consumer/consumer-runner';
import { eventHandler } from '../src/consumer/event-handler';
import { OutboxPublisher } from '../src/outbox/outbox-publisher';
import { createMessagingHarness, type MessagingHarness } from './support/messaging-harness';
import { effectsOf, inboxRowsOf, publishRaw, recordEffect, RecordingMetrics, testRunner } from './support/consumer-fixtures';
import { note, noteAddedV1 } from './support/test-events';

describe('consumer runner: a redelivered event', () => {
  let h: MessagingHarness;
  let runner: ConsumerRunner;
  const metrics = new RecordingMetrics();
  const publisher = new OutboxPublisher({ service: 'ticket' });
  const handled: string[] = [];

  const onNoteAdded = eventHandler({
    event: noteAddedV1,
    durable: 'test-note-effects',
    async handle(event, tx) {
      handled.push(event.id);
      await recordEffect(tx.manager, event.id, event.data.note);
    },
  });

  beforeAll(async () => {
    h = await createMessagingHarness('consumer-idempotency');
    runner = testRunner(h, onNoteAdded, { metrics });
    await runner.start();
  });

  afterAll(async () => {
    await runner.stop();
    await h.cleanup();
  });

  it('changes nothing the second time the same event id arrives', async () => {
    const ticket = randomUUID();
    const [event, after] = publisher.build([
      { event: noteAddedV1, subject: ticket, data: note(ticket, 'once') },
      { event: noteAddedV1, subject: ticket, data: note(ticket, 'after') },
    ]);
    // Different Nats-Msg-Ids get past JetStream's de-duplication: the stream holds the event twice.
    await publishRaw(h, noteAddedV1, event!, 'copy-1');
    await publishRaw(h, noteAddedV1, event!, 'copy-2');
    await publishRaw(h, noteAddedV1, after!);

    await expectEventually(async () => expect(await effectsOf(h, after!.id)).toBe(1));
    expect(await effectsOf(h, event!.id)).toBe(1);
    expect(await inboxRowsOf(h, event!.id)).toBe(1);
    expect(handled).toEqual([event!.id, after!.id]);
    expect(metrics.outcomes).toEqual(['handled', 'duplicate', 'handled']);
    await expectEventually(async () => expect((await h.jsm.consumers.info(runner.stream, runner.durable)).num_ack_pending).toBe(0));
  });
});
