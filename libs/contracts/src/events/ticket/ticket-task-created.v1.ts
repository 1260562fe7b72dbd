import { z } from 'zod';
import { defineEvent } from '../event-definition';
import { exampleTicket } from '../shared/examples';
import { ticketEventBaseSchema } from '../shared/ticket-event';
import { ticketTaskSchema } from '../shared/ticket-task';

const schema = ticketEventBaseSchema.extend({
  task: ticketTaskSchema.describe('The new task.'),
});

/** `helpdesk.ticket.task.created.v1`: a task (or a callback) was added to a ticket. */
export const ticketTaskCreatedV1 = defineEvent({
  type: 'helpdesk.ticket.task.created.v1',
  domain: 'ticket',
  description:
    'A task was added to a ticket: a sub-step with assignee, due time, reminder and optional appointment, or a callback for a missed call. The SLA service starts a due timer for task.dueAt.',
  schema,
  example: {
    ticket: exampleTicket({ version: 10 }),
    actor: { kind: 'system', id: null, displayName: 'ticket-call-handler' },
    task: {
      taskId: '01936b32-0000-7abc-8def-000000000031',
      kind: 'callback',
      title: 'Call back Max Mustermann',
      description: 'Missed call on the hotline at 11:58.',
      status: 'open',
      assigneeKind: null,
      assigneeId: null,
      dueAt: '2026-11-23T13:58:00.000Z',
      remindAt: '2026-11-23T13:28:00.000Z',
      appointment: null,
      callId: '01936b33-0000-7abc-8def-000000000041',
      callbackNumber: '+4930123456',
      createdBy: { kind: 'system', id: null, displayName: 'ticket-call-handler' },
      createdAt: '2026-11-23T11:58:30.000Z',
      completedAt: null,
    },
  },
});

/** Data of `helpdesk.ticket.task.created.v1`. */
export type TicketTaskCreatedV1 = z.infer<typeof schema>;
