import { ticketUpdatedV1 } from '@helpdesk/contracts';
import { eventHandler } from '@helpdesk/messaging';
import { ThreadIndexRepository } from './thread-index.repository';

/** A ticket's contact changed: the new contact's addresses now take part in it (apply if newer). */
export function onTicketUpdated() {
  return eventHandler({
    event: ticketUpdatedV1,
    durable: 'mail-gateway-ticket-updated',
    // Most updates (priority, due date, SLA light) change nothing threading reads.
    appliesTo: ({ data }) => data.changes.some((change) => change.field === 'contactId'),
    handle: ({ data }, tx) => tx.get(ThreadIndexRepository).upsertTicket(data.ticket, { mailboxId: null, mailId: null }),
  });
}
