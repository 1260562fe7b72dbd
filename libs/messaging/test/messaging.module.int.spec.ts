import { randomUUID } from 'node:crypto';
import { withTransaction } from '@helpdesk/persistence';
import { expectEventually } from '@helpdesk/testing';
import type { NatsConnection } from '@nats-io/nats-core';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { metricsRegistry } from '@helpdesk/telemetry';
import { eventHandler } from '../src/consumer/event-handler';
import { silentLogger } from '../src/logging/messaging-logger';
import { MessagingModule } from '../src/nest/messaging.module';
import { NATS_CONNECTION } from '../src/nest/messaging.tokens';
import { OutboxPublisher } from '../src/outbox/outbox-publisher';
import { createMessagingHarness, type MessagingHarness } from './support/messaging-harness';
import { effectsOf, recordEffect } from './support/consumer-fixtures';
import { note, noteAddedV1 } from './support/test-events';

const DATA_SOURCE = Symbol('DATA_SOURCE');

describe('MessagingModule', () => {
  let h: MessagingHarness;
  let app: INestApplicationContext;

  const onNoteAdded = eventHandler({
    event: noteAddedV1,
    durable: 'nest-test-notes',
    async handle(event, tx) {
      await recordEffect(tx.manager, event.id, event.data.note);
    },
  });

  beforeAll(async () => {
    h = await createMessagingHarness('messaging-module');
    class DatabaseModule {}
    app = await NestFactory.createApplicationContext(
      MessagingModule.forRoot({
        service: 'nest-test',
        natsUrl: h.nats.url,
        subjectPrefix: h.nats.prefix,
        dataSource: DATA_SOURCE,
        imports: [{ module: DatabaseModule, providers: [{ provide: DATA_SOURCE, useValue: h.dataSource }], exports: [DATA_SOURCE] }],
        streams: { maxAgeMs: 3_600_000, duplicateWindowMs: 120_000 },
        handlers: [onNoteAdded],
        relay: { pollIntervalMs: 100 },
        logger: silentLogger,
      }),
      { logger: false },
    );
  });

  afterAll(() => h.cleanup());

  it('relays published events to the handlers and shuts down cleanly', async () => {
    const publisher = app.get(OutboxPublisher);
    const ticket = randomUUID();
    const [event] = await withTransaction(h.dataSource, (m) => publisher.add(m, { event: noteAddedV1, subject: ticket, data: note(ticket, 'via nest') }));

    await expectEventually(async () => expect(await effectsOf(h, event!.id)).toBe(1));
    // The default metrics land on the process's platform metrics, which /metrics serves.
    await expectEventually(async () =>
      expect(await metricsRegistry.getSingleMetricAsString('helpdesk_consumer_handled_total')).toMatch(/durable="[^"]+",outcome="ok"\} 1$/m),
    );
    expect(await metricsRegistry.getSingleMetricAsString('helpdesk_outbox_published_total')).toMatch(/helpdesk_outbox_published_total 1$/m);

    const nc = app.get<NatsConnection>(NATS_CONNECTION);
    await app.close();
    expect(nc.isClosed()).toBe(true);
  });
});
