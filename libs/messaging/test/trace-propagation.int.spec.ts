import { randomUUID } from 'node:crypto';
import { withTransaction } from '@helpdesk/persistence';
import { expectEventually } from '@helpdesk/testing';
import { context, propagation, SpanKind, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor, type ReadableSpan } from '@opentelemetry/sdk-trace-base';
import type { CloudEvent } from '@helpdesk/contracts';
import type { ConsumerRunner } from '../src/consumer/consumer-runner';
import { eventHandler } from '../src/consumer/event-handler';
import { silentLogger } from '../src/logging/messaging-logger';
import { OutboxPublisher } from '../src/outbox/outbox-publisher';
import { OutboxRelay } from '../src/outbox/outbox-relay';
import { createMessagingHarness, type MessagingHarness } from './support/messaging-harness';
import { testRunner } from './support/consumer-fixtures';
import { note, noteAddedV1, noteEchoedV1 } from './support/test-events';

describe('trace context across the outbox and NATS', () => {
  const exporter = new InMemorySpanExporter();
  const provider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
  let h: MessagingHarness;
  let relay: OutboxRelay;
  let runner: ConsumerRunner;
  const publisher = new OutboxPublisher({ service: 'ticket' });
  const followUps: CloudEvent[][] = [];

  const onNoteAdded = eventHandler({
    event: noteAddedV1,
    durable: 'test-note-traced',
    async handle(event, tx) {
      followUps.push(await tx.outbox.add({ event: noteEchoedV1, subject: event.subject, data: { ticketId: event.data.ticketId, note: event.data.note } }));
    },
  });

  /** Turns down every note but "traced": counted, acknowledged, not traced. */
  const onTracedNotesOnly = eventHandler({
    event: noteAddedV1,
    durable: 'test-note-filtered',
    appliesTo: (event) => event.data.note === 'traced',
    async handle() {
      // Nothing to do: only the span matters here.
    },
  });
  let filtered: ConsumerRunner;

  beforeAll(async () => {
    context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
    propagation.setGlobalPropagator(new W3CTraceContextPropagator());
    trace.setGlobalTracerProvider(provider);
    h = await createMessagingHarness('trace-propagation');
    relay = new OutboxRelay({ databaseUrl: h.db.url, nc: h.nats.nc, naming: h.nats.naming, logger: silentLogger });
    runner = testRunner(h, onNoteAdded);
    await runner.start();
    filtered = testRunner(h, onTracedNotesOnly);
    await filtered.start();
  });

  afterAll(async () => {
    await filtered.stop();
    await runner.stop();
    await relay.stop();
    await h.cleanup();
    await provider.shutdown();
    trace.disable();
    propagation.disable();
    context.disable();
  });

  const spanOf = (kind: SpanKind, destination: string): ReadableSpan | undefined =>
    exporter
      .getFinishedSpans()
      .find(
        (s) =>
          s.kind === kind &&
          s.attributes['messaging.destination.name'] === destination &&
          (kind !== SpanKind.CONSUMER || s.attributes['messaging.consumer.group.name'] === runner.durable),
      );

  it('gives the PRODUCER and CONSUMER spans the trace of the change that wrote the event', async () => {
    const ticket = randomUUID();
    const tracer = trace.getTracer('test');
    const { written, traceId, useCaseSpanId } = await tracer.startActiveSpan('create note', async (span) => {
      const events = await withTransaction(h.dataSource, (m) => publisher.add(m, { event: noteAddedV1, subject: ticket, data: note(ticket, 'traced') }));
      span.end();
      return { written: events[0]!, traceId: span.spanContext().traceId, useCaseSpanId: span.spanContext().spanId };
    });
    expect(written.traceparent).toBe(`00-${traceId}-${useCaseSpanId}-01`);

    await relay.flush();
    const subject = h.nats.naming.subject(noteAddedV1.type);
    const consumer = await expectEventually(() => {
      const span = spanOf(SpanKind.CONSUMER, subject);
      expect(span).toBeDefined();
      return span!;
    });
    const producer = spanOf(SpanKind.PRODUCER, subject)!;

    expect(producer.spanContext().traceId).toBe(traceId);
    expect(producer.parentSpanContext?.spanId).toBe(useCaseSpanId);
    expect(producer.attributes['messaging.message.id']).toBe(written.id);
    expect(consumer.spanContext().traceId).toBe(traceId);
    expect(consumer.parentSpanContext?.spanId).toBe(producer.spanContext().spanId);
    expect(consumer.attributes['helpdesk.consumer.outcome']).toBe('handled');
    // A follow-up event written by the handler continues the same trace, from the CONSUMER span.
    expect(followUps[0]![0]!.traceparent).toBe(`00-${traceId}-${consumer.spanContext().spanId}-01`);
  });

  it('traces no event that a handler turns down (counted as skipped), and the ones it handles', async () => {
    const ticket = randomUUID();
    const traceId = await trace.getTracer('test').startActiveSpan('add notes', async (span) => {
      await withTransaction(h.dataSource, (manager) =>
        publisher.add(manager, [
          { event: noteAddedV1, subject: ticket, data: note(ticket, 'untraced') },
          { event: noteAddedV1, subject: ticket, data: note(ticket, 'traced') },
        ]),
      );
      span.end();
      return span.spanContext().traceId;
    });
    await relay.flush();
    const filteredSpans = () =>
      exporter
        .getFinishedSpans()
        .filter((s) => s.kind === SpanKind.CONSUMER && s.spanContext().traceId === traceId && s.attributes['messaging.consumer.group.name'] === filtered.durable);
    // Events of one subject are handled in stream order: once the second has its span, the first was settled.
    await expectEventually(() => expect(filteredSpans().map((s) => s.attributes['helpdesk.consumer.outcome'])).toContain('handled'));
    expect(filteredSpans().map((s) => s.attributes['helpdesk.consumer.outcome'])).toEqual(['handled']);
  });
});
