import { propagation, ROOT_CONTEXT, SpanKind, trace, type Context, type Span } from '@opentelemetry/api';
import type { MsgHdrs } from '@nats-io/nats-core';
import { natsHeaderGetter, natsHeaderSetter } from './nats-header-carrier';
import { contextFromTraceFields, traceContextFields, type TraceContextFields } from './trace-context';

const TRACER_NAME = '@helpdesk/messaging';

function tracer() {
  return trace.getTracer(TRACER_NAME);
}

/** A started span plus the context in which it is active. */
export interface ActiveSpan {
  readonly span: Span;
  readonly context: Context;
}

/**
 * Starts the PRODUCER span of one relayed event as a child of the change that wrote it (the
 * envelope's trace fields) and writes the span's context into the message headers, so the
 * consumer's span continues the same trace. The `traceparent` header is always W3C, also
 * when no global propagator is registered.
 */
export function startPublishSpan(
  destination: string,
  eventId: string,
  origin: TraceContextFields,
  headers: MsgHdrs,
): ActiveSpan {
  const parent = contextFromTraceFields(origin) ?? ROOT_CONTEXT;
  const span = tracer().startSpan(
    `publish ${destination}`,
    {
      kind: SpanKind.PRODUCER,
      attributes: {
        'messaging.system': 'nats',
        'messaging.operation.type': 'send',
        'messaging.operation.name': 'publish',
        'messaging.destination.name': destination,
        'messaging.message.id': eventId,
      },
    },
    parent,
  );
  const ctx = trace.setSpan(parent, span);
  propagation.inject(ctx, headers, natsHeaderSetter);
  if (!headers.has('traceparent')) {
    const fields = traceContextFields(ctx);
    if (fields.traceparent) headers.set('traceparent', fields.traceparent);
    if (fields.tracestate) headers.set('tracestate', fields.tracestate);
  }
  return { span, context: ctx };
}

/** Attributes of a consumed message known before it is decoded. */
export interface ProcessSpanInput {
  readonly destination: string;
  readonly consumer: string;
  readonly deliveryCount: number;
  readonly headers: MsgHdrs | undefined;
  /** Trace fields of the envelope, used when the headers carry none (a foreign producer). */
  readonly envelope: TraceContextFields;
}

/** Starts the CONSUMER span of one delivery, parented by the message's `traceparent`. */
export function startProcessSpan(input: ProcessSpanInput): ActiveSpan {
  const extracted = propagation.extract(ROOT_CONTEXT, input.headers, natsHeaderGetter);
  const fromHeaders = trace.getSpanContext(extracted) ? extracted : undefined;
  const traceparent = input.headers?.has('traceparent') ? input.headers.get('traceparent') : undefined;
  const tracestate = input.headers?.has('tracestate') ? input.headers.get('tracestate') : undefined;
  const headerFields: TraceContextFields = { ...(traceparent ? { traceparent } : {}), ...(tracestate ? { tracestate } : {}) };
  const parent =
    fromHeaders ?? contextFromTraceFields(headerFields) ?? contextFromTraceFields(input.envelope) ?? ROOT_CONTEXT;
  const span = tracer().startSpan(
    `process ${input.destination}`,
    {
      kind: SpanKind.CONSUMER,
      attributes: {
        'messaging.system': 'nats',
        'messaging.operation.type': 'process',
        'messaging.operation.name': 'process',
        'messaging.destination.name': input.destination,
        'messaging.consumer.group.name': input.consumer,
        'messaging.nats.delivery_count': input.deliveryCount,
      },
    },
    parent,
  );
  return { span, context: trace.setSpan(parent, span) };
}
