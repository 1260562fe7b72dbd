import { z } from 'zod';
import { defineEvent } from '../event-definition';
import { exampleActor, exampleTicket } from '../shared/examples';
import { ticketEventBaseSchema } from '../shared/ticket-event';
import { ticketStatusSchema } from '../shared/ticket-snapshot';

const schema = ticketEventBaseSchema.extend({
  previousStatus: ticketStatusSchema.describe('Status before the change; the new status is ticket.status.'),
  reason: z.string().nullable().describe('Why the status changed, as the actor wrote it (e.g. "waiting for customer log files"); null when not given.'),
});

/**
 * `helpdesk.ticket.status.changed.v1`: published for every status transition, including the
 * ones that also publish `ticket.resolved`, `ticket.closed` or `ticket.reopened`.
 */
export const ticketStatusChangedV1 = defineEvent({
  type: 'helpdesk.ticket.status.changed.v1',
  domain: 'ticket',
  description:
    'The ticket status changed. Published for every transition (also when helpdesk.ticket.resolved/closed/reopened.v1 is published for the same change with the same ticket.version), so one subscription sees every pause and resume of an SLA clock.',
  schema,
  example: {
    ticket: exampleTicket({ version: 6, status: 'pending' }),
    actor: exampleActor,
    previousStatus: 'in_progress',
    reason: 'Waiting for the customer to send the VPN client log.',
  },
});

/** Data of `helpdesk.ticket.status.changed.v1`. */
export type TicketStatusChangedV1 = z.infer<typeof schema>;
