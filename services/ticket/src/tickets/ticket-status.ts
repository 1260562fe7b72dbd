import type { TicketStatus } from '@helpdesk/contracts';
import { TicketError } from './ticket.errors';

/** Statuses in which work on a ticket is still open; a ticket may be cancelled from each. */
export const OPEN_STATUSES: readonly TicketStatus[] = ['new', 'open', 'in_progress', 'pending'];

/**
 * The status machine. The main line is new → open → in_progress ⇄ pending → resolved → closed,
 * with cancelled from every open status and reopen (→ open) from resolved, and from closed
 * within the reopen window. Shortcuts a helpdesk needs:
 * - new → in_progress: an agent starts work at once (a call taken live);
 * - new → resolved: solved on first contact;
 * - open → pending: the agent asks the customer something before starting;
 * - in_progress → open: the agent stops work without a result and the ticket goes back to be picked up;
 * - pending → open: the customer (or third party) answered and the ticket waits to be picked up again;
 * - open, pending → resolved: solved without a separate work phase, or the customer reports it fixed.
 * cancelled is final; closed is final once the reopen window has passed.
 */
const TRANSITIONS: Readonly<Record<TicketStatus, readonly TicketStatus[]>> = {
  new: ['open', 'in_progress', 'resolved', 'cancelled'],
  open: ['in_progress', 'pending', 'resolved', 'cancelled'],
  in_progress: ['pending', 'open', 'resolved', 'cancelled'],
  pending: ['in_progress', 'open', 'resolved', 'cancelled'],
  resolved: ['closed', 'open'],
  closed: ['open'],
  cancelled: [],
};

/** What a transition check needs beyond the two statuses. */
export interface TransitionContext {
  readonly now: Date;
  /** When the ticket was closed; only read when reopening a closed ticket. */
  readonly closedAt: Date | null;
  /** How many days after closing a closed ticket may be reopened; 0 forbids it. */
  readonly reopenWindowDays: number;
}

const DAY_MS = 86_400_000;

/** The statuses a ticket in `from` may move to (ignoring the reopen window). */
export function allowedTransitions(from: TicketStatus): readonly TicketStatus[] {
  return TRANSITIONS[from];
}

/** Whether the machine has the edge `from → to` (ignoring the reopen window). */
export function canTransition(from: TicketStatus, to: TicketStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

/** Whether `status` is one of {@link OPEN_STATUSES}. */
export function isOpenStatus(status: TicketStatus): boolean {
  return OPEN_STATUSES.includes(status);
}

/** Whether `from → to` is a reopen (resolved or closed back to open). */
export function isReopen(from: TicketStatus, to: TicketStatus): from is 'resolved' | 'closed' {
  return (from === 'resolved' || from === 'closed') && to === 'open';
}

/**
 * The last instant a ticket closed at `closedAt` may be reopened. Days are 24-hour periods
 * counted from the moment of closing (not calendar days), so time zones do not matter.
 */
export function reopenDeadline(closedAt: Date, reopenWindowDays: number): Date {
  return new Date(closedAt.getTime() + reopenWindowDays * DAY_MS);
}

/**
 * Throws unless the ticket may move from `from` to `to` now: TRANSITION_NOT_ALLOWED naming both
 * statuses, or REOPEN_WINDOW_PASSED when a closed ticket's window has ended (the deadline itself
 * is still inside) or is 0 days.
 */
export function assertTransition(from: TicketStatus, to: TicketStatus, ctx: TransitionContext): void {
  if (!canTransition(from, to)) {
    throw new TicketError('TRANSITION_NOT_ALLOWED', `cannot change status from ${from} to ${to}`);
  }
  if (from === 'closed') assertReopenWindow(ctx);
}

function assertReopenWindow({ now, closedAt, reopenWindowDays }: TransitionContext): void {
  if (reopenWindowDays <= 0) {
    throw new TicketError('REOPEN_WINDOW_PASSED', 'cannot reopen: closed tickets cannot be reopened (the reopen window is 0 days)');
  }
  // A closed ticket without a closing time is inconsistent data; closed stays final then.
  if (!closedAt) throw new TicketError('REOPEN_WINDOW_PASSED', 'cannot reopen: the ticket has no closing time');
  const deadline = reopenDeadline(closedAt, reopenWindowDays);
  if (now.getTime() > deadline.getTime()) {
    throw new TicketError(
      'REOPEN_WINDOW_PASSED',
      `cannot reopen: the ticket was closed at ${closedAt.toISOString()} and the reopen window of ${reopenWindowDays} days ended at ${deadline.toISOString()}`,
    );
  }
}
