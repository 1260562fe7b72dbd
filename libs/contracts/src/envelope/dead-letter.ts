import { z } from 'zod';

/**
 * What a consumer puts on `helpdesk.dlq.<service>` when it gives up on a message (a permanent
 * error, or the configured number of deliveries reached). A plain JSON document, not a
 * CloudEvent: it wraps one. Ops replay it by re-publishing `event` to `subject`.
 */
export const deadLetterSchema = z.object({
  service: z.string().min(1).describe('The consuming service that gave up, e.g. "billing"; also the last token of the DLQ subject.'),
  durable: z.string().min(1).describe('Durable consumer name, e.g. "billing-worklog".'),
  stream: z.string().min(1).describe('Stream the message came from (with environment prefix), e.g. "HELPDESK_TICKET".'),
  streamSequence: z.int().min(1).describe('Sequence of the message in that stream.'),
  subject: z.string().min(1).describe('NATS subject the message was published on (with environment prefix).'),
  deliveries: z.int().min(1).describe('How many times the message was delivered before it was moved here.'),
  error: z
    .object({
      name: z.string().min(1).describe('Error class name, e.g. "ZodError" or "TicketError".'),
      message: z.string().describe('Error message.'),
      code: z.string().nullable().describe('Domain error code when the error had one (e.g. "TICKET_NOT_FOUND"); null otherwise.'),
    })
    .describe('The last error.'),
  eventId: z.string().min(1).nullable().describe('CloudEvent id (Nats-Msg-Id header) of the message; null when it had none.'),
  eventType: z.string().min(1).nullable().describe('CloudEvent type of the message; null when it could not be decoded.'),
  event: z.unknown().describe('The original message body parsed as JSON (normally the CloudEvent); null when it was not JSON (see bodyBase64).'),
  bodyBase64: z.string().nullable().describe('The original body in base64 when it was not valid JSON; null otherwise.'),
  failedAt: z.iso.datetime({ offset: true }).describe('When the message was moved to the DLQ.'),
});

/** A dead-letter entry on `helpdesk.dlq.<service>`. */
export type DeadLetter = z.infer<typeof deadLetterSchema>;
