import type { TicketMergedV1 } from '@helpdesk/contracts';

// The merge event joins the ticket events a decision may produce (TicketDecision.events), with
// its contract type, so `ticketEvent('helpdesk.ticket.merged.v1', …)` type-checks its data.
declare module '../tickets/ticket-events' {
  interface TicketEventDataByType {
    'helpdesk.ticket.merged.v1': TicketMergedV1;
  }
}
