import { ticketCreatedV1 } from '@helpdesk/contracts';
import { eventHandler } from '@helpdesk/messaging';
import { TicketMailBatch } from './ticket-mail-batch';
import { TicketMailIndex } from './ticket-mail-index';

/** Most events one read-model transaction applies (its row locks are held until it commits). */
export const READ_MODEL_BATCH = 100;

/** A new ticket: its number for subject tags, and — when a mail opened it — that mail's thread and participants. */
export function onTicketCreated() {
  const index = new TicketMailIndex();
  const batch = new TicketMailBatch();
  return eventHandler({
    event: ticketCreatedV1,
    durable: 'mail-gateway-ticket-created',
    handle: ({ data }, tx) => index.ticketCreated(tx.manager, data.ticket, data.mailId),
    // Every mail that opens a ticket brings one of these: the events that arrived meanwhile share
    // one transaction and one inbox statement (see libs/messaging README "Batches") and are
    // written by one statement, with the result of applying them in stream order (TicketMailBatch).
    handleBatch: (events, tx) => batch.ticketsCreated(tx.manager, events.map(({ data }) => ({ ticket: data.ticket, mailId: data.mailId }))),
    batchSize: READ_MODEL_BATCH,
  });
}
