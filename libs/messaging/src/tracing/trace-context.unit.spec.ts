import { createTraceState, ROOT_CONTEXT, trace } from '@opentelemetry/api';
import { contextFromTraceFields, traceContextFields } from './trace-context';

describe('trace context fields', () => {
  it('round-trips traceparent and tracestate through a context', () => {
    const fields = { traceparent: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-00', tracestate: 'vendor=abc' };
    const ctx = contextFromTraceFields(fields)!;
    expect(trace.getSpanContext(ctx)).toMatchObject({ traceId: '0af7651916cd43dd8448eb211c80319c', spanId: 'b7ad6b7169203331', isRemote: true });
    expect(traceContextFields(ctx)).toEqual(fields);
  });

  it('ignores malformed or all-zero trace ids', () => {
    expect(contextFromTraceFields({ traceparent: 'garbage' })).toBeUndefined();
    expect(contextFromTraceFields({ traceparent: '00-00000000000000000000000000000000-b7ad6b7169203331-01' })).toBeUndefined();
    expect(contextFromTraceFields({})).toBeUndefined();
  });

  it('serialises a trace state carried by the span context', () => {
    const ctx = trace.setSpanContext(ROOT_CONTEXT, {
      traceId: '0af7651916cd43dd8448eb211c80319c',
      spanId: 'b7ad6b7169203331',
      traceFlags: 1,
      traceState: createTraceState('a=1,b=2'),
    });
    expect(traceContextFields(ctx).tracestate).toBe('a=1,b=2');
  });
});
