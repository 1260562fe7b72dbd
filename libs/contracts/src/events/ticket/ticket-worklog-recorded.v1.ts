import { z } from 'zod';
import { defineEvent } from '../event-definition';
import { exampleActor, exampleTicket } from '../shared/examples';
import { ticketEventBaseSchema } from '../shared/ticket-event';
import { workLogEntrySchema } from '../shared/work-log-entry';

const schema = ticketEventBaseSchema.extend({
  entry: workLogEntrySchema.describe('The recorded work log entry.'),
});

/** `helpdesk.ticket.worklog.recorded.v1`: work was recorded on a ticket; billing makes a billable item of it. */
export const ticketWorklogRecordedV1 = defineEvent({
  type: 'helpdesk.ticket.worklog.recorded.v1',
  domain: 'ticket',
  description:
    'A work log entry was recorded (append-only). Billing turns it into a billable item (or documented non-billable effort), keyed by entry.entryId so redelivery creates nothing twice.',
  schema,
  example: {
    ticket: exampleTicket({ version: 8 }),
    actor: exampleActor,
    entry: {
      entryId: '01936b30-0000-7abc-8def-000000000021',
      agentId: '01936b2e-8f3a-7c4d-9e1f-2a3b4c5d6e7f',
      activityType: 'remote_support',
      startedAt: '2026-11-23T11:00:00.000Z',
      endedAt: '2026-11-23T11:35:00.000Z',
      durationMinutes: 35,
      performedOn: '2026-11-23T11:00:00.000Z',
      billable: true,
      materials: [{ sku: 'LIC-VPN-5', description: 'VPN client licence', quantity: '3', unit: 'piece' }],
      note: 'Updated the VPN client on three laptops remotely.',
      taskId: null,
      callId: null,
      recordedBy: exampleActor,
      recordedAt: '2026-11-23T11:36:00.000Z',
    },
  },
});

/** Data of `helpdesk.ticket.worklog.recorded.v1`. */
export type TicketWorklogRecordedV1 = z.infer<typeof schema>;
