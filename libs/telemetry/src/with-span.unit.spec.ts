import { SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { startTestTracing } from './test-tracing';
import { withSpan } from './with-span';

describe('withSpan', () => {
  const tracing = startTestTracing();

  beforeEach(() => tracing.reset());
  afterAll(() => tracing.shutdown());

  it('returns a sync result, sets kind and attributes, and ends the span', () => {
    const result = withSpan('work', { kind: SpanKind.SERVER, attributes: { 'rpc.method': 'Get' } }, () => 42);
    expect(result).toBe(42);
    const [span] = tracing.spans();
    expect(span?.kind).toBe(SpanKind.SERVER);
    expect(span?.attributes['rpc.method']).toBe('Get');
    expect(span?.status.code).toBe(SpanStatusCode.UNSET);
  });

  it('makes the span active inside fn, including across awaits', async () => {
    await withSpan('outer', {}, async (outer) => {
      await new Promise((resolve) => setImmediate(resolve));
      expect(trace.getActiveSpan()).toBe(outer);
      withSpan('inner', {}, () => undefined);
    });
    const inner = tracing.spans().find((span) => span.name === 'inner');
    const outer = tracing.spans().find((span) => span.name === 'outer');
    expect(inner?.parentSpanContext?.spanId).toBe(outer?.spanContext().spanId);
  });

  it('records a rejection, sets ERROR status, ends the span and rejects with the same error', async () => {
    const boom = new Error('boom');
    await expect(
      withSpan('fails', {}, async () => {
        await Promise.resolve();
        throw boom;
      }),
    ).rejects.toBe(boom);
    const [span] = tracing.spans();
    expect(span?.status).toEqual({ code: SpanStatusCode.ERROR, message: 'boom' });
    expect(span?.events.map((event) => event.name)).toEqual(['exception']);
    expect(span?.events[0]?.attributes?.['exception.message']).toBe('boom');
  });

  it('records a synchronous throw the same way', () => {
    expect(() =>
      withSpan('throws', {}, () => {
        throw new TypeError('bad');
      }),
    ).toThrow(TypeError);
    const [span] = tracing.spans();
    expect(span?.name).toBe('throws');
    expect(span?.status.code).toBe(SpanStatusCode.ERROR);
    expect(span?.events[0]?.attributes?.['exception.type']).toBe('TypeError');
  });

  it('records a non-Error throw as a message', () => {
    expect(() =>
      withSpan('throws string', {}, () => {
        throw 'plain';
      }),
    ).toThrow('plain');
    expect(tracing.spans()[0]?.status).toEqual({ code: SpanStatusCode.ERROR, message: 'plain' });
  });
});
