import { z } from 'zod';

/**
 * A CloudEvents 1.0 envelope in structured JSON mode, as it travels on NATS. The NATS subject
 * equals `type` (behind the environment prefix) and the `Nats-Msg-Id` header equals `id`.
 */
export interface CloudEvent<T = unknown> {
  readonly specversion: '1.0';
  /** UUIDv7 of this event; the de-duplication key everywhere. */
  readonly id: string;
  /** The producing service, `helpdesk/<service>`. */
  readonly source: string;
  readonly type: string;
  /** The aggregate the event is about, usually its UUID (e.g. the ticket id). */
  readonly subject?: string;
  /** RFC 3339 timestamp of the change. */
  readonly time: string;
  readonly datacontenttype: 'application/json';
  /** W3C trace context of the change that produced the event. */
  readonly traceparent?: string;
  readonly tracestate?: string;
  readonly data: T;
}

/** Validates the envelope (not `data`: that is checked against the event's own schema). */
export const cloudEventSchema = z.object({
  specversion: z.literal('1.0').describe('CloudEvents spec version, always "1.0".'),
  id: z.string().min(1).describe('Event id (UUIDv7), equal to the Nats-Msg-Id header; the de-duplication key of every consumer.'),
  source: z.string().min(1).describe('Producing service, "helpdesk/<service>", e.g. "helpdesk/ticket".'),
  type: z
    .string()
    .regex(/^helpdesk\.[a-z0-9_.-]+\.v\d+$/, { message: 'must be a helpdesk.<domain>.<event>.v<N> type' })
    .describe('Event type, equal to the NATS subject without the environment prefix, e.g. "helpdesk.ticket.created.v1".'),
  subject: z.string().min(1).optional().describe('The aggregate the event is about, usually its UUID (e.g. the ticket id).'),
  time: z.iso.datetime({ offset: true }).describe('RFC 3339 timestamp of the change.'),
  datacontenttype: z.literal('application/json').describe('Always "application/json".'),
  traceparent: z
    .string()
    .regex(/^[0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$/)
    .optional()
    .describe('W3C trace context of the change that produced the event.'),
  tracestate: z.string().optional().describe('W3C tracestate accompanying traceparent.'),
  data: z.unknown().describe('The event data; its schema is the one of the event type.'),
});
