import { randomUUID } from 'node:crypto';
import { expectEventually } from '@helpdesk/testing';
import type { ConsumerRunner } from '../src/consumer/consumer-runner';
import { eventHandler } from '../src/consumer/event-handler';
import { OutboxPublisher } from '../src/outbox/outbox-publisher';
import { createMessagingHarness, type MessagingHarness } from './support/messaging-harness';
import { effectsOf, inboxRowsOf, publishRaw, recordEffect, RecordingMetrics, testRunner } from './support/consumer-fixtures';
import { note, noteAddedV1 } from './support/test-events';

describe('consumer runner: a handler that says which events apply to it', () => {
  let h: MessagingHarness;
  let runner: ConsumerRunner;
  const metrics = new RecordingMetrics();
  const publisher = new OutboxPublisher({ service: 'ticket' });
  const asked: string[] = [];
  let failOnce = true;

  const onImportantNote = eventHandler({
    event: noteAddedV1,
    durable: 'test-note-applies-to',
    async appliesTo(event, reader) {
      asked.push(event.data.note);
      if (event.data.note === 'flaky' && failOnce) {
        failOnce = false;
        throw new Error('reader unavailable');
      }
      // The reader works outside the handler's transaction.
      const [row] = (await reader.query('SELECT 1 AS one')) as { one: number }[];
      return row?.one === 1 && event.data.note !== 'ignore me';
    },
    async handle(event, tx) {
      await recordEffect(tx.manager, event.id, event.data.note);
    },
  });

  beforeAll(async () => {
    h = await createMessagingHarness('consumer-applies-to');
    runner = testRunner(h, onImportantNote, { metrics });
    await runner.start();
  });

  afterAll(async () => {
    await runner.stop();
    await h.cleanup();
  });

  it('acknowledges an event that does not apply without a transaction or inbox row, and handles the others', async () => {
    const ticket = randomUUID();
    const [ignored, handled] = publisher.build([
      { event: noteAddedV1, subject: ticket, data: note(ticket, 'ignore me') },
      { event: noteAddedV1, subject: ticket, data: note(ticket, 'handle me') },
    ]);
    await publishRaw(h, noteAddedV1, ignored!);
    await publishRaw(h, noteAddedV1, handled!);

    await expectEventually(async () => expect(await effectsOf(h, handled!.id)).toBe(1));
    expect(await effectsOf(h, ignored!.id)).toBe(0);
    expect(await inboxRowsOf(h, ignored!.id)).toBe(0);
    expect(metrics.outcomes.slice(0, 2)).toEqual(['skipped', 'handled']);
    await expectEventually(async () => expect((await h.jsm.consumers.info(runner.stream, runner.durable)).num_ack_pending).toBe(0));
  });

  it('retries an event whose check fails, then handles it', async () => {
    const ticket = randomUUID();
    const [flaky] = publisher.build([{ event: noteAddedV1, subject: ticket, data: note(ticket, 'flaky') }]);
    await publishRaw(h, noteAddedV1, flaky!);

    await expectEventually(async () => expect(await effectsOf(h, flaky!.id)).toBe(1), { timeoutMs: 20_000 });
    expect(asked.filter((n) => n === 'flaky')).toHaveLength(2);
    expect(metrics.outcomes.slice(2)).toEqual(['retried', 'handled']);
  });
});
