import type { TicketWorklogRecordedV1, TicketWorklogVoidedV1 } from '@helpdesk/contracts';

// The work log events join the ticket events a decision may produce (TicketDecision.events), with
// their contract types, so `ticketEvent('helpdesk.ticket.worklog.recorded.v1', …)` type-checks its data.
declare module '../tickets/ticket-events' {
  interface TicketEventDataByType {
    'helpdesk.ticket.worklog.recorded.v1': TicketWorklogRecordedV1;
    'helpdesk.ticket.worklog.voided.v1': TicketWorklogVoidedV1;
  }
}
