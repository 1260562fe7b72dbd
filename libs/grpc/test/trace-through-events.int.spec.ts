import { randomUUID } from 'node:crypto';
import { Metadata } from '@grpc/grpc-js';
import { signDevToken } from '@helpdesk/auth';
import { defineEvent } from '@helpdesk/contracts';
import { ConsumerRunner, OutboxPublisher, OutboxRelay, ensureStreams, eventHandler, silentLogger } from '@helpdesk/messaging';
import { createDataSource, platformMigrations, runMigrations, withTransaction } from '@helpdesk/persistence';
import { createTestDatabase, createTestNats, expectEventually, type TestDatabase, type TestNats } from '@helpdesk/testing';
import { jetstreamManager } from '@nats-io/jetstream';
import { Module, type INestMicroservice } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { GrpcMethod } from '@nestjs/microservices';
import { SpanKind, trace } from '@opentelemetry/api';
import type { DataSource } from 'typeorm';
import { z } from 'zod';
import { GrpcController, GrpcModule, callerFrom, grpcServerOptions } from '../src';
import { echoClient, type TestClient } from './support/clients';
import { ECHO_PROTO, PROTO_DIR, TEST_SECRET } from './support/echo-app';
import { freePort } from '@helpdesk/testing';
import { registerInMemoryTracing } from './support/tracing';

// The platform's promise: one trace id spans the gRPC call, the outbox publish and the handler of
// the event in another service. Real gRPC, PostgreSQL and NATS; only the exporter is in memory.

const TRACE_ID = '0af7651916cd43dd8448eb211c80319c';
const CLIENT_SPAN_ID = 'b7ad6b7169203331';

const noteCreatedV1 = defineEvent({
  type: 'helpdesk.ticket.trace-note.created.v1',
  domain: 'ticket',
  description: 'Test event written by the gRPC handler.',
  schema: z.object({ noteId: z.uuid(), summary: z.string().min(1) }),
  example: { noteId: '01890f0e-8c5a-7cc1-9a3e-3f2b6c7d8e9f', summary: 'hello' },
});

describe('one trace from a gRPC call through the outbox to a consumer', () => {
  const tracing = registerInMemoryTracing();
  const publisher = new OutboxPublisher({ service: 'ticket' });
  const handledInTrace: string[] = [];
  let db: TestDatabase;
  let nats: TestNats;
  let dataSource: DataSource;
  let relay: OutboxRelay;
  let runner: ConsumerRunner;
  let app: INestMicroservice;
  let client: TestClient;

  @GrpcController()
  class NotesGrpcController {
    @GrpcMethod('EchoService', 'CreateNote')
    async createNote(request: { summary: string }, metadata: Metadata) {
      const caller = callerFrom(metadata);
      const noteId = randomUUID();
      await withTransaction(dataSource, (m) => publisher.add(m, { event: noteCreatedV1, subject: noteId, data: { noteId, summary: request.summary } }));
      return { text: noteId, subject: caller.subject };
    }
  }

  beforeAll(async () => {
    db = await createTestDatabase('trace-through-events');
    nats = await createTestNats('trace-through-events');
    dataSource = createDataSource({ url: db.url, entities: [], migrations: [...platformMigrations], poolSize: 4 });
    await dataSource.initialize();
    await runMigrations(dataSource);
    await ensureStreams(await jetstreamManager(nats.nc), nats.naming, { maxAgeMs: 3_600_000, duplicateWindowMs: 120_000 });

    relay = new OutboxRelay({ databaseUrl: db.url, nc: nats.nc, naming: nats.naming, logger: silentLogger });
    relay.start();
    runner = new ConsumerRunner({
      handler: eventHandler({
        event: noteCreatedV1,
        durable: 'sla-trace-note',
        async handle() {
          handledInTrace.push(trace.getActiveSpan()?.spanContext().traceId ?? 'none');
        },
      }),
      service: 'sla',
      nc: nats.nc,
      naming: nats.naming,
      dataSource,
      publisher: new OutboxPublisher({ service: 'sla' }),
      logger: silentLogger,
    });
    await runner.start();

    @Module({ imports: [GrpcModule.forRoot({ auth: { secret: TEST_SECRET }, logger: { error: () => undefined } })], controllers: [NotesGrpcController] })
    class NotesAppModule {}
    const address = `127.0.0.1:${await freePort()}`;
    const setup = grpcServerOptions({ url: address, packages: ['helpdesk.testing.v1'], protoPaths: [ECHO_PROTO], includeDirs: [PROTO_DIR] });
    app = await NestFactory.createMicroservice(NotesAppModule, { ...setup.microservice, logger: false });
    await app.listen();
    client = echoClient(address);
  });

  afterAll(async () => {
    client.close();
    await app.close();
    await runner.stop();
    await relay.stop();
    await dataSource.destroy();
    await nats.cleanup();
    await db.drop();
    await tracing.shutdown();
  });

  it('carries the client trace id into the SERVER, PRODUCER and CONSUMER spans and the handler', async () => {
    const metadata = new Metadata();
    metadata.set('traceparent', `00-${TRACE_ID}-${CLIENT_SPAN_ID}-01`);
    metadata.set('authorization', `Bearer ${await signDevToken(TEST_SECRET, { subject: 'agent-1', roles: ['agent'] })}`);

    const response = await client.call('CreateNote', { summary: 'printer on fire', tags: [] }, metadata);
    expect(response['subject']).toBe('agent-1');

    await expectEventually(() => expect(handledInTrace).toEqual([TRACE_ID]));
    const spans = tracing.exporter.getFinishedSpans();
    const server = spans.find((s) => s.kind === SpanKind.SERVER);
    const producer = spans.find((s) => s.kind === SpanKind.PRODUCER);
    const consumer = await expectEventually(() => {
      const span = tracing.exporter.getFinishedSpans().find((s) => s.kind === SpanKind.CONSUMER);
      expect(span).toBeDefined();
      return span!;
    });
    expect(server?.spanContext().traceId).toBe(TRACE_ID);
    expect(server?.parentSpanContext?.spanId).toBe(CLIENT_SPAN_ID);
    expect(producer?.spanContext().traceId).toBe(TRACE_ID);
    expect(producer?.parentSpanContext?.spanId).toBe(server?.spanContext().spanId);
    expect(consumer.spanContext().traceId).toBe(TRACE_ID);
    expect(consumer.parentSpanContext?.spanId).toBe(producer?.spanContext().spanId);
  });
});
