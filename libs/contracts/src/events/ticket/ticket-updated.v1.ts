import { z } from 'zod';
import { defineEvent } from '../event-definition';
import { exampleActor, exampleTicket } from '../shared/examples';
import { ticketEventBaseSchema } from '../shared/ticket-event';

const fieldChangeSchema = z.object({
  field: z
    .string()
    .min(1)
    .describe(
      'Name of the changed field: a key of the ticket snapshot (e.g. "priority", "queueId", "dueAt", "slaTrafficLight") or "description", "links", "externalReferences".',
    ),
  before: z.unknown().describe('JSON value before the change (null when unset).'),
  after: z.unknown().describe('JSON value after the change (null when cleared).'),
});

const schema = ticketEventBaseSchema.extend({
  changes: z
    .array(fieldChangeSchema)
    .min(1)
    .describe('The fields this change touched, with before and after values, in no particular order.'),
  description: z
    .string()
    .nullable()
    .describe('The new full description when it changed; null when the description did not change.'),
});

/** `helpdesk.ticket.updated.v1`: ticket fields other than status and assignment changed. */
export const ticketUpdatedV1 = defineEvent({
  type: 'helpdesk.ticket.updated.v1',
  domain: 'ticket',
  description:
    'Ticket fields changed other than status and assignment (summary, description, priority, category, customer/contact/contract, assets, tags, due date, links, and the SLA traffic light and overdue flag reported by the SLA service).',
  schema,
  example: {
    ticket: exampleTicket({ version: 5, priority: 'critical' }),
    actor: exampleActor,
    changes: [{ field: 'priority', before: 'high', after: 'critical' }],
    description: null,
  },
});

/** Data of `helpdesk.ticket.updated.v1`. */
export type TicketUpdatedV1 = z.infer<typeof schema>;
