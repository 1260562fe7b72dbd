import { context, propagation, ROOT_CONTEXT, type Context } from '@opentelemetry/api';

/**
 * W3C trace context as it travels in a NATS header, a CloudEvent extension or an outbox row.
 * Empty strings count as absent (a NATS header lookup returns `""` for a missing header).
 */
export interface TraceContext {
  /** `00-<trace id>-<parent span id>-<flags>`. */
  traceparent?: string;
  /** Vendor-specific trace state, passed through unchanged. */
  tracestate?: string;
}

/**
 * The trace context of `ctx` (default: the active context) as header values, injected through
 * the global propagator. `{}` when no span is active or no propagator is registered.
 */
export function currentTraceContext(ctx: Context = context.active()): TraceContext {
  const carrier: Record<string, string> = {};
  propagation.inject(ctx, carrier);
  return pick(carrier);
}

/**
 * An OpenTelemetry context whose remote parent is the given trace context, for the `parent` of
 * a consumer span. `base` defaults to the root context, so an event without trace context starts
 * a new trace instead of joining whatever span happens to be active (e.g. a polling loop's).
 */
export function contextFromTraceContext(traceContext: TraceContext, base: Context = ROOT_CONTEXT): Context {
  return propagation.extract(base, pick(traceContext));
}

function pick(source: TraceContext): TraceContext {
  const picked: TraceContext = {};
  if (source.traceparent) picked.traceparent = source.traceparent;
  if (source.tracestate) picked.tracestate = source.tracestate;
  return picked;
}
