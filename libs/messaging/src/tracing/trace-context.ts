import { context, createTraceState, isSpanContextValid, ROOT_CONTEXT, trace, type Context } from '@opentelemetry/api';

/** W3C trace context as carried in a CloudEvent (`traceparent`, `tracestate`). */
export interface TraceContextFields {
  readonly traceparent?: string;
  readonly tracestate?: string;
}

const TRACEPARENT = /^00-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})$/;

/**
 * The W3C fields of the span active in `ctx`, read from the span context itself rather than
 * through the global propagator, so the envelope always carries W3C form whatever propagators a
 * service configured. Empty when no valid span is active.
 */
export function traceContextFields(ctx: Context = context.active()): TraceContextFields {
  const span = trace.getSpanContext(ctx);
  if (!span || !isSpanContextValid(span)) return {};
  const flags = (span.traceFlags & 0xff).toString(16).padStart(2, '0');
  const traceparent = `00-${span.traceId}-${span.spanId}-${flags}`;
  const tracestate = span.traceState?.serialize();
  return tracestate ? { traceparent, tracestate } : { traceparent };
}

/** A context whose (remote) parent span is the one named by W3C fields; `undefined` when invalid. */
export function contextFromTraceFields(fields: TraceContextFields, base: Context = ROOT_CONTEXT): Context | undefined {
  const match = fields.traceparent ? TRACEPARENT.exec(fields.traceparent) : null;
  if (!match) return undefined;
  const [, traceId = '', spanId = '', flags = '00'] = match;
  const spanContext = {
    traceId,
    spanId,
    traceFlags: Number.parseInt(flags, 16),
    isRemote: true,
    ...(fields.tracestate ? { traceState: createTraceState(fields.tracestate) } : {}),
  };
  return isSpanContextValid(spanContext) ? trace.setSpanContext(base, spanContext) : undefined;
}
