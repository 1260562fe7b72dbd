import { randomUUID } from 'node:crypto';
import { expectEventually } from '@helpdesk/testing';
import type { ConsumerRunner } from '../src/consumer/consumer-runner';
import { eventHandler } from '../src/consumer/event-handler';
import { OutboxPublisher } from '../src/outbox/outbox-publisher';
import { createMessagingHarness, type MessagingHarness } from './support/messaging-harness';
import { effectsOf, inboxRowsOf, publishRaw, recordEffect, RecordingMetrics, testRunner } from './support/consumer-fixtures';
import { note, noteAddedV1 } from './support/test-events';

/** `data.note` of an undecoded document, if it has one. */
function noteOf(document: unknown): unknown {
  if (typeof document !== 'object' || document === null || !('data' in document)) return undefined;
  const { data } = document;
  return typeof data === 'object' && data !== null && 'note' in data ? data.note : undefined;
}

describe('consumer runner: a handler that turns events down from the undecoded document', () => {
  let h: MessagingHarness;
  let runner: ConsumerRunner;
  const metrics = new RecordingMetrics();
  const publisher = new OutboxPublisher({ service: 'ticket' });
  const decodedChecks: string[] = [];

  const onNote = eventHandler({
    event: noteAddedV1,
    durable: 'test-note-applies-to-document',
    appliesToDocument: (document) => noteOf(document) !== 'not for me',
    appliesTo(event) {
      decodedChecks.push(event.data.note);
      return true;
    },
    async handle(event, tx) {
      await recordEffect(tx.manager, event.id, event.data.note);
    },
  });

  beforeAll(async () => {
    h = await createMessagingHarness('consumer-applies-to-document');
    runner = testRunner(h, onNote, { metrics });
    await runner.start();
  });

  afterAll(async () => {
    await runner.stop();
    await h.cleanup();
  });

  it('acknowledges a document it turns down before decoding it (even one that would not validate), and handles the rest', async () => {
    const ticket = randomUUID();
    const [skipped, handled] = publisher.build([
      { event: noteAddedV1, subject: ticket, data: note(ticket, 'not for me') },
      { event: noteAddedV1, subject: ticket, data: note(ticket, 'for me') },
    ]);
    // Not a valid event (no ticketId): decoding would dead-letter it; the document check skips it first.
    const invalid = { ...skipped!, id: randomUUID(), data: { note: 'not for me' } };
    await publishRaw(h, noteAddedV1, skipped!);
    await publishRaw(h, noteAddedV1, JSON.stringify(invalid), invalid.id);
    await publishRaw(h, noteAddedV1, handled!);

    await expectEventually(async () => expect(await effectsOf(h, handled!.id)).toBe(1));
    expect(metrics.outcomes.slice(0, 3)).toEqual(['skipped', 'skipped', 'handled']);
    expect(decodedChecks).toEqual(['for me']);
    expect(await inboxRowsOf(h, skipped!.id)).toBe(0);
    await expectEventually(async () => expect((await h.jsm.consumers.info(runner.stream, runner.durable)).num_ack_pending).toBe(0));
  });
});
