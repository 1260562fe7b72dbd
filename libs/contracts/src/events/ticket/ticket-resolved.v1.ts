import { z } from 'zod';
import { defineEvent } from '../event-definition';
import { exampleActor, exampleTicket } from '../shared/examples';
import { labelSchema, languageSchema, uuidSchema } from '../shared/primitives';
import { ticketEventBaseSchema } from '../shared/ticket-event';
import { ticketStatusSchema } from '../shared/ticket-snapshot';

const customerMessageSchema = z.object({
  messageId: uuidSchema.describe('Id of the message in the ticket\'s communication log.'),
  text: z.string().describe('Plain text of the message (new text only, quoted history removed where recognised).'),
});

const schema = ticketEventBaseSchema.extend({
  previousStatus: ticketStatusSchema.describe('Status before the ticket was resolved.'),
  resolution: z.string().min(1).describe('Resolution details the agent entered (required to resolve): what solved the problem.'),
  resolutionCode: labelSchema.nullable().describe('Resolution category key (e.g. "fixed", "workaround", "no_fault_found"); null when not set.'),
  description: z.string().describe('The ticket\'s description; may be empty.'),
  problemMessage: customerMessageSchema
    .nullable()
    .describe('The first customer-channel inbound message: the problem in the customer\'s own words. Null when there is none (e.g. phone tickets without a written message).'),
  decisiveMessage: customerMessageSchema
    .nullable()
    .describe('The customer-channel message an agent marked as decisive for the solution; null when none was marked. Never an internal or supplier note.'),
  products: z
    .array(z.string().min(1))
    .describe('Product names of the affected assets at resolution time, for knowledge classification; empty when no asset is named.'),
  language: languageSchema.nullable().describe('Language of the customer conversation when known (e.g. "de", "en"); null when unknown.'),
});

/** `helpdesk.ticket.resolved.v1`: a ticket was resolved; the knowledge service learns from it. */
export const ticketResolvedV1 = defineEvent({
  type: 'helpdesk.ticket.resolved.v1',
  domain: 'ticket',
  description:
    'The ticket was resolved, with its resolution and the customer-visible problem and solution texts (never internal notes). Published together with helpdesk.ticket.status.changed.v1 for the same ticket.version.',
  schema,
  example: {
    ticket: exampleTicket({ version: 12, status: 'resolved', resolvedAt: '2026-11-23T12:25:00.000Z', updatedAt: '2026-11-23T12:25:00.000Z' }),
    actor: exampleActor,
    previousStatus: 'in_progress',
    resolution: 'VPN client 5.1 has a known bug with IKEv2; updating to 5.2 fixes error 809.',
    resolutionCode: 'fixed',
    description: 'Since this morning the VPN client on three laptops reports error 809.',
    problemMessage: {
      messageId: '01936b2e-9a10-7b2c-8d3e-000000000010',
      text: 'Since this morning our VPN does not connect any more, the client says error 809.',
    },
    decisiveMessage: {
      messageId: '01936b2f-0000-7abc-8def-000000000011',
      text: 'Please update the VPN client to version 5.2 and try again.',
    },
    products: ['SecureConnect VPN Gateway 3000'],
    language: 'en',
  },
});

/** Data of `helpdesk.ticket.resolved.v1`. */
export type TicketResolvedV1 = z.infer<typeof schema>;
