import { z } from 'zod';
import { defineEvent } from '../event-definition';
import { exampleTicket } from '../shared/examples';
import { ticketEventBaseSchema } from '../shared/ticket-event';
import { ticketStatusSchema } from '../shared/ticket-snapshot';

const schema = ticketEventBaseSchema.extend({
  previousStatus: ticketStatusSchema.describe('Status before the ticket was closed (usually resolved).'),
  reason: z.string().nullable().describe('Why it was closed, e.g. "confirmed by customer" or "closed automatically after 7 days"; null when not given.'),
});

/** `helpdesk.ticket.closed.v1`: a ticket was closed and is final (unless reopened within the configured days). */
export const ticketClosedV1 = defineEvent({
  type: 'helpdesk.ticket.closed.v1',
  domain: 'ticket',
  description:
    'The ticket was closed (by an agent, the customer, or automatically after the resolved period). Published together with helpdesk.ticket.status.changed.v1 for the same ticket.version.',
  schema,
  example: {
    ticket: exampleTicket({
      version: 13,
      status: 'closed',
      resolvedAt: '2026-11-23T12:25:00.000Z',
      closedAt: '2026-11-30T12:25:00.000Z',
      updatedAt: '2026-11-30T12:25:00.000Z',
    }),
    actor: { kind: 'system', id: null, displayName: 'ticket-auto-close' },
    previousStatus: 'resolved',
    reason: 'Closed automatically 7 days after resolution.',
  },
});

/** Data of `helpdesk.ticket.closed.v1`. */
export type TicketClosedV1 = z.infer<typeof schema>;
