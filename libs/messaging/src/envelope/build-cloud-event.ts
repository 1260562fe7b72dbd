import type { CloudEvent, EventDefinition } from '@helpdesk/contracts';
import type { z } from 'zod';
import type { TraceContextFields } from '../tracing/trace-context';
import { EventValidationError, toEventIssues } from './event-validation.error';

/** Validates `data` against the event's schema and returns the parsed value (defaults applied). */
export function validateEventData<S extends z.ZodType>(definition: EventDefinition<S>, data: unknown): z.output<S> {
  const result = definition.schema.safeParse(data);
  if (!result.success) throw new EventValidationError(definition.type, toEventIssues(result.error.issues, 'data'));
  return result.data;
}

/** Everything an envelope is made of; `data` is already validated. */
export interface CloudEventParts<T> {
  readonly id: string;
  readonly service: string;
  readonly type: string;
  readonly subject?: string;
  readonly time: Date;
  readonly trace: TraceContextFields;
  readonly data: T;
}

/**
 * The CloudEvents 1.0 envelope of one event: `source` is `helpdesk/<service>`, and the trace
 * fields are those of the change that produced it. The only place envelopes are made.
 */
export function buildCloudEvent<T>(parts: CloudEventParts<T>): CloudEvent<T> {
  return {
    specversion: '1.0',
    id: parts.id,
    source: `helpdesk/${parts.service}`,
    type: parts.type,
    ...(parts.subject !== undefined ? { subject: parts.subject } : {}),
    time: parts.time.toISOString(),
    datacontenttype: 'application/json',
    ...(parts.trace.traceparent ? { traceparent: parts.trace.traceparent } : {}),
    ...(parts.trace.tracestate ? { tracestate: parts.trace.tracestate } : {}),
    data: parts.data,
  };
}
