import type { TicketMessageAddedV1 } from '@helpdesk/contracts';

// The message event joins the ticket events a decision may produce (TicketDecision.events), with
// its contract type, so `ticketEvent('helpdesk.ticket.message.added.v1', …)` type-checks its data.
declare module '../tickets/ticket-events' {
  interface TicketEventDataByType {
    'helpdesk.ticket.message.added.v1': TicketMessageAddedV1;
  }
}
