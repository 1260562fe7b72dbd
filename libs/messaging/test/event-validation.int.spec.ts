import { randomUUID } from 'node:crypto';
import { withTransaction } from '@helpdesk/persistence';
import { expectEventually, readEvents } from '@helpdesk/testing';
import type { ConsumerRunner } from '../src/consumer/consumer-runner';
import { DLQ_HEADERS } from '../src/consumer/dead-letter';
import { eventHandler } from '../src/consumer/event-handler';
import { EventValidationError } from '../src/envelope/event-validation.error';
import { OutboxPublisher } from '../src/outbox/outbox-publisher';
import { createMessagingHarness, type MessagingHarness } from './support/messaging-harness';
import { effectsOf, publishRaw, recordEffect, testRunner } from './support/consumer-fixtures';
import { note, noteAddedV1 } from './support/test-events';

describe('an event whose data breaks its schema', () => {
  let h: MessagingHarness;
  let runner: ConsumerRunner;
  const publisher = new OutboxPublisher({ service: 'ticket' });
  const handled: string[] = [];

  const onNoteAdded = eventHandler({
    event: noteAddedV1,
    durable: 'test-note-strict',
    async handle(event, tx) {
      handled.push(event.id);
      await recordEffect(tx.manager, event.id, event.data.note);
    },
  });

  beforeAll(async () => {
    h = await createMessagingHarness('event-validation');
    runner = testRunner(h, onNoteAdded);
    await runner.start();
  });

  afterAll(async () => {
    await runner.stop();
    await h.cleanup();
  });

  const count = async (table: string) => Number((await h.dataSource.query(`SELECT count(*) AS n FROM ${table}`))[0].n);

  it('is refused at publish, rolling back the whole transaction', async () => {
    const ticket = randomUUID();
    const attempt = withTransaction(h.dataSource, async (m) => {
      await m.query(`INSERT INTO test_tickets (id, note) VALUES ($1, 'state change')`, [ticket]);
      await publisher.add(m, { event: noteAddedV1, subject: ticket, data: { ...note(ticket, 'x'), priority: 'urgent' as 'high' } });
    });

    await expect(attempt).rejects.toBeInstanceOf(EventValidationError);
    await expect(attempt).rejects.toThrow(/helpdesk\.ticket\.test-note\.added\.v1 is invalid: data\.priority: /);
    expect(await count('test_tickets')).toBe(0);
    expect(await count('outbox')).toBe(0);
  });

  it('is sent to the DLQ at consume, without its handler running, when a foreign producer publishes it', async () => {
    const ticket = randomUUID();
    const [valid] = publisher.build({ event: noteAddedV1, subject: ticket, data: note(ticket, 'valid') });
    const foreign = { ...valid!, id: randomUUID(), data: { ticketId: 'not-a-uuid', note: '', priority: 'normal' } };
    await publishRaw(h, noteAddedV1, foreign);
    await publishRaw(h, noteAddedV1, '{ this is not json', 'garbage-1');
    await publishRaw(h, noteAddedV1, valid!);

    const letters = await readEvents(h.nats.nc, {
      stream: h.nats.naming.streamName('HELPDESK_DLQ'),
      subject: h.nats.naming.dlqSubject('consumer-test'),
      count: 1,
    });
    expect(letters[0]!.event.id).toBe(foreign.id);
    expect(letters[0]!.headers[DLQ_HEADERS.reason]).toBe('invalid');
    expect(letters[0]!.headers[DLQ_HEADERS.error]).toMatch(/data\.ticketId: .*; data\.note: /);
    expect(letters[0]!.headers[DLQ_HEADERS.deliveries]).toBe('1');

    await expectEventually(async () => expect(await effectsOf(h, valid!.id)).toBe(1));
    expect(handled).toEqual([valid!.id]);
    expect(await effectsOf(h, foreign.id)).toBe(0);
    const dlqInfo = await h.jsm.streams.info(h.nats.naming.streamName('HELPDESK_DLQ'));
    expect(dlqInfo.state.messages).toBe(2); // the foreign event and the non-JSON payload
  });
});
