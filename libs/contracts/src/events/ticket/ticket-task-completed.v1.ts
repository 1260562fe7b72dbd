import { z } from 'zod';
import { defineEvent } from '../event-definition';
import { exampleActor, exampleTicket } from '../shared/examples';
import { ticketEventBaseSchema } from '../shared/ticket-event';
import { ticketTaskSchema } from '../shared/ticket-task';

const schema = ticketEventBaseSchema.extend({
  task: ticketTaskSchema.describe('The task after completion; task.status is done or cancelled and task.completedAt is set.'),
  note: z.string().describe('Outcome note written on completion; may be empty.'),
});

/** `helpdesk.ticket.task.completed.v1`: a task was done or cancelled. */
export const ticketTaskCompletedV1 = defineEvent({
  type: 'helpdesk.ticket.task.completed.v1',
  domain: 'ticket',
  description: 'A task was finished: done or cancelled (task.status). The SLA service stops its due timer.',
  schema,
  example: {
    ticket: exampleTicket({ version: 11 }),
    actor: exampleActor,
    task: {
      taskId: '01936b32-0000-7abc-8def-000000000031',
      kind: 'callback',
      title: 'Call back Max Mustermann',
      description: 'Missed call on the hotline at 11:58.',
      status: 'done',
      assigneeKind: 'agent',
      assigneeId: '01936b2e-8f3a-7c4d-9e1f-2a3b4c5d6e7f',
      dueAt: '2026-11-23T13:58:00.000Z',
      remindAt: '2026-11-23T13:28:00.000Z',
      appointment: null,
      callId: '01936b33-0000-7abc-8def-000000000041',
      callbackNumber: '+4930123456',
      createdBy: { kind: 'system', id: null, displayName: 'ticket-call-handler' },
      createdAt: '2026-11-23T11:58:30.000Z',
      completedAt: '2026-11-23T12:20:00.000Z',
    },
    note: 'Reached the customer; issue solved by the client update.',
  },
});

/** Data of `helpdesk.ticket.task.completed.v1`. */
export type TicketTaskCompletedV1 = z.infer<typeof schema>;
