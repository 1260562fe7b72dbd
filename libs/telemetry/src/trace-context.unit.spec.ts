import { SpanKind } from '@opentelemetry/api';
import { startTestTracing } from './test-tracing';
import { contextFromTraceContext, currentTraceContext } from './trace-context';
import { withSpan } from './with-span';

describe('trace context across a message boundary', () => {
  const tracing = startTestTracing();

  beforeEach(() => tracing.reset());
  afterAll(() => tracing.shutdown());

  it('links a consumer span to the producer span through traceparent', async () => {
    const carried = await withSpan('publish', { kind: SpanKind.PRODUCER }, async () => currentTraceContext());
    expect(carried.traceparent).toMatch(/^00-[0-9a-f]{32}-[0-9a-f]{16}-01$/);

    await withSpan('consume', { kind: SpanKind.CONSUMER, parent: contextFromTraceContext(carried) }, async () => {
      await Promise.resolve();
    });

    const [producer, consumer] = tracing.spans();
    expect(producer?.name).toBe('publish');
    expect(consumer?.name).toBe('consume');
    expect(consumer?.kind).toBe(SpanKind.CONSUMER);
    expect(consumer?.spanContext().traceId).toBe(producer?.spanContext().traceId);
    expect(consumer?.parentSpanContext?.spanId).toBe(producer?.spanContext().spanId);
    expect(consumer?.parentSpanContext?.isRemote).toBe(true);
  });

  it('carries tracestate through unchanged', () => {
    const traceparent = '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01';
    const ctx = contextFromTraceContext({ traceparent, tracestate: 'vendor=abc' });
    expect(currentTraceContext(ctx)).toEqual({ traceparent, tracestate: 'vendor=abc' });
  });

  it('has nothing to carry outside a span', () => {
    expect(currentTraceContext()).toEqual({});
  });

  it('starts a new trace when the message carries no (or an empty) traceparent', () => {
    withSpan('poll loop', {}, () =>
      withSpan('consume', { parent: contextFromTraceContext({ traceparent: '' }) }, () => undefined),
    );
    const consume = tracing.spans().find((span) => span.name === 'consume');
    const loop = tracing.spans().find((span) => span.name === 'poll loop');
    expect(consume?.parentSpanContext).toBeUndefined();
    expect(consume?.spanContext().traceId).not.toBe(loop?.spanContext().traceId);
  });

  it('is idempotent within one spec file', () => {
    expect(startTestTracing()).toBe(tracing);
  });
});
