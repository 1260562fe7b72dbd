import type { TicketTaskCompletedV1, TicketTaskCreatedV1 } from '@helpdesk/contracts';

// The task events join the ticket events a decision may produce (TicketDecision.events), with
// their contract types, so `ticketEvent('helpdesk.ticket.task.created.v1', …)` type-checks its data.
declare module '../tickets/ticket-events' {
  interface TicketEventDataByType {
    'helpdesk.ticket.task.created.v1': TicketTaskCreatedV1;
    'helpdesk.ticket.task.completed.v1': TicketTaskCompletedV1;
  }
}
