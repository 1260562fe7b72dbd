import { cloudEventSchema, type CloudEvent, type EventDefinition } from '@helpdesk/contracts';
import type { z } from 'zod';
import { EventValidationError, toEventIssues } from './event-validation.error';
import { validateEventData } from './build-cloud-event';

/** The outcome of decoding one message: the typed event, or why it was refused. */
export type DecodedEvent<S extends z.ZodType> =
  | { readonly ok: true; readonly event: CloudEvent<z.output<S>> }
  | { readonly ok: false; readonly error: EventValidationError };

/** Parses JSON without throwing; `undefined` for anything that is not JSON. */
export function parseJson(bytes: Uint8Array): { readonly value: unknown } | undefined {
  try {
    return { value: JSON.parse(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8')) };
  } catch {
    return undefined;
  }
}

/**
 * Checks a received document against the envelope schema, the expected event type and the
 * event's `data` schema. Never throws: a foreign producer's bad message becomes a refusal the
 * runner sends to the DLQ.
 */
export function decodeCloudEvent<S extends z.ZodType>(definition: EventDefinition<S>, json: unknown): DecodedEvent<S> {
  const envelope = cloudEventSchema.safeParse(json);
  if (!envelope.success) {
    return { ok: false, error: new EventValidationError(definition.type, toEventIssues(envelope.error.issues)) };
  }
  if (envelope.data.type !== definition.type) {
    const issue = { path: 'type', message: `expected ${definition.type}, got ${envelope.data.type}` };
    return { ok: false, error: new EventValidationError(definition.type, [issue]) };
  }
  try {
    const data = validateEventData(definition, envelope.data.data);
    const { traceparent, tracestate, subject, ...rest } = envelope.data;
    const event: CloudEvent<z.output<S>> = {
      ...rest,
      ...(subject !== undefined ? { subject } : {}),
      ...(traceparent !== undefined ? { traceparent } : {}),
      ...(tracestate !== undefined ? { tracestate } : {}),
      data,
    };
    return { ok: true, event };
  } catch (error) {
    if (error instanceof EventValidationError) return { ok: false, error };
    throw error;
  }
}
