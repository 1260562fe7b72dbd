import { ticketCreatedV1 } from '@helpdesk/contracts';
import { eventHandler } from '@helpdesk/messaging';
import { TicketMailIndex } from './ticket-mail-index';

/** A new ticket: its number for subject tags, and — when a mail opened it — that mail's thread and participants. */
export function onTicketCreated() {
  const index = new TicketMailIndex();
  return eventHandler({
    event: ticketCreatedV1,
    durable: 'mail-gateway-ticket-created',
    handle: ({ data }, tx) => index.ticketCreated(tx.manager, data.ticket, data.mailId),
  });
}
