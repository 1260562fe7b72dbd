import type { Actor } from '@helpdesk/contracts';
import type { HistoryChange } from '../history/history-chain';
import type { Ticket } from './ticket';
import { TicketError } from './ticket.errors';
import type { TicketEvent } from './ticket-events';

/** Configurable ticket rules (from the service's configuration). */
export interface TicketPolicy {
  /** Allowed category keys, e.g. technical, billing, sales, hr, other. */
  readonly categories: readonly string[];
  /** Days after closing in which a closed ticket may still be reopened; 0 never. */
  readonly reopenWindowDays: number;
}

/** Who changes a ticket, when, under which rules. */
export interface ChangeContext {
  /** The time of the change; becomes `updatedAt` and the event time. */
  readonly now: Date;
  readonly actor: Actor;
  readonly policy: TicketPolicy;
  /**
   * The version the caller last saw; when given and the ticket has moved on, the change is
   * refused with VERSION_CONFLICT instead of overwriting what the caller did not see.
   */
  readonly expectedVersion?: number;
}

/**
 * What a decision returns: the ticket after the change, the events to put in the outbox and the
 * changes to append to the history, all in one transaction. A change that changes nothing
 * returns the ticket as it was (same version) with no events and no history.
 */
export interface TicketDecision {
  readonly ticket: Ticket;
  readonly events: readonly TicketEvent[];
  readonly history: readonly HistoryChange[];
}

/** Throws VERSION_CONFLICT when `expectedVersion` is given and differs from the ticket's. */
export function assertExpectedVersion(ticket: Ticket, expectedVersion: number | undefined): void {
  if (expectedVersion === undefined || expectedVersion === ticket.version) return;
  throw new TicketError(
    'VERSION_CONFLICT',
    `ticket ${ticket.number} is at version ${ticket.version}, not ${expectedVersion}; reload it and try again`,
  );
}

/** Throws TICKET_CLOSED for a closed or cancelled ticket: those change only by reopening. */
export function assertChangeable(ticket: Ticket): void {
  if (ticket.status !== 'closed' && ticket.status !== 'cancelled') return;
  throw new TicketError('TICKET_CLOSED', `ticket ${ticket.number} is ${ticket.status} and cannot be changed`);
}

/** The next state: the changed ticket with its version bumped and `updatedAt` set to now. */
export function nextVersion(changed: Ticket, previousVersion: number, now: Date): Ticket {
  return { ...changed, version: previousVersion + 1, updatedAt: now };
}

/** The result of a change that changes nothing. */
export function unchanged(ticket: Ticket): TicketDecision {
  return { ticket, events: [], history: [] };
}
