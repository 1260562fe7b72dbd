import type { TicketPriority, TicketStatus } from '@helpdesk/contracts';

/** The SLA service's read model of a ticket: what clocks and notifications need. */
export interface SlaTicket {
  readonly ticketId: string;
  readonly number: string;
  readonly summary: string;
  readonly priority: TicketPriority;
  readonly status: TicketStatus;
  readonly customerId: string | null;
  readonly contractId: string | null;
  readonly assigneeId: string | null;
  readonly queueId: string | null;
  /** The latest ticket version applied (events are applied only when newer). */
  readonly ticketVersion: number;
  /** The policy the clocks were started under; null when none applies. */
  readonly policyId: string | null;
  /** Per-ticket version of the SLA state, +1 with every published `clock.updated`. */
  readonly slaVersion: number;
  readonly createdAt: Date;
}
