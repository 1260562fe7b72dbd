import type {
  TicketAssignedV1,
  TicketClosedV1,
  TicketCreatedV1,
  TicketReopenedV1,
  TicketResolvedV1,
  TicketStatusChangedV1,
  TicketUpdatedV1,
} from '@helpdesk/contracts';
import type { Ticket } from './ticket';

/** The `data` type of each ticket event the lifecycle decisions produce, by event type. */
export interface TicketEventDataByType {
  'helpdesk.ticket.created.v1': TicketCreatedV1;
  'helpdesk.ticket.updated.v1': TicketUpdatedV1;
  'helpdesk.ticket.status.changed.v1': TicketStatusChangedV1;
  'helpdesk.ticket.assigned.v1': TicketAssignedV1;
  'helpdesk.ticket.resolved.v1': TicketResolvedV1;
  'helpdesk.ticket.closed.v1': TicketClosedV1;
  'helpdesk.ticket.reopened.v1': TicketReopenedV1;
}

/** A ticket event type the lifecycle decisions produce. */
export type TicketEventType = keyof TicketEventDataByType;

/**
 * One event as domain code produces it; the shape `libs/messaging`'s outbox takes as a
 * `DomainEvent`. `time` is the decision's `now`, so the CloudEvent `time` equals the snapshot's
 * `updatedAt`, as the contract promises.
 */
export interface TicketEventOf<T extends TicketEventType> {
  readonly type: T;
  /** The ticket id. */
  readonly subject: string;
  readonly time: Date;
  readonly data: TicketEventDataByType[T];
}

/** Any ticket lifecycle event; narrow on `type`. */
export type TicketEvent = { [T in TicketEventType]: TicketEventOf<T> }[TicketEventType];

/** Builds an event about `ticket` (the state after the change) happening at its `updatedAt`. */
export function ticketEvent<T extends TicketEventType>(type: T, ticket: Ticket, data: TicketEventDataByType[T]): TicketEventOf<T> {
  return { type, subject: ticket.id, time: ticket.updatedAt, data };
}
