import { z } from 'zod';
import { defineEvent } from '../event-definition';
import { exampleTicket } from '../shared/examples';
import { ticketEventBaseSchema } from '../shared/ticket-event';

const schema = ticketEventBaseSchema.extend({
  previousStatus: z.enum(['resolved', 'closed']).describe('Status the ticket was reopened from.'),
  reason: z.string().nullable().describe('Why it was reopened, e.g. "customer reports the error again"; null when not given.'),
});

/** `helpdesk.ticket.reopened.v1`: a resolved or closed ticket is open again. */
export const ticketReopenedV1 = defineEvent({
  type: 'helpdesk.ticket.reopened.v1',
  domain: 'ticket',
  description:
    'A resolved (or recently closed) ticket was reopened; the knowledge service marks articles built from it for review. Published together with helpdesk.ticket.status.changed.v1 for the same ticket.version.',
  schema,
  example: {
    ticket: exampleTicket({ version: 13, status: 'open', updatedAt: '2026-11-24T08:05:00.000Z' }),
    actor: { kind: 'contact', id: '01936a00-2222-7aaa-8bbb-000000000002', displayName: 'Max Mustermann' },
    previousStatus: 'resolved',
    reason: 'Customer reports error 809 again on a fourth laptop.',
  },
});

/** Data of `helpdesk.ticket.reopened.v1`. */
export type TicketReopenedV1 = z.infer<typeof schema>;
