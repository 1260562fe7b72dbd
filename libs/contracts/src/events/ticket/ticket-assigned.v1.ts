import { z } from 'zod';
import { defineEvent } from '../event-definition';
import { exampleTicket } from '../shared/examples';
import { uuidSchema } from '../shared/primitives';
import { ticketEventBaseSchema } from '../shared/ticket-event';

const schema = ticketEventBaseSchema.extend({
  previousAssigneeId: uuidSchema.nullable().describe('Agent assigned before the change; null when it was unassigned.'),
  previousQueueId: uuidSchema.nullable().describe('Queue before the change; null when it was in no queue.'),
  mode: z
    .enum(['manual', 'round_robin', 'schedule', 'substitution', 'unassigned'])
    .describe(
      'How the assignment came about: manual (picked or assigned by hand), round_robin (queue strategy), schedule (the member of the active time slot opened it), substitution (bulk reassignment of an absent agent), unassigned (moved back to a queue without an agent).',
    ),
});

/** `helpdesk.ticket.assigned.v1`: the assignee or the queue of a ticket changed. */
export const ticketAssignedV1 = defineEvent({
  type: 'helpdesk.ticket.assigned.v1',
  domain: 'ticket',
  description: 'The ticket\'s assignee or queue changed; ticket.assigneeId and ticket.queueId hold the new values.',
  schema,
  example: {
    ticket: exampleTicket({ version: 3 }),
    actor: { kind: 'system', id: null, displayName: 'ticket-queue-round-robin' },
    previousAssigneeId: null,
    previousQueueId: '01936a00-5555-7aaa-8bbb-000000000005',
    mode: 'round_robin',
  },
});

/** Data of `helpdesk.ticket.assigned.v1`. */
export type TicketAssignedV1 = z.infer<typeof schema>;
