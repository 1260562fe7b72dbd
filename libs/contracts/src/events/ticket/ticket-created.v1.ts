import { z } from 'zod';
import { defineEvent } from '../event-definition';
import { ticketEventBaseSchema } from '../shared/ticket-event';
import { uuidSchema } from '../shared/primitives';
import { exampleActor, exampleTicket } from '../shared/examples';

const schema = ticketEventBaseSchema.extend({
  description: z.string().describe('Full description of the request as entered or taken from the first message; may be empty.'),
  mailId: uuidSchema
    .nullable()
    .describe('The inbound mail the ticket was created from (helpdesk.mail.received.v1 mailId); null for other channels.'),
  callId: uuidSchema.nullable().describe('The call the ticket was created from (helpdesk.call.* callId); null for other channels.'),
  externalReferences: z
    .array(
      z.object({
        system: z.string().min(1).describe('Name of the external system, e.g. "erp" or "monitoring".'),
        kind: z.string().min(1).describe('What the reference is, e.g. "order", "delivery_note", "invoice", "alert".'),
        value: z.string().min(1).describe('The reference as the external system writes it, e.g. "SO-2026-4711".'),
      }),
    )
    .describe('References to external documents given at creation (ERP order, delivery note, monitoring alert); empty when none.'),
});

/** `helpdesk.ticket.created.v1`: a new ticket exists. */
export const ticketCreatedV1 = defineEvent({
  type: 'helpdesk.ticket.created.v1',
  domain: 'ticket',
  description:
    'A ticket was created (by an agent, a customer, an integration, or from a mail or call). Carries the full ticket state with version 1.',
  schema,
  example: {
    ticket: exampleTicket({ version: 1, status: 'new', assigneeId: null }),
    actor: exampleActor,
    description: 'Since this morning the VPN client on three laptops reports error 809.',
    mailId: '01936b2e-8f3a-7c4d-9e1f-2a3b4c5d6e70',
    callId: null,
    externalReferences: [],
  },
});

/** Data of `helpdesk.ticket.created.v1`. */
export type TicketCreatedV1 = z.infer<typeof schema>;
