import { randomUUID } from 'node:crypto';
import { expectEventually } from '@helpdesk/testing';
import type { ConsumerRunner } from '../src/consumer/consumer-runner';
import { eventHandler } from '../src/consumer/event-handler';
import { OutboxPublisher } from '../src/outbox/outbox-publisher';
import { createMessagingHarness, type MessagingHarness } from './support/messaging-harness';
import { effectsOf, publishRaw, recordEffect, testRunner } from './support/consumer-fixtures';
import { note, noteAddedV1 } from './support/test-events';

describe('consumer runner: concurrency', () => {
  let h: MessagingHarness;
  let runner: ConsumerRunner;
  const publisher = new OutboxPublisher({ service: 'ticket' });
  const log: string[] = [];
  let releaseSlow!: () => void;
  const slowReleased = new Promise<void>((resolve) => (releaseSlow = resolve));

  const onNote = eventHandler({
    event: noteAddedV1,
    durable: 'test-note-concurrency',
    async handle(event, tx) {
      log.push(`start ${event.data.note}`);
      if (event.data.note === 'a1 slow') await slowReleased;
      await recordEffect(tx.manager, event.id, event.data.note);
      log.push(`end ${event.data.note}`);
    },
  });

  beforeAll(async () => {
    h = await createMessagingHarness('consumer-concurrency');
    runner = testRunner(h, onNote, { concurrency: 4 });
    await runner.start();
  });

  afterAll(async () => {
    // A failed assertion must not leave a1 waiting: stop() waits for the messages in hand.
    releaseSlow();
    await runner.stop();
    await h.cleanup();
  });

  it('handles other subjects while one is busy, and one subject strictly in stream order', async () => {
    const [a, b] = [randomUUID(), randomUUID()];
    const events = publisher.build([
      { event: noteAddedV1, subject: a, data: note(a, 'a1 slow') },
      { event: noteAddedV1, subject: a, data: note(a, 'a2') },
      { event: noteAddedV1, subject: b, data: note(b, 'b1') },
      { event: noteAddedV1, subject: a, data: note(a, 'a3') },
    ]);
    for (const event of events) await publishRaw(h, noteAddedV1, event);

    // b1 is handled although a1 still waits; a2 and a3 wait for a1.
    await expectEventually(async () => expect(await effectsOf(h, events[2]!.id)).toBe(1), { timeoutMs: 20_000 });
    // a1 and b1 run at the same time, so which of them starts first is open.
    expect([...log].sort()).toEqual(['end b1', 'start a1 slow', 'start b1']);
    releaseSlow();
    await expectEventually(async () => expect(await effectsOf(h, events[3]!.id)).toBe(1), { timeoutMs: 20_000 });
    expect(log.filter((line) => line.includes(' a'))).toEqual(['start a1 slow', 'end a1 slow', 'start a2', 'end a2', 'start a3', 'end a3']);
  });
});
