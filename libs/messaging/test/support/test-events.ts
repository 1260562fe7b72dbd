import { defineEvent } from '@helpdesk/contracts';
import { z } from 'zod';

/** A small event of the test's own, on the ticket stream (behind the test file's prefix). */
export const noteAddedV1 = defineEvent({
  type: 'helpdesk.ticket.test-note.added.v1',
  domain: 'ticket',
  description: 'Test event: a note was added to a ticket.',
  schema: z.object({
    ticketId: z.uuid(),
    note: z.string().min(1),
    priority: z.enum(['low', 'normal', 'high']),
  }),
  example: { ticketId: '01890f0e-8c5a-7cc1-9a3e-3f2b6c7d8e9f', note: 'hello', priority: 'normal' },
});

/** A second test event, published by handlers as a follow-up. */
export const noteEchoedV1 = defineEvent({
  type: 'helpdesk.sla.test-note.echoed.v1',
  domain: 'sla',
  description: 'Test event: a handler echoed a note.',
  schema: z.object({ ticketId: z.uuid(), note: z.string() }),
  example: { ticketId: '01890f0e-8c5a-7cc1-9a3e-3f2b6c7d8e9f', note: 'hello' },
});

/** Valid data for {@link noteAddedV1}. */
export function note(ticketId: string, text: string): z.input<typeof noteAddedV1.schema> {
  return { ticketId, note: text, priority: 'normal' };
}
