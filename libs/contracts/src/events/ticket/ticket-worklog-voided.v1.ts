import { z } from 'zod';
import { defineEvent } from '../event-definition';
import { exampleActor, exampleTicket } from '../shared/examples';
import { timestampSchema, uuidSchema } from '../shared/primitives';
import { ticketEventBaseSchema } from '../shared/ticket-event';
import { workLogEntrySchema } from '../shared/work-log-entry';

const schema = ticketEventBaseSchema.extend({
  voidEntryId: uuidSchema.describe('Id of the new voiding entry in the append-only work log.'),
  voidedEntry: workLogEntrySchema.describe('The entry that is voided, as it was recorded (so a subscriber that missed it can still reverse it).'),
  reason: z.string().min(1).describe('Why the entry was voided, e.g. "booked on the wrong ticket".'),
  voidedAt: timestampSchema.describe('When the entry was voided.'),
});

/** `helpdesk.ticket.worklog.voided.v1`: a work log entry was voided by a voiding entry. */
export const ticketWorklogVoidedV1 = defineEvent({
  type: 'helpdesk.ticket.worklog.voided.v1',
  domain: 'ticket',
  description:
    'A work log entry was voided by a new voiding entry (nothing is deleted). Billing removes the item\'s effect before invoicing or adds a reversal line to the next run after invoicing.',
  schema,
  example: {
    ticket: exampleTicket({ version: 9 }),
    actor: exampleActor,
    voidEntryId: '01936b31-0000-7abc-8def-000000000022',
    voidedEntry: {
      entryId: '01936b30-0000-7abc-8def-000000000021',
      agentId: '01936b2e-8f3a-7c4d-9e1f-2a3b4c5d6e7f',
      activityType: 'remote_support',
      startedAt: null,
      endedAt: null,
      durationMinutes: 35,
      performedOn: '2026-11-23T11:00:00.000Z',
      billable: true,
      materials: [],
      note: 'Updated the VPN client.',
      taskId: null,
      callId: null,
      recordedBy: exampleActor,
      recordedAt: '2026-11-23T11:36:00.000Z',
    },
    reason: 'Booked on the wrong ticket.',
    voidedAt: '2026-11-23T12:00:00.000Z',
  },
});

/** Data of `helpdesk.ticket.worklog.voided.v1`. */
export type TicketWorklogVoidedV1 = z.infer<typeof schema>;
