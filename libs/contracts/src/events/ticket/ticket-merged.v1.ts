import { z } from 'zod';
import { defineEvent } from '../event-definition';
import { exampleActor, exampleTicket } from '../shared/examples';
import { uuidSchema } from '../shared/primitives';
import { ticketEventBaseSchema } from '../shared/ticket-event';
import { ticketSnapshotSchema } from '../shared/ticket-snapshot';

const schema = ticketEventBaseSchema.extend({
  source: ticketSnapshotSchema.describe(
    'The ticket that was merged away, after the merge: cancelled, linked as duplicate of `ticket`. Its own helpdesk.ticket.status.changed.v1 is published with the same version.',
  ),
  reason: z.string().nullable().describe('Why the tickets were merged, as the actor wrote it; null when not given.'),
  messageIds: z.array(uuidSchema).describe('Messages moved from the source to `ticket` (helpdesk.ticket.message.added.v1 messageId); empty when none.'),
  workEntryIds: z
    .array(uuidSchema)
    .describe('Work log entries (and voiding entries) moved from the source to `ticket` (helpdesk.ticket.worklog.* entry ids); empty when none.'),
  taskIds: z.array(uuidSchema).describe('Tasks moved from the source to `ticket` (helpdesk.ticket.task.* taskId); empty when none.'),
});

/**
 * `helpdesk.ticket.merged.v1`: a ticket was merged into another. Subject and `ticket` are the
 * receiving ticket; consumers that keep messages, work or tasks per ticket (billing, the mail
 * gateway's thread map) re-point the listed ids from `source.ticketId` to `ticket.ticketId`.
 */
export const ticketMergedV1 = defineEvent({
  type: 'helpdesk.ticket.merged.v1',
  domain: 'ticket',
  description:
    'A ticket (source) was merged into this one: its messages, work log entries and tasks now belong to this ticket, and the source is cancelled as a duplicate of it.',
  schema,
  example: {
    ticket: exampleTicket({ version: 7 }),
    actor: exampleActor,
    source: exampleTicket({ ticketId: '01936b2e-9a10-7b2c-8d3e-4f5a6b7c8d9f', number: 'T-100235', version: 3, status: 'cancelled', closedAt: '2026-11-23T10:42:00.000Z' }),
    reason: 'Same VPN outage, reported twice by the customer.',
    messageIds: ['01936b2f-0a11-7c2d-8e3f-5a6b7c8d9e0f'],
    workEntryIds: [],
    taskIds: [],
  },
});

/** Data of `helpdesk.ticket.merged.v1`. */
export type TicketMergedV1 = z.infer<typeof schema>;
