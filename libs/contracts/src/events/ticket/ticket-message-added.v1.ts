import { z } from 'zod';
import { defineEvent } from '../event-definition';
import { exampleActor, exampleTicket } from '../shared/examples';
import { languageSchema } from '../shared/primitives';
import { ticketEventBaseSchema } from '../shared/ticket-event';
import { ticketMessageSchema } from '../shared/ticket-message';

const schema = ticketEventBaseSchema.extend({
  message: ticketMessageSchema.describe('The message that was added.'),
  language: languageSchema
    .nullable()
    .describe('Preferred language of the requesting contact (for templates such as the auto-acknowledgement); null when unknown.'),
});

/**
 * `helpdesk.ticket.message.added.v1`: a message joined the communication log. The mail gateway
 * sends outbound email messages with audience customer or supplier.
 */
export const ticketMessageAddedV1 = defineEvent({
  type: 'helpdesk.ticket.message.added.v1',
  domain: 'ticket',
  description:
    'A message was added to the ticket\'s communication log (inbound or outbound, any audience). Outbound email messages with audience customer or supplier are to be sent by the mail gateway, which reports helpdesk.mail.sent.v1 or helpdesk.mail.failed.v1. Customer-facing consumers must drop internal and supplier messages.',
  schema,
  example: {
    ticket: exampleTicket({ version: 7 }),
    actor: exampleActor,
    message: {
      messageId: '01936b2f-0000-7abc-8def-000000000011',
      audience: 'customer',
      medium: 'email',
      direction: 'outbound',
      purpose: 'reply',
      author: exampleActor,
      from: null,
      to: ['max.mustermann@example.com'],
      cc: [],
      subject: 'VPN connection fails with error 809',
      text: 'Hello Mr Mustermann,\n\nplease update the VPN client to version 5.2 and try again.\n\nKind regards\nAnna Schmidt',
      html: null,
      attachments: [],
      mailId: null,
      callId: null,
      inReplyToMessageId: '01936b2e-9a10-7b2c-8d3e-000000000010',
      createdAt: '2026-11-23T10:42:00.000Z',
    },
    language: 'en',
  },
});

/** Data of `helpdesk.ticket.message.added.v1`. */
export type TicketMessageAddedV1 = z.infer<typeof schema>;
